import { describe, expect, it } from 'vitest';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import { DEFAULT_ESCALATION_MATRIX, escalate, escalationMatrix, PROBLEM_TYPES } from './escalate.ts';
import { EMERGENCY_CLASSES, EMERGENCY_PLANS } from './plans.ts';

const AT = '2026-11-11T00:05:00+08:00';

describe('escalate (SLA-3)', () => {
  it('SLA-3: a prepared-plan problem goes to the supervisor; the owner and the due instant come with it', () => {
    expect(escalate({ problemId: 'P-1', type: 'prepared', class: 'powerOrNetworkLoss', reportedAt: AT })).toEqual({
      problemId: 'P-1',
      type: 'prepared',
      class: 'powerOrNetworkLoss',
      situation: null,
      level: 'supervisor',
      levelRank: 1,
      owner: 'it_admin',
      notify: [],
      reportedAt: AT,
      solutionDueAt: '2026-11-11T00:20:00+08:00',
      solutionDueEpochMs: Date.parse('2026-11-11T00:20:00+08:00'),
      solveWithinMinutes: 15,
      firstActions: EMERGENCY_PLANS.powerOrNetworkLoss.firstActions,
      rules: ['SLA-3', 'SLA-4'],
      message:
        'Power or network loss (covered by a prepared plan), reported 2026-11-11 00:05: escalate to supervisor; it_admin owns the solution, due 2026-11-11 00:20 (within 15 minutes; SLA-3).',
    });
  });

  it('SLA-3: sudden problems go one level up; public opinion goes to the director and brand/PR', () => {
    const sudden = escalate({ type: 'sudden', class: 'warehouseOrCourierFailure', situation: 'massDelay', reportedAt: AT });
    expect(sudden).toMatchObject({ level: 'manager', levelRank: 2, owner: 'warehouse_logistics', solveWithinMinutes: 120, solutionDueAt: '2026-11-11T02:05:00+08:00', situation: 'massDelay' });
    expect(sudden.firstActions[0]?.en).toBe('Tell buyers the new shipping date before they ask');
    expect(sudden.firstActions.slice(1)).toEqual(EMERGENCY_PLANS.warehouseOrCourierFailure.firstActions);
    expect(escalate({ type: 'sudden', class: 'brandIncident', reportedAt: AT })).toMatchObject({ level: 'director', owner: 'brand_pr', notify: ['legal'], solveWithinMinutes: 120 });
    expect(escalate({ type: 'publicOpinion', class: 'priceOrSpecError', reportedAt: AT })).toMatchObject({
      level: 'director',
      levelRank: 3,
      owner: 'brand_pr',
      notify: ['operations'],
      solutionDueAt: '2026-11-11T04:05:00+08:00',
    });
  });

  it('SLA-4: damage the buyer did not cause is reshipped or written off (RF-3), first', () => {
    const damaged = escalate({ type: 'prepared', class: 'warehouseOrCourierFailure', situation: 'damaged', reportedAt: AT });
    expect(damaged.firstActions[0]?.en).toContain('reship or write off');
    expect(damaged.message).toContain('Warehouse or courier failure: Damaged (covered by a prepared plan)');
  });

  it('SLA-3: the matrix is data and replaceable, cell by cell or whole', () => {
    expect(escalationMatrix()).toEqual(DEFAULT_ESCALATION_MATRIX);
    const faster = { cells: { sudden: { platformOutage: { solveWithinMinutes: 45, notify: ['cs_manager'] } } } };
    expect(escalate({ type: 'sudden', class: 'platformOutage', reportedAt: AT }, faster)).toMatchObject({ level: 'manager', owner: 'operations', solveWithinMinutes: 45, notify: ['cs_manager'] });
    // The shop's own levels: every cell names one of them.
    const levels = ['组长', '主管', '经理'];
    const cells = Object.fromEntries(PROBLEM_TYPES.map((type, i) => [type, Object.fromEntries(EMERGENCY_CLASSES.map((c) => [c, { level: levels[i] as string }]))]));
    const own = escalationMatrix({ levels, cells });
    expect(own.cells.publicOpinion.brandIncident).toEqual({ level: '经理', owner: 'brand_pr', solveWithinMinutes: 240, notify: ['legal'] });
    expect(escalate({ type: 'prepared', class: 'priceOrSpecError', reportedAt: AT }, { levels, cells })).toMatchObject({ level: '组长', levelRank: 1 });
    const actions = [{ zh: '先截图', en: 'Screenshot first' }];
    expect(escalate({ type: 'prepared', class: 'brandIncident', reportedAt: AT }, { firstActions: { brandIncident: actions } }).firstActions).toEqual(actions);
  });

  it('SLA-3: the due instant is elapsed time, written in the shop zone across DST (Berlin)', () => {
    const berlin = { timeZone: 'Europe/Berlin' };
    expect(escalate({ type: 'sudden', class: 'platformOutage', reportedAt: '2026-03-29T01:30:00+01:00' }, berlin).solutionDueAt).toBe('2026-03-29T03:30:00+02:00');
    expect(escalate({ type: 'sudden', class: 'platformOutage', reportedAt: '2026-10-25T02:30:00+02:00' }, berlin).solutionDueAt).toBe('2026-10-25T02:30:00+01:00');
  });

  it('SLA-4: every class has its situations and first actions, in Chinese and English', () => {
    expect(Object.keys(EMERGENCY_PLANS)).toEqual([...EMERGENCY_CLASSES]);
    for (const c of EMERGENCY_CLASSES) {
      const plan = EMERGENCY_PLANS[c];
      expect(plan.class).toBe(c);
      expect(plan.firstActions.length).toBeGreaterThan(0);
      for (const text of [plan.label, ...plan.firstActions, ...plan.situations.flatMap((s) => [s.label, ...s.firstActions])]) {
        expect(text.zh.length * text.en.length).toBeGreaterThan(0);
      }
    }
    const named = EMERGENCY_CLASSES.flatMap((c) => EMERGENCY_PLANS[c].situations.map((s) => s.id));
    for (const id of ['paymentCongestion', 'refundChannelClosed', 'powerCut', 'networkDown', 'wrongPrice', 'wrongSpecification', 'massDelay', 'lost', 'damaged', 'wrongOrMissingItems', 'mediaIncident']) {
      expect(named).toContain(id);
    }
    expect(Object.isFrozen(EMERGENCY_PLANS.brandIncident.firstActions)).toBe(true);
  });

  it('rejects hostile problems and matrices, naming the field', () => {
    const ok = { type: 'prepared' as const, class: 'platformOutage' as const, reportedAt: AT };
    expectInvalidAt(() => escalate({ ...ok, type: 'urgent' } as never), 'type');
    expectInvalidAt(() => escalate({ ...ok, class: 'alien' } as never), 'class');
    expectInvalidAt(() => escalate({ ...ok, situation: 'damaged' }), 'situation');
    expectInvalidAt(() => escalate({ ...ok, reportedAt: '11/11 00:05' }), 'reportedAt');
    expectInvalidAt(() => escalate({ ...ok, reportedAt: Number.NaN }), 'reportedAt');
    expectInvalidAt(() => escalate({ ...ok, problemId: '' }), 'problemId');
    expectInvalidAt(() => escalate(undefined as never), '');
    expectInvalidAt(() => escalate(ok, { cells: { sudden: { brandIncident: { solveWithinMinutes: 0 } } } }), 'matrix.cells.sudden.brandIncident.solveWithinMinutes');
    expectInvalidAt(() => escalate(ok, { cells: { sudden: { brandIncident: { solveWithinMinutes: 1.5 } } } }), 'matrix.cells.sudden.brandIncident.solveWithinMinutes');
    expectInvalidAt(() => escalate(ok, { cells: { sudden: { brandIncident: { level: 'ceo' } } } }), 'matrix.cells.sudden.brandIncident.level');
    expectInvalidAt(() => escalate(ok, { cells: { urgent: {} } } as never), 'matrix.cells.urgent');
    expectInvalidAt(() => escalate(ok, { levels: [] }), 'matrix.levels');
    expectInvalidAt(() => escalate(ok, { levels: ['supervisor', 'manager', 'director', 'manager'] }), 'matrix.levels.3');
    expectInvalidAt(() => escalate(ok, { firstActions: { brandIncident: [] } }), 'matrix.firstActions.brandIncident');
    expectInvalidAt(() => escalate(ok, { timeZone: 'GMT+8' }), 'matrix.timeZone');
    expectInvalidAt(() => escalationMatrix({ levels: ['a'] }), 'cells.prepared.platformOutage.level');
    // Renamed levels without cells: every cell still naming a default level is reported.
    const error = kefuErrorOf(() => escalate(ok, { levels: ['L1', 'L2'] }));
    expect(error.issues).toHaveLength(15);
    expect(error.issues[0]?.message).toContain("the default cell's level");
  });
});

import { describe, expect, it } from 'vitest';
import { labInstance, VARIANTS } from '../../bench/roster-instances.ts';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { generateRosterAsync } from './generate-async.ts';
import { generateRoster } from './generate.ts';
import type { RosterInput } from './input.ts';
import { validateRoster } from './validate.ts';

/** One day (or a few), hourly, with `need` agents of one skill over the given hours. */
function day(need: (hour: number) => number, overrides: Partial<RosterInput> = {}, days = 1): RosterInput {
  return {
    startDate: '2026-11-11',
    days,
    demand: { presale: Array.from({ length: 24 * days }, (_, h) => need(h)) },
    shifts: [{ id: 'night', start: '00:00', hours: 8 }],
    agents: [],
    timeLimitMs: 3000,
    ...overrides,
  };
}

const agents = (ids: readonly string[], extra: Record<string, unknown> = {}) => ids.map((id) => ({ id, skills: ['presale'], ...extra }));

function solved(input: RosterInput) {
  const r = generateRoster(input);
  expect(validateRoster(input, r.assignments)).toEqual([]);
  return r;
}

describe('RO-4: handover overlap between consecutive shifts', () => {
  const input = day(() => 1, {
    shifts: [
      { id: 'n', start: '00:00', hours: 8 },
      { id: 'd8', start: '08:00', hours: 8 },
      { id: 'e8', start: '16:00', hours: 8 },
      { id: 'd9', start: '07:00', hours: 9 },
      { id: 'e9', start: '15:00', hours: 9 },
    ],
    agents: agents(['a', 'b', 'c', 'd']),
  });

  it('without the rule, three back-to-back shifts cover the day exactly', () => {
    const r = solved(input);
    expect(r.objective).toBe(0);
    expect(r.objectiveTerms.handover).toBe(0);
  });

  it('with a 60-minute overlap, the longer shifts overlap by an hour at each change (2 surplus agent-hours instead of 2 × 5)', () => {
    const r = solved({ ...input, rules: { handoverMinutes: 60 } });
    expect(r.objectiveTerms).toMatchObject({ handover: 0, overstaff: 2, understaff: 0 });
    expect(r.objective).toBe(2);
    expect(r.assignments.map((a) => a.shiftId).sort()).toEqual(['d9', 'e9', 'n']);
  });

  it('prices each missed handover at the handover weight when overlapping costs more', () => {
    const r = solved({ ...input, rules: { handoverMinutes: 60 }, weights: { handover: 0.5 } });
    expect(r.objectiveTerms.handover).toBe(1);
    expect(r.objective).toBe(1);
  });
});

describe('RO-2: pre-sale to after-sale ratio per hour', () => {
  const input: RosterInput = {
    ...day(() => 0),
    demand: { presale: Array.from({ length: 24 }, (_, h) => (h < 8 ? 1 : 0)), aftersale: Array.from({ length: 24 }, (_, h) => (h < 8 ? 1 : 0)) },
    agents: ['a', 'b', 'c'].map((id) => ({ id, skills: ['presale', 'aftersale'] })),
  };

  it('without the rule, two agents cover the demand', () => {
    expect(solved(input).assignments).toHaveLength(2);
  });

  it('with 2 pre-sale per after-sale weighted above the surplus, a third agent works pre-sale', () => {
    const r = solved({ ...input, rules: { ratios: [{ skill: 'presale', per: 'aftersale', target: 2 }] }, weights: { ratio: 6 } });
    expect(r.assignments.filter((a) => a.skill === 'presale')).toHaveLength(2);
    expect(r.objectiveTerms).toMatchObject({ ratio: 0, overstaff: 8 });
    expect(r.provenOptimal).toBe(true);
  });

  it('at the default weight, the ratio gap and the surplus that would close it cost the same', () => {
    const r = solved({ ...input, rules: { ratios: [{ skill: 'presale', per: 'aftersale', target: 2 }] } });
    // (1, 1) is a third of an agent off a 2:1 split for 8 hours, 3 × 8/3; (2, 1) is 8 surplus agent-hours.
    expect(r.objective).toBeCloseTo(8, 9);
    expect(r.objectiveTerms.ratio + r.objectiveTerms.overstaff).toBeCloseTo(8, 9);
    expect(r.provenOptimal).toBe(true);
  });

  it('a per-interval target applies only where it is not null', () => {
    const target = Array.from({ length: 24 }, (_, h) => (h < 4 ? 2 : null));
    const r = solved({ ...input, rules: { ratios: [{ skill: 'presale', per: 'aftersale', target }] } });
    expect(r.objectiveTerms.ratio).toBeCloseTo(4, 9);
  });
});

describe('RO-1: the core team on the first hours after 00:00 of the event day', () => {
  const base = day((h) => (h < 8 ? 2 : 0), {
    agents: [...agents(['a', 'b'], { kind: 'temp' }), ...agents(['y', 'z'], { kind: 'fulltime' })],
  });
  const core = { date: '2026-11-11', from: '00:00', to: '02:00', minAgents: 2, kinds: ['fulltime'] };

  it('puts the full-timers on at midnight when they are the core', () => {
    const r = solved({ ...base, rules: { coreTeams: [core] } });
    expect(r.assignments.map((a) => a.agentId).sort()).toEqual(['y', 'z']);
    expect(r.objectiveTerms.coreTeam).toBe(0);
  });

  it('names agents as core too, and reports a core team short of members in the summary', () => {
    const r = solved({ ...base, rules: { coreTeams: [{ ...core, kinds: undefined, agents: ['a'], minAgents: 2 }] } });
    expect(r.assignments.map((a) => a.agentId)).toContain('a');
    // One core agent missing for 2 hours at the default weight 5.
    expect(r.objectiveTerms.coreTeam).toBe(10);
    expect(r.explanation.summary.join('\n')).toMatch(/core team 2026-11-11 00:00 short by 2 agent-hours.*RO-1/);
  });
});

describe('requests and pins', () => {
  const input = day((h) => (h < 8 ? 1 : 0), { agents: agents(['a', 'b']) });

  it('honours a day-off request when someone else can work', () => {
    const r = solved({ ...input, agents: [{ id: 'a', skills: ['presale'], requests: [{ date: '2026-11-11', off: true }] }, { id: 'b', skills: ['presale'] }] });
    expect(r.assignments.map((a) => a.agentId)).toEqual(['b']);
    expect(r.objectiveTerms.requests).toBe(0);
  });

  it('breaks the lighter request when both cannot be kept, and reports its cost', () => {
    const r = solved({
      ...input,
      agents: [
        { id: 'a', skills: ['presale'], requests: [{ date: '2026-11-11', off: true, weight: 2 }] },
        { id: 'b', skills: ['presale'], requests: [{ date: '2026-11-11', off: true }] },
      ],
    });
    expect(r.assignments.map((a) => a.agentId)).toEqual(['b']);
    expect(r.objectiveTerms.requests).toBe(3);
  });

  it('honours a shift request when it is worth more than the surplus it costs', () => {
    const shifts = [
      { id: 'night', start: '00:00', hours: 8 },
      { id: 'late', start: '16:00', hours: 8 },
    ];
    const r = solved({ ...input, shifts, demand: { presale: Array.from({ length: 24 }, () => 0) }, agents: [{ id: 'a', skills: ['presale'], requests: [{ date: '2026-11-11', shiftId: 'late', weight: 10 }] }] });
    expect(r.assignments.map((a) => a.shiftId)).toEqual(['late']);
    expect(r.objectiveTerms).toMatchObject({ requests: 0, overstaff: 8 });
    const cheap = solved({ ...input, shifts, demand: { presale: Array.from({ length: 24 }, () => 0) }, agents: [{ id: 'a', skills: ['presale'], requests: [{ date: '2026-11-11', shiftId: 'late', weight: 5 }] }] });
    expect(cheap.assignments).toEqual([]);
    expect(cheap.objectiveTerms.requests).toBe(5);
  });

  it('keeps a pinned shift even where nothing is needed', () => {
    const late = { id: 'late', start: '16:00', hours: 8 };
    const pinned = { ...input, shifts: [...(input.shifts ?? []), late], agents: [{ id: 'a', skills: ['presale'], fixed: [{ date: '2026-11-11', shiftId: 'late' }] }, { id: 'b', skills: ['presale'] }] };
    const r = solved(pinned);
    expect(r.assignments.map((a) => `${a.agentId} ${a.shiftId}`).sort()).toEqual(['a late', 'b night']);
    expect(r.objectiveTerms.overstaff).toBe(8);
    expect(validateRoster(pinned, [{ agentId: 'b', date: '2026-11-11', shiftId: 'night', skill: 'presale' }])).toEqual([
      expect.objectContaining({ code: 'FIXED_SHIFT_MISSING', agentId: 'a', date: '2026-11-11' }),
    ]);
  });

  it('reports pins that break rest between them as infeasible, with the rule, instead of throwing', () => {
    const shifts = [
      { id: 'late', start: '16:00', hours: 8 },
      { id: 'early', start: '06:00', hours: 8 },
    ];
    const r = generateRoster({
      ...day(() => 1, {}, 2),
      shifts,
      agents: [{ id: 'a', skills: ['presale'], fixed: [{ date: '2026-11-11', shiftId: 'late' }, { date: '2026-11-12', shiftId: 'early' }] }],
    });
    expect(r.status).toBe('infeasible');
    expect(r.assignments).toEqual([]);
    expect(r.conflicts).toEqual([expect.objectContaining({ code: 'REST_TOO_SHORT', agentId: 'a', date: '2026-11-12' })]);
    expect(r.explanation.summary[0]).toMatch(/pinned shifts break 1 hard rule/);
  });
});

describe('fairness within a contract group', () => {
  const input = day(() => 0, { demand: { presale: Array.from({ length: 96 }, (_, h) => (h % 24 < 8 ? 1 : 0)) }, agents: agents(['a', 'b']) }, 4);

  it('spreads four night shifts two and two', () => {
    const r = solved(input);
    expect(r.fairness.hoursByAgent).toEqual({ a: 16, b: 16 });
    expect(r.fairness.nightsByAgent).toEqual({ a: 2, b: 2 });
    expect(r.objectiveTerms.fairness).toBe(0);
    expect(r.objective).toBe(0);
  });

  it('reports the spread when fairness is switched off, and never trades coverage for it', () => {
    const off = solved({ ...input, weights: { fairness: 0 } });
    expect(off.objective).toBe(0);
    expect(off.fairness.byKind[0]).toMatchObject({ kind: 'agent', agents: 2, meanHours: 16 });
  });
});

describe('bad soft-rule input names the field', () => {
  const input = day(() => 1, { agents: agents(['a']) });
  it.each([
    [{ agents: [{ id: 'a', skills: ['presale'], requests: [{ date: '2026-11-11', off: true, shiftId: 'night' }] }] }, 'agents.0.requests.0'],
    [{ agents: [{ id: 'a', skills: ['presale'], requests: [{ date: '2026-11-11' }] }] }, 'agents.0.requests.0'],
    [{ agents: [{ id: 'a', skills: ['presale'], requests: [{ date: '2026-12-01', off: true }] }] }, 'agents.0.requests.0.date'],
    [{ agents: [{ id: 'a', skills: ['presale'], fixed: [{ date: '2026-11-11', shiftId: 'nope' }] }] }, 'agents.0.fixed.0.shiftId'],
    [{ agents: [{ id: 'a', skills: ['presale'], fixed: [{ date: '2026-11-11', shiftId: 'night', skill: 'vip' }] }] }, 'agents.0.fixed.0.skill'],
    [{ rules: { handoverMinutes: 45 } }, 'rules.handoverMinutes'],
    [{ rules: { ratios: [{ skill: 'presale', per: 'presale', target: 1 }] } }, 'rules.ratios.0.per'],
    [{ rules: { ratios: [{ skill: 'presale', per: 'aftersale', target: 1 }] } }, 'rules.ratios.0.per'],
    [{ rules: { ratios: [{ skill: 'presale', per: 'x', target: [1, 2] }] } }, 'rules.ratios.0.target'],
    [{ rules: { coreTeams: [{ date: '2026-11-11', from: '00:00', to: '02:00', minAgents: 1, kinds: ['boss'] }] } }, 'rules.coreTeams.0.kinds.0'],
    [{ rules: { coreTeams: [{ date: '2026-11-11', from: '00:00', to: '02:00', minAgents: 1 }] } }, 'rules.coreTeams.0'],
    [{ rules: { coreTeams: [{ date: '2026-11-11', from: '03:00', to: '02:00', minAgents: 1, agents: ['a'] }] } }, 'rules.coreTeams.0.to'],
    [{ weights: { handover: -1 } }, 'weights.handover'],
  ])('%j → %s', (override, path) => {
    expectInvalidAt(() => generateRoster({ ...input, ...(override as Partial<RosterInput>) }), path);
  });
});

describe('generateRosterAsync', () => {
  const input = labInstance(20, 1, VARIANTS['base']);

  it('with the built-in engine, gives the same roster as generateRoster', async () => {
    const r = await generateRosterAsync(input);
    expect(r.engine).toEqual({ used: 'builtin' });
    expect(r.assignments).toEqual(generateRoster(input).assignments);
  });

  it('with HiGHS in a worker thread, reaches the proven optimum 239', async () => {
    const r = await generateRosterAsync(input, { engine: 'highs' });
    expect(r.engine).toEqual({ used: 'highs' });
    expect(r.objective).toBe(239);
    expect(r.provenOptimal).toBe(true);
    expect(validateRoster(input, r.assignments)).toEqual([]);
  });

  it('falls back to the built-in engine, and says why, when highs cannot be loaded', async () => {
    const r = await generateRosterAsync(input, { engine: 'highs', highsFrom: '/nonexistent/' });
    expect(r.engine.used).toBe('builtin');
    expect(r.engine.note).toMatch(/HiGHS failed: .*highs.*built-in engine was used/s);
    expect(r.objective).toBe(239);
  });

  it('rejects an unknown engine naming the field', async () => {
    await expect(generateRosterAsync(input, { engine: 'gurobi' as 'highs' })).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: 'engine' })] });
  });
});

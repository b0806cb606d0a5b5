import { describe, expect, it } from 'vitest';
import { labInstance, VARIANTS } from '../../bench/roster-instances.ts';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { generateRoster } from './generate.ts';
import type { RosterInput } from './input.ts';
import { validateRoster } from './validate.ts';

/** A small two-skill week with students who may only work a 4-hour evening shift (RO-6). */
function smallWeek(overrides: Partial<RosterInput> = {}): RosterInput {
  const hours = 7 * 24;
  const curve = (h: number, base: number) => Math.round(base * (h % 24 >= 9 && h % 24 < 23 ? 1 : 0.3) + (h % 24 >= 19 && h % 24 < 23 ? 1 : 0));
  return {
    startDate: '2026-11-08',
    days: 7,
    demand: { presale: Array.from({ length: hours }, (_, h) => curve(h, 3)), aftersale: Array.from({ length: hours }, (_, h) => curve(h, 1)) },
    shifts: [
      { id: 'early', start: '08:00', hours: 9 },
      { id: 'late', start: '14:00', hours: 9 },
      { id: 'eve', start: '19:00', hours: 4 },
    ],
    agents: [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `ft${i}`, skills: i < 2 ? ['presale', 'aftersale'] : ['presale'], kind: 'fulltime', allowedShifts: ['early', 'late'] })),
      ...Array.from({ length: 2 }, (_, i) => ({ id: `as${i}`, skills: ['aftersale'], kind: 'fulltime', allowedShifts: ['early', 'late'] })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `st${i}`, skills: ['presale'], kind: 'student', allowedShifts: ['eve'], maxDaysPer7Days: 4 })),
    ],
    timeLimitMs: 5000,
    ...overrides,
  };
}

describe('generateRoster on the research instances (RO-5)', () => {
  it('base, 20 agents, seed 1: reaches the proven optimum 239 with no violation', () => {
    const input = labInstance(20, 1, VARIANTS['base']);
    const r = generateRoster(input);
    expect(r.objective).toBe(239);
    expect(r.lowerBound).toBe(239);
    expect(r.provenOptimal).toBe(true);
    expect(validateRoster(input, r.assignments)).toEqual([]);
    expect(r.objectiveTerms.understaff + r.objectiveTerms.overstaff).toBe(r.objective);
  });

  it('explains with what-if levers: +1 agent 239 → 139, 6 days in 7 → 72, an hour less rest changes nothing', () => {
    const r = generateRoster(labInstance(20, 1, VARIANTS['base']));
    const byLever = Object.fromEntries(r.explanation.levers.map((l) => [l.lever, l.objectiveLowerBound]));
    expect(byLever).toEqual({ addAgent: 139, sixDaysIn7: 72, restOneHourShorter: 239 });
    expect(r.explanation.bindingRules.map((b) => b.rule)).toContain('maxDaysPer7Days');
    expect(r.explanation.summary[0]).toMatch(/^Optimal/);
  });

  it('reaches the optimum on a sharp 00:00 spike where a plain simplex cycles (peak4, 20 agents, seed 1)', () => {
    const r = generateRoster(labInstance(20, 1, VARIANTS['peak4']));
    expect(r.objective).toBe(367);
    expect(r.provenOptimal).toBe(true);
  });
});

describe('generateRoster behaviour', () => {
  it('respects skills, allowed shifts, 4-in-7 for students and unavailability (RO-2, RO-6)', () => {
    const input = smallWeek({
      agents: [...(smallWeek().agents as NonNullable<RosterInput['agents']>), { id: 'away', skills: ['presale'], kind: 'fulltime', unavailable: [{ date: '2026-11-11' }, { date: '2026-11-12', from: '00:00', to: '12:00' }] }],
    });
    const r = generateRoster(input);
    expect(validateRoster(input, r.assignments)).toEqual([]);
    for (const a of r.assignments.filter((x) => x.agentId.startsWith('st'))) expect([a.shiftId, a.skill]).toEqual(['eve', 'presale']);
    expect(r.assignments.filter((a) => a.agentId === 'away' && a.date === '2026-11-11')).toEqual([]);
    expect(r.objective).toBeGreaterThanOrEqual(r.lowerBound);
  });

  it('reports coverage that equals the assignments, and totals that add up', () => {
    const input = smallWeek();
    const r = generateRoster(input);
    const counted = new Map<string, number>();
    for (const a of r.assignments) {
      for (let t = Date.parse(a.start); t < Date.parse(a.end); t += 3_600_000) {
        const key = `${new Date(t).toISOString()}|${a.skill}`;
        counted.set(key, (counted.get(key) ?? 0) + 1);
      }
    }
    for (const c of r.coverage) expect(c.scheduled, `${c.start} ${c.skill}`).toBe(counted.get(`${new Date(Date.parse(c.start)).toISOString()}|${c.skill}`) ?? 0);
    expect(r.totals.coveredHours + r.totals.understaffedHours).toBe(r.totals.requiredHours);
    expect(r.unmet.reduce((s, u) => s + u.shortfall, 0)).toBe(r.totals.understaffedHours);
  });

  it('gives an empty roster for zero demand', () => {
    const input = smallWeek({ demand: { presale: Array<number>(168).fill(0), aftersale: Array<number>(168).fill(0) } });
    const r = generateRoster(input);
    expect(r.assignments).toEqual([]);
    expect([r.objective, r.lowerBound, r.provenOptimal]).toEqual([0, 0, true]);
  });

  it('is deterministic, and the order of agents and shifts does not change the objective', () => {
    const input = smallWeek();
    const a = generateRoster(input);
    expect(generateRoster(input).assignments).toEqual(a.assignments);
    const shuffled = { ...input, agents: [...(input.agents ?? [])].reverse(), shifts: [...(input.shifts ?? [])].reverse() };
    expect(generateRoster(shuffled).objective).toBe(a.objective);
  });

  it('lets shifts run past midnight and ignores their hours beyond the horizon (RO-7)', () => {
    const input = smallWeek({ shifts: [{ id: 'night', start: '20:00', hours: 9 }, { id: 'day', start: '09:00', hours: 9 }], agents: [{ id: 'n1', skills: ['presale', 'aftersale'] }, { id: 'n2', skills: ['presale'] }] });
    const r = generateRoster(input);
    expect(validateRoster(input, r.assignments)).toEqual([]);
    expect(r.assignments.some((a) => a.shiftId === 'night')).toBe(true);
  });
});

describe('generateRoster bad input names the field', () => {
  const base = smallWeek();
  const cases: Array<[unknown, string]> = [
    [{ ...base, demand: { presale: [1, 2, 3], aftersale: base.demand['aftersale'] } }, 'demand.presale'],
    [{ ...base, demand: { ...base.demand, presale: [-1, ...(base.demand['presale'] as number[]).slice(1)] } }, 'demand.presale.0'],
    [{ ...base, demand: {} }, 'demand'],
    [{ ...base, agents: [{ id: 'x', skills: ['vip'] }] }, 'agents.0.skills.0'],
    [{ ...base, agents: [{ id: 'x', skills: ['presale'], allowedShifts: ['brunch'] }] }, 'agents.0.allowedShifts.0'],
    [{ ...base, agents: [{ id: 'x', skills: ['presale'] }, { id: 'x', skills: ['presale'] }] }, 'agents.1.id'],
    [{ ...base, agents: [{ id: 'x', skills: ['presale'], unavailable: [{ date: '2026-11-09', from: '08:00', to: '12:00' }, { date: '2026-11-09', from: '11:00', to: '13:00' }] }] }, 'agents.0.unavailable.1'],
    [{ ...base, agents: [{ id: 'x', skills: ['presale'], unavailable: [{ date: '2026-11-09', from: '12:00', to: '08:00' }] }] }, 'agents.0.unavailable.0.to'],
    [{ ...base, shifts: [{ id: 'odd', start: '08:30', hours: 8 }] }, 'shifts.0.start'],
    [{ ...base, shifts: [{ id: 'odd', start: '08:00', hours: 7.5 }] }, 'shifts.0.hours'],
    [{ ...base, shifts: [{ id: 'a', start: '08:00', hours: 8 }, { id: 'a', start: '09:00', hours: 8 }] }, 'shifts.1.id'],
    [{ ...base, days: 0 }, 'days'],
    [{ ...base, intervalMinutes: 45 }, 'intervalMinutes'],
    [{ ...base, agents: [{ id: 'x', skills: ['presale'], maxDaysPer7Days: 8 }] }, 'agents.0.maxDaysPer7Days'],
    [{ ...base, weights: { understaff: -1 } }, 'weights.understaff'],
  ];
  for (const [input, path] of cases) it(`rejects ${path}`, () => expectInvalidAt(() => generateRoster(input as RosterInput), path));
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { generateRoster } from './generate.ts';
import type { RosterInput } from './input.ts';
import { validateRoster } from './validate.ts';

/** Random small instances: up to 9 days, two skills, a few shift shapes, mixed agents. */
const instance = fc
  .record({
    days: fc.integer({ min: 1, max: 9 }),
    presale: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 24, maxLength: 24 }),
    aftersale: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 24, maxLength: 24 }),
    dayFactor: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 9, maxLength: 9 }),
    shifts: fc.uniqueArray(fc.record({ start: fc.integer({ min: 0, max: 23 }), hours: fc.constantFrom(4, 6, 8, 9, 12) }), { minLength: 1, maxLength: 4, selector: (s) => `${s.start}+${s.hours}` }),
    agents: fc.array(
      fc.record({
        skills: fc.constantFrom(['presale'], ['aftersale'], ['presale', 'aftersale']),
        maxDaysPer7Days: fc.integer({ min: 1, max: 7 }),
        minRestHours: fc.constantFrom(0, 8, 11, 12),
        maxConsecutiveDays: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        offDay: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      }),
      { minLength: 0, maxLength: 8 },
    ),
  })
  .map(({ days, presale, aftersale, dayFactor, shifts, agents }): RosterInput => ({
    startDate: '2026-11-06',
    days,
    demand: {
      presale: Array.from({ length: days * 24 }, (_, h) => (presale[h % 24] as number) * (dayFactor[Math.floor(h / 24)] as number)),
      aftersale: Array.from({ length: days * 24 }, (_, h) => aftersale[h % 24] as number),
    },
    shifts: shifts.map((s) => ({ id: `${s.start}+${s.hours}`, start: `${String(s.start).padStart(2, '0')}:00`, hours: s.hours })),
    agents: agents.map((a, i) => ({
      id: `agent${i}`,
      skills: a.skills,
      maxDaysPer7Days: a.maxDaysPer7Days,
      minRestHours: a.minRestHours,
      ...(a.maxConsecutiveDays === undefined ? {} : { maxConsecutiveDays: a.maxConsecutiveDays }),
      ...(a.offDay === undefined || a.offDay >= days ? {} : { unavailable: [{ date: `2026-11-${String(6 + a.offDay).padStart(2, '0')}` }] }),
    })),
    timeLimitMs: 2000,
  }));

describe('generateRoster properties', () => {
  test.prop([instance], { numRuns: 40 })('every roster passes validateRoster, and objective >= lowerBound', (input) => {
    const r = generateRoster(input);
    expect(validateRoster(input, r.assignments)).toEqual([]);
    expect(r.objective).toBeGreaterThanOrEqual(r.lowerBound - 1e-9);
    expect(r.provenOptimal).toBe(r.objective <= r.lowerBound + 1e-6);
  });

  test.prop([instance], { numRuns: 30 })('coverage equals the sum of assignments', (input) => {
    const r = generateRoster(input);
    const bySlot = new Map<string, number>();
    for (const a of r.assignments) {
      for (let t = Date.parse(a.start); t < Date.parse(a.end); t += 3_600_000) bySlot.set(`${t}|${a.skill}`, (bySlot.get(`${t}|${a.skill}`) ?? 0) + 1);
    }
    for (const c of r.coverage) expect(c.scheduled).toBe(bySlot.get(`${Date.parse(c.start)}|${c.skill}`) ?? 0);
  });

  test.prop([instance], { numRuns: 30 })('adding an agent never makes the objective worse', (input) => {
    const before = generateRoster(input);
    const extra = { id: 'extra', skills: ['presale', 'aftersale'] };
    const after = generateRoster({ ...input, agents: [...(input.agents ?? []), extra] });
    expect(after.lowerBound).toBeLessThanOrEqual(before.lowerBound + 1e-9);
    expect(after.objective).toBeLessThanOrEqual(before.objective + 1e-9);
  });

  test.prop([instance], { numRuns: 15 })('zero demand gives an empty roster', (input) => {
    const zero = { ...input, demand: { presale: Array<number>(input.days * 24).fill(0), aftersale: Array<number>(input.days * 24).fill(0) } };
    const r = generateRoster(zero);
    expect(r.assignments).toEqual([]);
    expect(r.objective).toBe(0);
  });
});

/** The same instances with every soft rule on, and some of a first roster's shifts pinned. */
const withRules = fc.tuple(instance, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([input, pinEvery, core, requests]) => {
  const first = generateRoster(input);
  const pins = new Map<string, Array<{ date: string; shiftId: string; skill: string }>>();
  first.assignments.forEach((a, i) => {
    if (pinEvery > 0 && i % (pinEvery + 1) === 0) pins.set(a.agentId, [...(pins.get(a.agentId) ?? []), { date: a.date, shiftId: a.shiftId, skill: a.skill }]);
  });
  const agents = (input.agents ?? []).map((a, i) => ({
    ...a,
    kind: i % 2 === 0 ? 'fulltime' : 'parttime',
    fixed: pins.get(a.id) ?? [],
    requests: requests && i % 3 === 0 ? [{ date: input.startDate, off: true as const, weight: 2 }] : [],
  }));
  const rules = {
    handoverMinutes: 60,
    ratios: [{ skill: 'presale', per: 'aftersale', target: 2 }],
    coreTeams: agents.length > 0 ? [{ date: input.startDate, from: '00:00', to: '03:00', minAgents: core, kinds: ['fulltime'] }] : [],
  };
  return { ...input, agents, rules, timeLimitMs: 1000 } satisfies RosterInput;
});

describe('generateRoster properties with soft rules and pins', () => {
  test.prop([withRules], { numRuns: 15 })('pins taken from a valid roster are kept, every hard rule holds, the terms add up and objective >= lowerBound', (input) => {
    const r = generateRoster(input);
    expect(r.status).not.toBe('infeasible');
    expect(validateRoster(input, r.assignments)).toEqual([]);
    const t = r.objectiveTerms;
    expect(t.understaff + t.overstaff + t.handover + t.ratio + t.coreTeam + t.requests).toBeCloseTo(r.objective, 6);
    expect(r.objective).toBeGreaterThanOrEqual(r.lowerBound - 1e-9);
  }, 60_000);

  test.prop([withRules], { numRuns: 10 })('deterministic: the same input gives the same roster', (input) => {
    expect(generateRoster(input).assignments).toEqual(generateRoster(input).assignments);
  }, 60_000);
});

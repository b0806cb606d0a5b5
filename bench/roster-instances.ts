// The roster benchmark instances: a port of the research lab's generator (same arithmetic, so the
// proven optima recorded for it apply). 14 days of hourly demand for one skill: presale opens at
// 20:00 on day 2, demand ramps up to the event day (day 10 = 11.11) with a 00:00 spike and a
// queue before midnight on its eve, then an after-sale tail, a weekend bump and ±10% noise.
// Demand is scaled so that demand-hours = load × agents × maxDaysIn7/7 × days × 8 h.
import type { RosterInput } from '../src/roster/index.ts';

/** The lab's seeded generator (mulberry32), kept bit-for-bit so instances match. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Relative chat volume by hour of an ordinary day. */
const ORDINARY_DAY = [0.35, 0.2, 0.1, 0.06, 0.05, 0.05, 0.08, 0.18, 0.4, 0.7, 0.9, 0.95, 0.8, 0.85, 0.9, 0.9, 0.85, 0.8, 0.8, 0.9, 1.0, 1.05, 1.0, 0.7];

export interface Variant {
  readonly load?: number;
  readonly lengths?: readonly number[];
  readonly maxDaysIn7?: number;
  readonly minRest?: number;
  readonly peak?: number;
}

/** The seven benchmark variants. */
export const VARIANTS: Readonly<Record<string, Variant>> = {
  base: {},
  peak4: { peak: 4.0 },
  load110: { load: 1.1 },
  rest12: { minRest: 12 },
  long89: { lengths: [8, 9] },
  short46: { lengths: [4, 6] },
  days4in7: { maxDaysIn7: 4 },
};

/** Hourly demand of one instance. */
export function labDemand(agents: number, seed: number, v: Variant = {}): number[] {
  const days = 14;
  const load = v.load ?? 0.9;
  const maxDaysIn7 = v.maxDaysIn7 ?? 5;
  const eventDay = days - 4;
  const presaleDay = 2;
  const peak = v.peak ?? 2.6;
  const random = mulberry32(seed * 7919 + agents);
  const raw: number[] = [];
  for (let d = 0; d < days; d++) {
    let dayFactor = 1.0;
    if (d >= presaleDay && d < eventDay) dayFactor = 1.1 + 0.25 * ((d - presaleDay) / Math.max(1, eventDay - presaleDay));
    if (d === eventDay) dayFactor = 1.8;
    if (d > eventDay) dayFactor = 1.3 - 0.1 * (d - eventDay - 1);
    if (d % 7 === 5 || d % 7 === 6) dayFactor *= 1.1;
    for (let h = 0; h < 24; h++) {
      let value = (ORDINARY_DAY[h] as number) * dayFactor;
      if (d === presaleDay && h >= 20) value *= 1.8;
      if (d === eventDay && h <= 2) value = peak * ([1.0, 0.8, 0.55][h] as number);
      if (d === eventDay - 1 && h >= 22) value *= 1.5;
      value *= 0.9 + 0.2 * random();
      raw.push(value);
    }
  }
  const capacity = agents * (maxDaysIn7 / 7) * days * 8;
  const scale = (load * capacity) / raw.reduce((a, b) => a + b, 0);
  return raw.map((value) => Math.max(0, Math.round(value * scale)));
}

/** A lab instance as kefu roster input: identical agents, shifts starting at any hour. */
export function labInstance(agents: number, seed: number, v: Variant = {}): RosterInput {
  const lengths = v.lengths ?? [4, 6, 8, 9];
  return {
    startDate: '2026-11-01',
    days: 14,
    timeZone: 'Asia/Shanghai',
    intervalMinutes: 60,
    demand: { presale: labDemand(agents, seed, v) },
    shifts: Array.from({ length: 24 }, (_, h) => lengths.map((len) => ({ id: `${String(h).padStart(2, '0')}+${len}`, start: `${String(h).padStart(2, '0')}:00`, hours: len }))).flat(),
    agents: Array.from({ length: agents }, (_, i) => ({ id: `a${String(i + 1).padStart(3, '0')}`, skills: ['presale'], maxDaysPer7Days: v.maxDaysIn7 ?? 5, minRestHours: v.minRest ?? 11 })),
    seed: 1,
  };
}

/**
 * The large instance: 500 agents over 28 days (2026-10-21 to 2026-11-17, 11.11 on day 21), hourly
 * demand for presale and aftersale. 350 full-timers work 8 or 9 hours (60% presale, 20%
 * aftersale, 20% both); 150 part-timers (30%) work 4 or 6 hours of presale, only on weekday
 * evenings from 18:00 and at weekends, at most 4 days in 7.
 */
export function largeInstance(): RosterInput {
  const days = 28;
  const presale = labDemand(500, 7, {}).slice(0, 14 * 24);
  const shape = [...presale, ...presale].map((v, h) => Math.round(v * 0.55 * (h >= 21 * 24 && h < 22 * 24 ? 1.6 : 1)));
  const after = shape.map((v, h) => Math.round(v * (h < 21 * 24 ? 0.25 : 0.6)));
  const lengths = [4, 6, 8, 9];
  const shifts = Array.from({ length: 24 }, (_, h) => lengths.map((len) => ({ id: `${String(h).padStart(2, '0')}+${len}`, start: `${String(h).padStart(2, '0')}:00`, hours: len }))).flat();
  const fullTime = shifts.filter((s) => s.hours >= 8).map((s) => s.id);
  const partTime = shifts.filter((s) => s.hours <= 6).map((s) => s.id);
  const weekdays = Array.from({ length: days }, (_, d) => d).filter((d) => [1, 2, 3, 4, 5].includes((3 + d) % 7)); // 2026-10-21 is a Wednesday
  const date = (d: number) => new Date(Date.UTC(2026, 9, 21 + d)).toISOString().slice(0, 10);
  const agents = Array.from({ length: 500 }, (_, i) => {
    const id = `p${String(i + 1).padStart(3, '0')}`;
    if (i >= 350) return { id, skills: ['presale'], kind: 'parttime', allowedShifts: partTime, maxDaysPer7Days: 4, unavailable: weekdays.map((d) => ({ date: date(d), from: '00:00', to: '18:00' })) };
    const skills = i < 210 ? ['presale'] : i < 280 ? ['aftersale'] : ['presale', 'aftersale'];
    return { id, skills, kind: 'fulltime', allowedShifts: fullTime };
  });
  return { startDate: '2026-10-21', days, demand: { presale: shape, aftersale: after }, shifts, agents, timeLimitMs: 12_000 };
}

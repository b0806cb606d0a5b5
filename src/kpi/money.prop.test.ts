// Money properties (reference kpi.md §4.8, invariants 10–12 and 14): allocation, cascade,
// payout and tied prizes, all checked with exact integer arithmetic on the returned strings.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { allocate, prizeAwards } from './allocate.ts';
import { cascadeTargets } from './cascade.ts';
import { payout, type PayoutSchedule } from './payout.ts';

/** A decimal string with 2 places as an integer number of fen. */
const fen = (text: string): bigint => {
  const [whole = '0', frac = ''] = text.split('.');
  return BigInt(whole + frac.padEnd(2, '0'));
};
const sumFen = (texts: readonly string[]): bigint => texts.reduce((a, t) => a + fen(t), 0n);
const yuan = (f: bigint): string => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;

const weightMap = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1000 })), { minLength: 1, maxLength: 12, selector: ([id]) => id }).filter((ws) => ws.some(([, w]) => w > 0));

describe('allocate properties (10)', () => {
  test.prop([fc.bigInt({ min: 0n, max: 10n ** 12n }), weightMap, fc.integer()], { numRuns: 200 })(
    'shares sum to the total, each within one fen of its quota, zero weight gets zero, any key order, any weight scale',
    (totalFen, weights, seed) => {
      const total = yuan(totalFen);
      const obj = Object.fromEntries(weights);
      const out = allocate(total, obj);
      expect(sumFen(Object.values(out))).toBe(totalFen);
      const W = BigInt(weights.reduce((a, [, w]) => a + w, 0));
      for (const [id, w] of weights) {
        const share = fen(out[id] as string);
        const quotaFloor = (totalFen * BigInt(w)) / W;
        expect(share === quotaFloor || share === quotaFloor + 1n).toBe(true);
        if (w === 0) expect(share).toBe(0n);
      }
      const shuffled = Object.fromEntries(fc.sample(fc.shuffledSubarray(weights, { minLength: weights.length, maxLength: weights.length }), { seed, numRuns: 1 })[0] ?? weights);
      expect(allocate(total, shuffled)).toEqual(out);
      expect(allocate(total, Object.fromEntries(weights.map(([id, w]) => [id, w * 7])))).toEqual(out);
    },
  );

  test.prop([fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 1, max: 30 })], { numRuns: 100 })('equal weights differ by at most one fen', (totalFen, n) => {
    const out = allocate(yuan(totalFen), Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, 1])));
    const shares = Object.values(out).map(fen);
    const lo = shares.reduce((a, b) => (a < b ? a : b));
    const hi = shares.reduce((a, b) => (a > b ? a : b));
    expect(hi - lo <= 1n).toBe(true);
  });
});

describe('cascadeTargets properties (11)', () => {
  const input = fc.record({
    totalYuan: fc.integer({ min: 0, max: 50_000_000 }),
    shops: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }).filter((ws) => ws.some((w) => w > 0)),
    days: fc.integer({ min: 1, max: 10 }),
    promo: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 10, maxLength: 10 }),
    agents: fc.array(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 5 }),
    unit: fc.constantFrom('0.01', '1', '100'),
    challenge: fc.option(fc.constantFrom(1, 1.2, 1.3, '1.25'), { nil: undefined }),
  });
  test.prop([input], { numRuns: 80 })('per shop Σ days = shop, per day Σ agents = day, grand total exact; every level a multiple of the unit', (x) => {
    const unitFen = fen(x.unit);
    const totalFen = (BigInt(x.totalYuan) * 100n / unitFen) * unitFen; // a multiple of the unit
    const dates = Array.from({ length: x.days }, (_, d) => `2026-11-${String(d + 1).padStart(2, '0')}`);
    const plan = cascadeTargets({
      total: yuan(totalFen),
      period: { start: dates[0] as string, end: dates[dates.length - 1] as string },
      shops: x.shops.map((weight, i) => ({ shopId: `s${i}`, weight })),
      dayWeights: Object.fromEntries(dates.map((d, i) => [d, x.promo[i] as number])),
      agents: x.agents.map((hours, a) => ({ agentId: `a${a}`, hours: Object.fromEntries(dates.map((d, i) => [d, hours[i] as number])) })),
      unit: x.unit,
      ...(x.challenge === undefined ? {} : { challengeFactor: x.challenge }),
    });
    const levels: Array<[string, readonly string[]]> = [[plan.total, plan.shops.map((s) => s.target)]];
    for (const shop of plan.shops) {
      levels.push([shop.target, shop.days.map((d) => d.target)]);
      for (const day of shop.days) levels.push([day.target, day.agents.map((a) => a.target)]);
    }
    for (const [whole, parts] of levels) expect(sumFen(parts)).toBe(fen(whole));
    expect(sumFen(plan.agents.map((a) => a.target))).toBe(fen(plan.total));
    for (const [, parts] of levels) for (const p of parts) expect(fen(p) % unitFen).toBe(0n);
    if (x.challenge !== undefined) {
      expect(sumFen(plan.shops.map((s) => s.challenge as string))).toBe(fen(plan.challengeTotal as string));
      for (const shop of plan.shops) for (const day of shop.days) expect(sumFen(day.agents.map((a) => a.challenge as string))).toBe(fen(day.challenge as string));
    }
  });
});

describe('payout properties (12)', () => {
  /** Random valid schedules: rising attainments, non-decreasing amounts, optional cap. */
  const amounts = (n: number): fc.Arbitrary<number[]> => fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: n, maxLength: n }).map((xs) => xs.sort((a, b) => a - b));
  const attainments = fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 6 }).map((xs) => xs.sort((a, b) => a - b).map((x) => x / 1000));
  const schedule: fc.Arbitrary<PayoutSchedule> = fc.oneof(
    attainments.chain((ats) => fc.tuple(amounts(ats.length), fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined })).map(([amts, cap]): PayoutSchedule => ({ kind: 'curve', points: ats.map((attainment, i) => ({ attainment, amount: yuan(BigInt(amts[i] as number)) })), ...(cap === undefined ? {} : { cap: yuan(BigInt(cap)) }) }))),
    attainments.chain((ats) => amounts(ats.length).map((amts): PayoutSchedule => ({ kind: 'steps', steps: ats.map((attainment, i) => ({ attainment, amount: yuan(BigInt(amts[i] as number)) })) }))),
    attainments.chain((ats) =>
      fc.tuple(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: ats.length, maxLength: ats.length }), fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }), fc.constantFrom('attainment', 'amount') as fc.Arbitrary<'attainment' | 'amount'>).map(
        ([rates, cap, basis]): PayoutSchedule => ({ kind: 'bands', basis, bands: ats.map((from, i) => ({ from: basis === 'amount' ? from * 10000 : from, rate: (rates[i] as number) / 1000 })), ...(cap === undefined ? {} : { cap: yuan(BigInt(cap)) }) }),
      ),
    ),
  );
  const target = fc.integer({ min: 1, max: 10_000_000 });

  test.prop([schedule, target, fc.integer({ min: -1_000_000, max: 30_000_000 }), fc.integer({ min: 0, max: 5_000_000 })], { numRuns: 300 })(
    'never negative, never lower for a higher actual, never above the cap or the last point',
    (s, targetFen, actualFen, more) => {
      const t = yuan(BigInt(targetFen));
      const a = actualFen < 0 ? `-${yuan(BigInt(-actualFen))}` : yuan(BigInt(actualFen));
      const p1 = fen(payout(a, t, s).amount);
      const p2 = fen(payout(yuan(BigInt(Math.max(actualFen, 0) + more)), t, s).amount);
      expect(p1 >= 0n).toBe(true);
      expect(p2 >= p1).toBe(true);
      if (s.cap !== undefined) expect(p2 <= fen(String(s.cap))).toBe(true);
      if (s.kind === 'curve' || s.kind === 'steps') {
        const rows = s.kind === 'curve' ? s.points : s.steps;
        expect(p2 <= fen(String(rows[rows.length - 1]?.amount))).toBe(true);
      }
    },
  );

  test.prop([attainments.filter((a) => a.length >= 2), target, fc.integer({ min: 0, max: 25_000_000 }), fc.integer({ min: 1, max: 1000 })], { numRuns: 200 })(
    'a curve starting at 0 is continuous: |p(a) − p(a′)| <= max slope × |a − a′| + 1 fen',
    (ats, targetFen, actualFen, step) => {
      const amts = ats.map((_, i) => i * 50_000); // 0, 500.00, 1000.00, …
      const s: PayoutSchedule = { kind: 'curve', points: ats.map((attainment, i) => ({ attainment, amount: yuan(BigInt(amts[i] as number)) })) };
      const slopes = ats.slice(1).map((x, i) => (50_000 / (x - (ats[i] as number))) / targetFen); // fen of payout per fen of actual
      const maxSlope = Math.max(...slopes);
      const p = (f: number): number => Number(fen(payout(yuan(BigInt(f)), yuan(BigInt(targetFen)), s).amount));
      expect(Math.abs(p(actualFen + step) - p(actualFen))).toBeLessThanOrEqual(maxSlope * step + 1 + 1e-9);
    },
  );
});

describe('prizeAwards properties (14)', () => {
  test.prop(
    [fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 6 })],
    { numRuns: 200 },
  )('split: the awards sum to the prizes of the positions covered; tied agents differ by at most a fen; better ranks never earn less', (scores, rawPrizes) => {
    // Competition ranks from scores (higher is better).
    const ranking = scores.map((score, i) => ({ agentId: `a${String(i).padStart(2, '0')}`, rank: 1 + scores.filter((o) => o > score).length }));
    const prizes = [...rawPrizes].sort((a, b) => b - a).map((p) => yuan(BigInt(p)));
    const awards = prizeAwards({ ranking, prizes });
    const covered = prizes.slice(0, ranking.length);
    expect(sumFen(awards.map((a) => a.amount))).toBe(sumFen(covered));
    for (const a of awards) {
      const peers = awards.filter((b) => b.rank === a.rank).map((b) => fen(b.amount));
      const spread = peers.reduce((x, y) => (x > y ? x : y)) - peers.reduce((x, y) => (x < y ? x : y));
      expect(spread <= 1n).toBe(true);
      for (const b of awards) if (b.rank > a.rank) expect(fen(b.amount) <= fen(a.amount) + 1n).toBe(true);
    }
    // `full` pays each tied agent the best prize its tie covers: at least the split share.
    const full = new Map(prizeAwards({ ranking, prizes, tiePolicy: 'full' }).map((a) => [a.agentId, fen(a.amount)]));
    for (const a of awards) expect((full.get(a.agentId) as bigint) >= fen(a.amount)).toBe(true);
  });
});

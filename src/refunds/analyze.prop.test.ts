// Analytics invariants of reference/refunds.md §5.9 (13).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { analyzeRefunds, type RefundRecord } from './analyze.ts';
import { BUCKETS, REASON_CODES } from './taxonomy.ts';

const record = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  category: fc.constantFrom('a', 'b', 'c'),
  amount: fc.integer({ min: 0, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)),
  code: fc.constantFrom(...REASON_CODES),
  buyerId: fc.constantFrom('x', 'y', 'z', 'w'),
});
const records = fc.array(record, { maxLength: 40 }) as fc.Arbitrary<RefundRecord[]>;

describe('refund analytics properties', () => {
  test.prop([records], { numRuns: 150 })('bucket shares sum to 1, Pareto is non-decreasing and ends at 1, nothing is NaN', (refunds) => {
    const a = analyzeRefunds(refunds);
    expect(JSON.stringify(a)).not.toContain('NaN');
    if (refunds.length === 0) return;
    const sum = BUCKETS.reduce((s, b) => s + a.buckets[b].share, 0);
    expect(sum).toBeCloseTo(1, 12);
    expect(BUCKETS.reduce((s, b) => s + a.buckets[b].count, 0)).toBe(refunds.length);
    for (let i = 1; i < a.pareto.length; i++) expect(a.pareto[i]?.cumulativeShare ?? 0).toBeGreaterThanOrEqual(a.pareto[i - 1]?.cumulativeShare ?? 0);
    expect(a.pareto[a.pareto.length - 1]?.cumulativeShare).toBe(1);
    expect(a.vitalFew.length).toBeGreaterThan(0);
  });

  test.prop([records, fc.integer({ min: 0, max: 50 })], { numRuns: 100 })('refund rates lie in [0, 1] when the refunds are among the paid orders', (refunds, extra) => {
    const orders = ['a', 'b', 'c'].map((category) => {
      const mine = refunds.filter((r) => r.category === category);
      const amount = mine.reduce((s, r) => s + Number(r.amount) * 100, 0);
      return { category, paidOrders: mine.length + extra, paidAmount: ((amount + extra * 100) / 100).toFixed(2) };
    });
    for (const c of analyzeRefunds(refunds, orders).byCategory) {
      for (const rate of [c.rateByCount, c.rateByAmount]) {
        if (rate === null) continue;
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }
    }
  });

  test.prop([records.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })))], { numRuns: 100 })(
    'the result does not depend on the order of the input',
    ([refunds, shuffled]) => {
      expect(analyzeRefunds(shuffled)).toEqual(analyzeRefunds(refunds));
    },
  );

  test.prop([records, records], { numRuns: 100 })('counts add up over disjoint unions', (x, y) => {
    const a = analyzeRefunds(x);
    const b = analyzeRefunds(y);
    const ab = analyzeRefunds([...x, ...y]);
    expect(ab.count).toBe(a.count + b.count);
    for (const bucket of BUCKETS) expect(ab.buckets[bucket].count).toBe(a.buckets[bucket].count + b.buckets[bucket].count);
    expect(Number(ab.amount)).toBeCloseTo(Number(a.amount) + Number(b.amount), 6);
  });
});

// Trend invariants (reference kpi.md §4.8, invariant 18).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { relativeTrend } from './trend.ts';

const positive = fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 12 });

describe('relativeTrend properties', () => {
  test.prop([positive, fc.double({ min: 0.001, max: 1000, noNaN: true }), fc.integer({ min: 1, max: 3 })], { numRuns: 200 })(
    '18: a subject proportional to the benchmark has log growth 0 and is inline',
    (benchmark, c, lag) => {
      const t = relativeTrend(benchmark.map((b) => b * c), benchmark, { lag });
      for (const p of t.points) if (p.value !== null) {
        expect(Math.abs(p.value)).toBeLessThan(1e-9);
        expect(p.verdict).toBe('inline');
      }
    },
  );

  test.prop([positive.chain((s) => fc.tuple(fc.constant(s), fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: s.length, maxLength: s.length }))), fc.constantFrom('logGrowth', 'pointChange') as fc.Arbitrary<'logGrowth' | 'pointChange'>], { numRuns: 200 })(
    '18: swapping subject and benchmark negates every value; flipping the direction flips every verdict',
    ([subject, benchmark], mode) => {
      const a = relativeTrend(subject, benchmark, { mode });
      const b = relativeTrend(benchmark, subject, { mode });
      const lower = relativeTrend(subject, benchmark, { mode, direction: 'lower' });
      const flip = { outperform: 'underperform', underperform: 'outperform', inline: 'inline' } as const;
      a.points.forEach((p, i) => {
        if (p.value === null) return;
        expect((b.points[i]?.value as number) + p.value).toBeCloseTo(0, 9);
        expect(lower.points[i]?.verdict).toBe(p.verdict === null ? null : flip[p.verdict]);
      });
    },
  );
});

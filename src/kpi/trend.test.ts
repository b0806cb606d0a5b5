import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { phaseReview, relativeTrend } from './trend.ts';

describe('relativeTrend (KPI-3, KPI-8)', () => {
  it('KPI-3: compares growth, not levels: a lower shop growing faster than the industry outperforms', () => {
    const t = relativeTrend([4.5, 4.6, 4.75], [4.8, 4.8, 4.82]);
    expect(t.points.map((p) => p.verdict)).toEqual([null, 'outperform', 'outperform']);
    expect(t.points[1]?.value).toBeCloseTo(Math.log(4.6 / 4.5), 12);
    expect(t.overall.from).toBe(0);
    expect(t.overall.to).toBe(2);
    expect(t.overall.value).toBeCloseTo(Math.log(4.75 / 4.5) - Math.log(4.82 / 4.8), 12);
  });

  it('KPI-3: point changes for rates; a falling rate that falls less than the industry’s outperforms', () => {
    const t = relativeTrend([0.9, 0.88], [0.91, 0.85], { mode: 'pointChange' });
    expect(t.points[1]?.verdict).toBe('outperform');
    expect(t.points[1]?.value).toBeCloseTo(0.04, 12);
  });

  it('lower-is-better metrics flip the sign, so a positive value is always good', () => {
    // Dispute rate: shop falls from 2% to 1%, industry flat.
    const t = relativeTrend([0.02, 0.01], [0.02, 0.02], { mode: 'pointChange', direction: 'lower' });
    expect(t.points[1]?.value).toBeCloseTo(0.01, 12);
    expect(t.points[1]?.verdict).toBe('outperform');
  });

  it('lag compares with several periods back; nulls and zeros leave gaps', () => {
    const t = relativeTrend([100, null, 120, 0, 150], [100, 100, 110, 110, 120], { lag: 2 });
    expect(t.points.map((p) => p.value === null)).toEqual([true, true, false, true, false]); // 2 vs 0 only; 3 is 0 and its base 1 is missing; 4 vs 2
    expect(t.overall.from).toBe(0);
    expect(t.overall.to).toBe(4);
  });

  it('tolerance sets the inline band', () => {
    expect(relativeTrend([100, 101], [100, 100]).points[1]?.verdict).toBe('inline');
    expect(relativeTrend([100, 101], [100, 100], { tolerance: 0.001 }).points[1]?.verdict).toBe('outperform');
    expect(relativeTrend([100, 101], [100, 100], { tolerance: 0 }).points[1]?.verdict).toBe('outperform');
  });

  it('overall is null with fewer than two usable periods', () => {
    expect(relativeTrend([1], [1]).overall).toEqual({ from: null, to: null, value: null, verdict: null });
  });

  it('names the field at fault', () => {
    expectInvalidAt(() => relativeTrend([1, 2], [1]), 'benchmark');
    expectInvalidAt(() => relativeTrend([1, -2], [1, 1]), 'subject.1');
    expectInvalidAt(() => relativeTrend([1, Number.NaN], [1, 1]), 'subject.1');
    expectInvalidAt(() => relativeTrend([1, 2], [1, 1], { lag: 0 }), 'options.lag');
    expectInvalidAt(() => relativeTrend([], []), 'subject');
    expectInvalidAt(() => relativeTrend([1, 2], [1, 1], { mode: 'ratio' as never }), 'options.mode');
  });
});

describe('phaseReview (KPI-7)', () => {
  it('KPI-7: each phase against last year, 618, target and the industry; a total for additive figures', () => {
    const review = phaseReview({
      phases: [
        { id: 'warmUp', actual: 420_000, lastYear: 400_000, sameYear618: 500_000, target: 400_000, industry: { current: 1.1e9, lastYear: 1e9 } },
        { id: 'wave1', actual: '1600000.50', lastYear: 1_450_000, target: 1_700_000 },
      ],
    });
    const [warm, wave] = review.phases;
    expect(warm?.vsLastYear).toEqual({ reference: '400000.00', change: 0.05, verdict: 'better' });
    expect(warm?.vs618).toEqual({ reference: '500000.00', change: -0.16, verdict: 'worse' });
    expect(warm?.vsTarget).toEqual({ target: '400000.00', attainment: 1.05, gap: '20000.00', met: true });
    expect(warm?.vsIndustry?.verdict).toBe('underperform');
    expect(wave?.vsTarget).toEqual({ target: '1700000.00', attainment: 1600000.5 / 1700000, gap: '-99999.50', met: false });
    expect(wave?.vs618).toBeUndefined();
    expect(review.total?.actual).toBe('2020000.50');
    expect(review.total?.vs618).toBeUndefined(); // not given for every phase
    expect(review.total?.vsTarget?.gap).toBe('-79999.50');
  });

  it('rates are not summed: additive false gives no total', () => {
    expect(phaseReview({ phases: [{ id: 'a', actual: 0.3 }], additive: false }).total).toBeNull();
  });

  it('a zero reference gives no growth rather than Infinity', () => {
    expect(phaseReview({ phases: [{ id: 'new', actual: 100, lastYear: 0 }] }).phases[0]?.vsLastYear).toEqual({ reference: '0.00', change: null, verdict: null });
  });

  it('lower-is-better figures (refunds) read the other way', () => {
    const r = phaseReview({ direction: 'lower', phases: [{ id: 'after', actual: 90, lastYear: 100, target: 95 }] });
    expect(r.phases[0]?.vsLastYear?.verdict).toBe('better');
    expect(r.phases[0]?.vsTarget?.met).toBe(true);
  });

  it('names the field at fault', () => {
    expectInvalidAt(() => phaseReview({ phases: [{ id: 'a', actual: -1 }] }), 'phases.0.actual');
    expectInvalidAt(() => phaseReview({ phases: [{ id: 'a', actual: 1 }, { id: 'a', actual: 2 }] }), 'phases.1.id');
    expectInvalidAt(() => phaseReview({ phases: [] }), 'phases');
    expectInvalidAt(() => phaseReview({ phases: [{ id: 'a', actual: 1, industry: { current: 1 } as never }] }), 'phases.0.industry.lastYear');
  });
});

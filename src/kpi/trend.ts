import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { MoneyInputSchema } from '../core/money.ts';
import { describe, parseInput } from '../core/validate.ts';
import { add, compare, div, formatRational, ONE, sub, toFloat, toRational, ZERO, type Rational } from './exact.ts';
import { MetricDirection } from './metrics.ts';

const series = /* @__PURE__ */ z.readonly(z.array(z.nullable(z.number())).check(z.minLength(1), z.maxLength(100_000)));

/**
 * Options of {@link relativeTrend}.
 *
 * @example
 * ```ts
 * const weekly: RelativeTrendOptions = { mode: 'logGrowth', lag: 1, tolerance: 0.02 };
 * const rate: RelativeTrendOptions = { mode: 'pointChange', direction: 'lower', tolerance: 0.001 };
 * ```
 */
export const RelativeTrendOptions = /* @__PURE__ */ z.strictObject({
  /**
   * `logGrowth` (default; amounts, counts, scores, durations): ln(xₜ ÷ xₜ₋ₗ) − ln(bₜ ÷ bₜ₋ₗ), the
   * subject's growth over the benchmark's, scale-free. `pointChange` (rates): (xₜ − xₜ₋ₗ) − (bₜ − bₜ₋ₗ),
   * in the series' own units (0.01 = 1 percentage point for rates given as fractions).
   */
  mode: z._default(z.enum(['logGrowth', 'pointChange']), 'logGrowth'),
  /** Periods between the compared points (default 1: period over period). */
  lag: z._default(z.number().check(z.int(), z.gte(1)), 1),
  /** Which way is better for the metric (default `higher`); `lower` flips the sign, so a positive value is always good. */
  direction: z._default(MetricDirection, 'higher'),
  /** Dead band of the verdict (default 0.02 for logGrowth, about 2%; 0.005 for pointChange, half a point). */
  tolerance: z.optional(z.number().check(z.gte(0))),
});
/** @inheritDoc RelativeTrendOptions */
export type RelativeTrendOptions = z.input<typeof RelativeTrendOptions>;

/**
 * `outperform`: better than the benchmark's trend by more than the tolerance; `inline`; `underperform`.
 *
 * @example
 * ```ts
 * const v: TrendVerdict = 'inline';
 * ```
 */
export type TrendVerdict = 'outperform' | 'inline' | 'underperform';

/**
 * One point of a relative trend: the raw values (for display only) and the relative change.
 *
 * @example
 * ```ts
 * const p: TrendPoint = { index: 1, subject: 4.82, benchmark: 4.7, value: 0.004, verdict: 'inline' };
 * ```
 */
export interface TrendPoint {
  readonly index: number;
  readonly subject: number | null;
  readonly benchmark: number | null;
  /** Relative change against `lag` periods before (good is positive); `null` when it cannot be computed. */
  readonly value: number | null;
  readonly verdict: TrendVerdict | null;
}

/**
 * A relative trend: one point per period, and the whole span from the first to the last period
 * where both series have values.
 *
 * @example
 * ```ts
 * const t: RelativeTrendResult = relativeTrend([4.7, 4.8], [4.6, 4.6]);
 * ```
 */
export interface RelativeTrendResult {
  readonly points: readonly TrendPoint[];
  /** From the first to the last usable period; `null` fields when fewer than two are usable. */
  readonly overall: {
    readonly from: number | null;
    readonly to: number | null;
    readonly value: number | null;
    readonly verdict: TrendVerdict | null;
  };
}

const TrendInput = /* @__PURE__ */ z.strictObject({
  subject: series,
  benchmark: series,
  options: z._default(RelativeTrendOptions, { mode: 'logGrowth', lag: 1, direction: 'higher' }),
});

/**
 * KPI-3, KPI-8: compares a shop's trend with the industry's, never raw levels. A shop service
 * score of 4.7 against an industry 4.8 says little (categories, couriers and regions differ);
 * whether the shop improved more or less than the industry over the same periods says more.
 * Values are aligned by index (`null` where a period is missing). Each point compares period t
 * with t − lag; `overall` compares the first and last periods where both series have values.
 *
 * `logGrowth` needs positive values: a 0 gives no value at that point, a negative value is an
 * error (`subject.<i>`). Scaling either series by a constant changes nothing; swapping subject
 * and benchmark negates every value.
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#trend}
 */
export function relativeTrend(subject: ReadonlyArray<number | null>, benchmark: ReadonlyArray<number | null>, options: RelativeTrendOptions = {}): RelativeTrendResult {
  const v = parseInput(TrendInput, { subject, benchmark, options }, 'relativeTrend');
  const o = v.options;
  const issues: KefuIssue[] = [];
  if (v.benchmark.length !== v.subject.length) issues.push({ path: 'benchmark', message: `expected ${v.subject.length} values, one per subject period, received ${v.benchmark.length}` });
  if (o.mode === 'logGrowth') {
    for (const [name, list] of [['subject', v.subject], ['benchmark', v.benchmark]] as const) {
      list.forEach((x, i) => {
        if (x !== null && x < 0) issues.push({ path: `${name}.${i}`, message: `expected a value >= 0 for logGrowth (use pointChange for values that can be negative), received ${describe(x)}` });
      });
    }
  }
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'relativeTrend');
  const tolerance = o.tolerance ?? (o.mode === 'logGrowth' ? 0.02 : 0.005);
  const sign = o.direction === 'higher' ? 1 : -1;
  const usable = (x: number | null | undefined): x is number => x !== null && x !== undefined && (o.mode === 'pointChange' || x > 0);
  const change = (a: number, b: number): number => (o.mode === 'logGrowth' ? Math.log(b / a) : b - a);
  const compareAt = (from: number, to: number): number | null => {
    const x0 = v.subject[from];
    const x1 = v.subject[to];
    const b0 = v.benchmark[from];
    const b1 = v.benchmark[to];
    if (!usable(x0) || !usable(x1) || !usable(b0) || !usable(b1)) return null;
    return sign * (change(x0, x1) - change(b0, b1));
  };
  const verdict = (value: number | null): TrendVerdict | null => (value === null ? null : value > tolerance ? 'outperform' : value < -tolerance ? 'underperform' : 'inline');
  const points: TrendPoint[] = v.subject.map((x, index) => {
    const value = index >= o.lag ? compareAt(index - o.lag, index) : null;
    return { index, subject: x, benchmark: v.benchmark[index] ?? null, value, verdict: verdict(value) };
  });
  const both = points.filter((p) => usable(p.subject) && usable(p.benchmark)).map((p) => p.index);
  const from = both.length >= 2 ? (both[0] as number) : null;
  const to = both.length >= 2 ? (both[both.length - 1] as number) : null;
  const value = from === null || to === null ? null : compareAt(from, to);
  return { points, overall: { from, to, value, verdict: verdict(value) } };
}

const amount = /* @__PURE__ */ MoneyInputSchema;

/**
 * Input of {@link phaseReview}: the phases of an event with the figures to compare them to.
 *
 * @example
 * ```ts
 * const input: PhaseReviewInput = {
 *   phases: [
 *     { id: 'warmUp', actual: 820000, lastYear: 700000, sameYear618: 760000, target: 800000, industry: { current: 1.1e9, lastYear: 1e9 } },
 *     { id: 'presale', actual: 1450000, lastYear: 1500000, target: 1500000 },
 *   ],
 * };
 * ```
 */
export const PhaseReviewInput = /* @__PURE__ */ z.strictObject({
  /** Phases in order (warm-up, presale, formal waves…), 1 to 50. */
  phases: z.readonly(
    z
      .array(
        z.strictObject({
          /** Phase id (`warmUp`, `presale`, `wave1`…). */
          id: z.string().check(z.minLength(1), z.maxLength(100)),
          /** Display name. */
          label: z.optional(z.string().check(z.maxLength(200))),
          /** This year's figure (sales, buyers…). */
          actual: amount,
          /** The same phase last year. */
          lastYear: z.optional(amount),
          /** The same year's 618 event, the matching phase. */
          sameYear618: z.optional(amount),
          /** The target. */
          target: z.optional(amount),
          /** The industry's figure this year and last year, for the relative growth (KPI-3). */
          industry: z.optional(
            z.strictObject({
              /** This year. */
              current: amount,
              /** Last year. */
              lastYear: amount,
            }),
          ),
        }),
      )
      .check(z.minLength(1), z.maxLength(50)),
  ),
  /** Which way is better (default `higher`). */
  direction: z._default(MetricDirection, 'higher'),
  /** Dead band of the verdicts, as a growth (default 0.02). */
  tolerance: z._default(z.number().check(z.gte(0)), 0.02),
  /** True (default) when the figures add up across phases (sales, buyers), so a total row is computed; false for rates. */
  additive: z._default(z.boolean(), true),
});
/** @inheritDoc PhaseReviewInput */
export type PhaseReviewInput = z.input<typeof PhaseReviewInput>;

/**
 * A growth against a reference: `change` = actual ÷ reference − 1, and the verdict (`better`,
 * `inline`, `worse`, after the direction).
 *
 * @example
 * ```ts
 * const g: GrowthComparison = { reference: '700000.00', change: 0.1714, verdict: 'better' };
 * ```
 */
export interface GrowthComparison {
  readonly reference: string;
  /** actual ÷ reference − 1 (`null` when the reference is 0). */
  readonly change: number | null;
  readonly verdict: 'better' | 'inline' | 'worse' | null;
}

/**
 * One reviewed phase (or the total).
 *
 * @example
 * ```ts
 * const p: PhaseResult = phaseReview(input).phases[0]!;
 * ```
 */
export interface PhaseResult {
  readonly id: string;
  readonly label: string;
  readonly actual: string;
  readonly vsLastYear?: GrowthComparison;
  readonly vs618?: GrowthComparison;
  /** Attainment against target, the gap (actual − target, negative when short) and whether it was met. */
  readonly vsTarget?: { readonly target: string; readonly attainment: number | null; readonly gap: string; readonly met: boolean };
  /** Growth over last year relative to the industry's growth: ln(own) − ln(industry), good is positive. */
  readonly vsIndustry?: { readonly value: number | null; readonly verdict: TrendVerdict | null };
}

/**
 * The review: each phase, and a total when the figures are additive and present in every phase.
 *
 * @example
 * ```ts
 * const review: PhaseReviewResult = phaseReview(input);
 * ```
 */
export interface PhaseReviewResult {
  readonly phases: readonly PhaseResult[];
  readonly total: PhaseResult | null;
}

type ParsedPhase = z.output<typeof PhaseReviewInput>['phases'][number];

/**
 * KPI-7: reviews an event phase by phase (warm-up, presale, formal waves) against last year,
 * against the same year's 618, against target and against the industry. Growth is
 * actual ÷ reference − 1 with a verdict after the metric's direction; the industry comparison
 * is relative (the shop's log growth minus the industry's, KPI-3), so a shop that grew 5% while
 * the industry grew 12% is told it underperformed. Amounts are exact; growths are numbers.
 *
 * Throws `INVALID_INPUT` naming the field: `phases.<i>.actual` (negative), `phases.<i>.id` (repeated).
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#phases}
 */
export function phaseReview(input: PhaseReviewInput): PhaseReviewResult {
  const v = parseInput(PhaseReviewInput, input, 'phaseReview');
  const issues: KefuIssue[] = [];
  const seen = new Set<string>();
  v.phases.forEach((p, i) => {
    if (seen.has(p.id)) issues.push({ path: `phases.${i}.id`, message: `expected each phase once, received ${describe(p.id)} again` });
    seen.add(p.id);
    const check = (value: number | string | undefined, path: string): void => {
      if (value !== undefined && toRational(value, path).num < ZERO) issues.push({ path, message: `expected an amount >= 0, received ${describe(value)}` });
    };
    check(p.actual, `phases.${i}.actual`);
    check(p.lastYear, `phases.${i}.lastYear`);
    check(p.sameYear618, `phases.${i}.sameYear618`);
    check(p.target, `phases.${i}.target`);
    check(p.industry?.current, `phases.${i}.industry.current`);
    check(p.industry?.lastYear, `phases.${i}.industry.lastYear`);
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'phaseReview');
  const sign = v.direction === 'higher' ? 1 : -1;
  const tol = v.tolerance;

  const growth = (actual: Rational, reference: Rational): GrowthComparison => {
    if (reference.num === ZERO) return { reference: formatRational(reference, 2), change: null, verdict: null };
    const change = toFloat(sub(div(actual, reference), { num: ONE, den: ONE }));
    const good = sign * change;
    return { reference: formatRational(reference, 2), change, verdict: good > tol ? 'better' : good < -tol ? 'worse' : 'inline' };
  };
  const review = (id: string, label: string, p: { actual: Rational; lastYear?: Rational; sameYear618?: Rational; target?: Rational; industry?: { current: Rational; lastYear: Rational } }): PhaseResult => {
    const out: { -readonly [K in keyof PhaseResult]: PhaseResult[K] } = { id, label, actual: formatRational(p.actual, 2) };
    if (p.lastYear !== undefined) out.vsLastYear = growth(p.actual, p.lastYear);
    if (p.sameYear618 !== undefined) out.vs618 = growth(p.actual, p.sameYear618);
    if (p.target !== undefined) {
      const met = v.direction === 'higher' ? compare(p.actual, p.target) >= 0 : compare(p.actual, p.target) <= 0;
      out.vsTarget = {
        target: formatRational(p.target, 2),
        attainment: p.target.num === ZERO ? null : toFloat(div(p.actual, p.target)),
        gap: formatRational(sub(p.actual, p.target), 2),
        met,
      };
    }
    if (p.industry !== undefined && p.lastYear !== undefined) {
      const parts = [p.actual, p.lastYear, p.industry.current, p.industry.lastYear];
      const value = parts.every((x) => x.num > ZERO)
        ? sign * (Math.log(toFloat(div(p.actual, p.lastYear))) - Math.log(toFloat(div(p.industry.current, p.industry.lastYear))))
        : null;
      out.vsIndustry = { value, verdict: value === null ? null : value > tol ? 'outperform' : value < -tol ? 'underperform' : 'inline' };
    }
    return out;
  };
  const read = (p: ParsedPhase, i: number) => ({
    actual: toRational(p.actual, `phases.${i}.actual`),
    ...(p.lastYear === undefined ? {} : { lastYear: toRational(p.lastYear, `phases.${i}.lastYear`) }),
    ...(p.sameYear618 === undefined ? {} : { sameYear618: toRational(p.sameYear618, `phases.${i}.sameYear618`) }),
    ...(p.target === undefined ? {} : { target: toRational(p.target, `phases.${i}.target`) }),
    ...(p.industry === undefined ? {} : { industry: { current: toRational(p.industry.current, `phases.${i}.industry.current`), lastYear: toRational(p.industry.lastYear, `phases.${i}.industry.lastYear`) } }),
  });
  const rows = v.phases.map(read);
  const phases = v.phases.map((p, i) => review(p.id, p.label ?? p.id, rows[i] as ReturnType<typeof read>));
  if (!v.additive) return { phases, total: null };
  const sum = (pick: (r: ReturnType<typeof read>) => Rational | undefined): Rational | undefined => {
    let acc: Rational | undefined = { num: ZERO, den: ONE };
    for (const r of rows) {
      const x = pick(r);
      if (x === undefined || acc === undefined) return undefined;
      acc = add(acc, x);
    }
    return acc;
  };
  const actual = sum((r) => r.actual) as Rational;
  const lastYear = sum((r) => r.lastYear);
  const sameYear618 = sum((r) => r.sameYear618);
  const target = sum((r) => r.target);
  const indCurrent = sum((r) => r.industry?.current);
  const indLast = sum((r) => r.industry?.lastYear);
  const total = review('total', 'Total', {
    actual,
    ...(lastYear === undefined ? {} : { lastYear }),
    ...(sameYear618 === undefined ? {} : { sameYear618 }),
    ...(target === undefined ? {} : { target }),
    ...(indCurrent === undefined || indLast === undefined ? {} : { industry: { current: indCurrent, lastYear: indLast } }),
  });
  return { phases, total };
}

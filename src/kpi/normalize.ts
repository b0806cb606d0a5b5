import * as z from 'zod/mini';
import type { KefuIssue } from '../core/errors.ts';
import type { RoundingMode } from '../core/money.ts';
import { at, compareAt, compareTo, EXACT_LIMIT, floatAt, shareOf, shareOfBig, small, SMALL, times, type Column } from './column.ts';
import { compare, frac, HUNDRED, ONE, roundRational, sub, toRational, ZERO, type Rational } from './exact.ts';
import type { MetricDirection } from './metrics.ts';

const threshold = /* @__PURE__ */ z.custom<number | string>(
  (value) => (typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)),
  { error: 'expected a finite number or a decimal string such as "0.45"' },
);
const points = /* @__PURE__ */ z.number().check(z.gte(0), z.lte(100));

/**
 * How a metric value becomes a score from 0 to 100.
 *
 * - `band`: linear from `zeroAt` (0 points) to `fullAt` (100), clamped outside. For a
 *   lower-is-better metric `zeroAt` is the larger value (60 s → 0, 15 s → 100).
 * - `steps`: the score of the best step reached, 0 below all of them; a step is reached when
 *   the value is at least `at` (higher is better) or at most `at` (lower is better). Scores may
 *   not fall as the value improves.
 * - `target`: attainment against a target (value ÷ target, or target ÷ value when lower is
 *   better), counted up to `cap` (default 1: full marks at the target; 1.2 gives full marks at
 *   120%), scored as attainment ÷ cap × 100.
 * - `minmax`: where the value sits between the worst and the best agent of the cohort (the
 *   worst 0, the best 100); `degenerate` (default 50) when they are all equal.
 * - `percentile`: mid-rank percentile within the cohort: (agents worse + ½ × agents equal) ÷
 *   (others); `single` (default 50) for a cohort of one.
 *
 * Band, steps and target are absolute: an agent's score does not depend on colleagues.
 * Min-max and percentile rank within the cohort (KPI-2).
 *
 * @example
 * ```ts
 * const response: Normalize = { kind: 'band', zeroAt: 60, fullAt: 15 };
 * const conversion: Normalize = { kind: 'steps', steps: [{ at: 0.35, score: 60 }, { at: 0.4, score: 80 }, { at: 0.45, score: 100 }] };
 * const sales: Normalize = { kind: 'target', target: '30000', cap: 1.2 };
 * ```
 */
export const Normalize = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({
    /** Linear between two values, clamped. */
    kind: z.literal('band'),
    /** Value that scores 0. */
    zeroAt: threshold,
    /** Value that scores 100. */
    fullAt: threshold,
  }),
  z.strictObject({
    /** A step table. */
    kind: z.literal('steps'),
    /** Thresholds and their scores (0–100), in any order. */
    steps: z.readonly(
      z
        .array(
          z.strictObject({
            /** Threshold value. */
            at: threshold,
            /** Score when reached, 0–100. */
            score: points,
          }),
        )
        .check(z.minLength(1), z.maxLength(100)),
    ),
  }),
  z.strictObject({
    /** Attainment against a target. */
    kind: z.literal('target'),
    /** The target value (> 0). */
    target: threshold,
    /** Attainment that earns full marks (>= 1, default 1). */
    cap: z._default(threshold, 1),
  }),
  z.strictObject({
    /** Min-max within the cohort. */
    kind: z.literal('minmax'),
    /** Score when every agent has the same value (default 50). */
    degenerate: z._default(points, 50),
  }),
  z.strictObject({
    /** Mid-rank percentile within the cohort. */
    kind: z.literal('percentile'),
    /** Score of the only agent of a cohort of one (default 50). */
    single: z._default(points, 50),
  }),
]);
/** @inheritDoc Normalize */
export type Normalize = z.input<typeof Normalize>;
type ParsedNormalize = z.output<typeof Normalize>;

/** A normaliser with exact thresholds, checked against the metric's direction. */
export type CompiledNormalize =
  | { readonly kind: 'band'; readonly zero: Rational; readonly full: Rational }
  | { readonly kind: 'steps'; readonly steps: ReadonlyArray<{ readonly at: Rational; readonly hundredths: bigint }> }
  | { readonly kind: 'target'; readonly target: Rational; readonly cap: Rational }
  | { readonly kind: 'minmax'; readonly degenerate: bigint }
  | { readonly kind: 'percentile'; readonly single: bigint };

/** Points (0–100, any decimals) as hundredths of a point, rounded half up. */
function hundredths(p: number): bigint {
  const r = toRational(p, 'score');
  return roundRational({ num: r.num * HUNDRED, den: r.den }, 'halfUp');
}

/**
 * Checks a parsed normaliser against the metric's direction and makes it exact. Problems are
 * pushed as issues at `path` (`scorecard.items.2.normalize.fullAt`).
 */
export function compileNormalize(n: ParsedNormalize, direction: MetricDirection, path: string, issues: KefuIssue[]): CompiledNormalize | undefined {
  const better = (a: Rational, b: Rational): boolean => (direction === 'higher' ? compare(a, b) > 0 : compare(a, b) < 0);
  switch (n.kind) {
    case 'band': {
      const zero = toRational(n.zeroAt, `${path}.zeroAt`);
      const full = toRational(n.fullAt, `${path}.fullAt`);
      if (!better(full, zero)) {
        issues.push({
          path: `${path}.fullAt`,
          message: `expected a value ${direction === 'higher' ? 'above' : 'below'} zeroAt (${String(n.zeroAt)}) for a ${direction}-is-better metric, received ${String(n.fullAt)}`,
        });
        return undefined;
      }
      return { kind: 'band', zero, full };
    }
    case 'steps': {
      const steps = n.steps.map((s, i) => ({ at: toRational(s.at, `${path}.steps.${i}.at`), hundredths: hundredths(s.score), index: i }));
      // Worst threshold first, so the last step reached is the best one.
      steps.sort((a, b) => (direction === 'higher' ? compare(a.at, b.at) : compare(b.at, a.at)));
      const before = issues.length;
      for (let k = 1; k < steps.length; k++) {
        const prev = steps[k - 1] as (typeof steps)[number];
        const cur = steps[k] as (typeof steps)[number];
        if (compare(prev.at, cur.at) === 0) {
          issues.push({ path: `${path}.steps.${cur.index}.at`, message: `expected each threshold once, received ${String(n.steps[cur.index]?.at)} again (also steps.${prev.index})` });
        } else if (cur.hundredths < prev.hundredths) {
          issues.push({
            path: `${path}.steps.${cur.index}.score`,
            message: `expected a score of at least ${n.steps[prev.index]?.score} (steps.${prev.index}, a worse threshold): a better value may never score less, received ${n.steps[cur.index]?.score}`,
          });
        }
      }
      return issues.length > before ? undefined : { kind: 'steps', steps: steps.map(({ at, hundredths: h }) => ({ at, hundredths: h })) };
    }
    case 'target': {
      const target = toRational(n.target, `${path}.target`);
      const cap = toRational(n.cap, `${path}.cap`);
      if (target.num <= ZERO) {
        issues.push({ path: `${path}.target`, message: `expected a target > 0, received ${String(n.target)}` });
        return undefined;
      }
      if (compare(cap, frac(ONE)) < 0) {
        issues.push({ path: `${path}.cap`, message: `expected a cap >= 1 (the attainment that earns full marks), received ${String(n.cap)}` });
        return undefined;
      }
      return { kind: 'target', target, cap };
    }
    case 'minmax':
      return { kind: 'minmax', degenerate: hundredths(n.degenerate) };
    case 'percentile':
      return { kind: 'percentile', single: hundredths(n.single) };
  }
}

/** Score of a row that has none. */
export const UNSCORED = -1;

/**
 * Scores every usable row of a column in hundredths of a point (0–10000; {@link UNSCORED}
 * elsewhere). Exact: each score is one fraction rounded once in `mode`, computed on doubles
 * while every product stays below 2^53 and on bigints otherwise. Cohort methods look only at
 * the usable rows.
 */
export function scoreColumn(n: CompiledNormalize, direction: MetricDirection, values: Column, usable: Uint8Array, mode: RoundingMode): Int16Array {
  const size = values.size;
  const out = new Int16Array(size).fill(UNSCORED);
  const rows: number[] = [];
  for (let i = 0; i < size; i++) if (usable[i] === 1) rows.push(i);
  const higher = direction === 'higher';
  switch (n.kind) {
    case 'band': {
      // (v − zero) ÷ (full − zero), with v = a/b, zero = z/y and full − zero = s/t (s > 0 after the sign flip).
      const span = sub(n.full, n.zero);
      const flip = span.num < ZERO;
      const sBig = flip ? -span.num : span.num;
      const { num: zBig, den: yBig } = n.zero;
      const tBig = span.den;
      const [z, y, s, t] = [zBig, yBig, sBig, tBig].map(Number) as [number, number, number, number];
      const fast = [z, y, s, t].every((x) => Math.abs(x) < EXACT_LIMIT);
      for (const i of rows) {
        if (fast && values.kind[i] === SMALL) {
          const a = values.num[i] as number;
          const b = values.den[i] as number;
          const diff = times(times(a, y) - times(z, b), t);
          const den = times(times(b, y), s);
          if (Math.abs(diff) < EXACT_LIMIT && den < EXACT_LIMIT) {
            out[i] = shareOf(flip ? -diff : diff, den, mode);
            continue;
          }
        }
        const v = at(values, i) as Rational;
        const diff = (v.num * yBig - zBig * v.den) * tBig;
        out[i] = shareOfBig(flip ? -diff : diff, v.den * yBig * sBig, mode);
      }
      return out;
    }
    case 'steps': {
      const steps = n.steps.map((step) => ({ ...step, ...small(step.at), score: Number(step.hundredths) }));
      for (const i of rows) {
        let score = 0;
        for (const step of steps) {
          const c = compareTo(values, i, step.at, step.n, step.d);
          if (higher ? c >= 0 : c <= 0) score = step.score;
          else break;
        }
        out[i] = score;
      }
      return out;
    }
    case 'target': {
      // Attainment v/t (or t/v), counted up to cap, scored as attainment ÷ cap.
      const { target, cap } = n;
      const t = small(target);
      const c = small(cap);
      const fast = t.d > 0 && c.d > 0;
      for (const i of rows) {
        if (fast && values.kind[i] === SMALL) {
          const a = values.num[i] as number;
          const b = values.den[i] as number;
          if (!higher && a === 0) {
            out[i] = 10000;
            continue;
          }
          const p = higher ? times(times(a, t.d), c.d) : times(times(t.n, b), c.d);
          const q = higher ? times(times(b, t.n), c.n) : times(times(t.d, a), c.n);
          if (p === p && q === q) {
            out[i] = shareOf(p, q, mode);
            continue;
          }
        }
        const v = at(values, i) as Rational;
        if (!higher && v.num === ZERO) out[i] = 10000;
        else if (higher) out[i] = shareOfBig(v.num * target.den * cap.den, v.den * target.num * cap.num, mode);
        else out[i] = shareOfBig(target.num * v.den * cap.den, target.den * v.num * cap.num, mode);
      }
      return out;
    }
    case 'minmax': {
      if (rows.length === 0) return out;
      let lo = rows[0] as number;
      let hi = lo;
      for (const i of rows) {
        if (compareAt(values, i, values, lo) < 0) lo = i;
        if (compareAt(values, i, values, hi) > 0) hi = i;
      }
      if (compareAt(values, lo, values, hi) === 0) {
        const d = Number(n.degenerate);
        for (const i of rows) out[i] = d;
        return out;
      }
      // higher: (v − lo) ÷ (hi − lo); lower: (hi − v) ÷ (hi − lo). With from = f/g, span = s/t.
      const loQ = at(values, lo) as Rational;
      const hiQ = at(values, hi) as Rational;
      const from = higher ? loQ : hiQ;
      const span = sub(hiQ, loQ);
      const [f, g, s, t] = [from.num, from.den, span.num, span.den].map(Number) as [number, number, number, number];
      const fast = [f, g, s, t].every((x) => Math.abs(x) < EXACT_LIMIT);
      for (const i of rows) {
        if (fast && values.kind[i] === SMALL) {
          const a = values.num[i] as number;
          const b = values.den[i] as number;
          const diff = times(times(a, g) - times(f, b), t);
          const den = times(times(b, g), s);
          if (Math.abs(diff) < EXACT_LIMIT && den < EXACT_LIMIT) {
            out[i] = shareOf(higher ? diff : -diff, den, mode);
            continue;
          }
        }
        const v = at(values, i) as Rational;
        const diff = (v.num * from.den - from.num * v.den) * span.den;
        out[i] = shareOfBig(higher ? diff : -diff, v.den * from.den * span.num, mode);
      }
      return out;
    }
    case 'percentile': {
      const count = rows.length;
      if (count === 1) out[rows[0] as number] = Number(n.single);
      if (count <= 1) return out;
      // Worst first. Sort on doubles, then an exact insertion pass fixes the rare pairs whose
      // doubles are equal or out of order: the exact order at near-linear cost.
      const sign = higher ? 1 : -1;
      const approx = new Float64Array(size);
      for (const i of rows) approx[i] = sign * floatAt(values, i);
      const order = rows.slice().sort((a, b) => (approx[a] as number) - (approx[b] as number));
      // Doubles of exact fractions are within 2^-53 (relative) of them: values whose doubles
      // differ by more than 1e-14 (relative) are in that order; closer ones are compared exactly.
      const exact = (a: number, b: number): number => {
        const x = approx[a] as number;
        const y = approx[b] as number;
        if (Math.abs(x - y) > 1e-14 * Math.max(Math.abs(x), Math.abs(y))) return x < y ? -1 : 1;
        return sign * compareAt(values, a, values, b);
      };
      for (let k = 1; k < count; k++) {
        const item = order[k] as number;
        let j = k - 1;
        while (j >= 0 && exact(order[j] as number, item) > 0) {
          order[j + 1] = order[j] as number;
          j--;
        }
        order[j + 1] = item;
      }
      const den = 2 * (count - 1);
      let start = 0;
      while (start < count) {
        let end = start + 1;
        while (end < count && exact(order[start] as number, order[end] as number) === 0) end++;
        // (worse + ½ × equal others) ÷ (count − 1) = (2·worse + equal − 1) ÷ (2·(count − 1)).
        const score = shareOf(2 * start + (end - start - 1), den, mode);
        for (let k = start; k < end; k++) out[order[k] as number] = score;
        start = end;
      }
      return out;
    }
  }
}

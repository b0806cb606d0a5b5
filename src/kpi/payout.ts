import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { MoneyInputSchema, ROUNDING_MODES, type RoundingMode } from '../core/money.ts';
import { describe, parseInput } from '../core/validate.ts';
import { add, compare, div, formatRational, frac, max, min, mul, roundRational, sub, toFloat, toRational, ZERO, type Rational } from './exact.ts';

const amount = /* @__PURE__ */ MoneyInputSchema;
const label = /* @__PURE__ */ z.optional(z.string().check(z.minLength(1), z.maxLength(100)));
const unit = /* @__PURE__ */ z._default(z.string().check(z.regex(/^\d+(\.\d+)?$/, 'expected a positive unit such as "0.01" or "1"')), '0.01');
const rounding = /* @__PURE__ */ z._default(z.enum(ROUNDING_MODES), 'halfUp');

const point = /* @__PURE__ */ z.strictObject({
  /** Attainment = actual ÷ target (1 = 100%). */
  attainment: amount,
  /** Payout at that attainment (money >= 0). */
  amount,
  /** A name for the tier (`base`, `challenge`). */
  label,
});

/**
 * A payout schedule (KPI-5), all in money >= 0 that never falls as attainment rises (KPI-2:
 * incentive only, never a penalty).
 *
 * - `curve`: points (attainment, amount), linear between them, 0 below the first, flat after
 *   the last (the cap). Start at amount 0 to avoid a cliff at the first point.
 * - `bands`: marginal commission, like income-tax brackets: each band's `rate` applies only to
 *   the part of `actual` inside it. `from` is an attainment (default `basis: 'attainment'`: the
 *   band starts at from × target) or an amount (`basis: 'amount'`).
 * - `steps`: the amount of the best step reached (attainment >= step). Steps create cliffs
 *   (one fen below a step pays the step below); use them when the policy says so.
 *
 * Every kind takes an optional `cap` (money), the `unit` amounts are multiples of (default
 * `'0.01'`) and the `rounding` of the result to the unit (default `halfUp`).
 *
 * @example
 * ```ts
 * const baseAndChallenge: PayoutSchedule = {
 *   kind: 'curve',
 *   points: [{ attainment: 0.8, amount: 0 }, { attainment: 1, amount: 500, label: 'base' }, { attainment: 1.3, amount: 1500, label: 'challenge' }],
 * };
 * const commission: PayoutSchedule = { kind: 'bands', bands: [{ from: 0, rate: 0.01 }, { from: 1, rate: 0.02 }, { from: 1.3, rate: 0.03 }], cap: 5000 };
 * const steps: PayoutSchedule = { kind: 'steps', steps: [{ attainment: 1, amount: 500, label: 'base' }, { attainment: 1.3, amount: 1500, label: 'challenge' }] };
 * ```
 */
export const PayoutSchedule = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({
    /** Piecewise linear over attainment. */
    kind: z.literal('curve'),
    /** Points by rising attainment, amounts never falling (1 to 100). */
    points: z.readonly(z.array(point).check(z.minLength(1), z.maxLength(100))),
    /** Most the payout can be. */
    cap: z.optional(amount),
    /** Amounts are multiples of this. */
    unit,
    /** Rounding of the result to the unit. */
    rounding,
  }),
  z.strictObject({
    /** Marginal commission bands. */
    kind: z.literal('bands'),
    /** Bands by rising `from`; each rate (0.01 = 1%) applies to the part of actual inside the band. */
    bands: z.readonly(
      z
        .array(
          z.strictObject({
            /** Where the band starts (an attainment, or an amount with `basis: 'amount'`). */
            from: amount,
            /** Commission rate inside the band (>= 0). */
            rate: amount,
            /** A name for the tier. */
            label,
          }),
        )
        .check(z.minLength(1), z.maxLength(100)),
    ),
    /** What `from` is: an attainment (default) or an amount. */
    basis: z._default(z.enum(['attainment', 'amount']), 'attainment'),
    /** Most the payout can be. */
    cap: z.optional(amount),
    /** Amounts are multiples of this. */
    unit,
    /** Rounding of the result to the unit. */
    rounding,
  }),
  z.strictObject({
    /** A step table. */
    kind: z.literal('steps'),
    /** Steps by rising attainment, amounts never falling (1 to 100). */
    steps: z.readonly(z.array(point).check(z.minLength(1), z.maxLength(100))),
    /** Most the payout can be. */
    cap: z.optional(amount),
    /** Amounts are multiples of this. */
    unit,
    /** Rounding of the result to the unit. */
    rounding,
  }),
]);
/** @inheritDoc PayoutSchedule */
export type PayoutSchedule = z.input<typeof PayoutSchedule>;
type ParsedSchedule = z.output<typeof PayoutSchedule>;

/**
 * What {@link payout} pays and why.
 *
 * @example
 * ```ts
 * const r: PayoutResult = { amount: '833.33', attainment: 1.1, tier: 'base', capped: false, explanation: '…' };
 * ```
 */
export interface PayoutResult {
  /** The payout, a decimal string that is a multiple of the unit, never negative. */
  readonly amount: string;
  /** actual ÷ target (nearest double of the exact ratio). */
  readonly attainment: number;
  /** Label of the best point, band or step reached (`null` when none is reached or it has no label). */
  readonly tier: string | null;
  /** True when the cap (or the curve's last point) limits the payout. */
  readonly capped: boolean;
  /** The computation in one sentence. */
  readonly explanation: string;
}

const PayoutInput = /* @__PURE__ */ z.strictObject({ actual: MoneyInputSchema, target: MoneyInputSchema, schedule: PayoutSchedule });

interface Row {
  readonly at: Rational;
  readonly amount: Rational;
  readonly label: string | undefined;
}

function isMultiple(r: Rational, u: Rational): boolean {
  // r / u is an integer: r.num·u.den divisible by u.num·r.den.
  return (r.num * u.den) % (u.num * r.den) === ZERO;
}

/** Reads and checks the rows of a curve or step table at `path`. */
function readRows(rows: ReadonlyArray<{ attainment: number | string; amount: number | string; label?: string | undefined }>, u: Rational, path: string, issues: KefuIssue[]): Row[] {
  const out: Row[] = [];
  rows.forEach((row, i) => {
    const at = toRational(row.attainment, `${path}.${i}.attainment`);
    const amt = toRational(row.amount, `${path}.${i}.amount`);
    const prev = out[i - 1];
    if (at.num < ZERO) issues.push({ path: `${path}.${i}.attainment`, message: `expected an attainment >= 0, received ${describe(row.attainment)}` });
    else if (prev !== undefined && compare(at, prev.at) <= 0) {
      issues.push({ path: `${path}.${i}.attainment`, message: `expected an attainment above ${describe(rows[i - 1]?.attainment)} (rows by rising attainment), received ${describe(row.attainment)}` });
    }
    if (amt.num < ZERO) issues.push({ path: `${path}.${i}.amount`, message: `expected an amount >= 0 (incentive only, KPI-2), received ${describe(row.amount)}` });
    else if (prev !== undefined && compare(amt, prev.amount) < 0) {
      issues.push({ path: `${path}.${i}.amount`, message: `expected at least ${describe(rows[i - 1]?.amount)}: more attainment never pays less (KPI-2), received ${describe(row.amount)}` });
    } else if (!isMultiple(amt, u)) {
      issues.push({ path: `${path}.${i}.amount`, message: `expected a multiple of the unit, received ${describe(row.amount)}` });
    }
    out.push({ at, amount: amt, label: row.label });
  });
  return out;
}

function percent(r: Rational): string {
  return `${formatRational(mul(r, frac(BigInt(100))), 2)}%`;
}

/**
 * KPI-5: what an agent earns for `actual` against `target` under a schedule: a curve, marginal
 * bands or steps, base and challenge tiers as labelled points. Exact: attainment is the exact
 * ratio, the amount is rounded once to the unit. Never negative, never lower for a higher
 * `actual` (the same target), never above the cap: pay follows sales, and nothing here is a
 * penalty (KPI-2). An `actual` below 0 (net sales after refunds) earns 0.
 *
 * Throws `INVALID_INPUT` naming `target` (must be > 0) or the schedule field at fault
 * (`schedule.points.2.amount` when an amount falls, `schedule.bands.1.from` when bands are out
 * of order, `schedule.cap` when it is not a multiple of the unit).
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#payout}
 */
export function payout(actual: number | string, target: number | string, schedule: PayoutSchedule): PayoutResult {
  const v = parseInput(PayoutInput, { actual, target, schedule }, 'payout');
  const s: ParsedSchedule = v.schedule;
  const issues: KefuIssue[] = [];
  const act = toRational(v.actual, 'actual');
  const tgt = toRational(v.target, 'target');
  if (tgt.num <= ZERO) issues.push({ path: 'target', message: `expected a target > 0, received ${describe(v.target)}` });
  const u = toRational(s.unit, 'schedule.unit');
  if (u.num <= ZERO) {
    issues.push({ path: 'schedule.unit', message: `expected a positive unit such as "0.01", received ${describe(s.unit)}` });
    throw new KefuError('INVALID_INPUT', issues, 'payout');
  }
  let cap: Rational | undefined;
  if (s.cap !== undefined) {
    cap = toRational(s.cap, 'schedule.cap');
    if (cap.num < ZERO) issues.push({ path: 'schedule.cap', message: `expected a cap >= 0, received ${describe(s.cap)}` });
    else if (!isMultiple(cap, u)) issues.push({ path: 'schedule.cap', message: `expected a multiple of the unit ${s.unit}, received ${describe(s.cap)}` });
  }
  let compute: () => { raw: Rational; tier: string | null; limited: boolean; how: string };
  const att = tgt.num > ZERO ? div(act, tgt) : frac(ZERO);
  if (s.kind === 'curve' || s.kind === 'steps') {
    const rows = readRows(s.kind === 'curve' ? s.points : s.steps, u, `schedule.${s.kind === 'curve' ? 'points' : 'steps'}`, issues);
    compute = () => {
      let reached = -1;
      for (let i = 0; i < rows.length; i++) if (compare(att, (rows[i] as Row).at) >= 0) reached = i;
      if (reached < 0) return { raw: frac(ZERO), tier: null, limited: false, how: `below the first ${s.kind === 'curve' ? 'point' : 'step'} (${percent((rows[0] as Row).at)}): nothing` };
      const row = rows[reached] as Row;
      const next = rows[reached + 1];
      const name = row.label ?? percent(row.at);
      if (s.kind === 'steps' || next === undefined) {
        const limited = s.kind === 'curve' && compare(att, row.at) > 0;
        return { raw: row.amount, tier: row.label ?? null, limited, how: s.kind === 'steps' ? `step ${name} reached` : `at or beyond the last point ${name}: flat` };
      }
      // Linear between row and next.
      const slope = div(sub(next.amount, row.amount), sub(next.at, row.at));
      const raw = add(row.amount, mul(sub(att, row.at), slope));
      return { raw, tier: row.label ?? null, limited: false, how: `between ${name} and ${next.label ?? percent(next.at)}, linear` };
    };
  } else {
    const bounds: Rational[] = [];
    s.bands.forEach((band, i) => {
      const from = toRational(band.from, `schedule.bands.${i}.from`);
      const rate = toRational(band.rate, `schedule.bands.${i}.rate`);
      if (from.num < ZERO) issues.push({ path: `schedule.bands.${i}.from`, message: `expected a start >= 0, received ${describe(band.from)}` });
      const prev = bounds[i - 1];
      if (prev !== undefined && compare(from, prev) <= 0) issues.push({ path: `schedule.bands.${i}.from`, message: `expected a start above ${describe(s.bands[i - 1]?.from)} (bands by rising start), received ${describe(band.from)}` });
      if (rate.num < ZERO) issues.push({ path: `schedule.bands.${i}.rate`, message: `expected a rate >= 0 (incentive only, KPI-2), received ${describe(band.rate)}` });
      bounds.push(from);
    });
    compute = () => {
      let raw = frac(ZERO);
      let tier: string | null = null;
      const parts: string[] = [];
      s.bands.forEach((band, i) => {
        const scale = (r: Rational): Rational => (s.basis === 'attainment' ? mul(r, tgt) : r);
        const lo = scale(bounds[i] as Rational);
        const next = bounds[i + 1];
        const hi = next === undefined ? act : min(act, scale(next));
        if (compare(act, lo) <= 0) return;
        const rate = toRational(band.rate, `schedule.bands.${i}.rate`);
        raw = add(raw, mul(max(sub(hi, lo), frac(ZERO)), rate));
        tier = band.label ?? tier;
        parts.push(`${percent(rate)} on ${formatRational(sub(hi, lo), 2)}`);
      });
      return { raw, tier, limited: false, how: parts.length === 0 ? 'below the first band: nothing' : `marginal bands: ${parts.join(' + ')}` };
    };
  }
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'payout');

  const mode: RoundingMode = s.rounding;
  const result = compute();
  let value = result.raw.num < ZERO ? frac(ZERO) : result.raw;
  let limited = result.limited;
  if (cap !== undefined && compare(value, cap) > 0) {
    value = cap;
    limited = true;
  }
  const units = roundRational(div(value, u), mode);
  const paid: Rational = { num: units * u.num, den: u.den };
  const places = Math.max(2, String(u.den).length - 1);
  const amountText = formatRational(paid, places);
  const explanation =
    `attainment ${percent(att)} (${formatRational(act, 2)} of ${formatRational(tgt, 2)}): ${result.how}` +
    `${limited ? ', capped' : ''}; pays ${amountText}`;
  return { amount: amountText, attainment: toFloat(att), tier: result.tier, capped: limited, explanation };
}

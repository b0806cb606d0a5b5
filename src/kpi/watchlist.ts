import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { parseInput } from '../core/validate.ts';
import { compare, frac, mul, toFloat, toRational, ZERO, type Rational } from './exact.ts';
import { compareIds } from './rank.ts';
import { parseCohort, parseRecordList, type KpiRecord, type ParsedRecord } from './record.ts';
import { gather } from './scorecard.ts';

/**
 * Options of {@link conversionWatchlist}.
 *
 * @example
 * ```ts
 * const options: ConversionWatchlistOptions = { relativeToTeam: 0.8, minInquiries: 30 };
 * const fixed: ConversionWatchlistOptions = { threshold: 0.2 };
 * ```
 */
export const ConversionWatchlistOptions = /* @__PURE__ */ z.strictObject({
  /** A fixed conversion threshold (0–1). Give this or `relativeToTeam`. */
  threshold: z.optional(z.number().check(z.gt(0), z.lte(1))),
  /** Threshold as a share of the team's pooled conversion over the same window (default 0.8 when no `threshold`). */
  relativeToTeam: z.optional(z.number().check(z.gt(0), z.lte(1))),
  /** Fewest inquiries in the window before anyone is judged (default 20). */
  minInquiries: z._default(z.number().check(z.int(), z.gte(1)), 20),
  /** `wilson` (default): flag only when even the upper confidence bound is below the threshold. `point`: when the observed rate is. */
  method: z._default(z.enum(['wilson', 'point']), 'wilson'),
  /** Two-sided confidence level of the Wilson interval (default 0.95). */
  confidence: z._default(z.number().check(z.gte(0.5), z.lt(1)), 0.95),
  /** Which conversion: `paid` (inquiryPaidBuyers, default) or `ordered` (inquiryOrderedBuyers, matures sooner on the event day). */
  conversion: z._default(z.enum(['paid', 'ordered']), 'paid'),
});
/** @inheritDoc ConversionWatchlistOptions */
export type ConversionWatchlistOptions = z.input<typeof ConversionWatchlistOptions>;

/**
 * `attention`: conversion is low even allowing for chance, so someone should look (coach, check
 * the questions, rebalance the queue); `ok`; `tooFewInquiries`: not enough evidence to judge.
 *
 * @example
 * ```ts
 * const status: WatchStatus = 'attention';
 * ```
 */
export type WatchStatus = 'attention' | 'ok' | 'tooFewInquiries';

/**
 * One agent on the watchlist.
 *
 * @example
 * ```ts
 * const e: WatchlistEntry = conversionWatchlist(lastTwoHours)[0]!;
 * ```
 */
export interface WatchlistEntry {
  readonly agentId: string;
  readonly shopId: string;
  readonly inquiries: number;
  /** Buyers converted (paid, or ordered) among those inquiries. */
  readonly converted: number;
  /** converted ÷ inquiries, `null` without inquiries. */
  readonly conversion: number | null;
  /** Wilson interval at the chosen confidence (`null` without inquiries). */
  readonly lowerBound: number | null;
  readonly upperBound: number | null;
  /** The threshold the agent was held to. */
  readonly threshold: number;
  readonly status: WatchStatus;
  /** One sentence for the team lead. */
  readonly message: string;
}

const WatchlistInput = /* @__PURE__ */ z.strictObject({
  options: z._default(ConversionWatchlistOptions, { minInquiries: 20, method: 'wilson', confidence: 0.95, conversion: 'paid' }),
});

/**
 * The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9;
 * plenty for a confidence bound).
 */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** Wilson score interval for x successes in n trials at quantile z. */
export function wilsonInterval(x: number, n: number, zq: number): { lower: number; upper: number } {
  const p = x / n;
  const z2 = zq * zq;
  const centre = p + z2 / (2 * n);
  const spread = zq * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const den = 1 + z2 / n;
  return { lower: Math.max(0, (centre - spread) / den), upper: Math.min(1, (centre + spread) / den) };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * KPI-6: on the event day, which agents' inquiry conversion over a recent window is low enough
 * to deserve attention. Pass one record per agent with the counters of the window (the last two
 * hours, say). An agent is judged only with at least `minInquiries` inquiries; with the default
 * `wilson` method they are flagged only when even the upper bound of the Wilson interval is below
 * the threshold, so a short unlucky run is not enough. The threshold is fixed, or a share of the
 * team's pooled conversion over the same window (default 80% of it).
 *
 * The result is attention, never punishment: a flag asks a team lead to look (coach, listen to
 * chats, move the agent to a simpler queue), it does not score or pay anyone. Entries come most
 * worrying first: `attention` by upper bound, then `ok`, then `tooFewInquiries`, ties by id.
 *
 * Final-payment conversion matures late; on the event day `conversion: 'ordered'` reads the
 * inquiry-to-order counter instead.
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#watchlist}
 */
export function conversionWatchlist(records: readonly KpiRecord[], options: ConversionWatchlistOptions = {}): WatchlistEntry[] {
  const issues: KefuIssue[] = [];
  const parsed = gather(() => parseCohort(parseRecordList(records, 'conversionWatchlist'), 'records', 'conversionWatchlist'), issues);
  const input = gather(() => parseInput(WatchlistInput, { options }, 'conversionWatchlist'), issues);
  if (input !== undefined && input.options.threshold !== undefined && input.options.relativeToTeam !== undefined) {
    issues.push({ path: 'options.relativeToTeam', message: 'expected threshold or relativeToTeam, received both' });
  }
  if (parsed === undefined || input === undefined || issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'conversionWatchlist');
  const o = input.options;
  const counter = o.conversion === 'paid' ? 'inquiryPaidBuyers' : 'inquiryOrderedBuyers';
  const missing = parsed.findIndex((r) => r.counters[counter] === undefined);
  if (missing >= 0) {
    throw new KefuError('INVALID_INPUT', [{ path: `records.${missing}.counters.${counter}`, message: `expected ${counter} for conversion: 'ordered', received nothing` }], 'conversionWatchlist');
  }
  const converted = (r: ParsedRecord): bigint => BigInt(r.counters[counter] ?? 0);
  const inquiries = (r: ParsedRecord): bigint => BigInt(r.counters.inquiries ?? 0);

  let threshold: Rational;
  let basis: string;
  if (o.threshold !== undefined) {
    threshold = toRational(o.threshold, 'options.threshold');
    basis = `the threshold ${pct(o.threshold)}`;
  } else {
    const share = o.relativeToTeam ?? 0.8;
    let num = ZERO;
    let den = ZERO;
    for (const r of parsed) {
      num += converted(r);
      den += inquiries(r);
    }
    const team = den === ZERO ? frac(ZERO) : frac(num, den);
    threshold = mul(team, toRational(share, 'options.relativeToTeam'));
    basis = `${pct(share)} of the team's ${pct(toFloat(team))}`;
  }
  const thresholdFloat = toFloat(threshold);
  const zq = normalQuantile(1 - (1 - o.confidence) / 2);
  const level = `${Math.round(o.confidence * 1000) / 10}%`;

  const entries: WatchlistEntry[] = parsed.map((r) => {
    const n = Number(inquiries(r));
    const x = Number(converted(r));
    const base = { agentId: r.agentId, shopId: r.shopId, inquiries: n, converted: x, threshold: thresholdFloat };
    if (n === 0) {
      return { ...base, conversion: null, lowerBound: null, upperBound: null, status: 'tooFewInquiries', message: `${r.agentId}: no inquiries in the window` };
    }
    const { lower, upper } = wilsonInterval(x, n, zq);
    const rate = `${x} of ${n} inquiries converted (${pct(x / n)})`;
    let status: WatchStatus;
    let message: string;
    if (n < o.minInquiries) {
      status = 'tooFewInquiries';
      message = `${r.agentId}: ${rate}; fewer than ${o.minInquiries} inquiries, too early to judge`;
    } else if (o.method === 'wilson' ? upper < thresholdFloat : compare(frac(BigInt(x), BigInt(n)), threshold) < 0) {
      status = 'attention';
      message =
        o.method === 'wilson'
          ? `${r.agentId}: ${rate}; even the ${level} upper bound ${pct(upper)} is below ${basis}: worth a look (coaching, the questions asked, the queue), not a penalty`
          : `${r.agentId}: ${rate}, below ${basis}: worth a look, not a penalty`;
    } else {
      status = 'ok';
      message = `${r.agentId}: ${rate}; not below ${basis}${o.method === 'wilson' ? ` with ${level} confidence` : ''}`;
    }
    return { ...base, conversion: x / n, lowerBound: lower, upperBound: upper, status, message };
  });
  const order: Record<WatchStatus, number> = { attention: 0, ok: 1, tooFewInquiries: 2 };
  return entries.sort((a, b) => order[a.status] - order[b.status] || (a.status === 'attention' ? (a.upperBound ?? 0) - (b.upperBound ?? 0) : 0) || compareIds(a.agentId, b.agentId));
}

import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { Dec, formatMoney, MoneyInputSchema, toDecimal } from '../core/money.ts';
import { InstantSchema } from '../core/time.ts';
import { parseInput } from '../core/validate.ts';
import { classifyRefundReason } from './classify.ts';
import { PLATFORMS } from './platform.ts';
import { BUCKETS, ORDER_STATES, PARTIES, REASON_CODES, REFUND_REASONS, TEAMS, type Bucket, type Party, type ReasonCode, type Remedy, type Team } from './taxonomy.ts';

const text = /* @__PURE__ */ z.string().check(z.maxLength(10_000));
const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));

/**
 * One refund: its amount, and its code, or the text (and platform option) to classify.
 *
 * @example
 * ```ts
 * const r: RefundRecord = { id: 'r1', orderId: 'o1', category: 'mugs', amount: '39.90', text: '杯子碎了', buyerId: 'b7' };
 * ```
 */
export const RefundRecord = /* @__PURE__ */ z.strictObject({
  id,
  orderId: z.optional(id),
  /** Product category, for rates per category (default `"all"`). */
  category: z._default(id, 'all'),
  /** Refunded amount, >= 0. */
  amount: MoneyInputSchema,
  /** The reason code, when already known. */
  code: z.optional(z.enum(REASON_CODES)),
  /** Free text to classify when `code` is absent. */
  text: z.optional(text),
  platformReason: z.optional(text),
  platform: z.optional(z.enum(PLATFORMS)),
  orderState: z.optional(z.enum(ORDER_STATES)),
  buyerId: z.optional(id),
  createdAt: z.optional(InstantSchema),
});
/** @inheritDoc RefundRecord */
export type RefundRecord = z.input<typeof RefundRecord>;

/**
 * Paid orders of one category over the same period as the refunds, for refund rates.
 *
 * @example
 * ```ts
 * const o: OrderStats = { category: 'mugs', paidOrders: 1200, paidAmount: '47880.00' };
 * ```
 */
export const OrderStats = /* @__PURE__ */ z.strictObject({
  category: id,
  paidOrders: z.number().check(z.int(), z.nonnegative()),
  paidAmount: MoneyInputSchema,
});
/** @inheritDoc OrderStats */
export type OrderStats = z.input<typeof OrderStats>;

/**
 * Options of {@link analyzeRefunds}.
 *
 * @example
 * ```ts
 * const options: AnalyzeRefundsOptions = { repeatThreshold: 3, vitalShare: 0.8 };
 * ```
 */
export const AnalyzeRefundsOptions = /* @__PURE__ */ z.strictObject({
  /** A buyer with at least this many refunds is a repeat refunder (default 2). */
  repeatThreshold: z._default(z.number().check(z.int(), z.gte(2)), 2),
  /** The Pareto cut: the vital few cover at least this share of refunds (default 0.8). */
  vitalShare: z._default(z.number().check(z.gt(0), z.lte(1)), 0.8),
});
/** @inheritDoc AnalyzeRefundsOptions */
export type AnalyzeRefundsOptions = z.input<typeof AnalyzeRefundsOptions>;

const Input = /* @__PURE__ */ z.strictObject({
  refunds: z.readonly(z.array(RefundRecord).check(z.maxLength(5_000_000))),
  orders: z.optional(z.readonly(z.array(OrderStats))),
  options: z._default(AnalyzeRefundsOptions, { repeatThreshold: 2, vitalShare: 0.8 }),
});

/**
 * A count, an amount (two decimals) and their shares of all refunds.
 *
 * @example
 * ```ts
 * const t: RefundTally = { count: 3, amount: '120.00', share: 0.25, amountShare: 0.3 };
 * ```
 */
export interface RefundTally {
  readonly count: number;
  readonly amount: string;
  /** count ÷ all refunds (0 when there are none). */
  readonly share: number;
  /** amount ÷ all refunded amount (0 when it is zero). */
  readonly amountShare: number;
}

/**
 * Refunds of one category against its paid orders.
 *
 * @example
 * ```ts
 * const c: CategoryRefunds = { category: 'mugs', count: 30, amount: '1197.00', paidOrders: 1200, paidAmount: '47880.00', rateByCount: 0.025, rateByAmount: 0.025 };
 * ```
 */
export interface CategoryRefunds {
  readonly category: string;
  readonly count: number;
  readonly amount: string;
  readonly paidOrders: number | null;
  readonly paidAmount: string | null;
  /** refunds ÷ paid orders; null without orders for the category or when they are 0. */
  readonly rateByCount: number | null;
  /** refunded ÷ paid amount; null without orders for the category or when it is 0. */
  readonly rateByAmount: number | null;
}

/**
 * One code's refunds, with its label and bucket.
 *
 * @example
 * ```ts
 * const c: CodeRefunds = { code: 'WRONG_ITEM', label: '发错货', bucket: 'AVOIDABLE', count: 4, amount: '160.00', share: 0.2, amountShare: 0.25 };
 * ```
 */
export interface CodeRefunds extends RefundTally {
  readonly code: ReasonCode;
  /** zh-CN label. */
  readonly label: string;
  readonly bucket: Bucket;
}

/**
 * A step of the Pareto chart: codes by count descending (ties by priority).
 *
 * @example
 * ```ts
 * const step: ParetoStep = { code: 'SIZE_FIT', count: 9, share: 0.45, cumulativeShare: 0.45, vital: true };
 * ```
 */
export interface ParetoStep {
  readonly code: ReasonCode;
  readonly count: number;
  readonly share: number;
  /** Refunds of this code and every code before it ÷ all refunds; the last step is 1. */
  readonly cumulativeShare: number;
  /** Among the vital few. */
  readonly vital: boolean;
}

/**
 * A buyer with several refunds in the input.
 *
 * @example
 * ```ts
 * const b: RepeatRefunder = { buyerId: 'b7', count: 3, amount: '259.00', codes: ['CHANGED_MIND', 'SIZE_FIT'] };
 * ```
 */
export interface RepeatRefunder {
  readonly buyerId: string;
  readonly count: number;
  readonly amount: string;
  /** Distinct codes, by priority. */
  readonly codes: readonly ReasonCode[];
}

/**
 * What {@link analyzeRefunds} returns.
 *
 * @example
 * ```ts
 * const a: RefundAnalysis = analyzeRefunds(refunds, orders);
 * a.buckets.AVOIDABLE.share;
 * ```
 */
export interface RefundAnalysis {
  readonly count: number;
  readonly amount: string;
  /** Refunds whose code came from classifying their text. */
  readonly classified: number;
  readonly byCategory: readonly CategoryRefunds[];
  readonly byCode: readonly CodeRefunds[];
  /** RF-1: the three-way split, plus undetermined. Shares sum to 1 when there are refunds. */
  readonly buckets: Readonly<Record<Bucket, RefundTally>>;
  /** RF-1: avoidable ÷ all refunds; null without refunds. */
  readonly avoidableShare: number | null;
  /** Avoidable ÷ refunds whose bucket is determined; null when there are none. */
  readonly avoidableShareExcludingUndetermined: number | null;
  /** RF-3: refunds an exchange or a reship would have settled without money going back. */
  readonly savedByExchangeOrReship: RefundTally;
  readonly pareto: readonly ParetoStep[];
  /** The shortest run of codes, from the top, that covers `vitalShare` of refunds. */
  readonly vitalFew: readonly ReasonCode[];
  /** Who caused the refunds. */
  readonly byParty: Readonly<Record<Party, RefundTally>>;
  /** Which team owns their prevention (RF-1: the pre-sale vs after-sale split). */
  readonly byTeam: Readonly<Record<Team, RefundTally>>;
  /** RF-6: the after-sale work by default remedy (returns, exchanges, reships, refunds …). */
  readonly byRemedy: Readonly<Partial<Record<Remedy, RefundTally>>>;
  readonly repeatRefunders: readonly RepeatRefunder[];
  /** The RF-1 answer in sentences. */
  readonly summary: readonly string[];
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function amountRatio(part: Dec, whole: Dec): number {
  return whole.isZero() ? 0 : part.div(whole).toNumber();
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

class Tally {
  count = 0;
  amount: Dec = new Dec(0);
  add(amount: Dec): void {
    this.count++;
    this.amount = this.amount.plus(amount);
  }
  out(total: number, totalAmount: Dec): RefundTally {
    return { count: this.count, amount: formatMoney(this.amount), share: ratio(this.count, total), amountShare: amountRatio(this.amount, totalAmount) };
  }
}

function tallies<K extends string>(keys: readonly K[]): Map<K, Tally> {
  return new Map(keys.map((k) => [k, new Tally()]));
}

function record<K extends string>(map: Map<K, Tally>, total: number, amount: Dec): Record<K, RefundTally> {
  return Object.fromEntries([...map].map(([k, t]) => [k, t.out(total, amount)])) as Record<K, RefundTally>;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * RF-1: the post-event review of refunds. Counts and amounts by category (with refund rates
 * against paid orders when `orders` are given), by code, by RF-1 bucket, by responsible party,
 * by owner team and by default remedy (the after-sale workload of RF-6); the Pareto chart with its
 * vital few; repeat refunders; and the RF-1 question answered in numbers: how much was avoidable,
 * how much an exchange or reship would have settled (RF-3), how much only money settles.
 * Refunds without a `code` are classified from `text` / `platformReason`. Amounts are exact
 * decimals (two places out); shares are numbers in [0, 1]; nothing divides by zero (empty input
 * gives zeros, rates without orders are null). The result does not depend on the order of the
 * input arrays.
 *
 * Throws `INVALID_INPUT` naming the field (`refunds.3.amount`, `orders.1.category`) for malformed
 * records, negative amounts, a refund with neither code nor text, or a category listed twice in
 * `orders`.
 *
 * @example
 * {@includeCode ../../examples/refunds.example.ts#analyze}
 */
export function analyzeRefunds(refunds: readonly RefundRecord[], orders?: readonly OrderStats[], options?: AnalyzeRefundsOptions): RefundAnalysis {
  const v = parseInput(Input, { refunds, ...(orders === undefined ? {} : { orders }), ...(options === undefined ? {} : { options }) }, 'analyzeRefunds');
  const issues: KefuIssue[] = [];
  const amounts = v.refunds.map((r, i) => {
    const a = toDecimal(r.amount, `refunds.${i}.amount`);
    if (a.isNegative()) issues.push({ path: `refunds.${i}.amount`, message: `expected an amount >= 0, received ${a.toString()}` });
    if (r.code === undefined && r.text === undefined && r.platformReason === undefined) issues.push({ path: `refunds.${i}.code`, message: 'expected a code, or a text or platformReason to classify, received none' });
    return a;
  });
  const orderMap = new Map<string, { paidOrders: number; paidAmount: Dec }>();
  (v.orders ?? []).forEach((o, i) => {
    const paid = toDecimal(o.paidAmount, `orders.${i}.paidAmount`);
    if (paid.isNegative()) issues.push({ path: `orders.${i}.paidAmount`, message: `expected an amount >= 0, received ${paid.toString()}` });
    if (orderMap.has(o.category)) issues.push({ path: `orders.${i}.category`, message: `expected each category once, received ${JSON.stringify(o.category)} again` });
    orderMap.set(o.category, { paidOrders: o.paidOrders, paidAmount: paid });
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'analyzeRefunds');

  let classified = 0;
  const codes: ReasonCode[] = v.refunds.map((r) => {
    if (r.code !== undefined) return r.code;
    classified++;
    return classifyRefundReason({
      text: r.text ?? '',
      ...(r.platformReason === undefined ? {} : { platformReason: r.platformReason }),
      ...(r.platform === undefined ? {} : { platform: r.platform }),
      ...(r.orderState === undefined ? {} : { orderState: r.orderState }),
    }).code;
  });

  const n = v.refunds.length;
  const total = amounts.reduce((s, a) => s.plus(a), new Dec(0));
  const byCode = tallies(REASON_CODES);
  const byBucket = tallies(BUCKETS);
  const byParty = tallies(PARTIES);
  const byTeam = tallies(TEAMS);
  const byRemedy = new Map<Remedy, Tally>();
  const byCategory = new Map<string, Tally>();
  const byBuyer = new Map<string, { tally: Tally; codes: Set<ReasonCode> }>();
  v.refunds.forEach((r, i) => {
    const code = codes[i] as ReasonCode;
    const amount = amounts[i] as Dec;
    const reason = REFUND_REASONS[code];
    (byCode.get(code) as Tally).add(amount);
    (byBucket.get(reason.bucket) as Tally).add(amount);
    (byParty.get(reason.responsibleParty) as Tally).add(amount);
    (byTeam.get(reason.ownerTeam) as Tally).add(amount);
    const remedy = byRemedy.get(reason.defaultRemedy) ?? new Tally();
    remedy.add(amount);
    byRemedy.set(reason.defaultRemedy, remedy);
    const category = byCategory.get(r.category) ?? new Tally();
    category.add(amount);
    byCategory.set(r.category, category);
    if (r.buyerId !== undefined) {
      const b = byBuyer.get(r.buyerId) ?? { tally: new Tally(), codes: new Set<ReasonCode>() };
      b.tally.add(amount);
      b.codes.add(code);
      byBuyer.set(r.buyerId, b);
    }
  });

  const categories = [...new Set([...byCategory.keys(), ...orderMap.keys()])].sort(cmp);
  const categoryRows: CategoryRefunds[] = categories.map((category) => {
    const t = byCategory.get(category) ?? new Tally();
    const o = orderMap.get(category);
    return {
      category,
      count: t.count,
      amount: formatMoney(t.amount),
      paidOrders: o === undefined ? null : o.paidOrders,
      paidAmount: o === undefined ? null : formatMoney(o.paidAmount),
      rateByCount: o === undefined || o.paidOrders === 0 ? null : t.count / o.paidOrders,
      rateByAmount: o === undefined || o.paidAmount.isZero() ? null : t.amount.div(o.paidAmount).toNumber(),
    };
  });

  const priority = (c: ReasonCode): number => REFUND_REASONS[c].priority;
  const codeRows: CodeRefunds[] = REASON_CODES.filter((c) => (byCode.get(c) as Tally).count > 0)
    .map((c) => ({ code: c, label: REFUND_REASONS[c].label['zh-CN'], bucket: REFUND_REASONS[c].bucket, ...(byCode.get(c) as Tally).out(n, total) }))
    .sort((a, b) => b.count - a.count || priority(a.code) - priority(b.code));

  const { vitalShare, repeatThreshold } = v.options;
  let running = 0;
  let vitalDone = false;
  const pareto: ParetoStep[] = codeRows.map((row) => {
    const vital = !vitalDone;
    running += row.count;
    if (running >= vitalShare * n) vitalDone = true;
    return { code: row.code, count: row.count, share: row.share, cumulativeShare: running === n ? 1 : running / n, vital };
  });

  const buckets = record(byBucket, n, total);
  const determined = n - buckets.UNDETERMINED.count;
  const repeatRefunders = [...byBuyer]
    .filter(([, b]) => b.tally.count >= repeatThreshold)
    .map(([buyerId, b]) => ({ buyerId, count: b.tally.count, amount: formatMoney(b.tally.amount), codes: [...b.codes].sort((x, y) => priority(x) - priority(y)) }))
    .sort((a, b) => b.count - a.count || cmp(a.buyerId, b.buyerId));
  const remedyRecord = Object.fromEntries(
    [...byRemedy].sort((a, b) => cmp(a[0], b[0])).map(([k, t]) => [k, t.out(n, total)]),
  ) as Partial<Record<Remedy, RefundTally>>;

  const result: RefundAnalysis = {
    count: n,
    amount: formatMoney(total),
    classified,
    byCategory: categoryRows,
    byCode: codeRows,
    buckets,
    avoidableShare: n === 0 ? null : buckets.AVOIDABLE.count / n,
    avoidableShareExcludingUndetermined: determined === 0 ? null : buckets.AVOIDABLE.count / determined,
    savedByExchangeOrReship: buckets.EXCHANGEABLE,
    pareto,
    vitalFew: pareto.filter((p) => p.vital).map((p) => p.code),
    byParty: record(byParty, n, total),
    byTeam: record(byTeam, n, total),
    byRemedy: remedyRecord,
    repeatRefunders,
    summary: [],
  };
  return { ...result, summary: summarize(result) };
}

function summarize(a: RefundAnalysis): string[] {
  if (a.count === 0) return ['No refunds in the input.'];
  const b = a.buckets;
  const top = a.vitalFew.map((c) => REFUND_REASONS[c].label.en.toLowerCase()).join(', ');
  const teams = TEAMS.filter((t) => a.byTeam[t].count > 0)
    .sort((x, y) => a.byTeam[y].count - a.byTeam[x].count || cmp(x, y))
    .map((t) => `${t.replace('_', '-')} ${pct(a.byTeam[t].share)}`)
    .join(', ');
  return [
    `${a.count} refunds, ${a.amount} refunded.`,
    `RF-1: ${pct(b.AVOIDABLE.share)} were avoidable (${b.AVOIDABLE.amount}), ${pct(b.EXCHANGEABLE.share)} an exchange or reship would have settled (RF-3, ${b.EXCHANGEABLE.amount}), ${pct(b.REFUND_ONLY.share)} only a refund settles, ${pct(b.UNDETERMINED.share)} name no cause.`,
    `The vital few (${a.vitalFew.length} of ${a.byCode.length} reasons): ${top}.`,
    `Prevention by owner team: ${teams}.`,
  ];
}

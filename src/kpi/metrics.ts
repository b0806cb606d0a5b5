import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { parseInput } from '../core/validate.ts';
import { at, EXACT_LIMIT, newColumn, NONE, setRational, SMALL, type Column } from './column.ts';
import { formatRational, ONE, pow10, toFloat, toRational, ZERO, type Rational } from './exact.ts';
import { COUNTER_NAMES, COUNTER_PLACES, EXTRA_PLACES, KpiRecord, parseRecord, type CounterName, type ParsedRecord } from './record.ts';

const COUNTER_SET: ReadonlySet<string> = /* @__PURE__ */ new Set<string>(COUNTER_NAMES);
const EXTRA_RE = /^extra\.\S{1,100}$/;

const counterName = /* @__PURE__ */ z.custom<CounterName>((value) => typeof value === 'string' && (COUNTER_SET.has(value) || EXTRA_RE.test(value)), {
  error: `expected a counter name (${COUNTER_NAMES.join(', ')}, or extra.<name>)`,
});
const counterList = /* @__PURE__ */ z.readonly(z.array(counterName).check(z.minLength(1), z.maxLength(50)));
const label = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
const positiveAmount = /* @__PURE__ */ z.custom<number | string>(
  (value) => {
    try {
      return toRational(value, '').num > ZERO;
    } catch {
      return false;
    }
  },
  { error: 'expected an amount > 0 as a number or a decimal string' },
);

/**
 * How a metric is computed from a record's counters. `ratio`: Σ numerator ÷ Σ denominator
 * (× `multiplier`), no value when the denominator is 0. `sum`: Σ counters. `shop`: a
 * shop-level figure the platform supplies (not computable per agent).
 *
 * @example
 * ```ts
 * const conversion: MetricFormula = { kind: 'ratio', numerator: ['inquiryPaidBuyers'], denominator: ['inquiries'] };
 * const perHour: MetricFormula = { kind: 'ratio', numerator: ['salesAmount'], denominator: ['onlineSeconds'], multiplier: 3600 };
 * ```
 */
export const MetricFormula = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({
    /** Σ numerator ÷ Σ denominator. */
    kind: z.literal('ratio'),
    /** Counters added up above the line. */
    numerator: counterList,
    /** Counters added up below the line. */
    denominator: counterList,
    /** Factor applied to the ratio (3600 turns per-second into per-hour). Default 1. */
    multiplier: z.optional(positiveAmount),
  }),
  z.strictObject({
    /** Σ counters. */
    kind: z.literal('sum'),
    /** Counters added up. */
    counters: counterList,
  }),
  z.strictObject({
    /** A shop-level figure supplied by the platform. */
    kind: z.literal('shop'),
  }),
]);
/** @inheritDoc MetricFormula */
export type MetricFormula = z.input<typeof MetricFormula>;

/**
 * Which way is better: `higher` (conversion, sales) or `lower` (response time, refund rate).
 *
 * @example
 * ```ts
 * const direction: MetricDirection = 'lower';
 * ```
 */
export const MetricDirection = /* @__PURE__ */ z.enum(['higher', 'lower']);
/** @inheritDoc MetricDirection */
export type MetricDirection = z.output<typeof MetricDirection>;

/**
 * What a metric's value measures, which also fixes how it is returned: `money` values are
 * decimal strings with 2 places (`"173.33"`), every other unit a number.
 *
 * @example
 * ```ts
 * const unit: MetricUnit = 'money';
 * ```
 */
export const MetricUnit = /* @__PURE__ */ z.enum(['ratio', 'money', 'seconds', 'count', 'number']);
/** @inheritDoc MetricUnit */
export type MetricUnit = z.output<typeof MetricUnit>;

/**
 * A metric as data: id, labels in zh-CN and English, scope, direction, unit, formula over the
 * counters, and the minimum sample below which an agent is not scored on it. The built-in
 * catalogue is {@link METRICS}; custom metrics use the same shape.
 *
 * `scope: 'shop'` marks a shop-level score (service score, 3-minute response rate): it also
 * reflects parcels, couriers and the whole team, so it is never charged to one agent (KPI-3)
 * and a scorecard that names one is rejected.
 *
 * @example
 * ```ts
 * const salesPerOnlineHour: MetricDefinition = {
 *   id: 'salesPerOnlineHour', labels: { 'zh-CN': '每在线小时销售额', en: 'Sales per online hour' },
 *   direction: 'higher', unit: 'money',
 *   formula: { kind: 'ratio', numerator: ['salesAmount'], denominator: ['onlineSeconds'], multiplier: 3600 },
 *   sample: ['onlineSeconds'], minSample: 3600,
 * };
 * ```
 */
export const MetricDefinition = /* @__PURE__ */ z.strictObject({
  /** Identifier: a letter, then letters, digits or `_` (up to 64). */
  id: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'expected an id of letters, digits and _ starting with a letter')),
  /** Display names. */
  labels: z.strictObject({
    /** Simplified Chinese. */
    'zh-CN': label,
    /** English. */
    en: label,
  }),
  /** `agent` (default) or `shop` (never in an agent scorecard, KPI-3). */
  scope: z._default(z.enum(['agent', 'shop']), 'agent'),
  /** Which way is better. */
  direction: MetricDirection,
  /** What the value measures. */
  unit: MetricUnit,
  /** How the value is computed. */
  formula: MetricFormula,
  /** Counters whose sum is the sample size (default: the ratio's denominator, or the summed counters). */
  sample: z.optional(counterList),
  /** Least sample for the metric to be scored (default 0). Below it the agent is unscored on it, not scored 0. */
  minSample: z._default(z.number().check(z.nonnegative()), 0),
  /** What it means, for people. */
  description: z.optional(z.string().check(z.maxLength(2000))),
});
/** @inheritDoc MetricDefinition */
export type MetricDefinition = z.input<typeof MetricDefinition>;
/** A metric definition with its defaults filled in. */
export type ResolvedMetricDefinition = z.output<typeof MetricDefinition>;

/** Built-in metric ids that agents are scored on. */
export type AgentMetricId =
  | 'inquiryConversion'
  | 'inquiryOrderConversion'
  | 'averageOrderValue'
  | 'salesAmount'
  | 'refundAmount'
  | 'refundRate'
  | 'firstResponseSeconds'
  | 'averageResponseSeconds'
  | 'positiveReviews'
  | 'satisfaction';

/** Built-in shop-scope metric ids (KPI-3: never in an agent scorecard). */
export type ShopMetricId = 'shopServiceScore' | 'threeMinuteResponseRate' | 'disputeRate';

const ratio = (numerator: CounterName[], denominator: CounterName[]): ResolvedMetricDefinition['formula'] => ({ kind: 'ratio', numerator, denominator });

/**
 * The built-in metric catalogue, as data (KPI-1, KPI-3, KPI-8). Ratios are always ratios of sums.
 * Minimum samples are kefu's defaults, chosen so that 1 paying buyer out of 1 inquiry cannot top
 * a cohort; override them per scorecard item.
 *
 * | id | 中文 | better | value | minimum sample |
 * |---|---|---|---|---|
 * | `inquiryConversion` | 询单转化率 | higher | inquiryPaidBuyers ÷ inquiries | 20 inquiries |
 * | `inquiryOrderConversion` | 询单→下单转化率 | higher | inquiryOrderedBuyers ÷ inquiries | 20 inquiries |
 * | `averageOrderValue` | 客单价 | higher | salesAmount ÷ paidBuyers | 5 paying buyers |
 * | `salesAmount` | 客服销售额 | higher | salesAmount | none |
 * | `refundAmount` | 退款金额 | lower | refundAmount | none |
 * | `refundRate` | 退款率 | lower | refundAmount ÷ salesAmount | 5 paying buyers |
 * | `firstResponseSeconds` | 首次响应时间 | lower | firstReplySeconds ÷ firstReplies | 10 first replies |
 * | `averageResponseSeconds` | 平均响应时间 | lower | replySeconds ÷ replies | 10 replies |
 * | `positiveReviews` | 好评数 | higher | positiveReviews | none |
 * | `satisfaction` | 客户满意率 | higher | (4★ + 5★) ÷ ratings | 5 ratings |
 * | `shopServiceScore` | 店铺服务分 | higher | shop scope | — |
 * | `threeMinuteResponseRate` | 3分钟人工响应率 | higher | shop scope | — |
 * | `disputeRate` | 纠纷退款率 | lower | shop scope | — |
 *
 * @example
 * ```ts
 * METRICS.inquiryConversion.labels['zh-CN']; // '询单转化率'
 * METRICS.firstResponseSeconds.direction; // 'lower'
 * METRICS.threeMinuteResponseRate.scope; // 'shop'
 * ```
 */
export const METRICS: Readonly<Record<AgentMetricId | ShopMetricId, ResolvedMetricDefinition>> = {
  inquiryConversion: {
    id: 'inquiryConversion',
    labels: { 'zh-CN': '询单转化率', en: 'Inquiry conversion' },
    scope: 'agent',
    direction: 'higher',
    unit: 'ratio',
    formula: ratio(['inquiryPaidBuyers'], ['inquiries']),
    minSample: 20,
    description: 'Inquiring buyers who went on to pay (询单→最终付款人数) ÷ inquiring buyers (询单人数).',
  },
  inquiryOrderConversion: {
    id: 'inquiryOrderConversion',
    labels: { 'zh-CN': '询单→下单转化率', en: 'Inquiry-to-order conversion' },
    scope: 'agent',
    direction: 'higher',
    unit: 'ratio',
    formula: ratio(['inquiryOrderedBuyers'], ['inquiries']),
    minSample: 20,
    description: 'Inquiring buyers who placed an order, paid or not ÷ inquiring buyers. Matures faster than payment: useful on the event day.',
  },
  averageOrderValue: {
    id: 'averageOrderValue',
    labels: { 'zh-CN': '客单价', en: 'Average order value' },
    scope: 'agent',
    direction: 'higher',
    unit: 'money',
    formula: ratio(['salesAmount'], ['paidBuyers']),
    minSample: 5,
    description: 'Sales credited to the agent ÷ paying buyers credited (落实客单价).',
  },
  salesAmount: {
    id: 'salesAmount',
    labels: { 'zh-CN': '客服销售额', en: 'Sales amount' },
    scope: 'agent',
    direction: 'higher',
    unit: 'money',
    formula: { kind: 'sum', counters: ['salesAmount'] },
    minSample: 0,
    description: 'Paid amount of the orders credited to the agent under the credit rule.',
  },
  refundAmount: {
    id: 'refundAmount',
    labels: { 'zh-CN': '退款金额', en: 'Refund amount' },
    scope: 'agent',
    direction: 'lower',
    unit: 'money',
    formula: { kind: 'sum', counters: ['refundAmount'] },
    minSample: 0,
    description: 'Refunds on the orders credited to the agent.',
  },
  refundRate: {
    id: 'refundRate',
    labels: { 'zh-CN': '退款率', en: 'Refund rate' },
    scope: 'agent',
    direction: 'lower',
    unit: 'ratio',
    formula: ratio(['refundAmount'], ['salesAmount']),
    sample: ['paidBuyers'],
    minSample: 5,
    description: 'Refund amount ÷ sales amount of the credited orders. May exceed 1 in a short period, when refunds arrive for earlier sales.',
  },
  firstResponseSeconds: {
    id: 'firstResponseSeconds',
    labels: { 'zh-CN': '首次响应时间(秒)', en: 'First response time (s)' },
    scope: 'agent',
    direction: 'lower',
    unit: 'seconds',
    formula: ratio(['firstReplySeconds'], ['firstReplies']),
    minSample: 10,
    description: 'Σ seconds to the first human reply ÷ first replies: a mean of sums, never a mean of daily means.',
  },
  averageResponseSeconds: {
    id: 'averageResponseSeconds',
    labels: { 'zh-CN': '平均响应时间(秒)', en: 'Average response time (s)' },
    scope: 'agent',
    direction: 'lower',
    unit: 'seconds',
    formula: ratio(['replySeconds'], ['replies']),
    minSample: 10,
    description: 'Σ seconds from each buyer turn to the human reply ÷ replies.',
  },
  positiveReviews: {
    id: 'positiveReviews',
    labels: { 'zh-CN': '好评数', en: 'Positive reviews' },
    scope: 'agent',
    direction: 'higher',
    unit: 'count',
    formula: { kind: 'sum', counters: ['positiveReviews'] },
    minSample: 0,
    description: 'Positive reviews attributed to the agent.',
  },
  satisfaction: {
    id: 'satisfaction',
    labels: { 'zh-CN': '客户满意率', en: 'Satisfaction (4–5★ share)' },
    scope: 'agent',
    direction: 'higher',
    unit: 'ratio',
    formula: ratio(['rating4', 'rating5'], ['rating1', 'rating2', 'rating3', 'rating4', 'rating5']),
    minSample: 5,
    description: '(很满意 + 满意) ÷ all ratings: the share of 4 and 5 star service ratings.',
  },
  shopServiceScore: {
    id: 'shopServiceScore',
    labels: { 'zh-CN': '店铺服务分', en: 'Shop service score' },
    scope: 'shop',
    direction: 'higher',
    unit: 'number',
    formula: { kind: 'shop' },
    minSample: 0,
    description: 'The platform’s service score of the shop (DSR-style). Reflects parcels and couriers too: compare its trend with the industry’s (relativeTrend), never charge it to an agent.',
  },
  threeMinuteResponseRate: {
    id: 'threeMinuteResponseRate',
    labels: { 'zh-CN': '3分钟人工响应率', en: '3-minute response rate' },
    scope: 'shop',
    direction: 'higher',
    unit: 'ratio',
    formula: { kind: 'shop' },
    minSample: 0,
    description: 'Share of conversation rounds answered by a human within 3 minutes over the platform’s rolling window: a shop score.',
  },
  disputeRate: {
    id: 'disputeRate',
    labels: { 'zh-CN': '纠纷退款率', en: 'Dispute refund rate' },
    scope: 'shop',
    direction: 'lower',
    unit: 'ratio',
    formula: { kind: 'shop' },
    minSample: 0,
    description: 'Refunds escalated to the platform ÷ paid orders: a shop score.',
  },
};

/** A value as kefu returns it: a decimal string for money, a number otherwise, `null` when there is none. */
export type MetricValue = number | string | null;

/** One metric over a list of records: exact values, and which rows meet the minimum sample. */
export interface MetricColumn {
  /** The value per record; empty where a counter is missing or the denominator is 0. */
  readonly values: Column;
  /** 1 where the value exists and the sample is large enough, else 0. */
  readonly usable: Uint8Array;
}

/** A metric ready to evaluate on parsed records. */
export interface CompiledMetric {
  readonly def: ResolvedMetricDefinition;
  /** The exact value of one record (null when a counter is missing or the denominator is 0). */
  value(record: ParsedRecord): Rational | null;
  /** Values over many records, with the minimum sample applied (`minSample` overrides the metric's). */
  column(records: readonly ParsedRecord[], minSample?: Rational): MetricColumn;
  /** The exact minimum sample. */
  readonly minSample: Rational;
}

/** A counter read as a scaled integer, times the factor that brings it to the sum's scale. */
interface Term {
  readonly name: string;
  readonly extra: boolean;
  readonly factor: number;
  /** Reads the counter: one property access per counter name, so each stays monomorphic. */
  readonly get: (record: ParsedRecord) => number | undefined;
}

/** A precompiled Σ counters: terms at a common scale 10^places. */
interface SumPlan {
  readonly terms: readonly Term[];
  readonly den: bigint;
}

function planSum(names: readonly CounterName[]): SumPlan {
  let places = 0;
  for (const name of names) places = Math.max(places, placesOf(name));
  return {
    terms: names.map((name) => {
      const extra = name.startsWith('extra.');
      const key = extra ? name.slice(6) : name;
      return { name: key, extra, factor: 10 ** (places - placesOf(name)), get: extra ? (r: ParsedRecord) => r.extra?.[key] : accessor(key as (typeof COUNTER_NAMES)[number]) };
    }),
    den: pow10(places),
  };
}

function counterOf(record: ParsedRecord, term: Term): number | undefined {
  return term.get(record);
}

/** A reader of one named counter (a literal property access per name, for speed on large cohorts). */
function accessor(name: (typeof COUNTER_NAMES)[number]): (record: ParsedRecord) => number | undefined {
  switch (name) {
    case 'inquiries':
      return (r) => r.counters.inquiries;
    case 'inquiryPaidBuyers':
      return (r) => r.counters.inquiryPaidBuyers;
    case 'inquiryOrderedBuyers':
      return (r) => r.counters.inquiryOrderedBuyers;
    case 'salesAmount':
      return (r) => r.counters.salesAmount;
    case 'paidBuyers':
      return (r) => r.counters.paidBuyers;
    case 'refundAmount':
      return (r) => r.counters.refundAmount;
    case 'firstReplySeconds':
      return (r) => r.counters.firstReplySeconds;
    case 'firstReplies':
      return (r) => r.counters.firstReplies;
    case 'replySeconds':
      return (r) => r.counters.replySeconds;
    case 'replies':
      return (r) => r.counters.replies;
    case 'positiveReviews':
      return (r) => r.counters.positiveReviews;
    case 'rating1':
      return (r) => r.counters.rating1;
    case 'rating2':
      return (r) => r.counters.rating2;
    case 'rating3':
      return (r) => r.counters.rating3;
    case 'rating4':
      return (r) => r.counters.rating4;
    case 'rating5':
      return (r) => r.counters.rating5;
    case 'onlineSeconds':
      return (r) => r.counters.onlineSeconds;
  }
}

/** Σ of a plan's counters as a double (numerator over `plan.den`): NaN when a counter is absent, Infinity when it would not be exact. */
function runSum(plan: SumPlan, record: ParsedRecord): number {
  let total = 0;
  for (const term of plan.terms) {
    const v = counterOf(record, term);
    if (v === undefined) return Number.NaN;
    total += term.factor === 1 ? v : v * term.factor;
  }
  return total < EXACT_LIMIT ? total : Number.POSITIVE_INFINITY;
}

/** Σ of a plan's counters as a bigint (every counter present). */
function runSumBig(plan: SumPlan, record: ParsedRecord): bigint {
  let total = ZERO;
  for (const term of plan.terms) total += BigInt(counterOf(record, term) as number) * BigInt(term.factor);
  return total;
}

function placesOf(name: CounterName): number {
  return name.startsWith('extra.') ? EXTRA_PLACES : (COUNTER_PLACES[name as (typeof COUNTER_NAMES)[number]] ?? 0);
}

/** The least scaled sample (sample × den) that meets `minSample`: ⌈minSample × den⌉. */
function sampleFloor(minSample: Rational, den: bigint): bigint {
  const scaled = minSample.num * den;
  const q = scaled / minSample.den;
  return q * minSample.den === scaled ? q : q + ONE;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO ? -a : a;
  let y = b < ZERO ? -b : b;
  while (y !== ZERO) [x, y] = [y, x % y];
  return x;
}

/** Turns a definition into an evaluator. */
export function compileMetric(def: ResolvedMetricDefinition): CompiledMetric {
  const f = def.formula;
  const minSample = toRational(def.minSample, 'minSample');
  if (f.kind === 'shop') {
    return { def, minSample, value: () => null, column: (records) => ({ values: newColumn(records.length), usable: new Uint8Array(records.length) }) };
  }
  const multiplier = f.kind === 'ratio' && f.multiplier !== undefined ? toRational(f.multiplier, 'multiplier') : null;
  const top = planSum(f.kind === 'ratio' ? f.numerator : f.counters);
  const bottom = f.kind === 'ratio' ? planSum(f.denominator) : null;
  const samplePlan = def.sample === undefined ? (bottom ?? top) : planSum(def.sample);
  // value = (N / top.den) ÷ (D / bottom.den) × multiplier = N·numFactor / (D·denFactor), reduced.
  let numFactor = (bottom?.den ?? ONE) * (multiplier?.num ?? ONE);
  let denFactor = top.den * (multiplier?.den ?? ONE);
  const g = gcd(numFactor, denFactor);
  numFactor /= g;
  denFactor /= g;
  const numF = Number(numFactor);
  const denF = Number(denFactor);

  const valueOf = (r: ParsedRecord): Rational | null => {
    if (Number.isNaN(runSum(top, r))) return null;
    const n = runSumBig(top, r);
    if (bottom === null) return { num: n * numFactor, den: denFactor };
    if (Number.isNaN(runSum(bottom, r))) return null;
    const d = runSumBig(bottom, r);
    if (d === ZERO) return null;
    return { num: n * numFactor, den: d * denFactor };
  };
  return {
    def,
    minSample,
    value: valueOf,
    column: (records, min = minSample) => {
      const values = newColumn(records.length);
      const usable = new Uint8Array(records.length);
      const floorBig = sampleFloor(min, samplePlan.den);
      const floor = Number(floorBig);
      for (let i = 0; i < records.length; i++) {
        const r = records[i] as ParsedRecord;
        const n = runSum(top, r);
        if (Number.isNaN(n)) continue;
        let d = 1;
        if (bottom !== null) {
          d = runSum(bottom, r);
          if (Number.isNaN(d) || d === 0) continue;
        }
        const num = n * numF;
        const den = d * denF;
        if (num < EXACT_LIMIT && den < EXACT_LIMIT) {
          values.kind[i] = SMALL;
          values.num[i] = num;
          values.den[i] = den;
        } else setRational(values, i, valueOf(r));
        if (floor === 0) {
          usable[i] = 1;
          continue;
        }
        const sample = runSum(samplePlan, r);
        if (Number.isNaN(sample)) continue;
        usable[i] = (sample < EXACT_LIMIT && floor < EXACT_LIMIT ? sample >= floor : runSumBig(samplePlan, r) >= floorBig) ? 1 : 0;
      }
      return { values, usable };
    },
  };
}

const BUILT_IN: ReadonlyMap<string, CompiledMetric> = /* @__PURE__ */ new Map(Object.values(METRICS).map((def) => [def.id, compileMetric(def)]));

/**
 * The catalogue in force: the built-in metrics plus custom ones. Custom ids may not reuse a
 * built-in id or each other (`<path>.<i>.id`); a shop-scope metric must use the `shop` formula
 * and an agent metric must not (`<path>.<i>.formula`).
 */
export function catalogue(custom: readonly ResolvedMetricDefinition[] | undefined, path: string, context: string): ReadonlyMap<string, CompiledMetric> {
  if (custom === undefined || custom.length === 0) return BUILT_IN;
  const map = new Map(BUILT_IN);
  const issues: KefuIssue[] = [];
  custom.forEach((def, i) => {
    if (map.has(def.id)) {
      issues.push({ path: `${path}.${i}.id`, message: `expected a new metric id, received ${JSON.stringify(def.id)}, which ${BUILT_IN.has(def.id) ? 'is built in' : 'an earlier custom metric uses'}` });
      return;
    }
    if ((def.scope === 'shop') !== (def.formula.kind === 'shop')) {
      issues.push({ path: `${path}.${i}.formula`, message: def.scope === 'shop' ? 'expected { kind: "shop" } for a shop-scope metric, received an agent formula' : 'expected a ratio or sum formula for an agent metric, received { kind: "shop" }' });
      return;
    }
    map.set(def.id, compileMetric(def));
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, context);
  return map;
}

/** Row i of a column in the form kefu returns (see {@link presentValue}), without building a bigint when it can. */
export function presentAt(def: ResolvedMetricDefinition, values: Column, i: number): MetricValue {
  const kind = values.kind[i];
  if (kind === NONE) return null;
  if (kind === SMALL) {
    const n = values.num[i] as number;
    const d = values.den[i] as number;
    if (def.unit !== 'money') return n / d;
    const cents = n * 100;
    if (cents < EXACT_LIMIT) return centsText(roundHalfUp(cents, d));
  }
  return presentValue(def, at(values, i));
}

/** ⌊n/d + ½⌋ for safe integers n >= 0, d > 0, exactly. */
function roundHalfUp(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

function centsText(cents: number): string {
  const digits = String(cents).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A metric's exact value in the form kefu returns: money as a 2-decimal string, else a number. */
export function presentValue(def: ResolvedMetricDefinition, value: Rational | null): MetricValue {
  if (value === null) return null;
  return def.unit === 'money' ? formatRational(value, 2) : toFloat(value);
}

/**
 * Every agent metric of a record, by id: money as decimal strings, the rest as numbers, `null`
 * where a counter is missing or a denominator is 0. Minimum samples do not apply here (they
 * decide scoring, see {@link scoreAgents}).
 *
 * @example
 * ```ts
 * const m: DerivedMetrics = deriveMetrics(record);
 * m.inquiryConversion; // 0.25
 * m.averageOrderValue; // '168.75'
 * ```
 */
export interface DerivedMetrics {
  readonly inquiryConversion: number | null;
  readonly inquiryOrderConversion: number | null;
  readonly averageOrderValue: string | null;
  readonly salesAmount: string;
  readonly refundAmount: string;
  readonly refundRate: number | null;
  readonly firstResponseSeconds: number | null;
  readonly averageResponseSeconds: number | null;
  readonly positiveReviews: number;
  readonly satisfaction: number | null;
  /** Custom metrics, by id. */
  readonly [metricId: string]: MetricValue;
}

/**
 * Options of {@link deriveMetrics}.
 *
 * @example
 * ```ts
 * const options: DeriveMetricsOptions = { metrics: [salesPerOnlineHour] };
 * ```
 */
export const DeriveMetricsOptions = /* @__PURE__ */ z.strictObject({
  /** Custom metrics to derive besides the built-in ones. */
  metrics: z.optional(z.readonly(z.array(MetricDefinition).check(z.maxLength(200)))),
});
/** @inheritDoc DeriveMetricsOptions */
export type DeriveMetricsOptions = z.input<typeof DeriveMetricsOptions>;

const DeriveInput = /* @__PURE__ */ z.strictObject({ record: KpiRecord, options: z._default(DeriveMetricsOptions, {}) });

/**
 * KPI-1: the agent metrics of one record, computed from its counters as ratios of sums (never
 * averages of ratios), exactly, then returned as money strings or numbers. The seconds metrics
 * are means of sums (Σ seconds ÷ count), so a merged week gives the same value as its raw events.
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#derive}
 */
export function deriveMetrics(record: KpiRecord, options: DeriveMetricsOptions = {}): DerivedMetrics {
  const input = parseInput(DeriveInput, { record, options }, 'deriveMetrics');
  const parsed = parseRecord(input.record, 'record', 'deriveMetrics');
  const metrics = catalogue(input.options.metrics, 'options.metrics', 'deriveMetrics');
  const out: Record<string, MetricValue> = {};
  for (const m of metrics.values()) {
    if (m.def.scope === 'shop') continue;
    out[m.def.id] = presentValue(m.def, m.value(parsed));
  }
  return out as DerivedMetrics;
}

import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { daysBetween, InstantSchema, LocalDateSchema, toEpochMs } from '../core/time.ts';
import { describe, parseInput } from '../core/validate.ts';
import { formatUnits, readScaled } from './exact.ts';

/**
 * Whose chat gets the credit for an order (落实规则), as performance tools let a shop choose:
 * `order` 下单判定 credits the chat around the order's creation, `payment` 付款判定 the chat around
 * the payment, `orderFirst` 下单优先判定 tries the creation and falls back to the payment.
 * The same month gives different sales per agent under different rules, so records counted
 * under different rules are never compared or merged (KPI-8).
 *
 * @example
 * ```ts
 * const rule: CreditRule = 'orderFirst';
 * ```
 */
export const CreditRule = /* @__PURE__ */ z.enum(['order', 'payment', 'orderFirst']);
/** @inheritDoc CreditRule */
export type CreditRule = z.output<typeof CreditRule>;

/**
 * Every counter a metric formula can read, by name: the record's counters, with `ratings`
 * split into `rating1`…`rating5` (custom counters are `extra.<name>` besides these).
 *
 * @example
 * ```ts
 * COUNTER_NAMES.includes('inquiries'); // true
 * ```
 */
export const COUNTER_NAMES = [
  'inquiries',
  'inquiryPaidBuyers',
  'inquiryOrderedBuyers',
  'salesAmount',
  'paidBuyers',
  'refundAmount',
  'firstReplySeconds',
  'firstReplies',
  'replySeconds',
  'replies',
  'positiveReviews',
  'rating1',
  'rating2',
  'rating3',
  'rating4',
  'rating5',
  'onlineSeconds',
] as const;

/**
 * A counter a metric formula may read: one of the record's named counters, a star count
 * `rating1`…`rating5` (from `ratings`), or a custom counter `extra.<name>`.
 *
 * @example
 * ```ts
 * const counters: CounterName[] = ['salesAmount', 'rating5', 'extra.assistedOrders'];
 * ```
 */
export type CounterName = (typeof COUNTER_NAMES)[number] | `extra.${string}`;

/** Decimal places each counter is held at internally: money in fen, seconds in milliseconds. */
export const COUNTER_PLACES: Readonly<Record<(typeof COUNTER_NAMES)[number], number>> = {
  inquiries: 0,
  inquiryPaidBuyers: 0,
  inquiryOrderedBuyers: 0,
  salesAmount: 2,
  paidBuyers: 0,
  refundAmount: 2,
  firstReplySeconds: 3,
  firstReplies: 0,
  replySeconds: 3,
  replies: 0,
  positiveReviews: 0,
  rating1: 0,
  rating2: 0,
  rating3: 0,
  rating4: 0,
  rating5: 0,
  onlineSeconds: 3,
};

/** Places of `extra.*` counters. */
export const EXTRA_PLACES = 6;

const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
const count = /* @__PURE__ */ z.number().check(z.int(), z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER));
const money = /* @__PURE__ */ z.custom<number | string>((value) => readScaled(value, 2) !== undefined, {
  error: 'expected an amount >= 0 with at most 2 decimal places, as a number or a decimal string such as "199.00"',
});
const seconds = /* @__PURE__ */ z.custom<number>((value) => typeof value === 'number' && readScaled(value, 3) !== undefined, {
  error: 'expected a number of seconds >= 0 with at most 3 decimal places',
});
const extraAmount = /* @__PURE__ */ z.custom<number | string>((value) => readScaled(value, EXTRA_PLACES) !== undefined, {
  error: 'expected an amount >= 0 with at most 6 decimal places',
});
// Records of one cohort share their period bounds, so the checks are memoised (a bounded cache
// of pure answers: it changes no result, only the time to reach it).
const boundCache = new Map<string | number, boolean>();

function isPeriodBound(value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  let ok = boundCache.get(value);
  if (ok === undefined) {
    ok = LocalDateSchema.safeParse(value).success || InstantSchema.safeParse(value).success;
    if (boundCache.size >= 1024) boundCache.clear();
    boundCache.set(value, ok);
  }
  return ok;
}

const periodBound = /* @__PURE__ */ z.custom<string | number>(isPeriodBound, {
  error: 'expected a calendar date YYYY-MM-DD, or an instant (ISO 8601 with an offset, or epoch milliseconds)',
});

/**
 * The time a record covers: two calendar dates (`end` included: a day, a month), or two
 * instants (`end` excluded: the last two hours of the event day). Both bounds are the same kind.
 *
 * @example
 * ```ts
 * const month: KpiPeriod = { start: '2026-11-01', end: '2026-11-30' };
 * const lastTwoHours: KpiPeriod = { start: '2026-11-11T10:00:00+08:00', end: '2026-11-11T12:00:00+08:00' };
 * ```
 */
export const KpiPeriod = /* @__PURE__ */ z.strictObject({
  /** First day, or first instant. */
  start: periodBound,
  /** Last day (included), or the instant the period ends (excluded). */
  end: periodBound,
});
/** @inheritDoc KpiPeriod */
export type KpiPeriod = z.input<typeof KpiPeriod>;

/**
 * The raw counters of one agent over one period (KPI-1). Only sums and counts, never ratios: a
 * ratio is derived from the sums ({@link deriveMetrics}), so periods and agents add up exactly.
 * Money is exact (at most 2 decimals), seconds allow 3 decimals.
 *
 * @example
 * ```ts
 * const counters: KpiCounters = {
 *   inquiries: 120, inquiryPaidBuyers: 30, salesAmount: '5400.00', paidBuyers: 32, refundAmount: '199.00',
 *   firstReplySeconds: 1200, firstReplies: 118, replySeconds: 9800, replies: 640, positiveReviews: 21,
 *   ratings: [1, 0, 2, 9, 30],
 * };
 * ```
 */
export const KpiCounters = /* @__PURE__ */ z.strictObject({
  /** 询单人数: distinct buyers who asked before buying (after the reception filters). */
  inquiries: count,
  /** 询单→最终付款人数: of those, buyers who paid an order credited to this agent. At most `inquiries`. */
  inquiryPaidBuyers: count,
  /** 询单→下单人数: inquiring buyers who placed an order (paid or not). At most `inquiries`. */
  inquiryOrderedBuyers: z.optional(count),
  /** 客服销售额: paid amount of the orders credited to the agent under the credit rule. */
  salesAmount: money,
  /** 销售人数: paying buyers credited to the agent (may exceed `inquiries`: credit reaches back `windowDays`). */
  paidBuyers: count,
  /** 退款金额: refunds on orders credited to the agent. */
  refundAmount: money,
  /** Σ seconds from a buyer's first message to the first human reply. */
  firstReplySeconds: seconds,
  /** How many first replies `firstReplySeconds` sums over. */
  firstReplies: count,
  /** Σ seconds from each buyer turn to the human reply that answered it. */
  replySeconds: seconds,
  /** How many replies `replySeconds` sums over. */
  replies: count,
  /** 好评数: positive reviews attributed to the agent. */
  positiveReviews: count,
  /** Service ratings by stars: `[1★, 2★, 3★, 4★, 5★]` counts. */
  ratings: z.optional(z.readonly(z.tuple([count, count, count, count, count]))),
  /** Seconds online (在线时长). */
  onlineSeconds: z.optional(seconds),
  /** Custom counters for custom metrics (`extra.<name>` in a formula): amounts >= 0, up to 6 decimals. */
  extra: z.optional(z.record(z.string().check(z.minLength(1), z.maxLength(100)), extraAmount)),
});
/** @inheritDoc KpiCounters */
export type KpiCounters = z.input<typeof KpiCounters>;

/**
 * One agent's counters for one shop and period, with the credit rule and attribution window
 * they were counted under (KPI-1, KPI-8).
 *
 * @example
 * ```ts
 * const record: KpiRecord = {
 *   agentId: 'wang', shopId: 'flagship', period: { start: '2026-11-01', end: '2026-11-30' },
 *   creditRule: 'payment', windowDays: 2,
 *   counters: { inquiries: 120, inquiryPaidBuyers: 30, salesAmount: '5400.00', paidBuyers: 32, refundAmount: 0,
 *     firstReplySeconds: 1200, firstReplies: 118, replySeconds: 9800, replies: 640, positiveReviews: 21 },
 * };
 * ```
 */
export const KpiRecord = /* @__PURE__ */ z.strictObject({
  /** The agent (sub-account). */
  agentId: id,
  /** The shop the counters belong to. */
  shopId: id,
  /** The time the counters cover. */
  period: KpiPeriod,
  /** Credit rule the sales were counted under (default `payment`, 付款判定). */
  creditRule: z._default(CreditRule, 'payment'),
  /** Attribution window in days: an order is credited to a chat at most this long before it (default 2; tools offer 2–15). */
  windowDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(30)), 2),
  /** The raw counters. */
  counters: KpiCounters,
});
/** @inheritDoc KpiRecord */
export type KpiRecord = z.input<typeof KpiRecord>;

type ParsedRecordInput = z.output<typeof KpiRecord>;

/** A period read into comparable numbers: day numbers (end included) or epoch ms (end excluded). */
export interface ParsedPeriod {
  readonly kind: 'dates' | 'instants';
  readonly start: number;
  readonly end: number;
  readonly text: { readonly start: string | number; readonly end: string | number };
}

/** A validated record with its counters as scaled safe integers (see {@link COUNTER_PLACES}). */
export interface ParsedRecord {
  readonly agentId: string;
  readonly shopId: string;
  readonly period: ParsedPeriod;
  readonly creditRule: CreditRule;
  readonly windowDays: number;
  /** Present counters as safe integers of their units (fen, milliseconds); optional ones not given are absent. */
  readonly counters: Partial<Record<(typeof COUNTER_NAMES)[number], number>>;
  readonly extra: Readonly<Record<string, number>> | undefined;
}

const EPOCH_DATE = '1970-01-01';

const periodCache = new Map<string, ParsedPeriod>();

let lastPeriod: { start: unknown; end: unknown; parsed: ParsedPeriod } | undefined;

function readPeriod(period: ParsedRecordInput['period'], path: string, issues: KefuIssue[]): ParsedPeriod | undefined {
  // A cohort usually repeats one period: compare with the last one before building a key.
  if (lastPeriod !== undefined && lastPeriod.start === period.start && lastPeriod.end === period.end) return lastPeriod.parsed;
  const key = `${typeof period.start}:${period.start}|${typeof period.end}:${period.end}`;
  const parsed = periodCache.get(key) ?? readPeriodUncached(period, path, issues);
  if (parsed !== undefined) {
    if (periodCache.size >= 1024) periodCache.clear();
    periodCache.set(key, parsed);
    lastPeriod = { start: period.start, end: period.end, parsed };
  }
  return parsed;
}

function readPeriodUncached(period: ParsedRecordInput['period'], path: string, issues: KefuIssue[]): ParsedPeriod | undefined {
  const startIsDate = typeof period.start === 'string' && LocalDateSchema.safeParse(period.start).success;
  const endIsDate = typeof period.end === 'string' && LocalDateSchema.safeParse(period.end).success;
  if (startIsDate !== endIsDate) {
    issues.push({ path: `${path}.end`, message: `expected the same kind of bound as start (${startIsDate ? 'a calendar date' : 'an instant'}), received ${describe(period.end)}` });
    return undefined;
  }
  if (startIsDate) {
    const start = daysBetween(EPOCH_DATE, period.start as string);
    const end = daysBetween(EPOCH_DATE, period.end as string);
    if (end < start) {
      issues.push({ path: `${path}.end`, message: `expected a last day on or after ${String(period.start)}, received ${describe(period.end)}` });
      return undefined;
    }
    return { kind: 'dates', start, end, text: { start: period.start, end: period.end } };
  }
  const start = toEpochMs(period.start, `${path}.start`);
  const end = toEpochMs(period.end, `${path}.end`);
  if (end <= start) {
    issues.push({ path: `${path}.end`, message: `expected an end after the start ${describe(period.start)}, received ${describe(period.end)}` });
    return undefined;
  }
  return { kind: 'instants', start, end, text: { start: period.start, end: period.end } };
}

/** Same period, bound for bound (instants compared as instants, whatever their notation). */
export function samePeriod(a: ParsedPeriod, b: ParsedPeriod): boolean {
  return a.kind === b.kind && a.start === b.start && a.end === b.end;
}

/** True when the two periods share a day (dates) or a moment (instants). */
function overlaps(a: ParsedPeriod, b: ParsedPeriod): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'dates' ? a.start <= b.end && b.start <= a.end : a.start < b.end && b.start < a.end;
}

/** Converts one schema-valid record and checks the cross-field rules, pushing issues at `path`. */
function readRecord(r: ParsedRecordInput, path: string, issues: KefuIssue[], known?: { period: ParsedPeriod | undefined }): ParsedRecord | undefined {
  const period = known === undefined ? readPeriod(r.period, `${path}.period`, issues) : known.period;
  const before = issues.length;
  const c = r.counters;
  const counters: Partial<Record<(typeof COUNTER_NAMES)[number], number>> = {
    inquiries: c.inquiries + 0, // + 0 turns -0 into 0
    inquiryPaidBuyers: c.inquiryPaidBuyers + 0,
    salesAmount: readScaled(c.salesAmount, 2) as number,
    paidBuyers: c.paidBuyers + 0,
    refundAmount: readScaled(c.refundAmount, 2) as number,
    firstReplySeconds: readScaled(c.firstReplySeconds, 3) as number,
    firstReplies: c.firstReplies + 0,
    replySeconds: readScaled(c.replySeconds, 3) as number,
    replies: c.replies + 0,
    positiveReviews: c.positiveReviews + 0,
  };
  if (c.inquiryOrderedBuyers !== undefined) counters.inquiryOrderedBuyers = c.inquiryOrderedBuyers + 0;
  if (c.ratings !== undefined) {
    counters.rating1 = c.ratings[0] + 0;
    counters.rating2 = c.ratings[1] + 0;
    counters.rating3 = c.ratings[2] + 0;
    counters.rating4 = c.ratings[3] + 0;
    counters.rating5 = c.ratings[4] + 0;
  }
  if (c.onlineSeconds !== undefined) counters.onlineSeconds = readScaled(c.onlineSeconds, 3) as number;
  let extra: Record<string, number> | undefined;
  if (c.extra !== undefined) {
    extra = {};
    for (const key of Object.keys(c.extra)) extra[key] = readScaled(c.extra[key], EXTRA_PLACES) as number;
  }
  const at = `${path}.counters`;
  if (c.inquiryPaidBuyers > c.inquiries) {
    issues.push({ path: `${at}.inquiryPaidBuyers`, message: `expected at most inquiries (${c.inquiries}) buyers, received ${c.inquiryPaidBuyers}` });
  }
  if (c.inquiryOrderedBuyers !== undefined && c.inquiryOrderedBuyers > c.inquiries) {
    issues.push({ path: `${at}.inquiryOrderedBuyers`, message: `expected at most inquiries (${c.inquiries}) buyers, received ${c.inquiryOrderedBuyers}` });
  }
  if ((counters.salesAmount ?? 0) > 0 && c.paidBuyers === 0) {
    issues.push({ path: `${at}.paidBuyers`, message: `expected at least 1 paying buyer behind a salesAmount of ${String(c.salesAmount)}, received 0` });
  }
  if ((counters.firstReplySeconds ?? 0) > 0 && c.firstReplies === 0) {
    issues.push({ path: `${at}.firstReplies`, message: `expected at least 1 first reply behind ${c.firstReplySeconds} firstReplySeconds, received 0` });
  }
  if ((counters.replySeconds ?? 0) > 0 && c.replies === 0) {
    issues.push({ path: `${at}.replies`, message: `expected at least 1 reply behind ${c.replySeconds} replySeconds, received 0` });
  }
  if (issues.length > before || period === undefined) return undefined;
  return { agentId: r.agentId, shopId: r.shopId, period, creditRule: r.creditRule, windowDays: r.windowDays, counters, extra };
}

/**
 * Validates records (schema, then the cross-field rules) and converts them. Every issue is
 * reported with its path under `path` (`records.3.counters.inquiryPaidBuyers`).
 */
export function parseRecords(schemaParsed: readonly ParsedRecordInput[], path: string, context: string): ParsedRecord[] {
  const issues: KefuIssue[] = [];
  const out: ParsedRecord[] = [];
  schemaParsed.forEach((r, i) => {
    const parsed = readRecord(r, `${path}.${i}`, issues);
    if (parsed !== undefined) out.push(parsed);
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, context);
  return out;
}

/** {@link parseRecords} for a single record at `path` (`record.counters.inquiries`). */
export function parseRecord(schemaParsed: ParsedRecordInput, path: string, context: string): ParsedRecord {
  const issues: KefuIssue[] = [];
  const parsed = readRecord(schemaParsed, path, issues);
  if (parsed === undefined) throw new KefuError('INVALID_INPUT', issues, context);
  return parsed;
}

/**
 * Validates records that must form one cohort: each record's own rules, then one record per
 * agent, one credit rule, one attribution window and one period (KPI-8: like is compared with
 * like). Every issue is reported at once, named `records.<i>.<field>`.
 */
export function parseCohort(schemaParsed: readonly ParsedRecordInput[], path: string, context: string): ParsedRecord[] {
  const issues: KefuIssue[] = [];
  const periods = schemaParsed.map((r, i) => readPeriod(r.period, `${path}.${i}.period`, issues));
  const rows = schemaParsed.map((r, i) => readRecord(r, `${path}.${i}`, issues, { period: periods[i] }));
  checkCohort(schemaParsed, periods, path, issues);
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, context);
  return rows as ParsedRecord[];
}

function checkCohort(records: readonly ParsedRecordInput[], periods: ReadonlyArray<ParsedPeriod | undefined>, path: string, issues: KefuIssue[]): void {
  const first = records[0];
  if (first === undefined) return;
  const from = `${path}.0`;
  const firstPeriod = periods.find((p) => p !== undefined);
  const periodFrom = `${path}.${periods.indexOf(firstPeriod)}`;
  const seen = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as ParsedRecordInput;
    const earlier = seen.get(r.agentId);
    if (earlier !== undefined) {
      issues.push({ path: `${path}.${i}.agentId`, message: `expected one record per agent, received ${describe(r.agentId)} again (also ${path}.${earlier}); merge them first with mergeRecords` });
    } else seen.set(r.agentId, i);
    if (r.creditRule !== first.creditRule) {
      issues.push({ path: `${path}.${i}.creditRule`, message: `expected the cohort's credit rule "${first.creditRule}" (from ${from}): sales counted under different rules are not comparable, received "${r.creditRule}"` });
    }
    if (r.windowDays !== first.windowDays) {
      issues.push({ path: `${path}.${i}.windowDays`, message: `expected the cohort's attribution window of ${first.windowDays} days (from ${from}), received ${r.windowDays}` });
    }
    const p = periods[i];
    if (p !== undefined && firstPeriod !== undefined && p !== firstPeriod && !samePeriod(p, firstPeriod)) {
      issues.push({ path: `${path}.${i}.period`, message: `expected the cohort's period ${describePeriod(firstPeriod)} (from ${periodFrom}), received ${describePeriod(p)}` });
    }
  }
}

function describePeriod(p: ParsedPeriod): string {
  return `${String(p.text.start)} to ${String(p.text.end)}`;
}

/** Record schema for a list argument. */
export const KpiRecords = /* @__PURE__ */ z.readonly(z.array(KpiRecord).check(z.maxLength(1_000_000)));

const RecordsOnly = /* @__PURE__ */ z.strictObject({ records: KpiRecords });

const RECORD_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['agentId', 'shopId', 'period', 'creditRule', 'windowDays', 'counters']);
const COUNT_KEYS = ['inquiries', 'inquiryPaidBuyers', 'paidBuyers', 'firstReplies', 'replies', 'positiveReviews'] as const;
const COUNTER_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set([...COUNT_KEYS, 'inquiryOrderedBuyers', 'salesAmount', 'refundAmount', 'firstReplySeconds', 'replySeconds', 'ratings', 'onlineSeconds', 'extra']);
const CREDIT_RULES: ReadonlySet<unknown> = /* @__PURE__ */ new Set(CreditRule.options);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 200;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isMoney = (v: unknown): boolean => readScaled(v, 2) !== undefined;
const isSeconds = (v: unknown): boolean => typeof v === 'number' && readScaled(v, 3) !== undefined;

/**
 * The schema's verdict on one record without running the schema: the same rules, checked by
 * hand, strict (anything the schema would reject, or anything unusual such as a class instance,
 * returns `undefined`). Large cohorts go through here; anything it refuses goes to the schema,
 * which names the field at fault.
 */
function fastRecord(value: unknown): ParsedRecordInput | undefined {
  if (!isPlainObject(value) || !onlyKeys(value, RECORD_KEYS)) return undefined;
  const { agentId, shopId, period, creditRule, windowDays, counters } = value;
  if (!isId(agentId) || !isId(shopId)) return undefined;
  if (!isPlainObject(period) || !onlyKeys(period, PERIOD_KEYS) || !isPeriodBound(period['start']) || !isPeriodBound(period['end'])) return undefined;
  if (creditRule !== undefined && !CREDIT_RULES.has(creditRule)) return undefined;
  if (windowDays !== undefined && !(typeof windowDays === 'number' && Number.isInteger(windowDays) && windowDays >= 1 && windowDays <= 30)) return undefined;
  if (!isPlainObject(counters) || !onlyKeys(counters, COUNTER_KEYS)) return undefined;
  for (const key of COUNT_KEYS) if (!isCount(counters[key])) return undefined;
  const c = counters;
  if (!isMoney(c['salesAmount']) || !isMoney(c['refundAmount']) || !isSeconds(c['firstReplySeconds']) || !isSeconds(c['replySeconds'])) return undefined;
  if (c['inquiryOrderedBuyers'] !== undefined && !isCount(c['inquiryOrderedBuyers'])) return undefined;
  if (c['onlineSeconds'] !== undefined && !isSeconds(c['onlineSeconds'])) return undefined;
  const ratings = c['ratings'];
  if (ratings !== undefined && !(Array.isArray(ratings) && ratings.length === 5 && ratings.every(isCount))) return undefined;
  const extra = c['extra'];
  if (extra !== undefined) {
    if (!isPlainObject(extra)) return undefined;
    for (const key in extra) if (key.length < 1 || key.length > 100 || readScaled(extra[key], EXTRA_PLACES) === undefined) return undefined;
  }
  return {
    agentId,
    shopId,
    period: period as ParsedRecordInput['period'],
    creditRule: (creditRule ?? 'payment') as CreditRule,
    windowDays: (windowDays ?? 2) as number,
    counters: c as ParsedRecordInput['counters'],
  };
}

const PERIOD_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['start', 'end']);

/**
 * Schema-checks a list of records: by hand when every record passes (fast, for large cohorts),
 * else through the schema, whose issues name each field under `records.<i>`.
 */
export function parseRecordList(value: unknown, context: string): ParsedRecordInput[] {
  if (Array.isArray(value) && value.length <= 1_000_000) {
    const out: ParsedRecordInput[] = [];
    for (const item of value) {
      const r = fastRecord(item);
      if (r === undefined) break;
      out.push(r);
    }
    if (out.length === value.length) return out;
  }
  return parseInput(RecordsOnly, { records: value }, context).records as ParsedRecordInput[];
}

/**
 * The counters as a record holds them on the way out: money as 2-decimal strings, seconds as
 * numbers, optional counters only when present.
 */
export function formatCounters(counters: ParsedRecord['counters'], extra: ParsedRecord['extra']): KpiCountersOutput {
  const n = (name: (typeof COUNTER_NAMES)[number]): number => counters[name] ?? 0;
  const s = (name: (typeof COUNTER_NAMES)[number]): number => (counters[name] ?? 0) / 1000;
  const out: {
    -readonly [K in keyof KpiCountersOutput]: KpiCountersOutput[K];
  } = {
    inquiries: n('inquiries'),
    inquiryPaidBuyers: n('inquiryPaidBuyers'),
    salesAmount: formatUnits(counters.salesAmount ?? 0, 2),
    paidBuyers: n('paidBuyers'),
    refundAmount: formatUnits(counters.refundAmount ?? 0, 2),
    firstReplySeconds: s('firstReplySeconds'),
    firstReplies: n('firstReplies'),
    replySeconds: s('replySeconds'),
    replies: n('replies'),
    positiveReviews: n('positiveReviews'),
  };
  if (counters.inquiryOrderedBuyers !== undefined) out.inquiryOrderedBuyers = n('inquiryOrderedBuyers');
  if (counters.rating1 !== undefined) out.ratings = [n('rating1'), n('rating2'), n('rating3'), n('rating4'), n('rating5')];
  if (counters.onlineSeconds !== undefined) out.onlineSeconds = s('onlineSeconds');
  if (extra !== undefined) {
    const e: Record<string, string> = {};
    for (const key of Object.keys(extra).sort()) e[key] = trimZeros(formatUnits(extra[key] ?? 0, EXTRA_PLACES));
    out.extra = e;
  }
  return out;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * Counters as kefu returns them ({@link mergeRecords}, {@link attributeInquiries}): money as
 * decimal strings with 2 places, seconds and counts as numbers.
 *
 * @example
 * ```ts
 * const c: KpiCountersOutput = mergeRecords([a, b]).counters;
 * ```
 */
export interface KpiCountersOutput {
  readonly inquiries: number;
  readonly inquiryPaidBuyers: number;
  readonly inquiryOrderedBuyers?: number;
  readonly salesAmount: string;
  readonly paidBuyers: number;
  readonly refundAmount: string;
  readonly firstReplySeconds: number;
  readonly firstReplies: number;
  readonly replySeconds: number;
  readonly replies: number;
  readonly positiveReviews: number;
  readonly ratings?: readonly [number, number, number, number, number];
  readonly onlineSeconds?: number;
  readonly extra?: Readonly<Record<string, string>>;
}

/**
 * A record as kefu returns it: the {@link KpiRecord} shape with defaults filled in and
 * {@link KpiCountersOutput} counters. It can be passed back to any function that takes records.
 *
 * @example
 * ```ts
 * const merged: KpiRecordOutput = mergeRecords(dailyRecords);
 * ```
 */
export interface KpiRecordOutput {
  readonly agentId: string;
  readonly shopId: string;
  readonly period: { readonly start: string | number; readonly end: string | number };
  readonly creditRule: CreditRule;
  readonly windowDays: number;
  readonly counters: KpiCountersOutput;
}

/**
 * Options of {@link mergeRecords}: the ids of the merged record when the records belong to
 * different agents or shops (a group total).
 *
 * @example
 * ```ts
 * const options: MergeRecordsOptions = { agentId: 'team-a' };
 * ```
 */
export const MergeRecordsOptions = /* @__PURE__ */ z.strictObject({
  /** Agent id of the result; required when the records belong to several agents (a group). */
  agentId: z.optional(id),
  /** Shop id of the result; required when the records belong to several shops. */
  shopId: z.optional(id),
});
/** @inheritDoc MergeRecordsOptions */
export type MergeRecordsOptions = z.input<typeof MergeRecordsOptions>;

const MergeInput = /* @__PURE__ */ z.strictObject({
  records: z.readonly(z.array(KpiRecord).check(z.minLength(1), z.maxLength(1_000_000))),
  options: z._default(MergeRecordsOptions, {}),
});

const OPTIONAL_COUNTERS = ['inquiryOrderedBuyers', 'rating1', 'onlineSeconds'] as const;

/**
 * Adds records up, counter by counter: days into a month, agents into a group. Means are never
 * averaged: the merged average response time is Σ reply seconds ÷ Σ replies, exactly what the
 * raw events give. Distinct-buyer counters (inquiries, paying buyers) add up to buyer-days when
 * periods are merged, as the performance tools count them.
 *
 * Throws `INVALID_INPUT` when the records mix credit rules or attribution windows
 * (`records.<i>.creditRule`, `…windowDays`), mix date and instant periods, overlap in time for
 * the same agent and shop (counted twice, `records.<i>.period`), give an optional counter in some
 * records but not others (`records.<i>.counters.ratings`: say 0 where nothing happened), or
 * belong to several agents or shops without `options.agentId` / `options.shopId`.
 *
 * @example
 * ```ts
 * const week = mergeRecords(days); // one record, period from the first day to the last
 * const team = mergeRecords(agentsOfTeamA, { agentId: 'team-a' }); // a group total
 * ```
 */
export function mergeRecords(records: readonly KpiRecord[], options: MergeRecordsOptions = {}): KpiRecordOutput {
  const input = parseInput(MergeInput, { records, options }, 'mergeRecords');
  const parsed = parseRecords(input.records, 'records', 'mergeRecords');
  const issues: KefuIssue[] = [];
  const first = parsed[0] as ParsedRecord;
  const agentId = input.options.agentId ?? commonId(parsed, 'agentId', issues);
  const shopId = input.options.shopId ?? commonId(parsed, 'shopId', issues);
  parsed.forEach((r, i) => {
    if (r.creditRule !== first.creditRule) issues.push({ path: `records.${i}.creditRule`, message: `expected "${first.creditRule}" like records.0: records counted under different credit rules do not add up, received "${r.creditRule}"` });
    if (r.windowDays !== first.windowDays) issues.push({ path: `records.${i}.windowDays`, message: `expected ${first.windowDays} like records.0, received ${r.windowDays}` });
    if (r.period.kind !== first.period.kind) issues.push({ path: `records.${i}.period`, message: `expected ${first.period.kind === 'dates' ? 'calendar dates' : 'instants'} like records.0, received ${r.period.kind === 'dates' ? 'calendar dates' : 'instants'}` });
    for (const name of OPTIONAL_COUNTERS) {
      if ((r.counters[name] === undefined) !== (first.counters[name] === undefined)) {
        const field = name === 'rating1' ? 'ratings' : name;
        issues.push({ path: `records.${i}.counters.${field}`, message: `expected ${field} in every record or in none (give 0 where nothing happened), received it ${first.counters[name] === undefined ? 'here but not in records.0' : 'in records.0 but not here'}` });
      }
    }
    const keys = Object.keys(r.extra ?? {}).sort().join(',');
    const firstKeys = Object.keys(first.extra ?? {}).sort().join(',');
    if (keys !== firstKeys || (r.extra === undefined) !== (first.extra === undefined)) {
      issues.push({ path: `records.${i}.counters.extra`, message: `expected the same extra counters as records.0 (${firstKeys || 'none'}), received ${keys || 'none'}` });
    }
  });
  // The same agent and shop counted twice over shared time would double its counters.
  const byOwner = new Map<string, number[]>();
  parsed.forEach((r, i) => {
    const key = `${r.agentId}\u0000${r.shopId}`;
    const list = byOwner.get(key) ?? [];
    for (const j of list) {
      const other = parsed[j] as ParsedRecord;
      if (overlaps(r.period, other.period)) {
        issues.push({ path: `records.${i}.period`, message: `expected no overlap with records.${j} (same agent ${describe(r.agentId)} and shop), received ${describePeriod(r.period)} against ${describePeriod(other.period)}` });
      }
    }
    list.push(i);
    byOwner.set(key, list);
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'mergeRecords');

  const { counters, extra } = sumCounters(parsed);
  const tooBig = [...COUNTER_NAMES, ...Object.keys(extra ?? {})].find((name) => !Number.isSafeInteger((counters as Record<string, number | undefined>)[name] ?? extra?.[name] ?? 0));
  if (tooBig !== undefined) {
    throw new KefuError('INVALID_INPUT', [{ path: 'records', message: `expected counter sums below 2^53 units (fen, milliseconds), received a larger ${tooBig} sum` }], 'mergeRecords');
  }
  let start = first.period;
  let end = first.period;
  for (const r of parsed) {
    if (r.period.start < start.start) start = r.period;
    if (r.period.end > end.end) end = r.period;
  }
  return {
    agentId,
    shopId,
    period: { start: start.text.start, end: end.text.end },
    creditRule: first.creditRule,
    windowDays: first.windowDays,
    counters: formatCounters(counters, extra),
  };
}

/**
 * Counter sums of records: a counter is summed when every record has it (optional counters and
 * extra counters missing anywhere are left out). Sums of 2^53 units or more are not exact:
 * callers check `Number.isSafeInteger` where it matters.
 */
export function sumCounters(records: readonly ParsedRecord[]): { counters: ParsedRecord['counters']; extra: ParsedRecord['extra'] } {
  const counters: Partial<Record<(typeof COUNTER_NAMES)[number], number>> = {};
  for (const name of COUNTER_NAMES) {
    if (records.some((r) => r.counters[name] === undefined)) continue;
    let sum = 0;
    for (const r of records) sum += r.counters[name] ?? 0;
    counters[name] = sum;
  }
  let extra: Record<string, number> | undefined;
  const first = records[0];
  if (first !== undefined && records.every((r) => r.extra !== undefined)) {
    extra = {};
    for (const key of Object.keys(first.extra ?? {})) {
      if (records.some((r) => r.extra?.[key] === undefined)) continue;
      let sum = 0;
      for (const r of records) sum += r.extra?.[key] ?? 0;
      extra[key] = sum;
    }
  }
  return { counters, extra };
}

function commonId(records: readonly ParsedRecord[], field: 'agentId' | 'shopId', issues: KefuIssue[]): string {
  const first = (records[0] as ParsedRecord)[field];
  const other = records.findIndex((r) => r[field] !== first);
  if (other >= 0) {
    issues.push({
      path: `records.${other}.${field}`,
      message: `expected ${describe(first)} like records.0, or options.${field} to name the merged group, received ${describe((records[other] as ParsedRecord)[field])}`,
    });
  }
  return first;
}

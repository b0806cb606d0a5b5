import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { addDays, DEFAULT_TIME_ZONE, InstantSchema, localDate, LocalDateSchema, startOfLocalDay, TimeZoneSchema, toEpochMs } from '../core/time.ts';
import { describe, parseInput } from '../core/validate.ts';
import { readScaled } from './exact.ts';
import { compareIds } from './rank.ts';
import { CreditRule, formatCounters, type KpiRecordOutput, type ParsedRecord } from './record.ts';

const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
const money = /* @__PURE__ */ z.custom<number | string>((value) => readScaled(value, 2) !== undefined, {
  error: 'expected an amount >= 0 with at most 2 decimal places, as a number or a decimal string such as "199.00"',
});

/**
 * One chat session between a buyer and an agent (a sub-account), message by message. `auto`
 * messages are auto-replies and robot answers: they never count as a reply.
 *
 * @example
 * ```ts
 * const chat: KpiChat = {
 *   agentId: 'wang', buyerId: 'b1',
 *   messages: [
 *     { at: '2026-11-10T20:00:00+08:00', from: 'buyer' },
 *     { at: '2026-11-10T20:00:02+08:00', from: 'auto' },
 *     { at: '2026-11-10T20:00:30+08:00', from: 'agent' },
 *   ],
 *   rating: 5,
 * };
 * ```
 */
export const KpiChat = /* @__PURE__ */ z.strictObject({
  /** The agent (sub-account) the session was assigned to. */
  agentId: id,
  /** The buyer. */
  buyerId: id,
  /** True (default) for a pre-sale consultation; false for after-sale, which is not an inquiry. */
  presale: z._default(z.boolean(), true),
  /** The messages, in any order (sorted by time; equal times keep their order). */
  messages: z.readonly(
    z
      .array(
        z.strictObject({
          /** When it was sent. */
          at: InstantSchema,
          /** Who sent it: the buyer, the agent (a human), or an auto-reply / robot. */
          from: z.enum(['buyer', 'agent', 'auto']),
        }),
      )
      .check(z.minLength(1), z.maxLength(100_000)),
  ),
  /** The buyer's service rating of the session, 1–5 stars. */
  rating: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5))),
});
/** @inheritDoc KpiChat */
export type KpiChat = z.input<typeof KpiChat>;

/**
 * An order, with its payment, refund and review as far as known.
 *
 * @example
 * ```ts
 * const order: KpiOrder = { orderId: 'o1', buyerId: 'b1', createdAt: '2026-11-10T20:05:00+08:00', paidAt: '2026-11-11T00:01:00+08:00', amount: '299.00' };
 * ```
 */
export const KpiOrder = /* @__PURE__ */ z.strictObject({
  /** Unique id. */
  orderId: id,
  /** The buyer. */
  buyerId: id,
  /** When the order was placed. */
  createdAt: InstantSchema,
  /** When it was paid (absent: unpaid). */
  paidAt: z.optional(InstantSchema),
  /** Amount paid (or due, while unpaid). */
  amount: money,
  /** Refunded so far (at most `amount`). */
  refundAmount: z.optional(money),
  /** The buyer's review of the order. `positive` counts as a positive review (好评) for the credited agent. */
  review: z.optional(z.enum(['positive', 'neutral', 'negative'])),
});
/** @inheritDoc KpiOrder */
export type KpiOrder = z.input<typeof KpiOrder>;

/**
 * Options of {@link attributeInquiries}.
 *
 * @example
 * ```ts
 * const options: AttributeInquiriesOptions = { creditRule: 'orderFirst', windowDays: 2, shopId: 'flagship', period: { start: '2026-11-11', end: '2026-11-11' } };
 * ```
 */
export const AttributeInquiriesOptions = /* @__PURE__ */ z.strictObject({
  /** Which action's chat gets the credit (default `payment`). */
  creditRule: z._default(CreditRule, 'payment'),
  /** How far back a chat may earn the credit, in days (default 2). */
  windowDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(30)), 2),
  /** Shop id of the records (default `'shop'`). */
  shopId: z._default(id, 'shop'),
  /** Local days counted (both included, shop time); default: every day the chats and orders touch. */
  period: z.optional(
    z.strictObject({
      /** First day. */
      start: LocalDateSchema,
      /** Last day (included). */
      end: LocalDateSchema,
    }),
  ),
  /** The shop's IANA time zone (default `Asia/Shanghai`). */
  timeZone: z._default(TimeZoneSchema, DEFAULT_TIME_ZONE),
});
/** @inheritDoc AttributeInquiriesOptions */
export type AttributeInquiriesOptions = z.input<typeof AttributeInquiriesOptions>;

/**
 * What {@link attributeInquiries} found: one record per agent, and what it left out and why.
 *
 * @example
 * ```ts
 * const { records, silentOrders, unanswered, ignoredChats } = attributeInquiries(chats, orders);
 * ```
 */
export interface AttributionResult {
  /** One record per agent, by id. */
  readonly records: readonly KpiRecordOutput[];
  /** Paid orders of the period that no chat earned (静默 silent orders), by id. */
  readonly silentOrders: readonly string[];
  /** Chats of the period where the buyer wrote but no human replied (auto-replies only): not counted, listed for follow-up. */
  readonly unanswered: ReadonlyArray<{ readonly index: number; readonly agentId: string; readonly buyerId: string }>;
  /** Chats not counted at all: the agent (or the robot) talked and the buyer never wrote. */
  readonly ignoredChats: ReadonlyArray<{ readonly index: number; readonly reason: 'noBuyerMessage' }>;
}

interface Session {
  readonly index: number;
  readonly agentId: string;
  readonly buyerId: string;
  readonly presale: boolean;
  readonly start: number;
  readonly end: number;
  /** First buyer message. */
  readonly asked: number;
  readonly humanReplied: boolean;
  readonly firstMs: number | null;
  readonly replyMs: number;
  readonly replies: number;
  readonly rating: number | undefined;
}

const AttributeInput = /* @__PURE__ */ z.strictObject({
  chats: z.readonly(z.array(KpiChat).check(z.maxLength(1_000_000))),
  orders: z.readonly(z.array(KpiOrder).check(z.maxLength(1_000_000))),
  options: z._default(AttributeInquiriesOptions, { creditRule: 'payment', windowDays: 2, shopId: 'shop', timeZone: DEFAULT_TIME_ZONE }),
});

const DAY_MS = 86_400_000;

/** Reads a chat's messages: session bounds, latencies (auto messages ignored), or null for a monologue. */
function readSession(chat: z.output<typeof KpiChat>, index: number): Session | null {
  const msgs = chat.messages.map((m, k) => ({ at: toEpochMs(m.at, `chats.${index}.messages.${k}.at`), from: m.from, k }));
  msgs.sort((a, b) => a.at - b.at || a.k - b.k);
  const people = msgs.filter((m) => m.from !== 'auto');
  const firstBuyer = people.find((m) => m.from === 'buyer');
  if (firstBuyer === undefined) return null;
  let waiting: number | null = null;
  let firstMs: number | null = null;
  let replyMs = 0;
  let replies = 0;
  for (const m of people) {
    if (m.from === 'buyer') {
      if (waiting === null) waiting = m.at;
    } else if (waiting !== null) {
      const latency = m.at - waiting;
      replyMs += latency;
      replies += 1;
      if (firstMs === null) firstMs = latency;
      waiting = null;
    }
  }
  return {
    index,
    agentId: chat.agentId,
    buyerId: chat.buyerId,
    presale: chat.presale,
    start: (people[0] as (typeof people)[number]).at,
    end: (people[people.length - 1] as (typeof people)[number]).at,
    asked: firstBuyer.at,
    humanReplied: people.some((m) => m.from === 'agent'),
    firstMs,
    replyMs,
    replies,
    rating: chat.rating,
  };
}

/** The session that earns an action at `t`: one around it (the one that ended last), else the last one to end within the window before it. */
function creditFor(sessions: readonly Session[] | undefined, t: number, windowMs: number): Session | undefined {
  if (sessions === undefined) return undefined;
  let around: Session | undefined;
  let before: Session | undefined;
  const better = (a: Session, b: Session | undefined): boolean =>
    b === undefined || a.end > b.end || (a.end === b.end && (a.start > b.start || (a.start === b.start && (compareIds(a.agentId, b.agentId) < 0 || (a.agentId === b.agentId && a.index < b.index)))));
  for (const s of sessions) {
    if (s.start <= t && t <= s.end) {
      if (better(s, around)) around = s;
    } else if (s.end < t && t - s.end <= windowMs) {
      if (better(s, before)) before = s;
    }
  }
  return around ?? before;
}

/**
 * Reference 1.4 for teams without a performance tool: turns chat sessions and orders into one
 * {@link KpiRecord} per agent, under a credit rule and an attribution window.
 *
 * - A chat counts when the buyer wrote and a human agent replied. Auto-replies and robot answers
 *   are not replies (they neither stop the response clock nor make a reception); a chat where
 *   the agent or robot talked alone is ignored (`ignoredChats`); a chat with auto-replies only is
 *   listed in `unanswered` for follow-up.
 * - Inquiries: distinct buyers per agent whose pre-sale chat began (first buyer message) in the
 *   period. Response times: from each buyer turn to the next human message, summed.
 * - Credit (落实): the action (order creation under `order`, payment under `payment`, creation
 *   then payment under `orderFirst`) is earned by the chat around it (the one that ended last
 *   if several), else by the chat that ended last within `windowDays` before it, else nobody
 *   (a silent order). Sales, paying buyers, refunds and positive reviews of paid orders whose
 *   credited action falls in the period go to that agent. `inquiryPaidBuyers` counts the
 *   agent's inquiring buyers with such an order at or after their inquiry; `inquiryOrderedBuyers`
 *   those who placed an order credited to the agent at creation.
 *
 * Periods are local days in the shop's zone. Summing daily records gives buyer-days, as tools do.
 *
 * Throws `INVALID_INPUT` naming the field: `orders.<i>.paidAt` (before creation),
 * `orders.<i>.refundAmount` (above the amount), `orders.<i>.orderId` (repeated), any instant
 * without an offset.
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#attribute}
 */
export function attributeInquiries(chats: readonly KpiChat[], orders: readonly KpiOrder[], options: AttributeInquiriesOptions = {}): AttributionResult {
  const v = parseInput(AttributeInput, { chats, orders, options }, 'attributeInquiries');
  const o = v.options;
  const issues: KefuIssue[] = [];
  const seenOrders = new Set<string>();
  const parsedOrders = v.orders.map((order, i) => {
    const created = toEpochMs(order.createdAt, `orders.${i}.createdAt`);
    const paid = order.paidAt === undefined ? undefined : toEpochMs(order.paidAt, `orders.${i}.paidAt`);
    const amount = readScaled(order.amount, 2) as number;
    const refund = order.refundAmount === undefined ? 0 : (readScaled(order.refundAmount, 2) as number);
    if (paid !== undefined && paid < created) issues.push({ path: `orders.${i}.paidAt`, message: `expected a payment at or after the order's creation ${describe(order.createdAt)}, received ${describe(order.paidAt)}` });
    if (refund > amount) issues.push({ path: `orders.${i}.refundAmount`, message: `expected at most the amount ${describe(order.amount)}, received ${describe(order.refundAmount)}` });
    if (seenOrders.has(order.orderId)) issues.push({ path: `orders.${i}.orderId`, message: `expected each order once, received ${describe(order.orderId)} again` });
    seenOrders.add(order.orderId);
    return { order, created, paid, amount, refund };
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'attributeInquiries');

  const sessions: Session[] = [];
  const ignoredChats: Array<{ index: number; reason: 'noBuyerMessage' }> = [];
  v.chats.forEach((chat, i) => {
    const s = readSession(chat, i);
    if (s === null) ignoredChats.push({ index: i, reason: 'noBuyerMessage' });
    else sessions.push(s);
  });

  // The period as [from, to) instants, from the options or from the data.
  let period = o.period;
  if (period === undefined) {
    const instants = [...sessions.map((s) => s.asked), ...parsedOrders.flatMap((p) => (p.paid === undefined ? [p.created] : [p.created, p.paid]))];
    if (instants.length === 0) return { records: [], silentOrders: [], unanswered: [], ignoredChats };
    const dates = instants.map((t) => localDate(t, o.timeZone)).sort();
    period = { start: dates[0] as string, end: dates[dates.length - 1] as string };
  } else if (period.end < period.start) {
    throw new KefuError('INVALID_INPUT', [{ path: 'options.period.end', message: `expected a last day on or after ${period.start}, received ${describe(period.end)}` }], 'attributeInquiries');
  }
  const from = startOfLocalDay(period.start, o.timeZone);
  const to = startOfLocalDay(addDays(period.end, 1), o.timeZone);
  const inPeriod = (t: number): boolean => t >= from && t < to;

  const credited = sessions.filter((s) => s.humanReplied);
  const byBuyer = new Map<string, Session[]>();
  for (const s of credited) {
    const list = byBuyer.get(s.buyerId) ?? [];
    list.push(s);
    byBuyer.set(s.buyerId, list);
  }
  const windowMs = o.windowDays * DAY_MS;

  interface Tally {
    inquiries: Map<string, number>; // buyer → first inquiry instant in the period
    paidBuyers: Set<string>;
    paidAfterInquiry: Set<string>;
    orderedAfterInquiry: Set<string>;
    sales: number;
    refunds: number;
    positive: number;
    firstMs: number;
    firstReplies: number;
    replyMs: number;
    replies: number;
    ratings: [number, number, number, number, number];
  }
  const tallies = new Map<string, Tally>();
  const tally = (agentId: string): Tally => {
    let t = tallies.get(agentId);
    if (t === undefined) {
      t = { inquiries: new Map(), paidBuyers: new Set(), paidAfterInquiry: new Set(), orderedAfterInquiry: new Set(), sales: 0, refunds: 0, positive: 0, firstMs: 0, firstReplies: 0, replyMs: 0, replies: 0, ratings: [0, 0, 0, 0, 0] };
      tallies.set(agentId, t);
    }
    return t;
  };

  const unanswered: Array<{ index: number; agentId: string; buyerId: string }> = [];
  for (const s of sessions) {
    if (!inPeriod(s.asked)) continue;
    if (!s.humanReplied) {
      unanswered.push({ index: s.index, agentId: s.agentId, buyerId: s.buyerId });
      continue;
    }
    const t = tally(s.agentId);
    if (s.presale) {
      const earlier = t.inquiries.get(s.buyerId);
      if (earlier === undefined || s.asked < earlier) t.inquiries.set(s.buyerId, s.asked);
    }
    if (s.firstMs !== null) {
      t.firstMs += s.firstMs;
      t.firstReplies += 1;
    }
    t.replyMs += s.replyMs;
    t.replies += s.replies;
    if (s.rating !== undefined) t.ratings[s.rating - 1] = (t.ratings[s.rating - 1] ?? 0) + 1;
  }

  const silentOrders: string[] = [];
  const paidCredit: Array<{ p: (typeof parsedOrders)[number]; agentId: string; at: number }> = [];
  for (const p of parsedOrders) {
    const atCreation = creditFor(byBuyer.get(p.order.buyerId), p.created, windowMs);
    if (atCreation !== undefined) countOrdered(tallies.get(atCreation.agentId), p.order.buyerId, p.created);
    if (p.paid === undefined) continue;
    let earner: Session | undefined;
    let at = p.paid;
    if (o.creditRule === 'order' || o.creditRule === 'orderFirst') {
      earner = atCreation;
      at = p.created;
    }
    if (earner === undefined && o.creditRule !== 'order') {
      earner = creditFor(byBuyer.get(p.order.buyerId), p.paid, windowMs);
      at = p.paid;
    }
    if (earner === undefined) {
      if (inPeriod(o.creditRule === 'order' ? p.created : p.paid)) silentOrders.push(p.order.orderId);
      continue;
    }
    paidCredit.push({ p, agentId: earner.agentId, at });
  }
  for (const { p, agentId, at } of paidCredit) {
    const t = tally(agentId);
    const asked = t.inquiries.get(p.order.buyerId);
    if (asked !== undefined && at >= asked) t.paidAfterInquiry.add(p.order.buyerId);
    if (!inPeriod(at)) continue;
    t.sales += p.amount;
    t.refunds += p.refund;
    t.paidBuyers.add(p.order.buyerId);
    if (p.order.review === 'positive') t.positive += 1;
  }

  const records = [...tallies.keys()].sort(compareIds).map((agentId): KpiRecordOutput => {
    const t = tallies.get(agentId) as Tally;
    if (![t.sales, t.refunds, t.firstMs, t.replyMs].every(Number.isSafeInteger)) {
      throw new KefuError('INVALID_INPUT', [{ path: 'orders', message: `expected ${agentId}'s sums below 2^53 fen and milliseconds, received larger ones` }], 'attributeInquiries');
    }
    const counters: ParsedRecord['counters'] = {
      inquiries: t.inquiries.size,
      inquiryPaidBuyers: t.paidAfterInquiry.size,
      inquiryOrderedBuyers: t.orderedAfterInquiry.size,
      salesAmount: t.sales,
      paidBuyers: t.paidBuyers.size,
      refundAmount: t.refunds,
      firstReplySeconds: t.firstMs,
      firstReplies: t.firstReplies,
      replySeconds: t.replyMs,
      replies: t.replies,
      positiveReviews: t.positive,
      rating1: t.ratings[0],
      rating2: t.ratings[1],
      rating3: t.ratings[2],
      rating4: t.ratings[3],
      rating5: t.ratings[4],
    };
    return {
      agentId,
      shopId: o.shopId,
      period: { start: period.start, end: period.end },
      creditRule: o.creditRule,
      windowDays: o.windowDays,
      counters: formatCounters(counters, undefined),
    };
  });
  silentOrders.sort(compareIds);
  return { records, silentOrders, unanswered, ignoredChats };
}

/** Counts an inquiring buyer's order, credited at creation, toward the agent's inquiry-to-order conversion. */
function countOrdered(t: { inquiries: Map<string, number>; orderedAfterInquiry: Set<string> } | undefined, buyerId: string, created: number): void {
  const asked = t?.inquiries.get(buyerId);
  if (t !== undefined && asked !== undefined && created >= asked) t.orderedAfterInquiry.add(buyerId);
}

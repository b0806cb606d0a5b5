import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { InstantSchema, TimeZoneSchema } from '../core/time.ts';
import { parseInput } from '../core/validate.ts';
import { Scratch } from '../core/scratch.ts';
import { NOT_PLANNER_SHAPE, parseInstant, parseInstantTo, plannerOffset } from './read-instant.ts';
import { KeyIndex, PairIndex } from './hash.ts';
import { CHASE_CHANNELS, type ChaseChannel } from './codes.ts';
import { CHASE_ORDER_KINDS, NonNegativeAmount, type ChaseOrderKind } from './policy.ts';
import { CHASE_OUTCOMES, type ChaseOutcome } from './playbook.ts';

const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
const shopId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^:]*$/, 'expected a shop id without ":"'));
const idList = /* @__PURE__ */ z.readonly(z.array(id).check(z.maxLength(1000)));
const channelSchema = /* @__PURE__ */ z.enum(CHASE_CHANNELS);
const consent = /* @__PURE__ */ z.enum(['granted', 'denied', 'unknown']);
const LOG_STATES = ['queued', 'sent', 'failed', 'answered', 'no_answer'] as const;

/**
 * An order as the planner reads it. Instants are ISO 8601 with an offset or epoch milliseconds;
 * facts (`createdAt`, `paidAt`, `closedAt`, `payingSince`) may not lie after `now`.
 *
 * @example
 * ```ts
 * const order: ChaseOrder = {
 *   orderId: 'T1001', buyerId: 'tb_lin', createdAt: '2026-11-11T00:03:00+08:00',
 *   autoCloseAt: '2026-11-12T00:03:00+08:00', itemIds: ['sku-1'], amount: '299.00',
 * };
 * ```
 */
export const ChaseOrder = /* @__PURE__ */ z.strictObject({
  /** Unique order id. */
  orderId: id,
  /** The buyer (Taobao nick or platform id). */
  buyerId: id,
  /** The shop, when one plan covers several (no ":"); buyers are grouped per shop. */
  shopId: z.optional(shopId),
  /** When the order was placed. */
  createdAt: InstantSchema,
  /** When it was paid (a paid order is never chased, and stops chases of the buyer's other orders, CH-4). */
  paidAt: z.optional(InstantSchema),
  /** When it was closed unpaid (by the buyer, the seller or the platform). */
  closedAt: z.optional(InstantSchema),
  /** When the buyer started paying (Taobao PAY_PENDING); the chase waits out `payingGraceMinutes`. */
  payingSince: z.optional(InstantSchema),
  /** When the platform closes the order unpaid (CH-2). */
  autoCloseAt: z.optional(InstantSchema),
  /** The order's kind (default `normal`). */
  kind: z._default(z.enum(CHASE_ORDER_KINDS), 'normal'),
  /** For `presale_balance`: when the balance may be paid; its end is the deadline. */
  balanceWindow: z.optional(z.strictObject({ start: InstantSchema, end: InstantSchema })),
  /** Items (SKUs or item ids), for scope and per-item templates (CH-3). */
  itemIds: z._default(idList, () => []),
  /** Promotions the order belongs to. */
  promoIds: z._default(z.readonly(z.array(id).check(z.maxLength(100))), () => []),
  /** The amount payable (a number or decimal string, 0 or more). */
  amount: z.optional(NonNegativeAmount),
  /** Number of items. */
  itemCount: z.optional(z.number().check(z.int(), z.gte(0))),
  /** Where it was placed (`pc`, `mobile`, `jhs`, …). */
  source: z.optional(id),
  /** The delivery region. */
  region: z.optional(z.strictObject({ province: z.optional(id), city: z.optional(id) })),
  /** The seller flag 0–5 (0 none, 5 purple). */
  sellerFlag: z.optional(z.number().check(z.int(), z.gte(0), z.lte(5))),
  /** The buyer's phone for SMS and calls: a hash for dedupe, whether it is usable, when a virtual number expires. */
  contact: z.optional(
    z.strictObject({
      phoneHash: z.optional(id),
      phoneValid: z._default(z.boolean(), true),
      phoneExpiresAt: z.optional(InstantSchema),
    }),
  ),
});
/** @inheritDoc ChaseOrder */
export type ChaseOrder = z.input<typeof ChaseOrder>;

/**
 * What the shop knows about a buyer. Buyers not listed get the defaults (not first-time, not
 * blacklisted, no consent recorded, no chat).
 *
 * @example
 * ```ts
 * const buyer: ChaseBuyer = { buyerId: 'tb_lin', firstTime: true, lastInboundChatAt: '2026-11-11T00:12:00+08:00' };
 * ```
 */
export const ChaseBuyer = /* @__PURE__ */ z.strictObject({
  /** The buyer. */
  buyerId: id,
  /** No earlier successful order in the shop (CH-7: phone works best for them). */
  firstTime: z._default(z.boolean(), false),
  /** On the shop's blacklist (CH-8). */
  blacklisted: z._default(z.boolean(), false),
  /** Platform credit level (CH-8), compared with the policy's `minCreditLevel`. */
  creditLevel: z.optional(z.number().check(z.gte(0))),
  /** Flagged for malicious orders (CH-8). */
  suspectedMalicious: z._default(z.boolean(), false),
  /** Member tier, for the policy's scope. */
  memberTier: z.optional(id),
  /** Consent per channel. */
  consent: z._default(z.strictObject({ im: z.optional(consent), sms: z.optional(consent), phone: z.optional(consent) }), () => ({})),
  /** When the buyer opted out, per channel (at or before `now`). */
  optedOutAt: z._default(
    z.strictObject({ im: z.optional(InstantSchema), sms: z.optional(InstantSchema), phone: z.optional(InstantSchema) }),
    () => ({}),
  ),
  /** The buyer's last message to the shop (CH-8: read the chat first; no chase mid-conversation). */
  lastInboundChatAt: z.optional(InstantSchema),
  /** The buyer's zone, for channels and overlays that follow the recipient's clock. */
  recipientTimeZone: z.optional(TimeZoneSchema),
  /** A key of the policy's `jurisdictionOverlays` (e.g. `US-FL`). */
  jurisdiction: z.optional(id),
});
/** @inheritDoc ChaseBuyer */
export type ChaseBuyer = z.input<typeof ChaseBuyer>;

/**
 * One chase attempt, as the sending system records it. `queued` attempts count like sent ones
 * (for dedupe, caps and ladders); `failed` ones count for nothing. `outcome` is what the buyer
 * said: `refused` stops further chases (policy `stopAfterRefusal`), `promised_to_pay` starts a
 * cooldown.
 *
 * @example
 * ```ts
 * const entry: ChaseLogEntry = { orderId: 'T1001', buyerId: 'tb_lin', channel: 'im', at: '2026-11-11T00:10:00+08:00', state: 'sent' };
 * ```
 */
export const ChaseLogEntry = /* @__PURE__ */ z.strictObject({
  /** The order chased. */
  orderId: id,
  /** Its buyer. */
  buyerId: id,
  /** Its shop (as on the order). */
  shopId: z.optional(shopId),
  /** The channel used. */
  channel: channelSchema,
  /** When (at or before `now`). */
  at: InstantSchema,
  /** What happened to the attempt. */
  state: z.enum(LOG_STATES),
  /** What the buyer said. */
  outcome: z.optional(z.enum(CHASE_OUTCOMES)),
  /** The phone used, for phone-keyed dedupe (defaults to the order's). */
  phoneHash: z.optional(id),
  /** The agent. */
  agent: z.optional(z.string().check(z.maxLength(200))),
});
/** @inheritDoc ChaseLogEntry */
export type ChaseLogEntry = z.input<typeof ChaseLogEntry>;

/**
 * Input of `planChases`: the instant to plan at, the orders (unpaid ones and the buyers' recent
 * paid ones, which CH-4 needs), buyer facts and the chase log.
 *
 * @example
 * ```ts
 * const input: PlanChasesInput = { now: '2026-11-11T00:20:00+08:00', orders: [order], buyers: [buyer], log: [] };
 * ```
 */
export const PlanChasesInput = /* @__PURE__ */ z.strictObject({
  /** The instant the plan is for. */
  now: InstantSchema,
  /** The orders, at most 5,000,000, ids unique. */
  orders: z.readonly(z.array(ChaseOrder).check(z.maxLength(5_000_000))),
  /** Buyer facts, ids unique. */
  buyers: z._default(z.readonly(z.array(ChaseBuyer).check(z.maxLength(5_000_000))), () => []),
  /** The chase log. */
  log: z._default(z.readonly(z.array(ChaseLogEntry).check(z.maxLength(10_000_000))), () => []),
});
/** @inheritDoc PlanChasesInput */
export type PlanChasesInput = z.input<typeof PlanChasesInput>;

// ---------------------------------------------------------------------------------------------
// Internal form. Orders are read into a table of typed arrays (one slot per order, `NaN` for a
// missing instant) so that a million orders cost a few arrays rather than a million objects; the
// fields the planner rarely needs are read from the validated input objects on demand. The fast
// reader accepts exactly what the schemas accept (a property test holds it to that); on anything
// else the schemas run and report the issues.

/** What {@link OrderTable.raw} holds before an order is read into it. */
const NO_RECORD: Record<string, unknown> = /* @__PURE__ */ Object.freeze({});

/** Order kinds by index, as stored in {@link OrderTable.kind}. */
export const KINDS: readonly ChaseOrderKind[] = CHASE_ORDER_KINDS;

/** The orders, read. */
export class OrderTable {
  readonly n: number;
  readonly raw: Array<Record<string, unknown>>;
  readonly id: string[];
  readonly buyer: string[];
  readonly shop: string[];
  readonly created: Float64Array;
  /** `NaN` when unpaid. */
  readonly paid: Float64Array;
  /** `NaN` when the order has no close time. */
  readonly autoClose: Float64Array;
  /**
   * The `autoCloseAt` text as given when it has the shape the planner writes instants in
   * (`YYYY-MM-DDTHH:MM:SS±HH:MM`), else `undefined`; its offset in minutes at `autoCloseOffset`.
   * When that offset is the shop zone's at the instant, the text is the deadline, to the byte,
   * and the planner need not format it again.
   */
  readonly autoCloseText: Array<string | undefined>;
  readonly autoCloseOffset: Int32Array;
  readonly kind: Uint8Array;
  readonly phoneValid: Uint8Array;
  /**
   * The rarely present instants (closed, paying since, balance window start and end, phone expiry)
   * live in `extras`, five per order that has any, at `extra[i] * 5`; -1 for the others.
   */
  readonly extra: Int32Array;
  readonly extras: number[] = [];
  /**
   * Set while reading when an order breaks a rule between its fields or against `now` (a fact
   * after now, paid before placed, …): only then does the cross-check walk the orders to name it.
   */
  suspect = false;
  /** Whether some order names a shop. */
  hasShops = false;

  /** A table for `n` orders, its columns from `scratch`. */
  constructor(n: number, scratch: Scratch) {
    this.n = n;
    this.raw = scratch.array<Record<string, unknown>>(n, NO_RECORD);
    this.id = scratch.array(n, '');
    this.buyer = scratch.array(n, '');
    this.shop = scratch.array(n, '');
    // Every slot is written while reading, so the fill value does not matter.
    this.created = scratch.f64(n);
    this.paid = scratch.f64(n);
    this.autoClose = scratch.f64(n);
    this.autoCloseText = scratch.array<string | undefined>(n, undefined);
    this.autoCloseOffset = scratch.i32(n);
    this.kind = scratch.u8(n);
    this.phoneValid = scratch.u8(n);
    this.extra = scratch.i32(n);
  }

  private extraAt(i: number, k: number): number {
    const e = this.extra[i] as number;
    return e < 0 ? Number.NaN : (this.extras[e * 5 + k] as number);
  }

  /** When the order was closed, or `NaN`. */
  closed(i: number): number {
    return this.extraAt(i, 0);
  }

  /** Since when the buyer is paying, or `NaN`. */
  paying(i: number): number {
    return this.extraAt(i, 1);
  }

  balStart(i: number): number {
    return this.extraAt(i, 2);
  }

  balEnd(i: number): number {
    return this.extraAt(i, 3);
  }

  phoneExpires(i: number): number {
    return this.extraAt(i, 4);
  }

  itemIds(i: number): readonly string[] {
    return (this.raw[i]?.['itemIds'] as readonly string[] | undefined) ?? EMPTY;
  }

  promoIds(i: number): readonly string[] {
    return (this.raw[i]?.['promoIds'] as readonly string[] | undefined) ?? EMPTY;
  }

  amount(i: number): number | string | undefined {
    return this.raw[i]?.['amount'] as number | string | undefined;
  }

  itemCount(i: number): number | undefined {
    return this.raw[i]?.['itemCount'] as number | undefined;
  }

  source(i: number): string | undefined {
    return this.raw[i]?.['source'] as string | undefined;
  }

  region(i: number): { province?: string; city?: string } | undefined {
    return this.raw[i]?.['region'] as { province?: string; city?: string } | undefined;
  }

  sellerFlag(i: number): number {
    return (this.raw[i]?.['sellerFlag'] as number | undefined) ?? 0;
  }

  phoneHash(i: number): string | undefined {
    return (this.raw[i]?.['contact'] as { phoneHash?: string } | undefined)?.phoneHash;
  }
}

/** A buyer, read. */
export interface BuyerRec {
  readonly id: string;
  readonly firstTime: boolean;
  readonly blacklisted: boolean;
  readonly creditLevel: number | undefined;
  readonly suspectedMalicious: boolean;
  readonly memberTier: string | undefined;
  readonly consent: Readonly<Partial<Record<ChaseChannel, 'granted' | 'denied' | 'unknown'>>>;
  readonly optedOut: Readonly<Partial<Record<ChaseChannel, number>>>;
  /** Bit c set when channel c (index in CHASE_CHANNELS) has consent `granted`. */
  readonly granted: number;
  /** Bit c set when channel c has consent `denied`. */
  readonly denied: number;
  /** Bit c set when the buyer opted out of channel c. */
  readonly optedOutMask: number;
  readonly lastChat: number | undefined;
  readonly recipientTimeZone: string | undefined;
  readonly jurisdiction: string | undefined;
}

/** Index of `failed` in {@link LogTable.state}: a failed attempt counts for nothing. */
export const LOG_FAILED = LOG_STATES.indexOf('failed');

/**
 * The chase log, read into columns (one slot per entry, in input order): a log of hundreds of
 * thousands of attempts costs a few arrays, not an object per entry.
 */
export class LogTable {
  readonly n: number;
  readonly orderId: string[];
  readonly buyerId: string[];
  /** `''` when the entry names no shop. */
  readonly shopId: string[];
  readonly phoneHash: Array<string | undefined>;
  /** Index in CHASE_CHANNELS. */
  readonly channel: Uint8Array;
  /** Index in the log states (see {@link LOG_FAILED}). */
  readonly state: Uint8Array;
  /** 0 when none, else 1 + the index in CHASE_OUTCOMES. */
  readonly outcome: Uint8Array;
  readonly at: Float64Array;
  /** Per entry, its order's position in the order table, or -1 when the order is not in the input (set by the cross-check). */
  readonly order: Int32Array;
  /** Per entry, its buyer group, or -1 when no order of the input has its buyer and shop (set by the cross-check). */
  readonly group: Int32Array;

  /** A table for `n` entries, its columns from `scratch`. */
  constructor(n: number, scratch: Scratch) {
    this.n = n;
    this.orderId = scratch.array(n, '');
    this.buyerId = scratch.array(n, '');
    this.shopId = scratch.array(n, '');
    this.phoneHash = scratch.array<string | undefined>(n, undefined);
    // Every slot is written while reading or cross-checking, so the fill values do not matter.
    this.channel = scratch.u8(n);
    this.state = scratch.u8(n);
    this.outcome = scratch.u8(n);
    this.at = scratch.f64(n);
    this.order = scratch.i32(n);
    this.group = scratch.i32(n);
  }
}

/** 1 + the index of a chase outcome, as stored in {@link LogTable.outcome}. */
export function outcomeCode(outcome: ChaseOutcome): number {
  return CHASE_OUTCOMES.indexOf(outcome) + 1;
}

/** The whole input, read and cross-checked. */
export interface ReadInput {
  readonly now: number;
  readonly orders: OrderTable;
  /** Buyer groups (one per shop and buyer) of the orders. */
  readonly groups: PairIndex;
  /** The buyer facts, and their ids indexed. */
  readonly buyers: readonly BuyerRec[];
  /** `buyers[k].id` at k. */
  readonly buyerIds: readonly string[];
  readonly buyerIndex: KeyIndex;
  readonly log: LogTable;
}

const EMPTY: readonly string[] = Object.freeze([]);
/** Scratch row for an order's rare instants: closed, paying since, balance start and end, phone expiry. */
const EXTRA_ROW = /* @__PURE__ */ new Float64Array(5);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200;
}

function isShopId(value: unknown): value is string {
  return isId(value) && !value.includes(':');
}

/** Whether every own key is allowed: zod's strict objects reject any other. */
function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!allowed.has(key) && Object.prototype.hasOwnProperty.call(value, key)) return false;
  }
  return true;
}

/** An optional instant: `NaN` when absent, `undefined` when invalid. */
function optInstant(value: unknown): number | undefined {
  return value === undefined ? Number.NaN : parseInstant(value);
}

function optId(value: unknown): boolean {
  return value === undefined || isId(value);
}

function idArray(value: unknown, max: number): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > max) return false;
  for (let i = 0; i < value.length; i++) if (!isId(value[i])) return false;
  return true;
}

function amountOk(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0;
  if (typeof value !== 'string') return false;
  // MoneyInputSchema's /^-?\d+(\.\d+)?$/ plus "not below zero", by hand: amounts are read a million times.
  let k = 0;
  const negative = value.charCodeAt(0) === 45;
  if (negative) k = 1;
  let digits = 0;
  let nonZero = false;
  for (; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c < 48 || c > 57) break;
    digits++;
    if (c !== 48) nonZero = true;
  }
  if (digits === 0) return false;
  if (k < value.length) {
    if (value.charCodeAt(k) !== 46) return false;
    let fraction = 0;
    for (k++; k < value.length; k++) {
      const c = value.charCodeAt(k);
      if (c < 48 || c > 57) return false;
      fraction++;
      if (c !== 48) nonZero = true;
    }
    if (fraction === 0) return false;
  }
  return !negative || !nonZero;
}

function optBoolean(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
}

const REGION_KEYS = new Set(['province', 'city']);
const CONTACT_KEYS = new Set(['phoneHash', 'phoneValid', 'phoneExpiresAt']);
const WINDOW_KEYS = new Set(['start', 'end']);
const BUYER_KEYS = new Set(['buyerId', 'firstTime', 'blacklisted', 'creditLevel', 'suspectedMalicious', 'memberTier', 'consent', 'optedOutAt', 'lastInboundChatAt', 'recipientTimeZone', 'jurisdiction']);
const CHANNEL_KEYS = new Set<string>(CHASE_CHANNELS);
const CONSENTS = new Set(['granted', 'denied', 'unknown']);
const INPUT_KEYS = new Set(['now', 'orders', 'buyers', 'log']);

/**
 * Reads order `o` into slot `i`; false when the schema would reject it, the buyer id aside (the
 * caller checks it: see buyerIdsOk). One pass over the object's own keys: a key the schema does
 * not know rejects the order (a strict object), and absent fields cost nothing (reading a million
 * objects of a dozen shapes field by field is the slow part).
 */
function readOrderInto(t: OrderTable, i: number, o: unknown, now: number): boolean {
  if (!isObject(o)) return false;
  let orderId: unknown;
  let buyerId: unknown;
  let shop: unknown;
  let createdAt: unknown;
  let paidAt: unknown;
  let closedAt: unknown;
  let payingSince: unknown;
  let autoCloseAt: unknown;
  let kindValue: unknown;
  let window: unknown;
  let itemIds: unknown;
  let promoIds: unknown;
  let amount: unknown;
  let itemCount: unknown;
  let source: unknown;
  let region: unknown;
  let sellerFlag: unknown;
  let contact: unknown;
  for (const key in o) {
    const value = o[key];
    switch (key) {
      case 'orderId':
        orderId = value;
        break;
      case 'buyerId':
        buyerId = value;
        break;
      case 'createdAt':
        createdAt = value;
        break;
      case 'paidAt':
        paidAt = value;
        break;
      case 'autoCloseAt':
        autoCloseAt = value;
        break;
      case 'kind':
        kindValue = value;
        break;
      case 'itemIds':
        itemIds = value;
        break;
      case 'amount':
        amount = value;
        break;
      case 'shopId':
        shop = value;
        break;
      case 'closedAt':
        closedAt = value;
        break;
      case 'payingSince':
        payingSince = value;
        break;
      case 'balanceWindow':
        window = value;
        break;
      case 'promoIds':
        promoIds = value;
        break;
      case 'itemCount':
        itemCount = value;
        break;
      case 'source':
        source = value;
        break;
      case 'region':
        region = value;
        break;
      case 'sellerFlag':
        sellerFlag = value;
        break;
      case 'contact':
        contact = value;
        break;
      default:
        // for-in also walks inherited keys; only own ones are the schema's business.
        if (Object.prototype.hasOwnProperty.call(o, key)) return false;
    }
  }
  // The buyer id is checked by the caller, in a loop of its own (see buyerIdsOk).
  if (!isId(orderId) || (shop !== undefined && !isShopId(shop))) return false;
  // Instants go straight into the table (and the five rare ones into a scratch row).
  const x = EXTRA_ROW;
  if (
    !parseInstantTo(createdAt, t.created, i) ||
    !parseInstantTo(paidAt, t.paid, i, true) ||
    !parseInstantTo(autoCloseAt, t.autoClose, i, true) ||
    !parseInstantTo(closedAt, x, 0, true) ||
    !parseInstantTo(payingSince, x, 1, true)
  ) {
    return false;
  }
  const kind = kindValue === undefined ? 0 : KINDS.indexOf(kindValue as ChaseOrderKind);
  if (kind < 0) return false;
  x[2] = Number.NaN;
  x[3] = Number.NaN;
  x[4] = Number.NaN;
  if (window !== undefined) {
    if (!isObject(window) || !onlyKeys(window, WINDOW_KEYS) || !parseInstantTo(window['start'], x, 2) || !parseInstantTo(window['end'], x, 3)) return false;
  }
  if (!idArray(itemIds, 1000) || !idArray(promoIds, 100) || !amountOk(amount) || !optId(source)) return false;
  if (itemCount !== undefined && !(Number.isSafeInteger(itemCount) && (itemCount as number) >= 0)) return false;
  if (sellerFlag !== undefined && !(Number.isSafeInteger(sellerFlag) && (sellerFlag as number) >= 0 && (sellerFlag as number) <= 5)) return false;
  if (region !== undefined && (!isObject(region) || !onlyKeys(region, REGION_KEYS) || !optId(region['province']) || !optId(region['city']))) return false;
  let phoneValid = 1;
  if (contact !== undefined) {
    if (!isObject(contact) || !onlyKeys(contact, CONTACT_KEYS) || !optId(contact['phoneHash']) || !optBoolean(contact['phoneValid'])) return false;
    if (!parseInstantTo(contact['phoneExpiresAt'], x, 4, true)) return false;
    phoneValid = contact['phoneValid'] === false ? 0 : 1;
  }
  t.raw[i] = o;
  const closeOffset = typeof autoCloseAt === 'string' ? plannerOffset(autoCloseAt) : NOT_PLANNER_SHAPE;
  t.autoCloseText[i] = closeOffset === NOT_PLANNER_SHAPE ? undefined : (autoCloseAt as string);
  t.autoCloseOffset[i] = closeOffset;
  t.id[i] = orderId;
  t.buyer[i] = buyerId as string;
  if (shop !== undefined) {
    t.shop[i] = shop as string;
    t.hasShops = true;
  } else t.shop[i] = '';
  t.kind[i] = kind;
  t.phoneValid[i] = phoneValid;
  // A balance window's end comes with its start: the other four say whether the order has extras.
  if (x[0] === x[0] || x[1] === x[1] || x[2] === x[2] || x[4] === x[4]) {
    // Indexed stores, not push(): push takes its five numbers boxed, a million times a plan.
    const e = t.extras.length;
    t.extra[i] = e / 5;
    for (let k = 0; k < 5; k++) t.extras[e + k] = x[k] as number;
  } else t.extra[i] = -1;
  if (!orderFactsHold(t, i, now)) t.suspect = true;
  return true;
}

const FUTURE = 'expected an instant at or before now (a fact cannot be in the future)';

/**
 * The rules between an order's fields and against `now` (facts not after now, nor before the order
 * was placed; a balance window exactly on presale balances): true when all hold. Each broken rule
 * goes to `push` when one is given (paths and messages are built only then). An absent instant is
 * `NaN`, which compares false: it breaks no rule.
 */
function orderFactsHold(t: OrderTable, i: number, now: number, push?: Push): boolean {
  let holds = true;
  const created = t.created[i] as number;
  const paid = t.paid[i] as number;
  if (created > now) holds = broken(push, i, 'createdAt', 'expected an instant at or before now (the order cannot be placed in the future)');
  if (paid > now) holds = broken(push, i, 'paidAt', FUTURE);
  if (paid < created) holds = broken(push, i, 'paidAt', 'expected an instant at or after createdAt');
  if ((t.autoClose[i] as number) <= created) holds = broken(push, i, 'autoCloseAt', 'expected an instant after createdAt');
  const kind = KINDS[t.kind[i] as number] as ChaseOrderKind;
  const hasWindow = (t.extra[i] as number) >= 0 && !Number.isNaN(t.balStart(i));
  if (kind === 'presale_balance' && !hasWindow) holds = broken(push, i, 'balanceWindow', 'expected the balance window of a presale_balance order');
  if ((t.extra[i] as number) < 0) return holds;
  const closed = t.closed(i);
  const paying = t.paying(i);
  if (closed > now) holds = broken(push, i, 'closedAt', FUTURE);
  if (paying > now) holds = broken(push, i, 'payingSince', FUTURE);
  if (closed < created) holds = broken(push, i, 'closedAt', 'expected an instant at or after createdAt');
  if (paying < created) holds = broken(push, i, 'payingSince', 'expected an instant at or after createdAt');
  if (kind !== 'presale_balance' && hasWindow) holds = broken(push, i, 'balanceWindow', `expected no balance window on a ${kind} order (only presale_balance has one)`);
  if (t.balEnd(i) <= t.balStart(i)) holds = broken(push, i, 'balanceWindow.end', 'expected an instant after start');
  return holds;
}

type Push = (path: string, message: string) => void;

/** Reports a broken rule of order `i` when there is a `push` (the path is built only then); false. */
function broken(push: Push | undefined, i: number, field: string, message: string): false {
  push?.(`orders.${i}.${field}`, message);
  return false;
}

const NONE: Readonly<Record<string, never>> = Object.freeze({});

function perChannel<T>(value: unknown, read: (v: unknown) => T | undefined | typeof Bad): Partial<Record<ChaseChannel, T>> | typeof Bad {
  if (value === undefined) return NONE;
  if (!isObject(value) || !onlyKeys(value, CHANNEL_KEYS)) return Bad;
  const out: Partial<Record<ChaseChannel, T>> = {};
  for (const channel of CHASE_CHANNELS) {
    const v = read(value[channel]);
    if (v === Bad) return Bad;
    if (v !== undefined) out[channel] = v;
  }
  return out;
}

const Bad = Symbol('bad');

function readBuyer(b: unknown): BuyerRec | undefined {
  if (!isObject(b) || !onlyKeys(b, BUYER_KEYS) || !isId(b['buyerId'])) return undefined;
  if (!optBoolean(b['firstTime']) || !optBoolean(b['blacklisted']) || !optBoolean(b['suspectedMalicious'])) return undefined;
  if (!optId(b['memberTier']) || !optId(b['jurisdiction'])) return undefined;
  const lastChat = optInstant(b['lastInboundChatAt']);
  const credit = b['creditLevel'];
  if (lastChat === undefined || (credit !== undefined && !(typeof credit === 'number' && Number.isFinite(credit) && credit >= 0))) return undefined;
  const zone = b['recipientTimeZone'];
  if (zone !== undefined && !TimeZoneSchema.safeParse(zone).success) return undefined;
  // Consent and opt-outs are rare: a buyer without them costs no object and no closure.
  const consent = b['consent'] === undefined ? NONE : readConsent(b['consent']);
  const optedOut = b['optedOutAt'] === undefined ? NONE : readOptedOut(b['optedOutAt']);
  if (consent === undefined || optedOut === undefined) return undefined;
  let granted = 0;
  let denied = 0;
  let optedOutMask = 0;
  for (let c = 0; c < CHASE_CHANNELS.length; c++) {
    const channel = CHASE_CHANNELS[c] as ChaseChannel;
    if (consent[channel] === 'granted') granted |= 1 << c;
    if (consent[channel] === 'denied') denied |= 1 << c;
    if (optedOut[channel] !== undefined) optedOutMask |= 1 << c;
  }
  return {
    id: b['buyerId'],
    firstTime: b['firstTime'] === true,
    blacklisted: b['blacklisted'] === true,
    creditLevel: credit as number | undefined,
    suspectedMalicious: b['suspectedMalicious'] === true,
    memberTier: b['memberTier'] as string | undefined,
    consent,
    optedOut,
    granted,
    denied,
    optedOutMask,
    lastChat: Number.isNaN(lastChat) ? undefined : lastChat,
    recipientTimeZone: zone as string | undefined,
    jurisdiction: b['jurisdiction'] as string | undefined,
  };
}

/** A buyer's consent per channel, or `undefined` when malformed. */
function readConsent(value: unknown): Partial<Record<ChaseChannel, 'granted' | 'denied' | 'unknown'>> | undefined {
  const out = perChannel(value, (v) => (v === undefined ? undefined : typeof v === 'string' && CONSENTS.has(v) ? (v as 'granted' | 'denied' | 'unknown') : Bad));
  return out === Bad ? undefined : out;
}

/** A buyer's opt-out instants per channel, or `undefined` when malformed. */
function readOptedOut(value: unknown): Partial<Record<ChaseChannel, number>> | undefined {
  const out = perChannel(value, (v) => (v === undefined ? undefined : (parseInstant(v) ?? Bad)));
  return out === Bad ? undefined : out;
}

/** Reads log entry `e` into slot `i`; false when the schema would reject it (one pass over its own keys, as for orders). */
function readLogInto(log: LogTable, i: number, e: unknown): boolean {
  if (!isObject(e)) return false;
  let orderId: unknown;
  let buyerId: unknown;
  let shop: unknown;
  let channel: unknown;
  let at: unknown;
  let state: unknown;
  let outcome: unknown;
  let phoneHash: unknown;
  let agent: unknown;
  for (const key in e) {
    const value = e[key];
    switch (key) {
      case 'orderId':
        orderId = value;
        break;
      case 'buyerId':
        buyerId = value;
        break;
      case 'channel':
        channel = value;
        break;
      case 'at':
        at = value;
        break;
      case 'state':
        state = value;
        break;
      case 'shopId':
        shop = value;
        break;
      case 'outcome':
        outcome = value;
        break;
      case 'phoneHash':
        phoneHash = value;
        break;
      case 'agent':
        agent = value;
        break;
      default:
        if (Object.prototype.hasOwnProperty.call(e, key)) return false;
    }
  }
  if (!isId(orderId) || !isId(buyerId) || (shop !== undefined && !isShopId(shop)) || !optId(phoneHash)) return false;
  const c = CHASE_CHANNELS.indexOf(channel as ChaseChannel);
  const st = LOG_STATES.indexOf(state as (typeof LOG_STATES)[number]);
  const oc = outcome === undefined ? 0 : outcomeCode(outcome as ChaseOutcome);
  if (c < 0 || st < 0 || (outcome !== undefined && oc === 0) || !parseInstantTo(at, log.at, i)) return false;
  if (agent !== undefined && !(typeof agent === 'string' && agent.length <= 200)) return false;
  log.orderId[i] = orderId;
  log.buyerId[i] = buyerId;
  log.shopId[i] = (shop as string | undefined) ?? '';
  log.phoneHash[i] = phoneHash as string | undefined;
  log.channel[i] = c;
  log.state[i] = st;
  log.outcome[i] = oc;
  return true;
}

function readLog(list: unknown, scratch: Scratch): LogTable | undefined {
  if (list === undefined) return new LogTable(0, scratch);
  if (!Array.isArray(list) || list.length > 10_000_000) return undefined;
  const log = new LogTable(list.length, scratch);
  for (let i = 0; i < list.length; i++) if (!readLogInto(log, i, list[i])) return undefined;
  return log;
}

function readAll<T>(list: unknown, max: number, read: (value: unknown) => T | undefined): T[] | undefined {
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.length > max) return undefined;
  const out: T[] = new Array<T>(list.length);
  for (let i = 0; i < list.length; i++) {
    const rec = read(list[i]);
    if (rec === undefined) return undefined;
    out[i] = rec;
  }
  return out;
}

interface ReadOrders {
  readonly table: OrderTable;
  /** Order ids indexed (while they are unique, position k holds order k). */
  readonly ids: KeyIndex;
  /** Buyer groups: one per (buyer, shop). */
  readonly groups: PairIndex;
  /** Positions whose id an earlier order already has. */
  readonly duplicates: number[];
}

/**
 * Whether every order's buyer id (stored unchecked by readOrderInto) is an id. Checked here, in a
 * loop that does nothing else, because a buyer's later orders share the string of its first one:
 * these reads are cache misses all over the heap, and in a tight loop they overlap instead of
 * stalling each order's other checks (see hash.ts).
 */
function buyerIdsOk(t: OrderTable): boolean {
  for (let i = 0; i < t.n; i++) if (!isId(t.buyer[i])) return false;
  return true;
}

/** Reads the orders, then indexes their ids and buyer groups (separate passes measured faster than one). */
function readOrders(list: unknown, now: number, scratch: Scratch): ReadOrders | undefined {
  if (!Array.isArray(list) || list.length > 5_000_000) return undefined;
  const n = list.length;
  const t = new OrderTable(n, scratch);
  for (let i = 0; i < n; i++) if (!readOrderInto(t, i, list[i], now)) return undefined;
  if (!buyerIdsOk(t)) return undefined;
  const duplicates: number[] = [];
  const ids = KeyIndex.of(t.id, (i) => duplicates.push(i), scratch);
  const groups = new PairIndex(t.buyer, t.shop, n, scratch);
  groups.insertAll();
  return { table: t, ids, groups, duplicates };
}

const MAX_ISSUES = 50;

/**
 * Reads and checks the planner's input. The fast path handles valid input; anything it rejects
 * goes through the zod schema, whose issues name the fields. Cross-field rules (unique ids, facts
 * not after `now`, consistent log entries) are checked after.
 */
export function readPlanInput(input: unknown, context: string, scratch: Scratch): ReadInput {
  let now: number | undefined;
  let orders: ReadOrders | undefined;
  let buyers: BuyerRec[] | undefined;
  let log: LogTable | undefined;
  if (isObject(input) && onlyKeys(input, INPUT_KEYS)) {
    now = parseInstant(input['now']);
    orders = readOrders(input['orders'], now ?? Number.NaN, scratch);
    buyers = readAll(input['buyers'], 5_000_000, readBuyer);
    log = readLog(input['log'], scratch);
  }
  if (now === undefined || orders === undefined || buyers === undefined || log === undefined) {
    parseInput(PlanChasesInput, input, context);
    // The schema accepted what the fast reader did not: a disagreement the tests rule out.
    throw new Error(`${context}: kefu internal error: the fast input reader rejected input the schema accepts`);
  }
  return crossCheck(now, orders, buyers, log, context, scratch);
}

function crossCheck(now: number, orders: ReadOrders, buyerList: BuyerRec[], log: LogTable, context: string, scratch: Scratch): ReadInput {
  const t = orders.table;
  const issues: KefuIssue[] = [];
  let more = 0;
  const push = (path: string, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
    else more++;
  };
  // Paths are built only for the problems found: a million valid orders cost no strings.
  for (const i of orders.duplicates) push(`orders.${i}.orderId`, `expected a unique order id, received "${t.id[i]}" again`);
  if (t.suspect) for (let i = 0; i < t.n; i++) orderFactsHold(t, i, now, push);
  const buyerIds = buyerList.map((b) => b.id);
  const buyerIndex = KeyIndex.of(buyerIds, (i) => push(`buyers.${i}.buyerId`, `expected a unique buyer id, received "${buyerIds[i]}" again`), scratch);
  for (let i = 0; i < buyerList.length; i++) {
    const b = buyerList[i] as BuyerRec;
    if (b.lastChat !== undefined && b.lastChat > now) push(`buyers.${i}.lastInboundChatAt`, FUTURE);
    for (const channel of CHASE_CHANNELS) if ((b.optedOut[channel] ?? 0) > now) push(`buyers.${i}.optedOutAt.${channel}`, FUTURE);
  }
  placeLog(log, orders, now, push);
  if (issues.length > 0) {
    if (more > 0) issues.push({ path: '', message: `and ${more} more problems of the same kinds` });
    throw new KefuError('INVALID_INPUT', issues, context);
  }
  return { now, orders: t, groups: orders.groups, buyers: buyerList, buyerIds, buyerIndex, log };
}

/**
 * Finds each log entry's order and buyer group, and checks that the entry is not after `now` and
 * names its order's buyer and shop.
 */
function placeLog(log: LogTable, orders: ReadOrders, now: number, push: Push): void {
  const t = orders.table;
  const groups = orders.groups;
  orders.ids.findAll(log.orderId, log.order);
  for (let i = 0; i < log.n; i++) {
    if ((log.at[i] as number) > now) push(`log.${i}.at`, FUTURE);
    const o = log.order[i] as number;
    if (o < 0) {
      log.group[i] = groups.find(log.buyerId[i] as string, log.shopId[i] as string);
      continue;
    }
    // An entry for an order of the input belongs to that order's group, once its buyer and shop agree.
    log.group[i] = groups.of[o] as number;
    const orderId = log.orderId[i] as string;
    const buyerId = log.buyerId[i] as string;
    if (t.buyer[o] !== buyerId) push(`log.${i}.buyerId`, `expected "${t.buyer[o]}", the buyer of order ${orderId}, received "${buyerId}"`);
    if (t.shop[o] !== log.shopId[i]) push(`log.${i}.shopId`, `expected the shop of order ${orderId} (${t.shop[o] === '' ? 'none' : `"${t.shop[o]}"`})`);
  }
}

/** Reads one order (for message rendering) into a one-slot table; errors name `order.<field>`. */
export function readOneOrder(order: unknown, context: string): OrderTable {
  const t = new OrderTable(1, new Scratch([]));
  if (readOrderInto(t, 0, order, Number.NaN) && buyerIdsOk(t)) return t;
  parseInput(z.strictObject({ order: ChaseOrder }), { order }, context);
  throw new Error(`${context}: kefu internal error: the fast input reader rejected an order the schema accepts`);
}

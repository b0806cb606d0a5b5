import { TripleMap } from './hash.ts';

/**
 * The chase channels, in the fixed order decisions list them: Wangwang IM, SMS, phone (CH-7).
 *
 * @example
 * ```ts
 * CHASE_CHANNELS; // ['im', 'sms', 'phone']
 * ```
 */
export const CHASE_CHANNELS = ['im', 'sms', 'phone'] as const;

/**
 * A chase channel: `im` (Wangwang / Qianniu message), `sms` or `phone` (CH-7).
 *
 * @example
 * ```ts
 * const channel: ChaseChannel = 'phone';
 * ```
 */
export type ChaseChannel = (typeof CHASE_CHANNELS)[number];

/**
 * Every reason a channel is not `send`, in precedence order: decisions list their reasons in this
 * order, terminal reasons (the channel will never be sent for this input) before transient ones
 * (it waits until `nextAllowedAt`). {@link CHASE_REASONS} describes each.
 *
 * @example
 * ```ts
 * CHASE_REASON_CODES[0]; // 'ORDER_PAID'
 * ```
 */
export const CHASE_REASON_CODES = [
  // Terminal: the order itself.
  'ORDER_PAID',
  'ORDER_CLOSED',
  'PAST_AUTO_CLOSE',
  'BALANCE_WINDOW_CLOSED',
  'DEADLINE_UNKNOWN',
  // Terminal: the buyer.
  'BUYER_PAID_OTHER_ORDER',
  'BLACKLISTED',
  'LOW_CREDIT',
  'SUSPECTED_MALICIOUS',
  'BUYER_REFUSED',
  // Terminal: the policy's scope.
  'OUT_OF_SCOPE_KIND',
  'AMOUNT_OUT_OF_RANGE',
  'ITEM_COUNT_OUT_OF_RANGE',
  'ITEM_EXCLUDED',
  'ITEM_NOT_INCLUDED',
  'PROMO_NOT_INCLUDED',
  'REGION_EXCLUDED',
  'SOURCE_EXCLUDED',
  'SELLER_FLAG_EXCLUDED',
  'TIER_EXCLUDED',
  'CREATED_OUTSIDE_TASK_RANGE',
  // Terminal: the channel.
  'CHANNEL_DISABLED',
  'CHANNEL_NOT_IN_LADDER',
  'OPTED_OUT',
  'NO_CONSENT',
  'NO_VALID_CONTACT',
  'CONTACT_EXPIRED',
  'MAX_ATTEMPTS_REACHED',
  // Terminal: no instant left.
  'LADDER_PREVIOUS_STEP_MISSED',
  'OUTSIDE_WINDOW_DROPPED',
  'MAX_LATENESS_EXCEEDED',
  'NO_WINDOW_BEFORE_DEADLINE',
  'NO_WINDOW_BEFORE_CONTACT_EXPIRY',
  'NO_WINDOW_IN_HORIZON',
  // Transient.
  'DEDUPED_SAME_BUYER',
  'ORDER_PAYING',
  'BALANCE_WINDOW_NOT_OPEN',
  'TOO_EARLY',
  'CHAT_ACTIVE',
  'PROMISED_TO_PAY_COOLDOWN',
  'LADDER_PREVIOUS_STEP_PENDING',
  'LADDER_GAP_NOT_ELAPSED',
  'MIN_GAP_NOT_ELAPSED',
  'DEDUPE_WINDOW_ACTIVE',
  'BUYER_DAILY_CAP',
  'OVERLAY_CAP',
  'BLOCKED_DAY',
  'OUTSIDE_WINDOW',
  'OUTSIDE_OVERLAY_WINDOW',
] as const;

/**
 * A machine-readable reason why a channel is not `send` now (see {@link CHASE_REASONS}).
 *
 * @example
 * ```ts
 * const reason: ChaseReasonCode = 'OUTSIDE_WINDOW';
 * ```
 */
export type ChaseReasonCode = (typeof CHASE_REASON_CODES)[number];

/**
 * What a reason code means.
 *
 * @example
 * ```ts
 * const info: ChaseReasonInfo = CHASE_REASONS.OUTSIDE_WINDOW;
 * info.kind; // 'transient'
 * ```
 */
export interface ChaseReasonInfo {
  /** The code itself. */
  readonly code: ChaseReasonCode;
  /** `terminal`: the channel is `never` for this input; `transient`: it waits. */
  readonly kind: 'terminal' | 'transient';
  /**
   * True when the `nextAllowedAt` it causes depends on what happens to something else:
   * `LADDER_PREVIOUS_STEP_PENDING` assumes the earlier ladder step goes out as soon as it may;
   * `DEDUPED_SAME_BUYER` assumes the representative order stays open until its close time (if it is
   * paid, every order of the buyer stops; if it is closed early, the next order takes over sooner).
   */
  readonly dependent: boolean;
  /** The domain rule it applies (`CH-6`), or `policy` / `law` for kefu's own safeguards and legal overlays. */
  readonly rule: string;
  /** One sentence for people. */
  readonly message: string;
}

type Row = readonly [rule: string, message: string];

const TERMINAL: Readonly<Record<string, Row>> = {
  ORDER_PAID: ['CH-1', 'The order is paid: there is nothing to chase.'],
  ORDER_CLOSED: ['CH-2', 'The order was closed.'],
  PAST_AUTO_CLOSE: ['CH-2', 'The order has reached its automatic close time: a chase now is useless.'],
  BALANCE_WINDOW_CLOSED: ['CH-2', 'The presale balance window has ended.'],
  DEADLINE_UNKNOWN: ['CH-2', 'The order has no close time and the policy has no preset for its kind.'],
  BUYER_PAID_OTHER_ORDER: ['CH-4', 'The buyer paid another order within the look-back.'],
  BLACKLISTED: ['CH-8', 'The buyer is on the blacklist.'],
  LOW_CREDIT: ['CH-8', "The buyer's credit level is below the policy's minimum."],
  SUSPECTED_MALICIOUS: ['CH-8', 'The buyer is flagged as placing malicious orders.'],
  BUYER_REFUSED: ['CH-5', 'The buyer refused to pay when chased before.'],
  OUT_OF_SCOPE_KIND: ['CH-3', "The order's kind is outside the policy's scope."],
  AMOUNT_OUT_OF_RANGE: ['CH-3', "The order's amount is outside the policy's range, or unknown while a range is set."],
  ITEM_COUNT_OUT_OF_RANGE: ['CH-3', "The order's item count is outside the policy's range, or unknown while a range is set."],
  ITEM_EXCLUDED: ['CH-3', 'The order contains an excluded item.'],
  ITEM_NOT_INCLUDED: ['CH-3', 'The order contains none of the included items.'],
  PROMO_NOT_INCLUDED: ['CH-3', 'The order is in none of the included promotions.'],
  REGION_EXCLUDED: ['CH-3', "The order's region is outside the policy's scope."],
  SOURCE_EXCLUDED: ['CH-3', "The order's source is outside the policy's scope."],
  SELLER_FLAG_EXCLUDED: ['CH-3', "The order's seller flag is outside the policy's scope."],
  TIER_EXCLUDED: ['CH-3', "The buyer's member tier is outside the policy's scope."],
  CREATED_OUTSIDE_TASK_RANGE: ['CH-3', 'The order was created outside the policy’s date range.'],
  CHANNEL_DISABLED: ['CH-7', 'The channel is switched off in the policy.'],
  CHANNEL_NOT_IN_LADDER: ['CH-7', "The channel is not a step of this order's ladder."],
  OPTED_OUT: ['CH-5', 'The buyer opted out of this channel.'],
  NO_CONSENT: ['CH-5', 'The buyer has not consented to this channel (or refused it).'],
  NO_VALID_CONTACT: ['CH-7', 'The order has no valid phone number for this channel.'],
  CONTACT_EXPIRED: ['CH-7', "The buyer's (virtual) phone number has expired."],
  MAX_ATTEMPTS_REACHED: ['CH-5', 'The channel has been used as often as the policy allows for this order.'],
  LADDER_PREVIOUS_STEP_MISSED: ['CH-7', 'The previous ladder step can no longer be sent in time, so this step is not reached.'],
  OUTSIDE_WINDOW_DROPPED: ['CH-2', 'The chase fell outside its window and the policy drops such chases instead of deferring them.'],
  MAX_LATENESS_EXCEEDED: ['CH-2', 'The chase could not go out within the allowed lateness after its window opened.'],
  NO_WINDOW_BEFORE_DEADLINE: ['CH-2', 'No allowed instant remains before the order closes (minus the close buffer).'],
  NO_WINDOW_BEFORE_CONTACT_EXPIRY: ['CH-7', "No allowed instant remains before the buyer's (virtual) phone number expires."],
  NO_WINDOW_IN_HORIZON: ['policy', "No allowed instant within the policy's search horizon."],
};

const TRANSIENT: Readonly<Record<string, Row>> = {
  DEDUPED_SAME_BUYER: ['CH-4', "Another of the buyer's unpaid orders is chased for them; this one waits until that order closes."],
  ORDER_PAYING: ['CH-1', 'The buyer is paying; the chase waits out the grace period.'],
  BALANCE_WINDOW_NOT_OPEN: ['CH-2', 'The presale balance window has not opened yet.'],
  TOO_EARLY: ['CH-13', 'The order is too young for this step: buyers get time to pay first.'],
  CHAT_ACTIVE: ['CH-8', 'The buyer is talking with the shop; the chase waits for the conversation to go quiet.'],
  PROMISED_TO_PAY_COOLDOWN: ['CH-5', 'The buyer promised to pay; the chase waits out the cooldown.'],
  LADDER_PREVIOUS_STEP_PENDING: ['CH-7', 'The previous ladder step has not been sent yet.'],
  LADDER_GAP_NOT_ELAPSED: ['CH-7', 'The previous ladder step was sent too recently.'],
  MIN_GAP_NOT_ELAPSED: ['CH-5', 'This channel was used on the order too recently.'],
  DEDUPE_WINDOW_ACTIVE: ['CH-4', 'The buyer (or phone) was already chased within the dedupe window.'],
  BUYER_DAILY_CAP: ['CH-5', 'The buyer has had the most chases allowed today.'],
  OVERLAY_CAP: ['law', 'A jurisdiction overlay caps the attempts per 24 hours and the cap is reached.'],
  BLOCKED_DAY: ['policy', 'Today is a blocked day for this channel (weekday, date or holiday).'],
  OUTSIDE_WINDOW: ['CH-6', 'Now is outside the channel’s time windows.'],
  OUTSIDE_OVERLAY_WINDOW: ['law', "Now is outside a jurisdiction overlay's hours in the recipient's time."],
};

/**
 * Every reason code with its kind, rule and message.
 *
 * @example
 * ```ts
 * CHASE_REASONS.PAST_AUTO_CLOSE.rule; // 'CH-2'
 * CHASE_REASONS.LADDER_PREVIOUS_STEP_PENDING.dependent; // true
 * ```
 */
export const CHASE_REASONS: Readonly<Record<ChaseReasonCode, ChaseReasonInfo>> = /* @__PURE__ */ buildReasons();

function buildReasons(): Readonly<Record<ChaseReasonCode, ChaseReasonInfo>> {
  const out = {} as Record<ChaseReasonCode, ChaseReasonInfo>;
  for (const code of CHASE_REASON_CODES) {
    const terminal = TERMINAL[code];
    const [rule, message] = terminal ?? TRANSIENT[code] ?? ['policy', code];
    out[code] = Object.freeze({
      code,
      kind: terminal === undefined ? 'transient' : 'terminal',
      dependent: code === 'LADDER_PREVIOUS_STEP_PENDING' || code === 'DEDUPED_SAME_BUYER',
      rule,
      message,
    });
  }
  return Object.freeze(out);
}

/** Index of each code in {@link CHASE_REASON_CODES}: its bit in a reason set. */
export const CODE_INDEX: Readonly<Record<ChaseReasonCode, number>> = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(CHASE_REASON_CODES.map((code, i) => [code, i])) as Record<ChaseReasonCode, number>,
);

/** Codes below this index are terminal. */
const FIRST_TRANSIENT = /* @__PURE__ */ CHASE_REASON_CODES.indexOf('DEDUPED_SAME_BUYER');

/**
 * A set of reason codes as two 32-bit words (there are more than 32 codes), so that building,
 * merging and interning reason lists for a million orders costs integer operations only.
 */
export class ReasonSet {
  lo = 0;
  hi = 0;

  /** Adds the code with index `i` in {@link CHASE_REASON_CODES}. */
  bit(i: number): void {
    if (i < 32) this.lo |= 1 << i;
    else this.hi |= 1 << (i - 32);
  }

  add(code: ChaseReasonCode): void {
    this.bit(CODE_INDEX[code]);
  }

  isEmpty(): boolean {
    return this.lo === 0 && this.hi === 0;
  }

  /** Whether any terminal code is in the set. */
  hasTerminal(): boolean {
    return (this.lo & TERMINAL_MASK_LO) !== 0 || (this.hi & TERMINAL_MASK_HI) !== 0;
  }

  /** Whether the code with index `i` is in the set. */
  has(i: number): boolean {
    return i < 32 ? (this.lo & (1 << i)) !== 0 : (this.hi & (1 << (i - 32))) !== 0;
  }

  /** The codes as a frozen, precedence-sorted array shared by every equal set. */
  toArray(): readonly ChaseReasonCode[] {
    let list = interned.get(this.lo, this.hi, 0);
    if (list === undefined) {
      const codes: ChaseReasonCode[] = [];
      for (let i = 0; i < CHASE_REASON_CODES.length; i++) if (this.has(i)) codes.push(CHASE_REASON_CODES[i] as ChaseReasonCode);
      list = Object.freeze(codes);
      interned.set(this.lo, this.hi, 0, list);
    }
    return list;
  }
}

const interned = new TripleMap<readonly ChaseReasonCode[]>();

function maskBelow(limit: number, word: 0 | 1): number {
  let mask = 0;
  for (let i = word * 32; i < Math.min(limit, word * 32 + 32); i++) mask |= 1 << (i - word * 32);
  return mask;
}

const TERMINAL_MASK_LO = /* @__PURE__ */ maskBelow(FIRST_TRANSIENT, 0);
const TERMINAL_MASK_HI = /* @__PURE__ */ maskBelow(FIRST_TRANSIENT, 1);

import { KefuError } from '../core/errors.ts';
import { toDecimal } from '../core/money.ts';
import { ScratchPool, type Scratch } from '../core/scratch.ts';
import { DAY_MS, MINUTE_MS } from '../core/zone-clock.ts';
import { CHASE_CHANNELS, CHASE_REASONS, CODE_INDEX, ReasonSet, type ChaseChannel, type ChaseReasonCode } from './codes.ts';
import { compilePolicy, type BuyerTime, type ChannelRule, type CompiledPolicy, type LadderRule } from './compile.ts';
import { KINDS, LOG_FAILED, outcomeCode, readPlanInput, type BuyerRec, type LogTable, type OrderTable, type PlanChasesInput, type ReadInput } from './input.ts';
import { KeyIndex, type PairIndex, TripleMap } from './hash.ts';
import { checkPolicy, type ChaseDeadlinePreset, type ChasePolicyInput } from './policy.ts';
import type { AllowedTime, OpenStretch } from './windows.ts';

/**
 * The decision for one channel of one order.
 *
 * - `send`: it may be used now; `reasons` is empty and `nextAllowedAt` is now.
 * - `wait`: not now; `nextAllowedAt` is the earliest instant at which the same input gives `send`
 *   (for `LADDER_PREVIOUS_STEP_PENDING`, assuming the previous step goes out when it is allowed).
 * - `never`: not for this input; `nextAllowedAt` is `null` and a terminal reason says why.
 *
 * Equal channel decisions (same channel, outcome, reasons, instants, step and template) are one
 * shared, frozen object: treat the plan as read-only.
 *
 * @example
 * ```ts
 * const phone: ChaseChannelDecision = planChases(input).decisions[0]!.channels[2]!;
 * if (phone.outcome === 'wait') console.log(phone.reasons, phone.nextAllowedAt);
 * ```
 */
export interface ChaseChannelDecision {
  /** The channel. */
  readonly channel: ChaseChannel;
  /** `send`, `wait` or `never`. */
  readonly outcome: 'send' | 'wait' | 'never';
  /** Why not now: unique codes in precedence order (terminal first); empty exactly when `send`. */
  readonly reasons: readonly ChaseReasonCode[];
  /** Earliest instant it may be used (ISO 8601 in the shop's zone), now when `send`, `null` when `never`. */
  readonly nextAllowedAt: string | null;
  /** When the allowed stretch starting at `nextAllowedAt` ends (a window closes or the close buffer begins): drop the message if it has not gone out by then. */
  readonly windowEndsAt: string | null;
  /** The number this attempt would have on this order and channel (1 for the first). */
  readonly attemptNo: number;
  /** The channel's position in the order's ladder (1-based), or `null` when it is not in it. */
  readonly ladderStep: number | null;
  /** The automatic template for this order and channel, or `null` when the channel is `never`. */
  readonly templateId: string | null;
}

/**
 * The decision for one order: one entry per channel (im, sms, phone), and the buyer group it is
 * deduplicated in (CH-4).
 *
 * @example
 * ```ts
 * const d: ChaseOrderDecision = planChases(input).decisions[0]!;
 * d.eligible; // some channel is `send`
 * ```
 */
export interface ChaseOrderDecision {
  /** The order. */
  readonly orderId: string;
  /** Its buyer. */
  readonly buyerId: string;
  /** Its shop, or `null` when orders carry none. */
  readonly shopId: string | null;
  /** True when some channel is `send`. */
  readonly eligible: boolean;
  /** `send` if a channel is, else `wait` if a channel waits, else `never`. */
  readonly outcome: 'send' | 'wait' | 'never';
  /**
   * Absent when eligible. Otherwise `DEDUPED_SAME_BUYER` when another order is chased for the
   * buyer; else the first reason of the channel that can go soonest; else (nothing can) the first
   * reason of the ladder's first step (of `im` when no ladder applies).
   */
  readonly primaryReason?: ChaseReasonCode | undefined;
  /** The soonest `nextAllowedAt` of the channels, or `null` when all are `never`. */
  readonly nextAllowedAt: string | null;
  /** Per channel, in the order im, sms, phone. */
  readonly channels: readonly ChaseChannelDecision[];
  /** The buyer group: `shopId:buyerId`, or `buyerId` without shops. */
  readonly groupId: string;
  /** The order chased for the group (this one if it is the representative), or `null` when the buyer has no order to chase. */
  readonly representativeOrderId: string | null;
  /** The name of the order's ladder variant, or `null` when none matches. */
  readonly ladder: string | null;
  /** The close time used (CH-2), or `null` when unknown or when the order is paid or closed. */
  readonly deadline: string | null;
  /** Where `deadline` comes from: the order's `autoCloseAt`, its presale balance window, or a policy preset. */
  readonly deadlineSource: 'order' | 'balanceWindow' | 'preset' | null;
  /** Present when the deadline is a preset's estimate: its source and confidence. */
  readonly deadlineEstimate?: Pick<ChaseDeadlinePreset, 'source' | 'confidence'> | undefined;
}

/**
 * A buyer's chaseable orders (unpaid, open, in scope, not suppressed): one representative is
 * chased, the others wait for it (CH-4). The representative closes first (then was placed first,
 * then has the smaller id).
 *
 * @example
 * ```ts
 * const g: ChaseGroup = { groupId: 'tb_lin', representativeOrderId: 'T1001', memberOrderIds: ['T1001', 'T1002'] };
 * ```
 */
export interface ChaseGroup {
  /** `shopId:buyerId`, or `buyerId`. */
  readonly groupId: string;
  /** The order chased. */
  readonly representativeOrderId: string;
  /** The chaseable orders, representative first, in the order they would take over. */
  readonly memberOrderIds: readonly string[];
}

/**
 * What {@link planChases} returns.
 *
 * @example
 * ```ts
 * const plan: ChasePlan = planChases(input);
 * plan.totals.send; // { im: 12, sms: 3, phone: 1 }
 * ```
 */
export interface ChasePlan {
  /** The instant planned for, in the shop's zone. */
  readonly now: string;
  /** The shop's zone. */
  readonly timeZone: string;
  /** One decision per order, in the order of the input: `decisions[i]` is for `orders[i]`. */
  readonly decisions: readonly ChaseOrderDecision[];
  /** The buyer groups with something to chase, sorted by group id. */
  readonly groups: readonly ChaseGroup[];
  /** Counts: orders, eligible orders, `send` per channel, orders that wait, orders that never will. */
  readonly totals: {
    readonly orders: number;
    readonly eligible: number;
    readonly send: Readonly<Record<ChaseChannel, number>>;
    readonly wait: number;
    readonly never: number;
  };
}

/**
 * Decides, for every order and channel (im, sms, phone), whether to chase now, when next, or
 * never, and why: every rule runs and adds its reason codes. Orders of one buyer are
 * deduplicated: one representative per buyer is chased, the others say `DEDUPED_SAME_BUYER`
 * (CH-4). Pure and deterministic: `now` is an input, `decisions[i]` is the decision for
 * `orders[i]`, no decision depends on the order of `orders`, `buyers` or `log`, and the inputs are
 * not modified.
 *
 * The rules: paid or closed orders, orders past their close time (or its buffer) and buyers who
 * paid another order are never chased (CH-1, CH-2, CH-4); nor blacklisted, low-credit or
 * malicious buyers (CH-8), buyers who refused, or orders outside the policy's scope (CH-3). Each
 * channel follows the order's ladder (CH-7) and its windows in the shop's (or recipient's) zone,
 * DST-correct (phone CH-6), with blocked days and Chinese holidays, overlays (US-TCPA, …),
 * consent and opt-out, attempts per order, a gap between attempts, the dedupe window and the
 * buyer's daily cap (CH-5), a quiet chat (CH-8) and a cooldown after a promise to pay.
 *
 * Bad input throws `KefuError` `INVALID_INPUT` naming the field (`orders.3.createdAt`,
 * `policy.channels.phone.windows.0.to`); a holiday calendar asked about an uncovered year throws
 * `CALENDAR_YEAR_UNKNOWN`.
 *
 * @example
 * {@includeCode ../../examples/chase.example.ts#plan}
 */
export function planChases(input: PlanChasesInput, policy?: ChasePolicyInput): ChasePlan {
  const checked = withPolicyPrefix(() => checkPolicy(policy ?? {}, 'planChases'));
  return SCRATCH.run((scratch) => new Planner(compilePolicy(checked), readPlanInput(input, 'planChases', scratch), scratch).run());
}

/** The planner's working arrays, kept from one plan to the next (see core/scratch.ts). */
const SCRATCH = /* @__PURE__ */ new ScratchPool();

function withPolicyPrefix<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof KefuError)) throw error;
    throw new KefuError(
      error.code,
      error.issues.map((issue) => ({ path: issue.path === '' ? 'policy' : `policy.${issue.path}`, message: issue.message })),
      'planChases',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The planner works on typed arrays indexed by order (`i`) and by buyer group (`g`): a million
// orders must cost a few arrays and one output object each, not a dozen objects each.

const NO_BOUND = Number.NEGATIVE_INFINITY;
/** Orders per batch of {@link Planner.touchOrders}: a power of two. */
const BATCH = 32;
/** Most slots of the planner's cache of formatted instants. */
const ISO_CACHE_MAX = 1 << 16;
const I = CODE_INDEX;
const SOURCES = [null, 'order', 'balanceWindow', 'preset'] as const;
/**
 * Terminal codes other than those that only say a channel is unavailable to the buyer (disabled,
 * opted out, no consent, no valid or an expired number): a ladder step that is `never` for one of
 * these is missed, and the later steps with it; a step unavailable for the others is skipped.
 */
const SKIP_BLOCK = /* @__PURE__ */ (() => {
  const set = new ReasonSet();
  for (const code of Object.keys(CHASE_REASONS) as ChaseReasonCode[]) {
    if (CHASE_REASONS[code].kind === 'terminal' && !['CHANNEL_DISABLED', 'OPTED_OUT', 'NO_CONSENT', 'NO_VALID_CONTACT', 'CONTACT_EXPIRED'].includes(code)) set.add(code);
  }
  return set;
})();
const SKIP_BLOCK_LO = SKIP_BLOCK.lo;
const SKIP_BLOCK_HI = SKIP_BLOCK.hi;

/** The outcome of one channel before it becomes an output object. */
interface ChannelResult {
  outcome: 'send' | 'wait' | 'never';
  start: number;
  end: number;
}

// Per-slot layouts of the log statistics (plain arrays, one slot per buyer group, order or phone
// that the log mentions).
const G_REFUSED = 0;
const G_PROMISE = 1;
const G_TODAY = 2;
const G_LAST = 3;
const G_TODAY_BY = 4;
const G_LAST_BY = 7;
const G_SIZE = 10;
const O_COUNT = 0;
const O_LAST = 3;
const O_SIZE = 6;
/** A group's and an order's statistics before any entry: no counts, no instants. */
const G_EMPTY = [0, NO_BOUND, 0, NO_BOUND, 0, 0, 0, NO_BOUND, NO_BOUND, NO_BOUND];
const O_EMPTY = [0, 0, 0, NO_BOUND, NO_BOUND, NO_BOUND];
const REFUSED = /* @__PURE__ */ outcomeCode('refused');
const PROMISED = /* @__PURE__ */ outcomeCode('promised_to_pay');
// The per-group record, 32 bytes: the latest two payments (read as doubles, GR_SIZE per group),
// then the order of the latest, the log slot, the representative order and the buyer facts' index
// (read as 32-bit integers over the same bytes, GI_SIZE per group; -1 when none).
const GR_PAID1 = 0;
const GR_PAID2 = 1;
const GR_SIZE = 4;
const GI_PAID1_ORDER = 4;
const GI_SLOT = 5;
const GI_REP = 6;
const GI_BUYER = 7;
const GI_SIZE = 8;

class Planner {
  private readonly c: CompiledPolicy;
  private readonly t: OrderTable;
  private readonly read: ReadInput;
  private readonly scratch: Scratch;
  private readonly now: number;
  private readonly todayStart: number;
  private readonly tomorrowStart: number;
  private readonly r = new ReasonSet();
  private readonly res: ChannelResult = { outcome: 'never', start: 0, end: 0 };
  private readonly stretch: OpenStretch = { start: 0, end: 0 };
  private readonly out: ChaseChannelDecision[] = new Array<ChaseChannelDecision>(3);
  private readonly at = new Float64Array(3);
  private readonly gate = { pendingAt: NO_BOUND, attemptAt: NO_BOUND, missed: false };
  // A direct-mapped cache of formatted instants (deadlines and window ends repeat across orders),
  // sized by the number of orders: a power of two.
  private readonly isoMask: number;
  private readonly isoKeys: Float64Array;
  private readonly isoTexts: string[];
  private readonly neverIndex = new TripleMap<number>();
  /** Every shared channel decision, by id. */
  private readonly decisionList: ChaseChannelDecision[] = [];
  private readonly openIndex = new TripleMap<TripleMap<number>>();
  private readonly outIds = [-1, -1, -1];
  private readonly triples = new TripleMap<readonly ChaseChannelDecision[]>();
  private readonly settledCache = new TripleMap<readonly ChaseChannelDecision[]>();
  private nowText = '';
  /** The sum of what {@link Planner.touchOrders} loaded (kept so that the loads stay). */
  private touched = 0;
  // Order-level results of the order being looked at (see orderLevel).
  private lower = NO_BOUND;
  private close = 0;
  private source = 0;

  // Per group.
  private readonly groupIndex: PairIndex;
  private readonly groupOf: Int32Array;
  private readonly groupFirst: Int32Array;
  private groupIdText: Array<string | undefined> = [];
  /** Per group, one 32-byte record (see GR_PAID1 …): what a decision needs of its group, in half a cache line. */
  private gr = new Float64Array(0);
  /** The same records, as 32-bit integers. */
  private gi = new Int32Array(0);
  private gStats = new Float64Array(0);
  private readonly history = new Map<number, Array<readonly [number, number]>>();
  private readonly phones = new Map<string, number[]>();
  // Per order.
  private oSlot = new Int32Array(0);
  private oStats = new Float64Array(0);
  private release = new Float64Array(0);
  private oLo = new Int32Array(0);
  private oHi = new Int32Array(0);
  private oLower = new Float64Array(0);
  private oClose = new Float64Array(0);
  private oSource = new Uint8Array(0);
  private groups: ChaseGroup[] = [];

  constructor(c: CompiledPolicy, read: ReadInput, scratch: Scratch) {
    this.c = c;
    this.read = read;
    this.scratch = scratch;
    this.t = read.orders;
    this.now = read.now;
    this.groupIndex = read.groups;
    this.groupOf = read.groups.of;
    this.groupFirst = read.groups.first;
    let slots = 64;
    while (slots < ISO_CACHE_MAX && slots < read.orders.n) slots *= 2;
    this.isoMask = slots - 1;
    this.isoKeys = new Float64Array(slots).fill(Number.NaN);
    this.isoTexts = new Array<string>(slots).fill('');
    const today = c.shop.localDay(read.now);
    this.todayStart = c.shop.dayStart(today);
    this.tomorrowStart = c.shop.dayStart(today + 1);
  }

  run(): ChasePlan {
    const t = this.t;
    this.nowText = this.iso(this.now);
    this.groupOrders();
    this.readLog(this.read.log);
    // decisions[i] is the decision for orders[i]: row-aligned with the input, and no sort.
    const decisions = new Array<ChaseOrderDecision | undefined>(t.n);
    this.pickRepresentatives(decisions);
    const send = { im: 0, sms: 0, phone: 0 };
    let eligible = 0;
    let wait = 0;
    for (let i = 0; i < t.n; i++) {
      let d = decisions[i];
      if (d !== undefined) {
        // A settled order, decided while its group's representative was not known yet.
        const rep = this.repOf(this.groupOf[i] as number);
        if (rep >= 0) (d as { representativeOrderId: string | null }).representativeOrderId = t.id[rep] as string;
        continue;
      }
      d = decisions[i] = this.decide(i);
      if (d.outcome === 'send') {
        eligible++;
        for (let ch = 0; ch < 3; ch++) if ((d.channels[ch] as ChaseChannelDecision).outcome === 'send') send[CHASE_CHANNELS[ch] as ChaseChannel]++;
      } else if (d.outcome === 'wait') wait++;
    }
    return {
      now: this.nowText,
      timeZone: this.c.policy.timeZone,
      decisions: decisions as ChaseOrderDecision[],
      groups: this.groups,
      totals: { orders: t.n, eligible, send, wait, never: t.n - eligible - wait },
    };
  }

  /** Buyer groups (one per shop and buyer) and the latest two payments of each. */
  private groupOrders(): void {
    const t = this.t;
    const index = this.groupIndex;
    const groupOf = this.groupOf;
    const first = this.groupFirst;
    const ng = first.length;
    const { buyers, buyerIds, buyerIndex } = this.read;
    // Only `shopId:buyerId` ids are built (and kept, to build each once); a buyer id is its own.
    if (t.hasShops) this.groupIdText = new Array<string | undefined>(ng);
    const gr = (this.gr = this.scratch.f64(ng * GR_SIZE));
    const gi = (this.gi = new Int32Array(gr.buffer, gr.byteOffset, ng * GI_SIZE));
    for (let g = 0; g < ng; g++) {
      gr[g * GR_SIZE + GR_PAID1] = NO_BOUND;
      gr[g * GR_SIZE + GR_PAID2] = NO_BOUND;
      gi[g * GI_SIZE + GI_PAID1_ORDER] = -1;
      gi[g * GI_SIZE + GI_SLOT] = -1;
      gi[g * GI_SIZE + GI_REP] = -1;
      gi[g * GI_SIZE + GI_BUYER] = -1;
    }
    // Each group's buyer facts. Without shops a buyer has one group: look the buyers up (usually
    // fewer than the groups); with shops, look up each group's buyer.
    if (!t.hasShops) {
      const groupOfBuyer = this.scratch.i32(buyers.length);
      index.findAll(buyerIds, '', groupOfBuyer);
      for (let k = 0; k < buyers.length; k++) {
        const g = groupOfBuyer[k] as number;
        if (g >= 0) gi[g * GI_SIZE + GI_BUYER] = k;
      }
    } else if (buyers.length > 0) {
      for (let g = 0; g < ng; g++) gi[g * GI_SIZE + GI_BUYER] = buyerIndex.find(t.buyer[first[g] as number] as string);
    }
    for (let i = 0; i < t.n; i++) {
      const paid = t.paid[i] as number;
      if (!(paid === paid)) continue;
      const g = groupOf[i] as number;
      const r = g * GR_SIZE;
      if (paid > (gr[r + GR_PAID1] as number)) {
        gr[r + GR_PAID2] = gr[r + GR_PAID1] as number;
        gr[r + GR_PAID1] = paid;
        gi[g * GI_SIZE + GI_PAID1_ORDER] = i;
      } else if (paid > (gr[r + GR_PAID2] as number)) gr[r + GR_PAID2] = paid;
    }
  }

  /**
   * Loads what orders `start` to `end` will read of their group, buyer and log statistics, back to
   * back, before any of them is decided: spread over megabytes, these are cache misses, and loaded
   * this way they overlap instead of queueing behind each order's rules (see hash.ts).
   */
  private touchOrders(start: number, end: number): void {
    const gi = this.gi;
    let sum = 0;
    for (let i = start; i < end; i++) sum ^= gi[(this.groupOf[i] as number) * GI_SIZE + GI_BUYER] as number;
    for (let i = start; i < end; i++) {
      const g = this.groupOf[i] as number;
      const buyer = this.buyerOf(g);
      if (buyer !== undefined) sum ^= buyer.granted;
      const slot = this.logSlot(g);
      if (slot >= 0) sum ^= this.gStats[slot] as number;
      const oSlot = this.oSlot[i] as number;
      if (oSlot >= 0) sum ^= this.oStats[oSlot] as number;
    }
    this.touched ^= sum;
  }

  /** The buyer facts of group `g`, if any. */
  private buyerOf(g: number): BuyerRec | undefined {
    const k = this.gi[g * GI_SIZE + GI_BUYER] as number;
    return k < 0 ? undefined : this.read.buyers[k];
  }

  /** Where group `g`'s log statistics start in `gStats`, or -1 when the log does not name it. */
  private logSlot(g: number): number {
    return this.gi[g * GI_SIZE + GI_SLOT] as number;
  }

  /** The order chased for group `g`, or -1 when it has none (known once representatives are picked). */
  private repOf(g: number): number {
    return this.gi[g * GI_SIZE + GI_REP] as number;
  }

  /** The chase log: attempts per buyer group, per order and per phone; refusals and promises. */
  private readLog(log: LogTable): void {
    const t = this.t;
    const gi = this.gi;
    const oSlot = (this.oSlot = this.scratch.i32(t.n, -1));
    // Statistics slots are handed out as the log names groups and orders, in one pass: at most
    // one per entry.
    const gs = (this.gStats = this.scratch.f64(G_SIZE * Math.min(log.n, this.groupFirst.length)));
    const os = (this.oStats = this.scratch.f64(O_SIZE * Math.min(log.n, t.n)));
    let groupSlots = 0;
    let orderSlots = 0;
    const byPhone = this.c.policy.dedupe.key !== 'buyer';
    for (let k = 0; k < log.n; k++) {
      const o = log.order[k] as number;
      const g = log.group[k] as number;
      const ch = log.channel[k] as number;
      const at = log.at[k] as number;
      const failed = log.state[k] === LOG_FAILED;
      const outcome = log.outcome[k] as number;
      const today = at >= this.todayStart;
      if (g >= 0) {
        let s = gi[g * GI_SIZE + GI_SLOT] as number;
        if (s < 0) {
          s = gi[g * GI_SIZE + GI_SLOT] = G_SIZE * groupSlots++;
          gs.set(G_EMPTY, s);
        }
        if (outcome === REFUSED) gs[s + G_REFUSED] = 1;
        if (outcome === PROMISED && at > (gs[s + G_PROMISE] as number)) gs[s + G_PROMISE] = at;
        if (!failed) {
          if (today) {
            gs[s + G_TODAY] = (gs[s + G_TODAY] as number) + 1;
            gs[s + G_TODAY_BY + ch] = (gs[s + G_TODAY_BY + ch] as number) + 1;
          }
          if (at > (gs[s + G_LAST] as number)) gs[s + G_LAST] = at;
          if (at > (gs[s + G_LAST_BY + ch] as number)) gs[s + G_LAST_BY + ch] = at;
          if (this.c.hasOverlayCaps) {
            let list = this.history.get(g);
            if (list === undefined) this.history.set(g, (list = []));
            list.push([at, ch]);
          }
        }
      }
      if (failed) continue;
      if (o >= 0) {
        let s = oSlot[o] as number;
        if (s < 0) {
          s = oSlot[o] = O_SIZE * orderSlots++;
          os.set(O_EMPTY, s);
        }
        os[s + O_COUNT + ch] = (os[s + O_COUNT + ch] as number) + 1;
        if (at > (os[s + O_LAST + ch] as number)) os[s + O_LAST + ch] = at;
      }
      const phone = byPhone ? (log.phoneHash[k] ?? (o >= 0 ? t.phoneHash(o) : undefined)) : undefined;
      if (phone !== undefined) {
        let p = this.phones.get(phone);
        if (p === undefined) this.phones.set(phone, (p = [0, NO_BOUND, 0, 0, 0, NO_BOUND, NO_BOUND, NO_BOUND]));
        if (today) {
          p[0] = (p[0] as number) + 1;
          p[2 + ch] = (p[2 + ch] as number) + 1;
        }
        if (at > (p[1] as number)) p[1] = at;
        if (at > (p[5 + ch] as number)) p[5 + ch] = at;
      }
    }
  }

  /**
   * The order's own reasons (state, buyer, scope) into `this.r`, its order-wide lower bound into
   * `this.lower`, its close time and the close time's source into `this.close` and `this.source`.
   */
  private orderLevel(i: number): void {
    const c = this.c;
    const policy = c.policy;
    const t = this.t;
    const now = this.now;
    const g = this.groupOf[i] as number;
    const gr = this.gr;
    const rec = g * GR_SIZE;
    const buyer = this.buyerOf(g);
    const r = this.r;
    r.lo = 0;
    r.hi = 0;
    let lower = NO_BOUND;
    const created = t.created[i] as number;
    const paid = t.paid[i] as number;
    const hasExtra = (t.extra[i] as number) >= 0;
    const kind = KINDS[t.kind[i] as number] as (typeof KINDS)[number];
    const settled = paid === paid || (hasExtra && !Number.isNaN(t.closed(i)));
    if (paid === paid) r.bit(I.ORDER_PAID);
    if (hasExtra && !Number.isNaN(t.closed(i))) r.bit(I.ORDER_CLOSED);
    // The close time: the order's, the balance window's end, or a preset.
    let close = Number.POSITIVE_INFINITY;
    let source = 0;
    const autoClose = t.autoClose[i] as number;
    if (autoClose === autoClose) {
      close = autoClose;
      source = 1;
    }
    const balEnd = hasExtra ? t.balEnd(i) : Number.NaN;
    if (balEnd === balEnd && balEnd < close) {
      close = balEnd;
      source = 2;
    }
    if (source === 0) {
      const preset = policy.deadlinePresets[kind];
      if (preset !== undefined) {
        close = created + preset.minutes * MINUTE_MS;
        source = 3;
      } else if (policy.requireKnownDeadline && !settled) r.bit(I.DEADLINE_UNKNOWN);
    }
    // A paid or closed order has no payment deadline left to miss.
    if (now >= close && !settled) r.bit(source === 2 ? I.BALANCE_WINDOW_CLOSED : I.PAST_AUTO_CLOSE);
    if (hasExtra) {
      const balStart = t.balStart(i);
      if (balStart === balStart) {
        if (balStart > now) r.bit(I.BALANCE_WINDOW_NOT_OPEN);
        if (balStart > lower) lower = balStart;
      }
      const paying = t.paying(i);
      if (paying === paying && !(paid === paid)) {
        const until = paying + policy.payingGraceMinutes * MINUTE_MS;
        if (until > now) r.bit(I.ORDER_PAYING);
        if (until > lower) lower = until;
      }
    }
    // CH-4: another order of the buyer paid since the look-back before this one was placed.
    const otherPaid = this.gi[g * GI_SIZE + GI_PAID1_ORDER] === i ? (gr[rec + GR_PAID2] as number) : (gr[rec + GR_PAID1] as number);
    if (otherPaid !== NO_BOUND) {
      const lookback = policy.paidOtherOrderLookback;
      const threshold = lookback.kind === 'rolling' ? created - lookback.minutes * MINUTE_MS : c.shop.dayStart(c.shop.localDay(created) - lookback.days);
      if (otherPaid >= threshold) r.bit(I.BUYER_PAID_OTHER_ORDER);
    }
    // CH-8, chats, refusals and promises.
    if (buyer !== undefined) {
      if (buyer.blacklisted) r.bit(I.BLACKLISTED);
      if (policy.minCreditLevel !== null && buyer.creditLevel !== undefined && buyer.creditLevel < policy.minCreditLevel) r.bit(I.LOW_CREDIT);
      if (policy.blockSuspectedMalicious && buyer.suspectedMalicious) r.bit(I.SUSPECTED_MALICIOUS);
      if (buyer.lastChat !== undefined) {
        const until = buyer.lastChat + policy.chatSilenceMinutes * MINUTE_MS;
        if (until > now) r.bit(I.CHAT_ACTIVE);
        if (until > lower) lower = until;
      }
    }
    const slot = this.logSlot(g);
    if (slot >= 0) {
      if (policy.stopAfterRefusal && this.gStats[slot + G_REFUSED] === 1) r.bit(I.BUYER_REFUSED);
      const promise = this.gStats[slot + G_PROMISE] as number;
      if (promise !== NO_BOUND) {
        const until = promise + policy.promisedToPayCooldownMinutes * MINUTE_MS;
        if (until > now) r.bit(I.PROMISED_TO_PAY_COOLDOWN);
        if (until > lower) lower = until;
      }
    }
    if (c.hasScope) this.scope(i, kind, buyer);
    this.lower = lower;
    this.close = close;
    this.source = source;
  }

  /** CH-3: the policy's scope. */
  private scope(i: number, kind: (typeof KINDS)[number], buyer: BuyerRec | undefined): void {
    const s = this.c.scope;
    const t = this.t;
    const r = this.r;
    if (s.kinds !== undefined && !s.kinds.has(kind)) r.bit(I.OUT_OF_SCOPE_KIND);
    if (s.minAmount !== undefined || s.maxAmount !== undefined) {
      const raw = t.amount(i);
      const amount = raw === undefined ? undefined : toDecimal(raw);
      if (amount === undefined || (s.minAmount !== undefined && amount.lt(s.minAmount)) || (s.maxAmount !== undefined && amount.gt(s.maxAmount))) {
        r.bit(I.AMOUNT_OUT_OF_RANGE);
      }
    }
    const { minItemCount, maxItemCount } = this.c.policy.scope;
    if (minItemCount !== undefined || maxItemCount !== undefined) {
      const n = t.itemCount(i);
      if (n === undefined || (minItemCount !== undefined && n < minItemCount) || (maxItemCount !== undefined && n > maxItemCount)) r.bit(I.ITEM_COUNT_OUT_OF_RANGE);
    }
    const items = t.itemIds(i);
    if (s.excludeItems !== undefined && items.some((item) => s.excludeItems?.has(item))) r.bit(I.ITEM_EXCLUDED);
    if (s.includeItems !== undefined && !items.some((item) => s.includeItems?.has(item))) r.bit(I.ITEM_NOT_INCLUDED);
    if (s.includePromos !== undefined && !t.promoIds(i).some((promo) => s.includePromos?.has(promo))) r.bit(I.PROMO_NOT_INCLUDED);
    const region = t.region(i);
    const inRegion = (set: ReadonlySet<string>): boolean =>
      (region?.province !== undefined && set.has(region.province)) || (region?.city !== undefined && set.has(region.city));
    if ((s.includeRegions !== undefined && !inRegion(s.includeRegions)) || (s.excludeRegions !== undefined && inRegion(s.excludeRegions))) r.bit(I.REGION_EXCLUDED);
    const source = t.source(i);
    if (s.sources !== undefined && (source === undefined || !s.sources.has(source))) r.bit(I.SOURCE_EXCLUDED);
    if (s.sellerFlags !== undefined && !s.sellerFlags.has(t.sellerFlag(i))) r.bit(I.SELLER_FLAG_EXCLUDED);
    if (s.memberTiers !== undefined && (buyer?.memberTier === undefined || !s.memberTiers.has(buyer.memberTier))) r.bit(I.TIER_EXCLUDED);
    const created = t.created[i] as number;
    if ((s.createdFrom !== undefined && created < s.createdFrom) || (s.createdTo !== undefined && created >= s.createdTo)) r.bit(I.CREATED_OUTSIDE_TASK_RANGE);
  }

  /**
   * CH-4: per buyer, the order that closes first is chased; each other waits until those before it
   * have closed. Settled orders are decided on the way, into `decisions`.
   */
  private pickRepresentatives(decisions: Array<ChaseOrderDecision | undefined>): void {
    const t = this.t;
    const scratch = this.scratch;
    // The orders still to chase, in input order.
    const ids = scratch.i32(t.n);
    let candidateCount = 0;
    this.oLo = scratch.i32(t.n);
    this.oHi = scratch.i32(t.n);
    this.oLower = scratch.f64(t.n);
    this.oClose = scratch.f64(t.n);
    this.oSource = scratch.u8(t.n);
    for (let i = 0; i < t.n; i++) {
      if ((i & (BATCH - 1)) === 0) this.touchOrders(i, Math.min(i + BATCH, t.n));
      this.orderLevel(i);
      this.oLo[i] = this.r.lo;
      this.oHi[i] = this.r.hi;
      this.oLower[i] = this.lower;
      this.oClose[i] = this.close;
      this.oSource[i] = this.source;
      // A settled order is decided now, while its group and buyer are in cache; only its
      // representativeOrderId waits for the groups (run() fills it in).
      if (this.r.hasTerminal()) {
        decisions[i] = this.decide(i);
        continue;
      }
      ids[candidateCount++] = i;
    }
    // Candidates bucketed by group (a counting sort: groups are dense numbers), then each bucket,
    // nearly always one or two orders, in takeover order: close, then placed, then id.
    const groupOf = this.groupOf;
    const ng = this.groupFirst.length;
    const bucketStart = scratch.i32(ng + 1);
    for (let p = 0; p < candidateCount; p++) {
      const g = (groupOf[ids[p] as number] as number) + 1;
      bucketStart[g] = (bucketStart[g] as number) + 1;
    }
    for (let g = 0; g < ng; g++) bucketStart[g + 1] = (bucketStart[g + 1] as number) + (bucketStart[g] as number);
    const fill = scratch.i32(ng);
    fill.set(bucketStart.subarray(0, ng));
    const candidates = scratch.i32(candidateCount);
    const sortedCloses = scratch.f64(candidateCount);
    for (let p = 0; p < candidateCount; p++) {
      const i = ids[p] as number;
      const g = groupOf[i] as number;
      const at = fill[g] as number;
      fill[g] = at + 1;
      // Insertion into the bucket's sorted prefix.
      let k = at;
      const close = this.oClose[i] as number;
      while (k > (bucketStart[g] as number) && this.takesOverAfter(candidates[k - 1] as number, sortedCloses[k - 1] as number, i, close)) {
        candidates[k] = candidates[k - 1] as number;
        sortedCloses[k] = sortedCloses[k - 1] as number;
        k--;
      }
      candidates[k] = i;
      sortedCloses[k] = close;
    }
    this.release = scratch.f64(t.n, NO_BOUND);
    const groups: ChaseGroup[] = [];
    for (let k = 0; k < candidates.length; ) {
      const g = groupOf[candidates[k] as number] as number;
      const members: string[] = [];
      let end = k;
      for (; end < candidates.length && groupOf[candidates[end] as number] === g; end++) {
        const i = candidates[end] as number;
        members.push(t.id[i] as string);
        if (end > k) this.release[i] = sortedCloses[end - 1] as number;
      }
      this.gi[g * GI_SIZE + GI_REP] = candidates[k] as number;
      groups.push({ groupId: this.groupId(g), representativeOrderId: members[0] as string, memberOrderIds: members });
      k = end;
    }
    this.groups = sortedByGroupId(groups, scratch);
  }

  /** Whether order `a` (closing at `closeA`) comes after order `b` among a buyer's chaseable orders. */
  private takesOverAfter(a: number, closeA: number, b: number, closeB: number): boolean {
    if (closeA !== closeB) return closeA > closeB;
    const t = this.t;
    const d = (t.created[a] as number) - (t.created[b] as number);
    if (d !== 0) return d > 0;
    return (t.id[a] as string) > (t.id[b] as string);
  }

  private groupId(g: number): string {
    const i = this.groupFirst[g] as number;
    const shop = this.t.shop[i] as string;
    if (shop === '') return this.t.buyer[i] as string;
    let text = this.groupIdText[g];
    if (text === undefined) this.groupIdText[g] = text = `${shop}:${this.t.buyer[i] as string}`;
    return text;
  }

  /** The text of the order's deadline (`this.close`, from `source`): the order's own `autoCloseAt` text when it is already what formatting would give. */
  private deadlineText(i: number, source: number): string {
    const t = this.t;
    const text = t.autoCloseText[i];
    if (source === 1 && text !== undefined && (t.autoCloseOffset[i] as number) * MINUTE_MS === this.c.shop.offset(this.close)) return text;
    return this.iso(this.close);
  }

  /** ISO text of an instant, through the cache. */
  private iso(epochMs: number): string {
    // One probe; a collision just formats again.
    const slot = (Math.imul(epochMs / 1000, -1_640_531_535) >>> 16) & this.isoMask;
    if (this.isoKeys[slot] === epochMs) return this.isoTexts[slot] as string;
    const text = this.c.shop.format(epochMs);
    this.isoKeys[slot] = epochMs;
    this.isoTexts[slot] = text;
    return text;
  }

  /** The index of the order's ladder variant, or -1 when none matches. */
  private ladderIndex(i: number, buyer: BuyerRec | undefined): number {
    const t = this.t;
    const ladder = this.c.ladder;
    for (let k = 0; k < ladder.length; k++) {
      const rung = ladder[k] as LadderRule;
      if (rung.firstTime !== undefined && rung.firstTime !== (buyer?.firstTime ?? false)) continue;
      if ((rung.kindMask & (1 << (t.kind[i] as number))) === 0) continue;
      if (rung.minAmount !== undefined) {
        const amount = t.amount(i);
        if (amount === undefined || toDecimal(amount).lt(rung.minAmount)) continue;
      }
      return k;
    }
    return -1;
  }

  /** Every channel, in ladder order, then the order's summary. */
  private decide(i: number): ChaseOrderDecision {
    const c = this.c;
    const t = this.t;
    const g = this.groupOf[i] as number;
    const buyer = this.buyerOf(g);
    const rungIndex = this.ladderIndex(i, buyer);
    const rung = rungIndex < 0 ? undefined : c.ladder[rungIndex];
    const r = this.r;
    const orderLo = this.oLo[i] as number;
    const orderHi = this.oHi[i] as number;
    this.lower = this.oLower[i] as number;
    this.close = this.oClose[i] as number;
    this.source = this.oSource[i] as number;
    r.lo = orderLo;
    r.hi = orderHi;
    const settled = r.hasTerminal();
    const oSlot = this.oSlot[i] as number;
    // A settled order's channels depend on a few facts only (the order's reasons, its ladder, the
    // buyer's consent and opt-outs, the number, the attempts): most orders of a plan share them.
    let key = -1;
    if (settled) {
      key = this.settledKey(i, rungIndex, buyer, oSlot);
      const cached = key < 0 ? undefined : this.settledCache.get(orderLo, orderHi, key);
      if (cached !== undefined) return this.summary(i, g, rung, settled, cached, NEVER_AT);
    }
    const time = c.buyerTime(buyer);
    const out = this.out;
    const at = this.at;
    // What the earlier ladder steps mean for the next one (CH-7): the latest instant an earlier step
    // that can still go is expected to go; the last attempt of the step just before (skipped steps
    // aside); whether an earlier step can no longer go at all.
    const gate = this.gate;
    gate.pendingAt = NO_BOUND;
    gate.attemptAt = NO_BOUND;
    gate.missed = false;
    const steps = rung?.steps ?? NO_STEPS;
    let done = 0;
    for (let k = 0; k <= steps.length; k++) {
      const step = steps[k];
      for (let ch = 0; ch < 3; ch++) {
        if (step === undefined ? (done & (1 << ch)) !== 0 : step.channel !== ch) continue;
        done |= 1 << ch;
        r.lo = orderLo;
        r.hi = orderHi;
        const count = oSlot < 0 ? 0 : (this.oStats[oSlot + O_COUNT + ch] as number);
        const last = oSlot < 0 ? NO_BOUND : (this.oStats[oSlot + O_LAST + ch] as number);
        const res = this.channel(i, g, ch, step, settled, time, count, last);
        if (step !== undefined) {
          if (res.outcome !== 'never') {
            if (res.start > gate.pendingAt) gate.pendingAt = res.start;
            gate.attemptAt = count > 0 ? last : NO_BOUND;
          } else if (count > 0) gate.attemptAt = last;
          else if (((r.lo & SKIP_BLOCK_LO) | (r.hi & SKIP_BLOCK_HI)) !== 0) gate.missed = true;
        }
        const ladderStep = step === undefined ? 0 : k + 1;
        if (res.outcome === 'never') {
          at[ch] = Number.POSITIVE_INFINITY;
          out[ch] = this.never(ch, ladderStep, count + 1);
        } else {
          at[ch] = res.start;
          out[ch] = this.open(ch, ladderStep, count + 1, res, c.template(ch, t, i));
        }
      }
    }
    const channels = this.sharedTriple();
    if (key >= 0) this.settledCache.set(orderLo, orderHi, key, channels);
    return this.summary(i, g, rung, settled, channels, at);
  }

  /**
   * The facts besides the order's reasons that decide a settled order's channels, packed into one
   * integer (ladder, consent, opt-outs, the number, attempts per channel), or -1 when an attempt
   * count is too large to pack.
   */
  private settledKey(i: number, rungIndex: number, buyer: BuyerRec | undefined, oSlot: number): number {
    let key = rungIndex < 0 ? 31 : Math.min(rungIndex, 30);
    if (buyer !== undefined) key |= (buyer.granted << 5) | (buyer.denied << 8) | (buyer.optedOutMask << 11);
    if (this.t.phoneValid[i] === 0) key |= 1 << 14;
    if ((this.t.extra[i] as number) >= 0 && this.t.phoneExpires(i) <= this.now) key |= 1 << 15;
    if (oSlot >= 0) {
      for (let ch = 0; ch < 3; ch++) {
        const count = this.oStats[oSlot + O_COUNT + ch] as number;
        if (count > 7) return -1;
        key |= count << (16 + 3 * ch);
      }
    }
    return key;
  }

  /** One channel: its reasons into `this.r`, its outcome and instants into `this.res`. */
  private channel(
    i: number,
    g: number,
    ch: number,
    step: LadderRule['steps'][number] | undefined,
    settled: boolean,
    time: BuyerTime,
    count: number,
    last: number,
  ): ChannelResult {
    const c = this.c;
    const t = this.t;
    const now = this.now;
    const r = this.r;
    const res = this.res;
    const rule = c.rules[ch] as ChannelRule;
    const buyer = this.buyerOf(g);
    // Availability of the channel to this buyer.
    if (!rule.enabled) r.bit(I.CHANNEL_DISABLED);
    if (step === undefined) r.bit(I.CHANNEL_NOT_IN_LADDER);
    if (buyer !== undefined) {
      const bit = 1 << ch;
      if ((buyer.denied & bit) !== 0 || (rule.requireConsent && (buyer.granted & bit) === 0)) r.bit(I.NO_CONSENT);
      if ((buyer.optedOutMask & bit) !== 0) r.bit(I.OPTED_OUT);
    } else if (rule.requireConsent) r.bit(I.NO_CONSENT);
    const usesPhone = ch !== 0;
    const expires = usesPhone && (t.extra[i] as number) >= 0 ? t.phoneExpires(i) : Number.NaN;
    if (usesPhone && t.phoneValid[i] === 0) r.bit(I.NO_VALID_CONTACT);
    if (expires <= now) r.bit(I.CONTACT_EXPIRED);
    if (count >= rule.maxAttempts) r.bit(I.MAX_ATTEMPTS_REACHED);
    const gate = this.gate;
    if (!settled && step !== undefined && gate.missed) r.bit(I.LADDER_PREVIOUS_STEP_MISSED);
    res.outcome = 'never';
    // A channel that is out for good reports why; the timing rules below could not change that.
    if (settled || r.hasTerminal()) return res;
    // Lower bounds: the earliest instant each rule allows.
    let lower = this.lower;
    const release = this.release[i] as number;
    if (release !== NO_BOUND) {
      if (release > now) r.bit(I.DEDUPED_SAME_BUYER);
      if (release > lower) lower = release;
    }
    let due = now;
    if (step !== undefined) {
      const balStart = (t.extra[i] as number) >= 0 ? t.balStart(i) : Number.NaN;
      due = (balStart > (t.created[i] as number) ? balStart : (t.created[i] as number)) + step.delay;
      if (due > now) r.bit(I.TOO_EARLY);
      if (due > lower) lower = due;
      if (gate.pendingAt !== NO_BOUND) {
        // An earlier step can still go: this one comes after it (a projection, see CHASE_REASONS).
        r.bit(I.LADDER_PREVIOUS_STEP_PENDING);
        if (gate.pendingAt + step.after > lower) lower = gate.pendingAt + step.after;
      }
      if (gate.attemptAt !== NO_BOUND) {
        const until = gate.attemptAt + step.after;
        if (until > now) r.bit(I.LADDER_GAP_NOT_ELAPSED);
        if (until > lower) lower = until;
      }
    }
    if (last !== NO_BOUND) {
      const until = last + rule.minGapMs;
      if (until > now) r.bit(I.MIN_GAP_NOT_ELAPSED);
      if (until > lower) lower = until;
    }
    const dedupe = this.dedupeBound(i, g, ch);
    if (dedupe > now) r.bit(I.DEDUPE_WINDOW_ACTIVE);
    if (dedupe > lower) lower = dedupe;
    const cap = c.policy.buyerDailyCap;
    const slot = this.logSlot(g);
    if (cap !== null && slot >= 0 && (this.gStats[slot + G_TODAY] as number) >= cap) {
      r.bit(I.BUYER_DAILY_CAP);
      if (this.tomorrowStart > lower) lower = this.tomorrowStart;
    }
    const caps = time.caps[ch] as BuyerTime['caps'][number];
    if (caps.length > 0) {
      const history = this.history.get(g) ?? [];
      for (const [capChannels, max] of caps) {
        const times = history.filter(([, hc]) => capChannels.has(hc)).map(([a]) => a);
        if (times.length < max) continue;
        times.sort((a, b) => b - a);
        const until = (times[max - 1] as number) + DAY_MS;
        if (until > now) r.bit(I.OVERLAY_CAP);
        if (until > lower) lower = until;
      }
    }
    // Whether now itself is inside the allowed time.
    const allowed = time.allowed[ch] as AllowedTime;
    const closed = allowed.closedAt(now);
    if (closed.blockedDay) r.bit(I.BLOCKED_DAY);
    if (closed.outsideWindow) r.bit(I.OUTSIDE_WINDOW);
    if (closed.outsideOverlay) r.bit(I.OUTSIDE_OVERLAY_WINDOW);
    // Upper bounds: from each, the rule forbids every later instant.
    const horizon = c.policy.horizonDays * DAY_MS;
    const from = Math.max(lower, now);
    let upper = from + horizon;
    let upperCode = I.NO_WINDOW_IN_HORIZON;
    const close = this.close - rule.closeBufferMs;
    if (close < upper) {
      upper = close;
      upperCode = I.NO_WINDOW_BEFORE_DEADLINE;
    }
    if (expires < upper) {
      upper = expires;
      upperCode = I.NO_WINDOW_BEFORE_CONTACT_EXPIRY;
    }
    const stretch = this.stretch;
    if (step !== undefined && (rule.drop || rule.latenessMs === rule.latenessMs)) {
      const found = allowed.nextInto(due, due + horizon, stretch);
      if (rule.latenessMs === rule.latenessMs) {
        const limit = found ? stretch.start + rule.latenessMs : due;
        if (limit < upper) {
          upper = limit;
          upperCode = I.MAX_LATENESS_EXCEEDED;
        }
      }
      if (rule.drop) {
        const limit = found && stretch.start === due ? stretch.end : due;
        if (limit < upper) {
          upper = limit;
          upperCode = I.OUTSIDE_WINDOW_DROPPED;
        }
      }
    }
    if (!(from < upper && allowed.nextInto(from, upper, stretch))) {
      r.bit(upperCode);
      return res;
    }
    res.start = stretch.start;
    res.end = stretch.end;
    res.outcome = stretch.start === now && r.isEmpty() ? 'send' : 'wait';
    if ((res.outcome === 'send') !== r.isEmpty() || (res.outcome === 'wait' && stretch.start === now && !r.has(I.LADDER_PREVIOUS_STEP_PENDING))) {
      throw new Error(`planChases: kefu internal error: order ${t.id[i] as string} ${rule.name}: reasons and timing disagree`);
    }
    return res;
  }

  /** The dedupe window's end for this channel (CH-4, CH-5), or `-∞`. */
  private dedupeBound(i: number, g: number, ch: number): number {
    const d = this.c.policy.dedupe;
    let result = NO_BOUND;
    const phone = d.key === 'buyer' ? undefined : this.t.phoneHash(i);
    if (d.key !== 'phone' || phone === undefined) {
      const slot = this.logSlot(g);
      if (slot >= 0) result = this.windowEnd(this.gStats, slot + G_TODAY, slot + G_LAST, slot + G_TODAY_BY + ch, slot + G_LAST_BY + ch);
    }
    const p = phone === undefined ? undefined : this.phones.get(phone);
    if (p !== undefined) result = Math.max(result, this.windowEnd(p, 0, 1, 2 + ch, 5 + ch));
    return result;
  }

  /** The dedupe window's end from counts and last instants at the given positions of `stats`. */
  private windowEnd(stats: ArrayLike<number>, today: number, last: number, todayBy: number, lastBy: number): number {
    const d = this.c.policy.dedupe;
    const perChannel = d.scope === 'perChannel';
    if (d.window.kind === 'calendarDay') return (stats[perChannel ? todayBy : today] as number) > 0 ? this.tomorrowStart : NO_BOUND;
    const at = stats[perChannel ? lastBy : last] as number;
    return at === NO_BOUND ? NO_BOUND : at + d.window.minutes * MINUTE_MS;
  }

  /** A shared, frozen `never` decision for this channel, reasons, step and attempt number (its id into `outIds`). */
  private never(ch: number, ladderStep: number, attemptNo: number): ChaseChannelDecision {
    const r = this.r;
    const small = attemptNo * 16 + ladderStep * 4 + ch;
    let id = this.neverIndex.get(r.lo, r.hi, small);
    if (id === undefined) {
      id = this.decisionList.length;
      this.decisionList.push(
        Object.freeze({
          channel: CHASE_CHANNELS[ch] as ChaseChannel,
          outcome: 'never' as const,
          reasons: r.toArray(),
          nextAllowedAt: null,
          windowEndsAt: null,
          attemptNo,
          ladderStep: ladderStep === 0 ? null : ladderStep,
          templateId: null,
        }),
      );
      this.neverIndex.set(r.lo, r.hi, small, id);
    }
    this.outIds[ch] = id;
    return this.decisionList[id] as ChaseChannelDecision;
  }

  /**
   * A `send` or `wait` decision. Many orders share one (the same reasons, instants, step and
   * template: an IM that may go now until 02:00, an SMS at 09:00), so equal ones are made once and
   * frozen; the id goes into `outIds` (-1 when the decision is not shared).
   */
  private open(ch: number, ladderStep: number, attemptNo: number, res: ChannelResult, templateId: string | null): ChaseChannelDecision {
    const r = this.r;
    const start = res.start - this.now;
    const end = res.end - this.now;
    // Offsets from now as 32-bit integers (24 days either way); anything else is not shared.
    if (attemptNo > 1000 || (start | 0) !== start || (end | 0) !== end) {
      this.outIds[ch] = -1;
      return this.makeOpen(ch, ladderStep, attemptNo, res, templateId);
    }
    const small = ((attemptNo * 4 + (ladderStep & 3)) * 4 + ch) * 2 + (res.outcome === 'send' ? 1 : 0);
    let byTime = this.openIndex.get(r.lo, r.hi, small);
    if (byTime === undefined) this.openIndex.set(r.lo, r.hi, small, (byTime = new TripleMap<number>()));
    const template = templateId === null ? -1 : this.c.templateIndex(templateId);
    let id = byTime.get(start, end, template);
    if (id === undefined) {
      id = this.decisionList.length;
      this.decisionList.push(Object.freeze(this.makeOpen(ch, ladderStep, attemptNo, res, templateId)));
      byTime.set(start, end, template, id);
    }
    this.outIds[ch] = id;
    return this.decisionList[id] as ChaseChannelDecision;
  }

  private makeOpen(ch: number, ladderStep: number, attemptNo: number, res: ChannelResult, templateId: string | null): ChaseChannelDecision {
    return {
      channel: CHASE_CHANNELS[ch] as ChaseChannel,
      outcome: res.outcome,
      reasons: this.r.toArray(),
      nextAllowedAt: res.start === this.now ? this.nowText : this.iso(res.start),
      windowEndsAt: this.iso(res.end),
      attemptNo,
      ladderStep: ladderStep === 0 ? null : ladderStep,
      templateId,
    };
  }

  /** The three decisions just made, as a shared, frozen array when all three are shared. */
  private sharedTriple(): readonly ChaseChannelDecision[] {
    const ids = this.outIds;
    if ((ids[0] as number) < 0 || (ids[1] as number) < 0 || (ids[2] as number) < 0) return [this.out[0] as ChaseChannelDecision, this.out[1] as ChaseChannelDecision, this.out[2] as ChaseChannelDecision];
    let list = this.triples.get(ids[0] as number, ids[1] as number, ids[2] as number);
    if (list === undefined) {
      list = Object.freeze([this.out[0] as ChaseChannelDecision, this.out[1] as ChaseChannelDecision, this.out[2] as ChaseChannelDecision]);
      this.triples.set(ids[0] as number, ids[1] as number, ids[2] as number, list);
    }
    return list;
  }

  private summary(i: number, g: number, rung: LadderRule | undefined, settled: boolean, out: readonly ChaseChannelDecision[], at: ArrayLike<number>): ChaseOrderDecision {
    const t = this.t;
    let outcome: ChaseOrderDecision['outcome'] = 'never';
    let soonest = -1;
    for (let ch = 0; ch < 3; ch++) {
      const o = (out[ch] as ChaseChannelDecision).outcome;
      if (o === 'send') outcome = 'send';
      else if (o === 'wait' && outcome !== 'send') outcome = 'wait';
      if (o !== 'never' && (soonest < 0 || (at[ch] as number) < (at[soonest] as number))) soonest = ch;
    }
    const rep = this.repOf(g);
    let primaryReason: ChaseReasonCode | undefined;
    if (outcome !== 'send') {
      if (rep >= 0 && rep !== i && !settled) primaryReason = 'DEDUPED_SAME_BUYER';
      else if (soonest >= 0) primaryReason = (out[soonest] as ChaseChannelDecision).reasons[0];
      else primaryReason = (out[rung?.steps[0]?.channel ?? 0] as ChaseChannelDecision).reasons[0];
    }
    const paid = t.paid[i] as number;
    const source = paid === paid || ((t.extra[i] as number) >= 0 && !Number.isNaN(t.closed(i))) ? 0 : this.source;
    const shop = t.shop[i] as string;
    const preset = source === 3 ? this.c.policy.deadlinePresets[KINDS[t.kind[i] as number] as (typeof KINDS)[number]] : undefined;
    // One object shape for every decision: optional fields are present as `undefined` (JSON drops them).
    return {
      orderId: t.id[i] as string,
      buyerId: t.buyer[i] as string,
      shopId: shop === '' ? null : shop,
      eligible: outcome === 'send',
      outcome,
      primaryReason,
      nextAllowedAt: soonest < 0 ? null : (out[soonest] as ChaseChannelDecision).nextAllowedAt,
      channels: out,
      groupId: shop === '' ? (t.buyer[i] as string) : this.groupId(g),
      representativeOrderId: rep < 0 ? null : (t.id[rep] as string),
      ladder: rung?.name ?? null,
      deadline: source === 0 ? null : this.deadlineText(i, source),
      deadlineSource: SOURCES[source] as ChaseOrderDecision['deadlineSource'],
      deadlineEstimate: preset === undefined ? undefined : { source: preset.source, confidence: preset.confidence },
    };
  }
}

/**
 * `groups` sorted by group id, ties in their order. The ids are sorted alone, with the built-in
 * string order (UTF-16 code units, as `<`), and the groups found again through a hash index:
 * measured about twice as fast as sorting the groups with a comparator, which reads each group
 * object on every comparison. Two groups share an id only when orders without a shop and orders
 * with one are mixed (buyer `s1:lin` of no shop, buyer `lin` of shop `s1`); then the comparator
 * sorts them.
 */
function sortedByGroupId(groups: readonly ChaseGroup[], scratch: Scratch): ChaseGroup[] {
  const groupIds = groups.map((g) => g.groupId);
  let shared = false;
  const index = KeyIndex.of(groupIds, () => (shared = true), scratch);
  if (shared) return groups.slice().sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  const sortedIds = groupIds.slice().sort();
  const at = scratch.i32(sortedIds.length);
  index.findAll(sortedIds, at);
  const sorted = new Array<ChaseGroup>(groups.length);
  for (let k = 0; k < sorted.length; k++) sorted[k] = groups[at[k] as number] as ChaseGroup;
  return sorted;
}

const NO_STEPS: LadderRule['steps'] = [];
const NEVER_AT: readonly number[] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];

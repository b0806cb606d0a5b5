// A checked policy turned into the lookup structures the planner uses for every order. Compiled
// policies (with their window caches) are kept per policy object, so re-planning with the same
// policy, as a simulator or a scheduler does, reuses them.
import type { Dec } from '../core/decimal.ts';
import { isHoliday, isWorkday } from '../calendar/index.ts';
import { KefuError } from '../core/errors.ts';
import { toDecimal } from '../core/money.ts';
import { toEpochMs } from '../core/time.ts';
import { dayOfDate, formatDay } from '../core/civil-day.ts';
import { ZoneClock } from '../core/zone-clock.ts';
import { CHASE_CHANNELS, type ChaseChannel } from './codes.ts';
import type { BuyerRec, OrderTable } from './input.ts';
import { CHASE_ORDER_KINDS, CHASE_OVERLAYS, type ChaseChannelPolicy, type ChaseOrderKind, type ChasePolicy } from './policy.ts';
import { AllowedTime, DailyWindows, spansOf, subtractSpans } from './windows.ts';

/** An overlay, compiled. */
export interface OverlayRule {
  readonly id: string;
  readonly channels: ReadonlySet<ChaseChannel>;
  readonly spans: readonly number[];
  readonly weekdays: ReadonlySet<number>;
  readonly cap: number | undefined;
  readonly messageClass: 'notification' | 'marketing' | undefined;
}

/** A ladder variant, compiled. */
export interface LadderRule {
  readonly name: string;
  readonly firstTime: boolean | undefined;
  /** Bit k set when kind k (index in CHASE_ORDER_KINDS) matches; all bits when unrestricted. */
  readonly kindMask: number;
  readonly minAmount: Dec | undefined;
  /** Steps in order: channel index, delay and gap in ms. */
  readonly steps: ReadonlyArray<{ readonly channel: number; readonly delay: number; readonly after: number }>;
}

/** A channel's rules as plain numbers, for the planner's inner loop. */
export interface ChannelRule {
  readonly name: ChaseChannel;
  readonly enabled: boolean;
  readonly requireConsent: boolean;
  readonly maxAttempts: number;
  readonly minGapMs: number;
  readonly closeBufferMs: number;
  readonly drop: boolean;
  /** `NaN` when there is no lateness limit. */
  readonly latenessMs: number;
}

/** The automatic templates of one channel, by how specific their match is. */
interface TemplateRule {
  readonly id: string;
  readonly priority: number;
  readonly itemIds: ReadonlySet<string> | undefined;
  readonly promoIds: ReadonlySet<string> | undefined;
  readonly kinds: ReadonlySet<ChaseOrderKind> | undefined;
}

/** Which channels a buyer's overlays touch and the allowed time of each channel for that buyer. */
export interface BuyerTime {
  readonly allowed: readonly AllowedTime[];
  /** Per channel, the 24-hour caps of the overlays that apply: `[channels, cap]`. */
  readonly caps: ReadonlyArray<ReadonlyArray<readonly [ReadonlySet<number>, number]>>;
}

function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function toSet<T>(list: readonly T[] | undefined): ReadonlySet<T> | undefined {
  return list === undefined ? undefined : new Set(list);
}

/** The compiled form of a checked policy. */
export class CompiledPolicy {
  readonly policy: ChasePolicy;
  readonly shop: ZoneClock;
  readonly ladder: readonly LadderRule[];
  readonly channelSpans: readonly (readonly number[])[];
  readonly rules: readonly ChannelRule[];
  readonly scope: {
    readonly kinds: ReadonlySet<string> | undefined;
    readonly minAmount: Dec | undefined;
    readonly maxAmount: Dec | undefined;
    readonly includeItems: ReadonlySet<string> | undefined;
    readonly excludeItems: ReadonlySet<string> | undefined;
    readonly includePromos: ReadonlySet<string> | undefined;
    readonly includeRegions: ReadonlySet<string> | undefined;
    readonly excludeRegions: ReadonlySet<string> | undefined;
    readonly sources: ReadonlySet<string> | undefined;
    readonly sellerFlags: ReadonlySet<number> | undefined;
    readonly memberTiers: ReadonlySet<string> | undefined;
    readonly createdFrom: number | undefined;
    readonly createdTo: number | undefined;
  };
  readonly hasOverlayCaps: boolean;
  /** Whether the scope restricts anything (most policies do not: the scope pass is skipped). */
  readonly hasScope: boolean;
  private readonly clocks = new Map<string, ZoneClock>();
  private readonly daily = new Map<string, DailyWindows>();
  private readonly buyerTimes = new Map<string, BuyerTime>();
  private defaultTime: BuyerTime | undefined;
  private readonly overlaysById = new Map<string, OverlayRule>();
  private readonly globalOverlays: readonly OverlayRule[];
  private readonly jurisdictionOverlays: ReadonlyMap<string, readonly OverlayRule[]>;
  private readonly templates: ReadonlyArray<readonly TemplateRule[]>;
  /** Whether some automatic template is chosen by item or promotion. */
  private readonly matchesItems: boolean;
  private readonly byKind: Array<string | null | undefined> = [];

  constructor(policy: ChasePolicy) {
    this.policy = policy;
    this.shop = this.clock(policy.timeZone);
    this.rules = CHASE_CHANNELS.map((name) => {
      const r = policy.channels[name];
      return {
        name,
        enabled: r.enabled,
        requireConsent: r.requireConsent,
        maxAttempts: r.maxAttemptsPerOrder,
        minGapMs: r.minGapMinutes * 60_000,
        closeBufferMs: r.closeBufferMinutes * 60_000,
        drop: r.outsideWindow === 'drop',
        latenessMs: r.maxLatenessMinutes === null ? Number.NaN : r.maxLatenessMinutes * 60_000,
      };
    });
    this.channelSpans = CHASE_CHANNELS.map((c) => subtractSpans(spansOf(policy.channels[c].windows), spansOf(policy.channels[c].excludeWindows)));
    this.ladder = policy.ladder.map((variant) => ({
      name: variant.name,
      firstTime: variant.when?.firstTimeBuyer,
      kindMask: variant.when?.kinds === undefined ? 15 : variant.when.kinds.reduce((mask, kind) => mask | (1 << CHASE_ORDER_KINDS.indexOf(kind)), 0),
      minAmount: variant.when?.minAmount === undefined ? undefined : toDecimal(variant.when.minAmount),
      steps: variant.steps.map((step) => ({
        channel: CHASE_CHANNELS.indexOf(step.channel),
        delay: step.delayMinutes * 60_000,
        after: step.afterPreviousMinutes * 60_000,
      })),
    }));
    const s = policy.scope;
    this.scope = {
      kinds: toSet(s.kinds),
      minAmount: s.minAmount === undefined ? undefined : toDecimal(s.minAmount),
      maxAmount: s.maxAmount === undefined ? undefined : toDecimal(s.maxAmount),
      includeItems: toSet(s.includeItems),
      excludeItems: toSet(s.excludeItems),
      includePromos: toSet(s.includePromos),
      includeRegions: toSet(s.includeRegions),
      excludeRegions: toSet(s.excludeRegions),
      sources: toSet(s.sources),
      sellerFlags: toSet(s.sellerFlags),
      memberTiers: toSet(s.memberTiers),
      createdFrom: s.createdFrom === undefined ? undefined : toEpochMs(s.createdFrom),
      createdTo: s.createdTo === undefined ? undefined : toEpochMs(s.createdTo),
    };
    this.hasScope = Object.values(s).some((value) => value !== undefined);
    const compileOverlays = (refs: ChasePolicy['overlays']): OverlayRule[] =>
      refs.map((ref) => {
        const o = typeof ref === 'string' ? CHASE_OVERLAYS[ref] : ref;
        const known = this.overlaysById.get(o.id);
        if (known !== undefined && typeof ref === 'string') return known;
        const rule: OverlayRule = {
          id: o.id,
          channels: new Set(o.channels),
          spans: spansOf(o.windows),
          weekdays: new Set(o.weekdays ?? [1, 2, 3, 4, 5, 6, 7]),
          cap: 'maxAttemptsPer24Hours' in o ? o.maxAttemptsPer24Hours : undefined,
          messageClass: 'messageClass' in o ? o.messageClass : undefined,
        };
        this.overlaysById.set(o.id, rule);
        return rule;
      });
    this.globalOverlays = compileOverlays(policy.overlays);
    this.jurisdictionOverlays = new Map(Object.entries(policy.jurisdictionOverlays).map(([key, refs]) => [key, compileOverlays(refs)]));
    this.hasOverlayCaps = [this.globalOverlays, ...this.jurisdictionOverlays.values()].some((list) => list.some((o) => o.cap !== undefined));
    this.templates = CHASE_CHANNELS.map((c) =>
      policy.templates
        .filter((t) => t.channel === c && t.auto)
        .map((t) => ({ id: t.id, priority: t.priority, itemIds: toSet(t.match?.itemIds), promoIds: toSet(t.match?.promoIds), kinds: toSet(t.match?.kinds) })),
    );
    this.matchesItems = this.templates.some((list) => list.some((t) => t.itemIds !== undefined || t.promoIds !== undefined));
  }

  /** The (cached) clock of a zone. */
  clock(timeZone: string): ZoneClock {
    let clock = this.clocks.get(timeZone);
    if (clock === undefined) {
      clock = new ZoneClock(timeZone);
      this.clocks.set(timeZone, clock);
    }
    return clock;
  }

  private channelWindows(channel: number, timeZone: string): DailyWindows {
    const key = `${channel}|${timeZone}`;
    let windows = this.daily.get(key);
    if (windows === undefined) {
      const name = CHASE_CHANNELS[channel] as ChaseChannel;
      const rules: ChaseChannelPolicy = this.policy.channels[name];
      const weekdays = new Set(rules.weekdays);
      const blocked = new Set(rules.blockedDates.map(dayOfDate));
      const calendar = rules.calendar;
      windows = new DailyWindows(this.clock(timeZone), this.channelSpans[channel] as number[], (day) => {
        if (!weekdays.has(weekdayOf(day)) || blocked.has(day)) return true;
        if (calendar === 'all') return false;
        const date = formatDay(day);
        try {
          return calendar === 'notHolidays' ? isHoliday(date) : !isWorkday(date);
        } catch (error) {
          if (!(error instanceof KefuError)) throw error;
          throw new KefuError(error.code, [
            { path: `policy.channels.${name}.calendar`, message: `the ${calendar} calendar needs ${date}: ${error.issues[0]?.message ?? error.message}` },
          ]);
        }
      });
      this.daily.set(key, windows);
    }
    return windows;
  }

  private overlayWindows(rule: OverlayRule, timeZone: string): DailyWindows {
    const key = `overlay:${rule.id}|${timeZone}`;
    let windows = this.daily.get(key);
    if (windows === undefined) {
      windows = new DailyWindows(this.clock(timeZone), rule.spans, (day) => !rule.weekdays.has(weekdayOf(day)));
      this.daily.set(key, windows);
    }
    return windows;
  }

  /** The allowed time of each channel for a buyer (their zone and jurisdiction), cached. */
  buyerTime(buyer: BuyerRec | undefined): BuyerTime {
    const zone = buyer?.recipientTimeZone;
    const jurisdiction = buyer?.jurisdiction;
    if (zone === undefined && jurisdiction === undefined && this.defaultTime !== undefined) return this.defaultTime;
    const key = `${zone ?? ''}|${jurisdiction ?? ''}`;
    let time = this.buyerTimes.get(key);
    if (time === undefined) {
      const recipientZone = zone ?? this.policy.timeZone;
      const overlays = [...this.globalOverlays, ...(jurisdiction === undefined ? [] : (this.jurisdictionOverlays.get(jurisdiction) ?? []))];
      const allowed: AllowedTime[] = [];
      const caps: Array<Array<readonly [ReadonlySet<number>, number]>> = [];
      CHASE_CHANNELS.forEach((name, channel) => {
        const rules = this.policy.channels[name];
        const applying = overlays.filter((o) => o.channels.has(name) && (o.messageClass === undefined || o.messageClass === rules.messageClass));
        const main = this.channelWindows(channel, rules.windowTimeZone === 'recipient' ? recipientZone : this.policy.timeZone);
        allowed.push(new AllowedTime(main, applying.map((o) => this.overlayWindows(o, recipientZone))));
        caps.push(
          applying.filter((o) => o.cap !== undefined).map((o) => [new Set([...o.channels].map((c) => CHASE_CHANNELS.indexOf(c))), o.cap as number] as const),
        );
      });
      time = { allowed, caps };
      this.buyerTimes.set(key, time);
      if (zone === undefined && jurisdiction === undefined) this.defaultTime = time;
    }
    return time;
  }

  private readonly templateIndexes = new Map<string, number>();

  /** The position of a template id in the policy (a small integer for keys). */
  templateIndex(id: string): number {
    let index = this.templateIndexes.get(id);
    if (index === undefined) {
      index = this.policy.templates.findIndex((t) => t.id === id);
      this.templateIndexes.set(id, index);
    }
    return index;
  }

  /** The automatic template for order `i` of `orders` on a channel: item, then promotion, then kind, then default. */
  template(channel: number, orders: OrderTable, i: number): string | null {
    const kindIndex = orders.kind[i] as number;
    const kind = CHASE_ORDER_KINDS[kindIndex] as ChaseOrderKind;
    // Without item or promotion templates the choice depends on the channel and kind only (and
    // the order's items are not even read).
    if (!this.matchesItems) {
      const k = channel * CHASE_ORDER_KINDS.length + kindIndex;
      let id = this.byKind[k];
      if (id === undefined) {
        id = this.chooseTemplate(channel, [], [], kind);
        this.byKind[k] = id;
      }
      return id;
    }
    return this.chooseTemplate(channel, orders.itemIds(i), orders.promoIds(i), kind);
  }

  private chooseTemplate(channel: number, itemIds: readonly string[], promoIds: readonly string[], kind: ChaseOrderKind): string | null {
    let best: TemplateRule | undefined;
    let bestLevel = -1;
    for (const t of this.templates[channel] as readonly TemplateRule[]) {
      if (t.itemIds !== undefined && !itemIds.some((item) => t.itemIds?.has(item))) continue;
      if (t.promoIds !== undefined && !promoIds.some((promo) => t.promoIds?.has(promo))) continue;
      if (t.kinds !== undefined && !t.kinds.has(kind)) continue;
      const level = t.itemIds !== undefined ? 3 : t.promoIds !== undefined ? 2 : t.kinds !== undefined ? 1 : 0;
      if (best === undefined || level > bestLevel || (level === bestLevel && (t.priority > best.priority || (t.priority === best.priority && t.id < best.id)))) {
        best = t;
        bestLevel = level;
      }
    }
    return best?.id ?? null;
  }
}

const compiled = new WeakMap<ChasePolicy, CompiledPolicy>();

/** The compiled form of a checked (frozen) policy, cached per policy object. */
export function compilePolicy(policy: ChasePolicy): CompiledPolicy {
  let c = compiled.get(policy);
  if (c === undefined) {
    c = new CompiledPolicy(policy);
    compiled.set(policy, c);
  }
  return c;
}

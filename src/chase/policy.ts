import * as z from 'zod/mini';
import { invalid, KefuError, type KefuIssue } from '../core/errors.ts';
import { MoneyInputSchema, toDecimal } from '../core/money.ts';
import { DEFAULT_TIME_ZONE, InstantSchema, LocalDateSchema, LocalTimeSchema, LocalWindowSchema, TimeZoneSchema, toEpochMs, type LocalWindow } from '../core/time.ts';
import { parseInput } from '../core/validate.ts';
import { CHASE_CHANNELS, type ChaseChannel } from './codes.ts';
import { parseTemplate } from './template.ts';

/**
 * The kinds of unpaid order, each with its own deadline practice (CH-2): `normal`; `flash`
 * (聚划算 and other flash sales that close unpaid orders after about 30 minutes); `presale_deposit`
 * (a presale deposit, also about 30 minutes); `presale_balance` (the balance of a presale, payable
 * only inside the campaign's balance window).
 *
 * @example
 * ```ts
 * CHASE_ORDER_KINDS; // ['normal', 'flash', 'presale_deposit', 'presale_balance']
 * ```
 */
export const CHASE_ORDER_KINDS = ['normal', 'flash', 'presale_deposit', 'presale_balance'] as const;

/**
 * An order kind (see {@link CHASE_ORDER_KINDS}).
 *
 * @example
 * ```ts
 * const kind: ChaseOrderKind = 'flash';
 * ```
 */
export type ChaseOrderKind = (typeof CHASE_ORDER_KINDS)[number];

const MAX_MINUTES = 527_040; // 366 days
const minutes = /* @__PURE__ */ z.number().check(z.int(), z.gte(0), z.lte(MAX_MINUTES));
const positiveMinutes = /* @__PURE__ */ z.number().check(z.int(), z.gte(1), z.lte(MAX_MINUTES));
const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
const weekday = /* @__PURE__ */ z.number().check(z.int(), z.gte(1), z.lte(7));
const kindSchema = /* @__PURE__ */ z.enum(CHASE_ORDER_KINDS);
const channelSchema = /* @__PURE__ */ z.enum(CHASE_CHANNELS);
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * A non-negative amount: a number or a plain decimal string (`"199.00"`).
 *
 * @example
 * ```ts
 * parseInput(NonNegativeAmount, '-1', 'example'); // throws: expected an amount of 0 or more
 * ```
 */
export const NonNegativeAmount = /* @__PURE__ */ MoneyInputSchema.check(
  z.refine((value) => toDecimal(value).gte(0), 'expected an amount of 0 or more'),
);

interface ChannelDefaults {
  readonly windows: readonly LocalWindow[];
  readonly minGapMinutes: number;
  readonly closeBufferMinutes: number;
}

function channelPolicy(d: ChannelDefaults) {
  return z.strictObject({
    /** Whether the channel is used at all (default true). */
    enabled: z._default(z.boolean(), true),
    /** Daily windows `[from, to)` in which the channel may be used; `to` before `from` crosses midnight. */
    windows: z._default(z.readonly(z.array(LocalWindowSchema).check(z.minLength(1), z.maxLength(48))), () => d.windows.map((w) => ({ ...w }))),
    /** Sub-windows taken out of `windows` (kii's 排除时段), e.g. a lunch break. */
    excludeWindows: z._default(z.readonly(z.array(LocalWindowSchema).check(z.maxLength(48))), () => []),
    /** ISO weekdays allowed, 1 = Monday … 7 = Sunday (default all). */
    weekdays: z._default(z.readonly(z.array(weekday).check(z.minLength(1), z.maxLength(7))), () => [...ALL_DAYS]),
    /** Local dates `YYYY-MM-DD` on which the channel is not used. */
    blockedDates: z._default(z.readonly(z.array(LocalDateSchema).check(z.maxLength(3660))), () => []),
    /**
     * Chinese statutory calendar (kefu/calendar): `all` ignores it, `notHolidays` blocks statutory
     * days off, `workdaysOnly` also blocks weekends except make-up workdays (调休). The calendar
     * covers 2024–2026; other years are an error, never a guess.
     */
    calendar: z._default(z.enum(['all', 'notHolidays', 'workdaysOnly']), 'all'),
    /** Whose clock the windows follow: the shop's zone, or the buyer's `recipientTimeZone` (default shop). */
    windowTimeZone: z._default(z.enum(['shop', 'recipient']), 'shop'),
    /**
     * When a step falls due outside the windows: `defer` to the next window (default), or `drop`
     * it (Shuyun's 不发送): then it may only go out in the window occurrence its due time falls in.
     */
    outsideWindow: z._default(z.enum(['defer', 'drop']), 'defer'),
    /**
     * Minutes after the first window opening at or after the due time within which the step must
     * go out (strictly before opening + this), else it is dropped (Shuyun: 60). `null`: no limit (default).
     */
    maxLatenessMinutes: z._default(z.nullable(minutes), null),
    /** Least minutes between two attempts of this channel on one order. */
    minGapMinutes: z._default(minutes, d.minGapMinutes),
    /** Most attempts of this channel on one order (default 1: no repeats, CH-5). */
    maxAttemptsPerOrder: z._default(z.number().check(z.int(), z.gte(1), z.lte(100)), 1),
    /** Whether the buyer must have granted consent for this channel (default false; a refusal always blocks). */
    requireConsent: z._default(z.boolean(), false),
    /** `notification` (order status) or `marketing`; marketing SMS gets the opt-out text and marketing-only overlays. */
    messageClass: z._default(z.enum(['notification', 'marketing']), 'notification'),
    /** Minutes before the order's close time after which the channel is not used (CH-2). */
    closeBufferMinutes: z._default(minutes, d.closeBufferMinutes),
  });
}

const ImPolicy = /* @__PURE__ */ channelPolicy({ windows: [{ from: '08:00', to: '02:00' }], minGapMinutes: 30, closeBufferMinutes: 3 });
const SmsPolicy = /* @__PURE__ */ channelPolicy({ windows: [{ from: '09:00', to: '22:00' }], minGapMinutes: 60, closeBufferMinutes: 5 });
const PhonePolicy = /* @__PURE__ */ channelPolicy({
  windows: [
    { from: '11:00', to: '12:00' },
    { from: '16:00', to: '17:00' },
    { from: '19:00', to: '21:00' },
  ],
  minGapMinutes: 60,
  closeBufferMinutes: 10,
});

/**
 * How one channel may be used: windows, blocked days, frequency, consent, close buffer.
 *
 * @example
 * ```ts
 * const phone: ChaseChannelPolicy = defaultChasePolicy().channels.phone;
 * phone.windows; // [{ from: '11:00', to: '12:00' }, { from: '16:00', to: '17:00' }, { from: '19:00', to: '21:00' }]
 * ```
 */
export type ChaseChannelPolicy = ChasePolicy['channels']['im'];

const LadderStep = /* @__PURE__ */ z.strictObject({
  /** The channel of this step. */
  channel: channelSchema,
  /** Minutes after the order is placed (or the balance window opens) before this step is due. */
  delayMinutes: minutes,
  /** Minutes after the previous step went out before this one may (default 0). */
  afterPreviousMinutes: z._default(minutes, 0),
});

/**
 * One escalation sequence (CH-7): the steps an order's chase goes through, with the orders it
 * applies to. The first variant whose `when` matches an order is its ladder.
 *
 * @example
 * ```ts
 * const firstTimers: ChaseLadderVariant = {
 *   name: 'firstTimeBuyer',
 *   when: { firstTimeBuyer: true },
 *   steps: [{ channel: 'im', delayMinutes: 5, afterPreviousMinutes: 0 }, { channel: 'phone', delayMinutes: 15, afterPreviousMinutes: 10 }],
 * };
 * ```
 */
export const ChaseLadderVariant = /* @__PURE__ */ z.strictObject({
  /** A name, reported on each decision. */
  name: id,
  /** Which orders it applies to; every condition given must hold. Omit for a catch-all. */
  when: z.optional(
    z.strictObject({
      /** The buyer is (true) or is not (false) a first-time buyer of the shop. */
      firstTimeBuyer: z.optional(z.boolean()),
      /** The order is of one of these kinds. */
      kinds: z.optional(z.readonly(z.array(kindSchema).check(z.minLength(1)))),
      /** The order's amount is at least this (orders without an amount do not match). */
      minAmount: z.optional(NonNegativeAmount),
    }),
  ),
  /** The steps, each channel at most once. */
  steps: z.readonly(z.array(LadderStep).check(z.minLength(1), z.maxLength(3))),
});
/** @inheritDoc ChaseLadderVariant */
export type ChaseLadderVariant = z.output<typeof ChaseLadderVariant>;

/**
 * The built-in jurisdiction and vendor overlays. Overlays only ever narrow a channel's time
 * (their windows are intersected with the channel's), in the recipient's zone:
 * - `US-TCPA`: calls and texts 08:00–21:00 (47 CFR 64.1200(c)(1));
 * - `US-FL`: 08:00–20:00 and at most 3 attempts in 24 hours (Florida 501.616(6));
 * - `FR`: 08:00–22:00, not on Sundays (French public holidays are not included: add them as blocked dates);
 * - `CN-ALIYUN-MARKETING`: marketing-class SMS 08:00–20:00 (Aliyun's rule);
 * - `CN-SHUYUN`: SMS 09:00–22:00 (Shuyun CCMS's quiet hours).
 *
 * @example
 * ```ts
 * CHASE_OVERLAYS['US-TCPA'].windows; // [{ from: '08:00', to: '21:00' }]
 * ```
 */
export const CHASE_OVERLAYS = {
  'US-TCPA': { id: 'US-TCPA', channels: ['sms', 'phone'], windows: [{ from: '08:00', to: '21:00' }], weekdays: ALL_DAYS },
  'US-FL': { id: 'US-FL', channels: ['sms', 'phone'], windows: [{ from: '08:00', to: '20:00' }], weekdays: ALL_DAYS, maxAttemptsPer24Hours: 3 },
  FR: { id: 'FR', channels: ['sms', 'phone'], windows: [{ from: '08:00', to: '22:00' }], weekdays: [1, 2, 3, 4, 5, 6] },
  'CN-ALIYUN-MARKETING': { id: 'CN-ALIYUN-MARKETING', channels: ['sms'], windows: [{ from: '08:00', to: '20:00' }], weekdays: ALL_DAYS, messageClass: 'marketing' },
  'CN-SHUYUN': { id: 'CN-SHUYUN', channels: ['sms'], windows: [{ from: '09:00', to: '22:00' }], weekdays: ALL_DAYS },
} as const satisfies Record<string, ChaseOverlay>;

/**
 * A custom overlay: windows in the recipient's zone that narrow the listed channels, optional
 * weekdays, an optional cap per rolling 24 hours, and optionally only for one message class.
 *
 * @example
 * ```ts
 * const noLunchCalls: ChaseOverlay = { id: 'no-lunch', channels: ['phone'], windows: [{ from: '00:00', to: '12:00' }, { from: '13:30', to: '24:00' }] };
 * ```
 */
export const ChaseOverlay = /* @__PURE__ */ z.strictObject({
  /** A name, unique among the overlays. */
  id,
  /** The channels it narrows. */
  channels: z.readonly(z.array(channelSchema).check(z.minLength(1))),
  /** Allowed windows in the recipient's local time. */
  windows: z.readonly(z.array(LocalWindowSchema).check(z.minLength(1), z.maxLength(48))),
  /** Allowed ISO weekdays (default all). */
  weekdays: z._default(z.readonly(z.array(weekday).check(z.minLength(1), z.maxLength(7))), () => [...ALL_DAYS]),
  /** Most attempts on these channels per buyer in any 24 hours. */
  maxAttemptsPer24Hours: z.optional(z.number().check(z.int(), z.gte(1))),
  /** Apply only to channels of this message class. */
  messageClass: z.optional(z.enum(['notification', 'marketing'])),
});
/** @inheritDoc ChaseOverlay */
export type ChaseOverlay = z.input<typeof ChaseOverlay>;

const OverlayRef = /* @__PURE__ */ z.union([z.enum(Object.keys(CHASE_OVERLAYS) as [keyof typeof CHASE_OVERLAYS]), ChaseOverlay]);

/**
 * A message template (CH-3): text with `{variables}` (see `CHASE_TEMPLATE_VARIABLES`) and
 * optional `{#name}…{/name}` sections, checked when the policy is built. Automatic templates are
 * chosen per order by the most specific match: item, then promotion, then order kind, then none;
 * ties go to the higher `priority`, then the smaller id. Manual ones (`auto: false`) are only used
 * by name, e.g. from the non-payment playbook.
 *
 * @example
 * ```ts
 * const t: ChaseTemplate = { id: 'im-lipstick', channel: 'im', text: '亲，口红色号还在为您保留哦~', match: { itemIds: ['lipstick-01'] } };
 * ```
 */
export const ChaseTemplate = /* @__PURE__ */ z.strictObject({
  /** Unique id. */
  id,
  /** The channel it is written for. */
  channel: channelSchema,
  /** The text. */
  text: z.string().check(z.minLength(1), z.maxLength(2000)),
  /** Chosen automatically for matching orders (default true). */
  auto: z._default(z.boolean(), true),
  /** Which orders it is for; omit for the channel's default. */
  match: z.optional(
    z.strictObject({
      itemIds: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
      promoIds: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
      kinds: z.optional(z.readonly(z.array(kindSchema).check(z.minLength(1)))),
    }),
  ),
  /** Breaks ties between equally specific templates: higher first (default 0). */
  priority: z._default(z.number().check(z.int()), 0),
});
/** @inheritDoc ChaseTemplate */
export type ChaseTemplate = z.input<typeof ChaseTemplate>;

/**
 * A labelled guess of an order kind's close time, for orders that do not carry one.
 *
 * @example
 * ```ts
 * const preset: ChaseDeadlinePreset = { minutes: 30, source: 'Shuyun CCMS UI text (2013)', confidence: 'medium' };
 * ```
 */
export const ChaseDeadlinePreset = /* @__PURE__ */ z.strictObject({
  /** Minutes after the order is placed at which the platform closes it. */
  minutes: positiveMinutes,
  /** Where the number comes from. */
  source: z.string().check(z.minLength(1), z.maxLength(200)),
  /** How far to trust it. */
  confidence: z.enum(['low', 'medium', 'high']),
});
/** @inheritDoc ChaseDeadlinePreset */
export type ChaseDeadlinePreset = z.output<typeof ChaseDeadlinePreset>;

/**
 * Published third-party estimates of Taobao/Tmall close times, as opt-in presets. They are not
 * platform facts (the normal-order value changed from 72 h to 24 h over the years): pass real
 * `autoCloseAt` values where you have them. Decisions that used a preset say so.
 *
 * @example
 * ```ts
 * defaultChasePolicy({ requireKnownDeadline: false, deadlinePresets: TAOBAO_DEADLINE_PRESETS });
 * ```
 */
export const TAOBAO_DEADLINE_PRESETS: Readonly<Partial<Record<ChaseOrderKind, ChaseDeadlinePreset>>> = {
  normal: { minutes: 1440, source: 'third-party Taobao guides (拍下起24小时内未付款自动关闭); older tools assumed 72 h', confidence: 'low' },
  flash: { minutes: 30, source: 'Shuyun CCMS (聚划算订单30分钟后自动关闭) and later guides', confidence: 'medium' },
  presale_deposit: { minutes: 30, source: 'presale campaign rules for 618 and Double 11 (pay the deposit within 30 minutes)', confidence: 'medium' },
};

const DedupeWindow = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('calendarDay') }),
  z.strictObject({ kind: z.literal('rolling'), minutes: positiveMinutes }),
]);

const Lookback = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rolling'), minutes }),
  z.strictObject({ kind: z.literal('calendarDays'), days: z.number().check(z.int(), z.gte(0), z.lte(31)) }),
]);

const Scope = /* @__PURE__ */ z.strictObject({
  kinds: z.optional(z.readonly(z.array(kindSchema).check(z.minLength(1)))),
  minAmount: z.optional(NonNegativeAmount),
  maxAmount: z.optional(NonNegativeAmount),
  minItemCount: z.optional(z.number().check(z.int(), z.gte(0))),
  maxItemCount: z.optional(z.number().check(z.int(), z.gte(0))),
  includeItems: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
  excludeItems: z.optional(z.readonly(z.array(id))),
  includePromos: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
  includeRegions: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
  excludeRegions: z.optional(z.readonly(z.array(id))),
  sources: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
  sellerFlags: z.optional(z.readonly(z.array(z.number().check(z.int(), z.gte(0), z.lte(5))).check(z.minLength(1)))),
  memberTiers: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
  createdFrom: z.optional(InstantSchema),
  createdTo: z.optional(InstantSchema),
});

const DEFAULT_LADDER: readonly ChaseLadderVariant[] = [
  {
    name: 'flash',
    when: { kinds: ['flash', 'presale_deposit'] },
    steps: [
      { channel: 'im', delayMinutes: 1, afterPreviousMinutes: 0 },
      { channel: 'sms', delayMinutes: 3, afterPreviousMinutes: 2 },
    ],
  },
  {
    name: 'firstTimeBuyer',
    when: { firstTimeBuyer: true },
    steps: [
      { channel: 'im', delayMinutes: 5, afterPreviousMinutes: 0 },
      { channel: 'phone', delayMinutes: 15, afterPreviousMinutes: 10 },
      { channel: 'sms', delayMinutes: 30, afterPreviousMinutes: 0 },
    ],
  },
  {
    name: 'standard',
    steps: [
      { channel: 'im', delayMinutes: 5, afterPreviousMinutes: 0 },
      { channel: 'sms', delayMinutes: 30, afterPreviousMinutes: 20 },
      { channel: 'phone', delayMinutes: 60, afterPreviousMinutes: 60 },
    ],
  },
];

const DEFAULT_TEMPLATES: readonly ChaseTemplate[] = [
  {
    id: 'im-default',
    channel: 'im',
    text: '亲，您拍下的宝贝还没有付款哦{#minutesLeft}，订单{minutesLeft}分钟后会自动关闭{/minutesLeft}。{#shipsTodayIfPaidBy}{shipsTodayIfPaidBy}前付款今天就能发货，{/shipsTodayIfPaidBy}有问题随时找我~',
  },
  {
    id: 'im-flash',
    channel: 'im',
    match: { kinds: ['flash', 'presale_deposit'] },
    text: '亲，活动价宝贝正为您保留{#minutesLeft}，还剩{minutesLeft}分钟{/minutesLeft}，付款后马上安排发货哦~',
  },
  {
    id: 'sms-default',
    channel: 'sms',
    text: '【{shopName}】亲，您的订单{orderId}还未付款{#autoCloseAt}，将于{autoCloseAt}自动关闭{/autoCloseAt}，如需帮助请在旺旺联系客服。',
  },
  {
    id: 'phone-script',
    channel: 'phone',
    text: '您好，我是{shopName}的客服{agentNick}。看到您拍下的宝贝还没有付款，想问问是不是遇到了什么问题？{#shipsTodayIfPaidBy}{shipsTodayIfPaidBy}前付款今天就能发出。{/shipsTodayIfPaidBy}',
  },
  { id: 'im-guide-checkout', channel: 'im', auto: false, text: '亲，付款只需三步：点开订单→选择付款方式→确认支付。我一步步陪您操作，哪一步卡住了告诉我就好~' },
  { id: 'im-payment-help', channel: 'im', auto: false, text: '亲，支付遇到问题可以换一张银行卡或用花呗试试{#minutesLeft}，订单还剩{minutesLeft}分钟就关闭了{/minutesLeft}，我帮您看着~' },
  { id: 'im-keep-in-touch', channel: 'im', auto: false, text: '亲，不着急哦，宝贝有任何问题都可以问我，上新和活动也会第一时间告诉您~' },
  { id: 'im-price', channel: 'im', auto: false, text: '亲，这款已经是活动价了，我帮您申请一个小优惠，现在付款就能用上~' },
  { id: 'phone-apology', channel: 'phone', auto: false, text: '您好，我是{shopName}的客服{agentNick}，之前的服务让您不满意，真的很抱歉。想听听您的意见，看看我们能怎么帮您。' },
  { id: 'sms-after-call', channel: 'sms', auto: false, text: '【{shopName}】亲，刚才打扰您了，宝贝已为您保留，方便时付款即可，有问题请在旺旺联系我们。' },
];

/**
 * Schema of a chase policy. Every field has a default, so `{}` is the complete default policy
 * ({@link defaultChasePolicy}); give only what differs. Arrays replace the default, objects merge
 * field by field.
 *
 * @example
 * ```ts
 * const policy = defaultChasePolicy({ channels: { sms: { windows: [{ from: '10:00', to: '20:00' }] } } });
 * ```
 */
export const ChasePolicySchema = /* @__PURE__ */ z.strictObject({
  /** The shop's IANA time zone (default Asia/Shanghai); windows follow it unless a channel uses the recipient's. */
  timeZone: z._default(TimeZoneSchema, DEFAULT_TIME_ZONE),
  /** Per-channel rules (CH-6, CH-7). */
  channels: z._default(
    z.strictObject({
      /** Wangwang / Qianniu messages: 08:00–02:00 by default (the launch night of a promotion included). */
      im: z._default(ImPolicy, () => ImPolicy.parse({})),
      /** SMS: 09:00–22:00 by default (no chase SMS at night, as Shuyun CCMS ships). */
      sms: z._default(SmsPolicy, () => SmsPolicy.parse({})),
      /** Phone: 11:00–12:00, 16:00–17:00, 19:00–21:00 shop time (CH-6). */
      phone: z._default(PhonePolicy, () => PhonePolicy.parse({})),
    }),
    () => ({ im: ImPolicy.parse({}), sms: SmsPolicy.parse({}), phone: PhonePolicy.parse({}) }),
  ),
  /**
   * The escalation ladders (CH-7), tried in order: flash and deposit orders get IM within a
   * minute and SMS within minutes (CH-2); first-time buyers are phoned right after the IM; the
   * rest go IM → SMS → phone.
   */
  ladder: z._default(z.readonly(z.array(ChaseLadderVariant).check(z.minLength(1), z.maxLength(20))), () => DEFAULT_LADDER.map((v) => ChaseLadderVariant.parse(v))),
  /**
   * How repeated chases of one buyer are prevented (CH-4, CH-5): by buyer, phone or either;
   * within a local calendar day or a rolling window; per channel or across all. Queued attempts
   * count. Default: one per channel per buyer per day.
   */
  dedupe: z._default(
    z.strictObject({
      key: z._default(z.enum(['buyer', 'phone', 'buyerOrPhone']), 'buyer'),
      window: z._default(DedupeWindow, () => ({ kind: 'calendarDay' as const })),
      scope: z._default(z.enum(['perChannel', 'allChannels']), 'perChannel'),
    }),
    () => ({ key: 'buyer' as const, window: { kind: 'calendarDay' as const }, scope: 'perChannel' as const }),
  ),
  /** Most chase attempts per buyer per local day, all channels together (default 2; `null`: no cap; CH-5). */
  buyerDailyCap: z._default(z.nullable(z.number().check(z.int(), z.gte(1), z.lte(100))), 2),
  /**
   * CH-4: an order is not chased when the same buyer paid another order of the shop at or after
   * this look-back before the order was placed: `calendarDays: 1` (default, Shuyun) means since
   * local midnight of the day before; `rolling` counts minutes back from the order's creation.
   */
  paidOtherOrderLookback: z._default(Lookback, () => ({ kind: 'calendarDays' as const, days: 1 })),
  /** CH-8: wait this many minutes after the buyer's last chat message before chasing (default 10). */
  chatSilenceMinutes: z._default(minutes, 10),
  /** After a buyer promised to pay, wait this many minutes (default 120). */
  promisedToPayCooldownMinutes: z._default(minutes, 120),
  /** A buyer who refused when chased is not chased again (default true). */
  stopAfterRefusal: z._default(z.boolean(), true),
  /** An order in payment (`payingSince`) waits this many minutes before it may be chased (default 15). */
  payingGraceMinutes: z._default(minutes, 15),
  /** CH-8: buyers whose `creditLevel` is below this are not chased (`null`: no minimum; unknown credit passes). */
  minCreditLevel: z._default(z.nullable(z.number().check(z.gte(0))), null),
  /** CH-8: buyers flagged `suspectedMalicious` are not chased (default true). */
  blockSuspectedMalicious: z._default(z.boolean(), true),
  /** Which orders the policy chases at all (CH-3): kinds, amount, items, promotions, region, source, flag, tier, dates. */
  scope: z._default(Scope, () => ({})),
  /** Close-time estimates per kind for orders without `autoCloseAt` (none by default). */
  deadlinePresets: z._default(z.partialRecord(kindSchema, ChaseDeadlinePreset), () => ({})),
  /** An order without a close time (and no preset) is not chased (default true), since a late chase is useless (CH-2). */
  requireKnownDeadline: z._default(z.boolean(), true),
  /** Overlays for every buyer (built-in ids or custom), intersected with the channels' windows. */
  overlays: z._default(z.readonly(z.array(OverlayRef).check(z.maxLength(20))), () => []),
  /** Overlays per buyer `jurisdiction` (e.g. `{ 'US-FL': ['US-TCPA', 'US-FL'] }`). */
  jurisdictionOverlays: z._default(z.record(id, z.readonly(z.array(OverlayRef).check(z.maxLength(20)))), () => ({})),
  /** Message templates (CH-3, CH-12, CH-13). */
  templates: z._default(z.readonly(z.array(ChaseTemplate).check(z.minLength(1), z.maxLength(500))), () => DEFAULT_TEMPLATES.map((t) => ChaseTemplate.parse(t))),
  /** CH-12: orders paid before this local time ship the same day (`null`: no same-day promise). */
  sameDayShippingCutoff: z._default(z.nullable(LocalTimeSchema), '16:00'),
  /** Appended to marketing-class SMS (China's opt-out convention). */
  smsOptOutText: z._default(z.string().check(z.maxLength(40)), '回T退订'),
  /** How many days after the other constraints clear the planner looks for an open window (default 30). */
  horizonDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(366)), 30),
});

/**
 * A complete chase policy, as {@link defaultChasePolicy} returns it.
 *
 * @example
 * ```ts
 * const policy: ChasePolicy = defaultChasePolicy();
 * policy.buyerDailyCap; // 2
 * ```
 */
export type ChasePolicy = z.output<typeof ChasePolicySchema>;

/**
 * What {@link defaultChasePolicy} and `planChases` accept: any part of a policy; the rest is the default.
 *
 * @example
 * ```ts
 * const overrides: ChasePolicyInput = { buyerDailyCap: 1, channels: { phone: { enabled: false } } };
 * ```
 */
export type ChasePolicyInput = z.input<typeof ChasePolicySchema>;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const built = new WeakSet<object>();

/**
 * A complete chase policy: kefu's defaults, each tied to a rule, with `overrides` applied
 * (objects merge field by field, arrays replace). The result is validated (windows such as
 * `25:00`, unknown template variables and duplicate ids throw `INVALID_INPUT` naming the field)
 * and deeply frozen.
 *
 * Defaults: phone 11:00–12:00, 16:00–17:00, 19:00–21:00 shop time (CH-6); IM, then SMS, then
 * phone, with the phone early for first-time buyers (CH-7); flash and deposit orders chased
 * within minutes (CH-2); one attempt per channel per buyer per day and at most 2 a day in all
 * (CH-4, CH-5); no chase of a buyer who paid another order since yesterday (CH-4), of
 * blacklisted or malicious buyers (CH-8), after a refusal, during a chat, or within the close
 * buffer before the order closes (CH-2); SMS only 09:00–22:00.
 *
 * @example
 * ```ts
 * const policy = defaultChasePolicy({ channels: { phone: { calendar: 'notHolidays' } } });
 * policy.channels.phone.windows.length; // 3
 * ```
 */
export function defaultChasePolicy(overrides?: ChasePolicyInput): ChasePolicy {
  return checkPolicy(overrides ?? {}, 'defaultChasePolicy');
}

/** Parses, cross-checks and freezes a policy; policies built here are recognised later without re-checking. */
export function checkPolicy(input: unknown, context: string): ChasePolicy {
  if (typeof input === 'object' && input !== null && built.has(input)) return input as ChasePolicy;
  const policy = parseInput(ChasePolicySchema, input, context);
  const issues = crossCheck(policy);
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, context);
  deepFreeze(policy);
  built.add(policy);
  return policy;
}

function crossCheck(policy: ChasePolicy): KefuIssue[] {
  const issues: KefuIssue[] = [];
  const push = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  const names = new Set<string>();
  policy.ladder.forEach((variant, v) => {
    if (names.has(variant.name)) push(`ladder.${v}.name`, `expected a unique ladder name, received "${variant.name}" twice`);
    names.add(variant.name);
    const channels = new Set<string>();
    variant.steps.forEach((step, s) => {
      if (channels.has(step.channel)) push(`ladder.${v}.steps.${s}.channel`, `expected each channel at most once in a ladder, received "${step.channel}" again`);
      channels.add(step.channel);
    });
  });
  for (const channel of CHASE_CHANNELS) {
    const days = policy.channels[channel].weekdays;
    if (new Set(days).size !== days.length) push(`channels.${channel}.weekdays`, 'expected each weekday at most once');
  }
  const { scope } = policy;
  if (scope.minAmount !== undefined && scope.maxAmount !== undefined && toDecimal(scope.minAmount).gt(toDecimal(scope.maxAmount))) {
    push('scope.maxAmount', `expected an amount of at least minAmount (${scope.minAmount}), received ${scope.maxAmount}`);
  }
  if (scope.minItemCount !== undefined && scope.maxItemCount !== undefined && scope.minItemCount > scope.maxItemCount) {
    push('scope.maxItemCount', `expected at least minItemCount (${scope.minItemCount}), received ${scope.maxItemCount}`);
  }
  if (scope.createdFrom !== undefined && scope.createdTo !== undefined && toEpochMs(scope.createdFrom) >= toEpochMs(scope.createdTo)) {
    push('scope.createdTo', 'expected an instant after createdFrom');
  }
  const overlayIds = (list: ReadonlyArray<string | { id: string }>, path: string): void => {
    const seen = new Set<string>();
    list.forEach((ref, i) => {
      const overlayId = typeof ref === 'string' ? ref : ref.id;
      if (seen.has(overlayId)) push(`${path}.${i}`, `expected each overlay once, received "${overlayId}" again`);
      seen.add(overlayId);
    });
  };
  overlayIds(policy.overlays, 'overlays');
  for (const [jurisdiction, list] of Object.entries(policy.jurisdictionOverlays)) overlayIds(list, `jurisdictionOverlays.${jurisdiction}`);
  const templateIds = new Set<string>();
  const defaults = new Set<ChaseChannel>();
  policy.templates.forEach((template, i) => {
    if (templateIds.has(template.id)) push(`templates.${i}.id`, `expected a unique template id, received "${template.id}" twice`);
    templateIds.add(template.id);
    const parsed = parseTemplate(template.text);
    if (typeof parsed === 'string') push(`templates.${i}.text`, `expected a valid template: ${parsed}`);
    if (template.auto && template.match === undefined) defaults.add(template.channel);
    if (template.match !== undefined && Object.keys(template.match).length === 0) push(`templates.${i}.match`, 'expected itemIds, promoIds or kinds (omit match for a default template)');
  });
  for (const channel of CHASE_CHANNELS) {
    const used = policy.channels[channel].enabled && policy.ladder.some((variant) => variant.steps.some((step) => step.channel === channel));
    if (used && !defaults.has(channel)) push('templates', `expected an automatic template without match for the ${channel} channel, which the ladder uses`);
  }
  return issues;
}

/** A template's parsed form; the policy was checked, so parsing cannot fail here. */
export function parsedTemplate(text: string): Exclude<ReturnType<typeof parseTemplate>, string> {
  const parsed = parseTemplate(text);
  return typeof parsed === 'string' ? invalid('templates', parsed) : parsed;
}

// The sample shop of `kefu demo`: a mid-sized apparel flagship store on Tmall planning Double 11
// 2026. Targets, how its customer service works, and the shape of its days. Everything else the
// demo uses (agents, orders, counters, refunds) is built from these settings in the sibling files.
import { DOUBLE_11_EVENT_DAY_PROFILE } from '../../headcount/index.ts';

/** The shop, its event-day target and its service settings. */
export const SAMPLE_SHOP = {
  name: '示例服饰旗舰店 (sample apparel flagship store)',
  shopId: 'flagship',
  timeZone: 'Asia/Shanghai',
  /** The event day. */
  date: '2026-11-11',
  /** Event-day sales target and average order value (HC-3). */
  salesTarget: '900000.00',
  averageOrderValue: '240.00',
  /** Share of sales that go through customer service (HC-2) and the inquiry conversion (HC-1). */
  csShare: 0.4,
  inquiryConversion: 0.3,
  /** Share of receptions the bot (店小蜜) answers (HC-4). */
  botShare: 0.35,
  /** Chat durations while an agent holds 1, 2 or 3 chats, wrap-up included (Wangwang/千牛). */
  chatSecondsByConcurrency: [240, 300, 360] as const,
  serviceLevel: { target: 0.8, answerSeconds: 30 },
  maxOccupancy: 0.85,
  /** Breaks and meetings only: leave is frozen around the event. */
  shrinkage: 0.15,
  /** People on the team (the 30 agents of the sample roster). */
  currentStaff: 30,
  /** The chase queue is planned at this instant, twenty minutes after the launch. */
  chaseAt: '2026-11-11T00:20:00+08:00',
} as const;

/** The two weeks the demo rosters: the warm-up, the eve, the event, and the after-sales tail. */
export const ROSTER_START = '2026-11-05';
/** Days in the roster horizon. */
export const ROSTER_DAYS = 14;

/**
 * An ordinary day: nothing between 01:00 and 08:00 (the bot answers), a level day and an evening
 * peak. Percent of the day's receptions per local hour; the values add up to 100.
 */
export const ORDINARY_DAY_PROFILE: readonly number[] = Object.freeze([
  0, 0, 0, 0, 0, 0, 0, 0, 4.0, 5.5, 6.5, 6.5, 5.5, 6.0, 6.5, 6.5, 6.0, 5.5, 6.0, 7.0, 8.5, 8.5, 6.5, 5.0,
]);

/** The eve of the event (11.10): buyers fill their carts in the evening, up to the launch at midnight. Sums to 100. */
export const EVE_PROFILE: readonly number[] = Object.freeze([
  0, 0, 0, 0, 0, 0, 0, 0, 3.0, 4.0, 4.5, 4.5, 4.0, 4.5, 4.5, 4.5, 4.5, 4.5, 5.0, 6.5, 9.0, 10.5, 11.5, 15.0,
]);

/** After the event: after-sales questions arrive during the day (where is my parcel, returns). Sums to 100. */
export const AFTER_EVENT_PROFILE: readonly number[] = Object.freeze([
  0, 0, 0, 0, 0, 0, 0, 0, 5.0, 7.0, 7.5, 7.5, 6.5, 7.0, 7.5, 7.0, 6.5, 6.0, 5.5, 6.0, 6.5, 6.0, 5.0, 3.5,
]);

/** One day of the roster horizon: human receptions, their shape, and the presale share of them. */
export interface SampleDay {
  readonly date: string;
  /** The phase of the event (HC-6). */
  readonly phase: string;
  /** Receptions left for human agents that day. */
  readonly receptions: number;
  readonly profile: readonly number[];
  /** Share of receptions that are presale questions; the rest is aftersale. */
  readonly presaleShare: number;
}

/** Human receptions per day of the horizon; the event day is replaced by the funnel's figure. */
const DAYS: ReadonlyArray<Omit<SampleDay, 'profile'> & { readonly profile: 'ordinary' | 'eve' | 'event' | 'after' }> = [
  { date: '2026-11-05', phase: '蓄水 warm-up', receptions: 700, profile: 'ordinary', presaleShare: 0.8 },
  { date: '2026-11-06', phase: '蓄水 warm-up', receptions: 720, profile: 'ordinary', presaleShare: 0.8 },
  { date: '2026-11-07', phase: '蓄水 warm-up', receptions: 760, profile: 'ordinary', presaleShare: 0.8 },
  { date: '2026-11-08', phase: '预热 presale', receptions: 880, profile: 'ordinary', presaleShare: 0.85 },
  { date: '2026-11-09', phase: '预热 presale', receptions: 960, profile: 'ordinary', presaleShare: 0.85 },
  { date: '2026-11-10', phase: '前夜 eve', receptions: 1300, profile: 'eve', presaleShare: 0.9 },
  { date: '2026-11-11', phase: '爆发 event', receptions: 0, profile: 'event', presaleShare: 0.8 },
  { date: '2026-11-12', phase: '返场 after', receptions: 1100, profile: 'after', presaleShare: 0.4 },
  { date: '2026-11-13', phase: '售后 after-sales', receptions: 950, profile: 'after', presaleShare: 0.3 },
  { date: '2026-11-14', phase: '售后 after-sales', receptions: 900, profile: 'after', presaleShare: 0.3 },
  { date: '2026-11-15', phase: '售后 after-sales', receptions: 820, profile: 'after', presaleShare: 0.35 },
  { date: '2026-11-16', phase: '售后 after-sales', receptions: 760, profile: 'after', presaleShare: 0.4 },
  { date: '2026-11-17', phase: '日常 ordinary', receptions: 700, profile: 'ordinary', presaleShare: 0.6 },
  { date: '2026-11-18', phase: '日常 ordinary', receptions: 680, profile: 'ordinary', presaleShare: 0.7 },
];

const PROFILES = { ordinary: ORDINARY_DAY_PROFILE, eve: EVE_PROFILE, event: DOUBLE_11_EVENT_DAY_PROFILE, after: AFTER_EVENT_PROFILE };

/** The horizon's days, with the event day's receptions taken from the funnel. */
export function sampleDays(eventDayReceptions: number): SampleDay[] {
  return DAYS.map((d) => ({ ...d, receptions: d.profile === 'event' ? eventDayReceptions : d.receptions, profile: PROFILES[d.profile] }));
}

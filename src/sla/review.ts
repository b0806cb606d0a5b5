import * as z from 'zod/mini';
import { DEFAULT_TIME_ZONE, InstantSchema, LocalTimeSchema, parseLocalTime, TimeZoneSchema, toEpochMs } from '../core/time.ts';
import { MINUTE_MS, ZoneClock } from '../core/zone-clock.ts';
import { checkUnique, Id, Issues } from './parse.ts';
import { checkServiceCalendar, defaultServiceCalendar, ServiceCalendar, ServiceDays } from './service-days.ts';

/**
 * The ratings SLA-1 covers: neutral (中评) and negative (差评) reviews. Positive reviews have no
 * handling deadline and are rejected, so a misfiled row cannot pass unnoticed.
 *
 * @example
 * ```ts
 * REVIEW_RATINGS; // ['neutral', 'negative']
 * ```
 */
export const REVIEW_RATINGS = ['neutral', 'negative'] as const;

/**
 * One of {@link REVIEW_RATINGS}.
 *
 * @example
 * ```ts
 * const rating: ReviewRating = 'negative';
 * ```
 */
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

const minutes = (max: number) => z.number().check(z.int(), z.gte(0), z.lte(max));
const days = (max: number) => z.number().check(z.int(), z.gte(1), z.lte(max));

/**
 * The shop's SLA-1 policy. Every field has a default; the defaults and where they come from:
 *
 * | field | default | source |
 * |---|---|---|
 * | `timeZone` | `Asia/Shanghai` | the shop's clock (DESIGN §1) |
 * | `cutoff` | `18:30` | SLA-1: handled before 18:30 the same day |
 * | `minHandlingMinutes` | `0` | SLA-1 as written: any review before the cut-off is due that day |
 * | `maxDays` | `3` | SLA-1: within 3 days at most |
 * | `reviewWindowDays` | `30` | the platform's review-change window (Taobao: 30 days after the review) |
 * | `dueSoonMinutes` | `60` | kefu's choice: an hour to reach the buyer before the deadline |
 * | `calendar` | `cnWorkdays` | "next working day": the Chinese working calendar of kefu/calendar |
 *
 * @example
 * ```ts
 * const weekendTeam: ReviewPolicy = { timeZone: 'Europe/Berlin', cutoff: '17:00', calendar: { workdays: 'everyDay' } };
 * ```
 */
export const ReviewPolicy = /* @__PURE__ */ z.strictObject({
  /** The shop's IANA time zone (default `Asia/Shanghai`). */
  timeZone: z._default(TimeZoneSchema, DEFAULT_TIME_ZONE),
  /** Local time by which a review is handled on its service day (default `18:30`, SLA-1). */
  cutoff: z._default(LocalTimeSchema, '18:30'),
  /** Least minutes between arrival and the cut-off the review is due at: a closer cut-off is passed over for the next (default 0). */
  minHandlingMinutes: z._default(minutes(1439), 0),
  /** Local days after arrival by which every handled review is due, whatever the calendar (default 3, SLA-1). */
  maxDays: z._default(days(30), 3),
  /** Days after arrival at which the platform's review-change window closes, when the review does not say (default 30). */
  reviewWindowDays: z._default(days(365), 30),
  /** Minutes before the deadline from which an open review is `dueSoon` (default 60). */
  dueSoonMinutes: z._default(minutes(10_080), 60),
  /** The days the team works reviews on (default: the Chinese working calendar). */
  calendar: z._default(ServiceCalendar, defaultServiceCalendar),
});
/** @inheritDoc ReviewPolicy */
export type ReviewPolicy = z.input<typeof ReviewPolicy>;

/**
 * A review in a batch: {@link ReviewInput} without `now` (the batch has one).
 *
 * @example
 * ```ts
 * const item: BatchReview = { reviewId: 'rv-89', rating: 'neutral', receivedAt: 1_794_400_000_000 };
 * ```
 */
export const BatchReview = /* @__PURE__ */ z.strictObject({
  /** The review's id, echoed in the result. */
  reviewId: z.optional(Id),
  /** `neutral` or `negative`. */
  rating: z.enum(REVIEW_RATINGS),
  /** When the review arrived (was posted). */
  receivedAt: InstantSchema,
  /** The buyer could not be reached: the review is due within `maxDays` (SLA-1). */
  buyerUnreachable: z._default(z.boolean(), false),
  /** It cannot be settled with the buyer for a special reason: it is explained publicly before the review window closes (SLA-1). */
  unresolvable: z._default(z.boolean(), false),
  /** When the platform's review-change window closes, if known (default: `reviewWindowDays` after arrival). */
  windowClosesAt: z.optional(InstantSchema),
});
/** @inheritDoc BatchReview */
export type BatchReview = z.input<typeof BatchReview>;

/**
 * A neutral or negative review as `reviewDeadline` reads it. `now`, when given, must not be
 * before `receivedAt`; `windowClosesAt` must be after it.
 *
 * @example
 * ```ts
 * const review: ReviewInput = { reviewId: 'rv-88', rating: 'negative', receivedAt: '2026-11-12T20:15:00+08:00', now: '2026-11-13T09:00:00+08:00' };
 * ```
 */
export const ReviewInput = /* @__PURE__ */ z.extend(BatchReview, {
  /** The instant at which to report the state (on time, due soon, overdue); without it `state` is null. */
  now: z.optional(InstantSchema),
});
/** @inheritDoc ReviewInput */
export type ReviewInput = z.input<typeof ReviewInput>;

/**
 * Many reviews, one `now`: at most 1,000,000 reviews, ids unique where given.
 *
 * @example
 * ```ts
 * const input: ReviewDeadlinesInput = { now: '2026-11-13T09:00:00+08:00', reviews: [{ rating: 'negative', receivedAt: '2026-11-12T20:15:00+08:00' }] };
 * ```
 */
export const ReviewDeadlinesInput = /* @__PURE__ */ z.strictObject({
  /** The instant at which to report each state; without it every `state` is null. */
  now: z.optional(InstantSchema),
  /** The reviews. */
  reviews: z.readonly(z.array(BatchReview).check(z.maxLength(1_000_000))),
});
/** @inheritDoc ReviewDeadlinesInput */
export type ReviewDeadlinesInput = z.input<typeof ReviewDeadlinesInput>;

/**
 * Which SLA-1 track a review is on: `standard` (the cut-off of its service day), `buyerUnreachable`
 * (the `maxDays` limit), `explain` (a public explanation before the review window closes).
 *
 * @example
 * ```ts
 * const track: ReviewTrack = 'buyerUnreachable';
 * ```
 */
export type ReviewTrack = 'standard' | 'buyerUnreachable' | 'explain';

/**
 * The rule that set the deadline:
 * - `SAME_DAY_CUTOFF`: the cut-off of the day it arrived;
 * - `NEXT_SERVICE_DAY_CUTOFF`: the cut-off of the next service day;
 * - `MAX_DAYS`: `maxDays` after arrival (buyer unreachable, or no earlier cut-off);
 * - `REVIEW_WINDOW`: the close of the review-change window.
 *
 * @example
 * ```ts
 * const basis: ReviewDeadlineBasis = 'NEXT_SERVICE_DAY_CUTOFF';
 * ```
 */
export type ReviewDeadlineBasis = 'SAME_DAY_CUTOFF' | 'NEXT_SERVICE_DAY_CUTOFF' | 'MAX_DAYS' | 'REVIEW_WINDOW';

/**
 * What was found on the way to the deadline, in the order it was found.
 *
 * @example
 * ```ts
 * const reason: ReviewReason = 'RECEIVED_AFTER_CUTOFF';
 * ```
 */
export type ReviewReason =
  | 'RECEIVED_BEFORE_CUTOFF'
  | 'TOO_CLOSE_TO_CUTOFF'
  | 'RECEIVED_AFTER_CUTOFF'
  | 'RECEIVED_ON_DAY_OFF'
  | 'BUYER_UNREACHABLE'
  | 'UNRESOLVABLE'
  | 'CAPPED_BY_MAX_DAYS'
  | 'CAPPED_BY_REVIEW_WINDOW';

/**
 * Where an open review stands at `now`: `onTime`, `dueSoon` (within `dueSoonMinutes` of the
 * deadline, deadline included) or `overdue` (after the deadline).
 *
 * @example
 * ```ts
 * const state: ReviewState = 'dueSoon';
 * ```
 */
export type ReviewState = 'onTime' | 'dueSoon' | 'overdue';

/**
 * The answer of {@link reviewDeadline}. Instants are ISO 8601 with the shop's offset.
 *
 * @example
 * ```ts
 * const d: ReviewDeadline = reviewDeadline({ rating: 'negative', receivedAt: '2026-11-12T10:00:00+08:00' });
 * d.deadline; // '2026-11-12T18:30:00+08:00'
 * ```
 */
export interface ReviewDeadline {
  /** The review's id, or null when none was given. */
  readonly reviewId: string | null;
  readonly rating: ReviewRating;
  readonly track: ReviewTrack;
  /** Arrival, in the shop's zone. */
  readonly receivedAt: string;
  /** The instant by which the review must be handled (or, on the `explain` track, explained). */
  readonly deadline: string;
  /** The deadline as epoch milliseconds, for sorting. */
  readonly deadlineEpochMs: number;
  /** The rule that set the deadline. */
  readonly basis: ReviewDeadlineBasis;
  readonly rule: 'SLA-1';
  /** The bounds considered: the cut-off found (null when none applies or none fell within `maxDays`), the `maxDays` limit (null on `explain`), the window's close. */
  readonly bounds: { readonly cutoff: string | null; readonly maxDays: string | null; readonly reviewWindow: string };
  readonly reasons: readonly ReviewReason[];
  /** The state at `now`, or null without `now`. */
  readonly state: ReviewState | null;
  /** Whole minutes from `now` to the deadline, rounded down (negative once overdue), or null without `now`. */
  readonly minutesLeft: number | null;
  /** The decision in one sentence. */
  readonly message: string;
}

/**
 * The answer of {@link reviewDeadlines}.
 *
 * @example
 * ```ts
 * const batch: ReviewDeadlines = reviewDeadlines({ reviews: [] });
 * batch.items; // []
 * ```
 */
export interface ReviewDeadlines {
  /** `now` in the shop's zone, or null. */
  readonly asOf: string | null;
  /** One answer per review, in input order. */
  readonly items: readonly ReviewDeadline[];
  /** How many reviews are in each state at `now` (all zero without `now`). */
  readonly counts: { readonly onTime: number; readonly dueSoon: number; readonly overdue: number };
}

type Policy = z.output<typeof ReviewPolicy>;
type Review = z.output<typeof BatchReview>;

/** A policy made ready for many reviews: the clock, the calendar, the cut-off per day. */
class Deadlines {
  readonly clock: ZoneClock;
  private readonly service: ServiceDays;
  private readonly cutoffMinute: number;
  private readonly cutoffs = new Map<number, number>();
  private readonly cutoffTexts = new Map<number, string>();

  constructor(readonly policy: Policy) {
    this.clock = new ZoneClock(policy.timeZone);
    this.service = new ServiceDays(policy.calendar);
    this.cutoffMinute = parseLocalTime(policy.cutoff);
  }

  private cutoffOn(day: number): number {
    let at = this.cutoffs.get(day);
    if (at === undefined) {
      at = this.clock.at(day, this.cutoffMinute);
      this.cutoffs.set(day, at);
    }
    return at;
  }

  /** A cut-off instant as text: many reviews share one, so it is written once. */
  private cutoffText(at: number): string {
    let text = this.cutoffTexts.get(at);
    if (text === undefined) {
      text = this.clock.format(at);
      this.cutoffTexts.set(at, text);
    }
    return text;
  }

  of(review: Review, received: number, windowCloses: number | undefined, now: number | undefined, path: string): ReviewDeadline {
    const p = this.policy;
    const clock = this.clock;
    const reasons: ReviewReason[] = [];
    const window = windowCloses ?? clock.addLocalDays(received, p.reviewWindowDays);
    const track: ReviewTrack = review.unresolvable ? 'explain' : review.buyerUnreachable ? 'buyerUnreachable' : 'standard';
    let deadline: number;
    let basis: ReviewDeadlineBasis;
    let cutoff: number | null = null;
    let maxBound: number | null = null;
    if (track === 'explain') {
      if (review.buyerUnreachable) reasons.push('BUYER_UNREACHABLE');
      reasons.push('UNRESOLVABLE');
      deadline = window;
      basis = 'REVIEW_WINDOW';
    } else {
      maxBound = clock.addLocalDays(received, p.maxDays);
      deadline = maxBound;
      basis = 'MAX_DAYS';
      if (track === 'buyerUnreachable') {
        reasons.push('BUYER_UNREACHABLE');
      } else {
        const day = clock.localDay(received);
        const at = `${path}receivedAt`;
        // A cut-off counts when it leaves the least handling time after arrival.
        const earliest = received + p.minHandlingMinutes * MINUTE_MS;
        if (this.service.isOpen(day, at)) {
          const today = this.cutoffOn(day);
          if (earliest < today) {
            cutoff = today;
            reasons.push('RECEIVED_BEFORE_CUTOFF');
          } else {
            reasons.push(received < today ? 'TOO_CLOSE_TO_CUTOFF' : 'RECEIVED_AFTER_CUTOFF');
          }
        } else {
          reasons.push('RECEIVED_ON_DAY_OFF');
        }
        if (cutoff === null) {
          const lastDay = clock.localDay(maxBound);
          for (let d = day + 1; d <= lastDay && cutoff === null; d++) if (this.service.isOpen(d, at) && earliest < this.cutoffOn(d)) cutoff = this.cutoffOn(d);
        }
        if (cutoff !== null && cutoff <= maxBound) {
          deadline = cutoff;
          basis = reasons[0] === 'RECEIVED_BEFORE_CUTOFF' ? 'SAME_DAY_CUTOFF' : 'NEXT_SERVICE_DAY_CUTOFF';
        } else {
          cutoff = null;
          reasons.push('CAPPED_BY_MAX_DAYS');
        }
      }
    }
    if (window < deadline) {
      deadline = window;
      basis = 'REVIEW_WINDOW';
      reasons.push('CAPPED_BY_REVIEW_WINDOW');
    }
    let state: ReviewState | null = null;
    let minutesLeft: number | null = null;
    if (now !== undefined) {
      state = now > deadline ? 'overdue' : deadline - now <= p.dueSoonMinutes * MINUTE_MS ? 'dueSoon' : 'onTime';
      minutesLeft = Math.floor((deadline - now) / MINUTE_MS);
    }
    // The deadline is always one of the bounds: its text is theirs.
    const bounds = { cutoff: cutoff === null ? null : this.cutoffText(cutoff), maxDays: maxBound === null ? null : clock.format(maxBound), reviewWindow: clock.format(window) };
    return {
      reviewId: review.reviewId ?? null,
      rating: review.rating,
      track,
      receivedAt: clock.format(received),
      deadline: (basis === 'REVIEW_WINDOW' ? bounds.reviewWindow : basis === 'MAX_DAYS' ? bounds.maxDays : bounds.cutoff) as string,
      deadlineEpochMs: deadline,
      basis,
      rule: 'SLA-1',
      bounds,
      reasons,
      state,
      minutesLeft,
      message: this.message(review, track, basis, received, deadline, reasons),
    };
  }

  private message(review: Review, track: ReviewTrack, basis: ReviewDeadlineBasis, received: number, deadline: number, reasons: readonly ReviewReason[]): string {
    const p = this.policy;
    const what = `${review.rating === 'negative' ? 'Negative' : 'Neutral'} review received ${this.clock.label(received)}`;
    const days = p.maxDays === 1 ? '1 day' : `${p.maxDays} days`;
    const why =
      track === 'explain'
        ? 'cannot be settled with the buyer: explain it publicly'
        : track === 'buyerUnreachable'
          ? `buyer unreachable: handle within ${days}`
          : reasons[0] === 'RECEIVED_BEFORE_CUTOFF'
            ? `before the ${p.cutoff} cut-off: handle the same day`
            : reasons[0] === 'RECEIVED_ON_DAY_OFF'
              ? 'on a day off: handle on the next service day'
              : reasons[0] === 'TOO_CLOSE_TO_CUTOFF'
                ? `less than ${p.minHandlingMinutes} minutes before the ${p.cutoff} cut-off: handle on the next service day`
                : `after the ${p.cutoff} cut-off: handle on the next service day`;
    const bound =
      basis === 'REVIEW_WINDOW'
        ? ' (the review-change window closes then)'
        : basis === 'MAX_DAYS' && track === 'standard'
          ? ` (no cut-off falls within ${days}, so the ${p.maxDays}-day limit applies)`
          : '';
    // Joined rather than concatenated: one flat string per review instead of a rope of pieces.
    return [what, ', ', why, '; due ', this.clock.label(deadline), bound, ' (SLA-1).'].join('');
  }
}

/** Cross-field checks of one review; `path` prefixes its fields (`reviews.3.`). */
function checkOrder(received: number, windowCloses: number | undefined, now: number | undefined, path: string, issues: Issues): void {
  if (windowCloses !== undefined && windowCloses <= received) {
    issues.add(`${path}windowClosesAt`, 'expected an instant after receivedAt (the window closes after the review arrives)');
  }
  if (now !== undefined && now < received) issues.add(`${path}receivedAt`, 'expected an instant at or before now (a review cannot arrive after now)');
}

function policyOf(policy: unknown, issues: Issues): Policy | undefined {
  const p = issues.parse(ReviewPolicy, policy === undefined ? {} : policy, 'policy');
  if (p !== undefined) checkServiceCalendar(p.calendar, 'policy.calendar', issues);
  return p;
}

/**
 * SLA-1: the deadline of a neutral or negative review, the rule that set it, and its state at
 * `now`.
 *
 * - A review that arrives on a service day before the cut-off (18:30 shop time) is due at that
 *   day's cut-off; one that arrives later, or on a day off, at the cut-off of the next service
 *   day (the Chinese working calendar by default: holidays and make-up workdays count).
 * - Never later than `maxDays` (3) local days after arrival: over a long holiday the 3-day limit
 *   wins. A buyer who cannot be reached (`buyerUnreachable`) moves the deadline to that limit.
 * - A review that cannot be settled (`unresolvable`) is due as a public explanation before the
 *   review-change window closes.
 * - Every deadline is at or before the window's close, and after the review arrived.
 *
 * Days are local calendar days of the shop's zone: across a DST change, "3 days later" is the
 * same wall-clock time, 71 or 73 hours later. Throws `INVALID_INPUT` naming the field
 * (`receivedAt`, also when it lies after `now`; `windowClosesAt` not after arrival;
 * `policy.cutoff`), and `CALENDAR_YEAR_UNKNOWN` at `receivedAt` when the `cnWorkdays` calendar is
 * asked about a year outside 2024–2026.
 *
 * @example
 * {@includeCode ../../examples/sla.example.ts#review}
 */
export function reviewDeadline(review: ReviewInput, policy?: ReviewPolicy): ReviewDeadline {
  const issues = new Issues('reviewDeadline');
  const r = issues.parse(ReviewInput, review, '');
  const p = policyOf(policy, issues);
  let received = 0;
  let windowCloses: number | undefined;
  let now: number | undefined;
  if (r !== undefined) {
    received = toEpochMs(r.receivedAt);
    windowCloses = r.windowClosesAt === undefined ? undefined : toEpochMs(r.windowClosesAt);
    now = r.now === undefined ? undefined : toEpochMs(r.now);
    checkOrder(received, windowCloses, now, '', issues);
  }
  issues.throwIfAny();
  return new Deadlines(p as Policy).of(r as Review, received, windowCloses, now, '');
}

/**
 * SLA-1 for many reviews at one `now`: the policy is read once and the cut-offs are worked out
 * once per day, so 100,000 reviews take about a second on one core. Each answer is what
 * {@link reviewDeadline} gives for the review with the batch's `now`. Errors name the review:
 * `reviews.3.receivedAt`.
 *
 * @example
 * {@includeCode ../../examples/sla.example.ts#reviews}
 */
export function reviewDeadlines(input: ReviewDeadlinesInput, policy?: ReviewPolicy): ReviewDeadlines {
  const issues = new Issues('reviewDeadlines');
  const v = issues.parse(ReviewDeadlinesInput, input, '');
  const p = policyOf(policy, issues);
  const received: number[] = [];
  const windows: Array<number | undefined> = [];
  let now: number | undefined;
  if (v !== undefined) {
    now = v.now === undefined ? undefined : toEpochMs(v.now);
    v.reviews.forEach((r, i) => {
      const at = toEpochMs(r.receivedAt);
      const window = r.windowClosesAt === undefined ? undefined : toEpochMs(r.windowClosesAt);
      received.push(at);
      windows.push(window);
      checkOrder(at, window, now, `reviews.${i}.`, issues);
    });
    checkUnique(v.reviews, (r) => r.reviewId, (i) => `reviews.${i}.reviewId`, 'reviewId', issues);
  }
  issues.throwIfAny();
  const reviews = (v as z.output<typeof ReviewDeadlinesInput>).reviews;
  const deadlines = new Deadlines(p as Policy);
  const counts = { onTime: 0, dueSoon: 0, overdue: 0 };
  const items = reviews.map((r, i) => {
    const d = deadlines.of(r, received[i] as number, windows[i], now, `reviews.${i}.`);
    if (d.state !== null) counts[d.state]++;
    return d;
  });
  return { asOf: now === undefined ? null : deadlines.clock.format(now), items, counts };
}

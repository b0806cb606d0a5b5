// SLA-1 invariants: a deadline is never before the review arrives; the 3-day bound holds; no
// service day's cut-off is skipped; overdue is monotone in now; the answer is deterministic and
// the batch agrees with the single call in any order.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addDays, formatInstant, localDate, toEpochMs, zonedInstant } from '../core/time.ts';
import { reviewDeadline, reviewDeadlines, type ReviewInput, type ReviewPolicy, type ReviewState } from './review.ts';
import { isServiceDay } from './service-days.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The Chinese calendar covers 2024–2026; reviews stop three weeks before its end.
const FROM = Date.UTC(2024, 0, 2);
const TO = Date.UTC(2026, 11, 10);

const hhmm = fc.integer({ min: 0, max: 1439 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const policy: fc.Arbitrary<ReviewPolicy> = fc.record({
  timeZone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin'),
  cutoff: fc.oneof(fc.constant('18:30'), hhmm),
  minHandlingMinutes: fc.integer({ min: 0, max: 180 }),
  maxDays: fc.integer({ min: 1, max: 5 }),
  reviewWindowDays: fc.integer({ min: 1, max: 40 }),
  dueSoonMinutes: fc.integer({ min: 0, max: 240 }),
  calendar: fc.record({
    workdays: fc.constantFrom('cnWorkdays' as const, 'weekdays' as const, 'everyDay' as const),
    daysOff: fc.array(fc.integer({ min: 0, max: 20 }).map((d) => addDays('2026-02-10', d)), { maxLength: 4 }),
  }),
});
// Instants around DST changes and the Spring Festival break are drawn often.
const received = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: Date.UTC(2026, 1, 8), max: Date.UTC(2026, 2, 12) }),
  fc.integer({ min: Date.UTC(2026, 9, 20), max: Date.UTC(2026, 10, 5) }),
);
const review: fc.Arbitrary<ReviewInput> = fc
  .record({
    rating: fc.constantFrom('neutral' as const, 'negative' as const),
    receivedAt: received,
    buyerUnreachable: fc.boolean(),
    unresolvable: fc.boolean(),
    window: fc.option(fc.integer({ min: 1, max: 40 * DAY }), { nil: undefined }),
  })
  .map(({ window, ...r }) => (window === undefined ? r : { ...r, windowClosesAt: r.receivedAt + window }));

/** The same wall-clock time `days` local days after `ms`, from core/time (the specification). */
function localDaysLater(ms: number, days: number, timeZone: string): number {
  const subMinute = ((ms % 60_000) + 60_000) % 60_000;
  return zonedInstant(addDays(localDate(ms, timeZone), days), formatInstant(ms - subMinute, timeZone).slice(11, 16), timeZone) + subMinute;
}

const RANK: Record<ReviewState, number> = { onTime: 0, dueSoon: 1, overdue: 2 };

describe('SLA-1 properties', () => {
  test.prop([review, policy], { numRuns: 200 })('SLA-1: the deadline is after arrival and before the window closes; the 3-day bound holds', (r, p) => {
    const d = reviewDeadline(r, p);
    const at = toEpochMs(r.receivedAt);
    const tz = p.timeZone as string;
    expect(d.deadlineEpochMs).toBeGreaterThan(at);
    expect(toEpochMs(d.deadline)).toBe(d.deadlineEpochMs);
    const window = r.windowClosesAt === undefined ? localDaysLater(at, p.reviewWindowDays as number, tz) : toEpochMs(r.windowClosesAt);
    expect(d.deadlineEpochMs).toBeLessThanOrEqual(window);
    if (d.track !== 'explain') {
      expect(d.deadlineEpochMs).toBeLessThanOrEqual(localDaysLater(at, p.maxDays as number, tz));
      expect(d.deadlineEpochMs - at).toBeLessThanOrEqual((p.maxDays as number) * DAY + HOUR);
    } else {
      expect(d.deadlineEpochMs).toBe(window);
    }
  });

  test.prop([review.map((r) => ({ ...r, buyerUnreachable: false, unresolvable: false })), policy], { numRuns: 200 })(
    'SLA-1: the deadline is the first service-day cut-off after arrival, unless a bound comes first',
    (r, p) => {
      const d = reviewDeadline(r, p);
      const at = toEpochMs(r.receivedAt);
      const tz = p.timeZone as string;
      const calendar = p.calendar ?? {};
      const firstDate = localDate(at, tz);
      // Every service day up to the deadline's date: its cut-off either came too soon after arrival or is the deadline.
      const cutoffs: number[] = [];
      for (let date = firstDate; date <= localDate(d.deadlineEpochMs, tz); date = addDays(date, 1)) {
        if (isServiceDay(date, calendar)) cutoffs.push(zonedInstant(date, p.cutoff as string, tz));
      }
      const first = cutoffs.find((c) => at + (p.minHandlingMinutes as number) * 60_000 < c);
      if (d.basis === 'SAME_DAY_CUTOFF' || d.basis === 'NEXT_SERVICE_DAY_CUTOFF') {
        expect(d.deadlineEpochMs).toBe(first);
        expect(d.basis === 'SAME_DAY_CUTOFF').toBe(localDate(d.deadlineEpochMs, tz) === firstDate);
        expect(d.bounds.cutoff).toBe(d.deadline);
      } else {
        expect(first === undefined || first > d.deadlineEpochMs).toBe(true);
      }
    },
  );

  test.prop([review, policy, fc.integer({ min: 0, max: 10 * DAY }), fc.integer({ min: 0, max: 10 * DAY })], { numRuns: 200 })(
    'SLA-1: overdue is monotone in now, and now never moves the deadline',
    (r, p, a, b) => {
      const at = toEpochMs(r.receivedAt);
      const [early, late] = a <= b ? [at + a, at + b] : [at + b, at + a];
      const first = reviewDeadline({ ...r, now: early }, p);
      const second = reviewDeadline({ ...r, now: late }, p);
      expect(second.deadline).toBe(first.deadline);
      expect(RANK[second.state as ReviewState]).toBeGreaterThanOrEqual(RANK[first.state as ReviewState]);
      if (first.state === 'overdue') expect(second.state).toBe('overdue');
      expect(second.minutesLeft as number).toBeLessThanOrEqual(first.minutesLeft as number);
      expect(first.state === 'overdue').toBe(early > first.deadlineEpochMs);
    },
  );

  test.prop([fc.array(review, { maxLength: 12 }), policy, fc.integer({ min: 0, max: 5 * DAY })], { numRuns: 100 })(
    'deterministic; the batch equals the single calls, in any order',
    (reviews, p, after) => {
      const now = Math.max(0, ...reviews.map((r) => toEpochMs(r.receivedAt))) + after;
      const batch = reviewDeadlines({ now, reviews }, p);
      expect(reviewDeadlines({ now, reviews }, p)).toEqual(batch);
      expect(batch.items).toEqual(reviews.map((r) => reviewDeadline({ ...r, now }, p)));
      const reversed = reviewDeadlines({ now, reviews: [...reviews].reverse() }, p);
      expect(reversed.items).toEqual([...batch.items].reverse());
      expect(reversed.counts).toEqual(batch.counts);
      expect(batch.counts.onTime + batch.counts.dueSoon + batch.counts.overdue).toBe(reviews.length);
    },
  );
});

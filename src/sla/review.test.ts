import { describe, expect, it } from 'vitest';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import { reviewDeadline, reviewDeadlines, type ReviewInput, type ReviewPolicy } from './review.ts';

const due = (review: ReviewInput, policy?: ReviewPolicy) => reviewDeadline(review, policy);
const negative = (receivedAt: string, more: Partial<ReviewInput> = {}): ReviewInput => ({ rating: 'negative', receivedAt, ...more });

describe('reviewDeadline (SLA-1)', () => {
  it('SLA-1: a review before 18:30 on a working day is due at 18:30 that day', () => {
    expect(due(negative('2026-11-12T10:00:00+08:00', { reviewId: 'rv-1' }))).toEqual({
      reviewId: 'rv-1',
      rating: 'negative',
      track: 'standard',
      receivedAt: '2026-11-12T10:00:00+08:00',
      deadline: '2026-11-12T18:30:00+08:00',
      deadlineEpochMs: Date.parse('2026-11-12T18:30:00+08:00'),
      basis: 'SAME_DAY_CUTOFF',
      rule: 'SLA-1',
      bounds: { cutoff: '2026-11-12T18:30:00+08:00', maxDays: '2026-11-15T10:00:00+08:00', reviewWindow: '2026-12-12T10:00:00+08:00' },
      reasons: ['RECEIVED_BEFORE_CUTOFF'],
      state: null,
      minutesLeft: null,
      message: 'Negative review received 2026-11-12 10:00, before the 18:30 cut-off: handle the same day; due 2026-11-12 18:30 (SLA-1).',
    });
    expect(due(negative('2026-11-12T18:29:59.999+08:00')).deadline).toBe('2026-11-12T18:30:00+08:00');
  });

  it('SLA-1: at or after the cut-off, the next working day at 18:30', () => {
    const atCutoff = due(negative('2026-11-12T18:30:00+08:00'));
    expect(atCutoff).toMatchObject({ deadline: '2026-11-13T18:30:00+08:00', basis: 'NEXT_SERVICE_DAY_CUTOFF', reasons: ['RECEIVED_AFTER_CUTOFF'] });
    expect(atCutoff.message).toBe('Negative review received 2026-11-12 18:30, after the 18:30 cut-off: handle on the next service day; due 2026-11-13 18:30 (SLA-1).');
    // Friday evening → Monday; Saturday → Monday.
    expect(due(negative('2026-11-13T20:00:00+08:00')).deadline).toBe('2026-11-16T18:30:00+08:00');
    expect(due(negative('2026-11-14T09:00:00+08:00'))).toMatchObject({ deadline: '2026-11-16T18:30:00+08:00', reasons: ['RECEIVED_ON_DAY_OFF'] });
  });

  it('SLA-1: make-up workdays (调休) are working days; holidays are not', () => {
    expect(due(negative('2026-02-14T10:00:00+08:00')).basis).toBe('SAME_DAY_CUTOFF'); // Saturday worked before Spring Festival
    expect(due(negative('2026-09-20T11:00:00+08:00')).deadline).toBe('2026-09-20T18:30:00+08:00'); // Sunday worked before National Day
    expect(due(negative('2026-10-09T20:00:00+08:00')).deadline).toBe('2026-10-10T18:30:00+08:00'); // Friday → the make-up Saturday
    expect(due(negative('2026-05-04T12:00:00+08:00'))).toMatchObject({ deadline: '2026-05-06T18:30:00+08:00', reasons: ['RECEIVED_ON_DAY_OFF'] });
  });

  it('SLA-1: over a long break the 3-day limit wins', () => {
    const spring = due(negative('2026-02-14T19:00:00+08:00'));
    expect(spring).toMatchObject({
      deadline: '2026-02-17T19:00:00+08:00',
      basis: 'MAX_DAYS',
      reasons: ['RECEIVED_AFTER_CUTOFF', 'CAPPED_BY_MAX_DAYS'],
      bounds: { cutoff: null, maxDays: '2026-02-17T19:00:00+08:00' },
    });
    expect(spring.message).toContain('no cut-off falls within 3 days, so the 3-day limit applies');
    expect(due(negative('2026-09-30T20:00:00+08:00')).deadline).toBe('2026-10-03T20:00:00+08:00');
    expect(due(negative('2025-12-31T19:00:00+08:00')).deadline).toBe('2026-01-03T19:00:00+08:00');
  });

  it('SLA-1: a buyer who cannot be reached gives 3 days at most', () => {
    expect(due(negative('2026-11-12T10:00:00+08:00', { buyerUnreachable: true }))).toMatchObject({
      track: 'buyerUnreachable',
      deadline: '2026-11-15T10:00:00+08:00',
      basis: 'MAX_DAYS',
      reasons: ['BUYER_UNREACHABLE'],
      bounds: { cutoff: null, maxDays: '2026-11-15T10:00:00+08:00' },
    });
    expect(due(negative('2026-11-12T10:00:00+08:00', { buyerUnreachable: true }), { maxDays: 2 }).deadline).toBe('2026-11-14T10:00:00+08:00');
  });

  it('SLA-1: a review that cannot be settled is explained before the review window closes', () => {
    expect(due(negative('2026-11-12T10:00:00+08:00', { unresolvable: true, buyerUnreachable: true }))).toMatchObject({
      track: 'explain',
      deadline: '2026-12-12T10:00:00+08:00',
      basis: 'REVIEW_WINDOW',
      reasons: ['BUYER_UNREACHABLE', 'UNRESOLVABLE'],
      bounds: { cutoff: null, maxDays: null, reviewWindow: '2026-12-12T10:00:00+08:00' },
    });
    const known = due(negative('2026-11-12T10:00:00+08:00', { unresolvable: true, windowClosesAt: '2026-11-20T00:00:00Z' }));
    expect(known.deadline).toBe('2026-11-20T08:00:00+08:00');
    expect(due(negative('2026-11-12T10:00:00+08:00', { unresolvable: true }), { reviewWindowDays: 15 }).deadline).toBe('2026-11-27T10:00:00+08:00');
  });

  it('SLA-1: every deadline is before the review window closes', () => {
    const capped = due(negative('2026-11-12T10:00:00+08:00', { windowClosesAt: '2026-11-12T15:00:00+08:00' }));
    expect(capped).toMatchObject({
      deadline: '2026-11-12T15:00:00+08:00',
      basis: 'REVIEW_WINDOW',
      reasons: ['RECEIVED_BEFORE_CUTOFF', 'CAPPED_BY_REVIEW_WINDOW'],
      bounds: { cutoff: '2026-11-12T18:30:00+08:00', reviewWindow: '2026-11-12T15:00:00+08:00' },
    });
    expect(due(negative('2026-11-12T10:00:00+08:00', { buyerUnreachable: true, windowClosesAt: '2026-11-13T10:00:00+08:00' })).basis).toBe('REVIEW_WINDOW');
    expect(due(negative('2026-11-12T10:00:00+08:00', { buyerUnreachable: true }), { reviewWindowDays: 2 }).deadline).toBe('2026-11-14T10:00:00+08:00');
  });

  it('SLA-1: the cut-off, the calendar and the least handling time are configurable', () => {
    expect(due(negative('2026-11-12T17:45:00+08:00'), { minHandlingMinutes: 60 })).toMatchObject({ deadline: '2026-11-13T18:30:00+08:00', reasons: ['TOO_CLOSE_TO_CUTOFF'] });
    expect(due(negative('2026-11-12T17:29:00+08:00'), { minHandlingMinutes: 60 }).deadline).toBe('2026-11-12T18:30:00+08:00');
    expect(due(negative('2026-11-12T17:45:00+08:00'), { minHandlingMinutes: 60 }).message).toContain('less than 60 minutes before the 18:30 cut-off');
    expect(due(negative('2026-11-12T17:45:00+08:00'), { cutoff: '17:00' }).deadline).toBe('2026-11-13T17:00:00+08:00');
    // The least handling time holds for the next day's cut-off too (a cut-off just after midnight).
    expect(due(negative('2026-11-12T23:30:00+08:00'), { cutoff: '00:30', minHandlingMinutes: 90, calendar: { workdays: 'everyDay' } }).deadline).toBe('2026-11-14T00:30:00+08:00');
    expect(due(negative('2026-11-14T09:00:00+08:00'), { calendar: { workdays: 'everyDay' } }).deadline).toBe('2026-11-14T18:30:00+08:00');
    expect(due(negative('2026-10-02T09:00:00+08:00'), { calendar: { extraWorkdays: ['2026-10-02'] } }).deadline).toBe('2026-10-02T18:30:00+08:00');
    expect(due(negative('2026-11-12T09:00:00+08:00'), { calendar: { daysOff: ['2026-11-12'] } }).deadline).toBe('2026-11-13T18:30:00+08:00');
  });

  it('SLA-1: the state at now is on time, due soon within the hour, overdue after the deadline', () => {
    const at = (now: string) => due(negative('2026-11-12T10:00:00+08:00', { now }));
    expect(at('2026-11-12T17:29:00+08:00')).toMatchObject({ state: 'onTime', minutesLeft: 61 });
    expect(at('2026-11-12T17:30:00+08:00')).toMatchObject({ state: 'dueSoon', minutesLeft: 60 });
    expect(at('2026-11-12T18:30:00+08:00')).toMatchObject({ state: 'dueSoon', minutesLeft: 0 });
    expect(at('2026-11-12T18:30:00.001+08:00')).toMatchObject({ state: 'overdue', minutesLeft: -1 });
    expect(at('2026-11-13T18:30:00+08:00')).toMatchObject({ state: 'overdue', minutesLeft: -1440 });
    expect(due(negative('2026-11-12T10:00:00+08:00', { now: '2026-11-12T16:00:00+08:00' }), { dueSoonMinutes: 180 }).state).toBe('dueSoon');
    expect(due(negative('2026-11-12T10:00:00+08:00', { now: '2026-11-12T10:00:00+08:00' })).state).toBe('onTime');
  });

  it('SLA-1: DST: days are local days, the cut-off is shop time (New York, Berlin)', () => {
    const ny: ReviewPolicy = { timeZone: 'America/New_York', calendar: { workdays: 'weekdays' } };
    // Friday evening before the spring change → Monday 18:30 EDT, 70.5 hours later (the night lost an hour).
    const spring = due(negative('2026-03-06T19:00:00-05:00'), ny);
    expect(spring).toMatchObject({ deadline: '2026-03-09T18:30:00-04:00', bounds: { maxDays: '2026-03-09T19:00:00-04:00' } });
    expect(spring.deadlineEpochMs - Date.parse('2026-03-06T19:00:00-05:00')).toBe(70.5 * 3_600_000);
    const berlin: ReviewPolicy = { timeZone: 'Europe/Berlin', calendar: { workdays: 'weekdays' } };
    expect(due(negative('2026-10-23T20:00:00+02:00'), berlin).deadline).toBe('2026-10-26T18:30:00+01:00');
    expect(due(negative('2026-10-23T20:00:00+02:00', { buyerUnreachable: true }), berlin).deadline).toBe('2026-10-26T20:00:00+01:00');
    // A cut-off the spring gap skips moves forward by the gap, as core's zonedInstant does.
    expect(due(negative('2026-03-08T01:00:00-05:00'), { timeZone: 'America/New_York', cutoff: '02:30', calendar: { workdays: 'everyDay' } }).deadline).toBe(
      '2026-03-08T03:30:00-04:00',
    );
    // Instants arrive in any offset and leave in the shop's.
    expect(due(negative('2026-11-12T02:00:00Z')).receivedAt).toBe('2026-11-12T10:00:00+08:00');
    expect(due({ rating: 'neutral', receivedAt: Date.parse('2026-11-12T02:00:00Z') }).deadline).toBe('2026-11-12T18:30:00+08:00');
  });

  it('SLA-1: the Chinese calendar covers 2024–2026; other years are an error at receivedAt, or use weekdays', () => {
    const error = kefuErrorOf(() => due(negative('2027-01-05T10:00:00+08:00')), 'CALENDAR_YEAR_UNKNOWN');
    expect(error.issues[0]?.path).toBe('receivedAt');
    expect(kefuErrorOf(() => due(negative('2026-12-31T19:00:00+08:00')), 'CALENDAR_YEAR_UNKNOWN').issues[0]?.path).toBe('receivedAt');
    expect(due(negative('2027-01-05T10:00:00+08:00'), { calendar: { workdays: 'weekdays' } }).deadline).toBe('2027-01-05T18:30:00+08:00');
    // The unreachable and explain tracks need no calendar.
    expect(due(negative('2027-01-05T10:00:00+08:00', { buyerUnreachable: true })).deadline).toBe('2027-01-08T10:00:00+08:00');
  });

  it('rejects hostile reviews, naming the field', () => {
    expectInvalidAt(() => due({} as never), 'rating');
    expectInvalidAt(() => due({} as never), 'receivedAt');
    expectInvalidAt(() => due(null as never), '');
    expectInvalidAt(() => due('rv-1' as never), '');
    expectInvalidAt(() => due({ rating: 'positive', receivedAt: '2026-11-12T10:00:00+08:00' } as never), 'rating');
    expectInvalidAt(() => due({ rating: '差评', receivedAt: '2026-11-12T10:00:00+08:00' } as never), 'rating');
    for (const receivedAt of [Number.NaN, Number.POSITIVE_INFINITY, 1.5, 1e20, -1e20, '2026-11-12T10:00:00', '2026-11-12 10:00+08:00', '2026-02-30T10:00:00+08:00', '', '２０２６-11-12T10:00:00+08:00']) {
      expectInvalidAt(() => due(negative(receivedAt as string)), 'receivedAt', String(receivedAt));
    }
    expectInvalidAt(() => due(negative('2026-11-12T10:00:00+08:00', { reviewId: '' })), 'reviewId');
    expectInvalidAt(() => due(negative('2026-11-12T10:00:00+08:00', { reviewId: 'x'.repeat(201) })), 'reviewId');
    expectInvalidAt(() => due(negative('2026-11-12T10:00:00+08:00', { reviewId: '评'.repeat(100_000) })), 'reviewId');
    expectInvalidAt(() => due(negative(`2026-11-12T10:00:00+08:00${' '.repeat(100_000)}`)), 'receivedAt');
    expectInvalidAt(() => due(negative('2026-11-12T10:00:00+08:00', { buyerUnreachable: 'yes' as never })), 'buyerUnreachable');
    expectInvalidAt(() => due({ ...negative('2026-11-12T10:00:00+08:00'), recievedAt: 'x' } as never), 'recievedAt');
    expectInvalidAt(() => due(negative('2026-11-12T10:00:00+08:00', { now: '2026-11-12T09:59:59+08:00' })), 'receivedAt');
    expectInvalidAt(() => due(negative('2026-11-12T10:00:00+08:00', { windowClosesAt: '2026-11-12T10:00:00+08:00' })), 'windowClosesAt');
    expectInvalidAt(() => due(negative('2026-11-12T10:00:00+08:00', { now: 'now' })), 'now');
    // Odd Unicode in an id is data, not an error: it is echoed as given.
    expect(due(negative('2026-11-12T10:00:00+08:00', { reviewId: '評價\u200b🙂\u202e' })).reviewId).toBe('評價\u200b🙂\u202e');
  });

  it('rejects hostile policies, naming the field, and reports every field at fault at once', () => {
    const r = negative('2026-11-12T10:00:00+08:00');
    expectInvalidAt(() => due(r, { cutoff: '24:00' }), 'policy.cutoff');
    expectInvalidAt(() => due(r, { cutoff: '18:30:00' }), 'policy.cutoff');
    expectInvalidAt(() => due(r, { maxDays: 0 }), 'policy.maxDays');
    expectInvalidAt(() => due(r, { maxDays: 1.5 }), 'policy.maxDays');
    expectInvalidAt(() => due(r, { maxDays: Number.NaN }), 'policy.maxDays');
    expectInvalidAt(() => due(r, { reviewWindowDays: 400 }), 'policy.reviewWindowDays');
    expectInvalidAt(() => due(r, { dueSoonMinutes: -1 }), 'policy.dueSoonMinutes');
    expectInvalidAt(() => due(r, { minHandlingMinutes: 1440 }), 'policy.minHandlingMinutes');
    expectInvalidAt(() => due(r, { timeZone: '+08:00' }), 'policy.timeZone');
    expectInvalidAt(() => due(r, { timeZone: 'Mars/Olympus' }), 'policy.timeZone');
    expectInvalidAt(() => due(r, { calendar: { workdays: 'cn' as never } }), 'policy.calendar.workdays');
    expectInvalidAt(() => due(r, { calendar: { daysOff: ['2026-11-12'], extraWorkdays: ['2026-11-12'] } }), 'policy.calendar.extraWorkdays.0');
    expectInvalidAt(() => due(r, { cutOff: '18:00' } as never), 'policy.cutOff');
    expectInvalidAt(() => due(r, null as never), 'policy');
    const both = kefuErrorOf(() => due({ rating: 'negative', receivedAt: 'soon' }, { cutoff: '6pm' }));
    expect(both.issues.map((i) => i.path)).toEqual(['receivedAt', 'policy.cutoff']);
    expect(both.message).toMatch(/^reviewDeadline: receivedAt: expected an ISO 8601 instant/);
  });
});

describe('reviewDeadlines (SLA-1, many reviews)', () => {
  const reviews = [
    negative('2026-11-12T10:00:00+08:00', { reviewId: 'a' }),
    { rating: 'neutral' as const, receivedAt: '2026-11-10T20:00:00+08:00', reviewId: 'b' },
    negative('2026-11-09T09:00:00+08:00', { reviewId: 'c', buyerUnreachable: true }),
  ];

  it('SLA-1: each answer is the single answer at the batch now; counts per state', () => {
    const now = '2026-11-12T17:45:00+08:00';
    const batch = reviewDeadlines({ now, reviews });
    expect(batch.asOf).toBe(now);
    expect(batch.items).toEqual(reviews.map((r) => reviewDeadline({ ...r, now })));
    expect(batch.items.map((i) => i.state)).toEqual(['dueSoon', 'overdue', 'overdue']);
    expect(batch.counts).toEqual({ onTime: 0, dueSoon: 1, overdue: 2 });
    expect(reviewDeadlines({ reviews })).toMatchObject({ asOf: null, counts: { onTime: 0, dueSoon: 0, overdue: 0 } });
    expect(reviewDeadlines({ reviews: [] }).items).toEqual([]);
  });

  it('names the review at fault', () => {
    expectInvalidAt(() => reviewDeadlines({ reviews: [...reviews, negative('2026-13-01T00:00:00+08:00')] }), 'reviews.3.receivedAt');
    expectInvalidAt(() => reviewDeadlines({ now: '2026-11-12T09:00:00+08:00', reviews }), 'reviews.0.receivedAt');
    expectInvalidAt(() => reviewDeadlines({ reviews: [reviews[0], { ...reviews[1], reviewId: 'a' }] as never }), 'reviews.1.reviewId');
    expectInvalidAt(() => reviewDeadlines({ reviews: [{ ...reviews[0], now: '2026-11-12T12:00:00+08:00' }] as never }), 'reviews.0.now');
    expectInvalidAt(() => reviewDeadlines({ reviews: 'all' } as never), 'reviews');
    expect(kefuErrorOf(() => reviewDeadlines({ reviews: [negative('2027-03-03T10:00:00+08:00')] }), 'CALENDAR_YEAR_UNKNOWN').issues[0]?.path).toBe('reviews.0.receivedAt');
  });

  it('lists at most 20 issues and counts the rest', () => {
    const bad = Array.from({ length: 30 }, () => ({ rating: 'negative' as const, receivedAt: 'later' }));
    const error = kefuErrorOf(() => reviewDeadlines({ reviews: bad }));
    expect(error.issues).toHaveLength(21);
    expect(error.issues[20]).toEqual({ path: '', message: 'and 10 more issues' });
  });
});

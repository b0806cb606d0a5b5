// Merge exactness (reference kpi.md §4.8, invariant 16): metrics of merged records equal the
// metrics of the concatenated raw events, for additive counters.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { counters } from '../../test/fixtures/kpi-records.ts';
import { deriveMetrics } from './metrics.ts';
import { mergeRecords, type KpiRecord } from './record.ts';

/** One day's raw events: reply latencies in ms, paid orders in fen, inquiries and conversions, ratings. */
const dayEvents = fc.record({
  firstReplyMs: fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 30 }),
  replyMs: fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 60 }),
  ordersFen: fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 30 }),
  refundsFen: fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 5 }),
  inquiries: fc.integer({ min: 0, max: 200 }),
  converted: fc.double({ min: 0, max: 1, noNaN: true }),
  stars: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 20 }),
});
type Events = typeof dayEvents extends fc.Arbitrary<infer T> ? T : never;

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Counters of a list of days' events, as one performance export would compute them. */
function countersOf(days: readonly Events[]): KpiRecord['counters'] {
  const all = <K extends keyof Events>(key: K): Array<Events[K] extends Array<infer T> ? T : never> => days.flatMap((d) => d[key] as never);
  const stars = all('stars');
  return counters({
    inquiries: sum(days.map((d) => d.inquiries)),
    inquiryPaidBuyers: sum(days.map((d) => Math.floor(d.inquiries * d.converted))),
    salesAmount: yuan(sum(all('ordersFen'))),
    paidBuyers: all('ordersFen').length,
    refundAmount: yuan(sum(all('refundsFen'))),
    firstReplySeconds: sum(all('firstReplyMs')) / 1000,
    firstReplies: all('firstReplyMs').length,
    replySeconds: sum(all('replyMs')) / 1000,
    replies: all('replyMs').length,
    positiveReviews: stars.filter((s) => s >= 4).length,
    ratings: [1, 2, 3, 4, 5].map((k) => stars.filter((s) => s === k).length) as [number, number, number, number, number],
  });
}

const record = (date: string, days: readonly Events[]): KpiRecord => ({ agentId: 'a', shopId: 's', period: { start: date, end: date }, counters: countersOf(days) });

describe('mergeRecords properties', () => {
  test.prop([fc.array(dayEvents, { minLength: 1, maxLength: 7 })], { numRuns: 150 })('16: metrics of the merged days equal the metrics of all their events', (days) => {
    const records = days.map((d, i) => record(`2026-11-${String(i + 1).padStart(2, '0')}`, [d]));
    const merged = mergeRecords(records);
    const whole: KpiRecord = { ...merged, counters: countersOf(days) };
    expect(deriveMetrics(merged)).toEqual(deriveMetrics(whole));
    expect(merged.counters).toEqual(whole.counters);
  });

  test.prop([fc.array(dayEvents, { minLength: 2, maxLength: 6 }), fc.integer()], { numRuns: 100 })('merging is order-free and associative', (days, seed) => {
    const records = days.map((d, i) => record(`2026-11-${String(i + 1).padStart(2, '0')}`, [d]));
    const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), { seed, numRuns: 1 })[0] as KpiRecord[];
    expect(mergeRecords(shuffled)).toEqual(mergeRecords(records));
    const split = Math.max(1, Math.floor(records.length / 2));
    expect(mergeRecords([mergeRecords(records.slice(0, split)), mergeRecords(records.slice(split))])).toEqual(mergeRecords(records));
  });
});

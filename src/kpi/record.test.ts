import { describe, expect, it } from 'vitest';
import { expectInvalidAt, issueOf } from '../../test/kefu-error.ts';
import { counters, rec } from '../../test/fixtures/kpi-records.ts';
import { deriveMetrics } from './metrics.ts';
import { mergeRecords, type KpiRecord } from './record.ts';

const day = (date: string, overrides: Parameters<typeof counters>[0] = {}, agentId = 'li'): KpiRecord => ({
  agentId,
  shopId: 's1',
  period: { start: date, end: date },
  counters: counters(overrides),
});

describe('mergeRecords (KPI-1, KPI-8)', () => {
  it('KPI-1: adds counters; the merged mean is Σ seconds ÷ Σ count, never the mean of the means', () => {
    const merged = mergeRecords([day('2026-11-10', { replySeconds: 1000, replies: 100 }), day('2026-11-11', { replySeconds: 9000, replies: 300 })]);
    expect(merged.counters.replySeconds).toBe(10000);
    expect(merged.counters.replies).toBe(400);
    expect(deriveMetrics(merged).averageResponseSeconds).toBe(25);
    expect(merged.period).toEqual({ start: '2026-11-10', end: '2026-11-11' });
  });

  it('adds money exactly and keeps 2 decimals', () => {
    const merged = mergeRecords([day('2026-11-10', { salesAmount: '0.10', paidBuyers: 1 }), day('2026-11-11', { salesAmount: 0.2, paidBuyers: 1 }), day('2026-11-12', { salesAmount: '1000000000.05', paidBuyers: 1 })]);
    expect(merged.counters.salesAmount).toBe('1000000000.35');
    expect(merged.counters.paidBuyers).toBe(3);
  });

  it('adds seconds with milliseconds exactly', () => {
    const merged = mergeRecords([day('2026-11-10', { replySeconds: 0.1, replies: 1 }), day('2026-11-11', { replySeconds: 0.2, replies: 1 })]);
    expect(merged.counters.replySeconds).toBe(0.3);
  });

  it('keeps optional counters only when every record has them, and adds ratings star by star', () => {
    const merged = mergeRecords([day('2026-11-10', { ratings: [1, 0, 0, 2, 3], inquiryOrderedBuyers: 0 }), day('2026-11-11', { ratings: [0, 1, 0, 0, 5], inquiryOrderedBuyers: 0 })]);
    expect(merged.counters.ratings).toEqual([1, 1, 0, 2, 8]);
    expect(merged.counters.inquiryOrderedBuyers).toBe(0);
    expect(merged.counters.onlineSeconds).toBeUndefined();
    expectInvalidAt(() => mergeRecords([day('2026-11-10', { ratings: [1, 0, 0, 2, 3] }), day('2026-11-11')]), 'records.1.counters.ratings');
    expectInvalidAt(() => mergeRecords([day('2026-11-10', { extra: { assists: 1 } }), day('2026-11-11', { extra: { other: 1 } })]), 'records.1.counters.extra');
  });

  it('adds extra counters exactly', () => {
    const merged = mergeRecords([day('2026-11-10', { extra: { hours: '7.5' } }), day('2026-11-11', { extra: { hours: 0.000001 } })]);
    expect(merged.counters.extra).toEqual({ hours: '7.500001' });
  });

  it('merges a group into one record when it is named, and refuses to guess the id', () => {
    const a = day('2026-11-10', { inquiries: 10 }, 'wang');
    const b = day('2026-11-10', { inquiries: 20 }, 'li');
    expect(mergeRecords([a, b], { agentId: 'team-a' }).counters.inquiries).toBe(30);
    expect(issueOf(() => mergeRecords([a, b]))?.path).toBe('records.1.agentId');
    expectInvalidAt(() => mergeRecords([a, { ...b, agentId: 'wang', shopId: 's2' }]), 'records.1.shopId');
  });

  it('KPI-8: refuses records counted under different rules or windows, or counted twice', () => {
    expectInvalidAt(() => mergeRecords([day('2026-11-10'), { ...day('2026-11-11'), creditRule: 'order' }]), 'records.1.creditRule');
    expectInvalidAt(() => mergeRecords([day('2026-11-10'), { ...day('2026-11-11'), windowDays: 15 }]), 'records.1.windowDays');
    expectInvalidAt(() => mergeRecords([day('2026-11-10'), day('2026-11-10')]), 'records.1.period');
    expectInvalidAt(() => mergeRecords([rec('li'), day('2026-11-15')]), 'records.1.period');
    // Different agents may share the same day in a group merge.
    expect(mergeRecords([day('2026-11-10', {}, 'a'), day('2026-11-10', {}, 'b')], { agentId: 'g' }).period).toEqual({ start: '2026-11-10', end: '2026-11-10' });
  });

  it('merges instant periods: hours of the event day', () => {
    const hour = (h: number): KpiRecord => ({
      ...day('2026-11-11', { inquiries: h }),
      period: { start: `2026-11-11T${String(h).padStart(2, '0')}:00:00+08:00`, end: `2026-11-11T${String(h + 1).padStart(2, '0')}:00:00+08:00` },
    });
    const merged = mergeRecords([hour(1), hour(0), hour(2)]);
    expect(merged.period).toEqual({ start: '2026-11-11T00:00:00+08:00', end: '2026-11-11T03:00:00+08:00' });
    expect(merged.counters.inquiries).toBe(3);
    expectInvalidAt(() => mergeRecords([hour(1), day('2026-11-12')]), 'records.1.period');
    // Half-open: 01:00–02:00 and 02:00–03:00 touch but do not overlap; 01:00–02:30 would.
    expectInvalidAt(() => mergeRecords([hour(1), { ...hour(2), period: { start: '2026-11-11T01:30:00+08:00', end: '2026-11-11T03:00:00+08:00' } }]), 'records.1.period');
  });

  it('validates its input like every other function', () => {
    expectInvalidAt(() => mergeRecords([]), 'records');
    expectInvalidAt(() => mergeRecords([day('2026-11-10', { inquiries: -3 })]), 'records.0.counters.inquiries');
    expectInvalidAt(() => mergeRecords([day('2026-11-10')], { agentid: 'x' } as never), 'options.agentid');
  });

  it('refuses sums that a double could not hold exactly', () => {
    const huge = (date: string): KpiRecord => day(date, { salesAmount: '60000000000000.00', paidBuyers: 1 });
    expect(issueOf(() => mergeRecords([huge('2026-11-10'), huge('2026-11-11')]))?.path).toBe('records');
  });
});

describe('record validation (KPI-1)', () => {
  it('defaults: credit rule payment, a 2-day window', () => {
    const merged = mergeRecords([rec('a')]);
    expect([merged.creditRule, merged.windowDays]).toEqual(['payment', 2]);
  });

  it('rejects money with more than 2 decimals, exponents and separators, and seconds with more than 3 decimals', () => {
    for (const salesAmount of ['1e3', '1,000', ' 10', '10.001', '', '+5']) expectInvalidAt(() => deriveMetrics(rec('a', { salesAmount, paidBuyers: 1 })), 'record.counters.salesAmount', salesAmount);
    expectInvalidAt(() => deriveMetrics(rec('a', { replySeconds: 1.0005, replies: 1 })), 'record.counters.replySeconds');
    expectInvalidAt(() => deriveMetrics(rec('a', { replySeconds: '10' as unknown as number, replies: 1 })), 'record.counters.replySeconds');
    expectInvalidAt(() => deriveMetrics(rec('a', { salesAmount: '99999999999999999.00', paidBuyers: 1 })), 'record.counters.salesAmount');
  });

  it('accepts "-0" and trailing zeros as exact values', () => {
    expect(deriveMetrics(rec('a', { salesAmount: '-0.00', refundAmount: '10.500' })).refundAmount).toBe('10.50');
  });

  it('rejects windows outside 1–30 days and unknown credit rules', () => {
    expectInvalidAt(() => deriveMetrics({ ...rec('a'), windowDays: 0 }), 'record.windowDays');
    expectInvalidAt(() => deriveMetrics({ ...rec('a'), windowDays: 2.5 }), 'record.windowDays');
    expectInvalidAt(() => deriveMetrics({ ...rec('a'), creditRule: 'last-touch' as never }), 'record.creditRule');
  });

  it('DST edges do not matter to instant periods: an hour is an hour', () => {
    // New York falls back on 2026-11-01: 01:00–01:59 happens twice. Both instants are explicit.
    const r: KpiRecord = { ...rec('a'), period: { start: '2026-11-01T01:30:00-04:00', end: '2026-11-01T01:30:00-05:00' } };
    expect(mergeRecords([r]).period).toEqual(r.period);
    expectInvalidAt(() => mergeRecords([{ ...r, period: { start: r.period.end, end: r.period.start } }]), 'records.0.period.end');
  });
});

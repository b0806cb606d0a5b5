import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { rec } from '../../test/fixtures/kpi-records.ts';
import type { KpiRecord } from './record.ts';
import { conversionWatchlist, normalQuantile, wilsonInterval } from './watchlist.ts';

const window = { period: { start: '2026-11-11T10:00:00+08:00', end: '2026-11-11T12:00:00+08:00' } };
const w = (agentId: string, inquiries: number, paid: number, ordered?: number): KpiRecord =>
  rec(agentId, { inquiries, inquiryPaidBuyers: paid, ...(ordered === undefined ? {} : { inquiryOrderedBuyers: ordered }) }, window);

describe('conversionWatchlist (KPI-6)', () => {
  it('KPI-6: flags only when even the upper Wilson bound is below the threshold', () => {
    const list = conversionWatchlist([w('low', 100, 5), w('unlucky', 25, 2), w('fine', 100, 30)], { threshold: 0.2 });
    expect(list.map((e) => [e.agentId, e.status])).toEqual([
      ['low', 'attention'],
      ['fine', 'ok'],
      ['unlucky', 'ok'],
    ]);
    // 2 of 25 is 8%, below 20%, but 25 inquiries cannot rule out 20% (upper bound ≈ 25%).
    expect(list.find((e) => e.agentId === 'unlucky')?.upperBound).toBeGreaterThan(0.2);
  });

  it('KPI-6: the point method flags every rate below the threshold once the sample is large enough', () => {
    const list = conversionWatchlist([w('low', 100, 5), w('unlucky', 25, 2), w('fine', 100, 30)], { threshold: 0.2, method: 'point' });
    expect(list.filter((e) => e.status === 'attention').map((e) => e.agentId)).toEqual(['low', 'unlucky']);
  });

  it('KPI-6: too few inquiries are not judged at all', () => {
    const list = conversionWatchlist([w('new', 8, 0), w('idle', 0, 0)], { threshold: 0.2 });
    expect(list.map((e) => [e.agentId, e.status, e.conversion])).toEqual([
      ['idle', 'tooFewInquiries', null],
      ['new', 'tooFewInquiries', 0],
    ]);
  });

  it('KPI-6: by default the threshold is 80% of the team’s pooled conversion over the same window', () => {
    const list = conversionWatchlist([w('a', 100, 40), w('b', 100, 40), w('c', 100, 10)]);
    // Team 90 / 300 = 30%; threshold 24%.
    expect(list[0]?.threshold).toBeCloseTo(0.24, 12);
    expect(list[0]?.agentId).toBe('c');
    expect(list[0]?.status).toBe('attention');
    expect(list[0]?.message).toContain('not a penalty');
  });

  it('reads the ordered counter on the event day when asked', () => {
    const list = conversionWatchlist([w('a', 100, 0, 40), w('b', 100, 0, 5)], { conversion: 'ordered', threshold: 0.2 });
    expect(list.map((e) => [e.agentId, e.status, e.converted])).toEqual([
      ['b', 'attention', 5],
      ['a', 'ok', 40],
    ]);
    expectInvalidAt(() => conversionWatchlist([w('a', 100, 0)], { conversion: 'ordered' }), 'records.0.counters.inquiryOrderedBuyers');
  });

  it('names the field at fault', () => {
    expectInvalidAt(() => conversionWatchlist([w('a', 10, 1)], { threshold: 0.2, relativeToTeam: 0.8 }), 'options.relativeToTeam');
    expectInvalidAt(() => conversionWatchlist([w('a', 10, 1)], { threshold: 1.5 }), 'options.threshold');
    expectInvalidAt(() => conversionWatchlist([w('a', 10, 1)], { confidence: 1 }), 'options.confidence');
    expectInvalidAt(() => conversionWatchlist([w('a', 10, 1)], { minInquiries: 0 }), 'options.minInquiries');
    expectInvalidAt(() => conversionWatchlist([w('a', 10, 11)]), 'records.0.counters.inquiryPaidBuyers');
    expectInvalidAt(() => conversionWatchlist([w('a', 10, 1), rec('b', {}, { period: { start: '2026-11-11', end: '2026-11-11' } })]), 'records.1.period');
  });
});

describe('Wilson interval', () => {
  it('matches published values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    const { lower, upper } = wilsonInterval(5, 80, 1.959964);
    expect(lower).toBeCloseTo(0.02698, 4);
    expect(upper).toBeCloseTo(0.13808, 4);
    expect(wilsonInterval(0, 10, 1.96).lower).toBe(0);
    expect(wilsonInterval(10, 10, 1.96).upper).toBe(1);
  });
});

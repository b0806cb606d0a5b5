import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { rec } from '../../test/fixtures/kpi-records.ts';
import { deriveMetrics, METRICS, type MetricDefinition } from './metrics.ts';

describe('METRICS catalogue (KPI-1, KPI-3, KPI-8)', () => {
  it('KPI-1: holds the seeds’ agent metrics with labels, direction, unit and minimum sample', () => {
    const agent = Object.values(METRICS).filter((m) => m.scope === 'agent');
    expect(agent.map((m) => m.id)).toEqual([
      'inquiryConversion',
      'inquiryOrderConversion',
      'averageOrderValue',
      'salesAmount',
      'refundAmount',
      'refundRate',
      'firstResponseSeconds',
      'averageResponseSeconds',
      'positiveReviews',
      'satisfaction',
    ]);
    for (const m of Object.values(METRICS)) {
      expect(m.labels['zh-CN'].length).toBeGreaterThan(0);
      expect(m.labels.en.length).toBeGreaterThan(0);
      expect(Object.keys(METRICS)).toContain(m.id);
    }
    expect([METRICS.inquiryConversion.labels['zh-CN'], METRICS.averageOrderValue.labels['zh-CN'], METRICS.positiveReviews.labels['zh-CN']]).toEqual(['询单转化率', '客单价', '好评数']);
    expect(['firstResponseSeconds', 'averageResponseSeconds', 'refundRate', 'refundAmount'].map((id) => METRICS[id as keyof typeof METRICS].direction)).toEqual(['lower', 'lower', 'lower', 'lower']);
    expect([METRICS.inquiryConversion.minSample, METRICS.averageOrderValue.minSample, METRICS.salesAmount.minSample]).toEqual([20, 5, 0]);
  });

  it('KPI-3: shop service score and the 3-minute response rate exist as shop-scope metrics', () => {
    expect(Object.values(METRICS).filter((m) => m.scope === 'shop').map((m) => m.id)).toEqual(['shopServiceScore', 'threeMinuteResponseRate', 'disputeRate']);
    expect(METRICS.threeMinuteResponseRate.labels['zh-CN']).toBe('3分钟人工响应率');
  });
});

describe('deriveMetrics (KPI-1)', () => {
  const full = rec('wang', {
    inquiries: 400,
    inquiryPaidBuyers: 152,
    inquiryOrderedBuyers: 180,
    salesAmount: '60800.00',
    paidBuyers: 160,
    refundAmount: '1216.00',
    firstReplySeconds: 4400,
    firstReplies: 400,
    replySeconds: 36000,
    replies: 2400,
    positiveReviews: 90,
    ratings: [2, 1, 7, 40, 150],
  });

  it('computes every agent metric as a ratio of sums; money as exact 2-decimal strings', () => {
    expect(deriveMetrics(full)).toEqual({
      inquiryConversion: 0.38,
      inquiryOrderConversion: 0.45,
      averageOrderValue: '380.00',
      salesAmount: '60800.00',
      refundAmount: '1216.00',
      refundRate: 0.02,
      firstResponseSeconds: 11,
      averageResponseSeconds: 15,
      positiveReviews: 90,
      satisfaction: 0.95,
    });
  });

  it('rounds the displayed AOV half up to the fen, from the exact value', () => {
    expect(deriveMetrics(rec('a', { salesAmount: '100.00', paidBuyers: 3 })).averageOrderValue).toBe('33.33');
    expect(deriveMetrics(rec('a', { salesAmount: '200.00', paidBuyers: 3 })).averageOrderValue).toBe('66.67');
    expect(deriveMetrics(rec('a', { salesAmount: '0.01', paidBuyers: 2 })).averageOrderValue).toBe('0.01');
  });

  it('gives null where a denominator is 0 or an optional counter is missing; never NaN', () => {
    const empty = deriveMetrics(rec('idle'));
    expect(empty).toEqual({
      inquiryConversion: null,
      inquiryOrderConversion: null,
      averageOrderValue: null,
      salesAmount: '0.00',
      refundAmount: '0.00',
      refundRate: null,
      firstResponseSeconds: null,
      averageResponseSeconds: null,
      positiveReviews: 0,
      satisfaction: null,
    });
    expect(deriveMetrics(rec('r', { ratings: [0, 0, 0, 0, 0] })).satisfaction).toBeNull();
  });

  it('a refund rate above 1 is possible (refunds of earlier sales) and kept as is', () => {
    expect(deriveMetrics(rec('a', { salesAmount: '100', paidBuyers: 1, refundAmount: '150' })).refundRate).toBe(1.5);
  });

  it('KPI-8: derives custom metrics from extra counters, with a multiplier', () => {
    const perHour: MetricDefinition = {
      id: 'salesPerOnlineHour',
      labels: { 'zh-CN': '每在线小时销售额', en: 'Sales per online hour' },
      direction: 'higher',
      unit: 'money',
      formula: { kind: 'ratio', numerator: ['salesAmount'], denominator: ['onlineSeconds'], multiplier: 3600 },
    };
    const assists: MetricDefinition = { id: 'assists', labels: { 'zh-CN': '协助单数', en: 'Assisted orders' }, direction: 'higher', unit: 'count', formula: { kind: 'sum', counters: ['extra.assists', 'extra.followUps'] } };
    const r = rec('a', { salesAmount: '1000.00', paidBuyers: 4, onlineSeconds: 3 * 3600, extra: { assists: 3, followUps: '2.5' } });
    const m = deriveMetrics(r, { metrics: [perHour, assists] });
    expect(m['salesPerOnlineHour']).toBe('333.33');
    expect(m['assists']).toBe(5.5);
    expect(deriveMetrics(rec('a'), { metrics: [assists] })['assists']).toBeNull();
  });

  it('rejects bad custom definitions naming the field', () => {
    const base = { labels: { 'zh-CN': 'x', en: 'x' }, direction: 'higher', unit: 'ratio' } as const;
    expectInvalidAt(() => deriveMetrics(rec('a'), { metrics: [{ ...base, id: 'x', formula: { kind: 'ratio', numerator: [], denominator: ['inquiries'] } }] }), 'options.metrics.0.formula.numerator');
    expectInvalidAt(() => deriveMetrics(rec('a'), { metrics: [{ ...base, id: 'x', formula: { kind: 'ratio', numerator: ['replies'], denominator: ['inquiries'], multiplier: 0 } }] }), 'options.metrics.0.formula.multiplier');
    expectInvalidAt(() => deriveMetrics(rec('a'), { metrics: [{ ...base, id: '1x', formula: { kind: 'sum', counters: ['replies'] } }] }), 'options.metrics.0.id');
    expectInvalidAt(() => deriveMetrics(rec('a'), { metrics: [{ ...base, id: 'x', direction: 'up' as never, formula: { kind: 'sum', counters: ['replies'] } }] }), 'options.metrics.0.direction');
    expectInvalidAt(
      () => deriveMetrics(rec('a'), { metrics: [{ ...base, id: 'x', formula: { kind: 'sum', counters: ['replies'] } }, { ...base, id: 'x', formula: { kind: 'sum', counters: ['replies'] } }] }),
      'options.metrics.1.id',
    );
    expectInvalidAt(() => deriveMetrics(rec('a'), { metrics: [{ ...base, id: 'x', formula: { kind: 'sum', counters: ['replies'] }, minSample: -1 }] }), 'options.metrics.0.minSample');
  });

  it('rejects a bad record with paths under record', () => {
    expectInvalidAt(() => deriveMetrics(rec('a', { inquiries: 3, inquiryPaidBuyers: 4 })), 'record.counters.inquiryPaidBuyers');
    expectInvalidAt(() => deriveMetrics({ ...rec('a'), counters: undefined } as never), 'record.counters');
    expectInvalidAt(() => deriveMetrics(undefined as never), 'record');
  });
});

import { describe, expect, it } from 'vitest';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import { rec } from '../../test/fixtures/kpi-records.ts';
import type { KpiRecord } from './record.ts';
import { scoreAgents, type Scorecard } from './scorecard.ts';

/** A cohort with one metric that matters: conversion = paid / 100 inquiries. */
const conv = (agentId: string, paid: number, inquiries = 100): KpiRecord => rec(agentId, { inquiries, inquiryPaidBuyers: paid });
const one = (normalize: Scorecard['items'][number]['normalize'], metric = 'inquiryConversion'): Scorecard => ({ items: [{ metric, weight: 1, normalize }] });
const scoreOf = (records: KpiRecord[], card: Scorecard, id: string): number | null | undefined => scoreAgents(records, card).find((s) => s.agentId === id)?.total;

describe('scoreAgents normalisers (KPI-1, KPI-2)', () => {
  it('band: linear between zeroAt and fullAt, clamped; lower-is-better with zeroAt above fullAt', () => {
    const card = one({ kind: 'band', zeroAt: 0.2, fullAt: 0.4 });
    expect(scoreOf([conv('a', 30)], card, 'a')).toBe(50);
    expect(scoreOf([conv('a', 10)], card, 'a')).toBe(0);
    expect(scoreOf([conv('a', 90)], card, 'a')).toBe(100);
    const response = one({ kind: 'band', zeroAt: 60, fullAt: 15 }, 'firstResponseSeconds');
    const r = (id: string, seconds: number): KpiRecord => rec(id, { firstReplies: 10, firstReplySeconds: seconds * 10 });
    expect(scoreAgents([r('a', 30), r('b', 15), r('c', 90), r('d', 50)], response).map((s) => [s.agentId, s.total])).toEqual([
      ['b', 100],
      ['a', 66.67],
      ['d', 22.22],
      ['c', 0],
    ]);
  });

  it('steps: the best step reached, 0 below all; "at most" for lower-is-better metrics', () => {
    const card = one({ kind: 'steps', steps: [{ at: 0.45, score: 100 }, { at: 0.35, score: 60 }, { at: 0.4, score: 80 }] });
    expect([34, 35, 39, 40, 44, 45, 99].map((p) => scoreOf([conv('a', p)], card, 'a'))).toEqual([0, 60, 60, 80, 80, 100, 100]);
    const response = one({ kind: 'steps', steps: [{ at: 30, score: 60 }, { at: 20, score: 80 }, { at: 15, score: 100 }] }, 'firstResponseSeconds');
    const r = (s: number): KpiRecord => rec('a', { firstReplies: 10, firstReplySeconds: s * 10 });
    expect([31, 30, 21, 20, 15, 1].map((s) => scoreOf([r(s)], response, 'a'))).toEqual([0, 60, 60, 80, 100, 100]);
  });

  it('target: attainment up to the cap, cap 1 by default; lower-is-better uses target ÷ value', () => {
    const sales = (id: string, amount: string): KpiRecord => rec(id, { salesAmount: amount, paidBuyers: 1 });
    expect(scoreOf([sales('a', '25000')], one({ kind: 'target', target: 50000 }, 'salesAmount'), 'a')).toBe(50);
    expect(scoreOf([sales('a', '90000')], one({ kind: 'target', target: 50000 }, 'salesAmount'), 'a')).toBe(100);
    // cap 1.2: full marks only at 120%; 100% is 83.33.
    expect(scoreOf([sales('a', '50000')], one({ kind: 'target', target: 50000, cap: 1.2 }, 'salesAmount'), 'a')).toBe(83.33);
    expect(scoreOf([sales('a', '60000')], one({ kind: 'target', target: 50000, cap: 1.2 }, 'salesAmount'), 'a')).toBe(100);
    const response = one({ kind: 'target', target: 20 }, 'averageResponseSeconds');
    const r = (s: number): KpiRecord => rec('a', { replies: 10, replySeconds: s * 10 });
    expect([40, 20, 10, 0].map((s) => scoreOf([r(s)], response, 'a'))).toEqual([50, 100, 100, 100]);
  });

  it('minmax: worst 0, best 100, in between linear; every value equal gives `degenerate`', () => {
    const card = one({ kind: 'minmax' });
    expect(scoreAgents([conv('a', 20), conv('b', 30), conv('c', 60)], card).map((s) => s.total)).toEqual([100, 25, 0]);
    expect(scoreAgents([conv('a', 20), conv('b', 20)], card).map((s) => s.total)).toEqual([50, 50]);
    expect(scoreAgents([conv('a', 20)], one({ kind: 'minmax', degenerate: 100 })).map((s) => s.total)).toEqual([100]);
  });

  it('percentile: mid-rank among the cohort; a cohort of one gets `single`', () => {
    const card = one({ kind: 'percentile' });
    // Four agents, two tied in the middle: (worse + ½ equal others) ÷ 3.
    const scores = scoreAgents([conv('a', 10), conv('b', 20), conv('c', 20), conv('d', 30)], card);
    expect(scores.map((s) => [s.agentId, s.total])).toEqual([
      ['d', 100],
      ['b', 50],
      ['c', 50],
      ['a', 0],
    ]);
    expect(scoreAgents([conv('a', 10)], one({ kind: 'percentile', single: 75 }))[0]?.total).toBe(75);
    // Lower is better: the fastest responder is the top percentile.
    const r = (id: string, s: number): KpiRecord => rec(id, { firstReplies: 10, firstReplySeconds: s * 10 });
    expect(scoreAgents([r('slow', 50), r('fast', 10), r('mid', 30)], one({ kind: 'percentile' }, 'firstResponseSeconds')).map((s) => [s.agentId, s.total])).toEqual([
      ['fast', 100],
      ['mid', 50],
      ['slow', 0],
    ]);
  });
});

describe('scoreAgents totals and ranks (KPI-2)', () => {
  const card: Scorecard = {
    items: [
      { metric: 'inquiryConversion', weight: 60, normalize: { kind: 'band', zeroAt: 0, fullAt: 0.5 } },
      { metric: 'firstResponseSeconds', weight: 40, normalize: { kind: 'band', zeroAt: 60, fullAt: 0 } },
    ],
  };

  it('KPI-1: the total is the weighted mean of the item scores shown', () => {
    const [s] = scoreAgents([rec('a', { inquiries: 100, inquiryPaidBuyers: 40, firstReplies: 10, firstReplySeconds: 150 })], card);
    // conversion 0.4 → 80; first response 15 s → 75; 0.6 × 80 + 0.4 × 75 = 78
    expect(s?.metrics).toEqual({ inquiryConversion: { value: 0.4, score: 80 }, firstResponseSeconds: { value: 15, score: 75 } });
    expect(s?.total).toBe(78);
    expect(s?.scoredWeight).toBe(1);
  });

  it('KPI-2: below the minimum sample an agent is unscored on the metric (not 0) and the rest is re-weighted', () => {
    const [s] = scoreAgents([rec('new', { inquiries: 5, inquiryPaidBuyers: 5, firstReplies: 10, firstReplySeconds: 150 })], card);
    expect(s?.metrics['inquiryConversion']).toEqual({ value: 1, score: null, reason: 'belowMinSample' });
    expect(s?.total).toBe(75);
    expect(s?.scoredWeight).toBe(0.4);
    expect(s?.rank).toBe(1);
  });

  it('KPI-2: a per-item minSample overrides the catalogue', () => {
    const lowered: Scorecard = { items: [{ ...card.items[0]!, minSample: 5 }, card.items[1]!] };
    const [s] = scoreAgents([rec('new', { inquiries: 5, inquiryPaidBuyers: 5, firstReplies: 10, firstReplySeconds: 150 })], lowered);
    expect(s?.metrics['inquiryConversion']).toEqual({ value: 1, score: 100 });
  });

  it('KPI-2: missing data is unscored with reason noData; nothing scored means no total and no rank', () => {
    const scores = scoreAgents([rec('idle'), rec('busy', { inquiries: 100, inquiryPaidBuyers: 50, firstReplies: 10, firstReplySeconds: 0 })], card);
    expect(scores.map((s) => [s.agentId, s.total, s.rank, s.tieSize])).toEqual([
      ['busy', 100, 1, 1],
      ['idle', null, null, null],
    ]);
    expect(scores[1]?.metrics['firstResponseSeconds']).toEqual({ value: null, score: null, reason: 'noData' });
    expect(scores[1]?.scoredWeight).toBe(0);
  });

  it('minScoredWeight withholds a total when too little of the card is scored', () => {
    const strict: Scorecard = { ...card, minScoredWeight: 0.5 };
    const [s] = scoreAgents([rec('new', { inquiries: 5, inquiryPaidBuyers: 5, firstReplies: 10, firstReplySeconds: 150 })], strict);
    expect(s?.total).toBeNull();
    expect(s?.rank).toBeNull();
  });

  it('KPI-2: competition ranking 1224, ties share a rank and never follow input order', () => {
    const cohort = [conv('d', 10), conv('c', 30), conv('b', 30), conv('a', 40)];
    const scores = scoreAgents(cohort, one({ kind: 'band', zeroAt: 0, fullAt: 0.5 }));
    expect(scores.map((s) => [s.agentId, s.rank, s.tieSize])).toEqual([
      ['a', 1, 1],
      ['b', 2, 2],
      ['c', 2, 2],
      ['d', 4, 1],
    ]);
    expect(scoreAgents([...cohort].reverse(), one({ kind: 'band', zeroAt: 0, fullAt: 0.5 }))).toEqual(scores);
  });

  it('KPI-2: tie-breakers order equal totals by their own direction; still-equal agents share the rank', () => {
    const withSales = (id: string, paid: number, sales: string): KpiRecord => rec(id, { inquiries: 100, inquiryPaidBuyers: paid, salesAmount: sales, paidBuyers: 1 });
    const cohort = [withSales('a', 30, '100'), withSales('b', 30, '300'), withSales('c', 30, '100')];
    const card2: Scorecard = { ...one({ kind: 'steps', steps: [{ at: 0.3, score: 80 }] }), tieBreakers: ['salesAmount'] };
    expect(scoreAgents(cohort, card2).map((s) => [s.agentId, s.rank, s.tieSize])).toEqual([
      ['b', 1, 1],
      ['a', 2, 2],
      ['c', 2, 2],
    ]);
    // A lower-is-better tie-breaker: less refund wins.
    const refunds = [rec('x', { inquiries: 100, inquiryPaidBuyers: 30, refundAmount: '50' }), rec('y', { inquiries: 100, inquiryPaidBuyers: 30, refundAmount: '10' })];
    expect(scoreAgents(refunds, { ...card2, tieBreakers: ['refundAmount'] }).map((s) => s.agentId)).toEqual(['y', 'x']);
  });

  it('rounds every score once to 0.01 in the chosen mode', () => {
    const third = [conv('a', 1, 30)]; // 1/30 with a band 0..0.1 → 33.333…
    const card3 = (rounding: Scorecard['rounding']): Scorecard => ({ items: [{ metric: 'inquiryConversion', weight: 1, normalize: { kind: 'band', zeroAt: 0, fullAt: 0.1 } }], ...(rounding ? { rounding } : {}) });
    expect(scoreAgents(third, card3(undefined))[0]?.total).toBe(33.33);
    expect(scoreAgents(third, card3('up'))[0]?.total).toBe(33.34);
    // 2/30 → 66.666…: half-up and half-even agree away from ties.
    expect(scoreAgents([conv('a', 2, 30)], card3('halfEven'))[0]?.total).toBe(66.67);
    // An exact tie: 0.00125 of 0.1 is 1.25 points at 0.01 resolution… 1/800 → 1.25: half-even keeps 1.25.
    expect(scoreAgents([conv('a', 1, 800)], { ...card3('halfEven'), items: [{ metric: 'inquiryConversion', weight: 1, minSample: 0, normalize: { kind: 'band', zeroAt: 0, fullAt: 0.1 } }] })[0]?.total).toBe(1.25);
    // 1/1600 → 0.625 points: a tie at the 0.01 grid, half-even → 0.62, half-up → 0.63.
    const tie = (rounding: Scorecard['rounding']): number | null | undefined =>
      scoreAgents([conv('a', 1, 1600)], { rounding, items: [{ metric: 'inquiryConversion', weight: 1, normalize: { kind: 'band', zeroAt: 0, fullAt: 0.1 } }] })[0]?.total;
    expect(tie('halfEven')).toBe(0.62);
    expect(tie('halfUp')).toBe(0.63);
    expect(tie('halfDown')).toBe(0.62);
    expect(tie('down')).toBe(0.62);
  });

  it('handles money values beyond 2^53 fen sums exactly (the bigint path)', () => {
    const big = (id: string, amount: string): KpiRecord => rec(id, { salesAmount: amount, paidBuyers: 3 });
    const scores = scoreAgents([big('a', '90000000000000.00'), big('b', '30000000000000.01')], {
      items: [{ metric: 'averageOrderValue', weight: 1, minSample: 0, normalize: { kind: 'minmax' } }],
    });
    expect(scores.map((s) => [s.agentId, s.total, s.metrics['averageOrderValue']?.value])).toEqual([
      ['a', 100, '30000000000000.00'],
      ['b', 0, '10000000000000.00'],
    ]);
  });
});

describe('scoreAgents rejects bad input, naming the field (KPI-3, KPI-8)', () => {
  const card: Scorecard = { items: [{ metric: 'inquiryConversion', weight: 1, normalize: { kind: 'minmax' } }] };

  it('KPI-3: a shop-scope metric is rejected in an agent scorecard, as item or tie-breaker', () => {
    for (const metric of ['threeMinuteResponseRate', 'shopServiceScore', 'disputeRate']) {
      const error = kefuErrorOf(() => scoreAgents([conv('a', 1)], { items: [{ metric, weight: 1, normalize: { kind: 'minmax' } }] }));
      expect(error.issues[0]?.path).toBe('scorecard.items.0.metric');
      expect(error.issues[0]?.message).toContain('KPI-3');
    }
    expectInvalidAt(() => scoreAgents([conv('a', 1)], { ...card, tieBreakers: ['threeMinuteResponseRate'] }), 'scorecard.tieBreakers.0');
  });

  it('KPI-8: records of one cohort share a credit rule, a window and a period; one record per agent', () => {
    expectInvalidAt(() => scoreAgents([conv('a', 1), { ...conv('b', 1), creditRule: 'order' }], card), 'records.1.creditRule');
    expectInvalidAt(() => scoreAgents([conv('a', 1), { ...conv('b', 1), windowDays: 7 }], card), 'records.1.windowDays');
    expectInvalidAt(() => scoreAgents([conv('a', 1), { ...conv('b', 1), period: { start: '2026-11-01', end: '2026-11-29' } }], card), 'records.1.period');
    expectInvalidAt(() => scoreAgents([conv('a', 1), conv('a', 2)], card), 'records.1.agentId');
  });

  it('the same instant in two notations is the same period', () => {
    const p = (start: string | number, end: string | number): KpiRecord => ({ ...conv('a', 1), period: { start, end } });
    const scores = scoreAgents([p('2026-11-11T10:00:00+08:00', '2026-11-11T12:00:00+08:00'), { ...p('2026-11-11T02:00:00Z', 1794369600000), agentId: 'b' }], card);
    expect(scores).toHaveLength(2);
  });

  it('bad counters: negative, fractional, NaN, wrong types, paid buyers above inquiries', () => {
    const cases: Array<[Partial<KpiRecord['counters']>, string]> = [
      [{ inquiries: -1 }, 'records.0.counters.inquiries'],
      [{ inquiries: 1.5 }, 'records.0.counters.inquiries'],
      [{ inquiries: Number.NaN }, 'records.0.counters.inquiries'],
      [{ inquiries: '10' as unknown as number }, 'records.0.counters.inquiries'],
      [{ salesAmount: '1,000' }, 'records.0.counters.salesAmount'],
      [{ salesAmount: '-5' }, 'records.0.counters.salesAmount'],
      [{ salesAmount: '1.005' }, 'records.0.counters.salesAmount'],
      [{ firstReplySeconds: Number.POSITIVE_INFINITY }, 'records.0.counters.firstReplySeconds'],
      [{ inquiries: 10, inquiryPaidBuyers: 11 }, 'records.0.counters.inquiryPaidBuyers'],
      [{ inquiries: 10, inquiryOrderedBuyers: 11 }, 'records.0.counters.inquiryOrderedBuyers'],
      [{ salesAmount: '100', paidBuyers: 0 }, 'records.0.counters.paidBuyers'],
      [{ replySeconds: 30, replies: 0 }, 'records.0.counters.replies'],
      [{ firstReplySeconds: 30, firstReplies: 0 }, 'records.0.counters.firstReplies'],
      [{ ratings: [1, 2, 3] as unknown as [number, number, number, number, number] }, 'records.0.counters.ratings'],
    ];
    for (const [counters, path] of cases) expectInvalidAt(() => scoreAgents([rec('a', counters)], card), path, JSON.stringify(counters));
  });

  it('bad records: unknown fields, empty ids, huge ids, bad periods, not an array', () => {
    expectInvalidAt(() => scoreAgents([{ ...conv('a', 1), agnetId: 'x' } as unknown as KpiRecord], card), 'records.0.agnetId');
    expectInvalidAt(() => scoreAgents([{ ...conv('a', 1), agentId: '' }], card), 'records.0.agentId');
    expectInvalidAt(() => scoreAgents([{ ...conv('a', 1), agentId: 'x'.repeat(201) }], card), 'records.0.agentId');
    expectInvalidAt(() => scoreAgents([{ ...conv('a', 1), period: { start: '2026-11-30', end: '2026-11-01' } }], card), 'records.0.period.end');
    expectInvalidAt(() => scoreAgents([{ ...conv('a', 1), period: { start: '2026-02-30', end: '2026-03-01' } }], card), 'records.0.period.start');
    expectInvalidAt(() => scoreAgents([{ ...conv('a', 1), period: { start: '2026-11-11T10:00:00', end: '2026-11-12' } }], card), 'records.0.period.start');
    expectInvalidAt(() => scoreAgents([{ ...conv('a', 1), period: { start: '2026-11-11', end: '2026-11-11T12:00:00+08:00' } }], card), 'records.0.period.end');
    expectInvalidAt(() => scoreAgents('records' as unknown as KpiRecord[], card), 'records');
    expectInvalidAt(() => scoreAgents([null as unknown as KpiRecord], card), 'records.0');
  });

  it('odd Unicode ids are fine and kept as given', () => {
    const ids = ['王小明', 'e\u0301', 'é', '🙂'];
    const scores = scoreAgents(ids.map((id, i) => conv(id, 20 + i)), card);
    expect(scores.map((s) => s.agentId).sort()).toEqual([...ids].sort());
  });

  it('bad scorecards: unknown metric, duplicate item, zero weights, band against the direction, falling steps, target 0, cap below 1', () => {
    const bad: Array<[Scorecard, string]> = [
      [{ items: [{ metric: 'conversion', weight: 1, normalize: { kind: 'minmax' } }] }, 'scorecard.items.0.metric'],
      [{ items: [card.items[0]!, card.items[0]!] }, 'scorecard.items.1.metric'],
      [{ items: [{ ...card.items[0]!, weight: 0 }] }, 'scorecard.items.0.weight'],
      [{ items: [{ ...card.items[0]!, weight: -1 }] }, 'scorecard.items.0.weight'],
      [{ items: [{ ...card.items[0]!, weight: Number.NaN }] }, 'scorecard.items.0.weight'],
      [{ items: [{ metric: 'inquiryConversion', weight: 1, normalize: { kind: 'band', zeroAt: 0.5, fullAt: 0.2 } }] }, 'scorecard.items.0.normalize.fullAt'],
      [{ items: [{ metric: 'firstResponseSeconds', weight: 1, normalize: { kind: 'band', zeroAt: 15, fullAt: 60 } }] }, 'scorecard.items.0.normalize.fullAt'],
      [{ items: [{ metric: 'inquiryConversion', weight: 1, normalize: { kind: 'steps', steps: [{ at: 0.3, score: 80 }, { at: 0.4, score: 60 }] } }] }, 'scorecard.items.0.normalize.steps.1.score'],
      [{ items: [{ metric: 'inquiryConversion', weight: 1, normalize: { kind: 'steps', steps: [{ at: 0.3, score: 80 }, { at: 0.3, score: 90 }] } }] }, 'scorecard.items.0.normalize.steps.1.at'],
      [{ items: [{ metric: 'inquiryConversion', weight: 1, normalize: { kind: 'steps', steps: [{ at: 0.3, score: 101 }] } }] }, 'scorecard.items.0.normalize.steps.0.score'],
      [{ items: [{ metric: 'salesAmount', weight: 1, normalize: { kind: 'target', target: 0 } }] }, 'scorecard.items.0.normalize.target'],
      [{ items: [{ metric: 'salesAmount', weight: 1, normalize: { kind: 'target', target: 100, cap: 0.9 } }] }, 'scorecard.items.0.normalize.cap'],
      [{ items: [{ metric: 'salesAmount', weight: 1, normalize: { kind: 'zscore' } as never }] }, 'scorecard.items.0.normalize.kind'],
      [{ items: [] }, 'scorecard.items'],
      [{ ...card, tieBreakers: ['salesAmount', 'salesAmount'] }, 'scorecard.tieBreakers.1'],
      [{ ...card, rounding: 'bankers' as never }, 'scorecard.rounding'],
    ];
    for (const [sc, path] of bad) expectInvalidAt(() => scoreAgents([conv('a', 1)], sc), path, JSON.stringify(sc));
  });

  it('reports the scorecard and the records in one error', () => {
    const error = kefuErrorOf(() => scoreAgents([rec('a', { inquiries: -1 })], { items: [{ metric: 'nope', weight: 1, normalize: { kind: 'minmax' } }] }));
    expect(error.issues.map((i) => i.path)).toEqual(['records.0.counters.inquiries', 'scorecard.items.0.metric']);
  });

  it('an empty cohort scores nobody', () => {
    expect(scoreAgents([], card)).toEqual([]);
  });
});

describe('custom metrics in a scorecard (KPI-8)', () => {
  it('scores a custom ratio over extra counters, with its own minimum sample', () => {
    const card: Scorecard = {
      metrics: [
        {
          id: 'assistRate',
          labels: { 'zh-CN': '协助率', en: 'Assist rate' },
          direction: 'higher',
          unit: 'ratio',
          formula: { kind: 'ratio', numerator: ['extra.assists'], denominator: ['inquiries'] },
          minSample: 10,
        },
      ],
      items: [{ metric: 'assistRate', weight: 1, normalize: { kind: 'band', zeroAt: 0, fullAt: 0.2 } }],
    };
    const scores = scoreAgents([rec('a', { inquiries: 50, extra: { assists: 5 } }), rec('b', { inquiries: 5, extra: { assists: 5 } }), rec('c', { inquiries: 50 })], card);
    expect(scores.map((s) => [s.agentId, s.total, s.metrics['assistRate']?.reason])).toEqual([
      ['a', 50, undefined],
      ['b', null, 'belowMinSample'],
      ['c', null, 'noData'],
    ]);
  });

  it('custom definitions may not shadow built-ins, and scope must match the formula', () => {
    const base = { labels: { 'zh-CN': 'x', en: 'x' }, direction: 'higher', unit: 'ratio' } as const;
    expectInvalidAt(
      () => scoreAgents([], { metrics: [{ ...base, id: 'salesAmount', formula: { kind: 'sum', counters: ['salesAmount'] } }], items: [{ metric: 'salesAmount', weight: 1, normalize: { kind: 'minmax' } }] }),
      'scorecard.metrics.0.id',
    );
    expectInvalidAt(
      () => scoreAgents([], { metrics: [{ ...base, id: 'dsr', scope: 'shop', formula: { kind: 'sum', counters: ['salesAmount'] } }], items: [{ metric: 'salesAmount', weight: 1, normalize: { kind: 'minmax' } }] }),
      'scorecard.metrics.0.formula',
    );
    expectInvalidAt(
      () => scoreAgents([], { metrics: [{ ...base, id: 'x', formula: { kind: 'sum', counters: ['sales'] as never } }], items: [{ metric: 'salesAmount', weight: 1, normalize: { kind: 'minmax' } }] }),
      'scorecard.metrics.0.formula.counters.0',
    );
    expectInvalidAt(
      () => scoreAgents([], { metrics: [{ ...base, id: '__proto__', formula: { kind: 'sum', counters: ['salesAmount'] } }], items: [{ metric: 'salesAmount', weight: 1, normalize: { kind: 'minmax' } }] }),
      'scorecard.metrics.0.id',
    );
  });
});

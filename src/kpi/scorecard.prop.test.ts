// Properties of scoring and ranking (reference kpi.md §4.8, invariants 1–9, 15, 17).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { kefuErrorOf } from '../../test/kefu-error.ts';
import { counters } from '../../test/fixtures/kpi-records.ts';
import { deriveMetrics, type MetricDefinition } from './metrics.ts';
import type { KpiRecord } from './record.ts';
import { scoreAgents, type Scorecard } from './scorecard.ts';

type Normalize = Scorecard['items'][number]['normalize'];

/** Agents whose four scored metrics each depend on their own counters. */
const agentCounters = fc
  .record({
    inquiries: fc.integer({ min: 0, max: 300 }),
    paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
    firstReplies: fc.integer({ min: 0, max: 60 }),
    secondsEach: fc.integer({ min: 0, max: 120 }),
    positiveReviews: fc.integer({ min: 0, max: 50 }),
    ratings: fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6), fc.nat(10), fc.nat(10)),
  })
  .map((a) => counters({
    inquiries: a.inquiries,
    inquiryPaidBuyers: Math.floor(a.inquiries * a.paidShare),
    firstReplies: a.firstReplies,
    firstReplySeconds: a.firstReplies * a.secondsEach,
    positiveReviews: a.positiveReviews,
    ratings: a.ratings,
  }));

const cohort = fc.array(agentCounters, { minLength: 1, maxLength: 10 }).map((list) =>
  list.map((c, i): KpiRecord => ({ agentId: `a${i}`, shopId: 's', period: { start: '2026-11-01', end: '2026-11-30' }, counters: c })),
);

/** A valid normaliser for a metric of the given direction and value range [lo, hi]. */
function normalizer(direction: 'higher' | 'lower', lo: number, hi: number, absoluteOnly = false): fc.Arbitrary<Normalize> {
  const value = fc.integer({ min: 0, max: 1000 }).map((k) => lo + ((hi - lo) * k) / 1000);
  const band = fc.tuple(value, value).filter(([x, y]) => x !== y).map(([x, y]): Normalize => {
    const [small, large] = x < y ? [x, y] : [y, x];
    return direction === 'higher' ? { kind: 'band', zeroAt: small, fullAt: large } : { kind: 'band', zeroAt: large, fullAt: small };
  });
  const steps = fc.uniqueArray(value, { minLength: 1, maxLength: 4 }).chain((ats) =>
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: ats.length, maxLength: ats.length }).map((scores): Normalize => {
      const sortedAts = [...ats].sort((x, y) => (direction === 'higher' ? x - y : y - x)); // worst first
      const sortedScores = [...scores].sort((x, y) => x - y);
      return { kind: 'steps', steps: sortedAts.map((at, i) => ({ at, score: sortedScores[i] as number })) };
    }),
  );
  const target = fc.tuple(value.filter((v) => v > 0), fc.constantFrom(1, 1.2, 1.5)).map(([t, cap]): Normalize => ({ kind: 'target', target: t, cap }));
  const options = [band, steps, target];
  if (!absoluteOnly) options.push(fc.constant<Normalize>({ kind: 'minmax' }), fc.constant<Normalize>({ kind: 'percentile' }));
  return fc.oneof(...options);
}

const METRICS_UNDER_TEST = [
  { metric: 'inquiryConversion', direction: 'higher', lo: 0, hi: 1 },
  { metric: 'firstResponseSeconds', direction: 'lower', lo: 0, hi: 120 },
  { metric: 'positiveReviews', direction: 'higher', lo: 0, hi: 50 },
  { metric: 'satisfaction', direction: 'higher', lo: 0, hi: 1 },
] as const;

function scorecard(absoluteOnly = false): fc.Arbitrary<Scorecard> {
  return fc
    .tuple(...METRICS_UNDER_TEST.map((m) => fc.option(fc.tuple(fc.integer({ min: 1, max: 50 }), normalizer(m.direction, m.lo, m.hi, absoluteOnly)), { nil: undefined })))
    .filter((items) => items.some((x) => x !== undefined))
    .map((items) => ({
      items: items.flatMap((item, i) => (item === undefined ? [] : [{ metric: METRICS_UNDER_TEST[i]?.metric as string, weight: item[0], normalize: item[1] }])),
    }));
}

const onHundredthGrid = (x: number): boolean => Math.abs(Math.round(x * 100) - x * 100) < 1e-9;

describe('scoreAgents properties', () => {
  test.prop([cohort, scorecard()], { numRuns: 150 })('1: every score and total is in [0, 100] on the 0.01 grid, or null', (records, card) => {
    for (const s of scoreAgents(records, card)) {
      for (const m of Object.values(s.metrics)) if (m.score !== null) expect(m.score >= 0 && m.score <= 100 && onHundredthGrid(m.score)).toBe(true);
      if (s.total !== null) expect(s.total >= 0 && s.total <= 100 && onHundredthGrid(s.total)).toBe(true);
    }
  });

  test.prop([cohort, scorecard(), fc.nat(), fc.integer({ min: 0, max: 3 })], { numRuns: 200 })(
    '2: improving one metric value of one agent never lowers that agent’s total (others fixed)',
    (records, card, pick, which) => {
      const index = pick % records.length;
      const before = records[index] as KpiRecord;
      const c = { ...before.counters };
      // Each change moves one metric in its good direction and leaves its sample size alone.
      if (which === 0 && c.inquiryPaidBuyers < c.inquiries) c.inquiryPaidBuyers += 1;
      if (which === 1 && (c.firstReplySeconds as number) > 0) c.firstReplySeconds = (c.firstReplySeconds as number) - 1;
      if (which === 2) c.positiveReviews += 1;
      if (which === 3 && c.ratings !== undefined) {
        const [r1, r2, r3, r4, r5] = c.ratings;
        if (r1 > 0) c.ratings = [r1 - 1, r2, r3, r4, r5 + 1];
      }
      const after = records.map((r, i) => (i === index ? { ...r, counters: c } : r));
      const totalOf = (list: KpiRecord[]): number | null => scoreAgents(list, card).find((s) => s.agentId === before.agentId)?.total ?? null;
      const t0 = totalOf(records);
      const t1 = totalOf(after);
      expect(t1 === null).toBe(t0 === null);
      if (t0 !== null && t1 !== null) expect(t1).toBeGreaterThanOrEqual(t0);
    },
  );

  test.prop([cohort, scorecard(), fc.integer()], { numRuns: 120 })('3 and 17: shuffling the records changes nothing; the same input gives the same output', (records, card, seed) => {
    const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), { seed, numRuns: 1 })[0] as KpiRecord[];
    expect(scoreAgents(shuffled, card)).toEqual(scoreAgents(records, card));
    expect(scoreAgents(records, card)).toEqual(scoreAgents(records, card));
  });

  test.prop([cohort, scorecard(), fc.integer({ min: 2, max: 1000 })], { numRuns: 120 })('4: multiplying every weight by k > 0 leaves totals unchanged', (records, card, k) => {
    const scaled: Scorecard = { ...card, items: card.items.map((item) => ({ ...item, weight: Number(item.weight) * k })) };
    const totals = (sc: Scorecard): Array<[string, number | null]> => scoreAgents(records, sc).map((s) => [s.agentId, s.total]);
    expect(totals(scaled)).toEqual(totals(card));
    // Decimal weights scale exactly too: w → w / 8 as a decimal string.
    const decimal: Scorecard = { ...card, items: card.items.map((item) => ({ ...item, weight: (Number(item.weight) / 8).toString() })) };
    expect(totals(decimal)).toEqual(totals(card));
  });

  test.prop([cohort, scorecard()], { numRuns: 150 })('5: rank = 1 + the number strictly better, ties share ranks, "1224"', (records, card) => {
    const scores = scoreAgents(records, card);
    const ranked = scores.filter((s) => s.total !== null);
    for (const s of ranked) {
      expect(s.rank).toBe(1 + ranked.filter((o) => (o.total as number) > (s.total as number)).length);
      expect(s.tieSize).toBe(ranked.filter((o) => o.total === s.total).length);
    }
    for (const s of scores.filter((x) => x.total === null)) expect([s.rank, s.tieSize]).toEqual([null, null]);
    // Listed best first.
    const ranks = ranked.map((s) => s.rank as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  test.prop([cohort, cohort, scorecard(true)], { numRuns: 100 })('7: absolute normalisers do not depend on colleagues', (records, others, card) => {
    const extra = others.map((r, i) => ({ ...r, agentId: `other${i}` }));
    const alone = scoreAgents(records, card);
    const crowd = scoreAgents([...records, ...extra], card);
    for (const s of alone) expect(crowd.find((c) => c.agentId === s.agentId)?.metrics).toEqual(s.metrics);
  });

  test.prop([cohort, fc.nat()], { numRuns: 100 })('7: min-max scores do not move when a duplicate of an agent joins', (records, pick) => {
    const card: Scorecard = { items: METRICS_UNDER_TEST.map((m) => ({ metric: m.metric, weight: 1, normalize: { kind: 'minmax' } })) };
    const twin = { ...(records[pick % records.length] as KpiRecord), agentId: 'twin' };
    const before = scoreAgents(records, card);
    const after = scoreAgents([...records, twin], card);
    for (const s of before) expect(after.find((x) => x.agentId === s.agentId)?.metrics).toEqual(s.metrics);
  });

  const up: MetricDefinition = { id: 'paidPerInquiry', labels: { 'zh-CN': '付款/询单', en: 'paid per inquiry' }, direction: 'higher', unit: 'ratio', formula: { kind: 'ratio', numerator: ['inquiryPaidBuyers'], denominator: ['inquiries'] } };
  const down: MetricDefinition = { id: 'inquiriesPerPaid', labels: { 'zh-CN': '询单/付款', en: 'inquiries per paid' }, direction: 'lower', unit: 'ratio', formula: { kind: 'ratio', numerator: ['inquiries'], denominator: ['inquiryPaidBuyers'] } };
  const paying = fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 8 }).map((list) =>
    list.map(([paid, more], i): KpiRecord => ({ agentId: `a${i}`, shopId: 's', period: { start: '2026-11-01', end: '2026-11-30' }, counters: counters({ inquiries: paid + more, inquiryPaidBuyers: paid }) })),
  );
  // p/q with p and q made of 2s and 5s: both p/q and q/p are short exact decimals, so the mirrored thresholds are exact.
  const twoFive = fc.constantFrom(1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 40, 50, 64, 80, 100, 125);
  const rational = fc.tuple(twoFive, twoFive);
  test.prop([paying, fc.uniqueArray(rational, { minLength: 1, maxLength: 4, selector: ([p, q]) => p / q }), rational], { numRuns: 100 })(
    '8: v higher-is-better scores as 1/v lower-is-better with mirrored thresholds',
    (records, stepAts, [tp, tq]) => {
      const text = (p: number, q: number): string => (p / q).toString();
      const scoresOf = (metric: MetricDefinition, normalize: Normalize): Array<number | null> =>
        scoreAgents(records, { metrics: [up, down], items: [{ metric: metric.id, weight: 1, normalize }] })
          .sort((a, b) => (a.agentId < b.agentId ? -1 : 1))
          .map((s) => s.total);
      const sorted = [...stepAts].sort(([a, b], [c, d]) => a / b - c / d);
      const stepsUp: Normalize = { kind: 'steps', steps: sorted.map(([p, q], i) => ({ at: text(p, q), score: (i + 1) * 20 })) };
      const stepsDown: Normalize = { kind: 'steps', steps: sorted.map(([p, q], i) => ({ at: text(q, p), score: (i + 1) * 20 })) };
      expect(scoresOf(down, stepsDown)).toEqual(scoresOf(up, stepsUp));
      expect(scoresOf(down, { kind: 'percentile' })).toEqual(scoresOf(up, { kind: 'percentile' }));
      expect(scoresOf(down, { kind: 'target', target: text(tq, tp), cap: 1.5 })).toEqual(scoresOf(up, { kind: 'target', target: text(tp, tq), cap: 1.5 }));
    },
  );

  test.prop([cohort, scorecard(), fc.constantFrom('threeMinuteResponseRate', 'shopServiceScore', 'disputeRate'), fc.nat()], { numRuns: 60 })(
    '9: a scorecard that contains a shop-scope metric is rejected, naming the item',
    (records, card, shopMetric, at) => {
      const position = at % (card.items.length + 1);
      const items = [...card.items];
      items.splice(position, 0, { metric: shopMetric, weight: 1, normalize: { kind: 'minmax' } });
      const error = kefuErrorOf(() => scoreAgents(records, { items }));
      expect(error.issues.some((i) => i.path === `scorecard.items.${position}.metric`)).toBe(true);
    },
  );

  test.prop([cohort], { numRuns: 100 })('15: bounded ratios from validated counters lie in [0, 1]', (records) => {
    for (const r of records) {
      const m = deriveMetrics(r);
      for (const v of [m.inquiryConversion, m.satisfaction]) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
    }
  });
});

describe('exactness of the fast path', () => {
  /** Band score recomputed independently with bigints: round half up of 10000 × (v − z) / (f − z), clamped. */
  function bandExpected(num: bigint, den: bigint, zero: [bigint, bigint], full: [bigint, bigint]): number {
    const [zn, zd] = zero;
    const [fn, fd] = full;
    // (num/den − zn/zd) / (fn/fd − zn/zd) = (num·zd − zn·den)·fd / (den·(fn·zd − zn·fd))
    let p = (num * zd - zn * den) * fd;
    let q = den * (fn * zd - zn * fd);
    if (q < 0n) {
      p = -p;
      q = -q;
    }
    if (p <= 0n) return 0;
    if (p >= q) return 100;
    const scaled = p * 10000n;
    const whole = scaled / q;
    return Number(2n * (scaled - whole * q) >= q ? whole + 1n : whole) / 100;
  }

  test.prop(
    [fc.array(fc.tuple(fc.integer({ min: 1, max: 2_000_000 }), fc.bigInt({ min: 0n, max: 9_000_000_000_000_000n })), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 99_999 })],
    { numRuns: 200 },
  )('band scores on money agree with an independent bigint computation, huge values included', (agents, zeroYuan, spanYuan) => {
    const records = agents.map(([buyers, fen], i): KpiRecord => ({
      agentId: `a${i}`,
      shopId: 's',
      period: { start: '2026-11-01', end: '2026-11-30' },
      counters: counters({ salesAmount: `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`, paidBuyers: buyers }),
    }));
    const zero = `${zeroYuan}.37`;
    const full = `${zeroYuan + spanYuan}.01`;
    const scores = scoreAgents(records, { items: [{ metric: 'averageOrderValue', weight: 1, minSample: 0, normalize: { kind: 'band', zeroAt: zero, fullAt: full } }] });
    for (const s of scores) {
      const [buyers, fen] = agents[Number(s.agentId.slice(1))] as [number, bigint];
      // AOV in yuan = fen / (100 · buyers); thresholds in hundredths of a yuan.
      expect(s.total).toBe(bandExpected(fen, BigInt(buyers) * 100n, [BigInt(zeroYuan * 100 + 37), 100n], [BigInt((zeroYuan + spanYuan) * 100 + 1), 100n]));
    }
  });
});

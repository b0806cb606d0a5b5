// KPI budget (DESIGN.md §6): scoreAgents over 10,000 agents × 10 metrics under 200 ms. The cohort
// is generated deterministically with core's seeded rng; the scorecard mixes every normaliser,
// the two cohort methods (min-max, percentile) included, and a tie-breaker.
import { createRng } from '../src/core/rng.ts';
import { cascadeTargets, leaderboard, scoreAgents, type KpiRecord, type Scorecard } from '../src/kpi/index.ts';
import type { BenchCase } from './harness.ts';

function cohort(size: number, seed: number): KpiRecord[] {
  const rng = createRng(seed);
  const period = { start: '2026-11-01', end: '2026-11-30' };
  return Array.from({ length: size }, (_, i): KpiRecord => {
    const inquiries = rng.nextInt(0, 600);
    const paid = rng.nextInt(0, inquiries);
    const ordered = rng.nextInt(paid, inquiries);
    const buyers = paid + rng.nextInt(0, 20);
    const fen = buyers === 0 ? 0 : buyers * rng.nextInt(2_000, 80_000);
    const firstReplies = rng.nextInt(0, inquiries);
    const replies = firstReplies * rng.nextInt(1, 8);
    return {
      agentId: `agent${String(i).padStart(5, '0')}`,
      shopId: `shop${i % 10}`,
      period,
      counters: {
        inquiries,
        inquiryPaidBuyers: paid,
        inquiryOrderedBuyers: ordered,
        salesAmount: (fen / 100).toFixed(2),
        paidBuyers: buyers,
        refundAmount: ((fen * rng.nextInt(0, 10)) / 10_000).toFixed(2),
        firstReplySeconds: firstReplies * rng.nextInt(3, 90),
        firstReplies,
        replySeconds: replies * rng.nextInt(5, 120),
        replies,
        positiveReviews: rng.nextInt(0, 200),
        ratings: [rng.nextInt(0, 5), rng.nextInt(0, 5), rng.nextInt(0, 20), rng.nextInt(0, 60), rng.nextInt(0, 150)],
      },
    };
  });
}

export const card: Scorecard = {
  items: [
    { metric: 'inquiryConversion', weight: 20, normalize: { kind: 'steps', steps: [{ at: 0.35, score: 60 }, { at: 0.4, score: 80 }, { at: 0.45, score: 100 }] } },
    { metric: 'inquiryOrderConversion', weight: 5, normalize: { kind: 'percentile' } },
    { metric: 'averageOrderValue', weight: 10, normalize: { kind: 'minmax' } },
    { metric: 'salesAmount', weight: 20, normalize: { kind: 'target', target: '60000', cap: 1.2 } },
    { metric: 'refundAmount', weight: 5, normalize: { kind: 'target', target: '500' } },
    { metric: 'refundRate', weight: 5, normalize: { kind: 'band', zeroAt: 0.1, fullAt: 0.01 } },
    { metric: 'firstResponseSeconds', weight: 10, normalize: { kind: 'band', zeroAt: 60, fullAt: 15 } },
    { metric: 'averageResponseSeconds', weight: 10, normalize: { kind: 'percentile' } },
    { metric: 'positiveReviews', weight: 5, normalize: { kind: 'minmax' } },
    { metric: 'satisfaction', weight: 10, normalize: { kind: 'band', zeroAt: 0.8, fullAt: 0.95 } },
  ],
  tieBreakers: ['salesAmount', 'inquiryConversion'],
};

export const agents = cohort(10_000, 2026);
const shops = Array.from({ length: 10 }, (_, i) => ({ shopId: `shop${i}` }));

export const cases: readonly BenchCase[] = [
  {
    name: 'kpi/scoreAgents 10000 agents x 10 metrics',
    budgetMs: 200,
    runs: 15,
    run: () => scoreAgents(agents, card),
    extra: (value) => {
      const scores = value as ReturnType<typeof scoreAgents>;
      return { ranked: scores.filter((s) => s.rank !== null).length };
    },
  },
  {
    name: 'kpi/leaderboard 10000 agents top 3',
    budgetMs: 100,
    run: () => leaderboard(agents, 'salesAmount', { top: 3 }),
  },
  {
    name: 'kpi/cascadeTargets 10 shops x 30 days x 10 agents',
    budgetMs: 100,
    run: () =>
      cascadeTargets({
        total: 3_000_000,
        period: { start: '2026-11-01', end: '2026-11-30' },
        shops,
        dayWeights: { '2026-11-11': 5 },
        agents: shops.flatMap((s) => Array.from({ length: 10 }, (_, a) => ({ agentId: `${s.shopId}-${a}`, shopId: s.shopId, hours: a < 8 ? 8 : 4 }))),
        challengeFactor: 1.3,
      }),
  },
];

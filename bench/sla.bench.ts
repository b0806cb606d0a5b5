// kefu/sla budgets (DESIGN.md has none for this module; these are justified in docs/sla.md §9):
// a month of work for a large shop, recomputed while someone waits.
//   reviewDeadlines  100,000 reviews     under 1,500 ms
//   parcelFollowUps  100,000 shipments   under 1,500 ms
//   afterSaleLog     100,000 events      under 1,000 ms
//   escalate         1,000 problems      under   100 ms
import { AFTER_SALE_TYPES, afterSaleLog, EMERGENCY_CLASSES, escalate, parcelFollowUps, PROBLEM_TYPES, reviewDeadlines, type AfterSaleEvent, type BatchReview, type Shipment } from '../src/sla/index.ts';
import type { BenchCase } from './harness.ts';

const N = 100_000;
const MONTH_START = Date.parse('2026-11-01T00:00:00+08:00');
const MONTH_MS = 30 * 86_400_000;
const NOW = MONTH_START + MONTH_MS;

/** A deterministic spread of the month: the i-th of n instants, jittered by a fixed step. */
const at = (i: number, n: number): number => MONTH_START + Math.floor((i * MONTH_MS) / n) + ((i * 7919) % 600_000);

const reviews: BatchReview[] = Array.from({ length: N }, (_, i) => ({
  reviewId: `rv${i}`,
  rating: i % 3 === 0 ? 'neutral' : 'negative',
  receivedAt: new Date(at(i, N) - 3 * 86_400_000).toISOString(),
  ...(i % 10 === 0 ? { buyerUnreachable: true } : {}),
  ...(i % 97 === 0 ? { unresolvable: true } : {}),
}));

const COURIERS = ['中通', '圆通', '顺丰', '京东', '韵达'];
const REGIONS = ['新疆', '西藏', '浙江', '广东', '北京', '上海', '四川', '云南', '甘肃', '青海'];
const shipments: Shipment[] = Array.from({ length: N }, (_, i) => {
  const shipped = at(i, N) - 10 * 86_400_000;
  // Transit from 1 to 12 days, longer for the far west; a fifth not delivered yet.
  const transit = (1 + ((i * 31) % (i % 10 < 2 ? 12 : 6))) * 86_400_000 + ((i * 13) % 36_000_000);
  const delivered = i % 5 !== 0 && shipped + transit <= NOW ? { deliveredAt: new Date(shipped + transit).toISOString() } : {};
  return { shipmentId: `SH${i}`, courier: COURIERS[(i * 7) % 5] as string, region: REGIONS[i % 10] as string, shippedAt: new Date(shipped).toISOString(), ...delivered };
});

const events: AfterSaleEvent[] = Array.from({ length: N }, (_, i) => ({
  eventId: `as${i}`,
  type: AFTER_SALE_TYPES[i % 5] as AfterSaleEvent['type'],
  team: ['after_sale', 'pre_sale', 'warehouse'][i % 3] as string,
  at: at(i, N),
  ...(i % 4 === 0 ? {} : { amount: ((i % 50_000) / 100).toFixed(2) }),
}));

const matrix = { cells: { sudden: { platformOutage: { solveWithinMinutes: 45 } } } };
const problems = Array.from({ length: 1000 }, (_, i) => ({
  type: PROBLEM_TYPES[i % 3] as (typeof PROBLEM_TYPES)[number],
  class: EMERGENCY_CLASSES[i % 5] as (typeof EMERGENCY_CLASSES)[number],
  reportedAt: at(i, 1000),
}));

export const cases: readonly BenchCase[] = [
  {
    name: 'sla/reviewDeadlines 100,000 reviews over a month (under 1.5 s)',
    budgetMs: 1500,
    runs: 7,
    warmup: 2,
    run: () => reviewDeadlines({ now: NOW, reviews }),
    extra: (value) => ({ reviews: N, counts: (value as ReturnType<typeof reviewDeadlines>).counts }),
  },
  {
    name: 'sla/parcelFollowUps 100,000 shipments, 10 regions x 5 couriers (under 1.5 s)',
    budgetMs: 1500,
    runs: 7,
    warmup: 2,
    run: () => parcelFollowUps(shipments, NOW),
    extra: (value) => {
      const r = value as ReturnType<typeof parcelFollowUps>;
      return { shipments: N, follow_ups: r.counts.followUps, slow_regions: r.slowRegions.length };
    },
  },
  {
    name: 'sla/afterSaleLog 100,000 events over a month (under 1 s)',
    budgetMs: 1000,
    runs: 7,
    warmup: 2,
    run: () => afterSaleLog(events),
    extra: (value) => ({ events: N, days: (value as ReturnType<typeof afterSaleLog>).days.length }),
  },
  {
    name: 'sla/escalate 1,000 problems with a changed matrix (under 100 ms)',
    budgetMs: 100,
    run: () => problems.map((p) => escalate(p, matrix).solutionDueEpochMs),
  },
];

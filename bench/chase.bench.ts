// Chase budget (DESIGN.md §6): planChases on 1,000,000 orders of 600,000 buyers in under 2 s and
// under 1 GB of heap. The orders are a Double 11 morning, generated deterministically with core's
// seeded rng: placed from 11-10 20:00 to the planning instant, 11-11 11:20 (phone window open), most
// paid, some flash and presale balance orders, buyer facts for a third of the buyers and a chase
// log of 300,000 attempts. Instants come as ISO strings with an offset, as exported from a shop
// system, except `paidAt` and log times, which are epoch milliseconds.
import { createRng } from '../src/core/rng.ts';
import { planChases, type ChaseBuyer, type ChaseLogEntry, type ChaseOrder, type ChasePlan, type PlanChasesInput } from '../src/chase/index.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchCase } from './harness.ts';
import { randomLoadNs } from './host-latency.ts';

/** A full garbage collection, without starting node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

// CHASE_ORDERS=100000 scales the case down for a quick look; the budget is for the full million.
const ORDERS = Number(process.env['CHASE_ORDERS'] ?? 1_000_000);
const BUYERS = Math.round(ORDERS * 0.6);
const NOW = Date.UTC(2026, 10, 11, 3, 20); // 2026-11-11T11:20:00+08:00
const START = Date.UTC(2026, 10, 10, 12, 0); // 2026-11-10T20:00:00+08:00
const MINUTE = 60_000;

function iso(epochMs: number): string {
  // Shanghai is UTC+8 all year: shift and relabel.
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

export function generate(instants: 'iso' | 'epoch' = 'iso'): PlanChasesInput {
  const at = (epochMs: number): string | number => (instants === 'iso' ? iso(epochMs) : epochMs);
  const rng = createRng(20261111);
  const orders: ChaseOrder[] = new Array<ChaseOrder>(ORDERS);
  const span = (NOW - START) / MINUTE;
  for (let i = 0; i < ORDERS; i++) {
    // Buyers 0..599,999: the first 400,000 place one order, the rest most of the others.
    const buyer = i < (BUYERS * 2) / 3 ? i : (BUYERS * 2) / 3 + rng.nextInt(0, BUYERS / 3 - 1);
    const created = START + rng.nextInt(0, span - 1) * MINUTE + rng.nextInt(0, 59) * 1000;
    const roll = rng.next();
    const kind = roll < 0.08 ? 'flash' : roll < 0.1 ? 'presale_balance' : 'normal';
    const order: ChaseOrder = {
      orderId: `T${String(100_000_000 + i * 7919 % ORDERS * 1000 + (i % 1000))}`,
      buyerId: `tb_${buyer}`,
      createdAt: at(created),
      kind,
      itemIds: [`sku-${rng.nextInt(1, 400)}`],
      amount: `${rng.nextInt(9, 2999)}.00`,
    };
    if (kind === 'presale_balance') {
      order.balanceWindow = { start: at(Date.UTC(2026, 10, 10, 16)), end: at(Date.UTC(2026, 10, 11, 15, 59, 59)) };
    } else {
      order.autoCloseAt = at(created + (kind === 'flash' ? 30 : 1440) * MINUTE);
    }
    const state = rng.next();
    const age = NOW - created;
    if (state < 0.65) order.paidAt = created + Math.floor(rng.next() * Math.min(age, kind === 'flash' ? 30 * MINUTE : age));
    else if (state < 0.68) order.closedAt = created + Math.floor(rng.next() * age);
    else if (state < 0.7) order.payingSince = Math.max(created, NOW - rng.nextInt(1, 30) * MINUTE);
    if (rng.next() < 0.05) order.contact = { phoneHash: `p${buyer}`, phoneValid: rng.next() < 0.9 };
    orders[i] = order;
  }
  const buyers: ChaseBuyer[] = [];
  for (let b = 0; b < BUYERS; b += 3) {
    const buyer: ChaseBuyer = { buyerId: `tb_${b}`, firstTime: rng.next() < 0.3 };
    if (rng.next() < 0.01) buyer.blacklisted = true;
    if (rng.next() < 0.05) buyer.lastInboundChatAt = NOW - rng.nextInt(0, 60) * MINUTE;
    buyers.push(buyer);
  }
  const log: ChaseLogEntry[] = [];
  for (let k = 0; k < 300_000; k++) {
    const o = orders[rng.nextInt(0, ORDERS - 1)] as ChaseOrder;
    const created = typeof o.createdAt === 'number' ? o.createdAt : Date.parse(o.createdAt);
    if (NOW - created < 10 * MINUTE) continue;
    log.push({
      orderId: o.orderId,
      buyerId: o.buyerId,
      channel: rng.next() < 0.8 ? 'im' : 'sms',
      at: created + rng.nextInt(5, Math.floor((NOW - created) / MINUTE)) * MINUTE - MINUTE * 5,
      state: rng.next() < 0.95 ? 'sent' : 'failed',
    });
  }
  // Through JSON, as the orders would arrive from a file or an API (and with the flat strings that gives).
  return JSON.parse(JSON.stringify({ now: iso(NOW), orders, buyers, log })) as PlanChasesInput;
}

let input: PlanChasesInput | undefined;
/** The host's random-load latency before the first run (see host-latency.ts). */
let loadNsBefore: number | undefined;

export const cases: readonly BenchCase[] = [
  {
    name: 'chase/planChases 1,000,000 orders of 600,000 buyers',
    budgetMs: 2000,
    runs: 5,
    warmup: 2,
    run: () => {
      loadNsBefore ??= randomLoadNs();
      input ??= generate();
      return planChases(input);
    },
    extra: (value) => {
      const plan = value as ChasePlan;
      // Heap still in use with the input and the last plan alive, after a full collection (garbage
      // not yet collected would otherwise count).
      collectGarbage();
      const heapMb = Math.round(process.memoryUsage().heapUsed / 1_048_576);
      return {
        orders: plan.totals.orders,
        groups: plan.groups.length,
        eligible: plan.totals.eligible,
        send: plan.totals.send,
        heap_used_mb: heapMb,
        heap_budget_mb: 1024,
        quality_ok: heapMb < 1024,
        // The host's memory latency before and after the runs: the figure above moves with it.
        host_random_load_ns: [loadNsBefore, randomLoadNs()],
      };
    },
  },
];

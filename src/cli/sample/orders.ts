// A day of the sample shop's orders up to the chase instant (11.11 00:20), with payments, buyer
// facts and the chase log so far. Generated with the seeded rng, so every run sees the same day.
import type { ChaseBuyer, ChaseLogEntry, ChaseOrder } from '../../chase/index.ts';
import { createRng } from '../../core/rng.ts';
import { formatInstant, localMinuteOfDay, toEpochMs } from '../../core/time.ts';
import { SAMPLE_SHOP } from './shop.ts';

/** The orders, buyer facts and chase log the demo plans chases from. */
export interface SampleChaseDay {
  readonly now: string;
  readonly orders: readonly ChaseOrder[];
  readonly buyers: readonly ChaseBuyer[];
  readonly log: readonly ChaseLogEntry[];
}

const MINUTE = 60_000;
const ITEMS = ['down-jacket', 'wool-coat', 'cashmere-sweater', 'thermal-set', 'jeans', 'scarf', 'hoodie', 'boots'] as const;
const PRICES: Readonly<Record<(typeof ITEMS)[number], number>> = {
  'down-jacket': 459,
  'wool-coat': 699,
  'cashmere-sweater': 329,
  'thermal-set': 129,
  jeans: 199,
  scarf: 89,
  hoodie: 159,
  boots: 389,
};
const AGENTS_ON_CHASE = ['wangfang', 'lina', 'zhaolei', 'mali'];

/**
 * The 24 hours before the chase instant: about 900 orders, busiest in the evening of 11.10 and in
 * the first twenty minutes of 11.11. Most are paid within minutes; the rest are the chase's work.
 * Flash-sale orders (聚划算) close 30 minutes after they are placed; presale balances are due
 * from 11.11 00:00 to 23:59; ordinary orders close 24 hours after they are placed (CH-2).
 */
export function sampleChaseDay(seed = 1111): SampleChaseDay {
  const rng = createRng(seed).fork('chase-day');
  const tz = SAMPLE_SHOP.timeZone;
  const nowMs = toEpochMs(SAMPLE_SHOP.chaseAt);
  const launchMs = toEpochMs('2026-11-11T00:00:00+08:00');
  const at = (ms: number) => formatInstant(ms, tz);
  const orders: ChaseOrder[] = [];
  const log: ChaseLogEntry[] = [];
  const buyers = new Map<string, ChaseBuyer>();
  let buyerCount = 0;
  const newBuyer = (): string => {
    buyerCount++;
    const id = `tb_${String(100000 + rng.nextInt(0, 899999))}${String(buyerCount).padStart(3, '0')}`;
    const roll = rng.next();
    if (roll < 0.18) buyers.set(id, { buyerId: id, firstTime: true });
    else if (roll < 0.2) buyers.set(id, { buyerId: id, blacklisted: true });
    return id;
  };
  const recentBuyers: string[] = [];

  // Minutes before `now` at which orders are placed: a thin day, a busy evening, the launch rush.
  const minutesAgo: number[] = [];
  for (let m = 20; m < 24 * 60; m += 1) {
    const localHour = Math.floor(localMinuteOfDay(nowMs - m * MINUTE, tz) / 60);
    const rate = localHour >= 19 ? 0.9 : localHour >= 9 ? 0.45 : 0.08;
    if (rng.next() < rate) minutesAgo.push(m);
  }
  for (let m = 0; m < 20; m++) for (let k = rng.nextInt(6, 12); k > 0; k--) minutesAgo.push(m);

  let n = 0;
  for (const ago of minutesAgo.sort((a, b) => b - a)) {
    n++;
    const createdMs = nowMs - ago * MINUTE - rng.nextInt(0, 59) * 1000;
    const repeat = recentBuyers.length > 0 && rng.next() < 0.08;
    const buyerId = repeat ? (recentBuyers[rng.nextInt(0, recentBuyers.length - 1)] as string) : newBuyer();
    recentBuyers.push(buyerId);
    if (recentBuyers.length > 30) recentBuyers.shift();
    const item = ITEMS[rng.nextInt(0, ITEMS.length - 1)] as (typeof ITEMS)[number];
    const quantity = rng.next() < 0.85 ? 1 : 2;
    const kindRoll = rng.next();
    const kind = createdMs >= launchMs && kindRoll < 0.2 ? 'flash' : 'normal';
    const amount = (PRICES[item] * quantity).toFixed(2);
    const orderId = `E${String(202611100000 + n)}`;
    const closeMs = kind === 'flash' ? createdMs + 30 * MINUTE : createdMs + 24 * 60 * MINUTE;
    const base = { orderId, buyerId, createdAt: at(createdMs), autoCloseAt: at(closeMs), kind, amount, itemIds: [item], itemCount: quantity } as const;
    // Most buyers pay within a few minutes; some pay later, some never.
    const payRoll = rng.next();
    const payDelay = payRoll < 0.72 ? rng.nextInt(1, 6) : payRoll < 0.8 ? rng.nextInt(10, 180) : Infinity;
    const paidMs = createdMs + payDelay * MINUTE;
    if (paidMs <= nowMs && paidMs < closeMs) orders.push({ ...base, paidAt: at(paidMs) });
    else if (closeMs <= nowMs) orders.push({ ...base, closedAt: at(closeMs) });
    else {
      // Still open and unpaid. Some are being paid right now; some buyers are chatting.
      const state = rng.next();
      if (state < 0.05 && ago < 15) orders.push({ ...base, payingSince: at(Math.max(createdMs, nowMs - rng.nextInt(1, 10) * MINUTE)) });
      else orders.push(base);
      if (state > 0.93 && !buyers.get(buyerId)?.blacklisted) buyers.set(buyerId, { ...buyers.get(buyerId), buyerId, lastInboundChatAt: at(nowMs - rng.nextInt(0, 8) * MINUTE) });
      // Orders older than an hour were already reminded by IM (CH-13), some by SMS during the day.
      if (ago > 60) {
        const imMs = createdMs + 5 * MINUTE;
        log.push({ orderId, buyerId, channel: 'im', at: at(imMs), state: 'sent', agent: AGENTS_ON_CHASE[n % AGENTS_ON_CHASE.length] as string });
        const smsMs = imMs + 25 * MINUTE;
        const smsHour = Math.floor(localMinuteOfDay(smsMs, tz) / 60);
        if (ago > 120 && smsHour >= 9 && smsHour < 22 && rng.next() < 0.6) {
          log.push({ orderId, buyerId, channel: 'sms', at: at(smsMs), state: 'sent' });
        }
      }
    }
  }

  // Presale buyers whose balance (尾款) became due at the launch: deposits paid in October.
  for (let i = 0; i < 24; i++) {
    const buyerId = newBuyer();
    const createdMs = toEpochMs('2026-10-24T20:00:00+08:00') + rng.nextInt(0, 14 * 24 * 60) * MINUTE;
    const item = ITEMS[rng.nextInt(0, 2)] as (typeof ITEMS)[number];
    const paid = rng.next() < 0.55;
    const order: ChaseOrder = {
      orderId: `P${String(202610240000 + i + 1)}`,
      buyerId,
      kind: 'presale_balance',
      createdAt: at(createdMs),
      balanceWindow: { start: '2026-11-11T00:00:00+08:00', end: '2026-11-11T23:59:00+08:00' },
      amount: (PRICES[item] * 0.8).toFixed(2),
      itemIds: [item],
      itemCount: 1,
      ...(paid ? { paidAt: at(launchMs + rng.nextInt(1, 19) * MINUTE) } : {}),
    };
    orders.push(order);
  }
  return { now: SAMPLE_SHOP.chaseAt, orders, buyers: [...buyers.values()].sort((a, b) => (a.buyerId < b.buyerId ? -1 : 1)), log };
}

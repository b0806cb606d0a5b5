// The planner reads input with a hand-written fast reader; the zod schemas are the specification.
// The reader must accept exactly what the schemas accept (on rejection the schema names the field).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { KefuError } from '../core/errors.ts';
import { ScratchPool } from '../core/scratch.ts';
import { ChaseBuyer, ChaseLogEntry, ChaseOrder, readOneOrder, readPlanInput } from './input.ts';

const hostile = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant(Number.NaN),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant(1e21),
  fc.constant(-0),
  fc.constant('2026-11-11T00:00:00'),
  fc.constant('2026-02-30T00:00:00+08:00'),
  fc.constant('x'.repeat(201)),
  fc.constant('🧧订单'),
  fc.constant('-0.00'),
  fc.constant('-1.50'),
  fc.constant('1e3'),
  fc.constant('12.'),
  fc.constant([]),
  fc.constant(['a', '']),
  fc.constant({}),
  fc.constant(true),
  fc.constant('normal'),
  fc.constant('flash'),
  fc.constant('granted'),
  fc.constant('a:b'),
  fc.constant(7),
  fc.constant(1_794_326_400_000),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
);

/** Takes a valid object and overwrites, deletes or adds some keys with hostile values. */
function mutations(base: Record<string, unknown>, keys: readonly string[]) {
  return fc
    .array(fc.tuple(fc.constantFrom(...keys, 'stray', 'toString'), hostile, fc.boolean()), { maxLength: 3 })
    .map((changes) => {
      const o: Record<string, unknown> = structuredClone(base);
      for (const [key, value, remove] of changes) {
        if (remove) delete o[key];
        else o[key] = value;
      }
      return o;
    });
}

const ORDER = {
  orderId: 'T1',
  buyerId: 'lin',
  shopId: 'shop1',
  createdAt: '2026-11-11T00:01:00+08:00',
  paidAt: 1_794_326_500_000,
  autoCloseAt: '2026-11-12T00:01:00.5Z',
  kind: 'presale_balance',
  balanceWindow: { start: '2026-11-11T00:00:00+08:00', end: '2026-11-12T00:00:00+08:00' },
  itemIds: ['sku-1'],
  promoIds: ['d11'],
  amount: '299.00',
  itemCount: 2,
  source: 'mobile',
  region: { province: '浙江', city: '杭州' },
  sellerFlag: 5,
  contact: { phoneHash: 'p1', phoneValid: true, phoneExpiresAt: '2026-11-20T00:00:00+08:00' },
};
const BUYER = {
  buyerId: 'lin',
  firstTime: true,
  blacklisted: false,
  creditLevel: 3,
  suspectedMalicious: false,
  memberTier: 'gold',
  consent: { im: 'granted', sms: 'unknown' },
  optedOutAt: { phone: '2026-11-10T00:00:00+08:00' },
  lastInboundChatAt: 1_794_326_400_000,
  recipientTimeZone: 'America/New_York',
  jurisdiction: 'US-FL',
};
const LOG = { orderId: 'T1', buyerId: 'lin', shopId: 'shop1', channel: 'im', at: '2026-11-11T00:05:00+08:00', state: 'sent', outcome: 'price', phoneHash: 'p1', agent: '小美' };

/**
 * Whether the fast reader accepted the shape: it returned, or only the cross-field rules that run
 * after it (facts not after `now`) complained. A KefuError from the schema means both rejected;
 * any other error is a disagreement and fails the test.
 */
function fastAccepts(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (error) {
    if (!(error instanceof KefuError)) throw error;
    return error.issues.every((issue) => issue.message.startsWith('expected an instant at or before now'));
  }
}

const nested = (key: string, inner: Record<string, unknown>) =>
  mutations(inner, Object.keys(inner)).map((value) => ({ ...structuredClone(ORDER), [key]: value }));

describe('fast input reader = zod schemas', () => {
  test.prop([fc.oneof(mutations(ORDER, Object.keys(ORDER)), nested('region', ORDER.region), nested('contact', ORDER.contact), nested('balanceWindow', ORDER.balanceWindow))], {
    numRuns: 600,
  })('orders', (order) => {
    expect(fastAccepts(() => readOneOrder(order, 'test'))).toBe(ChaseOrder.safeParse(order).success);
  });

  test.prop([mutations(BUYER, Object.keys(BUYER))], { numRuns: 300 })('buyers', (buyer) => {
    const input = { now: '2026-11-12T00:00:00+08:00', orders: [], buyers: [buyer] };
    expect(fastAccepts(() => new ScratchPool().run((scratch) => readPlanInput(input, 'test', scratch)))).toBe(ChaseBuyer.safeParse(buyer).success);
  });

  test.prop([mutations(LOG, Object.keys(LOG))], { numRuns: 300 })('log entries', (entry) => {
    const input = { now: '2026-11-12T00:00:00+08:00', orders: [], log: [entry] };
    expect(fastAccepts(() => new ScratchPool().run((scratch) => readPlanInput(input, 'test', scratch)))).toBe(ChaseLogEntry.safeParse(entry).success);
  });
});

// RF-6 invariants: the log does not depend on the order of the events; rows, teams and days
// each add up to the total, count for count and cent for cent; logs of disjoint sets add up.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { AFTER_SALE_TYPES, afterSaleLog, type AfterSaleEvent, type AfterSaleLog } from './after-sale.ts';

const event: fc.Arbitrary<AfterSaleEvent> = fc
  .record({
    type: fc.constantFrom(...AFTER_SALE_TYPES),
    team: fc.constantFrom('after_sale', 'pre_sale', 'warehouse', '售后'),
    at: fc.integer({ min: Date.UTC(2026, 9, 20), max: Date.UTC(2026, 10, 5) }),
    cents: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  })
  .map(({ cents, ...e }) => (cents === undefined ? e : { ...e, amount: cents % 2 === 0 ? cents / 100 : (cents / 100).toFixed(2) }));
const events = fc.array(event, { maxLength: 40 });
const zone = fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York');

const cents = (amount: string): number => Math.round(Number(amount) * 100);

function expectSums(log: AfterSaleLog, n: number): void {
  expect(log.total.count).toBe(n);
  expect(log.rows.reduce((s, r) => s + r.count, 0)).toBe(n);
  expect(log.rows.reduce((s, r) => s + cents(r.amount), 0)).toBe(cents(log.total.amount));
  expect(log.days.reduce((s, d) => s + d.total.count, 0)).toBe(n);
  expect(log.teams.reduce((s, t) => s + cents(t.total.amount), 0)).toBe(cents(log.total.amount));
  expect(AFTER_SALE_TYPES.reduce((s, t) => s + log.total.byType[t].unpriced, 0)).toBe(log.total.unpriced);
}

describe('RF-6 properties', () => {
  test.prop([events, zone], { numRuns: 150 })('RF-6: rows, teams and days add up to the total', (list, timeZone) => {
    const log = afterSaleLog(list, { timeZone });
    expectSums(log, list.length);
    expect(log.total.unpriced).toBe(list.filter((e) => e.amount === undefined).length);
    const expected = list.reduce((s, e) => s + (e.amount === undefined ? 0 : Math.round(Number(e.amount) * 100)), 0);
    expect(cents(log.total.amount)).toBe(expected);
  });

  test.prop([events.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), zone], { numRuns: 100 })(
    'the log does not depend on the order of the events',
    ([list, shuffled], timeZone) => {
      expect(afterSaleLog(shuffled, { timeZone })).toEqual(afterSaleLog(list, { timeZone }));
    },
  );

  test.prop([events, events], { numRuns: 100 })('logs of two sets of events add up to the log of both', (a, b) => {
    const [x, y, both] = [afterSaleLog(a), afterSaleLog(b), afterSaleLog([...a, ...b])];
    for (const type of AFTER_SALE_TYPES) {
      expect(both.total.byType[type].count).toBe(x.total.byType[type].count + y.total.byType[type].count);
      expect(cents(both.total.byType[type].amount)).toBe(cents(x.total.byType[type].amount) + cents(y.total.byType[type].amount));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import { AFTER_SALE_TYPES, afterSaleLog, type AfterSaleEvent } from './after-sale.ts';

const ev = (type: AfterSaleEvent['type'], team: string, at: string, amount?: string | number): AfterSaleEvent => ({ type, team, at, ...(amount === undefined ? {} : { amount }) });
const zero = { count: 0, amount: '0.00', unpriced: 0 };

describe('afterSaleLog (RF-6)', () => {
  it("RF-6: the day's returns, exchanges, reships, refunds and problem parcels, per type and team", () => {
    const log = afterSaleLog([
      ev('refund', 'after_sale', '2026-11-12T10:20:00+08:00', '39.90'),
      ev('refund', 'after_sale', '2026-11-12T11:00:00+08:00', 0.1),
      ev('refund', 'after_sale', '2026-11-12T11:30:00+08:00', 0.2),
      ev('reship', 'warehouse', '2026-11-12T12:00:00+08:00'),
      ev('problemParcel', 'after_sale', '2026-11-12T15:00:00+08:00'),
      ev('return', 'after_sale', '2026-11-12T16:00:00+08:00', '59.00'),
      ev('exchange', 'pre_sale', '2026-11-12T23:59:59+08:00', '45.00'),
    ]);
    expect(log.days).toHaveLength(1);
    expect(log.days[0]?.date).toBe('2026-11-12');
    expect(log.total).toEqual({
      count: 7,
      amount: '144.20',
      unpriced: 2,
      byType: {
        return: { count: 1, amount: '59.00', unpriced: 0 },
        exchange: { count: 1, amount: '45.00', unpriced: 0 },
        reship: { count: 1, amount: '0.00', unpriced: 1 },
        refund: { count: 3, amount: '40.20', unpriced: 0 },
        problemParcel: { count: 1, amount: '0.00', unpriced: 1 },
      },
    });
    expect(log.teams.map((t) => [t.team, t.total.count, t.total.amount])).toEqual([
      ['after_sale', 5, '99.20'],
      ['pre_sale', 1, '45.00'],
      ['warehouse', 1, '0.00'],
    ]);
    expect(log.rows).toEqual([
      { date: '2026-11-12', team: 'after_sale', type: 'return', count: 1, amount: '59.00', unpriced: 0 },
      { date: '2026-11-12', team: 'after_sale', type: 'refund', count: 3, amount: '40.20', unpriced: 0 },
      { date: '2026-11-12', team: 'after_sale', type: 'problemParcel', count: 1, amount: '0.00', unpriced: 1 },
      { date: '2026-11-12', team: 'pre_sale', type: 'exchange', count: 1, amount: '45.00', unpriced: 0 },
      { date: '2026-11-12', team: 'warehouse', type: 'reship', count: 1, amount: '0.00', unpriced: 1 },
    ]);
    expect(log.rule).toBe('RF-6');
  });

  it('RF-6: each event is logged on its local date in the shop zone', () => {
    const events = [ev('refund', 'a', '2026-11-12T15:59:59Z', 1), ev('refund', 'a', '2026-11-12T16:00:00Z', 2)];
    expect(afterSaleLog(events).days.map((d) => [d.date, d.total.amount])).toEqual([
      ['2026-11-12', '1.00'],
      ['2026-11-13', '2.00'],
    ]);
    expect(afterSaleLog(events, { timeZone: 'Europe/Berlin' }).days.map((d) => d.date)).toEqual(['2026-11-12']);
    // The night Berlin falls back has 25 hours; both 02:30s belong to 2026-10-25.
    const fallBack = [ev('return', 'a', '2026-10-25T02:30:00+02:00'), ev('return', 'a', '2026-10-25T02:30:00+01:00')];
    expect(afterSaleLog(fallBack, { timeZone: 'Europe/Berlin' }).days.map((d) => [d.date, d.total.count])).toEqual([['2026-10-25', 2]]);
  });

  it('RF-6: money is exact and never rounded before the sum', () => {
    const cents = Array.from({ length: 10 }, (_, i) => ev('refund', 'a', `2026-11-12T10:0${i}:00+08:00`, 0.1));
    expect(afterSaleLog(cents).total.amount).toBe('1.00');
    expect(afterSaleLog([ev('refund', 'a', '2026-11-12T10:00:00+08:00', '0.005'), ev('refund', 'a', '2026-11-12T10:01:00+08:00', '0.005')]).total.amount).toBe('0.01');
  });

  it('an empty log has every type at zero', () => {
    const log = afterSaleLog([]);
    expect(log.days).toEqual([]);
    expect(log.rows).toEqual([]);
    expect(log.total).toEqual({ ...zero, byType: Object.fromEntries(AFTER_SALE_TYPES.map((t) => [t, zero])) });
  });

  it('rejects hostile events, naming the field', () => {
    const ok = ev('refund', 'after_sale', '2026-11-12T10:00:00+08:00', '10.00');
    expectInvalidAt(() => afterSaleLog({} as never), 'events');
    expectInvalidAt(() => afterSaleLog([ok, { ...ok, amount: '-1' }]), 'events.1.amount');
    expectInvalidAt(() => afterSaleLog([{ ...ok, amount: -0.01 }]), 'events.0.amount');
    expectInvalidAt(() => afterSaleLog([{ ...ok, amount: '1,000' }]), 'events.0.amount');
    expectInvalidAt(() => afterSaleLog([{ ...ok, amount: Number.NaN }]), 'events.0.amount');
    expectInvalidAt(() => afterSaleLog([{ ...ok, amount: '1e3' }]), 'events.0.amount');
    expectInvalidAt(() => afterSaleLog([{ ...ok, type: 'cancel' } as never]), 'events.0.type');
    expectInvalidAt(() => afterSaleLog([{ ...ok, team: '' }]), 'events.0.team');
    expectInvalidAt(() => afterSaleLog([{ ...ok, at: '2026-11-12' }]), 'events.0.at');
    expectInvalidAt(() => afterSaleLog([{ ...ok, eventId: 'e1' }, { ...ok, eventId: 'e1' }]), 'events.1.eventId');
    expectInvalidAt(() => afterSaleLog([{ ...ok, agent: 'li' } as never]), 'events.0.agent');
    expectInvalidAt(() => afterSaleLog([ok], { timeZone: 'Beijing' }), 'options.timeZone');
    expectInvalidAt(() => afterSaleLog([ok], { date: '2026-11-12' } as never), 'options.date');
    expect(kefuErrorOf(() => afterSaleLog([{ ...ok, amount: '-5' }])).message).toBe('afterSaleLog: events.0.amount: expected an amount of 0 or more, received -5');
  });
});

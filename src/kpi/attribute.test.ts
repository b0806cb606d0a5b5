import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { attributeInquiries, type KpiChat, type KpiOrder } from './attribute.ts';
import { deriveMetrics } from './metrics.ts';

const at = (t: string): string => `2026-11-10T${t}+08:00`;
const chat = (agentId: string, buyerId: string, messages: Array<[string, 'buyer' | 'agent' | 'auto']>, extra: Partial<KpiChat> = {}): KpiChat => ({
  agentId,
  buyerId,
  messages: messages.map(([t, from]) => ({ at: at(t), from })),
  ...extra,
});
const order = (orderId: string, buyerId: string, created: string, paid?: string, amount = '100.00', extra: Partial<KpiOrder> = {}): KpiOrder => ({
  orderId,
  buyerId,
  createdAt: at(created),
  ...(paid === undefined ? {} : { paidAt: at(paid) }),
  amount,
  ...extra,
});
const period = { start: '2026-11-10', end: '2026-11-10' };

describe('attributeInquiries (reference 1.4, KPI-1)', () => {
  it('KPI-1: response times run from each buyer turn to the next human reply; auto-replies do not stop the clock', () => {
    const { records } = attributeInquiries(
      [chat('wang', 'b1', [['10:00:00', 'buyer'], ['10:00:01', 'auto'], ['10:00:20', 'agent'], ['10:01:00', 'buyer'], ['10:01:05', 'buyer'], ['10:01:30', 'agent'], ['10:01:40', 'agent']])],
      [],
      { period },
    );
    expect(records[0]?.counters).toMatchObject({ inquiries: 1, firstReplies: 1, firstReplySeconds: 20, replies: 2, replySeconds: 50 });
    expect(deriveMetrics(records[0]!).averageResponseSeconds).toBe(25);
  });

  it('auto-reply-only chats are unanswered, agent monologues are ignored: neither counts as an inquiry', () => {
    const result = attributeInquiries([chat('li', 'b1', [['10:00:00', 'buyer'], ['10:00:01', 'auto']]), chat('li', 'b2', [['11:00:00', 'agent'], ['11:05:00', 'auto']])], [], { period });
    expect(result.records).toEqual([]);
    expect(result.unanswered).toEqual([{ index: 0, agentId: 'li', buyerId: 'b1' }]);
    expect(result.ignoredChats).toEqual([{ index: 1, reason: 'noBuyerMessage' }]);
  });

  it('after-sale chats count for response times but not as inquiries; one buyer is one inquiry', () => {
    const { records } = attributeInquiries(
      [
        chat('wang', 'b1', [['09:00:00', 'buyer'], ['09:00:10', 'agent']], { presale: false }),
        chat('wang', 'b2', [['10:00:00', 'buyer'], ['10:00:10', 'agent']]),
        chat('wang', 'b2', [['15:00:00', 'buyer'], ['15:00:10', 'agent']]),
      ],
      [],
      { period },
    );
    expect(records[0]?.counters).toMatchObject({ inquiries: 1, firstReplies: 3, replies: 3 });
  });

  it('credit rules: the chat around the action wins (the one that ended last), else the last chat within the window', () => {
    const chats = [
      chat('li', 'b1', [['10:00:00', 'buyer'], ['10:00:30', 'agent'], ['10:20:00', 'buyer'], ['10:20:10', 'agent']]),
      chat('wang', 'b1', [['10:05:00', 'buyer'], ['10:05:30', 'agent']]),
      chat('zhao', 'b1', [['12:00:00', 'buyer'], ['12:00:30', 'agent']]),
    ];
    const orders = [order('o1', 'b1', '10:06:00', '12:30:00')];
    const sales = (creditRule: 'order' | 'payment' | 'orderFirst'): string[] =>
      attributeInquiries(chats, orders, { creditRule, period })
        .records.filter((r) => r.counters.salesAmount !== '0.00')
        .map((r) => r.agentId);
    // Created at 10:06 inside li's (10:00–10:20) and after wang's (ended 10:05:30): li's chat is around it.
    expect(sales('order')).toEqual(['li']);
    expect(sales('orderFirst')).toEqual(['li']);
    // Paid at 12:30, 30 minutes after zhao's chat ended.
    expect(sales('payment')).toEqual(['zhao']);
  });

  it('orderFirst falls back to the payment when nobody earned the creation; outside the window is silent', () => {
    const chats = [chat('wang', 'b1', [['20:00:00', 'buyer'], ['20:00:10', 'agent']])];
    const created = { ...order('o1', 'b1', '08:00:00'), paidAt: at('20:30:00') };
    const result = attributeInquiries(chats, [created], { creditRule: 'orderFirst', period });
    expect(result.records[0]?.counters.salesAmount).toBe('100.00');
    expect(attributeInquiries(chats, [created], { creditRule: 'order', period }).silentOrders).toEqual(['o1']);
    // A chat more than windowDays before the payment earns nothing.
    const old = [{ ...chats[0]!, messages: [{ at: '2026-11-07T20:00:00+08:00', from: 'buyer' as const }, { at: '2026-11-07T20:00:10+08:00', from: 'agent' as const }] }];
    expect(attributeInquiries(old, [order('o2', 'b1', '20:29:00', '20:30:00')], { windowDays: 2, period }).silentOrders).toEqual(['o2']);
    expect(attributeInquiries(old, [order('o2', 'b1', '20:29:00', '20:30:00')], { windowDays: 4, period }).silentOrders).toEqual([]); // 3 days 30 minutes before the payment
  });

  it('credited sales, paying buyers, refunds and positive reviews; inquiry conversion counts inquirers who paid', () => {
    const chats = [chat('wang', 'b1', [['10:00:00', 'buyer'], ['10:00:10', 'agent']]), chat('wang', 'b2', [['11:00:00', 'buyer'], ['11:00:10', 'agent']])];
    const orders = [
      order('o1', 'b1', '10:05:00', '10:06:00', '300.00', { refundAmount: '50.00', review: 'positive' }),
      order('o2', 'b1', '10:07:00', '10:08:00', '200.00'),
      order('o3', 'b2', '11:05:00'), // ordered, never paid
    ];
    const [r] = attributeInquiries(chats, orders, { period }).records;
    expect(r?.counters).toMatchObject({ inquiries: 2, inquiryPaidBuyers: 1, inquiryOrderedBuyers: 2, salesAmount: '500.00', paidBuyers: 1, refundAmount: '50.00', positiveReviews: 1 });
  });

  it('ratings of the chats are counted by stars', () => {
    const chats = [5, 4, 1].map((rating, i) => chat('wang', `b${i}`, [['10:00:00', 'buyer'], ['10:00:10', 'agent']], { rating }));
    expect(attributeInquiries(chats, [], { period }).records[0]?.counters.ratings).toEqual([1, 0, 0, 1, 1]);
  });

  it('the period is local days in the shop zone; by default the days the data touches', () => {
    const late = chat('wang', 'b1', [['23:59:00', 'buyer'], ['23:59:30', 'agent']]);
    const result = attributeInquiries([late], []);
    expect(result.records[0]?.period).toEqual({ start: '2026-11-10', end: '2026-11-10' });
    // The same instant is 2026-11-10 in Shanghai and 10:59 the same day in New York.
    expect(attributeInquiries([late], [], { timeZone: 'America/New_York' }).records[0]?.period).toEqual({ start: '2026-11-10', end: '2026-11-10' });
    expect(attributeInquiries([late], [], { period: { start: '2026-11-11', end: '2026-11-11' } }).records).toEqual([]);
    expect(attributeInquiries([], [])).toEqual({ records: [], silentOrders: [], unanswered: [], ignoredChats: [] });
  });

  it('is deterministic and independent of input order', () => {
    const chats = [chat('a', 'b1', [['10:00:00', 'buyer'], ['10:00:10', 'agent']]), chat('b', 'b1', [['10:00:00', 'buyer'], ['10:00:10', 'agent']])];
    const orders = [order('o1', 'b1', '10:00:05', '10:00:06')];
    const one = attributeInquiries(chats, orders, { period });
    const two = attributeInquiries([...chats].reverse(), orders, { period });
    expect(one.records).toEqual(two.records);
    // Two identical chats around the payment: the smaller agent id earns it.
    expect(one.records.find((r) => r.counters.salesAmount === '100.00')?.agentId).toBe('a');
  });

  it('names the field at fault', () => {
    const c = [chat('a', 'b', [['10:00:00', 'buyer']])];
    expectInvalidAt(() => attributeInquiries(c, [order('o1', 'b', '10:00:00', '09:00:00')]), 'orders.0.paidAt');
    expectInvalidAt(() => attributeInquiries(c, [order('o1', 'b', '10:00:00', undefined, '10.00', { refundAmount: '11.00' })]), 'orders.0.refundAmount');
    expectInvalidAt(() => attributeInquiries(c, [order('o1', 'b', '10:00:00'), order('o1', 'b', '11:00:00')]), 'orders.1.orderId');
    expectInvalidAt(() => attributeInquiries([{ ...c[0]!, messages: [{ at: '2026-11-10T10:00:00', from: 'buyer' }] }], []), 'chats.0.messages.0.at');
    expectInvalidAt(() => attributeInquiries([{ ...c[0]!, messages: [{ at: at('10:00:00'), from: 'bot' as never }] }], []), 'chats.0.messages.0.from');
    expectInvalidAt(() => attributeInquiries([{ ...c[0]!, messages: [] }], []), 'chats.0.messages');
    expectInvalidAt(() => attributeInquiries([{ ...c[0]!, rating: 6 }], []), 'chats.0.rating');
    expectInvalidAt(() => attributeInquiries(c, [], { windowDays: 0 }), 'options.windowDays');
    expectInvalidAt(() => attributeInquiries(c, [], { period: { start: '2026-11-11', end: '2026-11-10' } }), 'options.period.end');
    expectInvalidAt(() => attributeInquiries(c, [], { timeZone: '+08:00' }), 'options.timeZone');
  });
});

import { describe, expect, it } from 'vitest';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import { analyzeRefunds, type RefundRecord } from './analyze.ts';

const r = (id: string, amount: number | string, code: RefundRecord['code'], extra: Partial<RefundRecord> = {}): RefundRecord => ({ id, amount, ...(code ? { code } : {}), ...extra });

describe('analyzeRefunds', () => {
  it('RF-1: splits refunds into avoidable, exchangeable, refund-only and undetermined, by count and amount', () => {
    const a = analyzeRefunds([r('1', 10, 'WRONG_ITEM'), r('2', 30, 'SIZE_FIT'), r('3', 20, 'CHANGED_MIND'), r('4', 40, 'OTHER')]);
    expect(a.count).toBe(4);
    expect(a.amount).toBe('100.00');
    expect(a.buckets).toEqual({
      AVOIDABLE: { count: 1, amount: '10.00', share: 0.25, amountShare: 0.1 },
      EXCHANGEABLE: { count: 1, amount: '30.00', share: 0.25, amountShare: 0.3 },
      REFUND_ONLY: { count: 1, amount: '20.00', share: 0.25, amountShare: 0.2 },
      UNDETERMINED: { count: 1, amount: '40.00', share: 0.25, amountShare: 0.4 },
    });
    expect(a.avoidableShare).toBe(0.25);
    expect(a.avoidableShareExcludingUndetermined).toBeCloseTo(1 / 3, 15);
    expect(a.savedByExchangeOrReship).toEqual(a.buckets.EXCHANGEABLE);
    expect(a.summary[1]).toBe('RF-1: 25.0% were avoidable (10.00), 25.0% an exchange or reship would have settled (RF-3, 30.00), 25.0% only a refund settles, 25.0% name no cause.');
  });

  it('RF-1: refund rates per category by count and by amount, null without orders', () => {
    const a = analyzeRefunds(
      [r('1', '19.90', 'QUALITY_DEFECT', { category: 'mug' }), r('2', '19.90', 'QUALITY_DEFECT', { category: 'mug' }), r('3', 5, 'SIZE_FIT', { category: 'sock' })],
      [
        { category: 'mug', paidOrders: 100, paidAmount: '1990.00' },
        { category: 'tea', paidOrders: 0, paidAmount: 0 },
      ],
    );
    expect(a.byCategory).toEqual([
      { category: 'mug', count: 2, amount: '39.80', paidOrders: 100, paidAmount: '1990.00', rateByCount: 0.02, rateByAmount: 0.02 },
      { category: 'sock', count: 1, amount: '5.00', paidOrders: null, paidAmount: null, rateByCount: null, rateByAmount: null },
      { category: 'tea', count: 0, amount: '0.00', paidOrders: 0, paidAmount: '0.00', rateByCount: null, rateByAmount: null },
    ]);
  });

  it('RF-1: money is exact: 0.1 + 0.2 refunds make 0.30', () => {
    expect(analyzeRefunds([r('1', 0.1, 'OTHER'), r('2', 0.2, 'OTHER')]).amount).toBe('0.30');
  });

  it('Pareto: codes by count then priority, cumulative share ending at 1, the vital few reach 80%', () => {
    const refunds = [
      ...Array.from({ length: 5 }, (_, i) => r(`s${i}`, 1, 'SIZE_FIT')),
      ...Array.from({ length: 3 }, (_, i) => r(`w${i}`, 1, 'WRONG_ITEM')),
      r('c', 1, 'CHANGED_MIND'),
      r('q', 1, 'QUALITY_DEFECT'),
    ];
    const a = analyzeRefunds(refunds);
    expect(a.pareto.map((p) => [p.code, p.count, p.cumulativeShare, p.vital])).toEqual([
      ['SIZE_FIT', 5, 0.5, true],
      ['WRONG_ITEM', 3, 0.8, true],
      ['QUALITY_DEFECT', 1, 0.9, false],
      ['CHANGED_MIND', 1, 1, false],
    ]);
    expect(a.vitalFew).toEqual(['SIZE_FIT', 'WRONG_ITEM']);
    expect(analyzeRefunds(refunds, undefined, { vitalShare: 0.5 }).vitalFew).toEqual(['SIZE_FIT']);
  });

  it('RF-1: workload by party, by owner team and by remedy (RF-6)', () => {
    const a = analyzeRefunds([r('1', 1, 'DAMAGED_IN_TRANSIT'), r('2', 1, 'MISSING_ITEM'), r('3', 1, 'SIZE_FIT'), r('4', 1, 'SEVEN_DAY_NO_REASON')]);
    expect(a.byParty.logistics.count).toBe(1);
    expect(a.byParty.seller.count).toBe(1);
    expect(a.byParty.buyer.count).toBe(2);
    expect(a.byTeam).toMatchObject({ logistics: { count: 1 }, warehouse: { count: 1 }, pre_sale: { count: 1 }, after_sale: { count: 1 }, product: { count: 0 } });
    expect(Object.keys(a.byRemedy)).toEqual(['exchange', 'reship', 'return_refund']);
    expect(a.byRemedy.reship?.count).toBe(2);
  });

  it('repeat refunders: at least the threshold, by count then id', () => {
    const a = analyzeRefunds([r('1', 5, 'SIZE_FIT', { buyerId: 'b' }), r('2', 7, 'CHANGED_MIND', { buyerId: 'b' }), r('3', 1, 'SIZE_FIT', { buyerId: 'a' }), r('4', 1, 'SIZE_FIT', { buyerId: 'a' }), r('5', 1, 'OTHER', { buyerId: 'c' })]);
    expect(a.repeatRefunders).toEqual([
      { buyerId: 'a', count: 2, amount: '2.00', codes: ['SIZE_FIT'] },
      { buyerId: 'b', count: 2, amount: '12.00', codes: ['SIZE_FIT', 'CHANGED_MIND'] },
    ]);
    expect(analyzeRefunds([r('1', 5, 'SIZE_FIT', { buyerId: 'b' }), r('2', 7, 'SIZE_FIT', { buyerId: 'b' })], undefined, { repeatThreshold: 3 }).repeatRefunders).toEqual([]);
  });

  it('classifies refunds that come with text or a platform option instead of a code', () => {
    const a = analyzeRefunds([
      { id: '1', amount: 10, text: '发错颜色了' },
      { id: '2', amount: 10, platformReason: 'CR-DEFECTIVE', platform: 'amazon' },
      { id: '3', amount: 10, text: '一直没收到', orderState: 'unshipped' },
    ]);
    expect(a.classified).toBe(3);
    expect(a.byCode.map((c) => c.code)).toEqual(['WRONG_ITEM', 'QUALITY_DEFECT', 'LATE_SHIPMENT']);
  });

  it('empty input: zeros and nulls, never NaN', () => {
    const a = analyzeRefunds([]);
    expect(a.count).toBe(0);
    expect(a.amount).toBe('0.00');
    expect(a.avoidableShare).toBeNull();
    expect(a.avoidableShareExcludingUndetermined).toBeNull();
    expect(a.buckets.AVOIDABLE).toEqual({ count: 0, amount: '0.00', share: 0, amountShare: 0 });
    expect(a.pareto).toEqual([]);
    expect(a.vitalFew).toEqual([]);
    expect(a.summary).toEqual(['No refunds in the input.']);
    expect(JSON.stringify(a)).not.toContain('NaN');
  });

  it('rejects bad records, naming the field', () => {
    expectInvalidAt(() => analyzeRefunds([r('1', -5, 'OTHER')]), 'refunds.0.amount');
    expectInvalidAt(() => analyzeRefunds([r('1', '1,000', 'OTHER')]), 'refunds.0.amount');
    expectInvalidAt(() => analyzeRefunds([r('1', Number.NaN, 'OTHER')]), 'refunds.0.amount');
    expectInvalidAt(() => analyzeRefunds([r('1', 1, 'OTHER'), { id: '2', amount: 1 }]), 'refunds.1.code');
    expectInvalidAt(() => analyzeRefunds([r('1', 1, 'nope' as never)]), 'refunds.0.code');
    expectInvalidAt(() => analyzeRefunds([{ ...r('1', 1, 'OTHER'), createdAt: 'yesterday' }]), 'refunds.0.createdAt');
    expectInvalidAt(() => analyzeRefunds([r('', 1, 'OTHER')]), 'refunds.0.id');
    expectInvalidAt(() => analyzeRefunds([], [{ category: 'a', paidOrders: 1.5, paidAmount: 1 }]), 'orders.0.paidOrders');
    expectInvalidAt(() => analyzeRefunds([], [{ category: 'a', paidOrders: 1, paidAmount: -1 }]), 'orders.0.paidAmount');
    expectInvalidAt(
      () =>
        analyzeRefunds(
          [],
          [
            { category: 'a', paidOrders: 1, paidAmount: 1 },
            { category: 'a', paidOrders: 2, paidAmount: 1 },
          ],
        ),
      'orders.1.category',
    );
    expectInvalidAt(() => analyzeRefunds([], undefined, { repeatThreshold: 1 }), 'options.repeatThreshold');
    expectInvalidAt(() => analyzeRefunds('x' as never), 'refunds');
    expect(kefuErrorOf(() => analyzeRefunds([r('1', -1, 'OTHER'), { id: '2', amount: -2 }])).issues.map((i) => i.path)).toEqual(['refunds.0.amount', 'refunds.1.amount', 'refunds.1.code']);
  });
});

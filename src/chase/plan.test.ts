import { describe, expect, it } from 'vitest';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import { CHASE_REASONS, defaultChasePolicy, planChases, TAOBAO_DEADLINE_PRESETS, type ChaseOrder, type ChaseOrderDecision, type PlanChasesInput } from './index.ts';

const at = (local: string): string => `2026-11-11T${local}:00+08:00`;
let counter = 0;
const order = (o: Partial<ChaseOrder> & { createdAt: string }): ChaseOrder => {
  const created = Date.parse(o.createdAt);
  return { orderId: `T${++counter}`, buyerId: 'lin', autoCloseAt: new Date(created + 86_400_000).toISOString(), ...o };
};
const plan = (input: PlanChasesInput, policy?: Parameters<typeof planChases>[1]) => planChases(input, policy);
const only = (input: PlanChasesInput, policy?: Parameters<typeof planChases>[1]): ChaseOrderDecision => plan(input, policy).decisions[0] as ChaseOrderDecision;
const ch = (d: ChaseOrderDecision, channel: 'im' | 'sms' | 'phone') => d.channels.find((c) => c.channel === channel)!;

describe('planChases: the rules', () => {
  it('CH-1: every unpaid open order is a candidate; a paid or closed order never is, on any channel', () => {
    const unpaid = order({ orderId: 'U', buyerId: 'u', createdAt: at('09:00') });
    const paid = order({ orderId: 'P', buyerId: 'p', createdAt: at('09:00'), paidAt: at('09:10') });
    const closed = order({ orderId: 'C', buyerId: 'c', createdAt: at('09:00'), closedAt: at('09:30') });
    const result = plan({ now: at('10:00'), orders: [unpaid, paid, closed] });
    const [du, dp, dc] = result.decisions as [ChaseOrderDecision, ChaseOrderDecision, ChaseOrderDecision];
    expect(du).toMatchObject({ eligible: true, outcome: 'send' });
    expect(dp).toMatchObject({ eligible: false, outcome: 'never', primaryReason: 'ORDER_PAID', nextAllowedAt: null });
    expect(dc).toMatchObject({ eligible: false, outcome: 'never', primaryReason: 'ORDER_CLOSED', nextAllowedAt: null });
    for (const d of [dp, dc]) expect(d.channels.every((c) => c.outcome === 'never' && c.nextAllowedAt === null)).toBe(true);
    expect(result.groups.map((g) => g.representativeOrderId)).toEqual(['U']);
  });

  it('CH-6: the phone is used only 11:00–12:00, 16:00–17:00 and 19:00–21:00 shop time', () => {
    const o = order({ createdAt: at('09:00') });
    const buyers = [{ buyerId: 'lin', firstTime: true }];
    const log = [{ orderId: o.orderId, buyerId: 'lin', channel: 'im' as const, at: at('09:06'), state: 'sent' as const }];
    const before = only({ now: at('10:30'), orders: [o], buyers, log });
    expect(before.ladder).toBe('firstTimeBuyer');
    expect(ch(before, 'phone')).toMatchObject({ outcome: 'wait', reasons: ['OUTSIDE_WINDOW'], nextAllowedAt: at('11:00'), windowEndsAt: at('12:00'), ladderStep: 2 });
    expect(ch(only({ now: at('11:30'), orders: [o], buyers, log }), 'phone')).toMatchObject({ outcome: 'send', reasons: [], nextAllowedAt: at('11:30') });
    expect(ch(only({ now: at('12:10'), orders: [o], buyers, log }), 'phone')).toMatchObject({ outcome: 'wait', nextAllowedAt: at('16:00') });
    expect(defaultChasePolicy().channels.phone.windows).toEqual([
      { from: '11:00', to: '12:00' },
      { from: '16:00', to: '17:00' },
      { from: '19:00', to: '21:00' },
    ]);
  });

  it('CH-2: a flash order that closes after 30 minutes gets its IM within a minute, and nothing in the close buffer or after', () => {
    const o = order({ createdAt: at('00:00'), kind: 'flash', autoCloseAt: at('00:30') });
    const early = only({ now: '2026-11-11T00:00:30+08:00', orders: [o] });
    expect(early.ladder).toBe('flash');
    expect(ch(early, 'im')).toMatchObject({ outcome: 'wait', reasons: ['TOO_EARLY'], nextAllowedAt: at('00:01'), windowEndsAt: at('00:27') });
    expect(ch(only({ now: at('00:01'), orders: [o] }), 'im').outcome).toBe('send');
    expect(ch(only({ now: at('00:01'), orders: [o] }), 'sms')).toMatchObject({ outcome: 'never', nextAllowedAt: null });
    expect(ch(only({ now: at('00:01'), orders: [o] }), 'sms').reasons).toContain('NO_WINDOW_BEFORE_DEADLINE'); // SMS starts at 09:00
    expect(ch(only({ now: at('00:28'), orders: [o] }), 'im').reasons).toEqual(['NO_WINDOW_BEFORE_DEADLINE']);
    const closed = only({ now: at('00:30'), orders: [o] });
    expect(closed.primaryReason).toBe('PAST_AUTO_CLOSE');
    expect(closed.channels.every((c) => c.outcome === 'never' && c.reasons[0] === 'PAST_AUTO_CLOSE')).toBe(true);
  });

  it('CH-4: a buyer with three unpaid orders is chased once, for the order that closes first', () => {
    const a = order({ orderId: 'A', createdAt: at('09:00'), autoCloseAt: at('23:00') });
    const b = order({ orderId: 'B', createdAt: at('08:00'), autoCloseAt: '2026-11-12T08:00:00+08:00' });
    const c = order({ orderId: 'C', createdAt: at('09:30'), autoCloseAt: '2026-11-12T09:30:00+08:00' });
    const result = plan({ now: at('10:00'), orders: [a, b, c] });
    expect(result.groups).toEqual([{ groupId: 'lin', representativeOrderId: 'A', memberOrderIds: ['A', 'B', 'C'] }]);
    const [da, db, dc] = result.decisions as [ChaseOrderDecision, ChaseOrderDecision, ChaseOrderDecision];
    expect(da.eligible).toBe(true);
    expect(ch(da, 'im').outcome).toBe('send');
    for (const d of [db, dc]) {
      expect(d.eligible).toBe(false);
      expect(d.primaryReason).toBe('DEDUPED_SAME_BUYER');
      expect(d.representativeOrderId).toBe('A');
    }
    // B takes over when A closes at 23:00 (IM window until 02:00); C only after B closes.
    expect(ch(db, 'im')).toMatchObject({ outcome: 'wait', nextAllowedAt: at('23:00') });
    expect(ch(dc, 'im').nextAllowedAt).toBe('2026-11-12T08:00:00+08:00');
    expect(result.totals).toMatchObject({ orders: 3, eligible: 1, wait: 2, never: 0, send: { im: 1, sms: 0, phone: 0 } });
  });

  it('CH-4: a buyer who paid one of two orders is not chased for the other', () => {
    const paid = order({ createdAt: at('09:00'), paidAt: at('09:20') });
    const unpaid = order({ createdAt: at('09:05') });
    const result = plan({ now: at('10:00'), orders: [paid, unpaid] });
    expect(result.decisions.map((d) => d.primaryReason)).toEqual(['ORDER_PAID', 'BUYER_PAID_OTHER_ORDER']);
    expect(result.decisions.every((d) => d.representativeOrderId === null && d.outcome === 'never')).toBe(true);
    expect(result.groups).toEqual([]);
    expect(CHASE_REASONS.BUYER_PAID_OTHER_ORDER.rule).toBe('CH-4');
  });

  it('CH-4: a payment from before yesterday does not stop a new order being chased (look-back: since yesterday 00:00)', () => {
    const old = order({ createdAt: '2026-11-09T20:00:00+08:00', paidAt: '2026-11-09T23:59:00+08:00' });
    const fresh = order({ createdAt: at('09:00') });
    expect(plan({ now: at('10:00'), orders: [old, fresh] }).decisions[1]?.eligible).toBe(true);
    const recent = order({ createdAt: '2026-11-10T00:10:00+08:00', paidAt: '2026-11-10T00:30:00+08:00' });
    expect(plan({ now: at('10:00'), orders: [recent, fresh] }).decisions[1]?.primaryReason).toBe('BUYER_PAID_OTHER_ORDER');
    const rolling = { paidOtherOrderLookback: { kind: 'rolling' as const, minutes: 60 } };
    expect(plan({ now: at('10:00'), orders: [recent, fresh] }, rolling).decisions[1]?.eligible).toBe(true);
  });

  it('CH-7: IM first, then SMS, then phone; a first-time buyer is phoned right after the IM', () => {
    const o = order({ createdAt: at('10:00') });
    const regular = only({ now: at('10:10'), orders: [o] });
    expect(regular.channels.map((c) => [c.channel, c.ladderStep, c.outcome])).toEqual([
      ['im', 1, 'send'],
      ['sms', 2, 'wait'],
      ['phone', 3, 'wait'],
    ]);
    expect(ch(regular, 'sms').reasons).toEqual(['TOO_EARLY', 'LADDER_PREVIOUS_STEP_PENDING']);
    expect(ch(regular, 'sms').nextAllowedAt).toBe(at('10:30'));
    const firstTime = only({ now: at('10:10'), orders: [o], buyers: [{ buyerId: 'lin', firstTime: true }] });
    expect(firstTime.channels.map((c) => [c.channel, c.ladderStep])).toEqual([
      ['im', 1],
      ['sms', 3],
      ['phone', 2],
    ]);
    // After the IM at 10:10, the phone may go at 11:00 (window), the SMS only after the phone.
    const log = [{ orderId: o.orderId, buyerId: 'lin', channel: 'im' as const, at: at('10:10'), state: 'sent' as const }];
    const later = only({ now: at('10:40'), orders: [o], buyers: [{ buyerId: 'lin', firstTime: true }], log });
    expect(ch(later, 'phone')).toMatchObject({ outcome: 'wait', reasons: ['OUTSIDE_WINDOW'], nextAllowedAt: at('11:00') });
    expect(ch(later, 'sms').reasons).toEqual(['LADDER_PREVIOUS_STEP_PENDING']);
    expect(CHASE_REASONS.LADDER_PREVIOUS_STEP_PENDING.dependent).toBe(true);
  });

  it('CH-7: a step the buyer cannot receive is skipped, a step that missed its time ends the ladder', () => {
    const o = order({ createdAt: at('10:00') });
    const optedOut = only({ now: at('10:40'), orders: [o], buyers: [{ buyerId: 'lin', optedOutAt: { im: at('08:00') } }] });
    expect(ch(optedOut, 'im').reasons).toEqual(['OPTED_OUT']);
    expect(ch(optedOut, 'sms').outcome).toBe('send');
    const invalid = only({ now: at('10:40'), orders: [{ ...o, contact: { phoneValid: false } }] });
    expect(ch(invalid, 'sms').reasons).toEqual(['NO_VALID_CONTACT']);
    expect(ch(invalid, 'phone').reasons).toEqual(['NO_VALID_CONTACT']);
  });

  it('CH-8: blacklisted, low-credit and malicious buyers are never chased; a live chat delays the chase', () => {
    const o = order({ createdAt: at('10:00') });
    const reasons = (buyer: object, policy?: object) => only({ now: at('10:40'), orders: [o], buyers: [{ buyerId: 'lin', ...buyer }] }, policy).primaryReason;
    expect(reasons({ blacklisted: true })).toBe('BLACKLISTED');
    expect(reasons({ creditLevel: 1 }, { minCreditLevel: 2 })).toBe('LOW_CREDIT');
    expect(reasons({ creditLevel: 3 }, { minCreditLevel: 2 })).toBeUndefined();
    expect(reasons({ suspectedMalicious: true })).toBe('SUSPECTED_MALICIOUS');
    const chatting = only({ now: at('10:40'), orders: [o], buyers: [{ buyerId: 'lin', lastInboundChatAt: at('10:35') }] });
    expect(ch(chatting, 'im')).toMatchObject({ outcome: 'wait', reasons: ['CHAT_ACTIVE'], nextAllowedAt: at('10:45') });
  });

  it('CH-5: once per channel per buyer per day, two chases a day at most, no repeats, a refusal stops, a promise cools down', () => {
    const a = order({ orderId: 'A', createdAt: at('09:00'), autoCloseAt: '2026-11-14T09:00:00+08:00' });
    const b = order({ orderId: 'B', buyerId: 'wu', createdAt: at('09:00') });
    const sentA = (channel: 'im' | 'sms', time: string, extra: object = {}) => ({ orderId: 'A', buyerId: 'lin', channel, at: at(time), state: 'sent' as const, ...extra });
    const afterIm = only({ now: at('09:40'), orders: [a], log: [sentA('im', '09:05')] });
    expect(ch(afterIm, 'im').reasons).toEqual(['MAX_ATTEMPTS_REACHED']);
    expect(ch(afterIm, 'sms').outcome).toBe('send');
    const twoToday = only({ now: at('14:00'), orders: [a], log: [sentA('im', '09:05'), sentA('sms', '09:40')] });
    expect(ch(twoToday, 'phone')).toMatchObject({ outcome: 'wait', reasons: ['BUYER_DAILY_CAP', 'OUTSIDE_WINDOW'] });
    expect(ch(twoToday, 'phone').nextAllowedAt).toBe('2026-11-12T11:00:00+08:00');
    // The dedupe window is per buyer and counts queued attempts: an IM queued for lin about another
    // order blocks A's IM until the next local day (00:00 falls inside the IM window 08:00–02:00).
    const dedupe = only({ now: at('09:40'), orders: [a], log: [{ orderId: 'OLD', buyerId: 'lin', channel: 'im', at: at('07:00'), state: 'queued' }] });
    expect(ch(dedupe, 'im')).toMatchObject({ outcome: 'wait', reasons: ['DEDUPE_WINDOW_ACTIVE'], nextAllowedAt: '2026-11-12T00:00:00+08:00' });
    const refused = plan({ now: at('10:00'), orders: [a, b], log: [sentA('im', '09:05', { outcome: 'refused' })] });
    expect(refused.decisions.map((d) => d.primaryReason)).toEqual(['BUYER_REFUSED', undefined]);
    const promised = only({ now: at('10:00'), orders: [a], log: [sentA('im', '09:05', { outcome: 'promised_to_pay' })] });
    expect(ch(promised, 'sms')).toMatchObject({ outcome: 'wait', nextAllowedAt: at('11:05') });
    expect(ch(promised, 'sms').reasons).toContain('PROMISED_TO_PAY_COOLDOWN');
    const failed = only({ now: at('09:40'), orders: [a], log: [sentA('im', '09:05', { state: 'failed' })] });
    expect(ch(failed, 'im').outcome).toBe('send'); // a failed attempt counts for nothing
  });

  it('CH-3: the policy scope and per-item templates', () => {
    const lipstick = order({ createdAt: at('09:00'), itemIds: ['lipstick'], amount: '199.00' });
    const cheap = order({ buyerId: 'wu', createdAt: at('09:00'), itemIds: ['sample'], amount: 9 });
    const policy = defaultChasePolicy({
      scope: { minAmount: '20', excludeItems: ['gift'] },
      templates: [
        ...defaultChasePolicy().templates,
        { id: 'im-lipstick', channel: 'im', text: '亲，口红色号还在为您保留哦~', match: { itemIds: ['lipstick'] } },
      ],
    });
    const result = plan({ now: at('09:30'), orders: [lipstick, cheap, order({ buyerId: 'he', createdAt: at('09:00'), itemIds: ['gift'], amount: 50 })] }, policy);
    expect(ch(result.decisions[0]!, 'im').templateId).toBe('im-lipstick');
    expect(ch(result.decisions[0]!, 'sms').templateId).toBe('sms-default');
    expect(result.decisions[1]?.primaryReason).toBe('AMOUNT_OUT_OF_RANGE');
    expect(result.decisions[2]?.primaryReason).toBe('ITEM_EXCLUDED');
  });

  it('Shuyun CCMS: a chase due outside its window goes out within 60 minutes of the next opening, or is dropped', () => {
    const o = order({ createdAt: at('06:00') }); // IM due 06:05, window opens 08:00
    const late = defaultChasePolicy({ channels: { im: { maxLatenessMinutes: 60 } } });
    expect(ch(only({ now: at('06:10'), orders: [o] }, late), 'im')).toMatchObject({ outcome: 'wait', nextAllowedAt: at('08:00'), windowEndsAt: at('09:00') });
    expect(ch(only({ now: '2026-11-11T08:59:59+08:00', orders: [o] }, late), 'im').outcome).toBe('send');
    expect(ch(only({ now: at('09:00'), orders: [o] }, late), 'im').reasons).toEqual(['MAX_LATENESS_EXCEEDED']);
    const drop = defaultChasePolicy({ channels: { im: { outsideWindow: 'drop' } } });
    expect(ch(only({ now: at('06:10'), orders: [o] }, drop), 'im').reasons).toEqual(['OUTSIDE_WINDOW_DROPPED', 'OUTSIDE_WINDOW']);
    const inside = order({ createdAt: at('20:00') });
    expect(ch(only({ now: at('20:05'), orders: [inside] }, drop), 'im')).toMatchObject({ outcome: 'send', windowEndsAt: '2026-11-12T02:00:00+08:00' });
  });

  it('overlays: US-TCPA hours in the recipient’s zone; US-FL allows three attempts in 24 hours', () => {
    const policy = defaultChasePolicy({
      ladder: [{ name: 'sms-only', steps: [{ channel: 'sms', delayMinutes: 0 }] }],
      channels: { sms: { windows: [{ from: '00:00', to: '24:00' }], maxAttemptsPerOrder: 10, minGapMinutes: 0 } },
      dedupe: { window: { kind: 'rolling', minutes: 1 } },
      buyerDailyCap: null,
      jurisdictionOverlays: { 'US-NY': ['US-TCPA'], 'US-FL': ['US-TCPA', 'US-FL'] },
    });
    const o = order({ createdAt: '2026-11-11T10:00:00Z', autoCloseAt: '2026-11-14T10:00:00Z' });
    const ny = [{ buyerId: 'lin', recipientTimeZone: 'America/New_York', jurisdiction: 'US-NY' }];
    // 11:00Z is 06:00 in New York: wait until 08:00 EST = 13:00Z = 21:00 shop time.
    expect(ch(only({ now: '2026-11-11T11:00:00Z', orders: [o], buyers: ny }, policy), 'sms')).toMatchObject({
      outcome: 'wait',
      reasons: ['OUTSIDE_OVERLAY_WINDOW'],
      nextAllowedAt: at('21:00'),
    });
    const fl = [{ buyerId: 'lin', recipientTimeZone: 'America/New_York', jurisdiction: 'US-FL' }];
    const sent = (h: number) => ({ orderId: o.orderId, buyerId: 'lin', channel: 'sms' as const, at: `2026-11-11T${h}:00:00Z`, state: 'sent' as const });
    const capped = ch(only({ now: '2026-11-11T19:00:00Z', orders: [o], buyers: fl }, policy), 'sms');
    expect(capped.outcome).toBe('send');
    const third = ch(only({ now: '2026-11-11T19:00:00Z', orders: [o], buyers: fl, log: [sent(14), sent(15), sent(16)] }, policy), 'sms');
    expect(third).toMatchObject({ outcome: 'wait', reasons: ['OVERLAY_CAP'] });
    // The oldest of the three leaves the 24 hours at 14:00Z the next day (09:00 in New York).
    expect(third.nextAllowedAt).toBe('2026-11-12T22:00:00+08:00');
  });

  it('holidays as blocked days (kefu/calendar); years the calendar lacks are an error naming the channel', () => {
    const o = order({ createdAt: '2025-09-30T20:00:00+08:00' });
    const policy = defaultChasePolicy({ channels: { sms: { calendar: 'notHolidays' } } });
    const sms = ch(only({ now: '2025-10-01T10:00:00+08:00', orders: [{ ...o, autoCloseAt: '2025-10-20T00:00:00+08:00' }], log: [{ orderId: o.orderId, buyerId: 'lin', channel: 'im', at: '2025-09-30T20:10:00+08:00', state: 'sent' }] }, policy), 'sms');
    expect(sms).toMatchObject({ outcome: 'wait', reasons: ['BLOCKED_DAY'], nextAllowedAt: '2025-10-09T09:00:00+08:00' });
    const error = kefuErrorOf(() => planChases({ now: '2027-01-04T10:00:00+08:00', orders: [order({ createdAt: '2027-01-04T09:00:00+08:00' })] }, policy), 'CALENDAR_YEAR_UNKNOWN');
    expect(error.issues[0]?.path).toBe('policy.channels.sms.calendar');
    expect(error.issues[0]?.message).toContain('2027');
  });

  it('DST: a window that does not exist on the spring-forward day opens the next day; an overlapped one opens once per occurrence', () => {
    const policy = defaultChasePolicy({
      timeZone: 'America/New_York',
      ladder: [{ name: 'phone', steps: [{ channel: 'phone', delayMinutes: 0 }] }],
      channels: { phone: { windows: [{ from: '02:00', to: '03:00' }] } },
    });
    const o = order({ createdAt: '2026-03-07T12:00:00-05:00', autoCloseAt: '2026-03-20T00:00:00-04:00' });
    expect(ch(only({ now: '2026-03-08T01:30:00-05:00', orders: [o] }, policy), 'phone').nextAllowedAt).toBe('2026-03-09T02:00:00-04:00');
    const fall = order({ createdAt: '2026-10-31T12:00:00-04:00', autoCloseAt: '2026-11-10T00:00:00-05:00' });
    const overlap = defaultChasePolicy({ ...policy, channels: { phone: { windows: [{ from: '01:00', to: '02:00' }] } } });
    const first = ch(only({ now: '2026-11-01T00:30:00-04:00', orders: [fall] }, overlap), 'phone');
    // 01:00–02:00 happens twice that night, back to back: one stretch of two real hours.
    expect(first).toMatchObject({ nextAllowedAt: '2026-11-01T01:00:00-04:00', windowEndsAt: '2026-11-01T02:00:00-05:00' });
    expect(ch(only({ now: '2026-11-01T01:00:00-05:00', orders: [fall] }, overlap), 'phone').outcome).toBe('send');
  });

  it('presale balance orders wait for the balance window and are never chased after it', () => {
    const o = order({ createdAt: '2026-10-25T10:00:00+08:00', kind: 'presale_balance', autoCloseAt: undefined, balanceWindow: { start: at('00:00'), end: at('23:59') } });
    delete (o as { autoCloseAt?: string }).autoCloseAt;
    const before = only({ now: '2026-11-10T20:00:00+08:00', orders: [o] });
    expect(before.deadline).toBe('2026-11-11T23:59:00+08:00');
    expect(before.deadlineSource).toBe('balanceWindow');
    expect(ch(before, 'im')).toMatchObject({ outcome: 'wait', nextAllowedAt: at('00:05') });
    expect(ch(before, 'im').reasons).toContain('BALANCE_WINDOW_NOT_OPEN');
    expect(only({ now: at('23:59'), orders: [o] }).primaryReason).toBe('BALANCE_WINDOW_CLOSED');
  });

  it('invariant 14: a deadline from a preset says so; without a preset the order is not chased', () => {
    const o = order({ createdAt: at('09:00') });
    delete (o as { autoCloseAt?: string }).autoCloseAt;
    expect(only({ now: at('09:30'), orders: [o] }).primaryReason).toBe('DEADLINE_UNKNOWN');
    const estimated = only({ now: at('09:30'), orders: [o] }, { requireKnownDeadline: false, deadlinePresets: TAOBAO_DEADLINE_PRESETS });
    expect(estimated).toMatchObject({ eligible: true, deadline: '2026-11-12T09:00:00+08:00', deadlineSource: 'preset' });
    expect(estimated.deadlineEstimate?.confidence).toBe('low');
  });
});

describe('planChases: the output', () => {
  it('gives one decision per order in input order, groups sorted, never-decisions shared and frozen', () => {
    const orders = [order({ orderId: 'Z', buyerId: 'b2', createdAt: at('09:00') }), order({ orderId: 'A', buyerId: 'b1', createdAt: at('09:00'), paidAt: at('09:10') }), order({ orderId: 'M', buyerId: 'b0', createdAt: at('09:00'), paidAt: at('09:10') })];
    const result = plan({ now: at('10:00'), orders });
    expect(result.decisions.map((d) => d.orderId)).toEqual(['Z', 'A', 'M']);
    expect(result.now).toBe(at('10:00'));
    expect(result.timeZone).toBe('Asia/Shanghai');
    expect(result.decisions[1]?.channels).toBe(result.decisions[2]?.channels);
    expect(Object.isFrozen(result.decisions[1]?.channels[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(result.decisions[0]))).not.toHaveProperty('primaryReason');
    expect(plan({ now: at('10:00'), orders: [orders[0]!, order({ orderId: 'B', buyerId: 'a', createdAt: at('09:00') })] }).groups.map((g) => g.groupId)).toEqual(['a', 'b2']);
  });

  it('groups per shop when orders carry a shop id', () => {
    const result = plan({ now: at('10:00'), orders: [order({ shopId: 's1', createdAt: at('09:00') }), order({ shopId: 's2', createdAt: at('09:00') })] });
    expect(result.groups.map((g) => g.groupId)).toEqual(['s1:lin', 's2:lin']);
    expect(result.decisions.every((d) => d.eligible)).toBe(true);
  });

  it('keeps two buyers apart whose group ids read the same (buyer "s1:lin" of no shop, buyer "lin" of shop s1)', () => {
    const orders = [order({ orderId: 'B', shopId: 's1', buyerId: 'lin', createdAt: at('09:00') }), order({ orderId: 'A', buyerId: 's1:lin', createdAt: at('09:00') }), order({ orderId: 'C', buyerId: 'a', createdAt: at('09:00') })];
    const result = plan({ now: at('10:00'), orders });
    expect(result.groups).toEqual([
      { groupId: 'a', representativeOrderId: 'C', memberOrderIds: ['C'] },
      { groupId: 's1:lin', representativeOrderId: 'B', memberOrderIds: ['B'] },
      { groupId: 's1:lin', representativeOrderId: 'A', memberOrderIds: ['A'] },
    ]);
    expect(result.decisions.map((d) => [d.groupId, d.representativeOrderId, d.eligible])).toEqual([
      ['s1:lin', 'B', true],
      ['s1:lin', 'A', true],
      ['a', 'C', true],
    ]);
  });

  it('CH-2: the deadline is written in the shop zone, whatever shape the order gave its close time in', () => {
    const deadline = (autoCloseAt: string | number, timeZone = 'Asia/Shanghai'): string | null =>
      only({ now: at('10:00'), orders: [order({ createdAt: at('09:00'), autoCloseAt })] }, { timeZone }).deadline;
    // Already in the shop's shape and offset: kept as given.
    expect(deadline('2026-11-11T23:00:05+08:00')).toBe('2026-11-11T23:00:05+08:00');
    // Another offset, `Z`, a fraction, no seconds, epoch milliseconds: formatted in the shop zone.
    expect(deadline('2026-11-12T00:00:05+09:00')).toBe('2026-11-11T23:00:05+08:00');
    expect(deadline('2026-11-11T15:00:05Z')).toBe('2026-11-11T23:00:05+08:00');
    expect(deadline('2026-11-11T23:00:05.250+08:00')).toBe('2026-11-11T23:00:05.250+08:00');
    expect(deadline('2026-11-11T23:00+08:00')).toBe('2026-11-11T23:00:00+08:00');
    expect(deadline(Date.parse('2026-11-11T23:00:05+08:00'))).toBe('2026-11-11T23:00:05+08:00');
    // `-00:00` names the same instant as `+00:00`, which is how a UTC shop writes it.
    expect(deadline('2026-11-11T15:00:05-00:00', 'UTC')).toBe('2026-11-11T15:00:05+00:00');
    // Across a DST change the offset of the instant counts, not the offset of now.
    const ny = only({ now: '2026-11-01T00:30:00-04:00', orders: [order({ createdAt: '2026-11-01T00:00:00-04:00', autoCloseAt: '2026-11-01T01:30:00-04:00' })] }, { timeZone: 'America/New_York' });
    expect(ny.deadline).toBe('2026-11-01T01:30:00-04:00');
    const later = only({ now: '2026-11-01T00:30:00-04:00', orders: [order({ createdAt: '2026-11-01T00:00:00-04:00', autoCloseAt: '2026-11-01T01:30:00-05:00' })] }, { timeZone: 'America/New_York' });
    expect(later.deadline).toBe('2026-11-01T01:30:00-05:00');
    const wrongOffset = only({ now: '2026-11-01T00:30:00-04:00', orders: [order({ createdAt: '2026-11-01T00:00:00-04:00', autoCloseAt: '2026-11-01T03:30:00-04:00' })] }, { timeZone: 'America/New_York' });
    expect(wrongOffset.deadline).toBe('2026-11-01T02:30:00-05:00');
  });

  it('accepts epoch milliseconds, odd Unicode ids and an empty order list', () => {
    const o = { orderId: '订单🧧-1', buyerId: '买家\u200b', createdAt: Date.parse(at('09:00')), autoCloseAt: Date.parse(at('23:00')) };
    expect(only({ now: Date.parse(at('10:00')) as unknown as string, orders: [o] }).eligible).toBe(true);
    expect(plan({ now: at('10:00'), orders: [] })).toMatchObject({ decisions: [], groups: [], totals: { orders: 0 } });
  });
});

describe('planChases: bad input names the field', () => {
  const good = order({ createdAt: at('09:00') });
  const input = (o: object, extra: object = {}) => ({ now: at('10:00'), orders: [{ ...good, ...o }], ...extra }) as PlanChasesInput;
  it.each([
    ['an unparseable instant', { createdAt: '2026-11-11 09:00' }, 'orders.0.createdAt'],
    ['an instant without an offset', { paidAt: '2026-11-11T09:00:00' }, 'orders.0.paidAt'],
    ['NaN', { autoCloseAt: Number.NaN }, 'orders.0.autoCloseAt'],
    ['a negative amount', { amount: '-5.00' }, 'orders.0.amount'],
    ['an amount with a thousands separator', { amount: '1,299' }, 'orders.0.amount'],
    ['an empty order id', { orderId: '' }, 'orders.0.orderId'],
    ['a wrong type', { itemIds: 'sku-1' }, 'orders.0.itemIds'],
    ['an unknown kind', { kind: 'jhs' }, 'orders.0.kind'],
    ['a stray field', { paid: true }, 'orders.0.paid'],
    ['a payment in the future', { paidAt: at('11:00') }, 'orders.0.paidAt'],
    ['a close before creation', { autoCloseAt: at('08:00') }, 'orders.0.autoCloseAt'],
    ['a balance window on a normal order', { balanceWindow: { start: at('00:00'), end: at('23:00') } }, 'orders.0.balanceWindow'],
  ])('%s', (_, o, path) => {
    expectInvalidAt(() => planChases(input(o)), path);
  });

  it('duplicate order ids, unknown zones, windows like 25:00, future log entries and inconsistent log entries', () => {
    expectInvalidAt(() => planChases({ now: at('10:00'), orders: [good, { ...good }] }), 'orders.1.orderId');
    expectInvalidAt(() => planChases(input({}), { timeZone: 'Asia/Beijing' }), 'policy.timeZone');
    expectInvalidAt(() => planChases(input({}), { channels: { phone: { windows: [{ from: '19:00', to: '25:00' }] } } }), 'policy.channels.phone.windows.0.to');
    expectInvalidAt(() => planChases(input({}), { channels: { im: { windows: [] } } }), 'policy.channels.im.windows');
    expectInvalidAt(() => planChases(input({}, { buyers: [{ buyerId: 'lin', recipientTimeZone: '+08:00' }] })), 'buyers.0.recipientTimeZone');
    expectInvalidAt(() => planChases(input({}, { log: [{ orderId: good.orderId, buyerId: 'lin', channel: 'im', at: at('11:00'), state: 'sent' }] })), 'log.0.at');
    expectInvalidAt(() => planChases(input({}, { log: [{ orderId: good.orderId, buyerId: 'wu', channel: 'im', at: at('09:10'), state: 'sent' }] })), 'log.0.buyerId');
    expectInvalidAt(() => planChases(input({}, { log: [{ orderId: good.orderId, buyerId: 'lin', channel: 'fax', at: at('09:10'), state: 'sent' }] })), 'log.0.channel');
    expectInvalidAt(() => planChases(input({}, { buyers: [{ buyerId: 'lin' }, { buyerId: 'lin' }] })), 'buyers.1.buyerId');
    expectInvalidAt(() => planChases({ orders: [] } as unknown as PlanChasesInput), 'now');
    expectInvalidAt(() => planChases(null as unknown as PlanChasesInput), '');
  });
});

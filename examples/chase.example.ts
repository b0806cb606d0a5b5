// Chasing unpaid orders at 00:20 on Double 11, end to end. Every region is shown in docs/chase.md
// (and in the TSDoc of planChases and the memo functions); every result the comments state is
// asserted below it.
import assert from 'node:assert/strict';
// #region plan
import { planChases, type ChaseBuyer, type ChaseOrder } from 'kefu/chase';

// 2026-11-11, twenty minutes after the launch. Shop time is Asia/Shanghai (the default).
const now = '2026-11-11T00:20:00+08:00';
const t = (hhmm: string) => `2026-11-11T${hhmm}:00+08:00`;
const nextDay = (hhmm: string) => `2026-11-12T${hhmm}:00+08:00`;

const orders: ChaseOrder[] = [
  // lin placed two orders and paid neither: one chase, for the order that closes first (CH-4).
  // (T1002 is a made-to-order item the platform keeps open for three days.)
  { orderId: 'T1001', buyerId: 'lin', createdAt: t('00:03'), autoCloseAt: nextDay('00:03'), amount: '299.00', itemIds: ['lipstick'] },
  { orderId: 'T1002', buyerId: 'lin', createdAt: t('00:05'), autoCloseAt: '2026-11-14T00:05:00+08:00', amount: '89.00' },
  // A 聚划算 flash order: closes 30 minutes after it was placed (CH-2).
  { orderId: 'T1003', buyerId: 'wang', kind: 'flash', createdAt: t('00:12'), autoCloseAt: t('00:42'), amount: '59.90' },
  // zhao is a first-time buyer who ordered four minutes ago (CH-7: phone them early).
  { orderId: 'T1004', buyerId: 'zhao', createdAt: t('00:16'), autoCloseAt: nextDay('00:16'), amount: '459.00' },
  // chen paid another order after placing this one (CH-4).
  { orderId: 'T1005', buyerId: 'chen', createdAt: t('00:01'), autoCloseAt: nextDay('00:01') },
  { orderId: 'T1006', buyerId: 'chen', createdAt: t('00:02'), paidAt: t('00:10') },
  // qian is asking a question on Wangwang right now (CH-8: read the chat, do not interrupt).
  { orderId: 'T1007', buyerId: 'qian', createdAt: t('00:02'), autoCloseAt: nextDay('00:02') },
  // he is on the shop's blacklist (CH-8).
  { orderId: 'T1008', buyerId: 'he', createdAt: t('00:04'), autoCloseAt: nextDay('00:04') },
  // sun is in the middle of paying.
  { orderId: 'T1009', buyerId: 'sun', createdAt: t('00:06'), autoCloseAt: nextDay('00:06'), payingSince: t('00:15') },
];
const buyers: ChaseBuyer[] = [
  { buyerId: 'zhao', firstTime: true },
  { buyerId: 'qian', lastInboundChatAt: t('00:18') },
  { buyerId: 'he', blacklisted: true },
];

const plan = planChases({ now, orders, buyers, log: [] });

// What to send now: one IM each to lin (for T1001) and to wang (for the flash order).
const queue = plan.decisions.flatMap((d) => d.channels.filter((c) => c.outcome === 'send').map((c) => `${d.orderId} ${c.channel} ${c.templateId}`));
// queue → ['T1001 im im-default', 'T1003 im im-flash']
// plan.totals → { orders: 9, eligible: 2, send: { im: 2, sms: 0, phone: 0 }, wait: 4, never: 3 }
// #endregion plan
assert.deepEqual(queue, ['T1001 im im-default', 'T1003 im im-flash']);
assert.deepEqual(plan.totals, { orders: 9, eligible: 2, send: { im: 2, sms: 0, phone: 0 }, wait: 4, never: 3 });

const decision = (id: string) => {
  const d = plan.decisions.find((x) => x.orderId === id);
  assert.ok(d, id);
  return d;
};
const channel = (id: string, name: 'im' | 'sms' | 'phone') => {
  const c = decision(id).channels.find((x) => x.channel === name);
  assert.ok(c, `${id} ${name}`);
  return c;
};

// #region read
// Why each order is or is not chased now, and when it may be next:
const lines = plan.decisions.map((d) => [d.orderId, d.outcome, d.primaryReason, d.nextAllowedAt].filter((x) => x != null).join(' '));
// T1001 send 2026-11-11T00:20:00+08:00
// T1002 wait DEDUPED_SAME_BUYER 2026-11-12T00:03:00+08:00   (takes over only if T1001 closes unpaid)
// T1003 send 2026-11-11T00:20:00+08:00
// T1004 wait TOO_EARLY 2026-11-11T00:21:00+08:00           (IM five minutes after the order)
// T1005 never BUYER_PAID_OTHER_ORDER
// T1006 never ORDER_PAID
// T1007 wait CHAT_ACTIVE 2026-11-11T00:28:00+08:00         (ten quiet minutes after her last message)
// T1008 never BLACKLISTED
// T1009 wait ORDER_PAYING 2026-11-11T00:30:00+08:00        (a 15-minute grace for the payment)

// One decision, channel by channel: IM now; SMS not before 09:00 (no SMS at night) and only after
// the IM; the phone not before 11:00 (CH-6), after the SMS.
const sms = channel('T1001', 'sms');
// sms.outcome → 'wait', sms.reasons → ['TOO_EARLY', 'LADDER_PREVIOUS_STEP_PENDING', 'OUTSIDE_WINDOW']
// sms.nextAllowedAt → '2026-11-11T09:00:00+08:00', sms.windowEndsAt → '2026-11-11T22:00:00+08:00'
const flashSms = channel('T1003', 'sms');
// flashSms.outcome → 'never': the flash order closes at 00:42, long before SMS hours begin.
// flashSms.reasons → ['NO_WINDOW_BEFORE_DEADLINE', 'LADDER_PREVIOUS_STEP_PENDING', 'OUTSIDE_WINDOW']
const firstTimer = channel('T1004', 'phone');
// firstTimer.ladderStep → 2 (phone right after the IM), firstTimer.nextAllowedAt → '2026-11-11T11:00:00+08:00'
// #endregion read
assert.deepEqual(lines, [
  'T1001 send 2026-11-11T00:20:00+08:00',
  'T1002 wait DEDUPED_SAME_BUYER 2026-11-12T00:03:00+08:00',
  'T1003 send 2026-11-11T00:20:00+08:00',
  'T1004 wait TOO_EARLY 2026-11-11T00:21:00+08:00',
  'T1005 never BUYER_PAID_OTHER_ORDER',
  'T1006 never ORDER_PAID',
  'T1007 wait CHAT_ACTIVE 2026-11-11T00:28:00+08:00',
  'T1008 never BLACKLISTED',
  'T1009 wait ORDER_PAYING 2026-11-11T00:30:00+08:00',
]);
assert.equal(sms.outcome, 'wait');
assert.deepEqual(sms.reasons, ['TOO_EARLY', 'LADDER_PREVIOUS_STEP_PENDING', 'OUTSIDE_WINDOW']);
assert.equal(sms.nextAllowedAt, '2026-11-11T09:00:00+08:00');
assert.equal(sms.windowEndsAt, '2026-11-11T22:00:00+08:00');
assert.equal(flashSms.outcome, 'never');
assert.deepEqual(flashSms.reasons, ['NO_WINDOW_BEFORE_DEADLINE', 'LADDER_PREVIOUS_STEP_PENDING', 'OUTSIDE_WINDOW']);
assert.equal(firstTimer.ladderStep, 2);
assert.equal(firstTimer.nextAllowedAt, '2026-11-11T11:00:00+08:00');
assert.equal(channel('T1001', 'phone').nextAllowedAt, '2026-11-11T11:00:00+08:00');
assert.deepEqual(plan.groups.find((g) => g.groupId === 'lin'), { groupId: 'lin', representativeOrderId: 'T1001', memberOrderIds: ['T1001', 'T1002'] });

// #region next
// The IMs went out at 00:20. Five minutes later, record them and plan again: nothing repeats, and
// zhao's IM is due now.
import type { ChaseLogEntry } from 'kefu/chase';
const log: ChaseLogEntry[] = [
  { orderId: 'T1001', buyerId: 'lin', channel: 'im', at: now, state: 'sent', agent: '小美' },
  { orderId: 'T1003', buyerId: 'wang', channel: 'im', at: now, state: 'sent', agent: '小美' },
];
const later = planChases({ now: t('00:25'), orders, buyers, log });
const sendNow = later.decisions.flatMap((d) => d.channels.filter((c) => c.outcome === 'send').map((c) => `${d.orderId} ${c.channel}`));
// sendNow → ['T1004 im']
// later T1001 im: never, reasons ['MAX_ATTEMPTS_REACHED'] (one IM per order: no repeats, CH-5)
// later T1003 sms: still never; a flash order gets its one IM
// #endregion next
assert.deepEqual(sendNow, ['T1004 im']);
assert.deepEqual(later.decisions[0]?.channels[0]?.reasons, ['MAX_ATTEMPTS_REACHED']);
assert.equal(later.decisions[2]?.channels[1]?.outcome, 'never');

// #region policy
import { defaultChasePolicy } from 'kefu/chase';
// The defaults cite their rules; override only what differs. Here: no SMS on statutory holidays,
// Shuyun-style lateness (a chase deferred to the next window goes out in its first hour, or not at
// all), and marketing-class SMS with the opt-out text.
const policy = defaultChasePolicy({
  channels: { sms: { calendar: 'notHolidays', maxLatenessMinutes: 60, messageClass: 'marketing' } },
});
// policy.channels.phone.windows → 11:00–12:00, 16:00–17:00, 19:00–21:00 (CH-6)
// policy.ladder.map((v) => v.name) → ['flash', 'firstTimeBuyer', 'standard'] (CH-7)
const withPolicy = planChases({ now, orders, buyers, log: [] }, policy);
// withPolicy.decisions[0].channels[1].nextAllowedAt → '2026-11-11T09:00:00+08:00' (11.11 is a workday)
// #endregion policy
assert.deepEqual(
  policy.channels.phone.windows.map((w) => `${w.from}-${w.to}`),
  ['11:00-12:00', '16:00-17:00', '19:00-21:00'],
);
assert.deepEqual(policy.ladder.map((v) => v.name), ['flash', 'firstTimeBuyer', 'standard']);
assert.equal(withPolicy.decisions[0]?.channels[1]?.nextAllowedAt, '2026-11-11T09:00:00+08:00');

// #region message
import { renderChaseMessage } from 'kefu/chase';
const im = renderChaseMessage({ now, order: orders[2] as ChaseOrder, channel: 'im' });
// im.templateId → 'im-flash'
// im.text → '亲，活动价宝贝正为您保留，还剩22分钟，付款后马上安排发货哦~'
const morningSms = renderChaseMessage({ now: t('10:00'), order: orders[0] as ChaseOrder, channel: 'sms', variables: { shopName: '小美美妆' } });
// morningSms.text → '【小美美妆】亲，您的订单T1001还未付款，将于11-12 00:03自动关闭，如需帮助请在旺旺联系客服。'
// morningSms.sms → { encoding: 'ucs2', units: 53, segments: 1 } (up to 70 characters is one SMS)
// #endregion message
assert.equal(im.templateId, 'im-flash');
assert.equal(im.text, '亲，活动价宝贝正为您保留，还剩22分钟，付款后马上安排发货哦~');
assert.equal(morningSms.text, '【小美美妆】亲，您的订单T1001还未付款，将于11-12 00:03自动关闭，如需帮助请在旺旺联系客服。');
assert.deepEqual(morningSms.sms, { encoding: 'ucs2', units: 53, segments: 1 });

// #region memo
import { formatChaseMemo, parseChaseMemo } from 'kefu/chase';
// CH-10: time + agent nickname + reminder count + feedback, written on the order.
const entry = formatChaseMemo({ at: t('11:05'), agent: '小美', count: 2, channel: 'phone', outcome: 'promised_to_pay', feedback: '买家说下班后付款' });
// entry → '【催付】2026-11-11 11:05｜小美｜第2次｜电话｜〔答应付款〕｜买家说下班后付款'
const read = parseChaseMemo(`顺丰包邮；${entry}`);
// read.rest → '顺丰包邮'; read.entries[0] → { at: '2026-11-11T11:05:00+08:00', agent: '小美', count: 2,
//   channel: 'phone', outcome: 'promised_to_pay', feedback: '买家说下班后付款' }
// #endregion memo
assert.equal(entry, '【催付】2026-11-11 11:05｜小美｜第2次｜电话｜〔答应付款〕｜买家说下班后付款');
assert.equal(read.rest, '顺丰包邮');
assert.deepEqual(read.entries[0], { at: '2026-11-11T11:05:00+08:00', agent: '小美', count: 2, channel: 'phone', outcome: 'promised_to_pay', feedback: '买家说下班后付款' });

// #region memo-append
import { appendChaseMemo } from 'kefu/chase';
// Add today's call to the memo the order already has; set the purple flag with it.
const updated = appendChaseMemo('顺丰包邮；【催付】2026-11-11 00:20｜小美｜第1次｜旺旺', {
  at: t('11:05'),
  agent: '小美',
  count: 2,
  channel: 'phone',
  feedback: '买家说下班后付款',
});
// updated.memo → '顺丰包邮；【催付】2026-11-11 00:20｜小美｜第1次｜旺旺；【催付】2026-11-11 11:05｜小美｜第2次｜电话｜买家说下班后付款'
// updated.flag → 5 (purple), updated.bytes → 157 of the 1,000 Taobao allows, updated.dropped → 0
// #endregion memo-append
assert.equal(updated.memo, '顺丰包邮；【催付】2026-11-11 00:20｜小美｜第1次｜旺旺；【催付】2026-11-11 11:05｜小美｜第2次｜电话｜买家说下班后付款');
assert.equal(updated.flag, 5);
assert.equal(updated.bytes, new TextEncoder().encode(updated.memo).length);
assert.equal(updated.bytes, 157);
assert.equal(updated.dropped, 0);

// #region playbook
import { nonPaymentPlaybook } from 'kefu/chase';
// The buyer said the payment would not go through (CH-11): help them on IM, say time is short.
const play = nonPaymentPlaybook('payment_trouble');
// play.channel → 'im', play.templateId → 'im-payment-help', play.play → 'guideUrgently', play.keepChasing → true
const cannotTalk = nonPaymentPlaybook('cannot_talk');
// CH-9: apologise, end the call, follow up by SMS → cannotTalk.channel 'sms', templateId 'sms-after-call'
// #endregion playbook
assert.equal(play.channel, 'im');
assert.equal(play.templateId, 'im-payment-help');
assert.equal(play.play, 'guideUrgently');
assert.equal(play.keepChasing, true);
assert.equal(cannotTalk.channel, 'sms');
assert.equal(cannotTalk.templateId, 'sms-after-call');

// #region errors
import { KefuError } from 'kefu/chase';
try {
  planChases({ now, orders: [{ orderId: 'T1', buyerId: 'lin', createdAt: '2026-11-11 00:01', amount: '-5' }] });
} catch (error) {
  if (error instanceof KefuError) {
    // error.code → 'INVALID_INPUT'
    // error.issues.map((i) => i.path) → ['orders.0.createdAt', 'orders.0.amount']
  }
}
// #endregion errors
assert.throws(
  () => planChases({ now, orders: [{ orderId: 'T1', buyerId: 'lin', createdAt: '2026-11-11 00:01', amount: '-5' }] }),
  (error: unknown) => error instanceof KefuError && error.code === 'INVALID_INPUT' && error.issues.map((i) => i.path).join() === 'orders.0.createdAt,orders.0.amount',
);

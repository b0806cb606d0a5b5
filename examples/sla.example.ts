// The service deadlines of a customer-service team's day, the week after Double 11 2026, for a
// tea shop in Hangzhou. Every region is shown in docs/sla.md (and in the TSDoc of the function
// it is named after); every value the comments state is asserted below it.
import assert from 'node:assert/strict';
// #region review
import { reviewDeadline } from 'kefu/sla';

// SLA-1: a negative review arrives on Friday 13 November at 20:15, after the 18:30 cut-off.
// The weekend is not a working day, so it is due on Monday at 18:30. On Monday at 17:45:
const friday = reviewDeadline({ reviewId: 'rv-1', rating: 'negative', receivedAt: '2026-11-13T20:15:00+08:00', now: '2026-11-16T17:45:00+08:00' });
// friday.deadline === '2026-11-16T18:30:00+08:00', friday.basis === 'NEXT_SERVICE_DAY_CUTOFF'
// friday.state === 'dueSoon', friday.minutesLeft === 45

// Before the Spring Festival break (02-15 to 02-23) the next working day is too far: 3 days at most.
const holiday = reviewDeadline({ rating: 'neutral', receivedAt: '2026-02-14T19:00:00+08:00' });
// holiday.deadline === '2026-02-17T19:00:00+08:00', holiday.basis === 'MAX_DAYS'
// holiday.reasons → ['RECEIVED_AFTER_CUTOFF', 'CAPPED_BY_MAX_DAYS']

// A buyer who cannot be reached: 3 days. A review that cannot be settled: explain it publicly
// before the platform's review-change window closes (30 days unless the platform says when).
const unreachable = reviewDeadline({ rating: 'negative', receivedAt: '2026-11-12T10:00:00+08:00', buyerUnreachable: true });
// unreachable.deadline === '2026-11-15T10:00:00+08:00'
const explain = reviewDeadline({ rating: 'negative', receivedAt: '2026-11-12T10:00:00+08:00', unresolvable: true });
// explain.deadline === '2026-12-12T10:00:00+08:00', explain.basis === 'REVIEW_WINDOW'
// #endregion review
assert.equal(friday.deadline, '2026-11-16T18:30:00+08:00');
assert.equal(friday.basis, 'NEXT_SERVICE_DAY_CUTOFF');
assert.equal(friday.state, 'dueSoon');
assert.equal(friday.minutesLeft, 45);
assert.equal(
  friday.message,
  'Negative review received 2026-11-13 20:15, after the 18:30 cut-off: handle on the next service day; due 2026-11-16 18:30 (SLA-1).',
);
assert.equal(holiday.deadline, '2026-02-17T19:00:00+08:00');
assert.equal(holiday.basis, 'MAX_DAYS');
assert.deepEqual(holiday.reasons, ['RECEIVED_AFTER_CUTOFF', 'CAPPED_BY_MAX_DAYS']);
assert.equal(unreachable.deadline, '2026-11-15T10:00:00+08:00');
assert.equal(explain.deadline, '2026-12-12T10:00:00+08:00');
assert.equal(explain.basis, 'REVIEW_WINDOW');

// #region policy
import { reviewDeadline as deadlineFor, type ReviewPolicy } from 'kefu/sla';

// A shop in Berlin: cut-off 17:00, Monday to Friday. On 25 October 2026 the clocks go back,
// so Friday 18:00 to Monday 17:00 is 72 hours, not 71: days are local days.
const berlin: ReviewPolicy = { timeZone: 'Europe/Berlin', cutoff: '17:00', calendar: { workdays: 'weekdays' } };
const autumn = deadlineFor({ rating: 'negative', receivedAt: '2026-10-23T18:00:00+02:00' }, berlin);
// autumn.deadline === '2026-10-26T17:00:00+01:00'

// A team that works every day, but not on its outing day, and wants an hour to call the buyer.
const everyDay: ReviewPolicy = { calendar: { workdays: 'everyDay', daysOff: ['2026-11-20'] }, minHandlingMinutes: 60 };
const closeCall = deadlineFor({ rating: 'neutral', receivedAt: '2026-11-19T17:50:00+08:00' }, everyDay);
// closeCall.deadline === '2026-11-21T18:30:00+08:00', closeCall.reasons → ['TOO_CLOSE_TO_CUTOFF']
// #endregion policy
assert.equal(autumn.deadline, '2026-10-26T17:00:00+01:00');
assert.equal(autumn.deadlineEpochMs - Date.parse('2026-10-23T18:00:00+02:00'), 72 * 3_600_000);
assert.equal(closeCall.deadline, '2026-11-21T18:30:00+08:00');
assert.deepEqual(closeCall.reasons, ['TOO_CLOSE_TO_CUTOFF']);

// #region reviews
import { reviewDeadlines } from 'kefu/sla';

// The morning queue: every open neutral or negative review, one `now`, answers in input order.
const queue = reviewDeadlines({
  now: '2026-11-16T09:00:00+08:00',
  reviews: [
    { reviewId: 'rv-1', rating: 'negative', receivedAt: '2026-11-13T20:15:00+08:00' },
    { reviewId: 'rv-2', rating: 'neutral', receivedAt: '2026-11-12T09:30:00+08:00' },
    { reviewId: 'rv-3', rating: 'negative', receivedAt: '2026-11-14T11:00:00+08:00', buyerUnreachable: true },
  ],
});
// queue.items.map((d) => d.state) → ['onTime', 'overdue', 'onTime']
// queue.counts → { onTime: 2, dueSoon: 0, overdue: 1 }
// #endregion reviews
assert.deepEqual(
  queue.items.map((d) => d.state),
  ['onTime', 'overdue', 'onTime'],
);
assert.deepEqual(queue.counts, { onTime: 2, dueSoon: 0, overdue: 1 });
assert.equal(queue.items[2]?.deadline, '2026-11-17T11:00:00+08:00');

// #region parcels
import { parcelFollowUps, type Shipment } from 'kefu/sla';

// SLA-2: the morning check of parcels shipped in the event week (regions as the shop writes them).
const parcels: Shipment[] = [
  { shipmentId: 'ZT01', courier: '中通', region: '新疆', shippedAt: '2026-11-03T16:00:00+08:00' },
  { shipmentId: 'ZT02', courier: '中通', region: '新疆', shippedAt: '2026-11-04T16:00:00+08:00', lastFollowUpAt: '2026-11-13T09:10:00+08:00' },
  { shipmentId: 'ZT03', courier: '中通', region: '新疆', shippedAt: '2026-11-04T16:00:00+08:00', deliveredAt: '2026-11-12T12:00:00+08:00' },
  { shipmentId: 'SF01', courier: '顺丰', region: '新疆', shippedAt: '2026-11-04T16:00:00+08:00', deliveredAt: '2026-11-07T10:00:00+08:00' },
  { shipmentId: 'SF02', courier: '顺丰', region: '新疆', shippedAt: '2026-11-05T16:00:00+08:00', deliveredAt: '2026-11-08T11:00:00+08:00' },
  { shipmentId: 'YD01', courier: '韵达', region: '浙江', shippedAt: '2026-11-05T16:00:00+08:00' },
  { shipmentId: 'YD02', courier: '韵达', region: '浙江', shippedAt: '2026-11-06T16:00:00+08:00', deliveredAt: '2026-11-07T15:00:00+08:00' },
  { shipmentId: 'YD03', courier: '韵达', region: '浙江', shippedAt: '2026-11-10T16:00:00+08:00' },
];
const today = parcelFollowUps(parcels, '2026-11-13T09:30:00+08:00', { slowRegion: { minShipments: 2, lateShare: 0.5 } });
// today.followUps: ZT01 (10 days out), ZT02 (chased at 09:10 today), YD01 (8 days out)
// today.groups → 新疆/中通: 2 parcels, 1 still to chase today; 浙江/韵达: 1 parcel
// today.slowRegions → ['新疆']: 3 of 5 parcels took or are taking more than 7 days (浙江: 1 of 3)
// today.regions[0].suggestedCourier === '顺丰': its parcels to 新疆 arrived in 66.5 hours (median)
// #endregion parcels
assert.deepEqual(
  today.followUps.map((f) => [f.shipmentId, f.daysOut, f.followedUpToday]),
  [
    ['ZT01', 10, false],
    ['ZT02', 9, true],
    ['YD01', 8, false],
  ],
);
assert.deepEqual(
  today.groups.map((g) => [g.region, g.courier, g.count, g.pending]),
  [
    ['新疆', '中通', 2, 1],
    ['浙江', '韵达', 1, 1],
  ],
);
assert.deepEqual(today.slowRegions, ['新疆']);
assert.deepEqual(
  today.regions.map((r) => [r.region, r.late, r.shipments, r.slow, r.suggestedCourier]),
  [
    ['新疆', 3, 5, true, '顺丰'],
    ['浙江', 1, 3, false, '韵达'],
  ],
);
assert.equal(today.regions[0]?.couriers[0]?.medianTransitHours, 66.5);

// #region escalate
import { escalate, EMERGENCY_PLANS } from 'kefu/sla';

// SLA-3: at 00:40 on Double 11 buyers report that payment keeps failing. A plan covers it.
const payment = escalate({ problemId: 'P-1', type: 'prepared', class: 'platformOutage', situation: 'paymentCongestion', reportedAt: '2026-11-11T00:40:00+08:00' });
// payment.level === 'supervisor', payment.owner === 'operations'
// payment.solutionDueAt === '2026-11-11T01:10:00+08:00' (30 minutes)
// payment.firstActions[0].zh === '请买家稍后重试或换一种付款方式，并登记未付款订单'

// A blogger posts photos of crushed parcels: public opinion, whatever its cause.
const story = escalate({ type: 'publicOpinion', class: 'warehouseOrCourierFailure', situation: 'damaged', reportedAt: '2026-11-12T14:00:00+08:00' });
// story.level === 'director', story.owner === 'brand_pr', story.notify → ['warehouse_logistics']
// story.solutionDueAt === '2026-11-12T18:00:00+08:00' (4 hours)

// The shop's own matrix: one cell changed, the rest stays the default.
const ours = escalate({ type: 'sudden', class: 'priceOrSpecError', reportedAt: '2026-11-12T14:00:00+08:00' }, { cells: { sudden: { priceOrSpecError: { level: 'director', solveWithinMinutes: 20 } } } });
// ours.level === 'director', ours.solutionDueAt === '2026-11-12T14:20:00+08:00'
// EMERGENCY_PLANS.powerOrNetworkLoss.situations.map((s) => s.id) → ['powerCut', 'networkDown']
// #endregion escalate
assert.equal(payment.level, 'supervisor');
assert.equal(payment.owner, 'operations');
assert.equal(payment.solutionDueAt, '2026-11-11T01:10:00+08:00');
assert.equal(payment.firstActions[0]?.zh, '请买家稍后重试或换一种付款方式，并登记未付款订单');
assert.equal(story.level, 'director');
assert.equal(story.owner, 'brand_pr');
assert.deepEqual(story.notify, ['warehouse_logistics']);
assert.equal(story.solutionDueAt, '2026-11-12T18:00:00+08:00');
assert.equal(ours.level, 'director');
assert.equal(ours.solutionDueAt, '2026-11-12T14:20:00+08:00');
assert.deepEqual(
  EMERGENCY_PLANS.powerOrNetworkLoss.situations.map((s) => s.id),
  ['powerCut', 'networkDown'],
);

// #region after-sale
import { afterSaleLog } from 'kefu/sla';

// RF-6: Thursday's after-sale record, from the cases the team logged.
const log = afterSaleLog([
  { type: 'refund', team: 'after_sale', at: '2026-11-12T09:20:00+08:00', amount: '39.90', orderId: 'T1001' },
  { type: 'refund', team: 'after_sale', at: '2026-11-12T10:05:00+08:00', amount: '129.00', orderId: 'T1002' },
  { type: 'return', team: 'after_sale', at: '2026-11-12T11:40:00+08:00', amount: '79.80', orderId: 'T1003' },
  { type: 'exchange', team: 'pre_sale', at: '2026-11-12T13:15:00+08:00', orderId: 'T1004' },
  { type: 'reship', team: 'warehouse', at: '2026-11-12T15:30:00+08:00', amount: '39.90', orderId: 'T1005' },
  { type: 'problemParcel', team: 'warehouse', at: '2026-11-12T16:45:00+08:00', orderId: 'T1006' },
]);
// log.total.count === 6, log.total.amount === '288.60', log.total.unpriced === 2
// log.total.byType.refund → { count: 2, amount: '168.90', unpriced: 0 }
// log.rows[0] → { date: '2026-11-12', team: 'after_sale', type: 'return', count: 1, amount: '79.80', unpriced: 0 }
// #endregion after-sale
assert.equal(log.total.count, 6);
assert.equal(log.total.amount, '288.60');
assert.equal(log.total.unpriced, 2);
assert.deepEqual(log.total.byType.refund, { count: 2, amount: '168.90', unpriced: 0 });
assert.deepEqual(log.rows[0], { date: '2026-11-12', team: 'after_sale', type: 'return', count: 1, amount: '79.80', unpriced: 0 });
assert.equal(log.rows.length, 5);

// #region service-days
import { addServiceDays, isServiceDay } from 'kefu/sla';

// The working-day arithmetic behind SLA-1, on kefu/calendar: holidays and make-up workdays count.
isServiceDay('2026-09-20'); // true: a Sunday worked before National Day
addServiceDays('2026-09-30', 1); // '2026-10-08': the break runs 10-01 to 10-07
addServiceDays('2026-09-30', 1, { extraWorkdays: ['2026-10-03'] }); // '2026-10-03': on the duty rota
// #endregion service-days
assert.equal(isServiceDay('2026-09-20'), true);
assert.equal(addServiceDays('2026-09-30', 1), '2026-10-08');
assert.equal(addServiceDays('2026-09-30', 1, { extraWorkdays: ['2026-10-03'] }), '2026-10-03');

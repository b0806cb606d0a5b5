// The Google Sheets custom functions, called the way a sheet calls them: a range arrives as an
// array of rows, a date-time cell as a Date, an empty cell as ''. Every region is shown in
// docs/sheets.md; every result the comments state is asserted below it.
import assert from 'node:assert/strict';
// #region agents
import { KEFU_AGENTS, KEFU_ERLANG_C, KEFU_RECEPTIONS } from 'kefu/sheets';

// =KEFU_AGENTS(B2:B6, 180, 1800, 0.8, 20, 1, 0.3): calls per half hour in B2:B6, one row each.
const calls = [[100], [1000], [''], [-5], [240]];
const agents = KEFU_AGENTS(calls, 180, 1800, 0.8, 20, 1, 0.3);
// agents → [[14, 20], [107, 153], ['', ''], ['#KEFU! calls: expected a number >= 0, received -5', ''], [29, 42]]
// Single values (180 s, 1800 s, 80/20, no cap, 30% shrinkage) apply to every row; the blank row
// stays blank; the bad row says why, and the rows around it are computed.

// =KEFU_ERLANG_C(100, 180, 1800, C2:C3, 20): the queue at 14 agents, and at 10 (10 Erlangs: unstable).
const queue = KEFU_ERLANG_C(100, 180, 1800, [[14], [10]], 20);
// queue[0] → [10, 0.1741…, 0.8884…, 7.836…, 0.7142…, true]   (traffic, P(wait), SL, ASA s, occupancy, stable)
// queue[1] → [10, 1, 0, '∞', 1, false]

// =KEFU_RECEPTIONS(A2:A3, 0.4, 0.25, 0.3): HC-1, receptions for 10,000 and for 7 paying buyers.
const receptions = KEFU_RECEPTIONS([[10000], [7]], 0.4, 0.25, 0.3);
// receptions → [[16000, 4800, 11200], [12, 3, 9]]   (total, bot, people)
// #endregion agents
assert.deepEqual(agents, [[14, 20], [107, 153], ['', ''], ['#KEFU! calls: expected a number >= 0, received -5', ''], [29, 42]]);
assert.equal(queue[0]?.[0], 10);
assert.equal((queue[0]?.[1] as number).toFixed(4), '0.1741');
assert.equal((queue[0]?.[2] as number).toFixed(4), '0.8884');
assert.equal((queue[0]?.[3] as number).toFixed(3), '7.836');
assert.equal(queue[0]?.[5], true);
assert.deepEqual(queue[1], [10, 1, 0, '∞', 1, false]);
assert.deepEqual(receptions, [
  [16000, 4800, 11200],
  [12, 3, 9],
]);

// #region refunds
import { KEFU_REFUND_BUCKET, KEFU_REFUND_REASON } from 'kefu/sheets';

// =KEFU_REFUND_REASON(D2:D5): the buyers' refund texts, simplified or traditional Chinese, English.
const reasons = KEFU_REFUND_REASON([['发错货了，我要的是红色'], ['質量太差，開線了'], [''], ['changed my mind']]);
// reasons → [['WRONG_ITEM', '发错货', 'AVOIDABLE'],
//            ['QUALITY_DEFECT', '质量问题', 'EXCHANGEABLE'],
//            ['', '', ''],
//            ['CHANGED_MIND', '不想要了/不喜欢', 'REFUND_ONLY']]

// =KEFU_REFUND_BUCKET(E2:E3): the bucket of codes already in the sheet.
const buckets = KEFU_REFUND_BUCKET([['LATE_SHIPMENT'], ['late']]);
// buckets → [['AVOIDABLE'], ['#KEFU! code: expected one of the 28 reason codes, such as "WRONG_ITEM", received "late"']]
// #endregion refunds
assert.deepEqual(reasons, [
  ['WRONG_ITEM', '发错货', 'AVOIDABLE'],
  ['QUALITY_DEFECT', '质量问题', 'EXCHANGEABLE'],
  ['', '', ''],
  ['CHANGED_MIND', '不想要了/不喜欢', 'REFUND_ONLY'],
]);
assert.deepEqual(buckets, [['AVOIDABLE'], ['#KEFU! code: expected one of the 28 reason codes, such as "WRONG_ITEM", received "late"']]);

// #region money
import { KEFU_ALLOCATE, KEFU_PAYOUT } from 'kefu/sheets';

// =KEFU_ALLOCATE(10000, B2:C3): a 10,000 prize pool over a block of weights (KPI-4), exactly.
const pool = KEFU_ALLOCATE(10000, [
  [3, 1],
  [2, ''],
]);
// pool → [['5000.00', '1666.67'], ['3333.33', '']]   text: exact to the fen, the sum is 10,000.00

// =KEFU_PAYOUT(B2:B4, 30000, E2:G5): KPI-5 bonuses; the schedule is a range of rows
// (attainment, amount, optional tier label): nothing at 80%, 500 at 100%, 1,500 at 130%, 2,400 at 160%.
const schedule = [
  [0.8, 0, ''],
  [1, 500, 'base'],
  [1.3, 1500, 'challenge'],
  [1.6, 2400, ''],
];
const bonuses = KEFU_PAYOUT([[33750], [60000], [20000]], 30000, schedule);
// bonuses → [['916.67', 1.125, 'base'], ['2400.00', 2, ''], ['0.00', 0.6666…, '']]
// #endregion money
assert.deepEqual(pool, [
  ['5000.00', '1666.67'],
  ['3333.33', ''],
]);
assert.deepEqual(bonuses, [
  ['916.67', 1.125, 'base'],
  ['2400.00', 2, ''],
  ['0.00', 20000 / 30000, ''],
]);

// #region chase
import { KEFU_CHASE_NEXT } from 'kefu/sheets';

// =KEFU_CHASE_NEXT($H$1, A2:A5, B2:B5, C2:C5, D2:D5, E2:E5): H1 holds 2026-11-11 00:20 (a fixed
// date-time: Sheets does not allow NOW() in a custom function). Date cells arrive as Dates.
const now = new Date('2026-11-11T00:20:00+08:00');
const at = (iso: string): Date => new Date(`${iso}+08:00`);
const chase = KEFU_CHASE_NEXT(
  now,
  [['T1001'], ['T1002'], ['T1005'], ['T1006']], // order ids
  [['lin'], ['lin'], ['chen'], ['chen']], // buyers
  [[at('2026-11-11T00:03:00')], [at('2026-11-11T00:05:00')], [at('2026-11-11T00:01:00')], [at('2026-11-11T00:02:00')]], // placed
  [[at('2026-11-12T00:03:00')], [at('2026-11-14T00:05:00')], [at('2026-11-12T00:01:00')], ['']], // closes unpaid
  [[''], [''], [''], [true]], // paid?
);
// chase → [['send', 'im', Date 11-11 00:20, ''],
//          ['wait', 'im', Date 11-12 00:03, 'DEDUPED_SAME_BUYER'],   (CH-4: one chase per buyer)
//          ['never', '', '', 'BUYER_PAID_OTHER_ORDER'],              (CH-4: chen paid T1006)
//          ['never', '', '', 'ORDER_PAID']]
// #endregion chase
assert.deepEqual(chase, [
  ['send', 'im', now, ''],
  ['wait', 'im', at('2026-11-12T00:03:00'), 'DEDUPED_SAME_BUYER'],
  ['never', '', '', 'BUYER_PAID_OTHER_ORDER'],
  ['never', '', '', 'ORDER_PAID'],
]);

// #region sla
import { KEFU_ESCALATE, KEFU_REVIEW_DEADLINE } from 'kefu/sheets';

// =KEFU_REVIEW_DEADLINE(A2:A3, B2:B3, $H$1): SLA-1 deadlines, and where each stands on Monday 17:45.
const monday = new Date('2026-11-16T17:45:00+08:00');
const reviews = KEFU_REVIEW_DEADLINE([['差评'], ['neutral']], [[new Date('2026-11-13T20:15:00+08:00')], [new Date('2026-11-12T10:00:00+08:00')]], monday);
// reviews → [[Date 11-16 18:30, 'dueSoon', 45, 'NEXT_SERVICE_DAY_CUTOFF'],   (Friday after the cut-off)
//            [Date 11-12 18:30, 'overdue', -5715, 'SAME_DAY_CUTOFF']]     (Thursday's, missed)

// =KEFU_ESCALATE(A2:A3, B2:B3, C2:C3): SLA-3, where each reported problem goes.
const escalations = KEFU_ESCALATE([['prepared'], ['sudden']], [['powerOrNetworkLoss'], ['brandIncident']], [[new Date('2026-11-11T00:05:00+08:00')], [new Date('2026-11-11T00:05:00+08:00')]]);
// escalations → [['supervisor', 'it_admin', Date 11-11 00:20, ''],
//                ['director', 'brand_pr', Date 11-11 02:05, 'legal']]
// #endregion sla
assert.deepEqual(reviews, [
  [new Date('2026-11-16T18:30:00+08:00'), 'dueSoon', 45, 'NEXT_SERVICE_DAY_CUTOFF'],
  [new Date('2026-11-12T18:30:00+08:00'), 'overdue', -5715, 'SAME_DAY_CUTOFF'],
]);
assert.deepEqual(escalations, [
  ['supervisor', 'it_admin', new Date('2026-11-11T00:20:00+08:00'), ''],
  ['director', 'brand_pr', new Date('2026-11-11T02:05:00+08:00'), 'legal'],
]);

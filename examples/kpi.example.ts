// A Double 11 month for the customer-service team of a flagship shop, end to end: metrics from
// counters, a scorecard, the hourly leaderboard with its prizes, targets that cascade, bonuses,
// the event-day watchlist, trends and the phase review. Every region is shown in docs/kpi.md
// (and in the TSDoc of the function it shows); every number the comments state is asserted below.
import assert from 'node:assert/strict';
// #region derive
import { deriveMetrics, mergeRecords, type KpiRecord } from 'kefu/kpi';

// One agent's November, as a performance tool exports it: raw counters, never ratios (KPI-1).
const wangNovember: KpiRecord = {
  agentId: 'wang',
  shopId: 'flagship',
  period: { start: '2026-11-01', end: '2026-11-30' },
  creditRule: 'payment', // 付款判定: the chat around the payment earns the sale
  windowDays: 2, // …if it happened at most 2 days before it
  counters: {
    inquiries: 400, // 询单人数
    inquiryPaidBuyers: 152, // 询单→最终付款人数
    salesAmount: '60800.00', // 客服销售额
    paidBuyers: 160, // 销售人数 (may exceed the inquirers: credit reaches back 2 days)
    refundAmount: '1216.00',
    firstReplySeconds: 4400, // Σ seconds to the first human reply…
    firstReplies: 400, // …over 400 first replies
    replySeconds: 36000,
    replies: 2400,
    positiveReviews: 90, // 好评数
    ratings: [2, 1, 7, 40, 150], // 1★ … 5★
  },
};
const m = deriveMetrics(wangNovember);
// m.inquiryConversion === 0.38        152 ÷ 400
// m.averageOrderValue === '380.00'    60,800.00 ÷ 160, money as an exact string
// m.firstResponseSeconds === 11       4,400 s ÷ 400
// m.satisfaction === 0.95             (40 + 150) ÷ 200 ratings
// m.refundRate === 0.02

// Two days add up counter by counter: the mean response time of the pair is Σ seconds ÷ Σ replies,
// not the mean of the two daily means.
const day = (date: string, replySeconds: number, replies: number): KpiRecord => ({
  agentId: 'li',
  shopId: 'flagship',
  period: { start: date, end: date },
  counters: { inquiries: 40, inquiryPaidBuyers: 12, salesAmount: '4200.00', paidBuyers: 12, refundAmount: 0, firstReplySeconds: 600, firstReplies: 40, replySeconds, replies, positiveReviews: 5 },
});
const twoDays = mergeRecords([day('2026-11-10', 1000, 100), day('2026-11-11', 9000, 300)]);
// deriveMetrics(twoDays).averageResponseSeconds === 25   10,000 s ÷ 400 replies (the daily means 10 and 30 would average 20)
// twoDays.period → { start: '2026-11-10', end: '2026-11-11' }; twoDays.counters.salesAmount === '8400.00'
// #endregion derive
assert.equal(m.inquiryConversion, 0.38);
assert.equal(m.averageOrderValue, '380.00');
assert.equal(m.firstResponseSeconds, 11);
assert.equal(m.satisfaction, 0.95);
assert.equal(m.refundRate, 0.02);
assert.equal(m.salesAmount, '60800.00');
assert.equal(m.averageResponseSeconds, 15);
assert.equal(m.inquiryOrderConversion, null); // the counter was not given
assert.equal(deriveMetrics(twoDays).averageResponseSeconds, 25);
assert.deepEqual(twoDays.period, { start: '2026-11-10', end: '2026-11-11' });
assert.equal(twoDays.counters.salesAmount, '8400.00');
assert.equal(twoDays.counters.inquiries, 80);

// #region score
import { scoreAgents, type Scorecard } from 'kefu/kpi';

const month = { start: '2026-11-01', end: '2026-11-30' };
type Counters = KpiRecord['counters'];
const agent = (agentId: string, counters: Counters): KpiRecord => ({ agentId, shopId: 'flagship', period: month, counters });
const november: KpiRecord[] = [
  wangNovember,
  agent('li', { inquiries: 380, inquiryPaidBuyers: 133, salesAmount: '51870.00', paidBuyers: 140, refundAmount: '2593.50', firstReplySeconds: 7600, firstReplies: 380, replySeconds: 43200, replies: 2160, positiveReviews: 75, ratings: [3, 4, 13, 50, 100] }),
  agent('zhao', { inquiries: 420, inquiryPaidBuyers: 168, salesAmount: '58800.00', paidBuyers: 170, refundAmount: '3528.00', firstReplySeconds: 10500, firstReplies: 420, replySeconds: 60000, replies: 2400, positiveReviews: 80, ratings: [5, 5, 20, 60, 110] }),
  agent('chen', { inquiries: 300, inquiryPaidBuyers: 123, salesAmount: '51870.00', paidBuyers: 125, refundAmount: '990.00', firstReplySeconds: 5400, firstReplies: 300, replySeconds: 30000, replies: 1500, positiveReviews: 70, ratings: [1, 2, 9, 40, 98] }),
  agent('zhou', { inquiries: 350, inquiryPaidBuyers: 119, salesAmount: '45500.00', paidBuyers: 120, refundAmount: '910.00', firstReplySeconds: 9100, firstReplies: 350, replySeconds: 42000, replies: 2100, positiveReviews: 60, ratings: [2, 3, 15, 45, 85] }),
  // Xu joined on 11-28: 12 inquiries, 7 paid (58%!), 3 ratings.
  agent('xu', { inquiries: 12, inquiryPaidBuyers: 7, salesAmount: '1260.00', paidBuyers: 7, refundAmount: 0, firstReplySeconds: 420, firstReplies: 12, replySeconds: 1800, replies: 60, positiveReviews: 3, ratings: [0, 0, 0, 1, 2] }),
];

// The shop's scorecard: step tables and a sales target, as Chinese CS teams write them (KPI-2).
const card: Scorecard = {
  items: [
    // 询单转化率: >= 35% → 60, >= 40% → 80, >= 45% → 100 points, below 35% → 0
    { metric: 'inquiryConversion', weight: 30, normalize: { kind: 'steps', steps: [{ at: 0.35, score: 60 }, { at: 0.4, score: 80 }, { at: 0.45, score: 100 }] } },
    // Sales against a 50,000 target, counted up to 120%: 60,000 earns full marks
    { metric: 'salesAmount', weight: 30, normalize: { kind: 'target', target: 50000, cap: 1.2 } },
    // 首次响应: <= 30 s → 60, <= 20 s → 80, <= 15 s → 100 (lower is better, so "at most")
    { metric: 'firstResponseSeconds', weight: 20, normalize: { kind: 'steps', steps: [{ at: 30, score: 60 }, { at: 20, score: 80 }, { at: 15, score: 100 }] } },
    // 满意率: 80% → 0 points, 95% → 100, linear between
    { metric: 'satisfaction', weight: 20, normalize: { kind: 'band', zeroAt: 0.8, fullAt: 0.95 } },
  ],
  tieBreakers: ['inquiryConversion'], // equal totals: better conversion first; still equal → same rank
};
const scores = scoreAgents(november, card);
const table = scores.map((s) => `${s.rank ?? '-'} ${s.agentId} ${s.total}`);
// ['1 wang 88', '2 chen 81.94', '3 zhao 72.07', '4 li 70.92', '5 zhou 43.64', '6 xu 1.26']
//
// Chen: 0.3 × 80 + 0.3 × 86.45 + 0.2 × 80 + 0.2 × 80 = 81.935 → 81.94 (sales 51,870 ÷ 60,000 = 86.45)
// Xu is unscored on conversion and satisfaction: 12 inquiries and 3 ratings are below the
// minimum samples (20 and 5), so his 58% is not worth 100 points. His total re-weights the two
// scored items: (0.3 × 2.1 + 0.2 × 0) ÷ 0.5 = 1.26, and scoredWeight === 0.5.
const xu = scores.find((s) => s.agentId === 'xu');
// xu.metrics.inquiryConversion → { value: 0.5833333333333334, score: null, reason: 'belowMinSample' }
// #endregion score
assert.deepEqual(table, ['1 wang 88', '2 chen 81.94', '3 zhao 72.07', '4 li 70.92', '5 zhou 43.64', '6 xu 1.26']);
assert.deepEqual(scores[1]?.metrics, {
  inquiryConversion: { value: 0.41, score: 80 },
  salesAmount: { value: '51870.00', score: 86.45 },
  firstResponseSeconds: { value: 18, score: 80 },
  satisfaction: { value: 0.92, score: 80 },
});
assert.deepEqual(xu?.metrics['inquiryConversion'], { value: 7 / 12, score: null, reason: 'belowMinSample' });
assert.deepEqual(xu?.metrics['satisfaction'], { value: 1, score: null, reason: 'belowMinSample' });
assert.equal(xu?.scoredWeight, 0.5);
assert.equal(xu?.metrics['salesAmount']?.score, 2.1);
assert.ok(scores.every((s) => s.tieSize === 1));

// #region leaderboard
import { leaderboard, prizeAwards } from 'kefu/kpi';

// 11-11, 12:00: the top 3 by sales so far (KPI-6). Chen and Li are level on 51,870.00, so both
// are announced in third place: the board has four names and no fourth place.
const board = leaderboard(november, 'salesAmount', { top: 3 });
const announced = board.map((e) => `${e.rank}. ${e.agentId} ${e.value}`);
// ['1. wang 60800.00', '2. zhao 58800.00', '3. chen 51870.00', '3. li 51870.00']
// #endregion leaderboard
assert.deepEqual(announced, ['1. wang 60800.00', '2. zhao 58800.00', '3. chen 51870.00', '3. li 51870.00']);
assert.deepEqual(
  board.map((e) => e.tieSize),
  [1, 1, 2, 2],
);

// #region prizes
// Prizes 800, 500 and 300 for the top 3. The tie covers places 3 and 4, so under `split` the two
// share places 3 and 4 (300 + 0); under `full` each gets the third prize.
const prizes = ['800.00', '500.00', '300.00'];
const split = prizeAwards({ ranking: board, prizes, tiePolicy: 'split' }).map((a) => `${a.agentId} ${a.amount}`);
// ['wang 800.00', 'zhao 500.00', 'chen 150.00', 'li 150.00']: 1,600.00 paid, as budgeted
const full = prizeAwards({ ranking: board, prizes, tiePolicy: 'full' }).map((a) => `${a.agentId} ${a.amount}`);
// ['wang 800.00', 'zhao 500.00', 'chen 300.00', 'li 300.00']: 1,900.00, more generous
// A three-way tie for 100.00 splits exactly: the odd fen goes to the first id in code order.
const three = prizeAwards({ ranking: [{ agentId: 'b', rank: 1 }, { agentId: 'c', rank: 1 }, { agentId: 'a', rank: 1 }], prizes: ['100.00'] });
// three.map((a) => a.amount) → ['33.34', '33.33', '33.33'] for a, b, c
// #endregion prizes
assert.deepEqual(split, ['wang 800.00', 'zhao 500.00', 'chen 150.00', 'li 150.00']);
assert.deepEqual(full, ['wang 800.00', 'zhao 500.00', 'chen 300.00', 'li 300.00']);
assert.deepEqual(
  three.map((a) => `${a.agentId} ${a.amount}`),
  ['a 33.34', 'b 33.33', 'c 33.33'],
);

// #region allocate
import { allocate } from 'kefu/kpi';

const shares = allocate('100.00', { wang: 1, li: 1, zhao: 1 });
// { wang: '33.33', li: '33.33', zhao: '33.34' }: equal remainders, the extra fen to the smaller id ('li' < 'wang' < 'zhao')
const byHours = allocate(1000, { wang: 8, li: 8, xu: 4 }, { unit: '1' });
// { wang: '400', li: '400', xu: '200' }
// #endregion allocate
assert.deepEqual(shares, { wang: '33.33', li: '33.34', zhao: '33.33' });
assert.deepEqual(byHours, { wang: '400', li: '400', xu: '200' });

// #region cascade
import { cascadeTargets } from 'kefu/kpi';

// The seeds' example (KPI-4): 3,000,000 a month for a department serving 10 shops, 30 days,
// 10 agents on duty in each shop every day.
const shopIds = Array.from({ length: 10 }, (_, i) => `shop${String(i + 1).padStart(2, '0')}`);
const plan = cascadeTargets({
  total: 3_000_000,
  period: { start: '2026-11-01', end: '2026-11-30' },
  shops: shopIds.map((shopId) => ({ shopId })),
  agents: shopIds.flatMap((shopId) => Array.from({ length: 10 }, (_, a) => ({ agentId: `${shopId}-agent${a + 1}`, shopId }))),
});
// plan.shops[0].target === '300000.00'; every shop-day '10000.00'; every agent-day '1000.00'
// plan.agents[0] → { agentId: 'shop01-agent1', target: '30000.00', days: 30 }

// One shop, with the season in the weights: 11-11 weighs 5 days, 11-10 two. Xu, a student,
// works 4 hours on the two event days only. Whole yuan, and a challenge target at 130% (KPI-5).
const flagship = cascadeTargets({
  total: 300_000,
  period: { start: '2026-11-01', end: '2026-11-30' },
  shops: [{ shopId: 'flagship' }],
  dayWeights: { '2026-11-10': 2, '2026-11-11': 5 },
  agents: [
    { agentId: 'wang', hours: 8 },
    { agentId: 'li', hours: 8 },
    { agentId: 'xu', hours: { '2026-11-10': 4, '2026-11-11': 4 } },
  ],
  unit: '1',
  challengeFactor: 1.3,
});
const days = flagship.shops[0]?.days ?? [];
const eventDay = days.find((d) => d.date === '2026-11-11');
// 300,000 over 35 day-weights: eventDay.target === '42857', eventDay.challenge === '55714'
// eventDay.agents → wang '17143', li '17143', xu '8571' (8 : 8 : 4 hours), and they sum to 42,857
// An ordinary day: 8,571 or 8,572 (the leftover yuan go to the largest remainders, then the
// earlier date); the 30 days sum to exactly 300,000, and the challenge days to 390,000.
// #endregion cascade
const seedShop = plan.shops[0];
assert.equal(seedShop?.target, '300000.00');
assert.ok(plan.shops.every((s) => s.target === '300000.00' && s.days.length === 30));
assert.ok(plan.shops.every((s) => s.days.every((d) => d.target === '10000.00' && d.agents.length === 10 && d.agents.every((a) => a.target === '1000.00'))));
assert.deepEqual(plan.agents[0], { agentId: 'shop01-agent1', target: '30000.00', days: 30 });
assert.equal(plan.agents.length, 100);
assert.equal(eventDay?.target, '42857');
assert.equal(eventDay?.challenge, '55714');
assert.deepEqual(
  eventDay?.agents.map((a) => `${a.agentId} ${a.target}`),
  ['wang 17143', 'li 17143', 'xu 8571'],
);
assert.equal(flagship.challengeTotal, '390000');
assert.equal(
  days.reduce((s, d) => s + Number(d.target), 0),
  300_000,
);
assert.equal(
  days.reduce((s, d) => s + Number(d.challenge), 0),
  390_000,
);
assert.deepEqual(new Set(days.filter((d) => d.date < '2026-11-10' || d.date > '2026-11-11').map((d) => d.target)), new Set(['8571', '8572']));
assert.equal(days.find((d) => d.date === '2026-11-01')?.target, '8572');
assert.ok(days.every((d) => d.agents.reduce((s, a) => s + Number(a.target), 0) === Number(d.target)));

// #region payout
import { payout, type PayoutSchedule } from 'kefu/kpi';

// Wang's November target is 30,000 (base) and 39,000 (challenge, 130%). The bonus rises
// linearly from nothing at 80% to 500 at the base target and 1,500 at the challenge, and stops
// at 2,400 (160%). No cliffs, no penalties (KPI-2, KPI-5).
const bonus: PayoutSchedule = {
  kind: 'curve',
  points: [
    { attainment: 0.8, amount: 0 },
    { attainment: 1, amount: 500, label: 'base' },
    { attainment: 1.3, amount: 1500, label: 'challenge' },
    { attainment: 1.6, amount: 2400 },
  ],
};
const wangBonus = payout('33750.00', '30000.00', bonus);
// wangBonus.amount === '916.67'   112.5%: 500 + (0.125 ÷ 0.3) × 1,000
// wangBonus.tier === 'base'; wangBonus.explanation ===
//   'attainment 112.50% (33750.00 of 30000.00): between base and challenge, linear; pays 916.67'
payout(60_000, 30_000, bonus).amount; // '2400.00', capped: true
payout(20_000, 30_000, bonus).amount; // '0.00': below 80%, nothing (and never less than nothing)

// The same tiers as steps, when the policy insists: one yuan short of the base pays nothing.
const steps: PayoutSchedule = { kind: 'steps', steps: [{ attainment: 1, amount: 500, label: 'base' }, { attainment: 1.3, amount: 1500, label: 'challenge' }] };
payout('29999.00', 30_000, steps).amount; // '0.00'
payout('39000.00', 30_000, steps).amount; // '1500.00' (tier 'challenge')

// Or a commission in marginal bands: 1% up to the target, 2% on the part between 100% and
// 130%, 3% above, capped at 2,000.
const commission: PayoutSchedule = { kind: 'bands', bands: [{ from: 0, rate: 0.01 }, { from: 1, rate: 0.02 }, { from: 1.3, rate: 0.03, label: 'challenge' }], cap: 2000 };
payout(42_000, 30_000, commission).amount; // '570.00' = 1% of 30,000 + 2% of 9,000 + 3% of 3,000
// #endregion payout
assert.equal(wangBonus.amount, '916.67');
assert.equal(wangBonus.tier, 'base');
assert.equal(wangBonus.capped, false);
assert.equal(wangBonus.attainment, 1.125);
assert.equal(wangBonus.explanation, 'attainment 112.50% (33750.00 of 30000.00): between base and challenge, linear; pays 916.67');
assert.deepEqual([payout(60_000, 30_000, bonus).amount, payout(60_000, 30_000, bonus).capped], ['2400.00', true]);
assert.equal(payout(20_000, 30_000, bonus).amount, '0.00');
assert.equal(payout('29999.00', 30_000, steps).amount, '0.00');
assert.deepEqual([payout('39000.00', 30_000, steps).amount, payout('39000.00', 30_000, steps).tier], ['1500.00', 'challenge']);
assert.equal(payout(42_000, 30_000, commission).amount, '570.00');
assert.equal(payout(42_000, 30_000, commission).tier, 'challenge');
assert.equal(payout(500_000, 30_000, commission).amount, '2000.00');

// #region watchlist
import { conversionWatchlist } from 'kefu/kpi';

// 11-11, 10:00 to 12:00: each agent's counters over the last two hours (KPI-6).
const window = { start: '2026-11-11T10:00:00+08:00', end: '2026-11-11T12:00:00+08:00' };
const lastTwoHours = (
  [
    ['wang', 60, 21],
    ['li', 80, 5],
    ['zhao', 15, 1],
    ['chen', 50, 14],
    ['zhou', 40, 5],
  ] as const
).map(
  ([agentId, inquiries, paid]): KpiRecord => ({
    agentId,
    shopId: 'flagship',
    period: window,
    counters: { inquiries, inquiryPaidBuyers: paid, salesAmount: 0, paidBuyers: 0, refundAmount: 0, firstReplySeconds: 0, firstReplies: 0, replySeconds: 0, replies: 0, positiveReviews: 0 },
  }),
);
const watch = conversionWatchlist(lastTwoHours); // threshold: 80% of the team's 46 ÷ 245 (18.8%) = 15.0%
const flagged = watch.filter((e) => e.status === 'attention').map((e) => e.agentId);
// ['li']: 5 of 80 (6.3%); even the 95% upper bound, 13.8%, is below 15.0%.
// Zhou's 5 of 40 (12.5%) is low too, but 40 inquiries cannot rule out bad luck (upper bound
// 26.1%): 'ok'. Zhao has 15 inquiries: 'tooFewInquiries'. A flag asks for attention (listen
// to Li's chats, check the questions), never for a penalty.
// #endregion watchlist
assert.deepEqual(flagged, ['li']);
assert.deepEqual(
  watch.map((e) => `${e.agentId} ${e.status}`),
  ['li attention', 'chen ok', 'wang ok', 'zhou ok', 'zhao tooFewInquiries'],
);
const liWatch = watch[0];
assert.equal(liWatch?.upperBound?.toFixed(3), '0.138');
assert.equal(liWatch?.threshold.toFixed(3), '0.150');
assert.equal(watch.find((e) => e.agentId === 'zhou')?.upperBound?.toFixed(3), '0.261');
assert.equal(
  liWatch?.message,
  "li: 5 of 80 inquiries converted (6.3%); even the 95% upper bound 13.8% is below 80.0% of the team's 18.8%: worth a look (coaching, the questions asked, the queue), not a penalty",
);
assert.deepEqual(
  conversionWatchlist(lastTwoHours, { method: 'point' })
    .filter((e) => e.status === 'attention')
    .map((e) => e.agentId),
  ['li', 'zhou'],
);

// #region trend
import { relativeTrend } from 'kefu/kpi';

// The shop's 3-minute response rate (a shop score, KPI-3) fell from 90% to 88% in the month of a
// courier strike; the industry's fell from 91% to 85%. Raw levels say "worse"; the trend says
// the team held up better than the industry by 4 points.
const threeMinute = relativeTrend([0.9, 0.88], [0.91, 0.85], { mode: 'pointChange' });
// threeMinute.points[1] → value ≈ 0.04 (+4 points), verdict 'outperform'

// Monthly service scores (DSR-style) against the industry, by log growth: the shop rises with
// the industry, so its level differs but its trend is inline.
const service = relativeTrend([4.6, 4.65, 4.7], [4.75, 4.8, 4.86]);
// service.overall → { from: 0, to: 2, value ≈ -0.0014, verdict: 'inline' }: ln(4.70 ÷ 4.60) − ln(4.86 ÷ 4.75), within ±0.02
// #endregion trend
assert.equal(threeMinute.points[0]?.value, null);
assert.equal(threeMinute.points[1]?.verdict, 'outperform');
assert.ok(Math.abs((threeMinute.points[1]?.value ?? 0) - 0.04) < 1e-12);
assert.equal(service.overall.verdict, 'inline');
assert.equal(service.overall.value?.toFixed(4), '-0.0014');
assert.deepEqual([service.overall.from, service.overall.to], [0, 2]);

// #region phases
import { phaseReview } from 'kefu/kpi';

// KPI-7: the event reviewed phase by phase against last year, this year's 618, target and industry.
const review = phaseReview({
  phases: [
    { id: 'warmUp', label: '蓄水期', actual: 420_000, lastYear: 400_000, sameYear618: 380_000, target: 400_000, industry: { current: 1.1e9, lastYear: 1e9 } },
    { id: 'presale', label: '预售', actual: 980_000, lastYear: 900_000, sameYear618: 1_000_000, target: 1_000_000, industry: { current: 2.1e9, lastYear: 2e9 } },
    { id: 'wave1', label: '第一波', actual: 1_600_000, lastYear: 1_450_000, sameYear618: 1_500_000, target: 1_500_000, industry: { current: 3.3e9, lastYear: 3e9 } },
  ],
});
const lines = review.phases.map((p) => `${p.label}: ${p.vsLastYear?.verdict} vs last year, ${p.vsTarget?.met ? 'met' : 'missed'} target, ${p.vsIndustry?.verdict} vs industry`);
// ['蓄水期: better vs last year, met target, underperform vs industry',  +5.0% while the industry grew 10%
//  '预售: better vs last year, missed target, outperform vs industry',     +8.9% against the industry's +5%
//  '第一波: better vs last year, met target, inline vs industry']          +10.3% against +10%: within 2%
// review.total.actual === '3000000.00'; review.total.vsTarget.gap === '100000.00' (target 2,900,000)
// #endregion phases
assert.deepEqual(lines, [
  '蓄水期: better vs last year, met target, underperform vs industry',
  '预售: better vs last year, missed target, outperform vs industry',
  '第一波: better vs last year, met target, inline vs industry',
]);
assert.equal(review.total?.actual, '3000000.00');
assert.equal(review.total?.vsTarget?.gap, '100000.00');
assert.equal(review.total?.vsTarget?.met, true);
assert.equal(review.phases[0]?.vsLastYear?.change?.toFixed(3), '0.050');
assert.equal(review.phases[1]?.vsTarget?.gap, '-20000.00');
assert.equal(review.phases[0]?.vsIndustry?.value?.toFixed(4), '-0.0465');

// #region group
import { groupLeaderboard } from 'kefu/kpi';

// KPI-6, groups compete: team A (wang, li, xu) against team B (zhao, chen, zhou) on conversion.
// A team's rate is its paying buyers over its inquiries, summed first.
const teams = groupLeaderboard(november, { wang: 'A', li: 'A', xu: 'A', zhao: 'B', chen: 'B', zhou: 'B' }, 'inquiryConversion', { top: 2 });
// teams.map((t) => `${t.rank}. ${t.groupId} ${t.value}`) → ['1. B 0.38317757009345793', '2. A 0.3686868686868687']
// B: (168 + 123 + 119) ÷ (420 + 300 + 350) = 410 ÷ 1,070 ≈ 38.3%; A: 292 ÷ 792 ≈ 36.9%
// #endregion group
assert.deepEqual(
  teams.map((t) => `${t.rank}. ${t.groupId} ${t.value}`),
  ['1. B 0.38317757009345793', '2. A 0.3686868686868687'],
);
assert.deepEqual(teams[0]?.agents, ['chen', 'zhao', 'zhou']);

// #region attribute
import { attributeInquiries, type KpiChat, type KpiOrder } from 'kefu/kpi';

// No performance tool? Build the records from chats and orders (reference 1.4).
const t = (time: string): string => `2026-11-${time}+08:00`;
const chats: KpiChat[] = [
  // b1 asks wang; the auto-reply at 20:00:01 is not a reply: the first response takes 20 s.
  { agentId: 'wang', buyerId: 'b1', rating: 5, messages: [{ at: t('10T20:00:00'), from: 'buyer' }, { at: t('10T20:00:01'), from: 'auto' }, { at: t('10T20:00:20'), from: 'agent' }, { at: t('10T20:01:00'), from: 'buyer' }, { at: t('10T20:01:30'), from: 'agent' }] },
  // b2 asks li in the evening, orders during the chat, comes back after midnight to wang and pays.
  { agentId: 'li', buyerId: 'b2', rating: 4, messages: [{ at: t('10T21:00:00'), from: 'buyer' }, { at: t('10T21:00:40'), from: 'agent' }] },
  { agentId: 'wang', buyerId: 'b2', messages: [{ at: t('11T00:30:00'), from: 'buyer' }, { at: t('11T00:30:10'), from: 'agent' }] },
  // Only the auto-reply answered b3: not a reception, listed as unanswered.
  { agentId: 'li', buyerId: 'b3', messages: [{ at: t('10T21:10:00'), from: 'buyer' }, { at: t('10T21:10:01'), from: 'auto' }] },
  // wang pinged b4, who never wrote back: a monologue, ignored.
  { agentId: 'wang', buyerId: 'b4', messages: [{ at: t('10T22:00:00'), from: 'agent' }] },
];
const orders: KpiOrder[] = [
  { orderId: 'o1', buyerId: 'b1', createdAt: t('10T20:05:00'), paidAt: t('10T20:06:00'), amount: '299.00', review: 'positive' },
  { orderId: 'o2', buyerId: 'b2', createdAt: t('10T21:00:30'), paidAt: t('11T00:31:00'), amount: '199.00' },
  { orderId: 'o3', buyerId: 'b5', createdAt: t('11T09:00:00'), paidAt: t('11T09:01:00'), amount: '59.00' }, // nobody chatted: silent
];
const period = { start: '2026-11-10', end: '2026-11-11' };
const byPayment = attributeInquiries(chats, orders, { creditRule: 'payment', windowDays: 2, shopId: 'flagship', period });
// wang: 2 inquiries (b1, b2), both paid through him: sales '498.00', first replies 20 s and 10 s
// li: 1 inquiry (b2), who ordered in li's chat but paid in wang's: inquiryPaidBuyers 0
// byPayment.silentOrders → ['o3']; unanswered → b3 (li); ignoredChats → chat 4
const byOrder = attributeInquiries(chats, orders, { creditRule: 'orderFirst', windowDays: 2, shopId: 'flagship', period });
// Under 下单优先 the order's creation decides: o2 (199.00) goes to li instead.
// #endregion attribute
const wangRec = byPayment.records.find((r) => r.agentId === 'wang');
const liRec = byPayment.records.find((r) => r.agentId === 'li');
assert.deepEqual(
  byPayment.records.map((r) => r.agentId),
  ['li', 'wang'],
);
assert.deepEqual(wangRec?.counters, {
  inquiries: 2,
  inquiryPaidBuyers: 2,
  inquiryOrderedBuyers: 1,
  salesAmount: '498.00',
  paidBuyers: 2,
  refundAmount: '0.00',
  firstReplySeconds: 30,
  firstReplies: 2,
  replySeconds: 60,
  replies: 3,
  positiveReviews: 1,
  ratings: [0, 0, 0, 0, 1],
});
assert.deepEqual(liRec?.counters, {
  inquiries: 1,
  inquiryPaidBuyers: 0,
  inquiryOrderedBuyers: 1,
  salesAmount: '0.00',
  paidBuyers: 0,
  refundAmount: '0.00',
  firstReplySeconds: 40,
  firstReplies: 1,
  replySeconds: 40,
  replies: 1,
  positiveReviews: 0,
  ratings: [0, 0, 0, 1, 0],
});
assert.deepEqual(byPayment.silentOrders, ['o3']);
assert.deepEqual(byPayment.unanswered, [{ index: 3, agentId: 'li', buyerId: 'b3' }]);
assert.deepEqual(byPayment.ignoredChats, [{ index: 4, reason: 'noBuyerMessage' }]);
assert.deepEqual(
  byOrder.records.map((r) => `${r.agentId} ${r.counters.salesAmount} ${r.counters.inquiryPaidBuyers}`),
  ['li 199.00 1', 'wang 299.00 1'],
);
assert.equal(deriveMetrics(wangRec as KpiRecord).firstResponseSeconds, 15);

// #region custom
import { type MetricDefinition } from 'kefu/kpi';

// A custom metric is data: sales per online hour, from two counters (KPI-8: a standard,
// transparent definition). Scorecards, leaderboards and deriveMetrics accept it beside the
// built-in ones.
const salesPerOnlineHour: MetricDefinition = {
  id: 'salesPerOnlineHour',
  labels: { 'zh-CN': '每在线小时销售额', en: 'Sales per online hour' },
  direction: 'higher',
  unit: 'money',
  formula: { kind: 'ratio', numerator: ['salesAmount'], denominator: ['onlineSeconds'], multiplier: 3600 },
  sample: ['onlineSeconds'],
  minSample: 36_000, // at least 10 hours online
};
const withHours = { ...wangNovember, counters: { ...wangNovember.counters, onlineSeconds: 160 * 3600 } };
deriveMetrics(withHours, { metrics: [salesPerOnlineHour] })['salesPerOnlineHour']; // '380.00'
// #endregion custom
assert.equal(deriveMetrics(withHours, { metrics: [salesPerOnlineHour] })['salesPerOnlineHour'], '380.00');
assert.equal(deriveMetrics(wangNovember, { metrics: [salesPerOnlineHour] })['salesPerOnlineHour'], null);

// #region errors
import { KefuError } from 'kefu/kpi';

// More paying inquirers than inquiries, and a record counted under another credit rule.
const broken: KpiRecord[] = [
  { ...wangNovember, counters: { ...wangNovember.counters, inquiryPaidBuyers: 401 } },
  { ...november[1]!, creditRule: 'order' },
];
try {
  scoreAgents(broken, card);
} catch (error) {
  if (error instanceof KefuError) {
    // error.issues → [
    //   { path: 'records.0.counters.inquiryPaidBuyers', message: 'expected at most inquiries (400) buyers, received 401' },
    //   { path: 'records.1.creditRule', message: 'expected the cohort\'s credit rule "payment" (from records.0): …' },
    // ]
  }
}
// A shop score in an agent scorecard is refused (KPI-3): path 'scorecard.items.0.metric'.
// #endregion errors
assert.throws(
  () => scoreAgents(broken, card),
  (error: unknown) =>
    error instanceof KefuError &&
    error.code === 'INVALID_INPUT' &&
    error.issues.length === 2 &&
    error.issues[0]?.path === 'records.0.counters.inquiryPaidBuyers' &&
    error.issues[0]?.message === 'expected at most inquiries (400) buyers, received 401' &&
    error.issues[1]?.path === 'records.1.creditRule',
);
assert.throws(
  () => scoreAgents(november, { items: [{ metric: 'threeMinuteResponseRate', weight: 1, normalize: { kind: 'minmax' } }] }),
  (error: unknown) => error instanceof KefuError && error.issues[0]?.path === 'scorecard.items.0.metric' && /KPI-3/.test(error.issues[0]?.message ?? ''),
);

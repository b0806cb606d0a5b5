// Refund reasons after Double 11, end to end. Every region is shown in docs/refunds.md (and in the
// TSDoc of the function it is named after); every number the comments state is asserted below it.
import assert from 'node:assert/strict';
// #region classify
import { classifyRefundReason, REFUND_REASONS } from 'kefu/refunds';

// RF-2: a buyer names two reasons; the one with the better priority wins (质量 beats 不想要).
const mixed = classifyRefundReason('质量太差了，起球严重，不想要了😤');
// mixed.code === 'QUALITY_DEFECT', mixed.bucket === 'EXCHANGEABLE', mixed.confidence === 0.95
// mixed.alternatives → [{ code: 'CHANGED_MIND', score: 1, source: 'text' }]

// Negation and its look-alikes: 不是 cancels 质量问题; 不小心 negates nothing.
const negated = classifyRefundReason('不是质量问题，是我不小心拍错了尺码');
// negated.code === 'ORDERED_BY_MISTAKE'; the hit for 质量问题 says why it did not count:
// { pattern: '质量问题', counted: false, note: 'negated by 不是', … }

// Traditional Chinese, full-width letters and emoji are normalised before matching.
const taiwan = classifyRefundReason('寄錯顏色了！！ＳＩＺＥ也不對 🙄');
// taiwan.normalizedText === '寄错颜色了!!size也不对', taiwan.code === 'WRONG_ITEM'
// REFUND_REASONS.WRONG_ITEM.label['zh-TW'] === '寄錯商品'
// #endregion classify
assert.equal(mixed.code, 'QUALITY_DEFECT');
assert.equal(mixed.bucket, 'EXCHANGEABLE');
assert.equal(mixed.confidence, 0.95);
assert.deepEqual(mixed.alternatives, [{ code: 'CHANGED_MIND', score: 1, source: 'text' }]);
assert.equal(negated.code, 'ORDERED_BY_MISTAKE');
assert.deepEqual(
  negated.hits.filter((h) => h.pattern === '质量问题').map((h) => [h.counted, h.note]),
  [[false, 'negated by 不是']],
);
assert.equal(taiwan.normalizedText, '寄错颜色了!!size也不对');
assert.equal(taiwan.code, 'WRONG_ITEM');
assert.equal(REFUND_REASONS.WRONG_ITEM.label['zh-TW'], '寄錯商品');
for (const h of mixed.hits) assert.equal(mixed.normalizedText.slice(h.start, h.end), h.pattern);

// #region forms
// Hong Kong Cantonese: 咗 folds to 了, and the cue 过期 also matches as 过了期 (an aspect form
// generated from it). The hit names the written cue it comes from.
const hk = classifyRefundReason('啲牛奶過咗期');
// hk.normalizedText === '点牛奶过了期', hk.code === 'EXPIRED_OR_SPOILED'
// the counted hit → { pattern: '过了期', variantOf: '过期', … }

// English: inflections, spellings and typographic apostrophes (tore from torn, doesn’t).
const tore = classifyRefundReason('The strap tore after a week');
const fit = classifyRefundReason('It doesn’t fit');
// tore.code === 'QUALITY_DEFECT', fit.code === 'SIZE_FIT'

// A seller's or agent's note: 使用痕迹 (signs of use) describes what came back: suspected abuse.
// In a buyer's text the same words describe what arrived: not as described (sold as new).
const note = classifyRefundReason({ text: '退回的衣服有明显使用痕迹', author: 'agent' });
const buyer = classifyRefundReason({ text: '收到的衣服有使用痕迹', author: 'buyer' });
// note.code === 'SUSPECTED_ABUSE'; buyer.code === 'NOT_AS_DESCRIBED', buyer.riskFlags → ['used_item']

// A wrong address explains why the parcel did not arrive: the cause is the code.
const address = classifyRefundReason('地址写错了，收不到');
// address.code === 'ADDRESS_ERROR'
// #endregion forms
assert.equal(hk.normalizedText, '点牛奶过了期');
assert.equal(hk.code, 'EXPIRED_OR_SPOILED');
assert.deepEqual(
  hk.hits.filter((h) => h.counted).map((h) => [h.pattern, h.variantOf]),
  [['过了期', '过期']],
);
assert.equal(tore.code, 'QUALITY_DEFECT');
assert.equal(fit.code, 'SIZE_FIT');
assert.equal(note.code, 'SUSPECTED_ABUSE');
assert.equal(buyer.code, 'NOT_AS_DESCRIBED');
assert.deepEqual(buyer.riskFlags, ['used_item']);
assert.equal(address.code, 'ADDRESS_ERROR');

// #region context
// 没收到 means different things before and after shipping: the order state decides.
const notShipped = classifyRefundReason({ text: '一直没收到', orderState: 'unshipped' });
const inTransit = classifyRefundReason({ text: '一直没收到', orderState: 'shipped' });
// notShipped.code === 'LATE_SHIPMENT', inTransit.code === 'DELIVERY_DELAY'

// The option a buyer picks is often procedural; the text wins when it is clear (confidence >= 0.6).
const procedural = classifyRefundReason({ text: '杯子收到就碎了', platform: 'taobao', platformReason: '七天无理由退换货' });
// procedural.code === 'DAMAGED_IN_TRANSIT', source 'text'; the option is kept as an alternative:
// procedural.alternatives → [{ code: 'SEVEN_DAY_NO_REASON', score: 0.5, source: 'platform_reason' }]

// With no usable text, the platform's code decides.
const amazon = classifyRefundReason({ text: '', platform: 'amazon', platformReason: 'CR-SWITCHEROO' });
// amazon.code === 'WRONG_ITEM', amazon.source === 'platform_reason', amazon.confidence === 0.5

// A threat is flagged, whatever the reason.
const threat = classifyRefundReason('东西摔碎了，不处理我就投诉到12315');
// threat.code === 'DAMAGED_IN_TRANSIT', threat.riskFlags → ['threat']
// #endregion context
assert.equal(notShipped.code, 'LATE_SHIPMENT');
assert.equal(inTransit.code, 'DELIVERY_DELAY');
assert.equal(procedural.code, 'DAMAGED_IN_TRANSIT');
assert.equal(procedural.source, 'text');
assert.deepEqual(procedural.alternatives, [{ code: 'SEVEN_DAY_NO_REASON', score: 0.5, source: 'platform_reason' }]);
assert.equal(amazon.code, 'WRONG_ITEM');
assert.equal(amazon.source, 'platform_reason');
assert.equal(amazon.confidence, 0.5);
assert.equal(threat.code, 'DAMAGED_IN_TRANSIT');
assert.deepEqual(threat.riskFlags, ['threat']);

// #region analyze
import { analyzeRefunds, type OrderStats, type RefundRecord } from 'kefu/refunds';

// The week after Double 11 in a small home-goods shop: what buyers wrote, by category.
const written: Array<[category: string, amount: string, text: string, buyerId?: string]> = [
  ['mugs', '39.90', '杯子收到就碎了，快递外箱也破了'],
  ['mugs', '39.90', '碎了两个，包装太薄'],
  ['mugs', '79.80', '发错颜色了，我要的是白色', 'b01'],
  ['mugs', '39.90', '少发了一个杯盖'],
  ['mugs', '39.90', '不想要了', 'b01'],
  ['mugs', '39.90', '七天无理由'],
  ['towels', '59.00', '掉色严重，洗一次就染了别的衣服'],
  ['towels', '59.00', '起球了，质量一般'],
  ['towels', '59.00', '颜色和图片差太多，色差严重'],
  ['towels', '59.00', '颜色不喜欢'],
  ['towels', '118.00', '不小心拍了两单', 'b02'],
  ['towels', '59.00', '地址填错了'],
  ['towels', '59.00', '刚买就降价了，补差价', 'b02'],
  ['slippers', '45.00', '尺码偏小，换大一码'],
  ['slippers', '45.00', '太大了，走路掉'],
  ['slippers', '45.00', '有点挤脚'],
  ['slippers', '45.00', '物流一直不动，一周了'],
  ['slippers', '45.00', '付款五天还没发货'],
  ['slippers', '45.00', '穿了两次就开胶了'],
  ['slippers', '45.00', '别家同款便宜十块', 'b02'],
];
const refunds: RefundRecord[] = written.map(([category, amount, text, buyerId], i) => ({ id: `r${i + 1}`, category, amount, text, ...(buyerId ? { buyerId } : {}) }));
const orders: OrderStats[] = [
  { category: 'mugs', paidOrders: 400, paidAmount: '17960.00' },
  { category: 'towels', paidOrders: 250, paidAmount: '14750.00' },
  { category: 'slippers', paidOrders: 300, paidAmount: '13500.00' },
];
const review = analyzeRefunds(refunds, orders);
// review.summary[1] === 'RF-1: 45.0% were avoidable (539.50), 35.0% an exchange or reship would
//   have settled (RF-3, 357.00), 20.0% only a refund settles, 0.0% name no cause.'
// review.pareto starts with QUALITY_DEFECT and SIZE_FIT (3 refunds each, 30% together);
//   review.vitalFew holds the 11 codes that reach 80% of refunds
// review.byCategory: mugs 6 refunds of 400 orders (rate 0.015), slippers 7 of 300, towels 7 of 250 (0.028)
// review.byTeam.pre_sale.count === 8: fit advice, order checks, addresses and pricing are pre-sale's to prevent
// review.repeatRefunders → [{ buyerId: 'b02', count: 3, amount: '222.00', … }, { buyerId: 'b01', count: 2, … }]
// #endregion analyze
assert.equal(review.count, 20);
assert.equal(review.classified, 20);
assert.equal(review.amount, '1066.30');
assert.equal(
  review.summary[1],
  'RF-1: 45.0% were avoidable (539.50), 35.0% an exchange or reship would have settled (RF-3, 357.00), 20.0% only a refund settles, 0.0% name no cause.',
);
assert.deepEqual(
  review.pareto.slice(0, 2).map((p) => [p.code, p.count, p.cumulativeShare]),
  [
    ['QUALITY_DEFECT', 3, 0.15],
    ['SIZE_FIT', 3, 0.3],
  ],
);
assert.equal(review.vitalFew.length, 11);
assert.ok((review.pareto[10]?.cumulativeShare ?? 0) >= 0.8 && (review.pareto[9]?.cumulativeShare ?? 1) < 0.8);
assert.deepEqual(
  review.byCategory.map((c) => [c.category, c.count, c.paidOrders, c.rateByCount]),
  [
    ['mugs', 6, 400, 0.015],
    ['slippers', 7, 300, 7 / 300],
    ['towels', 7, 250, 0.028],
  ],
);
assert.equal(review.byTeam.pre_sale.count, 8);
assert.deepEqual(
  review.repeatRefunders.map((r) => [r.buyerId, r.count, r.amount]),
  [
    ['b02', 3, '222.00'],
    ['b01', 2, '119.70'],
  ],
);
assert.equal(review.pareto[review.pareto.length - 1]?.cumulativeShare, 1);

// #region authority
import { compensationAuthority } from 'kefu/refunds';

// RF-4: agent 20, supervisor 50, manager 100 by default.
compensationAuthority(15, 'agent').allowed; // true
compensationAuthority(35, 'agent').escalateTo; // 'supervisor'
compensationAuthority(120, 'manager').reason; // 'BEYOND_LADDER': the owner or the platform decides
// A shop that lets every agent waive the whole order:
const waiver = compensationAuthority(89, 'agent', { waiveWholeOrder: true }, { orderAmount: '89.00' });
// waiver.allowed === true, waiver.reason === 'WHOLE_ORDER_WAIVER'
// #endregion authority
assert.equal(compensationAuthority(15, 'agent').allowed, true);
assert.equal(compensationAuthority(35, 'agent').escalateTo, 'supervisor');
assert.equal(compensationAuthority(120, 'manager').reason, 'BEYOND_LADDER');
assert.equal(waiver.allowed, true);
assert.equal(waiver.reason, 'WHOLE_ORDER_WAIVER');

// #region remedy
import { adviseRemedy } from 'kefu/refunds';

// RF-3: a mug broken in transit is reshipped; nothing comes back.
const broken = adviseRemedy('DAMAGED_IN_TRANSIT');
// broken.remedy === 'reship', broken.takeBack === false, broken.evidence → ['photo', 'unboxing_video']

// RF-3: a 15-yuan defective towel costs 12 + 5 to take back: write it off.
const cheap = adviseRemedy('QUALITY_DEFECT', { itemValue: 15, returnShippingCost: 12, handlingCost: 5 });
// cheap.remedy === 'write_off', cheap.takeBack === false

// RF-5: a trusted buyer's return is on its way: refund now.
const early = adviseRemedy('CHANGED_MIND', { trustedBuyer: true, returnTracking: 'in_transit' });
// early.earlyRefund.advised === true, early.rules → ['RF-5']
// #endregion remedy
assert.equal(broken.remedy, 'reship');
assert.equal(broken.takeBack, false);
assert.deepEqual(broken.evidence, ['photo', 'unboxing_video']);
assert.equal(cheap.remedy, 'write_off');
assert.equal(cheap.takeBack, false);
assert.equal(early.earlyRefund.advised, true);
assert.deepEqual(early.rules, ['RF-5']);

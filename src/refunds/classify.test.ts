import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { classifyRefundReason, refundBucket } from './classify.ts';
import { LEXICON_VERSION } from './lexicon.ts';
import { PLATFORM_REASON_MAPS, PLATFORMS } from './platform.ts';
import { REASON_CODES } from './taxonomy.ts';

const code = (text: string): string => classifyRefundReason(text).code;

describe('classifyRefundReason', () => {
  it('RF-2: names the cases of the rule (lost, damaged, wrong or missing, late, price, allergy, abuse, seven days)', () => {
    expect(code('快递丢件了')).toBe('LOST_PARCEL');
    expect(code('杯子碎了')).toBe('DAMAGED_IN_TRANSIT');
    expect(code('发错货了')).toBe('WRONG_ITEM');
    expect(code('少发了一件')).toBe('MISSING_ITEM');
    expect(code('五天了还没发货')).toBe('LATE_SHIPMENT');
    expect(code('刚买就降价了，补差价')).toBe('PRICE_PROTECTION');
    expect(code('用了过敏，脸上起疹子')).toBe('ADVERSE_REACTION');
    expect(classifyRefundReason({ text: '退回来的是旧货，明显穿过', author: 'agent' }).code).toBe('SUSPECTED_ABUSE');
    expect(code('七天无理由退货')).toBe('SEVEN_DAY_NO_REASON');
  });

  it('RF-2: the priority rule picks the responsibility-bearing reason, whatever the order of clauses', () => {
    expect(code('不想要了，质量太差')).toBe('QUALITY_DEFECT');
    expect(code('质量太差，不想要了')).toBe('QUALITY_DEFECT');
    expect(code('七天无理由，尺码小了')).toBe('SIZE_FIT');
    expect(code('尺码偏大，而且发错颜色了')).toBe('WRONG_ITEM');
  });

  it('Hong Kong Cantonese: function characters are folded before matching (壞咗, 唔係正貨, 冇收到)', () => {
    expect(code('部機壞咗')).toBe('QUALITY_DEFECT');
    expect(code('呢對鞋唔係正貨')).toBe('COUNTERFEIT');
    expect(classifyRefundReason({ text: '件貨我冇收到過', orderState: 'received' }).code).toBe('LOST_PARCEL');
    // 唔該 (please) folds to 不该, a negator look-alike: it negates nothing.
    expect(code('唔該，寄錯貨')).toBe('WRONG_ITEM');
  });

  it('a dislike in the next clause names the colour or style it is aimed at, unless a connective separates them', () => {
    expect(code('颜色有点暗，不太喜欢')).toBe('COLOR_STYLE');
    expect(code('颜色有点暗，但是不太喜欢')).toBe('CHANGED_MIND');
  });

  it('is total: OTHER with confidence 0 when nothing matches', () => {
    for (const text of ['', '退款', '麻烦尽快处理，谢谢', '\ud800', '🙏🙏']) {
      const c = classifyRefundReason(text);
      expect(c.code, text).toBe('OTHER');
      expect(c.source).toBe('fallback');
      expect(c.confidence).toBe(0);
      expect(c.bucket).toBe('UNDETERMINED');
      expect(c.lexiconVersion).toBe(LEXICON_VERSION);
    }
  });

  it('negation cancels the nearest cue; its look-alikes negate nothing', () => {
    expect(code('不是质量问题')).toBe('OTHER');
    expect(code('没有发错货')).toBe('OTHER');
    expect(code('并没有破损')).toBe('OTHER');
    expect(code('not damaged at all')).toBe('OTHER');
    expect(code('不小心拍错了')).toBe('ORDERED_BY_MISTAKE');
    expect(code('戴了没几天就断了')).toBe('QUALITY_DEFECT');
    expect(code('是不是发错货了')).toBe('WRONG_ITEM');
    expect(code('不是质量问题，是尺码小了')).toBe('SIZE_FIT');
    expect(code('没有质量问题，但是不想要了')).toBe('CHANGED_MIND');
  });

  it('a polarity cue names its reason only when negated (不合身, 还没有给我发货)', () => {
    expect(code('不太合身')).toBe('SIZE_FIT');
    expect(code('很合身')).toBe('OTHER');
    expect(code('还没有给我发货')).toBe('LATE_SHIPMENT');
    expect(code('发货了吗')).toBe('OTHER');
    expect(code("haven't received my order")).toBe('DELIVERY_DELAY');
  });

  it('negative evidence silences its code in its clause only', () => {
    expect(code('包装完好，但是杯子碎了')).toBe('DAMAGED_IN_TRANSIT');
    expect(code('质量没问题，就是颜色不喜欢')).toBe('COLOR_STYLE');
    const c = classifyRefundReason('快递很快，质量很好，尺码偏小');
    expect(c.code).toBe('SIZE_FIT');
  });

  it('reports every hit with a valid span, the negator that cancelled a cue, and a readable explanation', () => {
    const c = classifyRefundReason('不是质量问题，是我拍错了');
    for (const h of c.hits) expect(c.normalizedText.slice(h.start, h.end)).toBe(h.pattern);
    const quality = c.hits.find((h) => h.code === 'QUALITY_DEFECT');
    expect(quality).toMatchObject({ kind: 'cue', counted: false, note: 'negated by 不是', ruleId: 'cue:QUALITY_DEFECT:质量问题' });
    expect(c.hits.find((h) => h.kind === 'negator')).toMatchObject({ pattern: '不是', counted: true, note: 'negates 质量问题' });
    expect(c.explanation).toBe('ORDERED_BY_MISTAKE (Ordered by mistake): cue "拍错"; not counted: "质量问题" (negated by 不是).');
  });

  it('confidence follows the documented formula', () => {
    expect(classifyRefundReason('发错货了').confidence).toBe(1);
    expect(classifyRefundReason('质量太差了，起球严重，不想要了').confidence).toBe(0.95); // 1 + 0.1 (two cues) - 0.15 (one strong rival)
    expect(classifyRefundReason('太大了').confidence).toBe(1);
    expect(classifyRefundReason('有点大').confidence).toBe(1);
    expect(classifyRefundReason('颜色').confidence).toBe(0.6);
    expect(classifyRefundReason({ text: '发错货了', orderState: 'received' }).confidence).toBe(1);
  });

  it('orderState resolves "never arrived" like 没收到', () => {
    expect(code('It never arrived')).toBe('DELIVERY_DELAY');
    expect(classifyRefundReason({ text: 'It never arrived', orderState: 'unshipped' }).code).toBe('LATE_SHIPMENT');
    expect(classifyRefundReason({ text: 'It never arrived', orderState: 'received' }).code).toBe('LOST_PARCEL');
    expect(code('Tracking says delivered, it never arrived')).toBe('LOST_PARCEL');
  });

  it('orderState resolves 没收到 and keeps the code among those possible in the state', () => {
    expect(classifyRefundReason({ text: '一直没收到', orderState: 'unshipped' }).code).toBe('LATE_SHIPMENT');
    expect(classifyRefundReason({ text: '一直没收到', orderState: 'shipped' }).code).toBe('DELIVERY_DELAY');
    expect(classifyRefundReason({ text: '一直没收到', orderState: 'received' }).code).toBe('LOST_PARCEL');
    expect(classifyRefundReason('一直没收到').code).toBe('DELIVERY_DELAY');
    expect(classifyRefundReason('物流显示已签收，但我没收到').code).toBe('LOST_PARCEL');
    // Out of stock is impossible once shipped: the next candidate that is possible wins.
    expect(classifyRefundReason({ text: '缺货，不想等了，不想要了', orderState: 'shipped' }).code).toBe('CHANGED_MIND');
    // No candidate possible: the code stays, with a penalty.
    const c = classifyRefundReason({ text: '缺货', orderState: 'received' });
    expect(c.code).toBe('OUT_OF_STOCK');
    expect(c.confidence).toBe(0.8);
    expect(c.orderState).toBe('received');
  });

  it('platform reasons: the text wins when clear, the option when the text is silent or unsure', () => {
    const clear = classifyRefundReason({ text: '收到就碎了', platform: 'taobao', platformReason: '七天无理由退换货' });
    expect(clear.code).toBe('DAMAGED_IN_TRANSIT');
    expect(clear.platformReason).toEqual({ raw: '七天无理由退换货', platform: 'taobao', code: 'SEVEN_DAY_NO_REASON', known: true });
    expect(clear.alternatives).toContainEqual({ code: 'SEVEN_DAY_NO_REASON', score: 0.5, source: 'platform_reason' });
    const silent = classifyRefundReason({ text: '请尽快处理', platformReason: 'CR-DEFECTIVE' });
    expect(silent).toMatchObject({ code: 'QUALITY_DEFECT', source: 'platform_reason', confidence: 0.5 });
    expect(silent.platformReason?.platform).toBe('amazon');
    const unsure = classifyRefundReason({ text: '颜色，尺码', platform: 'ebay', platformReason: 'ARRIVED_DAMAGED' });
    expect(unsure.code).toBe('DAMAGED_IN_TRANSIT');
    expect(unsure.alternatives).toContainEqual({ code: 'COLOR_STYLE', score: 0.6, source: 'text' });
    const agree = classifyRefundReason({ text: '发错了', platform: 'wechat', platformReason: '10000006' });
    expect(agree).toMatchObject({ code: 'WRONG_ITEM', source: 'text', confidence: 1 });
    // 未收到货 maps through the order state like the text does.
    expect(classifyRefundReason({ text: '', platform: 'taobao', platformReason: '未收到货', orderState: 'unshipped' }).code).toBe('LATE_SHIPMENT');
  });

  it('an unknown platform option is classified as text, and an unknown code falls back to OTHER', () => {
    expect(classifyRefundReason({ text: '', platform: 'jd', platformReason: '商品有划痕，屏幕不亮' }).platformReason).toEqual({ raw: '商品有划痕，屏幕不亮', platform: 'jd', code: 'QUALITY_DEFECT', known: false });
    const unknown = classifyRefundReason({ text: '', platform: 'wechat', platformReason: '10009999' });
    expect(unknown.code).toBe('OTHER');
    expect(unknown.platformReason?.known).toBe(false);
  });

  it('every platform table maps to known codes only, and Shopify, eBay and Amazon enums are covered', () => {
    for (const p of PLATFORMS) {
      for (const [raw, target] of Object.entries(PLATFORM_REASON_MAPS[p].options)) {
        expect(target === 'NOT_RECEIVED' || (REASON_CODES as readonly string[]).includes(target), `${p} ${raw}`).toBe(true);
      }
    }
    expect(classifyRefundReason({ text: '', platform: 'shopify', platformReason: 'SIZE_TOO_SMALL' }).code).toBe('SIZE_FIT');
    expect(classifyRefundReason({ text: '', platform: 'ebay', platformReason: 'not_as_described' }).code).toBe('NOT_AS_DESCRIBED');
  });

  it('abuse cues name SUSPECTED_ABUSE in agent notes, and only raise risk flags in buyer text', () => {
    const note = classifyRefundReason({ text: '买家退回的不是我们家的货，疑似调包', author: 'agent' });
    expect(note.code).toBe('SUSPECTED_ABUSE');
    expect(note.riskFlags).toEqual(['swap']);
    const buyer = classifyRefundReason({ text: '怀疑被调包了，收到的东西跟我买的不一样', author: 'buyer' });
    expect(buyer.code).toBe('WRONG_ITEM');
    expect(buyer.riskFlags).toEqual(['swap']);
    expect(buyer.hits.find((h) => h.pattern === '调包' && h.kind === 'cue')?.note).toBe('abuse cue in buyer text: raises a risk flag only');
  });

  it('risk flags: threats, compensation claims, health; a negated threat is no threat', () => {
    expect(classifyRefundReason('质量这么差，不退就差评').riskFlags).toEqual(['threat']);
    expect(classifyRefundReason('假货，要求假一赔三').riskFlags).toEqual(['compensation_claim']);
    expect(classifyRefundReason('过敏了，去医院看了').riskFlags).toEqual(['health']);
    expect(classifyRefundReason('我不会给差评的，尺码小了').riskFlags).toEqual([]);
  });

  it('rejects input that is neither a string nor a valid object, naming the field', () => {
    expectInvalidAt(() => classifyRefundReason(42 as unknown as string), '');
    expectInvalidAt(() => classifyRefundReason({ text: 5 } as unknown as string), 'text');
    expectInvalidAt(() => classifyRefundReason({ text: 'x', orderState: 'lost' } as never), 'orderState');
    expectInvalidAt(() => classifyRefundReason({ text: 'x', platform: 'temu' } as never), 'platform');
    expectInvalidAt(() => classifyRefundReason({ text: 'x', author: 'bot' } as never), 'author');
    expectInvalidAt(() => classifyRefundReason({ text: 'x', txt: 'y' } as never), 'txt');
    expectInvalidAt(() => classifyRefundReason(null as never), '');
  });

  it('handles a 100,000-character text', () => {
    const c = classifyRefundReason('质量太差了，'.repeat(20_000));
    expect(c.code).toBe('QUALITY_DEFECT');
    expect(c.hits.length).toBeGreaterThan(10_000);
  });

  it('refundBucket answers for the 28 codes and rejects anything else', () => {
    expect(refundBucket('MISSING_ITEM')).toBe('AVOIDABLE');
    expect(refundBucket('SIZE_FIT')).toBe('EXCHANGEABLE');
    expectInvalidAt(() => refundBucket('nope' as never), '');
  });
});

describe('lexicon 2026.11.3: general mechanisms', () => {
  it('RF-2: a wrong address or a refusal explains "not received" (the cause wins over its consequence)', () => {
    const c = classifyRefundReason('地址写错了，收不到');
    expect(c.code).toBe('ADDRESS_ERROR');
    expect(c.hits.find((h) => h.pattern === '收不到')).toMatchObject({ counted: false, note: 'not received, explained by ADDRESS_ERROR' });
    expect(code('快递来的时候我拒收了，所以没收到')).toBe('REFUSED_DELIVERY');
    // Without the cause, "not received" keeps its order-state reading.
    expect(code('一直收不到')).toBe('DELIVERY_DELAY');
  });

  it('RF-2: cues marked for notes (使用痕迹, 砖头) name SUSPECTED_ABUSE in seller and agent notes only', () => {
    expect(classifyRefundReason({ text: '退回的衣服有明显使用痕迹', author: 'agent' }).code).toBe('SUSPECTED_ABUSE');
    expect(classifyRefundReason({ text: '退回的包裹里是一块砖头', author: 'seller' }).code).toBe('SUSPECTED_ABUSE');
    // In a buyer's text (or one whose author is not given) the same words describe what arrived.
    const buyer = classifyRefundReason('收到的衣服有使用痕迹');
    expect(buyer.code).toBe('NOT_AS_DESCRIBED');
    expect(buyer.riskFlags).toContain('used_item');
    expect(buyer.hits.find((h) => h.pattern === '使用痕迹' && h.code === 'SUSPECTED_ABUSE')?.note).toBe('counts in seller and agent notes only');
  });

  it('English: a negated function verb names a defect; a negated "in the box" a missing part', () => {
    expect(code('the kettle won’t boil')).toBe('QUALITY_DEFECT');
    expect(code("the fan doesn't spin")).toBe('QUALITY_DEFECT');
    expect(code('the kettle boils fine')).toBe('OTHER');
    expect(code("the charger wasn't in the box")).toBe('MISSING_ITEM');
    expect(code('no remote in the box')).toBe('MISSING_ITEM');
    expect(code('everything was in the box, i just changed my mind')).toBe('CHANGED_MIND');
  });

  it('English negators without apostrophes and "no longer" negate like the others', () => {
    expect(code('couldnt be happier, but it no longer fits')).toBe('SIZE_FIT');
    expect(code('it wasnt damaged')).toBe('OTHER');
    expect(code('i no longer need it')).toBe('CHANGED_MIND');
  });

  it('negator look-alikes of frequency (用没几次, 没几下) negate nothing', () => {
    expect(code('用没几次就冒烟')).toBe('QUALITY_DEFECT');
    expect(code('穿了没几下就开线')).toBe('QUALITY_DEFECT');
  });
});

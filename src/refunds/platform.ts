// Platform reason options are adapters into the taxonomy, not the taxonomy (reference §5.6).
import type { ReasonCode } from './taxonomy.ts';

/**
 * What a platform option maps to: a code, or `NOT_RECEIVED`, which resolves by order state as in
 * the classifier (unshipped: `LATE_SHIPMENT`; shipped: `DELIVERY_DELAY`; received: `LOST_PARCEL`).
 *
 * @example
 * ```ts
 * const target: PlatformTarget = 'NOT_RECEIVED';
 * ```
 */
export type PlatformTarget = ReasonCode | 'NOT_RECEIVED';

/**
 * The platforms whose reason options kefu maps. `taobao` covers Tmall.
 *
 * @example
 * ```ts
 * const platform: PlatformId = 'wechat';
 * ```
 */
export type PlatformId = 'taobao' | 'jd' | 'wechat' | 'amazon' | 'ebay' | 'shopify';

/**
 * Every {@link PlatformId}.
 *
 * @example
 * ```ts
 * PLATFORMS.includes('jd'); // true
 * ```
 */
export const PLATFORMS = /* @__PURE__ */ Object.freeze(['taobao', 'jd', 'wechat', 'amazon', 'ebay', 'shopify'] as const satisfies readonly PlatformId[]);

/**
 * A platform's reason options, each mapped to a code (`NOT_RECEIVED` resolves by order state as in
 * the classifier), with where the list comes from and how sure it is.
 *
 * @example
 * ```ts
 * PLATFORM_REASON_MAPS.amazon.options['CR-SWITCHEROO']; // 'WRONG_ITEM'
 * ```
 */
export interface PlatformReasonMap {
  /** Where the option list was read, and its date. */
  readonly source: string;
  /** `true` when the list was read from the platform's own documentation; `false` for a consensus of third-party copies. */
  readonly verified: boolean;
  /** Raw option (code or text, as the platform sends it) → target. Lookups ignore case and surrounding space. */
  readonly options: Readonly<Record<string, PlatformTarget>>;
}

const TAOBAO: Readonly<Record<string, PlatformTarget>> = {
  '拍错/多拍/不想要': 'CHANGED_MIND',
  '多拍/拍错/不想要': 'CHANGED_MIND',
  '不想要了': 'CHANGED_MIND',
  '不喜欢/效果不好': 'CHANGED_MIND',
  '拍错了': 'ORDERED_BY_MISTAKE',
  '协商一致退款': 'NEGOTIATED',
  '缺货': 'OUT_OF_STOCK',
  '未按约定时间发货': 'LATE_SHIPMENT',
  '地址/电话填写错误': 'ADDRESS_ERROR',
  '地址信息填写错误': 'ADDRESS_ERROR',
  '没用/少用优惠': 'COUPON_NOT_APPLIED',
  '商品买贵了或者降价': 'PRICE_PROTECTION',
  '商品降价': 'PRICE_PROTECTION',
  '快递一直未送达': 'DELIVERY_DELAY',
  '快递无跟踪记录': 'LOST_PARCEL',
  '空包裹': 'EMPTY_PACKAGE',
  '空包裹/少货': 'MISSING_ITEM',
  '已拒签包裹': 'REFUSED_DELIVERY',
  '未收到货': 'NOT_RECEIVED',
  '七天无理由退换货': 'SEVEN_DAY_NO_REASON',
  '7天无理由退换货': 'SEVEN_DAY_NO_REASON',
  '质量问题': 'QUALITY_DEFECT',
  '做工粗糙/有瑕疵': 'QUALITY_DEFECT',
  '与商品描述不符': 'NOT_AS_DESCRIBED',
  '大小/尺寸与商品描述不符': 'NOT_AS_DESCRIBED',
  '颜色/图案/款式与商品描述不符': 'NOT_AS_DESCRIBED',
  '材质/面料与商品描述不符': 'NOT_AS_DESCRIBED',
  '功能/效果与商品描述不符': 'NOT_AS_DESCRIBED',
  '包装/商品破损/污渍': 'DAMAGED_IN_TRANSIT',
  '商品破损': 'DAMAGED_IN_TRANSIT',
  '少件/漏发': 'MISSING_ITEM',
  '卖家发错货': 'WRONG_ITEM',
  '假冒品牌': 'COUNTERFEIT',
  '尺码不合适': 'SIZE_FIT',
  '大小/尺寸不合适': 'SIZE_FIT',
};

const JD: Readonly<Record<string, PlatformTarget>> = {
  '商品质量问题': 'QUALITY_DEFECT',
  '质量问题': 'QUALITY_DEFECT',
  '发错货': 'WRONG_ITEM',
  '少件/漏发': 'MISSING_ITEM',
  '少件': 'MISSING_ITEM',
  '商品破损': 'DAMAGED_IN_TRANSIT',
  '与商品描述不符': 'NOT_AS_DESCRIBED',
  '不想要了': 'CHANGED_MIND',
  '拍错了': 'ORDERED_BY_MISTAKE',
  '买错了': 'ORDERED_BY_MISTAKE',
  '价格变化': 'PRICE_PROTECTION',
  '价格保护': 'PRICE_PROTECTION',
  '物流太慢': 'DELIVERY_DELAY',
  '未按约定时间发货': 'LATE_SHIPMENT',
  '缺货': 'OUT_OF_STOCK',
  '假冒品牌': 'COUNTERFEIT',
  '7天无理由退货': 'SEVEN_DAY_NO_REASON',
  '地址填错了': 'ADDRESS_ERROR',
  '签收未收到': 'LOST_PARCEL',
};

// WeChat Store (微信小店) after-sale reason enum. Newer codes carry no meaning of their own and the
// platform sends reason_text beside them: unknown codes fall back to classifying that text.
const WECHAT: Readonly<Record<string, PlatformTarget>> = {
  '10000000': 'CHANGED_MIND',
  '10000001': 'OUT_OF_STOCK',
  '10000002': 'ORDERED_BY_MISTAKE',
  '10000003': 'COUPON_NOT_APPLIED',
  '10000004': 'ADDRESS_ERROR',
  '10000005': 'MISSING_ITEM',
  '10000006': 'WRONG_ITEM',
  '10000007': 'NOT_RECEIVED',
  '10000010': 'LATE_SHIPMENT',
  '10000011': 'NOT_AS_DESCRIBED',
  '10000014': 'NEGOTIATED',
  '10000015': 'DELIVERY_DELAY',
  '10000016': 'EMPTY_PACKAGE',
  '10000017': 'LOST_PARCEL',
  '10000018': 'REFUSED_DELIVERY',
  '10000019': 'SEVEN_DAY_NO_REASON',
  '10000021': 'QUALITY_DEFECT',
  '10000028': 'INCOMPATIBLE',
  '10000029': 'ADVERSE_REACTION',
  '10000031': 'QUALITY_DEFECT',
  '10000033': 'COUNTERFEIT',
  '10000039': 'NOT_AS_DESCRIBED',
  '10000040': 'DAMAGED_IN_TRANSIT',
  '10000041': 'NOT_AS_DESCRIBED',
  '10000042': 'NOT_AS_DESCRIBED',
  '10000043': 'NOT_AS_DESCRIBED',
  FAKE_PRODUCT: 'COUNTERFEIT',
  THREE_NO_PRODUCT: 'COUNTERFEIT',
};

const AMAZON: Readonly<Record<string, PlatformTarget>> = {
  'CR-UNAUTHORIZED_PURCHASE': 'OTHER',
  'CR-QUALITY_UNACCEPTABLE': 'QUALITY_DEFECT',
  'CR-DAMAGED_BY_CARRIER': 'DAMAGED_IN_TRANSIT',
  'CR-DAMAGED_BY_FC': 'DAMAGED_IN_TRANSIT',
  'CR-ORDERED_WRONG_ITEM': 'ORDERED_BY_MISTAKE',
  'CR-SWITCHEROO': 'WRONG_ITEM',
  'CR-NOT_COMPATIBLE': 'INCOMPATIBLE',
  'CR-UNWANTED_ITEM': 'CHANGED_MIND',
  'CR-FOUND_BETTER_PRICE': 'FOUND_CHEAPER',
  'CR-DEFECTIVE': 'QUALITY_DEFECT',
  'CR-MISSING_PARTS': 'MISSING_ITEM',
  'CR-EXTRA_ITEM': 'WRONG_ITEM',
  'CR-MISSED_ESTIMATED_DELIVERY': 'DELIVERY_DELAY',
  'AMZ-PG-BAD-DESC': 'NOT_AS_DESCRIBED',
  'AMZ-PG-APP-TOO-SMALL': 'SIZE_FIT',
  'AMZ-PG-APP-TOO-LARGE': 'SIZE_FIT',
  'AMZ-PG-MISORDERED': 'ORDERED_BY_MISTAKE',
  'AMZ-PG-APP-TOO-LATE': 'DELIVERY_DELAY',
  UNWANTED_ITEM: 'CHANGED_MIND',
  DEFECTIVE: 'QUALITY_DEFECT',
  QUALITY_UNACCEPTABLE: 'QUALITY_DEFECT',
  DAMAGED_BY_CARRIER: 'DAMAGED_IN_TRANSIT',
  DAMAGED_BY_FC: 'DAMAGED_IN_TRANSIT',
  ORDERED_WRONG_ITEM: 'ORDERED_BY_MISTAKE',
  SWITCHEROO: 'WRONG_ITEM',
  NOT_COMPATIBLE: 'INCOMPATIBLE',
  FOUND_BETTER_PRICE: 'FOUND_CHEAPER',
  MISSING_PARTS: 'MISSING_ITEM',
  EXTRA_ITEM: 'WRONG_ITEM',
  MISSED_ESTIMATED_DELIVERY: 'DELIVERY_DELAY',
  UNDELIVERABLE_REFUSED: 'REFUSED_DELIVERY',
  UNDELIVERABLE_UNKNOWN: 'LOST_PARCEL',
  EXPIRATION_DATE_PROBLEM: 'EXPIRED_OR_SPOILED',
  FOOD_SAFETY_ISSUE: 'EXPIRED_OR_SPOILED',
  NO_REASON_GIVEN: 'OTHER',
};

const EBAY: Readonly<Record<string, PlatformTarget>> = {
  ARRIVED_DAMAGED: 'DAMAGED_IN_TRANSIT',
  ARRIVED_LATE: 'DELIVERY_DELAY',
  DEFECTIVE_ITEM: 'QUALITY_DEFECT',
  DIFFERENT_FROM_LISTING: 'NOT_AS_DESCRIBED',
  NOT_AS_DESCRIBED: 'NOT_AS_DESCRIBED',
  DOES_NOT_FIT: 'SIZE_FIT',
  WRONG_SIZE: 'SIZE_FIT',
  EXPIRED_ITEM: 'EXPIRED_OR_SPOILED',
  FAKE_OR_COUNTERFEIT: 'COUNTERFEIT',
  FOUND_BETTER_PRICE: 'FOUND_CHEAPER',
  MISSING_PARTS: 'MISSING_ITEM',
  NO_LONGER_NEED_ITEM: 'CHANGED_MIND',
  NO_REASON: 'CHANGED_MIND',
  ORDERED_ACCIDENTALLY: 'ORDERED_BY_MISTAKE',
  ORDERED_WRONG_ITEM: 'ORDERED_BY_MISTAKE',
  ORDERED_DIFFERENT_ITEM: 'WRONG_ITEM',
  RETURNING_GIFT: 'CHANGED_MIND',
  WITHDRAW_FROM_PURCHASE_CONTRACT: 'SEVEN_DAY_NO_REASON',
  BUYER_CANCEL_ORDER: 'CHANGED_MIND',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  OTHER: 'OTHER',
};

const SHOPIFY: Readonly<Record<string, PlatformTarget>> = {
  COLOR: 'COLOR_STYLE',
  STYLE: 'COLOR_STYLE',
  DEFECTIVE: 'QUALITY_DEFECT',
  NOT_AS_DESCRIBED: 'NOT_AS_DESCRIBED',
  SIZE_TOO_LARGE: 'SIZE_FIT',
  SIZE_TOO_SMALL: 'SIZE_FIT',
  UNWANTED: 'CHANGED_MIND',
  WRONG_ITEM: 'WRONG_ITEM',
  OTHER: 'OTHER',
  UNKNOWN: 'OTHER',
  'arrived-late': 'DELIVERY_DELAY',
  comfort: 'SIZE_FIT',
  'too-tight': 'SIZE_FIT',
  'too-loose': 'SIZE_FIT',
  'color-too-bright': 'COLOR_STYLE',
  quality: 'QUALITY_DEFECT',
};

/**
 * Reason options per platform and their codes. Taobao and JD option texts are a consensus of
 * third-party copies (the platforms publish no list): treat them as a starting point and add the
 * wording your shop sees. WeChat's codes come from its developer documentation and community
 * answers; the pairing of 10000000 (不想要) and 10000002 (拍错/多拍) is the likeliest reading,
 * not a confirmed one. Amazon's `CR-*` ids are third-party captures; eBay's and Shopify's enums are
 * their official developer references. An option that is not in a table is classified as text.
 *
 * @example
 * ```ts
 * PLATFORM_REASON_MAPS.ebay.options['ARRIVED_DAMAGED']; // 'DAMAGED_IN_TRANSIT'
 * ```
 */
export const PLATFORM_REASON_MAPS: Readonly<Record<PlatformId, PlatformReasonMap>> = /* @__PURE__ */ Object.freeze({
  taobao: { source: 'consensus of WeChat/Youzan enums and open-source copies of the Taobao flow (reference §1.2, 2026)', verified: false, options: TAOBAO },
  jd: { source: 'JD dispute rules (2025-07-04) dispute classes and common option wording (reference §2.5)', verified: false, options: JD },
  wechat: { source: 'developers.weixin.qq.com after-sale reason enum (getaftersalereason) and community answers', verified: true, options: WECHAT },
  amazon: { source: 'Amazon return-reason ids captured by seller tools; FBA customer returns report; Buy with Prime API', verified: false, options: AMAZON },
  ebay: { source: 'developer.ebay.com Post-Order API ReturnReasonEnum', verified: true, options: EBAY },
  shopify: { source: 'shopify.dev ReturnReason enum (deprecated) and ReturnReasonDefinition handles', verified: true, options: SHOPIFY },
});

/** Lookup keys are trimmed and case-folded once. */
let folded: Map<PlatformId, Map<string, PlatformTarget>> | undefined;

function foldedMaps(): Map<PlatformId, Map<string, PlatformTarget>> {
  if (folded !== undefined) return folded;
  const maps = new Map<PlatformId, Map<string, PlatformTarget>>();
  for (const platform of PLATFORMS) {
    const map = new Map<string, PlatformTarget>();
    for (const [raw, target] of Object.entries(PLATFORM_REASON_MAPS[platform].options)) map.set(raw.trim().toLowerCase(), target);
    maps.set(platform, map);
  }
  folded = maps;
  return maps;
}

/** The target of a raw platform option: in `platform`'s table, or in any table when no platform is given. */
export function lookupPlatformReason(raw: string, platform?: PlatformId): { target: PlatformTarget; platform: PlatformId } | undefined {
  const key = raw.trim().toLowerCase();
  const maps = foldedMaps();
  const order = platform === undefined ? PLATFORMS : [platform];
  for (const p of order) {
    const target = maps.get(p)?.get(key);
    if (target !== undefined) return { target, platform: p };
  }
  return undefined;
}

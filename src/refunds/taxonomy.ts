// The refund-reason taxonomy (RF-1, RF-2): 28 closed codes, their responsibility, remedy, owner
// team and the three-way bucket of RF-1, derived by one documented rule.

/**
 * The 28 refund-reason codes, in priority order (the first one wins when a text names several).
 *
 * @example
 * ```ts
 * const code: ReasonCode = 'WRONG_ITEM';
 * ```
 */
export type ReasonCode =
  | 'SUSPECTED_ABUSE'
  | 'ADVERSE_REACTION'
  | 'EXPIRED_OR_SPOILED'
  | 'COUNTERFEIT'
  | 'EMPTY_PACKAGE'
  | 'WRONG_ITEM'
  | 'MISSING_ITEM'
  | 'DAMAGED_IN_TRANSIT'
  | 'QUALITY_DEFECT'
  | 'NOT_AS_DESCRIBED'
  | 'PRESALE_MISINFORMATION'
  | 'LOST_PARCEL'
  | 'OUT_OF_STOCK'
  | 'LATE_SHIPMENT'
  | 'DELIVERY_DELAY'
  | 'PRICE_PROTECTION'
  | 'SIZE_FIT'
  | 'COLOR_STYLE'
  | 'INCOMPATIBLE'
  | 'ADDRESS_ERROR'
  | 'ORDERED_BY_MISTAKE'
  | 'COUPON_NOT_APPLIED'
  | 'FOUND_CHEAPER'
  | 'REFUSED_DELIVERY'
  | 'SEVEN_DAY_NO_REASON'
  | 'CHANGED_MIND'
  | 'NEGOTIATED'
  | 'OTHER';

/**
 * Every {@link ReasonCode}, in priority order (index 0 is priority 1).
 *
 * @example
 * ```ts
 * REASON_CODES[0]; // 'SUSPECTED_ABUSE'
 * REASON_CODES.length; // 28
 * ```
 */
export const REASON_CODES = /* @__PURE__ */ Object.freeze([
  'SUSPECTED_ABUSE',
  'ADVERSE_REACTION',
  'EXPIRED_OR_SPOILED',
  'COUNTERFEIT',
  'EMPTY_PACKAGE',
  'WRONG_ITEM',
  'MISSING_ITEM',
  'DAMAGED_IN_TRANSIT',
  'QUALITY_DEFECT',
  'NOT_AS_DESCRIBED',
  'PRESALE_MISINFORMATION',
  'LOST_PARCEL',
  'OUT_OF_STOCK',
  'LATE_SHIPMENT',
  'DELIVERY_DELAY',
  'PRICE_PROTECTION',
  'SIZE_FIT',
  'COLOR_STYLE',
  'INCOMPATIBLE',
  'ADDRESS_ERROR',
  'ORDERED_BY_MISTAKE',
  'COUPON_NOT_APPLIED',
  'FOUND_CHEAPER',
  'REFUSED_DELIVERY',
  'SEVEN_DAY_NO_REASON',
  'CHANGED_MIND',
  'NEGOTIATED',
  'OTHER',
] as const satisfies readonly ReasonCode[]);

/**
 * The nine parent groups: buyer-side remorse (`BUYER`, `FIT`, `PRICE`), seller-side fault
 * (`PRODUCT`, `FULFILLMENT`, `SERVICE`), the carrier (`LOGISTICS`), abuse (`RISK`) and the two
 * codes that say nothing about a cause (`META`).
 *
 * @example
 * ```ts
 * const group: ReasonGroup = 'FULFILLMENT';
 * ```
 */
export type ReasonGroup = 'BUYER' | 'FIT' | 'PRICE' | 'PRODUCT' | 'FULFILLMENT' | 'LOGISTICS' | 'SERVICE' | 'RISK' | 'META';

/**
 * Who caused the problem (`responsibleParty`) or who bears its cost towards the buyer
 * (`bearsCostTowardsBuyer`).
 *
 * @example
 * ```ts
 * const party: Party = 'logistics';
 * ```
 */
export type Party = 'buyer' | 'seller' | 'logistics' | 'platform' | 'unknown';

/**
 * Every {@link Party}, for tables and schemas.
 *
 * @example
 * ```ts
 * PARTIES.includes('seller'); // true
 * ```
 */
export const PARTIES = /* @__PURE__ */ Object.freeze(['buyer', 'seller', 'logistics', 'platform', 'unknown'] as const satisfies readonly Party[]);

/**
 * How a case is settled: keep the goods (`retain`), exchange, refund without return
 * (`refund_only`), return and refund, reship (补发), a partial refund (compensation), a price
 * protection refund of the difference, escalation, per the parties' agreement, or a write-off
 * (the buyer keeps the damaged goods, RF-3).
 *
 * @example
 * ```ts
 * const remedy: Remedy = 'reship';
 * ```
 */
export type Remedy =
  | 'retain'
  | 'exchange'
  | 'refund_only'
  | 'return_refund'
  | 'reship'
  | 'partial_refund'
  | 'price_protection'
  | 'escalate'
  | 'per_agreement'
  | 'write_off';

/**
 * Who pays the return shipping if the goods go back: `none` means nothing needs to go back.
 * `depends`: set by the agreement or by the platform after it intervenes.
 *
 * @example
 * ```ts
 * const payer: ShippingPayer = 'seller';
 * ```
 */
export type ShippingPayer = 'seller' | 'buyer' | 'none' | 'depends';

/**
 * The team that owns the prevention of a reason.
 *
 * @example
 * ```ts
 * const team: Team = 'warehouse';
 * ```
 */
export type Team = 'pre_sale' | 'after_sale' | 'warehouse' | 'logistics' | 'product';

/**
 * Every {@link Team}, for tables and schemas.
 *
 * @example
 * ```ts
 * TEAMS.length; // 5
 * ```
 */
export const TEAMS = /* @__PURE__ */ Object.freeze(['pre_sale', 'after_sale', 'warehouse', 'logistics', 'product'] as const satisfies readonly Team[]);

/**
 * RF-1's three-way split, plus `UNDETERMINED` for codes that name no cause: `AVOIDABLE` (better
 * operations would have prevented it), `EXCHANGEABLE` (an exchange or a reship settles it),
 * `REFUND_ONLY` (only money settles it).
 *
 * @example
 * ```ts
 * const bucket: Bucket = 'AVOIDABLE';
 * ```
 */
export type Bucket = 'AVOIDABLE' | 'EXCHANGEABLE' | 'REFUND_ONLY' | 'UNDETERMINED';

/**
 * Every {@link Bucket}.
 *
 * @example
 * ```ts
 * BUCKETS; // ['AVOIDABLE', 'EXCHANGEABLE', 'REFUND_ONLY', 'UNDETERMINED']
 * ```
 */
export const BUCKETS = /* @__PURE__ */ Object.freeze(['AVOIDABLE', 'EXCHANGEABLE', 'REFUND_ONLY', 'UNDETERMINED'] as const satisfies readonly Bucket[]);

/**
 * Where the order stands when the refund is asked for: not shipped, shipped but not received, or
 * received (signed for).
 *
 * @example
 * ```ts
 * const state: OrderState = 'unshipped';
 * ```
 */
export type OrderState = 'unshipped' | 'shipped' | 'received';

/**
 * Every {@link OrderState}.
 *
 * @example
 * ```ts
 * ORDER_STATES.includes('received'); // true
 * ```
 */
export const ORDER_STATES = /* @__PURE__ */ Object.freeze(['unshipped', 'shipped', 'received'] as const satisfies readonly OrderState[]);

/**
 * Evidence an agent asks for before settling a reason.
 *
 * @example
 * ```ts
 * const wanted: Evidence = 'unboxing_video';
 * ```
 */
export type Evidence = 'photo' | 'unboxing_video' | 'tracking' | 'test_report' | 'sourcing_docs' | 'chat_log' | 'price_screenshot' | 'medical_note';

/**
 * A text in the three label languages.
 *
 * @example
 * ```ts
 * const label: Labels = { 'zh-CN': '发错货', 'zh-TW': '寄錯商品', en: 'Wrong item sent' };
 * ```
 */
export interface Labels {
  readonly 'zh-CN': string;
  readonly 'zh-TW': string;
  readonly en: string;
}

/**
 * One entry of the taxonomy: what the reason is, who caused it, how it is settled, who prevents
 * it, and its RF-1 bucket.
 *
 * @example
 * ```ts
 * const wrong: RefundReason = REFUND_REASONS.WRONG_ITEM;
 * wrong.bucket; // 'AVOIDABLE'
 * ```
 */
export interface RefundReason {
  readonly code: ReasonCode;
  readonly group: ReasonGroup;
  /** 1 to 28, unique: the smaller wins when a text names several reasons. */
  readonly priority: number;
  readonly label: Labels;
  /** Who caused it. */
  readonly responsibleParty: Party;
  /** Who answers for it towards the buyer (the seller for carrier damage: the seller claims against the carrier). */
  readonly bearsCostTowardsBuyer: Party;
  readonly defaultRemedy: Remedy;
  readonly alternativeRemedies: readonly Remedy[];
  readonly returnShippingPayer: ShippingPayer;
  /** The team that owns prevention. */
  readonly ownerTeam: Team;
  /** Preventable by customer-service or fulfilment operations (listing, packing, stock, timing, pricing); product design and carrier performance are not counted. */
  readonly avoidable: boolean;
  /** Derived by {@link deriveBucket}. */
  readonly bucket: Bucket;
  /** Order states in which the reason can be true. */
  readonly validStates: readonly OrderState[];
  readonly evidence: readonly Evidence[];
  /** What stops it happening again. */
  readonly preventiveAction: { readonly 'zh-CN': string; readonly en: string };
}

/**
 * RF-1: the bucket of a reason, derived from its other fields so that the table cannot drift
 * from the rule. Codes that name no cause (group `META`) and suspected abuse are
 * `UNDETERMINED`; otherwise an avoidable reason is `AVOIDABLE` (it comes first: a wrong item could
 * also be exchanged, but for staffing and prevention it counts as avoidable); otherwise a reason
 * settled by default with an exchange or a reship is `EXCHANGEABLE`; everything else is
 * `REFUND_ONLY`.
 *
 * @example
 * ```ts
 * deriveBucket({ code: 'QUALITY_DEFECT', group: 'PRODUCT', avoidable: false, defaultRemedy: 'exchange' }); // 'EXCHANGEABLE'
 * ```
 */
export function deriveBucket(reason: Pick<RefundReason, 'code' | 'group' | 'avoidable' | 'defaultRemedy'>): Bucket {
  if (reason.group === 'META' || reason.code === 'SUSPECTED_ABUSE') return 'UNDETERMINED';
  if (reason.avoidable) return 'AVOIDABLE';
  if (reason.defaultRemedy === 'exchange' || reason.defaultRemedy === 'reship') return 'EXCHANGEABLE';
  return 'REFUND_ONLY';
}

const U: readonly OrderState[] = ['unshipped'];
const US: readonly OrderState[] = ['unshipped', 'shipped'];
const S: readonly OrderState[] = ['shipped'];
const SR: readonly OrderState[] = ['shipped', 'received'];
const R: readonly OrderState[] = ['received'];
const ANY: readonly OrderState[] = ['unshipped', 'shipped', 'received'];

type Row = readonly [
  code: ReasonCode,
  group: ReasonGroup,
  responsibleParty: Party,
  bearsCostTowardsBuyer: Party,
  defaultRemedy: Remedy,
  alternativeRemedies: readonly Remedy[],
  returnShippingPayer: ShippingPayer,
  ownerTeam: Team,
  avoidable: boolean,
  validStates: readonly OrderState[],
  evidence: readonly Evidence[],
  zhCN: string,
  zhTW: string,
  en: string,
  preventZh: string,
  preventEn: string,
];

// One row per code, in priority order. Columns: code, group, responsible party, party that bears
// the cost towards the buyer, default remedy, alternative remedies, return-shipping payer, owner
// team, avoidable, valid order states, evidence wanted, labels (zh-CN, zh-TW, en), preventive
// action (zh-CN, en).
const ROWS: readonly Row[] = [
  ['SUSPECTED_ABUSE', 'RISK', 'buyer', 'buyer', 'escalate', ['return_refund'], 'buyer', 'after_sale', false, ANY, ['unboxing_video', 'photo', 'tracking'],
    '疑似恶意退货', '疑似惡意退貨', 'Suspected abusive return',
    '打包录像、称重与序列号留档，识别频繁退款账号，证据齐全后提交平台', 'Film packing, record weights and serial numbers, watch repeat refunders, escalate to the platform with the evidence'],
  ['ADVERSE_REACTION', 'PRODUCT', 'unknown', 'seller', 'partial_refund', ['escalate', 'return_refund'], 'none', 'product', false, R, ['photo', 'medical_note'],
    '使用后过敏/不适', '使用後過敏/不適', 'Adverse reaction after use',
    '完整标注成分，提示先做皮试，售前询问肤质与过敏史', 'Disclose ingredients, advise a patch test, ask about skin type and allergies before the sale'],
  ['EXPIRED_OR_SPOILED', 'PRODUCT', 'seller', 'seller', 'refund_only', ['reship', 'return_refund'], 'none', 'warehouse', true, R, ['photo'],
    '过期/变质', '過期/變質', 'Expired or spoiled',
    '先到期先出库，拣货时核对效期，生鲜全程冷链', 'First-expiry-first-out, check dates when picking, keep the cold chain'],
  ['COUNTERFEIT', 'PRODUCT', 'seller', 'seller', 'return_refund', ['escalate'], 'seller', 'product', false, R, ['photo', 'sourcing_docs'],
    '假冒/非正品/三无', '仿冒/非正品/三無', 'Counterfeit or unlicensed',
    '保留进货凭证与授权文件，只从授权渠道进货', 'Keep purchase invoices and brand authorisations; buy only from authorised channels'],
  ['EMPTY_PACKAGE', 'FULFILLMENT', 'unknown', 'seller', 'reship', ['refund_only', 'escalate'], 'none', 'warehouse', true, R, ['unboxing_video', 'photo', 'tracking'],
    '空包裹', '空包裹', 'Empty parcel',
    '包裹称重留档，打包录像，使用防拆封条', 'Weigh every parcel, film packing, use tamper-evident seals'],
  ['WRONG_ITEM', 'FULFILLMENT', 'seller', 'seller', 'exchange', ['reship', 'return_refund'], 'seller', 'warehouse', true, R, ['photo'],
    '发错货', '寄錯商品', 'Wrong item sent',
    '扫码打包，核对 SKU、颜色、尺码与面单', 'Scan to pack; check SKU, colour, size and label'],
  ['MISSING_ITEM', 'FULFILLMENT', 'seller', 'seller', 'reship', ['partial_refund'], 'none', 'warehouse', true, R, ['photo', 'unboxing_video'],
    '少件/漏发/少配件/少赠品', '少件/漏寄/缺配件/缺贈品', 'Missing item, part or gift',
    '打包清单逐项勾选，称重复核，赠品规则写进仓储系统', 'Tick a packing list, check the weight, put gift rules into the warehouse system'],
  ['DAMAGED_IN_TRANSIT', 'LOGISTICS', 'logistics', 'seller', 'reship', ['write_off', 'partial_refund', 'return_refund'], 'seller', 'logistics', true, R, ['photo', 'unboxing_video'],
    '运输破损', '運送途中損壞', 'Damaged in transit',
    '按品类制定包装标准，选择合适快递并投保', 'Set packaging standards per category, choose the carrier, insure fragile goods'],
  ['QUALITY_DEFECT', 'PRODUCT', 'seller', 'seller', 'exchange', ['return_refund', 'reship', 'partial_refund'], 'seller', 'product', false, R, ['photo', 'test_report'],
    '质量问题', '品質問題', 'Defective or poor quality',
    '加强供应商质检，按批次追踪问题', 'Stricter supplier QC and batch tracking'],
  ['NOT_AS_DESCRIBED', 'PRODUCT', 'seller', 'seller', 'return_refund', ['exchange', 'partial_refund'], 'seller', 'product', true, R, ['photo'],
    '与描述不符', '與商品描述不符', 'Not as described',
    '如实拍摄与标注规格、尺寸和材质，校准图片色差', 'Accurate photos, specifications, measurements and materials; calibrate colours'],
  ['PRESALE_MISINFORMATION', 'SERVICE', 'seller', 'seller', 'return_refund', ['partial_refund', 'exchange'], 'seller', 'pre_sale', true, ANY, ['chat_log'],
    '客服承诺不符', '客服承諾不符', 'Wrong pre-sale promise',
    '统一话术与知识库，抽检聊天记录', 'Scripted answers, a knowledge base, chat quality checks'],
  ['LOST_PARCEL', 'LOGISTICS', 'logistics', 'seller', 'reship', ['refund_only'], 'none', 'logistics', false, SR, ['tracking'],
    '快递丢件/签收未收到', '包裹遺失/顯示簽收未收到', 'Lost parcel or delivered but not received',
    '贵重件要求本人签收，及时向快递索赔', 'Signature on delivery for valuable parcels; claim against the carrier promptly'],
  ['OUT_OF_STOCK', 'FULFILLMENT', 'seller', 'seller', 'refund_only', ['exchange'], 'none', 'warehouse', true, U, [],
    '缺货', '缺貨', 'Out of stock',
    '库存实时同步，预售设置库存上限', 'Sync stock in real time, cap presale quantities'],
  ['LATE_SHIPMENT', 'FULFILLMENT', 'seller', 'seller', 'refund_only', ['partial_refund'], 'none', 'warehouse', true, US, ['tracking'],
    '未按约定时间发货', '未依約定時間出貨', 'Shipped late or not shipped',
    '按大促产能排班，承诺可兑现的发货时效', 'Plan capacity for the event; promise handling times you can keep'],
  ['DELIVERY_DELAY', 'LOGISTICS', 'logistics', 'seller', 'refund_only', ['retain'], 'none', 'logistics', false, S, ['tracking'],
    '物流延误', '物流延誤', 'Delivery delayed in transit',
    '监控快递时效，主动告知物流进度（SLA-2）', 'Watch carrier times and update buyers before they ask (SLA-2)'],
  ['PRICE_PROTECTION', 'PRICE', 'seller', 'seller', 'price_protection', ['return_refund'], 'none', 'pre_sale', true, ANY, ['price_screenshot'],
    '降价补差价/价保', '降價補差價/價保', 'Price dropped after purchase',
    '管好活动日历，明确价保条款', 'Keep a promotion calendar; state price-protection terms'],
  ['SIZE_FIT', 'FIT', 'buyer', 'buyer', 'exchange', ['return_refund'], 'buyer', 'pre_sale', false, R, [],
    '尺码不合适', '尺寸不合適', 'Size or fit',
    '完善尺码表与试穿建议，标注模特身材', 'Size charts, fit advice, model measurements'],
  ['COLOR_STYLE', 'FIT', 'buyer', 'buyer', 'exchange', ['return_refund'], 'buyer', 'pre_sale', false, R, [],
    '颜色/款式不喜欢', '顏色/款式不喜歡', 'Colour or style not liked',
    '实拍真实颜色，补充视频展示', 'True-colour photos and videos'],
  ['INCOMPATIBLE', 'FIT', 'buyer', 'buyer', 'exchange', ['return_refund'], 'buyer', 'pre_sale', false, R, [],
    '不适用/型号不匹配', '不適用/型號不符', 'Not compatible or unsuitable',
    '提供适配型号表，售前核对型号', 'Compatibility tables; check the model before the sale'],
  ['ADDRESS_ERROR', 'BUYER', 'buyer', 'buyer', 'refund_only', ['retain'], 'buyer', 'pre_sale', true, US, [],
    '地址/电话填错', '地址/電話填錯', 'Wrong address or phone',
    '发货前发送地址确认消息', 'Send an address confirmation before dispatch'],
  ['ORDERED_BY_MISTAKE', 'BUYER', 'buyer', 'buyer', 'refund_only', ['exchange', 'return_refund'], 'buyer', 'pre_sale', true, ANY, [],
    '拍错/多拍/重复下单', '下錯單/多買/重複下單', 'Ordered by mistake',
    '核单确认，重复下单提醒，规格名称写清楚', 'Confirm orders, warn about duplicates, name variants clearly'],
  ['COUPON_NOT_APPLIED', 'PRICE', 'buyer', 'buyer', 'partial_refund', ['refund_only'], 'none', 'pre_sale', true, U, [],
    '没用/少用优惠', '未使用/少用優惠', 'Discount not applied',
    '下单前提醒领券与凑单规则', 'Remind buyers of coupons and thresholds before checkout'],
  ['FOUND_CHEAPER', 'PRICE', 'buyer', 'buyer', 'return_refund', ['refund_only'], 'buyer', 'pre_sale', false, ANY, [],
    '别处更便宜', '別處更便宜', 'Found cheaper elsewhere',
    '监控竞品价格', 'Watch competitor prices'],
  ['REFUSED_DELIVERY', 'LOGISTICS', 'buyer', 'buyer', 'return_refund', ['refund_only'], 'buyer', 'after_sale', false, S, ['tracking'],
    '拒收', '拒收', 'Refused on delivery',
    '发货后收到退款申请先确认意向并拦截快递', 'When a refund request arrives after dispatch, confirm intent and intercept the parcel'],
  ['SEVEN_DAY_NO_REASON', 'BUYER', 'buyer', 'buyer', 'return_refund', ['exchange'], 'buyer', 'after_sale', false, R, [],
    '七天无理由', '七天無理由退貨', '7-day no-reason return',
    '赠送运费险，描述清晰，提供挽留方案', 'Return-shipping insurance, clear listings, retention offers'],
  ['CHANGED_MIND', 'BUYER', 'buyer', 'buyer', 'return_refund', ['refund_only', 'retain'], 'buyer', 'after_sale', false, ANY, [],
    '不想要了/不喜欢', '不想要了/不喜歡', 'Changed mind or unwanted',
    '详情页管理好预期，提供挽留方案', 'Set expectations in the listing; retention offers'],
  ['NEGOTIATED', 'META', 'unknown', 'unknown', 'per_agreement', [], 'depends', 'after_sale', false, ANY, ['chat_log'],
    '协商一致退款', '協商一致退款', 'Agreed with the seller',
    '复核买家描述，重新归类真实原因，不用协商掩盖问题', 'Audit: classify the free text again; do not mask real causes'],
  ['OTHER', 'META', 'unknown', 'unknown', 'escalate', [], 'depends', 'after_sale', false, ANY, [],
    '其他/无法识别', '其他/無法辨識', 'Other or unrecognised',
    '人工复核，补充词库', 'Review by hand; extend the lexicon'],
];

function freezeReason(row: Row, index: number): RefundReason {
  const [code, group, responsibleParty, bearsCostTowardsBuyer, defaultRemedy, alternativeRemedies, returnShippingPayer, ownerTeam, avoidable, validStates, evidence, zhCN, zhTW, en, preventZh, preventEn] = row;
  const base = { code, group, avoidable, defaultRemedy };
  return Object.freeze({
    code,
    group,
    priority: index + 1,
    label: Object.freeze({ 'zh-CN': zhCN, 'zh-TW': zhTW, en }),
    responsibleParty,
    bearsCostTowardsBuyer,
    defaultRemedy,
    alternativeRemedies: Object.freeze([...alternativeRemedies]),
    returnShippingPayer,
    ownerTeam,
    avoidable,
    bucket: deriveBucket(base),
    validStates: Object.freeze([...validStates]),
    evidence: Object.freeze([...evidence]),
    preventiveAction: Object.freeze({ 'zh-CN': preventZh, en: preventEn }),
  });
}

function buildReasons(): Readonly<Record<ReasonCode, RefundReason>> {
  const entries = ROWS.map((row, index) => [row[0], freezeReason(row, index)] as const);
  return Object.freeze(Object.fromEntries(entries) as Record<ReasonCode, RefundReason>);
}

/**
 * The taxonomy (RF-1, RF-2): frozen data keyed by code, one {@link RefundReason} per
 * {@link ReasonCode}. Iterate in priority order with {@link REASON_CODES}.
 *
 * @example
 * ```ts
 * REFUND_REASONS.DAMAGED_IN_TRANSIT.label['zh-CN']; // '运输破损'
 * REFUND_REASONS.DAMAGED_IN_TRANSIT.defaultRemedy; // 'reship' (RF-3)
 * REASON_CODES.map((code) => REFUND_REASONS[code].bucket);
 * ```
 */
export const REFUND_REASONS: Readonly<Record<ReasonCode, RefundReason>> = /* @__PURE__ */ buildReasons();

/**
 * True when `value` is one of the 28 codes.
 *
 * @example
 * ```ts
 * isReasonCode('WRONG_ITEM'); // true
 * isReasonCode('wrong_item'); // false
 * ```
 */
export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REFUND_REASONS, value);
}

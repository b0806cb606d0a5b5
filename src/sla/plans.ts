/**
 * The SLA-4 emergency classes, each with a prepared plan:
 * - `platformOutage`: the platform itself fails (payment congestion, refund channel closed, system lag);
 * - `powerOrNetworkLoss`: the team's own power or network goes down;
 * - `priceOrSpecError`: a listing shows a wrong price or a wrong specification;
 * - `warehouseOrCourierFailure`: mass delays, suspended shipping, slow delivery, wrong or missing items, damage, loss;
 * - `brandIncident`: a platform violation, a complaint to the regulator, a negative story in the media.
 *
 * @example
 * ```ts
 * EMERGENCY_CLASSES.length; // 5
 * ```
 */
export const EMERGENCY_CLASSES = ['platformOutage', 'powerOrNetworkLoss', 'priceOrSpecError', 'warehouseOrCourierFailure', 'brandIncident'] as const;

/**
 * One of {@link EMERGENCY_CLASSES}.
 *
 * @example
 * ```ts
 * const c: EmergencyClass = 'warehouseOrCourierFailure';
 * ```
 */
export type EmergencyClass = (typeof EMERGENCY_CLASSES)[number];

/**
 * A text in Chinese and English.
 *
 * @example
 * ```ts
 * const label: Bilingual = { zh: '断网', en: 'Network down' };
 * ```
 */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/**
 * A named situation within a class, with the actions it adds to the class's own.
 *
 * @example
 * ```ts
 * const s: EmergencySituation = EMERGENCY_PLANS.warehouseOrCourierFailure.situations[4]!;
 * s.id; // 'damaged'
 * ```
 */
export interface EmergencySituation {
  readonly id: string;
  readonly label: Bilingual;
  /** Done before the class's first actions. */
  readonly firstActions: readonly Bilingual[];
}

/**
 * The prepared plan of one SLA-4 class.
 *
 * @example
 * ```ts
 * const plan: EmergencyPlan = EMERGENCY_PLANS.powerOrNetworkLoss;
 * plan.owner; // 'it_admin'
 * ```
 */
export interface EmergencyPlan {
  readonly class: EmergencyClass;
  readonly label: Bilingual;
  /** The team that owns the fix by default (see the escalation matrix). */
  readonly owner: string;
  readonly situations: readonly EmergencySituation[];
  /** What customer service does first, in order. */
  readonly firstActions: readonly Bilingual[];
  readonly rule: 'SLA-4';
}

const t = (zh: string, en: string): Bilingual => ({ zh, en });

function plan(cls: EmergencyClass, label: Bilingual, owner: string, situations: Array<[string, Bilingual, Bilingual[]]>, firstActions: Bilingual[]): EmergencyPlan {
  return Object.freeze({
    class: cls,
    label,
    owner,
    situations: Object.freeze(situations.map(([id, l, actions]) => Object.freeze({ id, label: l, firstActions: Object.freeze(actions) }))),
    firstActions: Object.freeze(firstActions),
    rule: 'SLA-4' as const,
  });
}

/**
 * SLA-4: the prepared plan of each emergency class: its situations and what customer service
 * does first. The wording is kefu's; replace it per shop through the escalation matrix's `plans`.
 *
 * @example
 * ```ts
 * EMERGENCY_PLANS.priceOrSpecError.firstActions[0]?.en; // 'Ask operations to correct or delist the item at once and stop further sales of it'
 * ```
 */
export const EMERGENCY_PLANS: Readonly<Record<EmergencyClass, EmergencyPlan>> = /* @__PURE__ */ Object.freeze({
  platformOutage: plan(
    'platformOutage',
    t('平台系统异常', 'Platform outage'),
    'operations',
    [
      ['paymentCongestion', t('付款通道拥堵', 'Payment congestion'), [t('请买家稍后重试或换一种付款方式，并登记未付款订单', 'Ask buyers to retry later or pay another way, and list the unpaid orders')]],
      ['refundChannelClosed', t('退款通道关闭', 'Refund channel closed'), [t('登记每个退款诉求并承诺恢复后优先处理，不引导站外转账', 'Log each refund request and promise it first when the channel reopens; never move money off the platform')]],
      ['systemDelay', t('系统延迟', 'System lag'), [t('提醒买家订单状态可能延迟显示，勿重复下单', 'Tell buyers that order states may show late and not to order twice')]],
    ],
    [
      t('在平台公告或服务号确认故障，记下开始时间', "Confirm the outage on the platform's notices and note when it began"),
      t('置顶统一说明并更新快捷短语，安抚买家', 'Pin one agreed explanation and update the quick replies to reassure buyers'),
      t('登记受影响的订单，恢复后逐一跟进', 'Keep a list of affected orders and follow each up once service returns'),
    ],
  ),
  powerOrNetworkLoss: plan(
    'powerOrNetworkLoss',
    t('停电断网', 'Power or network loss'),
    'it_admin',
    [
      ['powerCut', t('停电', 'Power cut'), [t('启用不间断电源，把值班客服转到有电的场地或居家', 'Switch to backup power and move the agents on duty to a site with power or home')]],
      ['networkDown', t('断网', 'Network down'), [t('切换备用网络或手机热点，在手机千牛登录', 'Switch to the backup line or phone hotspots and log in on mobile Qianniu')]],
    ],
    [
      t('打开机器人全量接待和延迟回复提示', 'Let the bot take every conversation and show a delayed-reply notice'),
      t('把会话分流给仍在线的客服', 'Route conversations to the agents still online'),
      t('记录中断起止时间，供响应时效申诉和复盘', 'Record when the outage began and ended, for response-time appeals and the review'),
    ],
  ),
  priceOrSpecError: plan(
    'priceOrSpecError',
    t('价格或规格错误', 'Wrong price or specification'),
    'operations',
    [
      ['wrongPrice', t('价格错误', 'Wrong price'), [t('按预先确认的差价方案统一答复，不各自承诺', 'Answer with the price-difference plan agreed in advance; no agent promises on their own')]],
      ['wrongSpecification', t('规格错误', 'Wrong specification'), [t('联系已下单买家确认实际规格，提供换货或退款', 'Contact the buyers who ordered, confirm what they will get, and offer an exchange or a refund')]],
    ],
    [
      t('请运营立即改正或下架商品，停止继续售卖', 'Ask operations to correct or delist the item at once and stop further sales of it'),
      t('统计受影响订单数和金额并上报', 'Count the affected orders and amounts and report them'),
      t('用统一话术回复，记录每位买家的处理结果', 'Reply with one agreed script and record the outcome for each buyer'),
    ],
  ),
  warehouseOrCourierFailure: plan(
    'warehouseOrCourierFailure',
    t('仓储物流异常', 'Warehouse or courier failure'),
    'warehouse_logistics',
    [
      ['massDelay', t('批量延迟发货', 'Mass shipping delay'), [t('在买家询问前主动告知新的发货时间', 'Tell buyers the new shipping date before they ask')]],
      ['shippingSuspended', t('停发', 'Shipping suspended'), [t('暂停受影响地区的承诺时效，给出可选的退款或等待方案', 'Stop promising delivery times for the affected regions and offer a refund or a wait')]],
      ['slowDelivery', t('物流时效慢', 'Slow delivery'), [t('按 SLA-2 跟进超时包裹，记录慢的地区和快递', 'Follow up overdue parcels under SLA-2 and record the slow regions and couriers')]],
      ['wrongOrMissingItems', t('错发漏发', 'Wrong or missing items'), [t('核对发货记录后补发或换货，不让买家再跑一趟', 'Check the packing record, then reship or exchange without another trip for the buyer')]],
      ['damaged', t('破损', 'Damaged'), [t('非买家原因的破损优先补发或折损处理，不要求退回 (RF-3)', 'For damage the buyer did not cause, reship or write off rather than take the item back (RF-3)')]],
      ['lost', t('丢件', 'Lost'), [t('向快递发起丢件理赔，同时给买家补发', 'Open a loss claim with the courier and reship to the buyer meanwhile')]],
    ],
    [
      t('向仓库和快递要受影响订单清单和新的时效', 'Get the list of affected orders and the new timings from the warehouse and the courier'),
      t('更新快捷短语和自动回复，统一口径', 'Update quick replies and auto-replies so that every agent says the same'),
      t('在售后记录表登记每一单 (RF-6)', 'Log every case in the after-sale record (RF-6)'),
    ],
  ),
  brandIncident: plan(
    'brandIncident',
    t('品牌舆情异常', 'Brand or public-opinion incident'),
    'brand_pr',
    [
      ['platformViolation', t('平台违规', 'Platform violation'), [t('保存平台通知，按规则时限提交申诉材料', "Keep the platform's notice and file the appeal within its deadline")]],
      ['regulatorComplaint', t('工商投诉', 'Complaint to the regulator'), [t('整理订单和聊天证据交法务，联系买家协商', 'Hand the order and chat evidence to legal and contact the buyer to settle')]],
      ['mediaIncident', t('自媒体负面', 'Negative media story'), [t('截图存证并持续监测传播情况', 'Take screenshots as evidence and keep watching how it spreads')]],
    ],
    [
      t('客服不自行公开回应，相关咨询统一使用批准的口径', 'Agents make no public statement of their own; related questions get the one approved holding answer'),
      t('收集证据 (截图、链接、订单号、时间) 交品牌公关', 'Collect evidence (screenshots, links, order numbers, times) for brand and PR'),
      t('每小时汇报评价、平台小二和站外渠道的相关数量', 'Report every hour how many related reviews, platform-staff contacts and outside posts there are'),
    ],
  ),
});

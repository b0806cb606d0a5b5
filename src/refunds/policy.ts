// Platform and legal numbers used around refunds, each with its source. The taxonomy holds no
// numbers: they change by platform, campaign and year, and live here.

/**
 * A number (or rule) with where it comes from and whether that source is primary.
 *
 * @example
 * ```ts
 * const window: Sourced<number> = { value: 7, source: 'SAMR Order 31 (2020), art. 10', verified: true };
 * ```
 */
export interface Sourced<T> {
  readonly value: T;
  /** Where the value comes from. */
  readonly source: string;
  /** True when read in the rule text itself (or an authentic copy of it); false for secondary reports. */
  readonly verified: boolean;
  /** How to read the value. */
  readonly note?: string;
}

/**
 * The refund numbers kefu knows, with their sources. Values that differ by platform or campaign
 * and could not be confirmed are `null`: set them from your platform's current rules.
 *
 * @example
 * ```ts
 * const policy: RefundPolicy = REFUND_POLICY;
 * ```
 */
export interface RefundPolicy {
  /** Days of the no-reason return for distance selling, counted from the day after signing. */
  readonly sevenDayReturnDays: Sourced<number>;
  /** Days within which the seller refunds once the returned goods arrive. */
  readonly refundAfterReturnDays: Sourced<number>;
  /** Who pays return shipping for a no-reason return by default. */
  readonly noReasonReturnShippingPayer: Sourced<'buyer'>;
  /** Who pays transport for a return, exchange or repair over a quality problem. */
  readonly qualityReturnShippingPayer: Sourced<'seller'>;
  /** Three guarantees (三包): days from the sale for return/exchange/repair, then exchange/repair. */
  readonly threeGuaranteesDays: Sourced<{ readonly returnExchangeRepair: number; readonly exchangeRepair: number }>;
  /** Punitive compensation for fraud: multiple of the price and the floor in yuan. */
  readonly fraudCompensation: Sourced<{ readonly multiple: number; readonly minimumYuan: number }>;
  /** Compensation for a misleading listing on JD: share of the paid amount and the cap in yuan. */
  readonly jdMisleadingListingCompensation: Sourced<{ readonly share: number; readonly capYuan: number }>;
  /** Price-protection window in days: platform and campaign specific. */
  readonly priceProtectionDays: Sourced<number | null>;
  /** Late-shipment compensation (share of the order, floor, cap): platform specific. */
  readonly lateShipmentCompensation: Sourced<{ readonly share: number; readonly minimum: number; readonly cap: number } | null>;
  /** RF-4: the default compensation ladder per role, in currency units. */
  readonly compensationLadder: Sourced<ReadonlyArray<{ readonly role: string; readonly limit: number }>>;
  /** SLA-2: days after shipping after which an undelivered parcel is followed up with the carrier. */
  readonly undeliveredFollowUpDays: Sourced<number>;
}

/**
 * The default {@link RefundPolicy}: Chinese law for distance selling, the RF-4 ladder and the
 * SLA-2 follow-up from the domain rules, and `null` where the number belongs to a platform or a
 * campaign.
 *
 * @example
 * ```ts
 * REFUND_POLICY.sevenDayReturnDays.value; // 7
 * REFUND_POLICY.priceProtectionDays.value; // null: set it from your platform's current rule
 * ```
 */
export const REFUND_POLICY: RefundPolicy = /* @__PURE__ */ Object.freeze<RefundPolicy>({
  sevenDayReturnDays: {
    value: 7,
    source: 'Consumer Rights Protection Law (2013) art. 25; SAMR Order 31 (2020) amending SAIC Order 90, art. 10',
    verified: true,
    note: 'Counted from the day after the goods are signed for. Excluded by law: custom-made, fresh or perishable, downloaded or unsealed digital goods, delivered newspapers; others only when the buyer confirmed at purchase.',
  },
  refundAfterReturnDays: { value: 7, source: 'SAMR Order 31 (2020), art. 13', verified: true },
  noReasonReturnShippingPayer: {
    value: 'buyer' as const,
    source: 'Consumer Rights Protection Law art. 25; SAMR Order 31 art. 18; Taobao dispute rules art. 53',
    verified: true,
    note: 'Unless agreed otherwise. Taobao: free-shipping orders, the buyer pays only the return leg.',
  },
  qualityReturnShippingPayer: { value: 'seller' as const, source: 'Consumer Rights Protection Law art. 24', verified: true },
  threeGuaranteesDays: {
    value: { returnExchangeRepair: 7, exchangeRepair: 15 },
    source: '部分商品修理更换退货责任规定 (three-guarantees rule); JD category standard (2026-06-15)',
    verified: false,
    note: 'Applies to listed product categories only; warranty periods differ by category.',
  },
  fraudCompensation: { value: { multiple: 3, minimumYuan: 500 }, source: 'Consumer Rights Protection Law art. 55', verified: true },
  jdMisleadingListingCompensation: { value: { share: 0.1, capYuan: 200 }, source: 'JD 商品类问题纠纷处理标准 (2026-06-15), copy of the official text', verified: false },
  priceProtectionDays: {
    value: null,
    source: 'Taobao/Tmall 价保 and JD 商品价格保护规则 exist; their windows vary by platform and campaign and were not confirmed',
    verified: false,
  },
  lateShipmentCompensation: {
    value: null,
    source: 'Platform specific (Taobao/Tmall, JD 发货管理规则, Douyin); the figures reported in seller forums were not confirmed',
    verified: false,
  },
  compensationLadder: {
    value: [
      { role: 'agent', limit: 20 },
      { role: 'supervisor', limit: 50 },
      { role: 'manager', limit: 100 },
    ],
    source: 'DOMAIN RF-4 (seed 004): a common shop practice, not a platform rule',
    verified: true,
  },
  undeliveredFollowUpDays: { value: 7, source: 'DOMAIN SLA-2 (seed 001)', verified: true },
});

import * as z from 'zod/mini';
import { invalid } from '../core/errors.ts';
import { Dec, MoneyInputSchema, toDecimal } from '../core/money.ts';
import { parseInput } from '../core/validate.ts';

/** A share in (0, 1]. */
const share = /* @__PURE__ */ z.number().check(z.gt(0), z.lte(1));

/**
 * Input of {@link receptionsFromFunnel}: the sales target as buyers, or as money with the
 * average order value (HC-3), and the funnel's two shares.
 *
 * @example
 * ```ts
 * const input: ReceptionsFromFunnelInput = { buyers: 10_000, csShare: 0.4, inquiryConversion: 0.25 };
 * ```
 */
export const ReceptionsFromFunnelInput = /* @__PURE__ */ z.strictObject({
  /** Paying buyers the shop targets. Give this, or `salesTarget` with `averageOrderValue`. */
  buyers: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** Sales target in money (number or decimal string, e.g. `"3000000.00"`). */
  salesTarget: z.optional(MoneyInputSchema),
  /** Average order value 客单价 = sales ÷ paying buyers, in the same currency. */
  averageOrderValue: z.optional(MoneyInputSchema),
  /** Share of buyers whose purchase goes through customer service (HC-2: about 0.4 on Double 11). */
  csShare: z._default(share, 0.4),
  /** Inquiry conversion 询单转化率: paying buyers ÷ buyers who consulted. */
  inquiryConversion: share,
  /** Share of receptions the bot and self-service take (HC-4). */
  botShare: z._default(z.number().check(z.gte(0), z.lt(1)), 0),
});
/** @inheritDoc ReceptionsFromFunnelInput */
export type ReceptionsFromFunnelInput = z.input<typeof ReceptionsFromFunnelInput>;

/**
 * The funnel's answer: how many conversations customer service must receive.
 *
 * @example
 * ```ts
 * const funnel: ReceptionsFromFunnelResult = receptionsFromFunnel({ buyers: 10_000, inquiryConversion: 0.25 });
 * ```
 */
export interface ReceptionsFromFunnelResult {
  /** Paying buyers targeted (from money: the whole number of buyers that reaches the target). */
  readonly buyers: number;
  /** Buyers whose purchase must come through customer service: buyers × csShare (may be fractional). */
  readonly csBuyers: number;
  /** Receptions needed: ceil(csBuyers ÷ inquiryConversion). */
  readonly receptions: number;
  /** Receptions the bot and self-service take. */
  readonly botReceptions: number;
  /** Receptions for human agents: ceil(receptions × (1 − botShare)), so staffing never rounds down. */
  readonly humanReceptions: number;
}

/**
 * HC-1: receptions customer service must handle to deliver a sales target. Buyers who must buy
 * through CS are buyers × csShare; since only `inquiryConversion` of those consulted go on to
 * pay, CS must receive csBuyers ÷ inquiryConversion conversations. The seed article writes this
 * step as a multiplication; a conversion rate below 1 must enlarge the count, so it is a
 * division. Computed in exact decimals: 7 × 0.3 ÷ 0.7 is 3, where floating point gives
 * 3.0000000000000004 and its ceiling 4.
 *
 * @example
 * {@includeCode ../../examples/headcount.example.ts#funnel}
 */
export function receptionsFromFunnel(input: ReceptionsFromFunnelInput): ReceptionsFromFunnelResult {
  const v = parseInput(ReceptionsFromFunnelInput, input, 'receptionsFromFunnel');
  const buyers = buyersOf(v);
  const csBuyers = new Dec(buyers).times(toDecimal(v.csShare, 'csShare'));
  const receptions = csBuyers.div(toDecimal(v.inquiryConversion, 'inquiryConversion')).ceil();
  const humanReceptions = receptions.times(new Dec(1).minus(toDecimal(v.botShare, 'botShare'))).ceil();
  return {
    buyers,
    csBuyers: csBuyers.toNumber(),
    receptions: receptions.toNumber(),
    botReceptions: receptions.minus(humanReceptions).toNumber(),
    humanReceptions: humanReceptions.toNumber(),
  };
}

/** Buyers given directly, or the fewest whole buyers whose orders reach the money target (HC-3). */
function buyersOf(v: z.output<typeof ReceptionsFromFunnelInput>): number {
  const fromMoney = v.salesTarget !== undefined || v.averageOrderValue !== undefined;
  if (v.buyers !== undefined && fromMoney) {
    invalid('buyers', 'expected either buyers or salesTarget with averageOrderValue, received both', 'receptionsFromFunnel');
  }
  if (v.buyers !== undefined) return v.buyers;
  if (v.salesTarget === undefined) invalid('salesTarget', 'expected buyers, or salesTarget with averageOrderValue, received neither', 'receptionsFromFunnel');
  if (v.averageOrderValue === undefined) invalid('averageOrderValue', 'expected the average order value that converts the sales target into buyers, received nothing', 'receptionsFromFunnel');
  const target = toDecimal(v.salesTarget, 'salesTarget');
  const aov = toDecimal(v.averageOrderValue, 'averageOrderValue');
  if (target.isNegative()) invalid('salesTarget', `expected an amount >= 0, received ${target.toString()}`, 'receptionsFromFunnel');
  if (!aov.isPositive() || aov.isZero()) invalid('averageOrderValue', `expected an amount > 0, received ${aov.toString()}`, 'receptionsFromFunnel');
  const buyers = target.div(aov).ceil();
  if (buyers.gt(Number.MAX_SAFE_INTEGER)) invalid('salesTarget', 'expected a target whose buyer count fits a safe integer', 'receptionsFromFunnel');
  return buyers.toNumber();
}

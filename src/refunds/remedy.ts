import * as z from 'zod/mini';
import { invalid } from '../core/errors.ts';
import { MoneyInputSchema, toDecimal } from '../core/money.ts';
import { parseInput } from '../core/validate.ts';
import { RISK_FLAGS } from './lexicon.ts';
import { ORDER_STATES, REASON_CODES, REFUND_REASONS, type Evidence, type ReasonCode, type Remedy, type ShippingPayer } from './taxonomy.ts';

/**
 * What the agent knows about the case, for {@link adviseRemedy}. Every field is optional; without
 * values the advice follows the taxonomy's defaults.
 *
 * @example
 * ```ts
 * const context: RemedyContext = { itemValue: 19.9, returnShippingCost: 12, handlingCost: 5, trustedBuyer: true, returnTracking: 'in_transit' };
 * ```
 */
export const RemedyContext = /* @__PURE__ */ z.strictObject({
  /** What the goods are worth to the shop (cost or resale value). */
  itemValue: z.optional(MoneyInputSchema),
  /** What taking them back costs in shipping. */
  returnShippingCost: z.optional(MoneyInputSchema),
  /** What receiving, checking and storing a return costs (default 0). */
  handlingCost: z.optional(MoneyInputSchema),
  /** The buyer has a good record with the shop (RF-5). */
  trustedBuyer: z.optional(z.boolean()),
  /** Where the return parcel is: not sent, on its way, or delivered to the shop (RF-5). */
  returnTracking: z.optional(z.enum(['none', 'in_transit', 'delivered'])),
  /** Where the order stands. */
  orderState: z.optional(z.enum(ORDER_STATES)),
  /** Risk flags from the classification (a swap or a used item stops an early refund). */
  riskFlags: z.optional(z.readonly(z.array(z.enum(RISK_FLAGS)))),
});
/** @inheritDoc RemedyContext */
export type RemedyContext = z.input<typeof RemedyContext>;

const Input = /* @__PURE__ */ z.strictObject({ code: z.enum(REASON_CODES), context: z._default(RemedyContext, {}) });

/**
 * The advice of {@link adviseRemedy}.
 *
 * @example
 * ```ts
 * const advice: RemedyAdvice = adviseRemedy('DAMAGED_IN_TRANSIT');
 * advice.takeBack; // false (RF-3)
 * ```
 */
export interface RemedyAdvice {
  readonly code: ReasonCode;
  /** The remedy to offer first. */
  readonly remedy: Remedy;
  readonly defaultRemedy: Remedy;
  readonly alternatives: readonly Remedy[];
  /** Whether the goods should come back to the shop. */
  readonly takeBack: boolean;
  readonly returnShippingPayer: ShippingPayer;
  readonly evidence: readonly Evidence[];
  /** RF-5: refund before the return arrives. */
  readonly earlyRefund: { readonly advised: boolean; readonly reason: string };
  /** The rules that shaped the advice. */
  readonly rules: readonly string[];
  readonly message: string;
}

/** RF-3: damage or loss the buyer did not cause, where one contact and a reship (or a write-off) beats a return. */
const NOT_BUYER_CAUSED_DAMAGE = new Set<ReasonCode>(['DAMAGED_IN_TRANSIT', 'MISSING_ITEM', 'EMPTY_PACKAGE', 'LOST_PARCEL', 'EXPIRED_OR_SPOILED', 'WRONG_ITEM', 'QUALITY_DEFECT']);
/** Nothing (usable) to take back: missing, empty, lost, spoiled. */
const NOTHING_TO_TAKE_BACK = new Set<ReasonCode>(['MISSING_ITEM', 'EMPTY_PACKAGE', 'LOST_PARCEL', 'EXPIRED_OR_SPOILED']);

/**
 * RF-3 and RF-5: how to settle a case of `code`. RF-3: when the buyer did not cause the damage
 * (transit damage, missing or wrong items, an empty or lost parcel, spoiled goods, defects), the
 * goods stay with the buyer if there is nothing usable to take back, or if taking them back costs
 * at least what they are worth (return shipping plus handling ≥ item value): reship or write
 * off instead, which saves handling and storage and settles the case in one contact. Transit
 * damage is reshipped without a return by default. RF-5: when the goods do come back, refund as
 * soon as the return parcel is on its way, for a trusted buyer, unless the case is suspected abuse
 * or the text raised a swap or used-item risk.
 *
 * @example
 * {@includeCode ../../examples/refunds.example.ts#remedy}
 */
export function adviseRemedy(code: ReasonCode, context?: RemedyContext): RemedyAdvice {
  const v = parseInput(Input, { code, ...(context === undefined ? {} : { context }) }, 'adviseRemedy');
  const c = v.code;
  const ctx = v.context;
  for (const field of ['itemValue', 'returnShippingCost', 'handlingCost'] as const) {
    const value = ctx[field];
    if (value !== undefined && toDecimal(value, `context.${field}`).isNegative()) invalid(`context.${field}`, `expected an amount >= 0, received ${String(value)}`, 'adviseRemedy');
  }
  const reason = REFUND_REASONS[c];
  const rules: string[] = [];
  let remedy = reason.defaultRemedy;
  let takeBack = remedy === 'return_refund' || remedy === 'exchange';
  let why = `default for ${c}`;

  if (NOT_BUYER_CAUSED_DAMAGE.has(c)) {
    const value = ctx.itemValue === undefined ? undefined : toDecimal(ctx.itemValue, 'context.itemValue');
    const cost = ctx.returnShippingCost === undefined ? undefined : toDecimal(ctx.returnShippingCost, 'context.returnShippingCost').plus(toDecimal(ctx.handlingCost ?? 0, 'context.handlingCost'));
    const notWorthIt = value !== undefined && cost !== undefined && cost.gte(value);
    if (NOTHING_TO_TAKE_BACK.has(c)) {
      takeBack = false;
      remedy = c === 'EXPIRED_OR_SPOILED' ? 'refund_only' : 'reship';
      why = 'nothing usable to take back';
      rules.push('RF-3');
    } else if (c === 'DAMAGED_IN_TRANSIT') {
      takeBack = false;
      remedy = 'reship';
      why = 'transit damage: reship on photo evidence, no return';
      rules.push('RF-3');
    } else if (notWorthIt) {
      takeBack = false;
      remedy = c === 'WRONG_ITEM' ? 'reship' : 'write_off';
      why = 'taking the goods back costs at least what they are worth';
      rules.push('RF-3');
    }
  }

  const riskStops = (ctx.riskFlags ?? []).filter((f) => f === 'swap' || f === 'used_item');
  let earlyRefund: RemedyAdvice['earlyRefund'];
  const refundsMoney = remedy === 'return_refund';
  if (!takeBack || !refundsMoney) earlyRefund = { advised: false, reason: takeBack ? 'the remedy is not a refund against a return' : 'no return to wait for' };
  else if (c === 'SUSPECTED_ABUSE' || riskStops.length > 0) earlyRefund = { advised: false, reason: c === 'SUSPECTED_ABUSE' ? 'suspected abuse: inspect the return first' : `risk raised (${riskStops.join(', ')}): inspect the return first` };
  else if (ctx.trustedBuyer !== true) earlyRefund = { advised: false, reason: 'early refunds are for trusted buyers' };
  else if (ctx.returnTracking === 'in_transit' || ctx.returnTracking === 'delivered') {
    earlyRefund = { advised: true, reason: 'trusted buyer and the return is on its way' };
    rules.push('RF-5');
  } else earlyRefund = { advised: false, reason: 'wait until the return parcel has tracking' };

  return {
    code: c,
    remedy,
    defaultRemedy: reason.defaultRemedy,
    alternatives: reason.alternativeRemedies.filter((r) => r !== remedy),
    takeBack,
    returnShippingPayer: takeBack ? reason.returnShippingPayer : 'none',
    evidence: reason.evidence,
    earlyRefund,
    rules,
    message: `${c}: ${remedy.replace('_', ' ')}${takeBack ? ', goods come back' : ', goods stay with the buyer'} (${why})${earlyRefund.advised ? '; refund now, the return is on its way' : ''}.`,
  };
}

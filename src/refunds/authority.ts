import * as z from 'zod/mini';
import { invalid } from '../core/errors.ts';
import { formatMoney, MoneyInputSchema, toDecimal } from '../core/money.ts';
import { parseInput } from '../core/validate.ts';

const role = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100));

/**
 * RF-4: who may grant how much compensation. `ladder` lists the roles from the lowest to the
 * highest with the most each may grant on their own (`null`: no limit); `waiveWholeOrder` lets
 * every role waive the whole order (免单), as some shops do.
 *
 * @example
 * ```ts
 * const policy: AuthorityPolicy = { ladder: [{ role: 'agent', limit: 30 }, { role: 'lead', limit: null }] };
 * ```
 */
export const AuthorityPolicy = /* @__PURE__ */ z.strictObject({
  /** Roles from the lowest to the highest, limits strictly increasing (default agent 20, supervisor 50, manager 100). */
  ladder: z._default(
    z.readonly(z.array(z.strictObject({ role, limit: z.nullable(MoneyInputSchema) })).check(z.minLength(1), z.maxLength(20))),
    [
      { role: 'agent', limit: 20 },
      { role: 'supervisor', limit: 50 },
      { role: 'manager', limit: 100 },
    ],
  ),
  /** Every role may waive the whole order amount (default false). */
  waiveWholeOrder: z._default(z.boolean(), false),
});
/** @inheritDoc AuthorityPolicy */
export type AuthorityPolicy = z.input<typeof AuthorityPolicy>;

/**
 * What the shop knows about the order, for the whole-order waiver.
 *
 * @example
 * ```ts
 * const context: AuthorityContext = { orderAmount: '199.00' };
 * ```
 */
export const AuthorityContext = /* @__PURE__ */ z.strictObject({
  /** The amount the buyer paid for the order. */
  orderAmount: z.optional(MoneyInputSchema),
});
/** @inheritDoc AuthorityContext */
export type AuthorityContext = z.input<typeof AuthorityContext>;

const Input = /* @__PURE__ */ z.strictObject({
  amount: MoneyInputSchema,
  role: z.string(),
  policy: z._default(AuthorityPolicy, { ladder: [{ role: 'agent', limit: 20 }, { role: 'supervisor', limit: 50 }, { role: 'manager', limit: 100 }], waiveWholeOrder: false }),
  context: z._default(AuthorityContext, {}),
});

/**
 * Why a compensation is allowed or not: within the role's limit, within the whole-order waiver,
 * to be escalated to a higher role, or beyond every role of the ladder.
 *
 * @example
 * ```ts
 * const reason: AuthorityReason = 'ESCALATE';
 * ```
 */
export type AuthorityReason = 'WITHIN_AUTHORITY' | 'WHOLE_ORDER_WAIVER' | 'ESCALATE' | 'BEYOND_LADDER';

/**
 * The answer of {@link compensationAuthority}.
 *
 * @example
 * ```ts
 * const a: CompensationAuthority = compensationAuthority(35, 'agent');
 * a.escalateTo; // 'supervisor'
 * ```
 */
export interface CompensationAuthority {
  readonly allowed: boolean;
  readonly reason: AuthorityReason;
  /** The amount asked, two decimals. */
  readonly amount: string;
  readonly role: string;
  /** The role's own limit, two decimals, or null when it has none. */
  readonly limit: string | null;
  /** The lowest role that may grant the amount, when `role` may not; null when allowed or when nobody on the ladder may. */
  readonly escalateTo: string | null;
  readonly rule: 'RF-4';
  readonly message: string;
}

/**
 * RF-4: may `role` grant a compensation of `amount` on its own? Beyond its limit the answer names
 * the lowest role whose limit covers the amount (escalate), or says that no role on the ladder
 * may (`BEYOND_LADDER`: the shop owner or the platform decides). With `waiveWholeOrder`, any
 * role may grant up to the order amount (`context.orderAmount`).
 *
 * Throws `INVALID_INPUT` for a negative or malformed amount, a role not on the ladder, limits
 * that do not increase, or a waiver policy without the order amount when it is needed.
 *
 * @example
 * {@includeCode ../../examples/refunds.example.ts#authority}
 */
export function compensationAuthority(amount: number | string, role: string, policy?: AuthorityPolicy, context?: AuthorityContext): CompensationAuthority {
  const v = parseInput(Input, { amount, role, ...(policy === undefined ? {} : { policy }), ...(context === undefined ? {} : { context }) }, 'compensationAuthority');
  const p = v.policy;
  const ctx = v.context;
  const asked = toDecimal(v.amount, 'amount');
  if (asked.isNegative()) invalid('amount', `expected an amount >= 0, received ${asked.toString()}`, 'compensationAuthority');
  p.ladder.forEach((step, i) => {
    if (p.ladder.findIndex((other) => other.role === step.role) !== i) invalid(`policy.ladder.${i}.role`, `expected each role once, received ${JSON.stringify(step.role)} again`, 'compensationAuthority');
  });
  const limits = p.ladder.map((step, i) => (step.limit === null ? null : toDecimal(step.limit, `policy.ladder.${i}.limit`)));
  limits.forEach((limit, i) => {
    const previous = limits[i - 1];
    if (i === 0) return;
    if (previous === null) invalid(`policy.ladder.${i}`, 'expected no role above a role without a limit', 'compensationAuthority');
    if (limit !== null && previous !== undefined && !limit.gt(previous)) invalid(`policy.ladder.${i}.limit`, `expected a limit above the previous role's ${previous.toFixed(2)}`, 'compensationAuthority');
  });
  const index = p.ladder.findIndex((step) => step.role === role);
  if (index < 0) invalid('role', `expected one of ${p.ladder.map((s) => JSON.stringify(s.role)).join(', ')}, received ${JSON.stringify(role)}`, 'compensationAuthority');
  const limit = limits[index] ?? null;
  const base = { amount: formatMoney(asked), role, limit: limit === null ? null : formatMoney(limit), rule: 'RF-4' as const };
  if (limit === null || asked.lte(limit)) {
    return { ...base, allowed: true, reason: 'WITHIN_AUTHORITY', escalateTo: null, message: `${role} may grant ${base.amount}${limit === null ? ' (no limit)' : ` (limit ${base.limit})`}.` };
  }
  if (p.waiveWholeOrder) {
    if (ctx.orderAmount === undefined) invalid('context.orderAmount', 'expected the order amount: the policy lets every role waive the whole order', 'compensationAuthority');
    const order = toDecimal(ctx.orderAmount, 'context.orderAmount');
    if (asked.lte(order)) {
      return { ...base, allowed: true, reason: 'WHOLE_ORDER_WAIVER', escalateTo: null, message: `${role} may waive up to the whole order (${formatMoney(order)}): ${base.amount} is within it.` };
    }
  }
  const higher = limits.findIndex((l, i) => i > index && (l === null || asked.lte(l)));
  if (higher < 0) {
    return { ...base, allowed: false, reason: 'BEYOND_LADDER', escalateTo: null, message: `${base.amount} is above every limit on the ladder: the shop owner or the platform decides.` };
  }
  const to = (p.ladder[higher] as { role: string }).role;
  return { ...base, allowed: false, reason: 'ESCALATE', escalateTo: to, message: `${base.amount} is above ${role}'s limit of ${base.limit}: escalate to ${to}.` };
}

import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { MoneyInputSchema, ROUNDING_MODES, roundToUnit, toDecimal, toPlainDecimal } from '../core/money.ts';
import { addDays, daysBetween, LocalDateSchema } from '../core/time.ts';
import { describe, parseInput } from '../core/validate.ts';
import { allocateExact } from './allocate.ts';
import { decimalText, formatScaled, pow10, ZERO } from './exact.ts';

const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
const weight = /* @__PURE__ */ z.custom<number | string>(
  (value) => (typeof value === 'number' ? Number.isFinite(value) && value >= 0 : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)),
  { error: 'expected a weight >= 0 as a number or a decimal string' },
);
const byDate = /* @__PURE__ */ z.record(z.string(), weight);

/**
 * Input of {@link cascadeTargets}: the total, the period, the shops, the days' weights and the
 * agents with their scheduled hours.
 *
 * @example
 * ```ts
 * const input: CascadeTargetsInput = {
 *   total: 3_000_000,
 *   period: { start: '2026-11-01', end: '2026-11-30' },
 *   shops: [{ shopId: 'flagship' }, { shopId: 'outlet', weight: 0.5 }],
 *   dayWeights: { '2026-11-11': 5 },
 *   agents: [{ agentId: 'wang' }, { agentId: 'li', hours: 4 }],
 * };
 * ```
 */
export const CascadeTargetsInput = /* @__PURE__ */ z.strictObject({
  /** The target to split (money, >= 0). */
  total: MoneyInputSchema,
  /** The days the total covers, `end` included (at most 366 days). */
  period: z.strictObject({
    /** First day. */
    start: LocalDateSchema,
    /** Last day (included). */
    end: LocalDateSchema,
  }),
  /** Shops and their weights (default 1 each; last year's sales, or a share of the plan). */
  shops: z.readonly(
    z
      .array(
        z.strictObject({
          /** The shop. */
          shopId: id,
          /** Share of the total (default 1). */
          weight: z._default(weight, 1),
          /** This shop's own day weights, replacing `dayWeights` for it. */
          dayWeights: z.optional(byDate),
        }),
      )
      .check(z.minLength(1), z.maxLength(1000)),
  ),
  /** Weight of each day (default 1; a promo day heavier, e.g. `{ '2026-11-11': 5 }`). Days not listed weigh 1. */
  dayWeights: z._default(byDate, {}),
  /** Agents: the shop they serve (default every shop) and their scheduled hours, the weight of their share of a day. */
  agents: z.readonly(
    z
      .array(
        z.strictObject({
          /** The agent. */
          agentId: id,
          /** The shop served; omit for an agent who serves every shop. */
          shopId: z.optional(id),
          /** Scheduled hours: one figure for every day, or hours by date (dates not listed: 0, off duty). Default 1 every day. */
          hours: z._default(z.union([weight, byDate]), 1),
        }),
      )
      .check(z.minLength(1), z.maxLength(100_000)),
  ),
  /** Every target is a multiple of this (default `'0.01'`; `'1'` for whole yuan, `'100'` for round hundreds). */
  unit: z._default(z.string().check(z.regex(/^\d+(\.\d+)?$/, 'expected a positive unit such as "0.01" or "1"')), '0.01'),
  /** KPI-5: challenge target = total × this factor (>= 1), cascaded the same way. */
  challengeFactor: z.optional(MoneyInputSchema),
  /** Rounding of the challenge total to the unit (default `halfUp`). */
  rounding: z._default(z.enum(ROUNDING_MODES), 'halfUp'),
});
/** @inheritDoc CascadeTargetsInput */
export type CascadeTargetsInput = z.input<typeof CascadeTargetsInput>;

/**
 * One agent's target on one shop-day.
 *
 * @example
 * ```ts
 * const t: AgentDayTarget = { agentId: 'wang', target: '1000.00' };
 * ```
 */
export interface AgentDayTarget {
  readonly agentId: string;
  readonly target: string;
  /** KPI-5 challenge target, when `challengeFactor` is given. */
  readonly challenge?: string;
}

/**
 * One shop-day: its target and its agents' targets (agents off duty that day are not listed).
 *
 * @example
 * ```ts
 * const d: DayTarget = { date: '2026-11-01', target: '10000.00', agents: [] };
 * ```
 */
export interface DayTarget {
  readonly date: string;
  readonly target: string;
  readonly challenge?: string;
  readonly agents: readonly AgentDayTarget[];
}

/**
 * One shop: its target for the period and its days.
 *
 * @example
 * ```ts
 * const s: ShopTarget = cascadeTargets(input).shops[0]!;
 * ```
 */
export interface ShopTarget {
  readonly shopId: string;
  readonly target: string;
  readonly challenge?: string;
  readonly days: readonly DayTarget[];
}

/**
 * One agent's target over the whole period, all shops and days together.
 *
 * @example
 * ```ts
 * const a: AgentTarget = { agentId: 'wang', target: '30000.00', days: 30 };
 * ```
 */
export interface AgentTarget {
  readonly agentId: string;
  readonly target: string;
  readonly challenge?: string;
  /** Shop-days with a share (scheduled hours > 0). */
  readonly days: number;
}

/**
 * The cascade: totals, shops → days → agents, and each agent's sum.
 *
 * @example
 * ```ts
 * const result: CascadeTargetsResult = cascadeTargets(input);
 * ```
 */
export interface CascadeTargetsResult {
  readonly total: string;
  /** KPI-5: total × challengeFactor, rounded to the unit. */
  readonly challengeTotal?: string;
  readonly shops: readonly ShopTarget[];
  /** Agents by id. */
  readonly agents: readonly AgentTarget[];
}

type Parsed = z.output<typeof CascadeTargetsInput>;

interface Tree {
  readonly shops: Array<{ shopId: string; target: string; days: Array<{ date: string; target: string; agents: Array<[string, string]> }> }>;
}

/** One cascade of `total`: shop → day → agent, each level an exact largest-remainder split. */
function cascadeOnce(v: Parsed, total: string, dates: readonly string[], issues: KefuIssue[]): Tree {
  const shopShares = allocateExact(total, v.shops.map((s): [string, number | string] => [s.shopId, s.weight]), v.unit, 'cascadeTargets', 'shops');
  const shops = v.shops.map((shop, s) => {
    const shopTarget = (shopShares[s] as [string, string])[1];
    const weights = shop.dayWeights ?? v.dayWeights;
    const dayShares = allocateExact(shopTarget, dates.map((date): [string, number | string] => [date, weights[date] ?? 1]), v.unit, 'cascadeTargets', 'dayWeights');
    const days = dates.map((date, d) => {
      const dayTarget = (dayShares[d] as [string, string])[1];
      const team = v.agents
        .filter((a) => a.shopId === undefined || a.shopId === shop.shopId)
        .map((a): [string, number | string] => [a.agentId, typeof a.hours === 'object' ? (a.hours[date] ?? 0) : a.hours])
        .filter(([, w]) => isPositive(w));
      if (team.length === 0) {
        if (isPositive(dayTarget)) {
          issues.push({
            path: 'agents',
            message: `expected an agent scheduled for shop ${describe(shop.shopId)} on ${date}, which has a target of ${dayTarget}; give that day a weight of 0 if the shop is closed`,
          });
        }
        return { date, target: dayTarget, agents: [] };
      }
      // Equal remainders go to the agent first in a rotation of the ids that advances one place a
      // day, so the odd fen of a tie does not land on the same agent every day of the month.
      // (Agents stay in input order; the rotation follows their ids' code-unit order.)
      const n = team.length;
      const position = new Map(team.map(([agentId]) => agentId).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((agentId, p) => [agentId, p]));
      const keyed = team.map(([agentId, w]): [string, number | string] => [String(((((position.get(agentId) ?? 0) - d) % n) + n) % n).padStart(6, '0'), w]);
      const shares = allocateExact(dayTarget, keyed, v.unit, 'cascadeTargets', 'agents');
      return { date, target: dayTarget, agents: team.map(([agentId], p): [string, string] => [agentId, (shares[p] as [string, string])[1]]) };
    });
    return { shopId: shop.shopId, target: shopTarget, days };
  });
  return { shops };
}

/**
 * KPI-4: cascades a target from the period to shops, days and agents, exactly. The order is
 * fixed, shop → day → agent, with a largest-remainder split at every level ({@link allocate}),
 * so every level sums exactly to the level above and every target is a multiple of `unit`.
 *
 * Weights carry the plan: shops by their share, days by their expected weight (a promo day
 * heavier, so that targets follow the season and stay reachable), agents by their scheduled
 * hours that day (an agent off duty gets nothing that day). The seeds' example: 3,000,000 a
 * month over 10 shops and 30 days is exactly 10,000 per shop-day, and with 10 agents on duty,
 * 1,000 per agent.
 *
 * With `challengeFactor` (KPI-5) a second cascade of total × factor gives every shop, day and
 * agent a challenge target beside the base one; each cascade sums exactly on its own.
 *
 * Throws `INVALID_INPUT` naming the field: `total` (negative, or not a multiple of the unit),
 * `period.end`, `dayWeights.<date>` or `agents.<i>.hours.<date>` (a date outside the period),
 * `agents.<i>.shopId` (unknown shop), `agents.<i>.agentId` (listed twice for a shop), `shops.<i>`
 * or `dayWeights` (weights that sum to 0), and `agents` when a shop-day with a target has nobody
 * scheduled.
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#cascade}
 */
export function cascadeTargets(input: CascadeTargetsInput): CascadeTargetsResult {
  const v = parseInput(CascadeTargetsInput, input, 'cascadeTargets');
  const issues: KefuIssue[] = [];
  const totalD = toDecimal(v.total, 'total');
  if (totalD.isNegative() && !totalD.isZero()) issues.push({ path: 'total', message: `expected a target >= 0, received ${describe(v.total)}` });
  const unitD = toDecimal(v.unit, 'unit');
  if (!unitD.isPositive() || unitD.isZero()) issues.push({ path: 'unit', message: `expected a positive unit such as "0.01", received ${describe(v.unit)}` });
  const span = daysBetween(v.period.start, v.period.end);
  if (span < 0) issues.push({ path: 'period.end', message: `expected a last day on or after ${v.period.start}, received ${describe(v.period.end)}` });
  if (span >= 366) issues.push({ path: 'period.end', message: `expected at most 366 days, received ${span + 1}` });
  if (unitD.isPositive() && !unitD.isZero() && !totalD.mod(unitD).isZero()) {
    issues.push({ path: 'total', message: `expected a multiple of the unit ${v.unit}, received ${describe(v.total)}` });
  }
  if (!v.shops.some((s) => isPositive(s.weight))) {
    v.shops.forEach((_, i) => issues.push({ path: `shops.${i}.weight`, message: 'expected shop weights with a positive sum, received only zero weights' }));
  }
  if (v.challengeFactor !== undefined && toDecimal(v.challengeFactor, 'challengeFactor').lt(1)) {
    issues.push({ path: 'challengeFactor', message: `expected a factor >= 1 (a challenge is at least the base target), received ${describe(v.challengeFactor)}` });
  }
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'cascadeTargets');

  const dates = Array.from({ length: span + 1 }, (_, d) => addDays(v.period.start, d));
  const inPeriod = new Set(dates);
  const checkDates = (weights: Readonly<Record<string, unknown>> | undefined, path: string): void => {
    for (const date of Object.keys(weights ?? {})) {
      if (!LocalDateSchema.safeParse(date).success) issues.push({ path: `${path}.${date}`, message: `expected a calendar date YYYY-MM-DD as the key, received ${describe(date)}` });
      else if (!inPeriod.has(date)) issues.push({ path: `${path}.${date}`, message: `expected a date from ${v.period.start} to ${v.period.end}, received ${date}` });
    }
  };
  checkDates(input.dayWeights, 'dayWeights'); // the caller's keys: a parsed copy could lose an odd one
  const noDays = (weights: Readonly<Record<string, number | string>>): boolean => dates.every((date) => !isPositive(weights[date] ?? 1));
  if (noDays(v.dayWeights) && v.shops.some((s) => s.dayWeights === undefined)) {
    issues.push({ path: 'dayWeights', message: 'expected day weights with a positive sum over the period, received only zero weights' });
  }
  const shopIds = new Map<string, number>();
  v.shops.forEach((s, i) => {
    if (shopIds.has(s.shopId)) issues.push({ path: `shops.${i}.shopId`, message: `expected each shop once, received ${describe(s.shopId)} again` });
    shopIds.set(s.shopId, i);
    checkDates(input.shops[i]?.dayWeights, `shops.${i}.dayWeights`);
    if (s.dayWeights !== undefined && noDays(s.dayWeights)) {
      issues.push({ path: `shops.${i}.dayWeights`, message: 'expected day weights with a positive sum over the period, received only zero weights' });
    }
  });
  const seen = new Set<string>();
  v.agents.forEach((a, i) => {
    if (a.shopId !== undefined && !shopIds.has(a.shopId)) issues.push({ path: `agents.${i}.shopId`, message: `expected one of the shops (${[...shopIds.keys()].join(', ')}), received ${describe(a.shopId)}` });
    const serves = a.shopId === undefined ? [...shopIds.keys()] : [a.shopId];
    for (const shop of serves) {
      const key = `${a.agentId}\u0000${shop}`;
      if (seen.has(key)) issues.push({ path: `agents.${i}.agentId`, message: `expected each agent once per shop, received ${describe(a.agentId)} again for shop ${describe(shop)}` });
      seen.add(key);
    }
    const hours = input.agents[i]?.hours;
    if (typeof hours === 'object') checkDates(hours, `agents.${i}.hours`);
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'cascadeTargets');

  const places = Math.max(0, unitD.dp());
  const total = totalD.toFixed(Math.max(places, totalD.dp()));
  const base = cascadeOnce(v, total, dates, issues);
  let challengeTotal: string | undefined;
  let challenge: Tree | undefined;
  if (v.challengeFactor !== undefined) {
    challengeTotal = roundToUnit(totalD.times(toDecimal(v.challengeFactor, 'challengeFactor')), v.unit, v.rounding).toFixed(places);
    challenge = cascadeOnce(v, challengeTotal, dates, issues);
  }
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'cascadeTargets');

  const sums = new Map<string, { base: bigint; challenge: bigint; days: number }>();
  const scaled = (text: string): bigint => {
    const r = decimalText(text);
    return (r.num * pow10(places)) / r.den;
  };
  const shops: ShopTarget[] = base.shops.map((shop, s) => {
    const cShop = challenge?.shops[s];
    return {
      shopId: shop.shopId,
      target: fixed(shop.target, places),
      ...(cShop === undefined ? {} : { challenge: fixed(cShop.target, places) }),
      days: shop.days.map((day, d) => {
        const cDay = cShop?.days[d];
        const cAgents = new Map(cDay?.agents ?? []);
        return {
          date: day.date,
          target: fixed(day.target, places),
          ...(cDay === undefined ? {} : { challenge: fixed(cDay.target, places) }),
          agents: day.agents.map(([agentId, target]) => {
            const sum = sums.get(agentId) ?? { base: ZERO, challenge: ZERO, days: 0 };
            sum.base += scaled(target);
            sum.days += 1;
            const c = cAgents.get(agentId);
            if (c !== undefined) sum.challenge += scaled(c);
            sums.set(agentId, sum);
            return { agentId, target: fixed(target, places), ...(c === undefined ? {} : { challenge: fixed(c, places) }) };
          }),
        };
      }),
    };
  });
  const agents: AgentTarget[] = [...sums.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((agentId) => {
      const sum = sums.get(agentId) as { base: bigint; challenge: bigint; days: number };
      return {
        agentId,
        target: formatScaled(sum.base, places),
        ...(challenge === undefined ? {} : { challenge: formatScaled(sum.challenge, places) }),
        days: sum.days,
      };
    });
  return {
    total: fixed(total, places),
    ...(challengeTotal === undefined ? {} : { challengeTotal }),
    shops,
    agents,
  };
}

/** True for a weight or amount above 0. */
function isPositive(value: number | string): boolean {
  const text = toPlainDecimal(value);
  return !text.startsWith('-') && /[1-9]/.test(text);
}

/** A share as text with exactly `places` decimals. */
function fixed(text: string, places: number): string {
  const r = decimalText(text);
  return formatScaled((r.num * pow10(places)) / r.den, places);
}

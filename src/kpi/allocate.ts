import * as z from 'zod/mini';
import { allocate as allocatePairs } from '../core/allocate.ts';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { MoneyInputSchema } from '../core/money.ts';
import { describe, parseInput } from '../core/validate.ts';
import { add, formatScaled, frac, pow10, toRational, ZERO, type Rational } from './exact.ts';

const unitText = /* @__PURE__ */ z.string().check(z.regex(/^\d+(\.\d+)?$/, 'expected a positive unit such as "0.01" or "1"'));

/**
 * Options of {@link allocate}.
 *
 * @example
 * ```ts
 * const wholeYuan: AllocateOptions = { unit: '1' };
 * ```
 */
export const AllocateOptions = /* @__PURE__ */ z.strictObject({
  /** Every share is a multiple of this (default `'0.01'`, a fen; `'1'` for whole yuan). */
  unit: z._default(unitText, '0.01'),
});
/** @inheritDoc AllocateOptions */
export type AllocateOptions = z.input<typeof AllocateOptions>;

/**
 * Runs core's exact allocator and re-labels its errors with the caller's context (and path prefix).
 */
export function allocateExact(
  total: number | string,
  weights: ReadonlyArray<readonly [string, number | string]>,
  unit: string,
  context: string,
  path?: string,
): Array<[string, string]> {
  try {
    return allocatePairs(total, weights, path === undefined ? { unit } : { unit, path });
  } catch (error) {
    if (error instanceof KefuError) throw new KefuError(error.code, error.issues, context);
    throw error;
  }
}

const AllocateInput = /* @__PURE__ */ z.strictObject({
  total: MoneyInputSchema,
  weights: z.record(z.string().check(z.minLength(1), z.maxLength(200)), z.unknown()),
  options: z._default(AllocateOptions, { unit: '0.01' }),
});

/**
 * KPI-4: splits `total` over weighted ids exactly, by the largest-remainder (Hamilton) method.
 * Each id gets its quota `total × weight ÷ Σ weights` rounded down to the unit; the units left
 * over go one each to the largest remainders, and equal remainders go to the smaller id first
 * (code-unit order), so the result never depends on the order of the keys. Shares are decimal
 * strings, sum to `total` exactly, lie within one unit of their quota, and a zero weight gets 0.
 *
 * Largest remainder is not "house-monotone": a larger total can lower one share by a unit
 * (weights 1, 3, 3: a total of 3 gives 1, 1, 1; a total of 4 gives 0, 2, 2). It is the price of
 * keeping every share within one unit of its quota.
 *
 * Throws `INVALID_INPUT` naming `total` (not a multiple of the unit), `weights.<id>` (negative or
 * not an amount) or `weights` (no positive weight).
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#allocate}
 */
export function allocate(total: number | string, weights: Readonly<Record<string, number | string>>, options: AllocateOptions = {}): Record<string, string> {
  const input = parseInput(AllocateInput, { total, weights, options }, 'allocate');
  // Read the caller's object, not the parsed copy: a key such as "__proto__" must stay a key.
  const pairs = Object.keys(weights).map((id): [string, number | string] => [id, weights[id] as number | string]);
  return Object.fromEntries(allocateExact(input.total, pairs, input.options.unit, 'allocate'));
}

/**
 * How tied agents share positional prizes: `split` pools the prizes of the positions the tie
 * covers and splits the pool exactly (cost-neutral); `full` pays every tied agent the prize of
 * the best position the tie covers (generous: it costs more).
 *
 * @example
 * ```ts
 * const policy: TiePolicy = 'split';
 * ```
 */
export const TiePolicy = /* @__PURE__ */ z.enum(['split', 'full']);
/** @inheritDoc TiePolicy */
export type TiePolicy = z.output<typeof TiePolicy>;

/**
 * Input of {@link prizeAwards}: a ranking (from {@link scoreAgents} or {@link leaderboard}), the
 * prize of each position, best first, and the tie policy.
 *
 * @example
 * ```ts
 * const input: PrizeAwardsInput = {
 *   ranking: [{ agentId: 'wang', rank: 1 }, { agentId: 'li', rank: 2 }, { agentId: 'zhao', rank: 2 }],
 *   prizes: ['500.00', '300.00', '100.00'],
 *   tiePolicy: 'split',
 * };
 * ```
 */
export const PrizeAwardsInput = /* @__PURE__ */ z.strictObject({
  /** Agents with their competition ranks; `rank: null` (unscored) gets nothing. */
  ranking: z.readonly(
    z
      .array(
        z.object({
          /** The agent. */
          agentId: z.string().check(z.minLength(1), z.maxLength(200)),
          /** Competition rank ("1224"), or null. */
          rank: z.nullable(z.number().check(z.int(), z.gte(1))),
        }),
      )
      .check(z.maxLength(1_000_000)),
  ),
  /** Prize of position 1, 2, 3…: amounts >= 0 that never rise with the position. */
  prizes: z.readonly(z.array(MoneyInputSchema).check(z.minLength(1), z.maxLength(10_000))),
  /** How ties share (default `split`). */
  tiePolicy: z._default(TiePolicy, 'split'),
  /** Every award is a multiple of this (default `'0.01'`). */
  unit: z._default(unitText, '0.01'),
});
/** @inheritDoc PrizeAwardsInput */
export type PrizeAwardsInput = z.input<typeof PrizeAwardsInput>;

/**
 * One agent's prize: the positions the agent's tie group covers and the amount.
 *
 * @example
 * ```ts
 * const award: PrizeAward = { agentId: 'li', rank: 2, tieSize: 2, positions: [2, 3], amount: '200.00' };
 * ```
 */
export interface PrizeAward {
  readonly agentId: string;
  readonly rank: number;
  readonly tieSize: number;
  /** First and last position the tie group covers. */
  readonly positions: readonly [number, number];
  /** Decimal string, a multiple of the unit; "0.00" beyond the last prize. */
  readonly amount: string;
}

/**
 * KPI-2: positional prizes for a ranking, with ties handled by policy and never by input order.
 * A tie group at rank r of k agents covers positions r … r+k−1. Under `split` the group shares
 * the sum of those positions' prizes, split exactly (an odd fen goes to the smaller id); under
 * `full` each member gets the prize of position r. Awards are never negative, and a better rank
 * never earns less than a worse one.
 *
 * Throws `INVALID_INPUT` naming `ranking.<i>.rank` when the ranks are not a competition ranking
 * starting at 1 (after 2 agents at rank 1 the next rank is 3), `ranking.<i>.agentId` for a
 * repeated agent, and `prizes.<i>` for a negative prize, one that is not a multiple of the unit,
 * or one above the prize of a better position.
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#prizes}
 */
export function prizeAwards(input: PrizeAwardsInput): PrizeAward[] {
  const v = parseInput(PrizeAwardsInput, input, 'prizeAwards');
  const issues: KefuIssue[] = [];
  const unit = toRational(v.unit, 'unit');
  if (unit.num <= ZERO) issues.push({ path: 'unit', message: `expected a positive unit such as "0.01", received ${describe(v.unit)}` });
  const prizes = v.prizes.map((p, i) => {
    const r = toRational(p, `prizes.${i}`);
    if (r.num < ZERO) issues.push({ path: `prizes.${i}`, message: `expected a prize >= 0, received ${describe(p)}` });
    else if (unit.num > ZERO && (r.num * unit.den) % (unit.num * r.den) !== ZERO) {
      issues.push({ path: `prizes.${i}`, message: `expected a multiple of the unit ${v.unit}, received ${describe(p)}` });
    }
    return r;
  });
  prizes.forEach((p, i) => {
    const prev = prizes[i - 1];
    if (prev !== undefined && p.num * prev.den > prev.num * p.den) {
      issues.push({ path: `prizes.${i}`, message: `expected at most the prize of position ${i} (${describe(v.prizes[i - 1])}): a better position never earns less, received ${describe(v.prizes[i])}` });
    }
  });
  const seen = new Set<string>();
  const ranked: Array<{ agentId: string; rank: number; index: number }> = [];
  v.ranking.forEach((entry, i) => {
    if (seen.has(entry.agentId)) issues.push({ path: `ranking.${i}.agentId`, message: `expected each agent once, received ${describe(entry.agentId)} again` });
    seen.add(entry.agentId);
    if (entry.rank !== null) ranked.push({ agentId: entry.agentId, rank: entry.rank, index: i });
  });
  ranked.sort((a, b) => a.rank - b.rank || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
  // Competition ranks: a group of k agents at rank r is followed by rank r + k.
  let expected = 1;
  for (let k = 0; k < ranked.length; ) {
    const rank = (ranked[k] as (typeof ranked)[number]).rank;
    let end = k;
    while (end < ranked.length && (ranked[end] as (typeof ranked)[number]).rank === rank) end++;
    if (rank !== expected) {
      const at = ranked[k] as (typeof ranked)[number];
      issues.push({ path: `ranking.${at.index}.rank`, message: `expected rank ${expected} (competition ranking "1224": ${k} agents rank above it), received ${rank}` });
      break;
    }
    expected = rank + (end - k);
    k = end;
  }
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'prizeAwards');

  const places = Math.max(0, String(unit.den).length - 1);
  const prizeOf = (position: number): Rational => prizes[position - 1] ?? frac(ZERO);
  const awards: PrizeAward[] = [];
  for (let k = 0; k < ranked.length; ) {
    const rank = (ranked[k] as (typeof ranked)[number]).rank;
    let end = k;
    while (end < ranked.length && (ranked[end] as (typeof ranked)[number]).rank === rank) end++;
    const group = ranked.slice(k, end);
    const size = group.length;
    const positions: [number, number] = [rank, rank + size - 1];
    if (v.tiePolicy === 'full' || size === 1) {
      const amount = textOf(prizeOf(rank), places);
      for (const g of group) awards.push({ agentId: g.agentId, rank, tieSize: size, positions, amount });
    } else {
      let pool = frac(ZERO);
      for (let p = positions[0]; p <= positions[1]; p++) pool = add(pool, prizeOf(p));
      const shares = new Map(allocateExact(textOf(pool, places), group.map((g): [string, number] => [g.agentId, 1]), v.unit, 'prizeAwards'));
      for (const g of group) awards.push({ agentId: g.agentId, rank, tieSize: size, positions, amount: shares.get(g.agentId) as string });
    }
    k = end;
  }
  return awards;
}

/** An exact amount as text with `places` decimals (it is a multiple of the unit, so nothing rounds). */
function textOf(r: Rational, places: number): string {
  return formatScaled((r.num * pow10(places)) / r.den, places);
}

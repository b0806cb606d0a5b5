import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { ROUNDING_MODES, type RoundingMode } from '../core/money.ts';
import { parseInput } from '../core/validate.ts';
import { compare, divRound, pow10, TEN_THOUSAND, toRational, ZERO, type Rational } from './exact.ts';
import { catalogue, MetricDefinition, presentAt, type CompiledMetric, type MetricColumn, type MetricValue } from './metrics.ts';
import { compileNormalize, Normalize, scoreColumn, UNSCORED, type CompiledNormalize } from './normalize.ts';
import { compareAt, NONE } from './column.ts';
import { competitionRanking } from './rank.ts';
import { parseCohort, parseRecordList, type KpiRecord, type ParsedRecord } from './record.ts';

const weight = /* @__PURE__ */ z.custom<number | string>(
  (value) => (typeof value === 'number' ? Number.isFinite(value) && value >= 0 : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)),
  { error: 'expected a weight >= 0 as a number or a decimal string' },
);
const metricId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(64));

/**
 * One line of a scorecard: a metric, its weight and how its value becomes 0–100 points.
 *
 * @example
 * ```ts
 * const item: ScorecardItem = { metric: 'firstResponseSeconds', weight: 20, normalize: { kind: 'band', zeroAt: 60, fullAt: 15 } };
 * ```
 */
export const ScorecardItem = /* @__PURE__ */ z.strictObject({
  /** Metric id (built in, or custom in `scorecard.metrics`); never a shop-scope metric (KPI-3). */
  metric: metricId,
  /** Relative weight, >= 0 (0 shows the score without counting it). Only ratios between weights matter. */
  weight,
  /** How the value becomes 0–100 points. */
  normalize: Normalize,
  /** Overrides the metric's minimum sample for this scorecard. */
  minSample: z.optional(z.number().check(z.nonnegative())),
});
/** @inheritDoc ScorecardItem */
export type ScorecardItem = z.input<typeof ScorecardItem>;

/**
 * A scorecard: weighted metrics, explicit tie-breakers, and the rounding of scores.
 *
 * @example
 * ```ts
 * const card: Scorecard = {
 *   items: [
 *     { metric: 'inquiryConversion', weight: 40, normalize: { kind: 'steps', steps: [{ at: 0.35, score: 60 }, { at: 0.45, score: 100 }] } },
 *     { metric: 'salesAmount', weight: 40, normalize: { kind: 'target', target: 30000 } },
 *     { metric: 'firstResponseSeconds', weight: 20, normalize: { kind: 'band', zeroAt: 60, fullAt: 15 } },
 *   ],
 *   tieBreakers: ['salesAmount'],
 * };
 * ```
 */
export const Scorecard = /* @__PURE__ */ z.strictObject({
  /** The weighted metrics (1 to 50, each metric once). */
  items: z.readonly(z.array(ScorecardItem).check(z.minLength(1), z.maxLength(50))),
  /** Metric ids that order agents with equal totals, in turn, each by its own direction. Never input order: agents still equal share a rank. */
  tieBreakers: z._default(z.readonly(z.array(metricId).check(z.maxLength(20))), []),
  /** Custom metric definitions the items or tie-breakers may use. */
  metrics: z.optional(z.readonly(z.array(MetricDefinition).check(z.maxLength(200)))),
  /** Rounding of every score to 0.01 point (default `halfUp`). */
  rounding: z._default(z.enum(ROUNDING_MODES), 'halfUp'),
  /** Least share of the total weight that must be scored for an agent to get a total (0–1, default 0: any scored item). */
  minScoredWeight: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
});
/** @inheritDoc Scorecard */
export type Scorecard = z.input<typeof Scorecard>;
type ParsedScorecard = z.output<typeof Scorecard>;

/**
 * Why a metric has no score: `noData` (a counter is missing or the denominator is 0),
 * `belowMinSample` (too few inquiries, replies… to judge; unscored, not zero).
 *
 * @example
 * ```ts
 * const reason: UnscoredReason = 'belowMinSample';
 * ```
 */
export type UnscoredReason = 'noData' | 'belowMinSample';

/**
 * One metric of one agent on a scorecard: its value (money as a string), its score 0–100 with
 * 2 decimals, and why it is unscored when it is.
 *
 * @example
 * ```ts
 * const m: MetricScore = { value: 0.38, score: 80 };
 * const n: MetricScore = { value: 1, score: null, reason: 'belowMinSample' };
 * ```
 */
export interface MetricScore {
  readonly value: MetricValue;
  readonly score: number | null;
  readonly reason?: UnscoredReason;
}

/**
 * One agent's scorecard result.
 *
 * @example
 * ```ts
 * const s: AgentScore = scoreAgents(records, card)[0]!;
 * ```
 */
export interface AgentScore {
  readonly agentId: string;
  readonly shopId: string;
  /** Every scorecard item, by metric id. */
  readonly metrics: { readonly [metricId: string]: MetricScore };
  /** Weighted mean of the scored items, 0–100 with 2 decimals; `null` when nothing (or too little) is scored. */
  readonly total: number | null;
  /** Share of the scorecard's weight that was scored (0–1): the total is re-weighted over it. */
  readonly scoredWeight: number;
  /** Competition rank ("1224"): 1 + the number of agents strictly better; `null` when unscored. */
  readonly rank: number | null;
  /** How many agents share this rank; `null` when unscored. */
  readonly tieSize: number | null;
}

/** A scorecard item ready to apply. */
interface CompiledItem {
  readonly metric: CompiledMetric;
  readonly weight: bigint; // scaled to the scorecard's common denominator
  readonly normalize: CompiledNormalize;
  readonly minSample: Rational;
}

/** A compiled scorecard: items, tie-breaker metrics, rounding. */
export interface CompiledScorecard {
  readonly items: readonly CompiledItem[];
  readonly totalWeight: bigint;
  readonly tieBreakers: ReadonlyArray<{ readonly metric: CompiledMetric; readonly minSample: Rational }>;
  readonly rounding: RoundingMode;
  readonly minScoredWeight: Rational;
}

/**
 * Looks a metric up for agent use: unknown ids and shop-scope metrics (KPI-3) are issues at `path`.
 */
export function agentMetric(metrics: ReadonlyMap<string, CompiledMetric>, id: string, path: string, issues: KefuIssue[]): CompiledMetric | undefined {
  const m = metrics.get(id);
  if (m === undefined) {
    const known = [...metrics.values()].filter((x) => x.def.scope === 'agent').map((x) => x.def.id);
    issues.push({ path, message: `expected a metric id (${known.join(', ')}, or a custom metric), received ${JSON.stringify(id)}` });
    return undefined;
  }
  if (m.def.scope === 'shop') {
    issues.push({
      path,
      message: `expected an agent metric, received the shop-scope metric "${id}" (${m.def.labels['zh-CN']}): shop scores also reflect parcels, couriers and the whole team and are not charged to one agent (KPI-3); follow them with relativeTrend`,
    });
    return undefined;
  }
  return m;
}

/** Validates the cross-field rules of a scorecard and makes it exact. */
export function compileScorecard(card: ParsedScorecard, path: string, context: string): CompiledScorecard {
  const metrics = catalogue(card.metrics, `${path}.metrics`, context);
  const issues: KefuIssue[] = [];
  const seen = new Map<string, number>();
  const weights = card.items.map((item, i) => toRational(item.weight, `${path}.items.${i}.weight`));
  const places = weights.reduce((p, w) => Math.max(p, String(w.den).length - 1), 0);
  const items: CompiledItem[] = [];
  card.items.forEach((item, i) => {
    const at = `${path}.items.${i}`;
    const earlier = seen.get(item.metric);
    if (earlier !== undefined) {
      issues.push({ path: `${at}.metric`, message: `expected each metric once, received ${JSON.stringify(item.metric)} again (also items.${earlier})` });
      return;
    }
    seen.set(item.metric, i);
    const metric = agentMetric(metrics, item.metric, `${at}.metric`, issues);
    if (metric === undefined) return;
    const normalize = compileNormalize(item.normalize, metric.def.direction, `${at}.normalize`, issues);
    if (normalize === undefined) return;
    const w = weights[i] as Rational;
    items.push({
      metric,
      weight: w.num * pow10(places - (String(w.den).length - 1)),
      normalize,
      minSample: item.minSample === undefined ? metric.minSample : toRational(item.minSample, `${at}.minSample`),
    });
  });
  const totalWeight = weights.reduce((sum, w) => sum + w.num * pow10(places - (String(w.den).length - 1)), ZERO);
  if (totalWeight === ZERO) {
    card.items.forEach((_, i) => issues.push({ path: `${path}.items.${i}.weight`, message: 'expected weights with a positive sum, received only zero weights' }));
  }
  const tieBreakers: Array<{ metric: CompiledMetric; minSample: Rational }> = [];
  const seenTie = new Set<string>();
  card.tieBreakers.forEach((id, i) => {
    if (seenTie.has(id)) {
      issues.push({ path: `${path}.tieBreakers.${i}`, message: `expected each tie-breaker once, received ${JSON.stringify(id)} again` });
      return;
    }
    seenTie.add(id);
    const metric = agentMetric(metrics, id, `${path}.tieBreakers.${i}`, issues);
    if (metric === undefined) return;
    const item = items.find((x) => x.metric.def.id === id);
    tieBreakers.push({ metric, minSample: item?.minSample ?? metric.minSample });
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, context);
  return { items, totalWeight, tieBreakers, rounding: card.rounding, minScoredWeight: toRational(card.minScoredWeight, `${path}.minScoredWeight`) };
}

/**
 * Orders two rows of a metric column, best first: negative when row `a` is better. Rows not
 * usable (no value, or too small a sample) come last.
 */
export function compareRows(c: MetricColumn, a: number, b: number, direction: 'higher' | 'lower'): number {
  const ua = c.usable[a] === 1;
  const ub = c.usable[b] === 1;
  if (!ua || !ub) return ua === ub ? 0 : ua ? -1 : 1;
  const cmp = compareAt(c.values, a, c.values, b);
  return direction === 'higher' ? -cmp : cmp;
}

const ScorecardArgument = /* @__PURE__ */ z.strictObject({ scorecard: Scorecard });

/** Scores parsed records of one cohort on a compiled scorecard. */
export function scoreParsed(records: readonly ParsedRecord[], card: CompiledScorecard): AgentScore[] {
  const n = records.length;
  const columns = card.items.map((item) => {
    const { values, usable } = item.metric.column(records, item.minSample);
    return { def: item.metric.def, values, usable, scores: scoreColumn(item.normalize, item.metric.def.direction, values, usable, card.rounding) };
  });

  // Totals in hundredths: Σ wᵢ·sᵢ ÷ Σ wᵢ over the scored items, exact, rounded once.
  const weights = card.items.map((item) => item.weight);
  const small = card.totalWeight * TEN_THOUSAND <= MAX_SAFE;
  const weightNumbers = weights.map(Number);
  const totalWeight = Number(card.totalWeight);
  const totals: Array<number | null> = [];
  const scoredWeights: number[] = [];
  const noMinimum = card.minScoredWeight.num === ZERO;
  const scoreArrays = columns.map((c) => c.scores);
  for (let a = 0; a < n; a++) {
    let weighted = 0;
    let weightSum = 0;
    let bigWeighted = ZERO;
    let bigSum = ZERO;
    for (let k = 0; k < scoreArrays.length; k++) {
      const s = (scoreArrays[k] as Int16Array)[a] as number;
      if (s === UNSCORED) continue;
      if (small) {
        weighted += (weightNumbers[k] as number) * s;
        weightSum += weightNumbers[k] as number;
      } else {
        bigWeighted += (weights[k] as bigint) * BigInt(s);
        bigSum += weights[k] as bigint;
      }
    }
    scoredWeights.push((small ? weightSum : Number(bigSum)) / totalWeight);
    const enough = small ? weightSum > 0 && (noMinimum || compare({ num: BigInt(weightSum), den: card.totalWeight }, card.minScoredWeight) >= 0) : bigSum > ZERO && compare({ num: bigSum, den: card.totalWeight }, card.minScoredWeight) >= 0;
    if (!enough) totals.push(null);
    else if (small) totals.push(divRoundNumber(weighted, weightSum, card.rounding));
    else totals.push(Number(divRound(bigWeighted, bigSum, card.rounding)));
  }

  // Tie-breaker values, computed once per agent.
  const ties = card.tieBreakers.map((t) => t.metric.column(records, t.minSample));
  const ranked: number[] = [];
  for (let a = 0; a < n; a++) if (totals[a] !== null) ranked.push(a);
  const better = (x: number, y: number): number => {
    const a = ranked[x] as number;
    const b = ranked[y] as number;
    const ta = totals[a] as number;
    const tb = totals[b] as number;
    if (ta !== tb) return tb - ta;
    for (let k = 0; k < ties.length; k++) {
      const c = compareRows(ties[k] as MetricColumn, a, b, card.tieBreakers[k]?.metric.def.direction ?? 'higher');
      if (c !== 0) return c;
    }
    return 0;
  };
  const ranking = competitionRanking(ranked.length, better, (i) => (records[ranked[i] as number] as ParsedRecord).agentId);
  const rankOf = new Array<number | null>(n).fill(null);
  const tieOf = new Array<number | null>(n).fill(null);
  ranked.forEach((a, i) => {
    rankOf[a] = ranking.rank[i] ?? null;
    tieOf[a] = ranking.tieSize[i] ?? null;
  });

  const build = (a: number): AgentScore => {
    const r = records[a] as ParsedRecord;
    const metrics: Record<string, MetricScore> = {};
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k] as (typeof columns)[number];
      const score = col.scores[a] as number;
      const value = presentAt(col.def, col.values, a);
      metrics[col.def.id] = score !== UNSCORED ? { value, score: score / 100 } : { value, score: null, reason: col.values.kind[a] === NONE ? 'noData' : 'belowMinSample' };
    }
    const total = totals[a] ?? null;
    return {
      agentId: r.agentId,
      shopId: r.shopId,
      metrics,
      total: total === null ? null : total / 100,
      scoredWeight: scoredWeights[a] ?? 0,
      rank: rankOf[a] ?? null,
      tieSize: tieOf[a] ?? null,
    };
  };
  // Ranked agents best first (ties by id), then the unscored by id.
  const unranked = records.map((_, a) => a).filter((a) => totals[a] === null);
  unranked.sort((x, y) => compareText((records[x] as ParsedRecord).agentId, (records[y] as ParsedRecord).agentId));
  return [...ranking.order.map((i) => build(ranked[i] as number)), ...unranked.map(build)];
}

/** Runs `fn`, moving the issues of an INVALID_INPUT error into `issues` (then `undefined`). */
export function gather<T>(fn: () => T, issues: KefuIssue[]): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (error instanceof KefuError && error.code === 'INVALID_INPUT') {
      issues.push(...error.issues);
      return undefined;
    }
    throw error;
  }
}

const MAX_SAFE = /* @__PURE__ */ BigInt(Number.MAX_SAFE_INTEGER);

/** `num ÷ den` for safe integers num >= 0, den > 0, rounded in `mode`, exactly (no float division error survives). */
function divRoundNumber(num: number, den: number, mode: RoundingMode): number {
  let q = Math.floor(num / den);
  let r = num - q * den;
  if (r < 0) {
    q -= 1;
    r += den;
  } else if (r >= den) {
    q += 1;
    r -= den;
  }
  if (r === 0) return q;
  switch (mode) {
    case 'down':
    case 'floor':
      return q;
    case 'up':
    case 'ceil':
      return q + 1;
    case 'halfUp':
      return 2 * r >= den ? q + 1 : q;
    case 'halfDown':
      return 2 * r > den ? q + 1 : q;
    case 'halfEven':
      return 2 * r > den || (2 * r === den && q % 2 !== 0) ? q + 1 : q;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * KPI-1, KPI-2: scores a cohort of agents on a scorecard and ranks them within it.
 *
 * Each item's value comes from the record's counters ({@link deriveMetrics}); an agent below
 * the metric's minimum sample, or without the data, is *unscored* on it (`score: null` with a
 * reason), never scored 0. The total is the weighted mean of the scored items only, so missing
 * items are re-weighted away; it is `null` (and the agent unranked) when nothing is scored. Every
 * score is exact and rounded once to 0.01 point; the total is computed from the shown item
 * scores, so anyone can check it by hand.
 *
 * Ranks are competition ranks ("1224") by total, then by the scorecard's tie-breakers (each
 * metric by its own direction, missing values last). Agents equal on all of them share a rank:
 * input order never decides. The result lists ranked agents best first (ties by id), then the
 * unscored ones by id.
 *
 * The records must form one cohort: one record per agent (merge days first with
 * {@link mergeRecords}), one credit rule, one attribution window, one period. A shop-scope
 * metric in the scorecard is rejected (KPI-3). Errors name the field: `records.3.creditRule`,
 * `scorecard.items.1.metric`, `scorecard.items.0.weight`.
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#score}
 */
export function scoreAgents(records: readonly KpiRecord[], scorecard: Scorecard): AgentScore[] {
  // Report the scorecard's problems and the records' together.
  const issues: KefuIssue[] = [];
  const parsed = gather(() => parseCohort(parseRecordList(records, 'scoreAgents'), 'records', 'scoreAgents'), issues);
  const card = gather(() => compileScorecard(parseInput(ScorecardArgument, { scorecard }, 'scoreAgents').scorecard, 'scorecard', 'scoreAgents'), issues);
  if (card === undefined || parsed === undefined) throw new KefuError('INVALID_INPUT', issues, 'scoreAgents');
  return scoreParsed(parsed, card);
}

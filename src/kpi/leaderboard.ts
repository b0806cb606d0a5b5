import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { describe, parseInput } from '../core/validate.ts';
import { toRational, type Rational } from './exact.ts';
import { catalogue, MetricDefinition, presentAt, type CompiledMetric, type MetricColumn, type MetricValue } from './metrics.ts';
import { competitionRanking } from './rank.ts';
import { parseCohort, parseRecordList, sumCounters, type KpiRecord, type ParsedRecord } from './record.ts';
import { agentMetric, compareRows, gather } from './scorecard.ts';

const metricId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(64));

/**
 * Options of {@link leaderboard} and {@link groupLeaderboard}.
 *
 * @example
 * ```ts
 * const options: LeaderboardOptions = { top: 3, tieBreakers: ['inquiryConversion'] };
 * ```
 */
export const LeaderboardOptions = /* @__PURE__ */ z.strictObject({
  /** How many places to announce (default 3, KPI-6). Everyone tied at the last place is included. */
  top: z._default(z.number().check(z.int(), z.gte(1), z.lte(10_000)), 3),
  /** Overrides the metric's minimum sample; below it an agent is left off the board. */
  minSample: z.optional(z.number().check(z.nonnegative())),
  /** Metric ids that order equal values, in turn (never input order). */
  tieBreakers: z._default(z.readonly(z.array(metricId).check(z.maxLength(20))), []),
  /** Custom metric definitions the metric or tie-breakers may use. */
  metrics: z.optional(z.readonly(z.array(MetricDefinition).check(z.maxLength(200)))),
});
/** @inheritDoc LeaderboardOptions */
export type LeaderboardOptions = z.input<typeof LeaderboardOptions>;
type ParsedOptions = z.output<typeof LeaderboardOptions>;

/**
 * One line of a leaderboard.
 *
 * @example
 * ```ts
 * const e: LeaderboardEntry = { agentId: 'wang', shopId: 'flagship', value: '12800.00', rank: 1, tieSize: 1 };
 * ```
 */
export interface LeaderboardEntry {
  readonly agentId: string;
  readonly shopId: string;
  /** The metric's value (money as a decimal string). */
  readonly value: MetricValue;
  /** Competition rank ("1224"). */
  readonly rank: number;
  /** Agents sharing the rank. */
  readonly tieSize: number;
}

interface Compiled {
  readonly metric: CompiledMetric;
  readonly minSample: Rational;
  readonly ties: ReadonlyArray<{ readonly metric: CompiledMetric; readonly minSample: Rational }>;
}

function compile(o: ParsedOptions, id: string, context: string): Compiled {
  const metrics = catalogue(o.metrics, 'options.metrics', context);
  const issues: KefuIssue[] = [];
  const metric = agentMetric(metrics, id, 'metricId', issues);
  const ties = o.tieBreakers.flatMap((t, i) => {
    const m = agentMetric(metrics, t, `options.tieBreakers.${i}`, issues);
    return m === undefined ? [] : [{ metric: m, minSample: m.minSample }];
  });
  if (metric === undefined || issues.length > 0) throw new KefuError('INVALID_INPUT', issues, context);
  return { metric, minSample: o.minSample === undefined ? metric.minSample : toRational(o.minSample, 'options.minSample'), ties };
}

/** Ranks parsed rows on one metric and keeps everyone ranked within `top`. */
function board(rows: readonly ParsedRecord[], c: Compiled, top: number, id: (i: number) => string): Array<{ index: number; value: MetricValue; rank: number; tieSize: number }> {
  const main = c.metric.column(rows, c.minSample);
  const ties = c.ties.map((t) => t.metric.column(rows, t.minSample));
  const present: number[] = [];
  for (let i = 0; i < rows.length; i++) if (main.usable[i] === 1) present.push(i);
  const direction = c.metric.def.direction;
  const ranking = competitionRanking(
    present.length,
    (x, y) => {
      const a = present[x] as number;
      const b = present[y] as number;
      const first = compareRows(main, a, b, direction);
      if (first !== 0) return first;
      for (let k = 0; k < ties.length; k++) {
        const cmp = compareRows(ties[k] as MetricColumn, a, b, c.ties[k]?.metric.def.direction ?? 'higher');
        if (cmp !== 0) return cmp;
      }
      return 0;
    },
    (i) => id(present[i] as number),
  );
  return ranking.order
    .filter((i) => (ranking.rank[i] as number) <= top)
    .map((i) => {
      const index = present[i] as number;
      return { index, value: presentAt(c.metric.def, main.values, index), rank: ranking.rank[i] as number, tieSize: ranking.tieSize[i] as number };
    });
}

const LeaderboardInput = /* @__PURE__ */ z.strictObject({
  metricId,
  options: z._default(LeaderboardOptions, { top: 3, tieBreakers: [] }),
});

/**
 * KPI-6: the top agents on one metric, for the hourly announcement on the event day. Pass each
 * agent's cumulative counters since the start of the event; the board ranks them by the
 * metric's direction (competition ranks, "1224"), then by the tie-breakers, and returns everyone
 * whose rank is within `top`: a tie at the last place brings every tied agent in, so the board
 * can be longer than `top`. Input order never decides a place. Agents below the metric's minimum
 * sample (1 inquiry paid out of 1 is not a 100% conversion to announce) or without a value are
 * left off.
 *
 * Throws `INVALID_INPUT` naming `metricId` (unknown, or a shop-scope metric, KPI-3) and the
 * records' fields (one record per agent, one credit rule, window and period).
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#leaderboard}
 */
export function leaderboard(records: readonly KpiRecord[], metricId: string, options: LeaderboardOptions = {}): LeaderboardEntry[] {
  const issues: KefuIssue[] = [];
  const parsed = gather(() => parseCohort(parseRecordList(records, 'leaderboard'), 'records', 'leaderboard'), issues);
  const input = gather(() => parseInput(LeaderboardInput, { metricId, options }, 'leaderboard'), issues);
  const compiled = input && gather(() => compile(input.options, input.metricId, 'leaderboard'), issues);
  if (parsed === undefined || input === undefined || compiled === undefined) throw new KefuError('INVALID_INPUT', issues, 'leaderboard');
  return board(parsed, compiled, input.options.top, (i) => (parsed[i] as ParsedRecord).agentId).map((e) => {
    const r = parsed[e.index] as ParsedRecord;
    return { agentId: r.agentId, shopId: r.shopId, value: e.value, rank: e.rank, tieSize: e.tieSize };
  });
}

/**
 * One group on a group leaderboard.
 *
 * @example
 * ```ts
 * const g: GroupStanding = { groupId: 'team-a', agents: ['li', 'wang'], value: 0.31, rank: 1, tieSize: 1 };
 * ```
 */
export interface GroupStanding {
  readonly groupId: string;
  /** Members, by id. */
  readonly agents: readonly string[];
  /** The metric over the group's summed counters (a ratio of sums, never a mean of members' ratios). */
  readonly value: MetricValue;
  readonly rank: number;
  readonly tieSize: number;
}

const GroupInput = /* @__PURE__ */ z.strictObject({
  groups: z.record(z.string().check(z.minLength(1), z.maxLength(200)), z.string().check(z.minLength(1), z.maxLength(200))),
  metricId,
  options: z._default(LeaderboardOptions, { top: 3, tieBreakers: [] }),
});

/**
 * KPI-6 "groups compete": the leaderboard of teams. Each group's counters are the sum of its
 * members' records, and the metric is computed on the sums: a team's conversion is its paying
 * buyers over its inquiries, not the mean of its members' rates. Ranks, ties and `top` work as
 * in {@link leaderboard}.
 *
 * `groups` maps every agent of the records to a group id; an agent without a group is an error
 * (`records.<i>.agentId`), never silently left out.
 *
 * @example
 * {@includeCode ../../examples/kpi.example.ts#group}
 */
export function groupLeaderboard(records: readonly KpiRecord[], groups: Readonly<Record<string, string>>, metricId: string, options: LeaderboardOptions = {}): GroupStanding[] {
  const issues: KefuIssue[] = [];
  const parsed = gather(() => parseCohort(parseRecordList(records, 'groupLeaderboard'), 'records', 'groupLeaderboard'), issues);
  const input = gather(() => parseInput(GroupInput, { groups, metricId, options }, 'groupLeaderboard'), issues);
  const compiled = input && gather(() => compile(input.options, input.metricId, 'groupLeaderboard'), issues);
  if (parsed === undefined || input === undefined || compiled === undefined) throw new KefuError('INVALID_INPUT', issues, 'groupLeaderboard');
  const members = new Map<string, ParsedRecord[]>();
  parsed.forEach((r, i) => {
    const group = Object.prototype.hasOwnProperty.call(input.groups, r.agentId) ? input.groups[r.agentId] : undefined;
    if (group === undefined) {
      issues.push({ path: `records.${i}.agentId`, message: `expected an agent listed in groups, received ${describe(r.agentId)}` });
      return;
    }
    const list = members.get(group) ?? [];
    list.push(r);
    members.set(group, list);
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, 'groupLeaderboard');
  const ids = [...members.keys()];
  const rows = ids.map((groupId) => sumRecords(members.get(groupId) as ParsedRecord[], groupId));
  return board(rows, compiled, input.options.top, (i) => ids[i] as string).map((e) => ({
    groupId: ids[e.index] as string,
    agents: (members.get(ids[e.index] as string) as ParsedRecord[]).map((r) => r.agentId).sort(),
    value: e.value,
    rank: e.rank,
    tieSize: e.tieSize,
  }));
}

/** One row for a group: its members' counters summed (a counter missing anywhere is left out). */
function sumRecords(records: readonly ParsedRecord[], id: string): ParsedRecord {
  const { counters, extra } = sumCounters(records);
  return { ...(records[0] as ParsedRecord), agentId: id, counters, extra };
}

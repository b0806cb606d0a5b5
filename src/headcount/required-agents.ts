import * as z from 'zod/mini';
import { floor } from '../core/exact.ts';
import { invalid } from '../core/errors.ts';
import { parseInput } from '../core/validate.ts';
import { erlangAAt, type ErlangAResult } from './erlang-a.ts';
import { ErlangBTable } from './erlang-b.ts';
import { erlangCAt, type ErlangCResult } from './erlang-c.ts';
import { load, nonNegative, openFraction, positive, ServiceLevelDefinition, ServiceLevelTarget, type Load } from './inputs.ts';
import { MAX_AGENTS, smallestMeeting, unreachable } from './search.ts';
import { agentsForOccupancyCap, scheduledSeats, trafficRational } from './shrinkage.ts';

/** A fraction in (0, 1]: an occupancy cap. */
const occupancyCap = /* @__PURE__ */ z.number().check(z.gt(0), z.lte(1));
/** A fraction in [0, 1): shrinkage. */
const shrinkageShare = /* @__PURE__ */ z.number().check(z.gte(0), z.lt(1));

/** The optional knobs shared by every staffing question: caps, shrinkage, abandonment. */
export const staffingOptions = {
  /** Service-level target, e.g. `{ target: 0.8, answerSeconds: 20 }`. */
  serviceLevel: z.optional(ServiceLevelTarget),
  /** Target average speed of answer in seconds (Erlang C: all contacts; Erlang A: answered ones). */
  asaSeconds: z.optional(positive),
  /** Highest share of agent time spent handling (default 1: no cap). */
  maxOccupancy: z._default(occupancyCap, 1),
  /** Share of paid time not on the queue: breaks, training, absence (default 0). */
  shrinkage: z._default(shrinkageShare, 0),
  /** Mean patience of waiting contacts in seconds; switches the model to Erlang A. */
  patienceSeconds: z.optional(positive),
  /** Highest share of contacts allowed to abandon (Erlang A only). */
  maxAbandonRate: z.optional(openFraction),
  /** Which service level the target means when contacts abandon (default `offered`). */
  serviceLevelDefinition: z._default(ServiceLevelDefinition, 'offered'),
};

/**
 * Input of {@link requiredAgents}. At least one queue target is needed: `serviceLevel`,
 * `asaSeconds`, or (with `patienceSeconds`) `maxAbandonRate`.
 *
 * @example
 * ```ts
 * const input: RequiredAgentsInput = {
 *   calls: 1000, ahtSeconds: 180, intervalSeconds: 1800,
 *   serviceLevel: { target: 0.8, answerSeconds: 20 }, maxOccupancy: 0.9, shrinkage: 0.3,
 * };
 * ```
 */
export const RequiredAgentsInput = /* @__PURE__ */ z.strictObject({
  /** Arrivals in the interval. */
  calls: nonNegative,
  /** Mean handling time, talk plus wrap-up, in seconds. */
  ahtSeconds: positive,
  /** Length of the interval in seconds. */
  intervalSeconds: positive,
  ...staffingOptions,
});
/** @inheritDoc RequiredAgentsInput */
export type RequiredAgentsInput = z.input<typeof RequiredAgentsInput>;
type ParsedOptions = z.output<z.ZodMiniObject<typeof staffingOptions>>;

/**
 * The constraint that set the number of agents: the service-level target, the ASA target, the
 * abandonment cap, the occupancy cap, or `none` when there is no traffic.
 *
 * @example
 * ```ts
 * const binding: StaffingConstraint = 'occupancy';
 * ```
 */
export type StaffingConstraint = 'serviceLevel' | 'asa' | 'abandonment' | 'occupancy' | 'none';

/**
 * Queue measures at the recommended number of productive agents.
 *
 * @example
 * ```ts
 * const metrics: StaffingMetrics = requiredAgents(input).metrics;
 * ```
 */
export interface StaffingMetrics {
  /** Share of contacts that wait at all. */
  readonly probWait: number;
  /** Service level under the chosen definition. */
  readonly serviceLevel: number;
  /** Average speed of answer in seconds (answered contacts). */
  readonly asaSeconds: number;
  /** Share of agent time spent handling. */
  readonly occupancy: number;
  /** Mean number waiting. */
  readonly avgQueueLength: number;
  /** Share of contacts that abandon (0 in Erlang C). */
  readonly probAbandon: number;
}

/**
 * The answer of {@link requiredAgents}: productive agents, seats to schedule, and why.
 *
 * @example
 * ```ts
 * const result: RequiredAgentsResult = requiredAgents(input);
 * ```
 */
export interface RequiredAgentsResult {
  /** `erlang-c`, or `erlang-a` when `patienceSeconds` was given. */
  readonly model: 'erlang-c' | 'erlang-a';
  /** Offered load A = calls × AHT / interval. */
  readonly trafficErlangs: number;
  /** Smallest team meeting every queue target (service level, ASA, abandonment). */
  readonly agentsForServiceLevel: number;
  /** Smallest team whose occupancy is within the cap (exactly ceil(A / cap) in Erlang C). */
  readonly agentsForOccupancy: number;
  /** Productive agents on the queue: the larger of the two. */
  readonly agents: number;
  /** Seats to schedule: ceil(agents / (1 − shrinkage)), exact. */
  readonly scheduled: number;
  /** Which constraint set `agents`. */
  readonly binding: StaffingConstraint;
  /** Each target's own minimum (null where the target was not asked for). */
  readonly requirements: {
    readonly serviceLevel: number | null;
    readonly asa: number | null;
    readonly abandonment: number | null;
    readonly occupancy: number;
  };
  /** Queue measures at `agents`. */
  readonly metrics: StaffingMetrics;
}

/**
 * The agents an interval needs: the smallest team meeting the service-level (or ASA, or
 * abandonment) target, raised to the occupancy cap, then grossed up for shrinkage. Erlang C by
 * default, Erlang A when `patienceSeconds` is given. Every count is exact: the search starts at
 * floor(A) + 1 (Erlang A: at 1, since impatient contacts make fewer agents than Erlangs viable),
 * and the cap and shrinkage use rational arithmetic, so 21 Erlangs at a 70% cap is 30 agents.
 *
 * @example
 * {@includeCode ../../examples/headcount.example.ts#required-agents}
 */
export function requiredAgents(input: RequiredAgentsInput): RequiredAgentsResult {
  const v = parseInput(RequiredAgentsInput, input, 'requiredAgents');
  checkTargets(v, 'requiredAgents');
  return staffInterval(load(v.calls, v.ahtSeconds, v.intervalSeconds, 'requiredAgents'), v);
}

/** Cross-field rules the schema cannot say: which targets are needed and allowed together. */
export function checkTargets(v: ParsedOptions, context: string): void {
  if (v.maxAbandonRate !== undefined && v.patienceSeconds === undefined) {
    invalid('maxAbandonRate', 'an abandonment cap needs patienceSeconds (Erlang A)', context);
  }
  if (v.serviceLevel === undefined && v.asaSeconds === undefined && v.maxAbandonRate === undefined) {
    invalid('serviceLevel', 'expected a target: serviceLevel, asaSeconds or maxAbandonRate, received none', context);
  }
}

/** The search itself, on validated options; planStaffing calls it once per interval. */
export function staffInterval(l: Load, v: ParsedOptions): RequiredAgentsResult {
  const model = v.patienceSeconds === undefined ? 'erlang-c' : 'erlang-a';
  if (l.traffic === 0) return noTraffic(model, v);
  const table = new ErlangBTable(l.traffic);
  const requirements =
    v.patienceSeconds === undefined ? erlangCRequirements(l, v, table) : erlangARequirements(l, v, table, 1 / v.patienceSeconds);
  const queue = Math.max(requirements.serviceLevel ?? 0, requirements.asa ?? 0, requirements.abandonment ?? 0);
  const agents = Math.max(queue, requirements.occupancy);
  const binding: StaffingConstraint =
    requirements.serviceLevel === agents
      ? 'serviceLevel'
      : requirements.asa === agents
        ? 'asa'
        : requirements.abandonment === agents
          ? 'abandonment'
          : 'occupancy';
  return {
    model,
    trafficErlangs: l.traffic,
    agentsForServiceLevel: queue,
    agentsForOccupancy: requirements.occupancy,
    agents,
    scheduled: scheduledSeats(agents, v.shrinkage),
    binding,
    requirements,
    metrics: metricsAt(l, v, table, agents),
  };
}

type Requirements = RequiredAgentsResult['requirements'];

/** Erlang C: one upward scan from floor(A) + 1, stepping the Erlang B recursion once per agent. */
function erlangCRequirements(l: Load, v: ParsedOptions, table: ErlangBTable): Requirements {
  const traffic = trafficRational(l.calls, l.ahtSeconds, l.intervalSeconds);
  const sl = v.serviceLevel;
  let forSl: number | null = null;
  let forAsa: number | null = null;
  for (let n = floor(traffic) + 1; (sl !== undefined && forSl === null) || (v.asaSeconds !== undefined && forAsa === null); n++) {
    if (n > MAX_AGENTS) throw unreachable(sl === undefined ? 'asaSeconds' : 'serviceLevel.target');
    const m = erlangCAt(l, n, table.at(n), sl?.answerSeconds ?? 0);
    if (sl !== undefined && forSl === null && m.serviceLevel >= sl.target) forSl = n;
    if (v.asaSeconds !== undefined && forAsa === null && m.asaSeconds <= v.asaSeconds) forAsa = n;
  }
  return { serviceLevel: forSl, asa: forAsa, abandonment: null, occupancy: agentsForOccupancyCap(traffic, v.maxOccupancy) };
}

/** Erlang A: each target by bisection from N = 1 upward; every measure is monotone in N. */
function erlangARequirements(l: Load, v: ParsedOptions, table: ErlangBTable, abandonRate: number): Requirements {
  const cache = new Map<number, ErlangAResult>();
  const answerSeconds = v.serviceLevel?.answerSeconds ?? 0;
  const at = (n: number): ErlangAResult => {
    let m = cache.get(n);
    if (m === undefined) {
      m = erlangAAt(l, n, table, abandonRate, answerSeconds);
      cache.set(n, m);
    }
    return m;
  };
  const guess = Math.floor(l.traffic) + 1;
  const sl = v.serviceLevel;
  const cap = v.maxAbandonRate;
  return {
    serviceLevel: sl === undefined ? null : smallestMeeting((n) => serviceLevelOf(at(n), v.serviceLevelDefinition) >= sl.target, guess, 'serviceLevel.target'),
    asa: v.asaSeconds === undefined ? null : smallestMeeting((n) => at(n).asaSeconds <= (v.asaSeconds as number), guess, 'asaSeconds'),
    abandonment: cap === undefined ? null : smallestMeeting((n) => at(n).probAbandon <= cap, guess, 'maxAbandonRate'),
    occupancy: v.maxOccupancy === 1 ? 1 : smallestMeeting((n) => at(n).occupancy <= v.maxOccupancy, guess, 'maxOccupancy'),
  };
}

/** The service level under a definition; in Erlang C all three coincide. */
export function serviceLevelOf(m: ErlangAResult, definition: ServiceLevelDefinition): number {
  return definition === 'offered' ? m.serviceLevel : definition === 'answered' ? m.serviceLevelAnswered : m.serviceLevelVirtual;
}

function metricsAt(l: Load, v: ParsedOptions, table: ErlangBTable, agents: number): StaffingMetrics {
  const answerSeconds = v.serviceLevel?.answerSeconds ?? 0;
  if (v.patienceSeconds === undefined) {
    const m: ErlangCResult = erlangCAt(l, agents, table.at(agents), answerSeconds);
    return { probWait: m.probWait, serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds, occupancy: m.occupancy, avgQueueLength: m.avgQueueLength, probAbandon: 0 };
  }
  const m = erlangAAt(l, agents, table, 1 / v.patienceSeconds, answerSeconds);
  return {
    probWait: m.probWait,
    serviceLevel: serviceLevelOf(m, v.serviceLevelDefinition),
    asaSeconds: m.asaSeconds,
    occupancy: m.occupancy,
    avgQueueLength: m.avgQueueLength,
    probAbandon: m.probAbandon,
  };
}

function noTraffic(model: RequiredAgentsResult['model'], v: ParsedOptions): RequiredAgentsResult {
  return {
    model,
    trafficErlangs: 0,
    agentsForServiceLevel: 0,
    agentsForOccupancy: 0,
    agents: 0,
    scheduled: 0,
    binding: 'none',
    requirements: {
      serviceLevel: v.serviceLevel === undefined ? null : 0,
      asa: v.asaSeconds === undefined ? null : 0,
      abandonment: v.maxAbandonRate === undefined ? null : 0,
      occupancy: 0,
    },
    metrics: { probWait: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, avgQueueLength: 0, probAbandon: 0 },
  };
}

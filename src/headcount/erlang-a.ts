import * as z from 'zod/mini';
import { parseInput } from '../core/validate.ts';
import { ErlangBTable } from './erlang-b.ts';
import { load, nonNegative, positive, type Load } from './inputs.ts';
import { queueTail } from './queue-tail.ts';

/**
 * Input of {@link erlangA}: Erlang C's input plus the callers' mean patience.
 *
 * @example
 * ```ts
 * const input: ErlangAInput = { calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14, patienceSeconds: 300 };
 * ```
 */
export const ErlangAInput = /* @__PURE__ */ z.strictObject({
  /** Arrivals in the interval. */
  calls: nonNegative,
  /** Mean handling time in seconds. */
  ahtSeconds: positive,
  /** Length of the interval in seconds. */
  intervalSeconds: positive,
  /** Agents: a whole number ≥ 1 (may be below the traffic: the queue is still stable). */
  agents: z.number().check(z.int(), z.gte(1)),
  /** Mean time a waiting contact stays before giving up, in seconds (exponential patience). */
  patienceSeconds: positive,
  /** The service-level threshold T in seconds (default 20). */
  targetAnswerSeconds: z._default(nonNegative, 20),
});
/** @inheritDoc ErlangAInput */
export type ErlangAInput = z.input<typeof ErlangAInput>;

/**
 * Queue measures of Erlang A (M/M/N+M). `serviceLevel` uses the offered definition
 * (answered within T ÷ all arrivals); the other two definitions are given beside it.
 *
 * @example
 * ```ts
 * const result: ErlangAResult = erlangA({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14, patienceSeconds: 300 });
 * ```
 */
export interface ErlangAResult {
  /** Offered load A = calls × AHT / interval. */
  readonly trafficErlangs: number;
  /** P(W > 0): share of arrivals that find every agent busy. */
  readonly probWait: number;
  /** Share of arrivals that give up before being answered. */
  readonly probAbandon: number;
  /** Offered definition: answered within T ÷ all arrivals. */
  readonly serviceLevel: number;
  /** Answered within T ÷ answered arrivals. */
  readonly serviceLevelAnswered: number;
  /** Share whose wait, had they stayed, would have been at most T. */
  readonly serviceLevelVirtual: number;
  /** Mean wait of answered arrivals, in seconds. */
  readonly asaSeconds: number;
  /** Mean wait of all arrivals, abandoners included (Lq / λ), in seconds. */
  readonly meanWaitSeconds: number;
  /** Mean number waiting. */
  readonly avgQueueLength: number;
  /** Share of agent time spent handling: A (1 − P(abandon)) / N. */
  readonly occupancy: number;
}

/**
 * Erlang A: the queue with abandonment, from its exact birth–death solution. Unlike Erlang C it
 * is stable for every number of agents, including fewer agents than Erlangs of traffic, because
 * impatient contacts leave. Matches 50-digit references to about 1e-14.
 *
 * @example
 * {@includeCode ../../examples/headcount.example.ts#erlang-a}
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const v = parseInput(ErlangAInput, input, 'erlangA');
  const l = load(v.calls, v.ahtSeconds, v.intervalSeconds, 'erlangA');
  return erlangAAt(l, v.agents, new ErlangBTable(l.traffic), 1 / v.patienceSeconds, v.targetAnswerSeconds);
}

/** Erlang A measures for N ≥ 1 agents, reading Erlang B from a shared table. */
export function erlangAAt(l: Load, agents: number, table: ErlangBTable, abandonRate: number, answerSeconds: number): ErlangAResult {
  const a = l.traffic;
  if (a === 0) {
    return {
      trafficErlangs: 0,
      probWait: 0,
      probAbandon: 0,
      serviceLevel: 1,
      serviceLevelAnswered: 1,
      serviceLevelVirtual: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      avgQueueLength: 0,
      occupancy: 0,
    };
  }
  // Relative to π_N / B(N): the states below N weigh 1 − B(N) = N / (N + A·B(N−1)), state N weighs B(N).
  const tail = queueTail({
    lower: agents / (agents + a * table.at(agents - 1)),
    first: table.at(agents),
    arrivalRate: l.calls / l.intervalSeconds,
    serviceRate: agents / l.ahtSeconds,
    abandonRate,
    answerSeconds,
  });
  return {
    trafficErlangs: a,
    probWait: tail.probWait,
    probAbandon: tail.probAbandon,
    serviceLevel: tail.slOffered,
    serviceLevelAnswered: tail.slAnswered,
    serviceLevelVirtual: tail.slVirtual,
    asaSeconds: tail.asaSeconds,
    meanWaitSeconds: tail.meanWaitSeconds,
    avgQueueLength: tail.avgQueueLength,
    // Mean busy agents = Σ_{n≤N} n·π_n + N·P(n > N) = A·P(n < N) + N·P(n > N). Flow balance makes it
    // A(1 − P(abandon)), but that form cancels badly when nearly everyone abandons.
    occupancy: Math.min(1, (a * (1 - tail.queueShare) + agents * (tail.queueShare - tail.firstShare)) / agents),
  };
}

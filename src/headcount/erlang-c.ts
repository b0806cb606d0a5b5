import * as z from 'zod/mini';
import { parseInput } from '../core/validate.ts';
import { erlangBFractional } from './erlang-b.ts';
import { excess, load, nonNegative, positive, type Load } from './inputs.ts';

/**
 * Input of {@link erlangC}. `agents` may be fractional (continuous Erlang C).
 *
 * @example
 * ```ts
 * const input: ErlangCInput = { calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14 };
 * ```
 */
export const ErlangCInput = /* @__PURE__ */ z.strictObject({
  /** Arrivals in the interval. */
  calls: nonNegative,
  /** Mean handling time, talk or chat plus wrap-up, in seconds. */
  ahtSeconds: positive,
  /** Length of the interval in seconds (1800 for half-hours). */
  intervalSeconds: positive,
  /** Agents on the queue; may be fractional. */
  agents: nonNegative,
  /** The service-level threshold T in seconds (default 20). */
  targetAnswerSeconds: z._default(nonNegative, 20),
});
/** @inheritDoc ErlangCInput */
export type ErlangCInput = z.input<typeof ErlangCInput>;

/**
 * Queue measures of Erlang C (M/M/N: Poisson arrivals, exponential handling, nobody abandons).
 * When `agents ≤ trafficErlangs` the queue grows without bound: `stable` is false, `probWait`
 * is 1, `serviceLevel` 0, `occupancy` 1, and the waits and queue length are `Infinity`; this is
 * the one place kefu returns `Infinity`.
 *
 * @example
 * ```ts
 * const result: ErlangCResult = erlangC({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14 });
 * ```
 */
export interface ErlangCResult {
  /** Offered load A = calls × AHT / interval. */
  readonly trafficErlangs: number;
  /** Erlang B blocking probability at the same N and A. */
  readonly erlangB: number;
  /** P(W > 0): the share of contacts that wait at all (Erlang C). */
  readonly probWait: number;
  /** P(W ≤ T): the share answered within the threshold. */
  readonly serviceLevel: number;
  /** P(W > T), computed directly so it keeps its precision when the service level is near 1. */
  readonly probWaitLongerThanTarget: number;
  /** Average speed of answer: mean wait over all contacts, in seconds. */
  readonly asaSeconds: number;
  /** Mean wait of the contacts that do wait, in seconds. */
  readonly meanWaitIfDelayedSeconds: number;
  /** Mean number of contacts waiting. */
  readonly avgQueueLength: number;
  /** A / N, the share of agent time spent handling. */
  readonly occupancy: number;
  /** False when agents ≤ traffic. */
  readonly stable: boolean;
}

/**
 * Erlang C at a given number of agents: probability of waiting, service level, ASA, occupancy.
 * Stable for any size (no factorials or powers), exact to about 1e-15 against 50-digit
 * references; fractional agents use the continuous extension of Erlang B.
 *
 * @example
 * {@includeCode ../../examples/headcount.example.ts#erlang-c}
 */
export function erlangC(input: ErlangCInput): ErlangCResult {
  const v = parseInput(ErlangCInput, input, 'erlangC');
  const l = load(v.calls, v.ahtSeconds, v.intervalSeconds, 'erlangC');
  return erlangCAt(l, v.agents, erlangBFractional(v.agents, l.traffic), v.targetAnswerSeconds);
}

/** Erlang C measures from a known Erlang B value (the searches keep B in a table). */
export function erlangCAt(l: Load, agents: number, erlangB: number, answerSeconds: number): ErlangCResult {
  const a = l.traffic;
  if (a === 0) {
    return {
      trafficErlangs: 0,
      erlangB,
      probWait: 0,
      serviceLevel: 1,
      probWaitLongerThanTarget: 0,
      asaSeconds: 0,
      meanWaitIfDelayedSeconds: agents > 0 ? l.ahtSeconds / agents : 0,
      avgQueueLength: 0,
      occupancy: 0,
      stable: true,
    };
  }
  const gap = excess(agents, l);
  if (!(gap > 0)) {
    const infinity = Number.POSITIVE_INFINITY;
    return {
      trafficErlangs: a,
      erlangB,
      probWait: 1,
      serviceLevel: 0,
      probWaitLongerThanTarget: 1,
      asaSeconds: infinity,
      meanWaitIfDelayedSeconds: infinity,
      avgQueueLength: infinity,
      occupancy: 1,
      stable: false,
    };
  }
  // C = N·B / (N − A(1 − B)), with N − A(1 − B) written as (N − A) + A·B to avoid cancellation.
  const probWait = (agents * erlangB) / (gap + a * erlangB);
  const late = probWait * Math.exp((-gap * answerSeconds) / l.ahtSeconds);
  return {
    trafficErlangs: a,
    erlangB,
    probWait,
    serviceLevel: 1 - late,
    probWaitLongerThanTarget: late,
    asaSeconds: (probWait * l.ahtSeconds) / gap,
    meanWaitIfDelayedSeconds: l.ahtSeconds / gap,
    avgQueueLength: (probWait * a) / gap,
    occupancy: a / agents,
    stable: true,
  };
}

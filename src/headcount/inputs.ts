import * as z from 'zod/mini';
import { invalid } from '../core/errors.ts';

/** A finite number ≥ 0. */
export const nonNegative = /* @__PURE__ */ z.number().check(z.nonnegative());
/** A finite number > 0. */
export const positive = /* @__PURE__ */ z.number().check(z.positive());
/** A fraction strictly between 0 and 1. */
export const openFraction = /* @__PURE__ */ z.number().check(z.gt(0), z.lt(1));

/**
 * A service-level target: `target` of contacts answered within `answerSeconds`
 * (80/20 is `{ target: 0.8, answerSeconds: 20 }`). A target of 1 is unreachable in a queue and
 * is rejected.
 *
 * @example
 * ```ts
 * const sl: ServiceLevelTarget = { target: 0.8, answerSeconds: 20 };
 * ```
 */
export const ServiceLevelTarget = /* @__PURE__ */ z.strictObject({ target: openFraction, answerSeconds: nonNegative });
/** @inheritDoc ServiceLevelTarget */
export type ServiceLevelTarget = z.output<typeof ServiceLevelTarget>;

/**
 * Which service level to report and target when callers abandon (Erlang A):
 * - `offered`: answered within T ÷ all arrivals (abandoners count as misses; CCmath's default);
 * - `answered`: answered within T ÷ answered arrivals;
 * - `virtual`: share whose wait, had they not abandoned, would have been at most T.
 * Without abandonment the three are equal.
 *
 * @example
 * ```ts
 * const definition: ServiceLevelDefinition = 'offered';
 * ```
 */
export const ServiceLevelDefinition = /* @__PURE__ */ z.enum(['offered', 'answered', 'virtual']);
/** @inheritDoc ServiceLevelDefinition */
export type ServiceLevelDefinition = z.output<typeof ServiceLevelDefinition>;

/** The offered load of one interval in three exact-enough forms. */
export interface Load {
  readonly calls: number;
  readonly ahtSeconds: number;
  readonly intervalSeconds: number;
  /** A = calls × AHT / interval, in Erlangs. */
  readonly traffic: number;
}

/**
 * The largest offered load kefu models in one interval, in Erlangs: far above any real contact
 * centre (a million agents busy at once), and low enough that every search and table stays small.
 * A larger load is an `INVALID_INPUT` error on `calls` (`chats`, `volumes`).
 *
 * @example
 * ```ts
 * const calls = 2_000_000;
 * calls * 300 / 1800 <= MAX_TRAFFIC_ERLANGS; // true: 333,333 Erlangs can be planned
 * ```
 */
export const MAX_TRAFFIC_ERLANGS = 1_000_000;

/**
 * Builds a {@link Load}; a load above {@link MAX_TRAFFIC_ERLANGS} (a typo such as seconds entered as
 * milliseconds, or an overflow) is rejected with an error on `path`.
 */
export function load(calls: number, ahtSeconds: number, intervalSeconds: number, context = 'load', path = 'calls'): Load {
  const traffic = (calls * ahtSeconds) / intervalSeconds;
  if (!(traffic <= MAX_TRAFFIC_ERLANGS)) {
    invalid(path, `expected an offered load (calls × ahtSeconds ÷ intervalSeconds) of at most ${MAX_TRAFFIC_ERLANGS.toLocaleString('en-US')} Erlangs, received ${traffic}`, context);
  }
  return { calls, ahtSeconds, intervalSeconds, traffic };
}

/**
 * N − A computed as (N·I − calls·AHT) / I, so that with whole-number inputs the difference is
 * exact even when N and A are within a hair of each other (A = 1,999.92, N = 2,000).
 */
export function excess(servers: number, l: Load): number {
  return (servers * l.intervalSeconds - l.calls * l.ahtSeconds) / l.intervalSeconds;
}

import { ceil, div, mul, rational, sub, type Rational } from '../core/exact.ts';

/**
 * Seats to schedule so that `productive` agents are on the queue after shrinkage (breaks,
 * training, absence): ceil(N / (1 − s)), computed exactly, so 21 agents at 30% shrinkage is 30
 * seats, not the 31 a float gives. Not N × (1 + s), which understaffs (1.3 N instead of 1.43 N).
 *
 * @example
 * ```ts
 * scheduledSeats(21, 0.3); // 30
 * scheduledSeats(5019, 0.3); // 7170
 * ```
 */
export function scheduledSeats(productive: number, shrinkage: number): number {
  return ceil(div(rational(productive), sub(rational(1), rational(shrinkage))));
}

/**
 * The offered load as an exact fraction calls × AHT / interval.
 *
 * @example
 * ```ts
 * trafficRational(252, 150, 1800); // 21 as { num: 37800n, den: 1800n }
 * ```
 */
export function trafficRational(calls: number, ahtSeconds: number, intervalSeconds: number): Rational {
  return div(mul(rational(calls), rational(ahtSeconds)), rational(intervalSeconds));
}

/**
 * Agents needed so that occupancy A / N stays at or under the cap: ceil(A / maxOccupancy), exact.
 *
 * @example
 * ```ts
 * agentsForOccupancyCap(trafficRational(252, 150, 1800), 0.7); // 30 (a float gives 31)
 * ```
 */
export function agentsForOccupancyCap(traffic: Rational, maxOccupancy: number): number {
  return ceil(div(traffic, rational(maxOccupancy)));
}

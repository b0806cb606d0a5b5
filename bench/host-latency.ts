// How long one random memory load takes on this host right now, for benchmarks whose figure is
// bound by memory (the chase planner's million-order case, whose median for the same code has read
// from 2.1 s to 3.8 s on this shared machine). Printed beside the figure, it tells a slow host from
// a slower planner.
import { createRng } from '../src/core/rng.ts';

/** Entries in the cycle: 32 MB of Int32, beyond any cache the host gives one core. */
const SIZE = 1 << 23;
let cycle: Int32Array | undefined;

/** One random cycle through every slot (Sattolo's shuffle with core's seeded rng: the same cycle every run). */
function makeCycle(): Int32Array {
  const next = new Int32Array(SIZE);
  for (let i = 0; i < SIZE; i++) next[i] = i;
  const rng = createRng(20261111);
  for (let i = SIZE - 1; i > 0; i--) {
    const j = rng.nextInt(0, i - 1);
    const swap = next[i] as number;
    next[i] = next[j] as number;
    next[j] = swap;
  }
  return next;
}

/**
 * Mean nanoseconds per load when each load's address comes from the previous one (so none can
 * overlap): the memory latency a scattered heap walk pays per miss.
 */
export function randomLoadNs(steps = 2_000_000): number {
  cycle ??= makeCycle();
  const next = cycle;
  let at = 0;
  for (let k = 0; k < 10_000; k++) at = next[at] as number;
  const start = performance.now();
  for (let k = 0; k < steps; k++) at = next[at] as number;
  const ns = ((performance.now() - start) * 1e6) / steps;
  // `at` is used, so the loop cannot be dropped.
  return at < 0 ? -1 : Math.round(ns);
}

import { KefuError } from '../core/errors.ts';

/** The largest team a search will consider before it gives up with `OUT_OF_RANGE`. */
export const MAX_AGENTS = 10_000_000;

/**
 * The smallest n ≥ 1 for which `meets(n)` holds, for a predicate that is false and then true
 * as n grows (every queue measure here improves with more agents). It gallops up from `guess`
 * or bisects down below it, so it needs O(log n) evaluations.
 */
export function smallestMeeting(meets: (n: number) => boolean, guess: number, path: string): number {
  let lo = 0; // n = 0 never meets a target with traffic > 0
  let hi = Math.max(1, Math.floor(guess));
  if (!meets(hi)) {
    let step = Math.max(1, Math.ceil(hi / 16));
    lo = hi;
    hi = lo + step;
    while (!meets(hi)) {
      if (hi >= MAX_AGENTS) throw unreachable(path);
      lo = hi;
      step *= 2;
      hi = Math.min(lo + step, MAX_AGENTS);
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The error for a target that no team up to {@link MAX_AGENTS} meets. */
export function unreachable(path: string): KefuError {
  return new KefuError('OUT_OF_RANGE', [
    { path, message: `no team of up to ${MAX_AGENTS.toLocaleString('en-US')} agents meets this target` },
  ]);
}

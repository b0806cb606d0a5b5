import type { Rng } from '../core/rng.ts';

/** Rules a days-off pattern must keep, for every agent of one type. */
export interface PatternRules {
  readonly maxDays: number;
  readonly maxConsecutive: number | null;
}

/** A window rule: days in every `length` consecutive days of the horizon ≤ `max`. */
interface WindowRule {
  readonly length: number;
  readonly max: number;
}

/**
 * Splits day counts into one working-day pattern per agent, exactly: `counts[d]` of the
 * `agents` patterns work day d, and each keeps ≤ maxDays in every 7 days and the run limit.
 * Patterns are peeled off one at a time; each must leave a remainder that m − 1 agents can still
 * cover (remainder ≤ m − 1 per day, window sums ≤ (m − 1)·max). The window rows form an interval
 * matrix, whose integer decomposition property guarantees such a pattern exists whenever the
 * counts satisfy the summed rows, as the aggregate model ensures. Returns null if not.
 */
export function splitIntoPatterns(counts: readonly number[], agents: number, rules: PatternRules, rng: Rng): boolean[][] | null {
  const windows: WindowRule[] = [];
  if (rules.maxDays < 7) windows.push({ length: 7, max: rules.maxDays });
  if (rules.maxConsecutive !== null) windows.push({ length: rules.maxConsecutive + 1, max: rules.maxConsecutive });
  const remaining = [...counts];
  const patterns: boolean[][] = [];
  for (let m = agents; m >= 1; m--) {
    const pattern = peel(remaining, m, windows.filter((w) => w.length <= remaining.length), rng);
    if (pattern === null) return null;
    pattern.forEach((works, d) => {
      if (works) remaining[d] = (remaining[d] as number) - 1;
    });
    patterns.push(pattern);
  }
  return remaining.every((r) => r === 0) ? patterns : null;
}

/** One pattern p with p ≤ r, r − p ≤ m − 1, and every window of p and of r − p within its limits. */
function peel(remaining: readonly number[], m: number, windows: readonly WindowRule[], rng: Rng): boolean[] | null {
  const days = remaining.length;
  const memory = Math.max(1, ...windows.map((w) => w.length - 1));
  if (memory > 16) return null;
  const mask = (1 << memory) - 1;
  // Prefix sums of r make each window's remainder bound O(1).
  const prefix = [0];
  for (const r of remaining) prefix.push((prefix[prefix.length - 1] as number) + r);
  const allowed = (d: number, state: number, works: number): boolean => {
    const r = remaining[d] as number;
    if (works > r || r - works > m - 1) return false;
    for (const w of windows) {
      if (d - w.length + 1 < 0) continue;
      const own = popcount(state & ((1 << (w.length - 1)) - 1)) + works;
      const rest = (prefix[d + 1] as number) - (prefix[d - w.length + 1] as number) - own;
      if (own > w.max || rest > w.max * (m - 1)) return false;
    }
    return true;
  };
  const next = (state: number, works: number): number => ((state << 1) | works) & mask;
  // feasible[d][state]: a valid completion exists from day d with the last days in `state`.
  const feasible = Array.from({ length: days + 1 }, () => new Uint8Array(mask + 1));
  (feasible[days] as Uint8Array).fill(1);
  for (let d = days - 1; d >= 0; d--) {
    const here = feasible[d] as Uint8Array;
    const after = feasible[d + 1] as Uint8Array;
    for (let state = 0; state <= mask; state++) {
      if ((allowed(d, state, 0) && after[next(state, 0)] === 1) || (allowed(d, state, 1) && after[next(state, 1)] === 1)) here[state] = 1;
    }
  }
  if ((feasible[0] as Uint8Array)[0] !== 1) return null;
  const pattern: boolean[] = [];
  let state = 0;
  for (let d = 0; d < days; d++) {
    // Lean towards working the days that need many of the remaining agents; the seed breaks ties.
    const share = (remaining[d] as number) / m;
    const first = rng.next() < share ? 1 : 0;
    const choice = [first, 1 - first].find((w) => allowed(d, state, w) && (feasible[d + 1] as Uint8Array)[next(state, w)] === 1) as number;
    pattern.push(choice === 1);
    state = next(state, choice);
  }
  return pattern;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

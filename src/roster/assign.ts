import type { Problem, ShiftInstance } from './problem.ts';
import type { RosterState } from './state.ts';

/** One shift to hand out on a day: an instance worked in a skill. */
export interface ShiftUnit {
  readonly instance: number;
  readonly skill: number;
}

/**
 * Hands one day's shifts of one agent type to the agents whose pattern works that day. An agent
 * can take a shift when its rest since its last shift has run out by the shift's start; these
 * eligibilities are nested, so a matching exists exactly when, with both sides sorted, the i-th
 * earliest availability is no later than the i-th earliest start (Hall's condition). Shifts go
 * out latest-ending first, to agents who are off tomorrow when possible (a late finish does not
 * then push back tomorrow's start), never to one whose taking it would leave the rest of the day
 * unmatchable. Returns the units that no eligible agent could take.
 */
export function assignDay(state: RosterState, day: number, workers: readonly number[], tomorrow: ReadonlySet<number>, units: readonly ShiftUnit[]): ShiftUnit[] {
  const problem = state.problem;
  const instance = (u: ShiftUnit) => problem.instances[u.instance] as ShiftInstance;
  const avail = new Map(workers.map((a) => [a, availableFrom(state, problem, a, day)]));
  const open = [...units].sort((x, y) => instance(y).endMs - instance(x).endMs || instance(y).startMs - instance(x).startMs || x.instance - y.instance || x.skill - y.skill);
  const free = new Set(workers);
  // The starts of the open units and the availabilities of the free agents, each kept sorted.
  const starts = open.map((u) => instance(u).startMs).sort(ascending);
  const avails = workers.map((a) => avail.get(a) as number).sort(ascending);
  const dropped: ShiftUnit[] = [];
  for (let next = 0; next < open.length; next++) {
    const unit = open[next] as ShiftUnit;
    const k = instance(unit);
    removeOne(starts, k.startMs);
    // In order of preference, the first agent the shift's rules allow that keeps the rest of the
    // day matchable, else the first the rules allow (the rules are checked only as far as needed).
    const ranked = [...free]
      .filter((a) => (avail.get(a) as number) <= k.startMs)
      .sort((a, b) => Number(tomorrow.has(a)) - Number(tomorrow.has(b)) || (avail.get(b) as number) - (avail.get(a) as number) || a - b);
    const matchable = hallWithoutOne(starts, avails);
    let chosen: number | undefined;
    let fallback: number | undefined;
    for (const a of ranked) {
      if (state.blocker(a, unit.instance, unit.skill) !== null) continue;
      fallback ??= a;
      if (matchable(avail.get(a) as number)) {
        chosen = a;
        break;
      }
    }
    chosen ??= fallback;
    if (chosen === undefined) {
      dropped.push(unit);
      continue;
    }
    state.assign(chosen, unit.instance, unit.skill);
    free.delete(chosen);
    removeOne(avails, avail.get(chosen) as number);
  }
  return dropped;
}

const ascending = (a: number, b: number): number => a - b;

/** The first index of a sorted list holding a value at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Removes one occurrence of `value` (present) from a sorted list. */
function removeOne(sorted: number[], value: number): void {
  sorted.splice(lowerBound(sorted, value), 1);
}

/**
 * Hall's condition for nested eligibilities with one availability taken out: a test, for an
 * availability `v` of `avails`, of whether every start can still be paired with a distinct
 * availability at or before it (with both sides sorted, the i-th availability left is no later
 * than the i-th start). Prefix and suffix checks make each test one lookup instead of two sorts.
 */
function hallWithoutOne(starts: readonly number[], avails: readonly number[]): (v: number) => boolean {
  const m = starts.length;
  if (m > avails.length - 1) return () => false;
  // prefix[i]: avails[j] <= starts[j] for all j < i (nothing removed before i).
  const prefix = new Uint8Array(m + 1);
  prefix[0] = 1;
  for (let i = 0; i < m; i++) prefix[i + 1] = prefix[i] === 1 && (avails[i] as number) <= (starts[i] as number) ? 1 : 0;
  // suffix[i]: avails[j + 1] <= starts[j] for all j >= i (one removed before j).
  const suffix = new Uint8Array(m + 1);
  suffix[m] = 1;
  for (let i = m - 1; i >= 0; i--) suffix[i] = suffix[i + 1] === 1 && (avails[i + 1] as number) <= (starts[i] as number) ? 1 : 0;
  return (v) => {
    // Equal availabilities are interchangeable: taking out the first of them leaves the same list.
    const j = lowerBound(avails, v);
    return j >= m ? prefix[m] === 1 : prefix[j] === 1 && suffix[j] === 1;
  };
}

/** When the agent's rest after its latest earlier shift is over (−∞ if none). */
function availableFrom(state: RosterState, problem: Problem, agent: number, day: number): number {
  const rest = (problem.agents[agent] as { restMs: number }).restMs;
  for (let d = day - 1; d >= 0; d--) {
    const k = state.at(agent, d);
    if (k >= 0) return (problem.instances[k] as ShiftInstance).endMs + rest;
  }
  return Number.NEGATIVE_INFINITY;
}

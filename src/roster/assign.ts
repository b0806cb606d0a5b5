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
  const dropped: ShiftUnit[] = [];
  while (open.length > 0) {
    const unit = open.shift() as ShiftUnit;
    const k = instance(unit);
    const candidates = [...free]
      .filter((a) => (avail.get(a) as number) <= k.startMs && state.blocker(a, unit.instance, unit.skill) === null)
      .sort((a, b) => Number(tomorrow.has(a)) - Number(tomorrow.has(b)) || (avail.get(b) as number) - (avail.get(a) as number) || a - b);
    const keepsDayMatchable = (a: number) => hallHolds(open.map((u) => instance(u).startMs), [...free].filter((x) => x !== a).map((x) => avail.get(x) as number));
    const chosen = candidates.find(keepsDayMatchable) ?? candidates[0];
    if (chosen === undefined) {
      dropped.push(unit);
      continue;
    }
    state.assign(chosen, unit.instance, unit.skill);
    free.delete(chosen);
  }
  return dropped;
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

/** Nested-eligibility Hall check: every start can be paired with a distinct availability at or before it. */
function hallHolds(starts: number[], availabilities: number[]): boolean {
  if (starts.length > availabilities.length) return false;
  starts.sort((a, b) => a - b);
  availabilities.sort((a, b) => a - b);
  return starts.every((s, i) => (availabilities[i] as number) <= s);
}

import type { AgentSpec, Problem, ShiftInstance } from './problem.ts';
import type { RosterState } from './state.ts';
import { checkAgent, type Placed, type RosterViolation } from './validate.ts';

/**
 * The hard rules the pinned shifts break among themselves (two pins on a day, pins too close to
 * rest between, more pinned days in 7 than allowed, a pin on unavailable time…). When there are
 * any, no roster can keep every pin, and the result reports them instead of a roster.
 */
export function pinConflicts(problem: Problem): RosterViolation[] {
  const violations: RosterViolation[] = [];
  const dayIndex = new Map(problem.dates.map((d, i) => [d, i]));
  const templateIndex = new Map(problem.input.shifts.map((s, i) => [s.id, i]));
  problem.input.agents.forEach((input, index) => {
    if (input.fixed.length === 0) return;
    const placed: Placed[] = input.fixed.map((f) => {
      const day = dayIndex.get(f.date) as number;
      const instance = problem.instances[(problem.instancesByDay[day] as readonly number[])[templateIndex.get(f.shiftId) as number] as number] as ShiftInstance;
      return { instance, skill: f.skill === undefined ? -1 : problem.skills.indexOf(f.skill) };
    });
    checkAgent(problem, problem.agents[index] as AgentSpec, placed, violations);
  });
  return violations;
}

/**
 * Puts every pinned shift in place and locks it. The aggregate model already plans the pins, so
 * this only acts when a day's assignment could not place one: the agent's other shifts that would
 * break a rule next to it are dropped (the local search then fills the gaps).
 */
export function enforcePins(state: RosterState): void {
  const problem = state.problem;
  const days = problem.dates.length;
  for (const agent of problem.agents) {
    for (const [day, pin] of agent.fixed) {
      const k = problem.instances[pin.instance] as ShiftInstance;
      const skill = pin.skill >= 0 ? pin.skill : state.at(agent.index, day) === pin.instance ? state.skillAt(agent.index, day) : bestSkill(state, agent, k);
      if (state.at(agent.index, day) !== pin.instance || state.skillAt(agent.index, day) !== skill) {
        state.clear(agent.index, day);
        clearBlockers(state, agent, k);
        state.assign(agent.index, pin.instance, skill);
      }
      state.locked[agent.index * days + day] = 1;
    }
  }
}

function bestSkill(state: RosterState, agent: AgentSpec, k: ShiftInstance): number {
  let best = agent.skills[0] as number;
  let bestDelta = Number.POSITIVE_INFINITY;
  for (const skill of agent.skills) {
    const delta = state.shiftDelta(agent.index, k, skill, 1);
    if (delta < bestDelta) [best, bestDelta] = [skill, delta];
  }
  return best;
}

/** Drops the agent's unpinned shifts nearest to `k` until `k` breaks no rule (pins alone never do). */
function clearBlockers(state: RosterState, agent: AgentSpec, k: ShiftInstance): void {
  const days = state.problem.dates.length;
  for (let distance = 1; distance < days && state.scheduleBlocker(agent, k) !== null; distance++) {
    for (const d of [k.day - distance, k.day + distance]) {
      if (d >= 0 && d < days && state.locked[agent.index * days + d] !== 1 && !agent.fixed.has(d)) state.clear(agent.index, d);
    }
  }
}

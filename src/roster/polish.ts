import type { Rng } from '../core/rng.ts';
import type { AgentSpec, ShiftInstance } from './problem.ts';
import { requestCost, type RosterState } from './state.ts';

/**
 * Local search on the named roster: for each agent-day in a seeded order, take the best of
 * dropping the shift, adding one on a day off, or swapping it for another shift that day,
 * whenever that lowers the objective and breaks no hard rule. Repeats until a full pass finds
 * nothing or the deadline passes; returns the number of improving moves.
 */
export function polish(state: RosterState, deadline: number, now: () => number, rng: Rng): number {
  const problem = state.problem;
  const cells: Array<[number, number]> = [];
  for (const a of problem.agents) for (let d = 0; d < problem.dates.length; d++) cells.push([a.index, d]);
  const order = rng.shuffle(cells);
  let moves = 0;
  for (let improved = true; improved && now() < deadline; ) {
    improved = false;
    for (const [agent, day] of order) {
      if (improveCell(state, problem.agents[agent] as AgentSpec, day)) {
        moves++;
        improved = true;
      }
    }
  }
  return moves;
}

function improveCell(state: RosterState, agent: AgentSpec, day: number): boolean {
  const problem = state.problem;
  if (state.locked[agent.index * problem.dates.length + day] === 1) return false;
  const current = state.at(agent.index, day);
  const currentSkill = state.skillAt(agent.index, day);
  let bestDelta = -1e-9;
  let best: [number, number] | null = null; // [instance, skill]; instance -1 = day off
  let removal = 0;
  const wish = agent.requests.size > 0 ? (i: number) => requestCost(problem, agent, day, i) : () => 0;
  const currentWish = wish(current);
  if (current >= 0) {
    removal = state.shiftDelta(agent.index, problem.instances[current] as ShiftInstance, currentSkill, -1) + wish(-1) - currentWish;
    state.clear(agent.index, day);
    if (removal < bestDelta) {
      bestDelta = removal;
      best = [-1, 0];
    }
  }
  for (const i of problem.instancesByDay[day] as readonly number[]) {
    if (agent.allowed[i] !== 1) continue;
    const k = problem.instances[i] as ShiftInstance;
    for (const skill of agent.skills) {
      if (i === current && skill === currentSkill) continue;
      const delta = removal + state.shiftDelta(agent.index, k, skill, 1) + wish(i) - wish(-1);
      if (delta < bestDelta && state.scheduleBlocker(agent, k) === null) {
        bestDelta = delta;
        best = [i, skill];
      }
    }
  }
  if (best === null) {
    if (current >= 0) state.assign(agent.index, current, currentSkill);
    return false;
  }
  if (best[0] >= 0) state.assign(agent.index, best[0], best[1]);
  return true;
}

import { agentsByKind, type AgentSpec, type ShiftInstance } from './problem.ts';
import { requestCost, type RosterState } from './state.ts';

/** How many of the lightest-loaded agents each heavy one tries to swap a day with. */
const PARTNERS = 8;

/**
 * Fairness as a tie-breaker: swaps a day's work between two agents of the same contract group
 * (one may be off), which leaves the coverage per skill as it is, whenever the hours and night
 * shifts get more even and no other term gets worse in sum. Both agents must hold the skill,
 * be allowed the shift and keep every hard rule. Returns the number of swaps made.
 */
export function balance(state: RosterState, deadline: number, now: () => number): number {
  const problem = state.problem;
  const weight = problem.input.weights.fairness;
  const { hours, nights } = state.workload();
  const groups = agentsByKind(problem);
  let swaps = 0;
  for (let improved = true, pass = 0; improved && pass < 4 && now() < deadline; pass++) {
    improved = false;
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const meanHours = members.reduce((sum, m) => sum + (hours[m] as number), 0) / members.length;
      const meanNights = members.reduce((sum, m) => sum + (nights[m] as number), 0) / members.length;
      const spread = (m: number, dh: number, dn: number) =>
        weight * (Math.abs((hours[m] as number) + dh - meanHours) + Math.abs((nights[m] as number) + dn - meanNights) - Math.abs((hours[m] as number) - meanHours) - Math.abs((nights[m] as number) - meanNights));
      const byLoad = [...members].sort((x, y) => (hours[x] as number) - (hours[y] as number) || (nights[x] as number) - (nights[y] as number) || x - y);
      const light = byLoad.slice(0, PARTNERS);
      for (const heavy of byLoad.slice(PARTNERS).reverse().concat(light)) {
        if (now() >= deadline) return swaps;
        for (let day = 0; day < problem.dates.length; day++) {
          for (const partner of light) {
            if (partner === heavy) continue;
            const made = trySwap(state, heavy, partner, day, spread, hours, nights);
            if (made) {
              swaps++;
              improved = true;
              break;
            }
          }
        }
      }
    }
  }
  return swaps;
}

type Spread = (agent: number, dHours: number, dNights: number) => number;

/** Swaps the agents' work on `day` when it lowers objective + fairness; restores it otherwise. */
function trySwap(state: RosterState, a: number, b: number, day: number, spread: Spread, hours: Float64Array, nights: Float64Array): boolean {
  const problem = state.problem;
  const days = problem.dates.length;
  if (state.locked[a * days + day] === 1 || state.locked[b * days + day] === 1) return false;
  const ia = state.at(a, day);
  const ib = state.at(b, day);
  if (ia === ib && (ia < 0 || state.skillAt(a, day) === state.skillAt(b, day))) return false;
  const sa = state.skillAt(a, day);
  const sb = state.skillAt(b, day);
  const specA = problem.agents[a] as AgentSpec;
  const specB = problem.agents[b] as AgentSpec;
  if (!canWork(specA, ib, sb) || !canWork(specB, ia, sa)) return false;
  const load = (i: number) => (i < 0 ? [0, 0] : [(problem.instances[i] as ShiftInstance).hours, problem.nights[i] as number]) as [number, number];
  const [ha, na] = load(ia);
  const [hb, nb] = load(ib);
  const fairness = spread(a, hb - ha, nb - na) + spread(b, ha - hb, na - nb);
  if (fairness >= -1e-9 && specA.requests.size === 0 && specB.requests.size === 0 && specA.core.length === 0 && specB.core.length === 0) return false;
  const wishes = requestCost(problem, specA, day, ib) + requestCost(problem, specB, day, ia) - requestCost(problem, specA, day, ia) - requestCost(problem, specB, day, ib);
  let change = fairness + wishes;
  if (ia >= 0) change += removeShift(state, a, day);
  if (ib >= 0) change += removeShift(state, b, day);
  const kb = ib < 0 ? null : (problem.instances[ib] as ShiftInstance);
  const ka = ia < 0 ? null : (problem.instances[ia] as ShiftInstance);
  let legal = (kb === null || state.scheduleBlocker(specA, kb) === null) && (ka === null || state.scheduleBlocker(specB, ka) === null);
  if (legal && kb !== null) {
    change += state.shiftDelta(a, kb, sb, 1);
    state.assign(a, ib, sb);
    legal = ka === null || state.scheduleBlocker(specB, ka) === null;
  }
  if (legal && ka !== null) change += state.shiftDelta(b, ka, sa, 1);
  if (!legal || change >= -1e-9) {
    state.clear(a, day);
    if (ia >= 0) state.assign(a, ia, sa);
    if (ib >= 0) state.assign(b, ib, sb);
    return false;
  }
  if (ka !== null) state.assign(b, ia, sa);
  hours[a] = (hours[a] as number) + hb - ha;
  hours[b] = (hours[b] as number) + ha - hb;
  nights[a] = (nights[a] as number) + nb - na;
  nights[b] = (nights[b] as number) + na - nb;
  return true;
}

function canWork(agent: AgentSpec, instance: number, skill: number): boolean {
  return instance < 0 || (agent.allowed[instance] === 1 && agent.skills.includes(skill));
}

function removeShift(state: RosterState, agent: number, day: number): number {
  const instance = state.at(agent, day);
  const change = state.shiftDelta(agent, state.problem.instances[instance] as ShiftInstance, state.skillAt(agent, day), -1);
  state.clear(agent, day);
  return change;
}


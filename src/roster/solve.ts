import { createRng, type Rng } from '../core/rng.ts';
import { solveAggregate, type AggregateSolution } from './aggregate.ts';
import { assignDay, type ShiftUnit } from './assign.ts';
import { balance } from './balance.ts';
import { splitIntoPatterns } from './patterns.ts';
import { enforcePins } from './pins.ts';
import { polish } from './polish.ts';
import type { AgentType, Problem, ShiftInstance } from './problem.ts';
import { RosterState } from './state.ts';

/** What the solver found, before it is turned into the public result. */
export interface Solved {
  readonly state: RosterState;
  readonly lowerBound: number;
  readonly objective: number;
  /** How long the first aggregate solve took: what a what-if re-solve will cost. */
  readonly aggregateMs: number;
}

const RESTARTS = 8;
/** Share of the time limit for solving; the what-if levers use the rest. */
const SOLVE_SHARE = 0.85;

/**
 * The pipeline: aggregate counts (and the bound), exact days-off patterns per agent type, a
 * rest-aware assignment day by day, pins put in place, then local search; fairness last. When the roster misses the bound, it
 * retries from other optimal vertices of the aggregate model (a seeded cost perturbation too
 * small to change its optimum) and keeps the best roster.
 */
export function solveRoster(problem: Problem, now: () => number, first?: AggregateSolution, started = now()): Solved {
  const deadline = started + problem.input.timeLimitMs * SOLVE_SHARE;
  const rng = createRng(problem.input.seed);
  let best = null as Solved | null;
  let attemptMs = 0;
  let aggregateMs = 0;
  let reuse = first;
  for (let attempt = 0; attempt <= RESTARTS; attempt++) {
    const attemptStart = now();
    const left = deadline - attemptStart;
    // Another attempt only if one as long as the first still fits in the time limit.
    if (attempt > 0 && left < Math.max(problem.input.timeLimitMs * 0.1, (reuse === undefined ? attemptMs : attemptMs - aggregateMs) * 1.5)) break;
    const tryRng = rng.fork(`attempt ${attempt}`);
    const timeoutMs = Math.max(50, left * 0.5);
    // Counts from another engine, or from a slow aggregate solve, are split again with other seeds rather than re-solved.
    const aggregate = reuse ?? solveAggregate(problem, attempt === 0 ? { timeoutMs } : { timeoutMs, perturbation: perturbation(tryRng) });
    if (attempt === 0) {
      aggregateMs = now() - attemptStart;
      if (aggregateMs > problem.input.timeLimitMs * 0.25 && aggregate.status !== 'failed') reuse = aggregate;
    }
    // With no counts (the model ran out of time before a whole solution) the local search builds the roster alone.
    const state = decompose(problem, aggregate, tryRng);
    enforcePins(state);
    polish(state, Math.min(deadline, now() + Math.max(20, (deadline - now()) / (RESTARTS - attempt + 1))), now, tryRng);
    const objective = state.objective();
    const lowerBound = Math.max(best?.lowerBound ?? 0, attempt === 0 ? aggregate.lowerBound : 0);
    best = best !== null && best.objective <= objective + 1e-9 ? { ...best, lowerBound } : { state, lowerBound, objective, aggregateMs };
    if (attempt === 0) attemptMs = now() - attemptStart;
    if (best.objective <= best.lowerBound + 1e-6) break;
  }
  if (best === null) throw new Error('no attempt fitted in the time limit'); // unreachable: attempt 0 always runs
  // Time no further attempt fits in goes to the best roster's local search.
  if (best.objective > best.lowerBound + 1e-6 && now() < deadline) polish(best.state, deadline, now, rng.fork('last'));
  // Fairness breaks ties last, with swaps that leave the coverage as it is.
  if (problem.input.weights.fairness > 0) balance(best.state, Math.max(deadline, now() + 50), now);
  return { ...best, objective: best.state.objective() };
}

/** A tiny seeded cost per count variable: moves the solver to another optimal vertex. */
function perturbation(rng: Rng): (key: string) => number {
  return () => rng.next() * 1e-4;
}

/** Counts → named agents: patterns per type, then each day's shifts to that day's workers. */
export function decompose(problem: Problem, aggregate: AggregateSolution, rng: Rng): RosterState {
  const state = new RosterState(problem);
  const plans = problem.types.map((type) => typePlan(problem, type, aggregate, rng));
  for (let day = 0; day < problem.dates.length; day++) {
    for (const plan of plans) {
      const workers = plan.agents.filter((_, i) => plan.patterns[i]?.[day] === true);
      const tomorrow = new Set(plan.agents.filter((_, i) => plan.patterns[i]?.[day + 1] === true));
      assignDay(state, day, workers, tomorrow, plan.unitsByDay[day] as ShiftUnit[]);
    }
  }
  return state;
}

interface TypePlan {
  readonly agents: readonly number[];
  readonly patterns: readonly (readonly boolean[])[];
  readonly unitsByDay: readonly ShiftUnit[][];
}

function typePlan(problem: Problem, type: AgentType, aggregate: AggregateSolution, rng: Rng): TypePlan {
  const days = problem.dates.length;
  const unitsByDay: ShiftUnit[][] = Array.from({ length: days }, () => []);
  for (const [key, n] of aggregate.counts) {
    const [t, instance, skill] = key.split(':').map(Number) as [number, number, number];
    if (t !== type.index) continue;
    const k = problem.instances[instance] as ShiftInstance;
    for (let i = 0; i < n; i++) unitsByDay[k.day]?.push({ instance, skill });
  }
  // Agents in id order, so the input order of agents cannot change the roster.
  const agents = [...type.agents].sort((a, b) => ((problem.agents[a]?.id ?? '') < (problem.agents[b]?.id ?? '') ? -1 : 1));
  const counts = unitsByDay.map((u) => u.length);
  const patterns = splitIntoPatterns(counts, agents.length, { maxDays: type.spec.maxDays, maxConsecutive: type.spec.maxConsecutive }, rng) ?? fallbackPatterns(counts, agents.length, type.spec.maxDays);
  return { agents, patterns, unitsByDay };
}

/**
 * If the exact split fails (it should not when the aggregate rows hold), each agent in turn works
 * the days still needed as far as its own 7-day rule allows; shifts left over are dropped.
 */
function fallbackPatterns(counts: readonly number[], agents: number, maxDays: number): boolean[][] {
  const left = [...counts];
  return Array.from({ length: agents }, () => {
    const pattern: boolean[] = [];
    left.forEach((need, d) => {
      const recent = pattern.slice(Math.max(0, d - 6), d).filter(Boolean).length;
      const works = need > 0 && recent < maxDays;
      if (works) left[d] = need - 1;
      pattern.push(works);
    });
    return pattern;
  });
}

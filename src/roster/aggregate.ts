import { solve, type Constraint, type Model } from 'yalps';
import { createRng } from '../core/rng.ts';
import type { AgentType, CoreRule, Problem, ShiftInstance } from './problem.ts';
import { corePenalty, coverageTotals, ratioPenalty } from './state.ts';

/** Changes to the agents' rules for a what-if solve. */
export interface AggregateTweak {
  /** Extra agents per type index. */
  readonly extraAgents?: ReadonlyMap<number, number>;
  /** Added to every type's days-in-7 limit (capped at 7). */
  readonly extraDaysPer7?: number;
  /** Subtracted from every rest requirement, in hours. */
  readonly lessRestHours?: number;
  /** Leave out the rest-clique rows (a weaker but much smaller relaxation, for large models). */
  readonly withoutRestRows?: boolean;
}

/** The aggregate model's answer: shift counts and a lower bound on any roster's objective. */
export interface AggregateSolution {
  readonly status: 'optimal' | 'timedout' | 'failed';
  /** Agents on each (type, instance, skill), keyed `type:instance:skill`. */
  readonly counts: ReadonlyMap<string, number>;
  /** A proven lower bound on the objective of every roster (0 when nothing could be proven). */
  readonly lowerBound: number;
  /** Objective of the counts themselves (the aggregate optimum when `optimal`). */
  readonly objective: number;
}

/**
 * The aggregate model relaxes the per-agent rules by summing them over the agents of a type:
 * every roster maps to feasible counts with the same coverage, so its optimum is a lower bound.
 * Variables: n[type, shift instance, skill] ≥ 0 integer and u ≥ 0, the shortfall per skill and
 * interval. Surplus is coverage − demand + shortfall, so its cost folds into each shift's cost
 * (overstaff weight × its hours in the horizon) and the coverage rows become `≥`: far less
 * degenerate for the simplex than equality rows with a surplus variable. Rows: per type, agents per day ≤ A, days in each 7-day window
 * ≤ maxDays·A, runs of maxConsecutive+1 days ≤ maxConsecutive·A, hours in each 7-day window
 * ≤ maxHours·A, and at most A shifts in any set that pairwise break rest (a rest clique).
 */
export function solveAggregate(
  problem: Problem,
  options: { timeoutMs: number; perturbation?: (key: string) => number; tweak?: AggregateTweak; boundOnTimeout?: boolean },
): AggregateSolution {
  const tweak = options.tweak ?? {};
  const cliques = problem.types.map((type) => (tweak.withoutRestRows === true ? [] : restCliques(problem.instances.filter((k) => type.spec.allowed[k.index] === 1), restMsOf(type, tweak))));
  // Small models take every rest clique at once; large ones only those the counts break (cutting planes).
  const large = estimatedSize(problem, cliques) > LARGE_MODEL;
  const active = cliques.map((list) => (large ? new Set<number>() : new Set(list.map((_, i) => i))));
  // The rounds share the time: each gets what the earlier ones left.
  const deadline = Date.now() + options.timeoutMs;
  let solution: AggregateSolution = { status: 'failed', counts: new Map(), lowerBound: 0, objective: Number.NaN };
  let roundMs = 0;
  for (let round = 0; round < 12; round++) {
    const left = round === 0 ? options.timeoutMs : deadline - Date.now();
    // A round cannot stop inside a simplex solve, and each is larger than the last: one that would
    // not fit in the time left is not started.
    if (round > 0 && left < roundMs) break;
    const roundStart = Date.now();
    const next = solveModel(
      problem,
      buildModel(problem, tweak, cliques, active, options.perturbation),
      { timeoutMs: left, boundOnTimeout: options.boundOnTimeout ?? true },
      () => buildModel(problem, tweak, cliques, active, nudge(options.perturbation)),
    );
    roundMs = Date.now() - roundStart;
    // A later round that runs out of time keeps the earlier round's counts: they may break a rest
    // row the round added (the assignment then leaves that shift out), but their cost still bounds
    // every roster, as each round solves a relaxation of the full model.
    if (next.status === 'failed' && round > 0) break;
    solution = next;
    if (solution.status === 'failed' || !large) break;
    if (!addViolatedCliques(solution.counts, problem, cliques, active, tweak)) break;
  }
  return solution;
}

/** The whole aggregate model with every rest row, for an external solver, and its cost offset. */
export function fullAggregateModel(problem: Problem): { model: Model; offset: number } {
  const cliques = problem.types.map((type) => restCliques(problem.instances.filter((k) => type.spec.allowed[k.index] === 1), restMsOf(type, {})));
  const active = cliques.map((list) => new Set(list.map((_, i) => i)));
  return { model: buildModel(problem, {}, cliques, active), offset: modelOffset(problem) };
}

/** Counts from a solver's values of the `n:` variables, rounded to whole agents. */
export function countsFrom(values: Iterable<readonly [string, number]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [key, value] of values) {
    if (!key.startsWith('n:')) continue;
    const rounded = Math.round(value);
    if (rounded > 0) counts.set(key.slice(2), rounded);
  }
  return counts;
}

/** Rows × columns above which the simplex tableau gets slow enough to add rest rows lazily. */
const LARGE_MODEL = 8_000_000;

function estimatedSize(problem: Problem, cliques: readonly (readonly number[][])[]): number {
  let columns = 0;
  let rows = problem.skills.length * problem.slots;
  problem.types.forEach((type, i) => {
    let allowed = 0;
    for (const flag of type.spec.allowed) allowed += flag;
    columns += allowed * type.spec.skills.length;
    rows += problem.dates.length * 2 + (cliques[i]?.length ?? 0);
  });
  return rows * columns;
}

function addViolatedCliques(counts: ReadonlyMap<string, number>, problem: Problem, cliques: readonly (readonly number[][])[], active: Set<number>[], tweak: AggregateTweak): boolean {
  const perInstance = problem.types.map(() => new Map<number, number>());
  for (const [key, n] of counts) {
    const [type, instance] = key.split(':').map(Number) as [number, number];
    const m = perInstance[type] as Map<number, number>;
    m.set(instance, (m.get(instance) ?? 0) + n);
  }
  let added = false;
  problem.types.forEach((type, t) => {
    const headcount = type.agents.length + (tweak.extraAgents?.get(t) ?? 0);
    (cliques[t] ?? []).forEach((members, i) => {
      if (active[t]?.has(i)) return;
      let sum = 0;
      for (const m of members) sum += perInstance[t]?.get(m) ?? 0;
      if (sum > headcount) {
        active[t]?.add(i);
        added = true;
      }
    });
  });
  return added;
}

function restMsOf(type: AgentType, tweak: AggregateTweak): number {
  return Math.max(0, type.spec.restMs - (tweak.lessRestHours ?? 0) * 3_600_000);
}

/** One solve; on a timeout the LP relaxation gives the bound, unless the caller has no use for it (`boundOnTimeout: false`, bound 0). */
function solveModel(problem: Problem, model: Model, options: { timeoutMs: number; boundOnTimeout: boolean }, nudged: () => Model): AggregateSolution {
  const run = (m: Model) => solve(m, { timeout: options.timeoutMs, maxPivots: 200_000, checkCycles: true, maxIterations: 1_000_000, tolerance: 0 });
  let result = run(model);
  // A cycling simplex is broken by a small seeded perturbation of the costs (below any real difference).
  if (result.status === 'cycled') result = run(nudged());
  // Without whole counts the LP relaxation still bounds every roster; the caller builds one without counts.
  if (result.status !== 'optimal' && result.status !== 'timedout') return { status: 'failed', counts: new Map(), lowerBound: 0, objective: Number.NaN };
  const bound = (): number => (options.boundOnTimeout ? relaxationBound(problem, model) : 0);
  if (result.status === 'timedout' && Number.isNaN(result.result)) return { status: 'failed', counts: new Map(), lowerBound: bound(), objective: Number.NaN };
  const counts = countsFrom(result.variables);
  const objective = objectiveOfCounts(problem, counts);
  // The objective is recomputed from whole counts, so at a proven optimum it is the exact bound.
  const lowerBound = result.status === 'optimal' ? objective : bound();
  return { status: result.status, counts, lowerBound, objective };
}

/**
 * Objective of integer counts (independent of the perturbation): coverage, ratios, core teams
 * and requests, which the counts settle exactly; handovers are left out, so at the aggregate
 * optimum it is a lower bound on every roster's objective.
 */
export function objectiveOfCounts(problem: Problem, counts: ReadonlyMap<string, number>): number {
  const coverage = problem.skills.map(() => new Float64Array(problem.slots));
  const onDuty = problem.cores.map((c) => new Float64Array(c.to - c.from));
  const perTypeInstance = problem.types.map(() => new Map<number, number>());
  for (const [key, n] of counts) {
    const [type, instance, skill] = key.split(':').map(Number) as [number, number, number];
    const k = problem.instances[instance] as ShiftInstance;
    const c = coverage[skill] as Float64Array;
    for (let t = Math.max(0, k.startSlot); t < Math.min(k.endSlot, problem.slots); t++) c[t] = (c[t] as number) + n;
    for (const r of (problem.types[type] as AgentType).spec.core) {
      const rule = problem.cores[r] as CoreRule;
      const duty = onDuty[r] as Float64Array;
      for (let t = Math.max(rule.from, k.startSlot); t < Math.min(rule.to, k.endSlot); t++) duty[t - rule.from] = (duty[t - rule.from] as number) + n;
    }
    const m = perTypeInstance[type] as Map<number, number>;
    m.set(instance, (m.get(instance) ?? 0) + n);
  }
  let requests = 0;
  problem.types.forEach((type, t) => {
    const units = perTypeInstance[t] as Map<number, number>;
    for (const [day, request] of type.spec.requests) {
      const onDay = (problem.instancesByDay[day] as readonly number[]).map((i) => units.get(i) ?? 0);
      const honoured = request.template < 0 ? type.agents.length - onDay.reduce((a, b) => a + b, 0) : (onDay[request.template] as number);
      requests += request.cost * (type.agents.length - honoured);
    }
  });
  return coverageTotals(problem, coverage).objective + ratioPenalty(problem, coverage) + corePenalty(problem, onDuty) + requests;
}

/** Adds a tiny deterministic cost to every count variable on top of any given perturbation. */
function nudge(perturbation?: (key: string) => number): (key: string) => number {
  const rng = createRng(0x9e3779b9);
  return (key) => (perturbation?.(key) ?? 0) + rng.next() * 1e-5;
}

/** Rounding noise must not lift a bound above the truth. */
export function floorBound(value: number): number {
  return Math.max(0, value - 1e-6 * Math.max(1, Math.abs(value)));
}

function relaxationBound(problem: Problem, model: Model): number {
  const lp = solve({ ...model, integers: false }, { maxPivots: 200_000, checkCycles: true });
  return lp.status === 'optimal' ? Math.max(0, floorBound(lp.result + modelOffset(problem))) : 0;
}

/**
 * What to add to the model's cost to get the objective: the model counts surplus as overstaff ×
 * covered hours (the true surplus subtracts demand) and rewards a honoured shift request rather
 * than charging the ones missed.
 */
function modelOffset(problem: Problem): number {
  let demandHours = 0;
  for (const d of problem.demand) for (const v of d) demandHours += v;
  let shiftRequests = 0;
  for (const type of problem.types) for (const r of type.spec.requests.values()) if (r.template >= 0) shiftRequests += r.cost * type.agents.length;
  return shiftRequests - problem.input.weights.overstaff * problem.slotHours * demandHours;
}

type Row = Array<readonly [string, number]>;

function buildModel(problem: Problem, tweak: AggregateTweak, cliques: readonly (readonly number[][])[], active: readonly Set<number>[], perturbation?: (key: string) => number): Model {
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Row>();
  const integers: string[] = [];
  const w = problem.input.weights;
  const slotCost = problem.slotHours;
  problem.skills.forEach((_, s) => {
    const demand = problem.demand[s] as Float64Array;
    for (let t = 0; t < problem.slots; t++) {
      if ((demand[t] as number) <= 0) continue; // coverage of an interval without demand is only surplus
      const row = `c:${s}:${t}`;
      constraints.set(row, { min: demand[t] as number });
      variables.set(`u:${s}:${t}`, [['cost', (w.understaff + w.overstaff) * slotCost], [row, 1]]);
    }
  });
  // RO-1: core agents on duty per interval of each core window, with a priced shortfall.
  problem.cores.forEach((rule, r) => {
    for (let t = rule.from; t < rule.to; t++) {
      constraints.set(`k:${r}:${t}`, { min: rule.min });
      variables.set(`v:${r}:${t}`, [['cost', w.coreTeam * slotCost], [`k:${r}:${t}`, 1]]);
    }
  });
  // RO-2: g ≥ |(1 − share)·a − share·b|, the agents of `a` off the target split.
  problem.ratios.forEach((rule, r) => {
    for (let t = 0; t < problem.slots; t++) {
      if (Number.isNaN(rule.share[t] as number)) continue;
      constraints.set(`gp:${r}:${t}`, { max: 0 });
      constraints.set(`gm:${r}:${t}`, { max: 0 });
      variables.set(`g:${r}:${t}`, [['cost', w.ratio * slotCost], [`gp:${r}:${t}`, -1], [`gm:${r}:${t}`, -1]]);
    }
  });
  for (const type of problem.types) {
    const rows = (cliques[type.index] ?? []).filter((_, i) => active[type.index]?.has(i) === true);
    addType(problem, type, tweak, rows, constraints, variables, integers, perturbation);
  }
  return { direction: 'minimize', objective: 'cost', constraints, variables, integers };
}

/** The core, ratio and pin rows a count variable enters, besides coverage and the type's rules. */
function softRows(problem: Problem, type: AgentType, k: ShiftInstance, skill: number): Row {
  const row: Row = [];
  for (const r of type.spec.core) {
    const rule = problem.cores[r] as CoreRule;
    for (let t = Math.max(rule.from, k.startSlot); t < Math.min(rule.to, k.endSlot); t++) row.push([`k:${r}:${t}`, 1]);
  }
  problem.ratios.forEach((rule, r) => {
    if (rule.a !== skill && rule.b !== skill) return;
    for (let t = Math.max(0, k.startSlot); t < Math.min(problem.slots, k.endSlot); t++) {
      const share = rule.share[t] as number;
      if (Number.isNaN(share)) continue;
      const coefficient = rule.a === skill ? 1 - share : -share;
      row.push([`gp:${r}:${t}`, coefficient], [`gm:${r}:${t}`, -coefficient]);
    }
  });
  const pin = type.spec.fixed.get(k.day);
  if (pin !== undefined && pin.instance === k.index && (pin.skill < 0 || pin.skill === skill)) row.push([`f:${type.index}:${k.day}`, 1]);
  return row;
}

/** Request costs folded into a count variable: per agent working a wished-off day, minus per agent on a wished shift. */
function requestCostOf(type: AgentType, k: ShiftInstance): number {
  const request = type.spec.requests.get(k.day);
  if (request === undefined) return 0;
  if (request.template < 0) return request.cost;
  return request.template === k.template ? -request.cost : 0;
}

function addType(
  problem: Problem,
  type: AgentType,
  tweak: AggregateTweak,
  cliques: readonly number[][],
  constraints: Map<string, Constraint>,
  variables: Map<string, Row>,
  integers: string[],
  perturbation?: (key: string) => number,
): void {
  const spec = type.spec;
  const headcount = type.agents.length + (tweak.extraAgents?.get(type.index) ?? 0);
  const days = problem.dates.length;
  const maxDays = Math.min(7, spec.maxDays + (tweak.extraDaysPer7 ?? 0));
  const allowed = problem.instances.filter((k) => spec.allowed[k.index] === 1);
  const id = type.index;
  for (let d = 0; d < days; d++) constraints.set(`d:${id}:${d}`, { max: headcount });
  const windowRows = (d: number): string[] => {
    const rows: string[] = [];
    for (let start = Math.max(0, d - 6); start <= d && start + 7 <= days; start++) rows.push(`w:${id}:${start}`);
    return rows;
  };
  for (let start = 0; start + 7 <= days; start++) {
    if (maxDays < 7) constraints.set(`w:${id}:${start}`, { max: maxDays * headcount });
    if (spec.maxHours !== null) constraints.set(`h:${id}:${start}`, { max: spec.maxHours * headcount });
  }
  const run = spec.maxConsecutive;
  if (run !== null) for (let start = 0; start + run + 1 <= days; start++) constraints.set(`r:${id}:${start}`, { max: run * headcount });
  cliques.forEach((_, i) => constraints.set(`q:${id}:${i}`, { max: headcount }));
  for (const day of spec.fixed.keys()) constraints.set(`f:${id}:${day}`, { min: type.agents.length });
  const cliquesOf = new Map<number, number[]>();
  cliques.forEach((members, i) => members.forEach((m) => cliquesOf.set(m, [...(cliquesOf.get(m) ?? []), i])));
  for (const k of allowed) {
    const common: Row = [[`d:${id}:${k.day}`, 1]];
    for (const row of windowRows(k.day)) {
      if (maxDays < 7) common.push([row, 1]);
      if (spec.maxHours !== null) common.push([`h${row.slice(1)}`, k.hours]);
    }
    if (run !== null) for (let start = Math.max(0, k.day - run); start <= k.day && start + run + 1 <= days; start++) common.push([`r:${id}:${start}`, 1]);
    for (const q of cliquesOf.get(k.index) ?? []) common.push([`q:${id}:${q}`, 1]);
    const first = Math.max(0, k.startSlot);
    const last = Math.min(k.endSlot, problem.slots);
    const surplusCost = problem.input.weights.overstaff * problem.slotHours * Math.max(0, last - first);
    for (const skill of spec.skills) {
      const key = `${id}:${k.index}:${skill}`;
      const row: Row = [['cost', surplusCost + requestCostOf(type, k) + (perturbation?.(key) ?? 0)], ...common, ...softRows(problem, type, k, skill)];
      const demand = problem.demand[skill] as Float64Array;
      for (let t = first; t < last; t++) if ((demand[t] as number) > 0) row.push([`c:${skill}:${t}`, 1]);
      variables.set(`n:${key}`, row);
      integers.push(`n:${key}`);
    }
  }
}

/**
 * Maximal sets of shifts on two or more days that pairwise break the rest rule: for the
 * intervals [start, end + rest), the maximal cliques sit at left endpoints. Sets within one day
 * are already covered by the one-shift-per-day row.
 */
export function restCliques(instances: readonly ShiftInstance[], restMs: number): number[][] {
  const sorted = [...instances].sort((a, b) => a.startMs - b.startMs || a.index - b.index);
  const cliques: number[][] = [];
  let previous = '';
  for (const point of new Set(sorted.map((k) => k.startMs))) {
    const members = sorted.filter((k) => k.startMs <= point && point < k.endMs + restMs);
    if (new Set(members.map((k) => k.day)).size < 2) continue;
    const key = members.map((k) => k.index).join(',');
    if (key === previous) continue;
    previous = key;
    cliques.push(members.map((k) => k.index));
  }
  return dropContained(cliques);
}

/** Keeps only cliques not contained in another (sorted by start, so neighbours suffice). */
function dropContained(cliques: number[][]): number[][] {
  return cliques.filter((c, i) => {
    const next = cliques[i + 1];
    if (next === undefined) return true;
    const set = new Set(next);
    return !c.every((m) => set.has(m));
  });
}

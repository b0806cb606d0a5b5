import { KefuError } from '../core/errors.ts';
import type { AggregateSolution } from './aggregate.ts';
import { formatInstant } from '../core/time.ts';
import { parseInput } from '../core/validate.ts';
import { bindingRules, describeShortage, round, unmetReasons, whatIfLevers, type RosterExplanation, type UnmetReason } from './explain.ts';
import { RosterInput } from './input.ts';
import { agentsByKind, buildProblem, type Problem, type ShiftInstance } from './problem.ts';
import { pinConflicts } from './pins.ts';
import { solveRoster } from './solve.ts';
import { RosterState, type RosterObjectiveTerms } from './state.ts';
import type { RosterViolation } from './validate.ts';

export type { RosterObjectiveTerms };

/**
 * One shift for one named agent.
 *
 * @example
 * ```ts
 * const a: RosterAssignment = { agentId: 'a001', date: '2026-11-11', shiftId: '00+8', skill: 'presale', start: '2026-11-11T00:00:00+08:00', end: '2026-11-11T08:00:00+08:00' };
 * ```
 */
export interface RosterAssignment {
  readonly agentId: string;
  /** The working day: the local date the shift starts. */
  readonly date: string;
  readonly shiftId: string;
  readonly skill: string;
  /** ISO 8601 with the shop's offset. */
  readonly start: string;
  readonly end: string;
}

/**
 * Required and scheduled agents for one interval and skill.
 *
 * @example
 * ```ts
 * const c: RosterCoverage = { start: '2026-11-11T00:00:00+08:00', skill: 'presale', required: 30, scheduled: 28 };
 * ```
 */
export interface RosterCoverage {
  readonly start: string;
  readonly skill: string;
  readonly required: number;
  readonly scheduled: number;
}

/**
 * An interval left short, by how much, and why (see {@link UnmetReason}).
 *
 * @example
 * ```ts
 * const u: RosterUnmet = generateRoster(input).unmet[0]!;
 * ```
 */
export interface RosterUnmet {
  readonly start: string;
  readonly skill: string;
  /** Agents missing in the interval. */
  readonly shortfall: number;
  readonly reasons: readonly UnmetReason[];
}

/**
 * Hours of demand, coverage and work over the horizon.
 *
 * @example
 * ```ts
 * const t: RosterTotals = generateRoster(input).totals;
 * ```
 */
export interface RosterTotals {
  /** Σ demand × interval hours. */
  readonly requiredHours: number;
  /** Σ min(scheduled, required) × interval hours. */
  readonly coveredHours: number;
  readonly understaffedHours: number;
  readonly overstaffedHours: number;
  /** Σ hours of all assigned shifts (including any part after the horizon). */
  readonly assignedHours: number;
}

/**
 * How evenly hours fall within each contract group.
 *
 * @example
 * ```ts
 * const f: RosterFairness = generateRoster(input).fairness;
 * ```
 */
export interface RosterFairness {
  readonly byKind: ReadonlyArray<{
    readonly kind: string;
    readonly agents: number;
    readonly minHours: number;
    readonly meanHours: number;
    readonly maxHours: number;
    readonly minNights: number;
    readonly maxNights: number;
  }>;
  readonly hoursByAgent: Readonly<Record<string, number>>;
  /** Shifts with work between 00:00 and 06:00 local, per agent. */
  readonly nightsByAgent: Readonly<Record<string, number>>;
}


/**
 * A roster and everything needed to trust it.
 *
 * @example
 * ```ts
 * const result: RosterResult = generateRoster(input);
 * ```
 */
export interface RosterResult {
  readonly assignments: readonly RosterAssignment[];
  readonly coverage: readonly RosterCoverage[];
  readonly unmet: readonly RosterUnmet[];
  readonly totals: RosterTotals;
  /**
   * `optimal` when no roster does better, `feasible` otherwise, `infeasible` when the pinned
   * shifts break hard rules among themselves (see `conflicts`; nothing is then scheduled).
   */
  readonly status: 'optimal' | 'feasible' | 'infeasible';
  /** The hard rules the pinned shifts break, when `status` is `infeasible`. */
  readonly conflicts: readonly RosterViolation[];
  /**
   * understaff weight × shortfall agent-hours + overstaff weight × surplus agent-hours, plus the
   * handover, ratio, core-team and request terms when those rules are given. Fairness is
   * reported apart: it only breaks ties.
   */
  readonly objective: number;
  /** The objective term by term. */
  readonly objectiveTerms: RosterObjectiveTerms;
  /** No roster under these rules can do better than this. */
  readonly lowerBound: number;
  /** True when the objective equals the lower bound: no better roster exists. */
  readonly provenOptimal: boolean;
  readonly explanation: RosterExplanation;
  readonly fairness: RosterFairness;
  /** Which engine solved the aggregate model (see `generateRosterAsync`). */
  readonly engine: RosterEngineReport;
}

/**
 * Shifts for named agents from hourly demand per skill, under the labour rules: one shift a
 * day, minimum rest, days in every 7 (RO-5), consecutive days, hours in 7, unavailability and
 * allowed shifts (RO-6), skills (RO-2). It minimises understaff weight × shortfall agent-hours +
 * overstaff weight × surplus agent-hours, proves how close it is with a lower bound, and explains
 * every short interval. Deterministic for a given input and seed.
 *
 * @example
 * {@includeCode ../../examples/roster.example.ts#generate}
 */
export function generateRoster(input: RosterInput): RosterResult {
  const problem = buildProblem(parseInput(RosterInput, input, 'generateRoster'));
  const conflicts = pinConflicts(problem);
  if (conflicts.length > 0) return infeasible(problem, conflicts);
  return solveAndPresent(problem, { used: 'builtin' });
}

/**
 * The engine that solved the aggregate model, and why it is not the one asked for, if so.
 *
 * @example
 * ```ts
 * const report: RosterEngineReport = { used: 'builtin', note: 'HiGHS passed the time limit of 6000 ms; the built-in engine was used' };
 * ```
 */
export interface RosterEngineReport {
  readonly used: 'builtin' | 'highs';
  readonly note?: string;
}

/**
 * The pipeline after validation; `first` is an aggregate solution from another engine. The clock
 * only enforces timeLimitMs; results depend on it only when the limit cuts the search short.
 */
export function solveAndPresent(problem: Problem, engine: RosterEngineReport, first?: AggregateSolution, started = Date.now()): RosterResult {
  let solved;
  try {
    solved = solveRoster(problem, () => Date.now(), first, started);
  } catch (error) {
    if (error instanceof KefuError) throw error;
    throw new KefuError('OUT_OF_RANGE', [{ path: 'timeLimitMs', message: `no roster could be built in time: ${(error as Error).message}` }], 'generateRoster');
  }
  // What-ifs re-solve the aggregate model; when it was slow they use its smaller form without rest
  // rows, whose optimum is still a lower bound for the relaxed rules.
  const quick = solved.aggregateMs > 1000 || first !== undefined;
  const levers = { timeoutMs: Math.max(200, problem.input.timeLimitMs * 0.03), quick, deadline: started + problem.input.timeLimitMs };
  return { ...present(problem, solved.state, solved.lowerBound, levers), engine };
}

/** Pins that break hard rules among themselves: the conflicts, and nothing scheduled. */
export function infeasible(problem: Problem, conflicts: RosterViolation[]): RosterResult {
  const result = present(problem, new RosterState(problem), 0, null);
  const summary = [`No roster: the pinned shifts break ${conflicts.length} hard rule${conflicts.length === 1 ? '' : 's'} among themselves.`, ...conflicts.slice(0, 20).map((c) => c.message)];
  return { ...result, status: 'infeasible', conflicts, unmet: [], provenOptimal: false, explanation: { summary, bindingRules: [], levers: [] }, engine: { used: 'builtin' } };
}

function present(problem: Problem, state: RosterState, lowerBound: number, levers: { timeoutMs: number; quick: boolean; deadline: number } | null): Omit<RosterResult, 'engine'> {
  const tz = problem.input.timeZone;
  const slotStart = (t: number) => formatInstant(problem.originMs + t * problem.slotMs, tz);
  const assignments: RosterAssignment[] = [];
  let assignedHours = 0;
  for (const agent of problem.agents) {
    for (let d = 0; d < problem.dates.length; d++) {
      const i = state.at(agent.index, d);
      if (i < 0) continue;
      const k = problem.instances[i] as ShiftInstance;
      assignments.push({ agentId: agent.id, date: problem.dates[d] as string, shiftId: problem.input.shifts[k.template]?.id as string, skill: problem.skills[state.skillAt(agent.index, d)] as string, start: formatInstant(k.startMs, tz), end: formatInstant(k.endMs, tz) });
      assignedHours += k.hours;
    }
  }
  assignments.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
  const coverage: RosterCoverage[] = [];
  const unmet: RosterUnmet[] = [];
  const covering = coveringInstances(problem);
  const runs: Array<{ skill: number; from: number; to: number; hours: number; reasons: UnmetReason[] }> = [];
  let required = 0;
  let covered = 0;
  problem.skills.forEach((skill, s) => {
    const demand = problem.demand[s] as Float64Array;
    const cov = state.coverage[s] as Float64Array;
    for (let t = 0; t < problem.slots; t++) {
      const need = demand[t] as number;
      const have = cov[t] as number;
      coverage.push({ start: slotStart(t), skill, required: need, scheduled: have });
      required += need;
      covered += Math.min(need, have);
      if (have >= need) continue;
      const reasons = levers === null ? [] : unmetReasons(state, s, t, covering[t] ?? []);
      unmet.push({ start: slotStart(t), skill, shortfall: need - have, reasons });
      const last = runs[runs.length - 1];
      if (last !== undefined && last.skill === s && last.to === t - 1) {
        last.to = t;
        last.hours += (need - have) * problem.slotHours;
      } else runs.push({ skill: s, from: t, to: t, hours: (need - have) * problem.slotHours, reasons });
    }
  });
  const terms = state.terms();
  const objective = terms.objective;
  const provenOptimal = objective <= lowerBound + 1e-6;
  const explanation: RosterExplanation = {
    summary: [
      provenOptimal ? `Optimal: no roster under these rules scores below ${round(objective)}.` : `Objective ${round(objective)}, at most ${round(objective - lowerBound)} above the best possible (${round(lowerBound)}).`,
      ...runs.slice(0, 20).map((r) => describeShortage(problem, r.skill, r.from, r.to, r.hours, r.reasons)),
      ...(terms.coreTeam > 0 ? [coreShortage(problem, state)] : []),
    ],
    bindingRules: bindingRules(unmet.map((u) => u.reasons)),
    levers: levers === null || (unmet.length === 0 && terms.coreTeam === 0) ? [] : whatIfLevers(problem, objective, levers.timeoutMs, levers.quick, levers.deadline),
  };
  return {
    assignments,
    coverage,
    unmet,
    totals: {
      requiredHours: round(required * problem.slotHours),
      coveredHours: round(covered * problem.slotHours),
      understaffedHours: round(terms.shortfallHours),
      overstaffedHours: round(terms.surplusHours),
      assignedHours: round(assignedHours),
    },
    status: provenOptimal ? 'optimal' : 'feasible',
    conflicts: [],
    objective: round(objective),
    objectiveTerms: {
      understaff: round(terms.understaff),
      overstaff: round(terms.overstaff),
      handover: round(terms.handover),
      ratio: round(terms.ratio),
      coreTeam: round(terms.coreTeam),
      requests: round(terms.requests),
      fairness: round(terms.fairness),
    },
    lowerBound: round(Math.min(lowerBound, objective)),
    provenOptimal,
    explanation,
    fairness: fairness(problem, state),
  };
}

/** RO-1 in words: the core windows short of core agents. */
function coreShortage(problem: Problem, state: RosterState): string {
  const parts = problem.cores.flatMap((rule, r) => {
    const duty = state.coreOnDuty[r] as Float64Array;
    let missing = 0;
    for (let t = rule.from; t < rule.to; t++) missing += Math.max(0, rule.min - (duty[t - rule.from] as number));
    if (missing === 0) return [];
    const from = formatInstant(problem.originMs + rule.from * problem.slotMs, problem.input.timeZone);
    return [`core team ${from.slice(0, 16).replace('T', ' ')} short by ${round(missing * problem.slotHours)} agent-hours of ${rule.min} wanted (RO-1)`];
  });
  return parts.join('; ');
}

/** For each interval, the shift instances that cover it. */
function coveringInstances(problem: Problem): ShiftInstance[][] {
  const covering: ShiftInstance[][] = Array.from({ length: problem.slots }, () => []);
  for (const k of problem.instances) for (let t = Math.max(0, k.startSlot); t < Math.min(k.endSlot, problem.slots); t++) covering[t]?.push(k);
  return covering;
}

function fairness(problem: Problem, state: RosterState): RosterFairness {
  const { hours, nights } = state.workload();
  const byKind = [...agentsByKind(problem).entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([kind, members]) => {
      const h = members.map((m) => hours[m] as number);
      const n = members.map((m) => nights[m] as number);
      return { kind, agents: members.length, minHours: Math.min(...h), meanHours: round(h.reduce((x, y) => x + y, 0) / h.length), maxHours: Math.max(...h), minNights: Math.min(...n), maxNights: Math.max(...n) };
    });
  const perAgent = (values: Float64Array) => Object.fromEntries(problem.agents.map((a) => [a.id, values[a.index] as number]));
  return { byKind, hoursByAgent: perAgent(hours), nightsByAgent: perAgent(nights) };
}

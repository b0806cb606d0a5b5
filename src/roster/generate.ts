import { KefuError } from '../core/errors.ts';
import { formatInstant } from '../core/time.ts';
import { parseInput } from '../core/validate.ts';
import { bindingRules, describeShortage, round, unmetReasons, whatIfLevers, type RosterExplanation, type UnmetReason } from './explain.ts';
import { RosterInput } from './input.ts';
import { buildProblem, type Problem, type ShiftInstance } from './problem.ts';
import { solveRoster } from './solve.ts';
import type { RosterState } from './state.ts';

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
  readonly byKind: ReadonlyArray<{ readonly kind: string; readonly agents: number; readonly minHours: number; readonly meanHours: number; readonly maxHours: number }>;
  readonly hoursByAgent: Readonly<Record<string, number>>;
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
  /** understaff weight × shortfall agent-hours + overstaff weight × surplus agent-hours. */
  readonly objective: number;
  /** The objective term by term. */
  readonly objectiveTerms: { readonly understaff: number; readonly overstaff: number };
  /** No roster under these rules can do better than this. */
  readonly lowerBound: number;
  /** True when the objective equals the lower bound: no better roster exists. */
  readonly provenOptimal: boolean;
  readonly explanation: RosterExplanation;
  readonly fairness: RosterFairness;
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
  // The clock only enforces timeLimitMs; results depend on it only when the limit cuts the search short.
  const clock = () => Date.now();
  let solved;
  try {
    solved = solveRoster(problem, clock);
  } catch (error) {
    if (error instanceof KefuError) throw error;
    throw new KefuError('OUT_OF_RANGE', [{ path: 'timeLimitMs', message: `no roster could be built in time: ${(error as Error).message}` }], 'generateRoster');
  }
  // What-ifs re-solve the aggregate model; when it was slow they use its smaller form without rest
  // rows, whose optimum is still a lower bound for the relaxed rules.
  const quick = solved.aggregateMs > 1000;
  return present(problem, solved.state, solved.lowerBound, { timeoutMs: Math.max(200, problem.input.timeLimitMs * 0.05), quick });
}

function present(problem: Problem, state: RosterState, lowerBound: number, levers: { timeoutMs: number; quick: boolean }): RosterResult {
  const tz = problem.input.timeZone;
  const slotStart = (t: number) => formatInstant(problem.originMs + t * problem.slotMs, tz);
  const assignments: RosterAssignment[] = [];
  const hoursByAgent: Record<string, number> = {};
  let assignedHours = 0;
  for (const agent of problem.agents) {
    hoursByAgent[agent.id] = 0;
    for (let d = 0; d < problem.dates.length; d++) {
      const i = state.at(agent.index, d);
      if (i < 0) continue;
      const k = problem.instances[i] as ShiftInstance;
      assignments.push({ agentId: agent.id, date: problem.dates[d] as string, shiftId: problem.input.shifts[k.template]?.id as string, skill: problem.skills[state.skillAt(agent.index, d)] as string, start: formatInstant(k.startMs, tz), end: formatInstant(k.endMs, tz) });
      hoursByAgent[agent.id] = (hoursByAgent[agent.id] as number) + k.hours;
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
      const reasons = unmetReasons(state, s, t, covering[t] ?? []);
      unmet.push({ start: slotStart(t), skill, shortfall: need - have, reasons });
      const last = runs[runs.length - 1];
      if (last !== undefined && last.skill === s && last.to === t - 1) {
        last.to = t;
        last.hours += (need - have) * problem.slotHours;
      } else runs.push({ skill: s, from: t, to: t, hours: (need - have) * problem.slotHours, reasons });
    }
  });
  const totals = state.totals();
  const w = problem.input.weights;
  const objective = totals.objective;
  const provenOptimal = objective <= lowerBound + 1e-6;
  const explanation: RosterExplanation = {
    summary: [
      provenOptimal ? `Optimal: no roster under these rules scores below ${round(objective)}.` : `Objective ${round(objective)}, at most ${round(objective - lowerBound)} above the best possible (${round(lowerBound)}).`,
      ...runs.slice(0, 20).map((r) => describeShortage(problem, r.skill, r.from, r.to, r.hours, r.reasons)),
    ],
    bindingRules: bindingRules(unmet.map((u) => u.reasons)),
    levers: unmet.length === 0 ? [] : whatIfLevers(problem, objective, levers.timeoutMs, levers.quick),
  };
  return {
    assignments,
    coverage,
    unmet,
    totals: {
      requiredHours: round(required * problem.slotHours),
      coveredHours: round(covered * problem.slotHours),
      understaffedHours: round(totals.shortfallHours),
      overstaffedHours: round(totals.surplusHours),
      assignedHours: round(assignedHours),
    },
    objective: round(objective),
    objectiveTerms: { understaff: round(totals.shortfallHours * w.understaff), overstaff: round(totals.surplusHours * w.overstaff) },
    lowerBound: round(Math.min(lowerBound, objective)),
    provenOptimal,
    explanation,
    fairness: fairness(problem, hoursByAgent),
  };
}

/** For each interval, the shift instances that cover it. */
function coveringInstances(problem: Problem): ShiftInstance[][] {
  const covering: ShiftInstance[][] = Array.from({ length: problem.slots }, () => []);
  for (const k of problem.instances) for (let t = Math.max(0, k.startSlot); t < Math.min(k.endSlot, problem.slots); t++) covering[t]?.push(k);
  return covering;
}

function fairness(problem: Problem, hoursByAgent: Readonly<Record<string, number>>): RosterFairness {
  const groups = new Map<string, number[]>();
  for (const a of problem.agents) groups.set(a.kind, [...(groups.get(a.kind) ?? []), hoursByAgent[a.id] as number]);
  const byKind = [...groups.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([kind, hours]) => ({ kind, agents: hours.length, minHours: Math.min(...hours), meanHours: round(hours.reduce((x, y) => x + y, 0) / hours.length), maxHours: Math.max(...hours) }));
  return { byKind, hoursByAgent };
}

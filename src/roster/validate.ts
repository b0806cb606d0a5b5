import * as z from 'zod/mini';
import { parseInput } from '../core/validate.ts';
import { RosterInput } from './input.ts';
import { buildProblem, type AgentSpec, type Problem, type ShiftInstance } from './problem.ts';

/**
 * One assignment of a roster: an agent works a shift template on a date in a skill.
 * `start` and `end` (as `generateRoster` returns them) are accepted and ignored.
 *
 * @example
 * ```ts
 * const a: RosterAssignmentInput = { agentId: 'a001', date: '2026-11-11', shiftId: '00+8', skill: 'presale' };
 * ```
 */
export const RosterAssignmentInput = /* @__PURE__ */ z.strictObject({
  agentId: z.string(),
  date: z.string(),
  shiftId: z.string(),
  skill: z.string(),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
});
/** @inheritDoc RosterAssignmentInput */
export type RosterAssignmentInput = z.output<typeof RosterAssignmentInput>;

/**
 * Kinds of hard-rule violation.
 *
 * @example
 * ```ts
 * const code: RosterViolationCode = 'REST_TOO_SHORT';
 * ```
 */
export type RosterViolationCode =
  | 'UNKNOWN_AGENT'
  | 'UNKNOWN_SHIFT'
  | 'UNKNOWN_SKILL'
  | 'OUTSIDE_HORIZON'
  | 'SKILL_NOT_HELD'
  | 'SHIFT_NOT_ALLOWED'
  | 'UNAVAILABLE'
  | 'TWO_SHIFTS_ONE_DAY'
  | 'REST_TOO_SHORT'
  | 'TOO_MANY_DAYS_IN_7'
  | 'TOO_MANY_CONSECUTIVE_DAYS'
  | 'TOO_MANY_HOURS_IN_7'
  | 'FIXED_SHIFT_MISSING';

/**
 * A broken hard rule, with the agent and date where it happens.
 *
 * @example
 * ```ts
 * const v: RosterViolation = { code: 'TWO_SHIFTS_ONE_DAY', agentId: 'a001', date: '2026-11-11', message: 'a001 has 2 shifts on 2026-11-11' };
 * ```
 */
export interface RosterViolation {
  readonly code: RosterViolationCode;
  readonly agentId?: string;
  readonly date?: string;
  readonly message: string;
}

const Assignments = /* @__PURE__ */ z.readonly(z.array(RosterAssignmentInput));

/**
 * Every hard-rule violation of a roster, for example one made by hand in a spreadsheet: skills,
 * allowed shifts, unavailability, one shift a day, rest between shifts, days in every 7, runs
 * of consecutive days, hours in every 7 and pinned shifts. An empty list means every hard rule
 * holds.
 *
 * @example
 * ```ts
 * const problems = validateRoster(input, [
 *   { agentId: 'a001', date: '2026-11-10', shiftId: '16+8', skill: 'presale' },
 *   { agentId: 'a001', date: '2026-11-11', shiftId: '00+8', skill: 'presale' },
 * ]);
 * // [{ code: 'REST_TOO_SHORT', agentId: 'a001', date: '2026-11-11', message: … }]
 * ```
 */
export function validateRoster(input: RosterInput, assignments: readonly RosterAssignmentInput[]): RosterViolation[] {
  const problem = buildProblem(parseInput(RosterInput, input, 'validateRoster'), 'validateRoster');
  const list = parseInput(Assignments, assignments, 'validateRoster');
  const violations: RosterViolation[] = [];
  const perAgent = placeAssignments(problem, list, violations);
  for (const agent of problem.agents) {
    const shifts = perAgent.get(agent.index) ?? [];
    checkAgent(problem, agent, shifts, violations);
    checkPins(problem, agent, shifts, violations);
  }
  return violations;
}

/** A shift placed for an agent: the instance and the skill (-1 when not settled yet). */
export interface Placed {
  readonly instance: ShiftInstance;
  readonly skill: number;
}

function placeAssignments(problem: Problem, list: readonly RosterAssignmentInput[], violations: RosterViolation[]): Map<number, Placed[]> {
  const agentIndex = new Map(problem.agents.map((a) => [a.id, a.index]));
  const templateIndex = new Map(problem.input.shifts.map((s, i) => [s.id, i]));
  const dayIndex = new Map(problem.dates.map((d, i) => [d, i]));
  const perAgent = new Map<number, Placed[]>();
  for (const a of list) {
    const agent = agentIndex.get(a.agentId);
    const template = templateIndex.get(a.shiftId);
    const day = dayIndex.get(a.date);
    const skill = problem.skills.indexOf(a.skill);
    const at = { agentId: a.agentId, date: a.date };
    if (agent === undefined) violations.push({ code: 'UNKNOWN_AGENT', ...at, message: `no agent ${JSON.stringify(a.agentId)} in the input` });
    if (template === undefined) violations.push({ code: 'UNKNOWN_SHIFT', ...at, message: `no shift template ${JSON.stringify(a.shiftId)}` });
    if (skill < 0) violations.push({ code: 'UNKNOWN_SKILL', ...at, message: `no demand for skill ${JSON.stringify(a.skill)}` });
    if (day === undefined) violations.push({ code: 'OUTSIDE_HORIZON', ...at, message: `${a.date} is outside ${problem.dates[0]}..${problem.dates[problem.dates.length - 1]}` });
    if (agent === undefined || template === undefined || skill < 0 || day === undefined) continue;
    const instance = problem.instances[(problem.instancesByDay[day] as readonly number[])[template] as number] as ShiftInstance;
    const placed = perAgent.get(agent) ?? [];
    placed.push({ instance, skill });
    perAgent.set(agent, placed);
  }
  return perAgent;
}

/** Adds every hard-rule violation of one agent's shifts to `violations`. */
export function checkAgent(problem: Problem, agent: AgentSpec, shifts: readonly Placed[], violations: RosterViolation[]): void {
  const perDay: Placed[][] = problem.dates.map(() => []);
  for (const s of shifts) perDay[s.instance.day]?.push(s);
  checkShifts(problem, agent, shifts, violations);
  perDay.forEach((list, d) => {
    if (list.length > 1) violations.push({ code: 'TWO_SHIFTS_ONE_DAY', agentId: agent.id, date: problem.dates[d] as string, message: `${agent.id} has ${list.length} shifts on ${problem.dates[d]}` });
  });
  checkRest(problem, agent, shifts, violations);
  checkWindows(problem, agent, perDay, violations);
}

/** Skill, allowed shift and availability of each shift on its own. */
function checkShifts(problem: Problem, agent: AgentSpec, shifts: readonly Placed[], violations: RosterViolation[]): void {
  const id = agent.id;
  const allowedTemplates = problem.input.agents[agent.index]?.allowedShifts;
  for (const { instance: k, skill } of shifts) {
    const at = { agentId: id, date: problem.dates[k.day] as string };
    const shiftId = problem.input.shifts[k.template]?.id ?? '';
    if (skill >= 0 && !agent.skills.includes(skill)) violations.push({ code: 'SKILL_NOT_HELD', ...at, message: `${id} does not hold ${problem.skills[skill]}` });
    if (allowedTemplates !== undefined && !allowedTemplates.includes(shiftId)) violations.push({ code: 'SHIFT_NOT_ALLOWED', ...at, message: `${id} may not work shift ${shiftId}` });
    else if (agent.available[k.index] !== 1) violations.push({ code: 'UNAVAILABLE', ...at, message: `${id} is unavailable during shift ${shiftId} on ${at.date}` });
  }
}

/** Minimum rest between consecutive shifts, in start order. */
function checkRest(problem: Problem, agent: AgentSpec, shifts: readonly Placed[], violations: RosterViolation[]): void {
  const ordered = [...shifts].sort((a, b) => a.instance.startMs - b.instance.startMs);
  for (let i = 1; i < ordered.length; i++) {
    const prev = (ordered[i - 1] as Placed).instance;
    const next = (ordered[i] as Placed).instance;
    if (next.startMs - prev.endMs >= agent.restMs) continue;
    const date = problem.dates[next.day] as string;
    const restHours = (next.startMs - prev.endMs) / 3_600_000;
    violations.push({ code: 'REST_TOO_SHORT', agentId: agent.id, date, message: `${agent.id} rests ${restHours} h before the shift on ${date}, less than ${agent.restMs / 3_600_000} h` });
  }
}

/** Days and hours in every 7 days, consecutive days. */
function checkWindows(problem: Problem, agent: AgentSpec, perDay: readonly Placed[][], violations: RosterViolation[]): void {
  const id = agent.id;
  const dates = problem.dates;
  const worked = perDay.map((list) => list.length > 0);
  const hours = perDay.map((list) => list.reduce((sum, s) => sum + s.instance.hours, 0));
  for (let start = 0; start + 7 <= dates.length; start++) {
    const span = `${dates[start]}..${dates[start + 6]}`;
    const count = worked.slice(start, start + 7).filter(Boolean).length;
    if (count > agent.maxDays) violations.push({ code: 'TOO_MANY_DAYS_IN_7', agentId: id, date: dates[start] as string, message: `${id} works ${count} days in ${span}, more than ${agent.maxDays}` });
    const total = hours.slice(start, start + 7).reduce((a, b) => a + b, 0);
    if (agent.maxHours !== null && total > agent.maxHours + 1e-9) violations.push({ code: 'TOO_MANY_HOURS_IN_7', agentId: id, date: dates[start] as string, message: `${id} works ${total} h in ${span}, more than ${agent.maxHours} h` });
  }
  if (agent.maxConsecutive !== null) {
    let run = 0;
    worked.forEach((w, d) => {
      run = w ? run + 1 : 0;
      if (run === (agent.maxConsecutive as number) + 1) violations.push({ code: 'TOO_MANY_CONSECUTIVE_DAYS', agentId: id, date: dates[d] as string, message: `${id} works more than ${agent.maxConsecutive} days in a row up to ${dates[d]}` });
    });
  }
}

/** Pinned shifts the roster does not keep. */
function checkPins(problem: Problem, agent: AgentSpec, shifts: readonly Placed[], violations: RosterViolation[]): void {
  for (const [day, pin] of agent.fixed) {
    const kept = shifts.some((s) => s.instance.index === pin.instance && (pin.skill < 0 || s.skill === pin.skill));
    if (kept) continue;
    const shiftId = problem.input.shifts[(problem.instances[pin.instance] as ShiftInstance).template]?.id;
    const skill = pin.skill < 0 ? '' : ` in ${problem.skills[pin.skill]}`;
    violations.push({ code: 'FIXED_SHIFT_MISSING', agentId: agent.id, date: problem.dates[day] as string, message: `${agent.id} is pinned to shift ${shiftId}${skill} on ${problem.dates[day]}` });
  }
}

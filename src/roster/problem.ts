import { KefuError, type KefuIssue } from '../core/errors.ts';
import { addDays, parseLocalTime, startOfLocalDay, zonedInstant } from '../core/time.ts';
import type { ParsedRosterInput } from './input.ts';

const HOUR_MS = 3_600_000;

/** One shift template placed on one day of the horizon. */
export interface ShiftInstance {
  readonly index: number;
  readonly day: number;
  readonly template: number;
  /** First interval covered (may be negative only in DST corner cases, never in practice). */
  readonly startSlot: number;
  /** One past the last interval covered; may pass the horizon, whose demand is then ignored. */
  readonly endSlot: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly hours: number;
}

/** An agent's rules in solver terms. */
export interface AgentSpec {
  readonly index: number;
  readonly id: string;
  readonly kind: string;
  /** Skill indices the agent holds. */
  readonly skills: readonly number[];
  readonly maxDays: number;
  readonly maxHours: number | null;
  readonly maxConsecutive: number | null;
  readonly restMs: number;
  /** 1 where the agent may work the shift instance (template allowed, no unavailability). */
  readonly allowed: Uint8Array;
  readonly type: number;
}

/** Agents whose rules are identical: the aggregate model counts them together. */
export interface AgentType {
  readonly index: number;
  readonly agents: readonly number[];
  readonly spec: AgentSpec;
}

/** The validated problem on its interval grid. */
export interface Problem {
  readonly input: ParsedRosterInput;
  readonly skills: readonly string[];
  readonly dates: readonly string[];
  readonly slots: number;
  readonly slotMs: number;
  readonly slotHours: number;
  readonly originMs: number;
  readonly demand: readonly Float64Array[];
  readonly instances: readonly ShiftInstance[];
  readonly instancesByDay: readonly (readonly number[])[];
  readonly agents: readonly AgentSpec[];
  readonly types: readonly AgentType[];
}

/** Builds the problem, or throws INVALID_INPUT listing every cross-field problem found. */
export function buildProblem(input: ParsedRosterInput, context = 'generateRoster'): Problem {
  const issues: KefuIssue[] = [];
  const slotMs = input.intervalMinutes * 60_000;
  const slots = (input.days * 1440) / input.intervalMinutes;
  const skills = Object.keys(input.demand).sort();
  if (skills.length === 0) issues.push({ path: 'demand', message: 'expected demand for at least one skill, received none' });
  const demand = skills.map((skill) => {
    const values = input.demand[skill] as readonly number[];
    if (values.length !== slots) {
      issues.push({ path: `demand.${skill}`, message: `expected ${slots} values (${input.days} days × 24 h ÷ ${input.intervalMinutes} min), received ${values.length}` });
    }
    return Float64Array.from(values.slice(0, slots));
  });
  const templateIndex = indexIds(input.shifts.map((s) => s.id), 'shifts', issues);
  input.shifts.forEach((s, i) => {
    const minutes = parseLocalTime(s.start, `shifts.${i}.start`);
    if (minutes % input.intervalMinutes !== 0) issues.push({ path: `shifts.${i}.start`, message: `expected a start on the ${input.intervalMinutes}-minute grid, received ${s.start}` });
    if (Math.abs(s.hours * 60 - Math.round(s.hours * 60)) > 1e-9 || Math.round(s.hours * 60) % input.intervalMinutes !== 0) {
      issues.push({ path: `shifts.${i}.hours`, message: `expected a whole number of ${input.intervalMinutes}-minute intervals, received ${s.hours} h` });
    }
  });
  indexIds(input.agents.map((a) => a.id), 'agents', issues);
  const skillIndex = new Map(skills.map((s, i) => [s, i]));
  input.agents.forEach((a, i) => {
    a.skills.forEach((s, j) => {
      if (!skillIndex.has(s)) issues.push({ path: `agents.${i}.skills.${j}`, message: `expected a skill with demand (${skills.join(', ')}), received ${JSON.stringify(s)}` });
    });
    a.allowedShifts?.forEach((s, j) => {
      if (!templateIndex.has(s)) issues.push({ path: `agents.${i}.allowedShifts.${j}`, message: `expected a shift id, received ${JSON.stringify(s)}` });
    });
    checkUnavailability(a.unavailable, `agents.${i}.unavailable`, issues);
  });
  if (issues.length > 0) throw new KefuError('INVALID_INPUT', issues, context);

  const originMs = startOfLocalDay(input.startDate, input.timeZone);
  const dates = Array.from({ length: input.days }, (_, d) => addDays(input.startDate, d));
  const instances: ShiftInstance[] = [];
  const instancesByDay: number[][] = dates.map(() => []);
  dates.forEach((date, day) => {
    input.shifts.forEach((s, template) => {
      const startMs = zonedInstant(date, s.start, input.timeZone);
      const endMs = startMs + s.hours * HOUR_MS;
      const startSlot = Math.round((startMs - originMs) / slotMs);
      const instance: ShiftInstance = { index: instances.length, day, template, startSlot, endSlot: startSlot + Math.round((endMs - startMs) / slotMs), startMs, endMs, hours: s.hours };
      instancesByDay[day]?.push(instance.index);
      instances.push(instance);
    });
  });
  const { agents, types } = groupTypes(input.agents.map((a, index) => agentSpec(a, index, skillIndex, templateIndex, instances, dates, input.timeZone)));
  return {
    input,
    skills,
    dates,
    slots,
    slotMs,
    slotHours: input.intervalMinutes / 60,
    originMs,
    demand,
    instances,
    instancesByDay,
    agents,
    types,
  };
}

function indexIds(ids: readonly string[], path: string, issues: KefuIssue[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) issues.push({ path: `${path}.${i}.id`, message: `expected a unique id, received ${JSON.stringify(id)} again (first at ${path}.${index.get(id)})` });
    else index.set(id, i);
  });
  return index;
}

function checkUnavailability(entries: ParsedRosterInput['agents'][number]['unavailable'], path: string, issues: KefuIssue[]): void {
  const byDate = new Map<string, Array<[number, number, number]>>();
  entries.forEach((u, i) => {
    const from = u.from === undefined ? 0 : parseLocalTime(u.from, `${path}.${i}.from`);
    const to = u.to === undefined ? 1440 : u.to === '24:00' ? 1440 : parseLocalTime(u.to, `${path}.${i}.to`);
    if (to <= from) issues.push({ path: `${path}.${i}.to`, message: `expected an end after ${u.from ?? '00:00'}, received ${u.to ?? '24:00'}` });
    const list = byDate.get(u.date) ?? [];
    for (const [f, t, j] of list) {
      if (from < t && f < to) issues.push({ path: `${path}.${i}`, message: `overlaps ${path}.${j} on ${u.date}; merge them into one entry` });
    }
    list.push([from, to, i]);
    byDate.set(u.date, list);
  });
}

interface BuiltAgent {
  readonly spec: Omit<AgentSpec, 'type'>;
  readonly key: string;
}

function agentSpec(
  a: ParsedRosterInput['agents'][number],
  index: number,
  skillIndex: ReadonlyMap<string, number>,
  templateIndex: ReadonlyMap<string, number>,
  instances: readonly ShiftInstance[],
  dates: readonly string[],
  timeZone: string,
): BuiltAgent {
  const allowedTemplates = a.allowedShifts === undefined ? null : new Set(a.allowedShifts.map((s) => templateIndex.get(s) as number));
  const blocked = a.unavailable.map((u) => {
    const start = zonedInstant(u.date, u.from ?? '00:00', timeZone);
    const end = u.to === undefined || u.to === '24:00' ? startOfLocalDay(addDays(u.date, 1), timeZone) : zonedInstant(u.date, u.to, timeZone);
    return [start, end] as const;
  });
  const allowed = new Uint8Array(instances.length);
  for (const k of instances) {
    const ok = (allowedTemplates === null || allowedTemplates.has(k.template)) && blocked.every(([s, e]) => k.endMs <= s || k.startMs >= e);
    allowed[k.index] = ok ? 1 : 0;
  }
  const skills = [...new Set(a.skills.map((s) => skillIndex.get(s) as number))].sort((x, y) => x - y);
  const maxConsecutive = a.maxConsecutiveDays === undefined || a.maxConsecutiveDays >= dates.length ? null : a.maxConsecutiveDays;
  const spec = {
    index,
    id: a.id,
    kind: a.kind,
    skills,
    maxDays: a.maxDaysPer7Days,
    maxHours: a.maxHoursPer7Days ?? null,
    maxConsecutive,
    restMs: a.minRestHours * HOUR_MS,
    allowed,
  };
  // Agents with the same rules and the same allowed shifts are interchangeable for the solver.
  const key = JSON.stringify([skills, spec.maxDays, spec.maxHours, maxConsecutive, spec.restMs, Array.from(allowed).join('')]);
  return { spec, key };
}

/** Groups agents whose keys match; each agent learns its type's index. */
function groupTypes(built: readonly BuiltAgent[]): { agents: AgentSpec[]; types: AgentType[] } {
  const typeOfKey = new Map<string, number>();
  const members: number[][] = [];
  const agents = built.map(({ spec, key }) => {
    let type = typeOfKey.get(key);
    if (type === undefined) {
      type = members.length;
      typeOfKey.set(key, type);
      members.push([]);
    }
    (members[type] as number[]).push(spec.index);
    return { ...spec, type };
  });
  const types = members.map((list, index) => ({ index, agents: list, spec: agents[list[0] as number] as AgentSpec }));
  return { agents, types };
}

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
  /** 1 where the agent may work the shift instance: template allowed and no unavailability. */
  readonly available: Uint8Array;
  /** `available`, and on pinned days only the pin: what the solver may use. */
  readonly allowed: Uint8Array;
  readonly type: number;
  /** Requests by day: the template wanted, or -1 for a day off. */
  readonly requests: ReadonlyMap<number, AgentRequest>;
  /** Pinned shifts by day. */
  readonly fixed: ReadonlyMap<number, PinnedShift>;
  /** Indices of the core-team rules the agent counts for. */
  readonly core: readonly number[];
}

/** A request in solver terms. */
export interface AgentRequest {
  /** Template index wanted, or -1 for the day off. */
  readonly template: number;
  /** The cost when it is not honoured (weight × requestOff or requestShift). */
  readonly cost: number;
}

/** A pinned shift in solver terms. */
export interface PinnedShift {
  readonly instance: number;
  /** The skill, or -1 when the solver may pick any the agent holds. */
  readonly skill: number;
}

/** RO-2: the share of `a` in the agents on duty in `a` or `b`, per interval (NaN where none). */
export interface RatioRule {
  readonly a: number;
  readonly b: number;
  readonly share: Float64Array;
}

/** RO-1: at least `min` core agents on duty in every interval of [from, to). */
export interface CoreRule {
  readonly from: number;
  readonly to: number;
  readonly min: number;
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
  /** RO-4: the handover overlap in intervals (0 when off). */
  readonly handoverSlots: number;
  readonly ratios: readonly RatioRule[];
  readonly cores: readonly CoreRule[];
  /** 1 where the shift instance works any time between 00:00 and 06:00 local. */
  readonly nights: Uint8Array;
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
    checkRequests(a, `agents.${i}`, templateIndex, skillIndex, input, issues);
  });
  checkRules(input, slots, skillIndex, issues);
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
  const dayIndex = new Map(dates.map((d, i) => [d, i]));
  const cores = input.rules.coreTeams.map((rule) => {
    const from = zonedInstant(rule.date, rule.from, input.timeZone);
    const to = endInstant(rule.date, rule.to, input.timeZone);
    return { from: Math.max(0, Math.round((from - originMs) / slotMs)), to: Math.min(slots, Math.round((to - originMs) / slotMs)), min: rule.minAgents };
  });
  const specContext = { skillIndex, templateIndex, dayIndex, instances, instancesByDay, dates, timeZone: input.timeZone, weights: input.weights, coreTeams: input.rules.coreTeams };
  const { agents, types } = groupTypes(input.agents.map((a, index) => agentSpec(a, index, specContext)));
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
    handoverSlots: (input.rules.handoverMinutes ?? 0) / input.intervalMinutes,
    ratios: input.rules.ratios.map((r) => ratioRule(r, slots, skillIndex)),
    cores,
    nights: nightFlags(instances, dates, input.timeZone),
  };
}

/** Agent indices per contract group (`kind`), in input order. */
export function agentsByKind(problem: Problem): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const a of problem.agents) groups.set(a.kind, [...(groups.get(a.kind) ?? []), a.index]);
  return groups;
}

function ratioRule(r: ParsedRosterInput['rules']['ratios'][number], slots: number, skillIndex: ReadonlyMap<string, number>): RatioRule {
  const share = new Float64Array(slots);
  for (let t = 0; t < slots; t++) {
    const target = typeof r.target === 'number' ? r.target : r.target[t];
    share[t] = target === null || target === undefined ? Number.NaN : target / (1 + target);
  }
  return { a: skillIndex.get(r.skill) as number, b: skillIndex.get(r.per) as number, share };
}

/** Night shifts for fairness: any work between 00:00 and 06:00 local on its day or the next. */
function nightFlags(instances: readonly ShiftInstance[], dates: readonly string[], timeZone: string): Uint8Array {
  const flags = new Uint8Array(instances.length);
  // Each date's night, resolved once (zone lookups are the slow part).
  const nightOf = new Map<string, readonly [number, number]>();
  const night = (d: string): readonly [number, number] => {
    let span = nightOf.get(d);
    if (span === undefined) nightOf.set(d, (span = [startOfLocalDay(d, timeZone), zonedInstant(d, '06:00', timeZone)]));
    return span;
  };
  for (const k of instances) {
    const date = dates[k.day] as string;
    flags[k.index] = [night(date), night(addDays(date, 1))].some(([s, e]) => k.startMs < e && s < k.endMs) ? 1 : 0;
  }
  return flags;
}

function checkRequests(
  a: ParsedRosterInput['agents'][number],
  path: string,
  templateIndex: ReadonlyMap<string, number>,
  skillIndex: ReadonlyMap<string, number>,
  input: ParsedRosterInput,
  issues: KefuIssue[],
): void {
  const inHorizon = (date: string) => date >= input.startDate && date <= addDays(input.startDate, input.days - 1);
  const seen = new Map<string, number>();
  a.requests.forEach((r, j) => {
    const at = `${path}.requests.${j}`;
    if ((r.off === true) === (r.shiftId !== undefined)) issues.push({ path: at, message: 'expected either off: true or a shiftId, received ' + (r.off === true ? 'both' : 'neither') });
    if (r.shiftId !== undefined && !templateIndex.has(r.shiftId)) issues.push({ path: `${at}.shiftId`, message: `expected a shift id, received ${JSON.stringify(r.shiftId)}` });
    if (!inHorizon(r.date)) issues.push({ path: `${at}.date`, message: `expected a date in the horizon, received ${r.date}` });
    if (seen.has(r.date)) issues.push({ path: at, message: `a second request for ${r.date} (first at ${path}.requests.${seen.get(r.date)}); keep one per day` });
    else seen.set(r.date, j);
  });
  a.fixed.forEach((f, j) => {
    const at = `${path}.fixed.${j}`;
    if (!templateIndex.has(f.shiftId)) issues.push({ path: `${at}.shiftId`, message: `expected a shift id, received ${JSON.stringify(f.shiftId)}` });
    if (f.skill !== undefined && !skillIndex.has(f.skill)) issues.push({ path: `${at}.skill`, message: `expected a skill with demand, received ${JSON.stringify(f.skill)}` });
    if (!inHorizon(f.date)) issues.push({ path: `${at}.date`, message: `expected a date in the horizon, received ${f.date}` });
  });
}

function checkRules(input: ParsedRosterInput, slots: number, skillIndex: ReadonlyMap<string, number>, issues: KefuIssue[]): void {
  const rules = input.rules;
  if (rules.handoverMinutes !== undefined && rules.handoverMinutes % input.intervalMinutes !== 0) {
    issues.push({ path: 'rules.handoverMinutes', message: `expected a multiple of ${input.intervalMinutes} minutes, received ${rules.handoverMinutes}` });
  }
  rules.ratios.forEach((r, i) => {
    for (const key of ['skill', 'per'] as const) {
      if (!skillIndex.has(r[key])) issues.push({ path: `rules.ratios.${i}.${key}`, message: `expected a skill with demand, received ${JSON.stringify(r[key])}` });
    }
    if (r.skill === r.per) issues.push({ path: `rules.ratios.${i}.per`, message: `expected a skill other than ${JSON.stringify(r.skill)}` });
    if (typeof r.target !== 'number' && r.target.length !== slots) issues.push({ path: `rules.ratios.${i}.target`, message: `expected ${slots} values, one per interval, received ${r.target.length}` });
  });
  const ids = new Set(input.agents.map((a) => a.id));
  const kinds = new Set(input.agents.map((a) => a.kind));
  const last = addDays(input.startDate, input.days - 1);
  rules.coreTeams.forEach((c, i) => {
    const at = `rules.coreTeams.${i}`;
    if (c.agents === undefined && c.kinds === undefined) issues.push({ path: at, message: 'expected agents or kinds naming the core team, received neither' });
    c.agents?.forEach((id, j) => {
      if (!ids.has(id)) issues.push({ path: `${at}.agents.${j}`, message: `expected an agent id, received ${JSON.stringify(id)}` });
    });
    c.kinds?.forEach((kind, j) => {
      if (!kinds.has(kind)) issues.push({ path: `${at}.kinds.${j}`, message: `expected the kind of some agent (${[...kinds].sort().join(', ')}), received ${JSON.stringify(kind)}` });
    });
    if (c.date < input.startDate || c.date > last) issues.push({ path: `${at}.date`, message: `expected a date in the horizon, received ${c.date}` });
    const from = parseLocalTime(c.from, `${at}.from`);
    const to = endMinute(c.to, `${at}.to`);
    if (to <= from) issues.push({ path: `${at}.to`, message: `expected an end after ${c.from}, received ${c.to}` });
  });
}

function indexIds(ids: readonly string[], path: string, issues: KefuIssue[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) issues.push({ path: `${path}.${i}.id`, message: `expected a unique id, received ${JSON.stringify(id)} again (first at ${path}.${index.get(id)})` });
    else index.set(id, i);
  });
  return index;
}

/** A local end time in minutes of the day: `24:00` is the end of the day. */
function endMinute(to: string, path: string): number {
  return to === '24:00' ? 1440 : parseLocalTime(to, path);
}

/** A local end time on `date` as an instant: `24:00` is the next local midnight (DST-proof). */
function endInstant(date: string, to: string, timeZone: string): number {
  return to === '24:00' ? startOfLocalDay(addDays(date, 1), timeZone) : zonedInstant(date, to, timeZone);
}

function checkUnavailability(entries: ParsedRosterInput['agents'][number]['unavailable'], path: string, issues: KefuIssue[]): void {
  const byDate = new Map<string, Array<[number, number, number]>>();
  entries.forEach((u, i) => {
    const from = u.from === undefined ? 0 : parseLocalTime(u.from, `${path}.${i}.from`);
    const to = endMinute(u.to ?? '24:00', `${path}.${i}.to`);
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

interface SpecContext {
  readonly skillIndex: ReadonlyMap<string, number>;
  readonly templateIndex: ReadonlyMap<string, number>;
  readonly dayIndex: ReadonlyMap<string, number>;
  readonly instances: readonly ShiftInstance[];
  readonly instancesByDay: readonly (readonly number[])[];
  readonly dates: readonly string[];
  readonly timeZone: string;
  readonly weights: ParsedRosterInput['weights'];
  readonly coreTeams: ParsedRosterInput['rules']['coreTeams'];
}

function agentSpec(a: ParsedRosterInput['agents'][number], index: number, ctx: SpecContext): BuiltAgent {
  const { skillIndex, templateIndex, instances, dates, timeZone } = ctx;
  const allowedTemplates = a.allowedShifts === undefined ? null : new Set(a.allowedShifts.map((s) => templateIndex.get(s) as number));
  const blocked = a.unavailable.map((u) => {
    const start = zonedInstant(u.date, u.from ?? '00:00', timeZone);
    const end = endInstant(u.date, u.to ?? '24:00', timeZone);
    return [start, end] as const;
  });
  const allowed = new Uint8Array(instances.length);
  for (const k of instances) {
    const ok = (allowedTemplates === null || allowedTemplates.has(k.template)) && blocked.every(([s, e]) => k.endMs <= s || k.startMs >= e);
    allowed[k.index] = ok ? 1 : 0;
  }
  const available = allowed.slice();
  const instanceOf = (date: string, shiftId: string) => (ctx.instancesByDay[ctx.dayIndex.get(date) as number] as readonly number[])[templateIndex.get(shiftId) as number] as number;
  const fixed = new Map<number, PinnedShift>();
  for (const f of a.fixed) {
    const day = ctx.dayIndex.get(f.date) as number;
    if (fixed.has(day)) continue; // two pins on one day are a conflict, reported before solving
    const instance = instanceOf(f.date, f.shiftId);
    fixed.set(day, { instance, skill: f.skill === undefined ? -1 : (skillIndex.get(f.skill) as number) });
    // A pinned day offers only its pin.
    for (const i of ctx.instancesByDay[day] as readonly number[]) allowed[i] = i === instance ? 1 : 0;
  }
  const requests = new Map<number, AgentRequest>();
  for (const r of a.requests) {
    const day = ctx.dayIndex.get(r.date) as number;
    requests.set(day, r.off === true ? { template: -1, cost: r.weight * ctx.weights.requestOff } : { template: templateIndex.get(r.shiftId as string) as number, cost: r.weight * ctx.weights.requestShift });
  }
  const core = ctx.coreTeams.flatMap((c, i) => (c.agents?.includes(a.id) === true || c.kinds?.includes(a.kind) === true ? [i] : []));
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
    available,
    allowed,
    requests,
    fixed,
    core,
  };
  // Agents of one kind with the same rules, allowed shifts, wishes, pins and core roles are interchangeable.
  const key = JSON.stringify([a.kind, skills, spec.maxDays, spec.maxHours, maxConsecutive, spec.restMs, Array.from(allowed).join(''), [...requests], [...fixed], core]);
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

import { formatInstant } from '../core/time.ts';
import { solveAggregate, type AggregateTweak } from './aggregate.ts';
import type { AgentSpec, Problem, ShiftInstance } from './problem.ts';
import type { HardRule, RosterState } from './state.ts';

/**
 * Why agents who hold the skill are not covering a short interval:
 * - `onOtherShift`: they work that day, at other hours or in another skill;
 * - a hard rule that stops every shift that would cover it (`maxDaysPer7Days`, `minRest`,
 *   `maxConsecutiveDays`, `maxHoursPer7Days`);
 * - `unavailable`: no shift they may work covers the interval (unavailability or allowed shifts).
 *
 * @example
 * ```ts
 * const reason: UnmetReasonCode = 'maxDaysPer7Days';
 * ```
 */
export type UnmetReasonCode = 'onOtherShift' | 'unavailable' | 'maxDaysPer7Days' | 'minRest' | 'maxConsecutiveDays' | 'maxHoursPer7Days';

/**
 * One reason, with how many agents it holds back.
 *
 * @example
 * ```ts
 * const r: UnmetReason = { rule: 'maxDaysPer7Days', agents: 6, message: '6 agents already work 5 days in 2026-11-05..2026-11-11' };
 * ```
 */
export interface UnmetReason {
  readonly rule: UnmetReasonCode;
  /** Agents holding the skill that this reason keeps off the interval. */
  readonly agents: number;
  /** For `maxDaysPer7Days`: the 7-day window most of them have filled. */
  readonly window?: { readonly from: string; readonly to: string };
  readonly message: string;
}

/**
 * A rule family that binds across the unmet intervals, ranked by the agent-intervals it blocks.
 *
 * @example
 * ```ts
 * const b: BindingRule = { rule: 'maxDaysPer7Days', blockedAgentIntervals: 40, message: '…' };
 * ```
 */
export interface BindingRule {
  readonly rule: UnmetReasonCode;
  readonly blockedAgentIntervals: number;
  readonly window?: { readonly from: string; readonly to: string };
  readonly message: string;
}

/**
 * A what-if: the best objective the aggregate model can reach with one rule relaxed. The
 * aggregate optimum is a lower bound for rosters; on the benchmark instances it equalled the
 * best roster every time.
 *
 * @example
 * ```ts
 * const lever: WhatIfLever = { lever: 'addAgent', kind: 'fulltime', objectiveLowerBound: 139, improvement: 100, message: '…' };
 * ```
 */
export interface WhatIfLever {
  readonly lever: 'addAgent' | 'sixDaysIn7' | 'restOneHourShorter';
  /** The contract group the extra agent belongs to (`addAgent` only). */
  readonly kind?: string;
  readonly objectiveLowerBound: number;
  /** Current objective minus that bound (what the lever could save at most, and on benchmarks did). */
  readonly improvement: number;
  readonly message: string;
}

/**
 * The explanation of a roster: a summary in words, the binding rule families and the levers.
 *
 * @example
 * ```ts
 * const e: RosterExplanation = generateRoster(input).explanation;
 * ```
 */
export interface RosterExplanation {
  readonly summary: readonly string[];
  readonly bindingRules: readonly BindingRule[];
  readonly levers: readonly WhatIfLever[];
}

/** Why agents with `skill` are not on interval `slot`, tallied by reason. */
export function unmetReasons(state: RosterState, skill: number, slot: number, covering: readonly ShiftInstance[]): UnmetReason[] {
  const problem = state.problem;
  const tally = new Map<UnmetReasonCode, { agents: number; windows: Map<string, number> }>();
  for (const agent of problem.agents) {
    if (!agent.skills.includes(skill)) continue;
    const reason = agentReason(state, agent, skill, slot, covering);
    if (reason === null) continue;
    const entry = tally.get(reason.rule) ?? { agents: 0, windows: new Map<string, number>() };
    entry.agents++;
    if (reason.window !== undefined) entry.windows.set(reason.window, (entry.windows.get(reason.window) ?? 0) + 1);
    tally.set(reason.rule, entry);
  }
  return [...tally.entries()]
    .map(([rule, { agents, windows }]) => {
      const top = [...windows.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
      const window = top === undefined ? undefined : { from: top.slice(0, 10), to: top.slice(12) };
      return { rule, agents, ...(window === undefined ? {} : { window }), message: reasonMessage(rule, agents, problem.skills[skill] as string, window) };
    })
    .sort((a, b) => b.agents - a.agents || (a.rule < b.rule ? -1 : 1));
}

function agentReason(state: RosterState, agent: AgentSpec, skill: number, slot: number, covering: readonly ShiftInstance[]): { rule: UnmetReasonCode; window?: string } | null {
  const problem = state.problem;
  for (const k of covering) {
    const current = state.at(agent.index, k.day);
    if (current >= 0) {
      const mine = problem.instances[current] as ShiftInstance;
      if (mine.startSlot <= slot && slot < mine.endSlot && state.skillAt(agent.index, k.day) === skill) return null; // covering it
    }
  }
  const day = Math.floor(slot / (problem.slots / problem.dates.length));
  if (state.at(agent.index, day) >= 0) return { rule: 'onOtherShift' };
  const candidates = covering.filter((k) => agent.allowed[k.index] === 1 && state.at(agent.index, k.day) < 0);
  if (candidates.length === 0) return { rule: 'unavailable' };
  const blockers = candidates.map((k) => state.scheduleBlocker(agent, k)).filter((b): b is HardRule => b !== null);
  const rule = (['maxDaysPer7Days', 'minRest', 'maxConsecutiveDays', 'maxHoursPer7Days'] as const).find((r) => blockers.includes(r));
  if (rule === undefined) return null; // a shift could be added; the objective preferred not to
  return rule === 'maxDaysPer7Days' ? { rule, window: fullWindow(state, agent, day) } : { rule };
}

/** The 7-day window around `day` in which the agent already works its maximum. */
function fullWindow(state: RosterState, agent: AgentSpec, day: number): string {
  const dates = state.problem.dates;
  for (let start = Math.max(0, day - 6); start <= day && start + 7 <= dates.length; start++) {
    let count = 0;
    for (let d = start; d < start + 7; d++) if (d !== day && state.at(agent.index, d) >= 0) count++;
    if (count >= agent.maxDays) return `${dates[start]}..${dates[start + 6]}`;
  }
  return `${dates[Math.max(0, day - 6)]}..${dates[Math.min(dates.length - 1, day + 6)]}`;
}

function reasonMessage(rule: UnmetReasonCode, agents: number, skill: string, window?: { from: string; to: string }): string {
  const one = agents === 1;
  const who = `${agents} ${skill} agent${one ? '' : 's'}`;
  switch (rule) {
    case 'onOtherShift':
      return `${who} ${one ? 'works' : 'work'} other hours that day`;
    case 'unavailable':
      return `${who} ${one ? 'has' : 'have'} no shift they may work at this hour (unavailable or not allowed)`;
    case 'maxDaysPer7Days':
      return `${who} already ${one ? 'works' : 'work'} their maximum days in ${window?.from}..${window?.to} (RO-5)`;
    case 'minRest':
      return `${who} would not get their minimum rest between shifts`;
    case 'maxConsecutiveDays':
      return `${who} would exceed their consecutive working days`;
    case 'maxHoursPer7Days':
      return `${who} would exceed their hours in 7 days`;
  }
}

/** Ranks the hard rules behind all unmet intervals into binding rule families. */
export function bindingRules(reasonsBySlot: ReadonlyArray<readonly UnmetReason[]>): BindingRule[] {
  const total = new Map<string, { rule: UnmetReasonCode; count: number; window?: { from: string; to: string } }>();
  for (const reasons of reasonsBySlot) {
    // Working other hours is a circumstance, not a rule: it stays in each interval's reasons only.
    for (const r of reasons.filter((x) => x.rule !== 'onOtherShift')) {
      const key = r.rule === 'maxDaysPer7Days' && r.window ? `${r.rule} ${r.window.from}` : r.rule;
      const entry = total.get(key) ?? { rule: r.rule, count: 0, ...(r.window && r.rule === 'maxDaysPer7Days' ? { window: r.window } : {}) };
      entry.count += r.agents;
      total.set(key, entry);
    }
  }
  return [...total.values()]
    .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1))
    .map((e) => ({
      rule: e.rule,
      blockedAgentIntervals: e.count,
      ...(e.window ? { window: e.window } : {}),
      message: e.rule === 'maxDaysPer7Days' && e.window ? `days-in-7 limit over ${e.window.from}..${e.window.to} blocks ${e.count} agent-intervals of unmet demand` : `${e.rule} blocks ${e.count} agent-intervals of unmet demand`,
    }));
}

/**
 * Re-solves the aggregate model with one rule relaxed at a time. A solve that would end after
 * `deadline` (judged by the longest so far) is not started: its lever is left out.
 */
export function whatIfLevers(problem: Problem, objective: number, timeoutMs: number, withoutRestRows: boolean, deadline = Number.POSITIVE_INFINITY): WhatIfLever[] {
  const levers: WhatIfLever[] = [];
  let longest = 0;
  /** The proven optimum with `tweak`, or `undefined` (not proven in time, or not started). */
  const optimum = (tweak: AggregateTweak): number | undefined => {
    const start = Date.now();
    if (start + longest > deadline) return undefined;
    // Only proven optima make a lever, so a solve that runs out of time needs no bound.
    const solution = solveAggregate(problem, { timeoutMs, tweak: { ...tweak, withoutRestRows }, boundOnTimeout: false });
    longest = Math.max(longest, Date.now() - start);
    return solution.status === 'optimal' ? solution.lowerBound : undefined;
  };
  const kinds = new Map<string, number>();
  for (const type of problem.types) {
    const kind = type.spec.kind;
    const current = kinds.get(kind);
    if (current === undefined || (problem.types[current]?.agents.length ?? 0) < type.agents.length) kinds.set(kind, type.index);
  }
  for (const [kind, type] of [...kinds.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const bound = optimum({ extraAgents: new Map([[type, 1]]) });
    if (bound !== undefined) levers.push(lever('addAgent', bound, objective, `one more agent of kind "${kind}"`, kind));
  }
  const six = optimum({ extraDaysPer7: 1 });
  if (six !== undefined) levers.push(lever('sixDaysIn7', six, objective, 'one more working day in every 7'));
  const rest = optimum({ lessRestHours: 1 });
  if (rest !== undefined) levers.push(lever('restOneHourShorter', rest, objective, 'rest one hour shorter'));
  return levers;
}

function lever(kind: WhatIfLever['lever'], bound: number, objective: number, what: string, agentKind?: string): WhatIfLever {
  const improvement = Math.max(0, objective - bound);
  return {
    lever: kind,
    ...(agentKind === undefined ? {} : { kind: agentKind }),
    objectiveLowerBound: round(bound),
    improvement: round(improvement),
    message: improvement > 0 ? `${what}: objective could fall from ${round(objective)} to ${round(bound)}` : `${what}: no improvement possible`,
  };
}

/** Rounds to millionths: hours and objectives print cleanly without hiding real differences. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A one-line reading of a run of unmet intervals, for the summary. */
export function describeShortage(problem: Problem, skill: number, fromSlot: number, toSlot: number, shortfallHours: number, reasons: readonly UnmetReason[]): string {
  const tz = problem.input.timeZone;
  const from = formatInstant(problem.originMs + fromSlot * problem.slotMs, tz);
  const to = formatInstant(problem.originMs + (toSlot + 1) * problem.slotMs, tz);
  const why = reasons.slice(0, 3).map((r) => r.message).join('; ');
  return `${problem.skills[skill]} ${from.slice(0, 16).replace('T', ' ')}–${to.slice(11, 16)} short by ${round(shortfallHours)} agent-hours${why ? `: ${why}` : ''}`;
}

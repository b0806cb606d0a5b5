import type { AgentSpec, Problem, ShiftInstance } from './problem.ts';

/** Shortfall and surplus agent-hours of a coverage, and its weighted objective. */
export interface CoverageTotals {
  readonly shortfallHours: number;
  readonly surplusHours: number;
  readonly objective: number;
}

/** Scores agents on duty per skill and interval against the demand; the horizon only. */
export function coverageTotals(problem: Problem, coverage: readonly Float64Array[]): CoverageTotals {
  let shortfall = 0;
  let surplus = 0;
  coverage.forEach((c, s) => {
    const d = problem.demand[s] as Float64Array;
    for (let t = 0; t < c.length; t++) {
      const gap = (d[t] as number) - (c[t] as number);
      if (gap > 0) shortfall += gap;
      else surplus -= gap;
    }
  });
  const h = problem.slotHours;
  const w = problem.input.weights;
  return { shortfallHours: shortfall * h, surplusHours: surplus * h, objective: (shortfall * w.understaff + surplus * w.overstaff) * h };
}

/** A hard rule an assignment can break. */
export type HardRule = 'skill' | 'allowedShift' | 'unavailable' | 'oneShiftPerDay' | 'minRest' | 'maxDaysPer7Days' | 'maxConsecutiveDays' | 'maxHoursPer7Days';

/**
 * A roster under construction: at most one shift instance per agent and day, with the coverage
 * per skill and interval kept up to date so that moves can be priced in O(shift length).
 */
export class RosterState {
  /** Shift instance per agent-day, or -1 for a day off. Index: agent × days + day. */
  readonly shift: Int32Array;
  /** Skill index worked per agent-day. */
  readonly skill: Int16Array;
  /** Agents on duty per skill and interval. */
  readonly coverage: Float64Array[];
  private readonly under: number;
  private readonly over: number;

  constructor(readonly problem: Problem) {
    const cells = problem.agents.length * problem.dates.length;
    this.shift = new Int32Array(cells).fill(-1);
    this.skill = new Int16Array(cells);
    this.coverage = problem.skills.map(() => new Float64Array(problem.slots));
    this.under = problem.input.weights.understaff * problem.slotHours;
    this.over = problem.input.weights.overstaff * problem.slotHours;
  }

  /** A copy that can be changed without touching this one. */
  clone(): RosterState {
    const copy = new RosterState(this.problem);
    copy.shift.set(this.shift);
    copy.skill.set(this.skill);
    this.coverage.forEach((c, s) => copy.coverage[s]?.set(c));
    return copy;
  }

  at(agent: number, day: number): number {
    return this.shift[agent * this.problem.dates.length + day] as number;
  }

  skillAt(agent: number, day: number): number {
    return this.skill[agent * this.problem.dates.length + day] as number;
  }

  /** Puts `agent` on `instance` in `skill` (replacing any shift that day). */
  assign(agent: number, instance: number, skill: number): void {
    const k = this.problem.instances[instance] as ShiftInstance;
    this.clear(agent, k.day);
    const cell = agent * this.problem.dates.length + k.day;
    this.shift[cell] = instance;
    this.skill[cell] = skill;
    this.addCoverage(k, skill, 1);
  }

  /** Gives `agent` the day off. */
  clear(agent: number, day: number): void {
    const cell = agent * this.problem.dates.length + day;
    const current = this.shift[cell] as number;
    if (current < 0) return;
    this.addCoverage(this.problem.instances[current] as ShiftInstance, this.skill[cell] as number, -1);
    this.shift[cell] = -1;
  }

  private addCoverage(k: ShiftInstance, skill: number, delta: number): void {
    const c = this.coverage[skill] as Float64Array;
    const end = Math.min(k.endSlot, this.problem.slots);
    for (let t = Math.max(0, k.startSlot); t < end; t++) c[t] = (c[t] as number) + delta;
  }

  /** Change in objective if one more (delta = 1) or one fewer (-1) agent worked `k` in `skill`. */
  coverageDelta(k: ShiftInstance, skill: number, delta: 1 | -1): number {
    const c = this.coverage[skill] as Float64Array;
    const d = this.problem.demand[skill] as Float64Array;
    const end = Math.min(k.endSlot, this.problem.slots);
    let change = 0;
    for (let t = Math.max(0, k.startSlot); t < end; t++) {
      const before = c[t] as number;
      change += this.penalty(before + delta, d[t] as number) - this.penalty(before, d[t] as number);
    }
    return change;
  }

  private penalty(covered: number, required: number): number {
    return covered < required ? (required - covered) * this.under : (covered - required) * this.over;
  }

  /** Shortfall and surplus agent-hours and the weighted objective. */
  totals(): CoverageTotals {
    return coverageTotals(this.problem, this.coverage);
  }

  /**
   * The first hard rule broken if `agent` worked `instance` in `skill` on its day, everything
   * else staying as it is; null when the move is allowed.
   */
  blocker(agent: number, instance: number, skill: number): HardRule | null {
    const a = this.problem.agents[agent] as AgentSpec;
    const k = this.problem.instances[instance] as ShiftInstance;
    if (!a.skills.includes(skill)) return 'skill';
    if (a.allowed[instance] !== 1) return 'allowedShift';
    return this.scheduleBlocker(a, k);
  }

  /** Rest, day-count, run-length and hour rules for `k` placed among the agent's other days. */
  scheduleBlocker(a: AgentSpec, k: ShiftInstance): HardRule | null {
    const days = this.problem.dates.length;
    const row = a.index * days;
    const instances = this.problem.instances;
    for (let d = k.day - 1, seen = 0; d >= 0 && seen < 2; d--) {
      const p = this.shift[row + d] as number;
      if (p < 0) continue;
      seen++;
      if ((instances[p] as ShiftInstance).endMs + a.restMs > k.startMs) return 'minRest';
    }
    for (let d = k.day + 1, seen = 0; d < days && seen < 2; d++) {
      const n = this.shift[row + d] as number;
      if (n < 0) continue;
      seen++;
      if (k.endMs + a.restMs > (instances[n] as ShiftInstance).startMs) return 'minRest';
    }
    const worked = (d: number): boolean => d === k.day || (this.shift[row + d] as number) >= 0;
    const hoursOn = (d: number): number => (d === k.day ? k.hours : (this.shift[row + d] as number) >= 0 ? (instances[this.shift[row + d] as number] as ShiftInstance).hours : 0);
    for (let start = Math.max(0, k.day - 6); start <= k.day && start + 7 <= days; start++) {
      let count = 0;
      let hours = 0;
      for (let d = start; d < start + 7; d++) {
        if (worked(d)) count++;
        hours += hoursOn(d);
      }
      if (count > a.maxDays) return 'maxDaysPer7Days';
      if (a.maxHours !== null && hours > a.maxHours + 1e-9) return 'maxHoursPer7Days';
    }
    if (a.maxConsecutive !== null) {
      let run = 1;
      for (let d = k.day - 1; d >= 0 && worked(d); d--) run++;
      for (let d = k.day + 1; d < days && worked(d); d++) run++;
      if (run > a.maxConsecutive) return 'maxConsecutiveDays';
    }
    return null;
  }
}

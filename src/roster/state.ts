import { agentsByKind, type AgentSpec, type CoreRule, type Problem, type RatioRule, type ShiftInstance } from './problem.ts';

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

/** RO-2: weighted agent-hours off each ratio's target split. */
export function ratioPenalty(problem: Problem, coverage: readonly Float64Array[]): number {
  let total = 0;
  for (const r of problem.ratios) for (let t = 0; t < problem.slots; t++) total += ratioDeviation(r, coverage, t);
  return total * problem.input.weights.ratio * problem.slotHours;
}

/** Agents of `a` away from the target share of those on duty in `a` or `b` at `t`. */
function ratioDeviation(r: RatioRule, coverage: readonly Float64Array[], t: number): number {
  const share = r.share[t] as number;
  if (Number.isNaN(share)) return 0;
  const a = (coverage[r.a] as Float64Array)[t] as number;
  const b = (coverage[r.b] as Float64Array)[t] as number;
  return Math.abs(a - share * (a + b));
}

/** RO-1: weighted core agent-hours missing, from the core agents on duty per rule and interval. */
export function corePenalty(problem: Problem, onDuty: readonly Float64Array[]): number {
  let missing = 0;
  problem.cores.forEach((rule, r) => {
    const duty = onDuty[r] as Float64Array;
    for (let t = rule.from; t < rule.to; t++) missing += Math.max(0, rule.min - (duty[t - rule.from] as number));
  });
  return missing * problem.input.weights.coreTeam * problem.slotHours;
}

/** The cost of an agent-day's request given the instance worked (-1 for a day off). */
export function requestCost(problem: Problem, agent: AgentSpec, day: number, instance: number): number {
  const request = agent.requests.get(day);
  if (request === undefined) return 0;
  if (request.template < 0) return instance >= 0 ? request.cost : 0;
  return instance >= 0 && (problem.instances[instance] as ShiftInstance).template === request.template ? 0 : request.cost;
}

/**
 * The objective term by term, each already multiplied by its weight.
 *
 * @example
 * ```ts
 * const terms: RosterObjectiveTerms = generateRoster(input).objectiveTerms;
 * ```
 */
export interface RosterObjectiveTerms {
  /** understaff weight × shortfall agent-hours. */
  readonly understaff: number;
  /** overstaff weight × surplus agent-hours. */
  readonly overstaff: number;
  /** RO-4: handover weight × shift ends without an overlap while demand goes on. */
  readonly handover: number;
  /** RO-2: ratio weight × agent-hours off the target split. */
  readonly ratio: number;
  /** RO-1: coreTeam weight × core agent-hours missing. */
  readonly coreTeam: number;
  /** Requests not honoured, each at its weight × requestOff or requestShift. */
  readonly requests: number;
  /** fairness weight × (Σ |hours − group mean| + Σ |night shifts − group mean|): a tie-breaker, not in `objective`. */
  readonly fairness: number;
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
  /** 1 on pinned agent-days, which moves leave alone. */
  readonly locked: Uint8Array;
  /** RO-4: per skill, shifts ending at each interval boundary inside the horizon. */
  private readonly ends: Float64Array[];
  /** RO-4: per skill, shifts that started at least the overlap before each boundary and run past it. */
  private readonly handing: Float64Array[];
  /** RO-1: core agents on duty per core rule, from the rule's first interval. */
  readonly coreOnDuty: Float64Array[];
  private readonly under: number;
  private readonly over: number;

  constructor(readonly problem: Problem) {
    const cells = problem.agents.length * problem.dates.length;
    this.shift = new Int32Array(cells).fill(-1);
    this.skill = new Int16Array(cells);
    this.locked = new Uint8Array(cells);
    this.coverage = problem.skills.map(() => new Float64Array(problem.slots));
    const handover = problem.handoverSlots > 0;
    this.ends = problem.skills.map(() => new Float64Array(handover ? problem.slots : 0));
    this.handing = problem.skills.map(() => new Float64Array(handover ? problem.slots : 0));
    this.coreOnDuty = problem.cores.map((c) => new Float64Array(c.to - c.from));
    this.under = problem.input.weights.understaff * problem.slotHours;
    this.over = problem.input.weights.overstaff * problem.slotHours;
  }

  /** A copy that can be changed without touching this one. */
  clone(): RosterState {
    const copy = new RosterState(this.problem);
    copy.shift.set(this.shift);
    copy.skill.set(this.skill);
    copy.locked.set(this.locked);
    const copyAll = (from: Float64Array[], to: Float64Array[]) => from.forEach((c, i) => to[i]?.set(c));
    copyAll(this.coverage, copy.coverage);
    copyAll(this.ends, copy.ends);
    copyAll(this.handing, copy.handing);
    copyAll(this.coreOnDuty, copy.coreOnDuty);
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
    this.addShift(agent, k, skill, 1);
  }

  /** Gives `agent` the day off. */
  clear(agent: number, day: number): void {
    const cell = agent * this.problem.dates.length + day;
    const current = this.shift[cell] as number;
    if (current < 0) return;
    this.addShift(agent, this.problem.instances[current] as ShiftInstance, this.skill[cell] as number, -1);
    this.shift[cell] = -1;
  }

  private addShift(agent: number, k: ShiftInstance, skill: number, delta: number): void {
    const slots = this.problem.slots;
    const c = this.coverage[skill] as Float64Array;
    const end = Math.min(k.endSlot, slots);
    for (let t = Math.max(0, k.startSlot); t < end; t++) c[t] = (c[t] as number) + delta;
    const overlap = this.problem.handoverSlots;
    if (overlap > 0) {
      const ends = this.ends[skill] as Float64Array;
      if (k.endSlot >= 0 && k.endSlot < slots) ends[k.endSlot] = (ends[k.endSlot] as number) + delta;
      const handing = this.handing[skill] as Float64Array;
      for (let e = Math.max(0, k.startSlot + overlap); e < end; e++) handing[e] = (handing[e] as number) + delta;
    }
    for (const r of (this.problem.agents[agent] as AgentSpec).core) {
      const rule = this.problem.cores[r] as CoreRule;
      const duty = this.coreOnDuty[r] as Float64Array;
      for (let t = Math.max(rule.from, k.startSlot); t < Math.min(rule.to, k.endSlot); t++) duty[t - rule.from] = (duty[t - rule.from] as number) + delta;
    }
  }

  /**
   * Change in the objective (fairness aside) if `agent` took on (delta = 1) or gave up (-1)
   * shift `k` in `skill`: coverage, ratios, handovers and core teams. Requests are per day, see
   * {@link requestCost}.
   */
  shiftDelta(agent: number, k: ShiftInstance, skill: number, delta: 1 | -1): number {
    const problem = this.problem;
    const c = this.coverage[skill] as Float64Array;
    const d = problem.demand[skill] as Float64Array;
    const first = Math.max(0, k.startSlot);
    const end = Math.min(k.endSlot, problem.slots);
    let change = 0;
    for (let t = first; t < end; t++) {
      const before = c[t] as number;
      change += this.penalty(before + delta, d[t] as number) - this.penalty(before, d[t] as number);
    }
    if (problem.ratios.length > 0) change += this.ratioDelta(skill, delta, first, end);
    if (problem.handoverSlots > 0) change += this.handoverDelta(k, skill, delta);
    const spec = problem.agents[agent] as AgentSpec;
    for (const r of spec.core) {
      const rule = problem.cores[r] as CoreRule;
      const duty = this.coreOnDuty[r] as Float64Array;
      let missing = 0;
      for (let t = Math.max(rule.from, k.startSlot); t < Math.min(rule.to, k.endSlot); t++) {
        const before = duty[t - rule.from] as number;
        missing += Math.max(0, rule.min - before - delta) - Math.max(0, rule.min - before);
      }
      change += missing * problem.input.weights.coreTeam * problem.slotHours;
    }
    return change;
  }

  private ratioDelta(skill: number, delta: number, first: number, end: number): number {
    let change = 0;
    for (const r of this.problem.ratios) {
      if (r.a !== skill && r.b !== skill) continue;
      for (let t = first; t < end; t++) {
        const before = ratioDeviation(r, this.coverage, t);
        const c = this.coverage[skill] as Float64Array;
        c[t] = (c[t] as number) + delta;
        change += ratioDeviation(r, this.coverage, t) - before;
        c[t] = (c[t] as number) - delta;
      }
    }
    return change * this.problem.input.weights.ratio * this.problem.slotHours;
  }

  /** Boundaries whose handover state changes: the shift's own end and the span it hands over in. */
  private handoverDelta(k: ShiftInstance, skill: number, delta: number): number {
    const slots = this.problem.slots;
    const ends = this.ends[skill] as Float64Array;
    const handing = this.handing[skill] as Float64Array;
    const demand = this.problem.demand[skill] as Float64Array;
    const missed = (e: number, endsHere: number, handingHere: number) => (endsHere > 0 && handingHere <= 0 && (demand[e] as number) > 0 ? 1 : 0);
    let change = 0;
    const from = Math.max(0, k.startSlot + this.problem.handoverSlots);
    const to = Math.min(k.endSlot, slots);
    for (let e = from; e < to; e++) change += missed(e, ends[e] as number, (handing[e] as number) + delta) - missed(e, ends[e] as number, handing[e] as number);
    const e = k.endSlot;
    if (e >= 0 && e < slots) change += missed(e, (ends[e] as number) + delta, handing[e] as number) - missed(e, ends[e] as number, handing[e] as number);
    return change * this.problem.input.weights.handover;
  }

  private penalty(covered: number, required: number): number {
    return covered < required ? (required - covered) * this.under : (covered - required) * this.over;
  }

  /** Shortfall and surplus agent-hours and the weighted coverage objective. */
  totals(): CoverageTotals {
    return coverageTotals(this.problem, this.coverage);
  }

  /** RO-4: shift ends with demand going on and no handover overlap, weighted. */
  handoverPenalty(): number {
    if (this.problem.handoverSlots === 0) return 0;
    let missed = 0;
    this.ends.forEach((ends, s) => {
      const handing = this.handing[s] as Float64Array;
      const demand = this.problem.demand[s] as Float64Array;
      for (let e = 0; e < ends.length; e++) if ((ends[e] as number) > 0 && (handing[e] as number) <= 0 && (demand[e] as number) > 0) missed++;
    });
    return missed * this.problem.input.weights.handover;
  }

  /** Weighted cost of the requests not honoured. */
  requestPenalty(): number {
    let total = 0;
    for (const a of this.problem.agents) for (const day of a.requests.keys()) total += requestCost(this.problem, a, day, this.at(a.index, day));
    return total;
  }

  /** Hours and night shifts worked per agent. */
  workload(): { hours: Float64Array; nights: Float64Array } {
    const problem = this.problem;
    const hours = new Float64Array(problem.agents.length);
    const nights = new Float64Array(problem.agents.length);
    for (const a of problem.agents) {
      for (let d = 0; d < problem.dates.length; d++) {
        const i = this.at(a.index, d);
        if (i < 0) continue;
        hours[a.index] = (hours[a.index] as number) + (problem.instances[i] as ShiftInstance).hours;
        nights[a.index] = (nights[a.index] as number) + (problem.nights[i] as number);
      }
    }
    return { hours, nights };
  }

  /** Every weighted term; the objective is their sum without fairness, which only breaks ties. */
  terms(): RosterObjectiveTerms & { objective: number; shortfallHours: number; surplusHours: number } {
    const totals = this.totals();
    const w = this.problem.input.weights;
    const understaff = totals.shortfallHours * w.understaff;
    const overstaff = totals.surplusHours * w.overstaff;
    const handover = this.handoverPenalty();
    const ratio = ratioPenalty(this.problem, this.coverage);
    const coreTeam = corePenalty(this.problem, this.coreOnDuty);
    const requests = this.requestPenalty();
    const { hours, nights } = this.workload();
    const fairness = fairnessPenalty(this.problem, hours, nights);
    return { understaff, overstaff, handover, ratio, coreTeam, requests, fairness, objective: understaff + overstaff + handover + ratio + coreTeam + requests, shortfallHours: totals.shortfallHours, surplusHours: totals.surplusHours };
  }

  /** The objective (fairness aside): what the solver minimises first. */
  objective(): number {
    return this.terms().objective;
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

/** Weighted Σ |hours − group mean| + Σ |night shifts − group mean| over each contract group. */
export function fairnessPenalty(problem: Problem, hours: Float64Array, nights: Float64Array): number {
  let total = 0;
  for (const members of agentsByKind(problem).values()) {
    for (const values of [hours, nights]) {
      let sum = 0;
      for (const m of members) sum += values[m] as number;
      const mean = sum / members.length;
      for (const m of members) total += Math.abs((values[m] as number) - mean);
    }
  }
  return total * problem.input.weights.fairness;
}

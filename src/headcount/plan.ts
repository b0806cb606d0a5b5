import * as z from 'zod/mini';
import { ceil, div, mul, rational, sub, toNumber } from '../core/exact.ts';
import { invalid } from '../core/errors.ts';
import { Dec } from '../core/money.ts';
import { addDays, DEFAULT_TIME_ZONE, formatInstant, localDate, localMinuteOfDay, LocalDateSchema, startOfLocalDay, TimeZoneSchema } from '../core/time.ts';
import { parseInput } from '../core/validate.ts';
import { ChatModel, checkChatTargets, staffChatInterval } from './chat.ts';
import { load, nonNegative, positive } from './inputs.ts';
import { checkTargets, staffingOptions, staffInterval, type StaffingConstraint } from './required-agents.ts';

const MAX_INTERVALS = 100_000;

/** Chat settings that replace `ahtSeconds` when the channel is chat. */
const ChatSettings = /* @__PURE__ */ z.strictObject({
  ahtSecondsByConcurrency: z.readonly(z.array(positive).check(z.minLength(1), z.maxLength(50))),
  model: ChatModel,
  concurrencyFactor: z.optional(z.number().check(z.gte(1))),
});

/** A day's total spread by a profile of weights: 24 hourly weights, or one per interval of the day. */
const ProfiledVolumes = /* @__PURE__ */ z.strictObject({
  /** The day's volume, or one volume per day for a multi-day plan. */
  total: z.union([nonNegative, z.readonly(z.array(nonNegative).check(z.minLength(1), z.maxLength(3660)))]),
  /** Relative weights (they need not sum to 1): 24 hourly weights, or one per interval of a day. */
  profile: z.readonly(z.array(nonNegative).check(z.minLength(1), z.maxLength(1440))),
});

/**
 * Input of {@link planStaffing}. Volumes are either one number per interval from `date` 00:00
 * local time, or a daily total with a profile. Give `ahtSeconds` for calls (or 1:1 chats) or
 * `chat` for chat with concurrency.
 *
 * @example
 * ```ts
 * const input: PlanStaffingInput = {
 *   date: '2026-11-11', intervalMinutes: 60,
 *   volumes: { total: 16_000, profile: DOUBLE_11_EVENT_DAY_PROFILE },
 *   ahtSeconds: 240, serviceLevel: { target: 0.8, answerSeconds: 30 }, shrinkage: 0.3, currentStaff: 80,
 * };
 * ```
 */
export const PlanStaffingInput = /* @__PURE__ */ z.strictObject({
  /** First local day of the plan, `YYYY-MM-DD`. */
  date: LocalDateSchema,
  /** The shop's IANA time zone (default `Asia/Shanghai`). */
  timeZone: z._default(TimeZoneSchema, DEFAULT_TIME_ZONE),
  /** Interval length in minutes; must divide a day (15, 30, 60, …). */
  intervalMinutes: z.number().check(z.int(), z.gte(1), z.lte(1440)),
  /** Contacts per interval, or a daily total with a profile. */
  volumes: z.union([z.readonly(z.array(nonNegative).check(z.minLength(1), z.maxLength(MAX_INTERVALS))), ProfiledVolumes]),
  /** Mean handling time in seconds for calls or 1:1 chats. */
  ahtSeconds: z.optional(positive),
  /** Chat with concurrency instead of `ahtSeconds`. */
  chat: z.optional(ChatSettings),
  /** Paid hours of one agent's day, to turn agent-hours into FTE (default 8). */
  paidHoursPerAgent: z._default(z.number().check(z.gt(0), z.lte(24)), 8),
  /** People on staff today, to report the hiring gap (HC-5). */
  currentStaff: z.optional(z.number().check(z.int(), z.nonnegative())),
  ...staffingOptions,
});
/** @inheritDoc PlanStaffingInput */
export type PlanStaffingInput = z.input<typeof PlanStaffingInput>;
type Parsed = z.output<typeof PlanStaffingInput>;

/**
 * One interval of a staffing plan.
 *
 * @example
 * ```ts
 * const first: StaffingInterval = planStaffing(input).intervals[0]!;
 * ```
 */
export interface StaffingInterval {
  /** Start of the interval, ISO 8601 with the shop's offset. */
  readonly start: string;
  /** Contacts expected in the interval. */
  readonly calls: number;
  /** Offered load in Erlangs (for chat: slot Erlangs at full concurrency). */
  readonly trafficErlangs: number;
  /** Productive agents needed. */
  readonly agents: number;
  /** Seats to schedule after shrinkage. */
  readonly scheduled: number;
  /** Service level reached with `agents`. */
  readonly serviceLevel: number;
  /** The constraint that set `agents`. */
  readonly binding: StaffingConstraint;
}

/**
 * Totals for one local day of the plan.
 *
 * @example
 * ```ts
 * const day: StaffingDay = planStaffing(input).days[0]!;
 * ```
 */
export interface StaffingDay {
  /** The local date. */
  readonly date: string;
  /** Contacts in the day. */
  readonly calls: number;
  /** Σ productive agents × interval hours. */
  readonly productiveAgentHours: number;
  /** Productive agent-hours ÷ (1 − shrinkage). */
  readonly paidAgentHours: number;
  /** Paid agent-hours ÷ paid hours per agent. */
  readonly fte: number;
  /** Most seats needed at once. */
  readonly peakScheduled: number;
}

/**
 * A staffing plan: per-interval agents and seats, agent-hours, FTE, and the hiring gap.
 *
 * @example
 * ```ts
 * const plan: PlanStaffingResult = planStaffing(input);
 * ```
 */
export interface PlanStaffingResult {
  /** Every interval in time order. */
  readonly intervals: readonly StaffingInterval[];
  /** Totals per local day. */
  readonly days: readonly StaffingDay[];
  /** Most seats needed in any interval: the seat count the floor must hold. */
  readonly peakScheduled: number;
  /** Start of the first interval with that peak. */
  readonly peakStart: string;
  /** Σ productive agents × interval hours. */
  readonly productiveAgentHours: number;
  /** Productive agent-hours ÷ (1 − shrinkage): the hours to pay for. */
  readonly paidAgentHours: number;
  /** Σ scheduled seats × interval hours (each interval rounded up separately). */
  readonly scheduledSeatHours: number;
  /** Paid agent-hours ÷ (paid hours per agent × days): average people per day. */
  readonly fte: number;
  /**
   * People needed: the larger of the busiest day's paid hours ÷ paid hours per agent (rounded up)
   * and the seat peak (nobody sits two seats at once). Still a lower bound: shift shapes and rest
   * days (RO-5) add to it; a roster gives the exact number.
   */
  readonly requiredHeadcount: number;
  /** What set `requiredHeadcount`: the busiest day's `agentHours`, or the `peakSeats` of one interval. */
  readonly headcountBasis: 'agentHours' | 'peakSeats';
  /** People on staff, when given. */
  readonly currentStaff: number | null;
  /** requiredHeadcount − currentStaff when positive, 0 when staff suffice, null without `currentStaff` (HC-5). */
  readonly hiringGap: number | null;
}

/**
 * Turns an interval forecast into a staffing plan (HC-5, HC-6): Erlang C, Erlang A or a chat
 * model per interval, then agent-hours, paid hours after shrinkage, FTE, the seat peak and the
 * gap to current staff. Intervals run back to back from `date` 00:00 in the shop's time zone,
 * so on a day when clocks change the day has 23 or 25 hours of intervals.
 *
 * @example
 * {@includeCode ../../examples/headcount.example.ts#plan}
 */
export function planStaffing(input: PlanStaffingInput): PlanStaffingResult {
  const v = parseInput(PlanStaffingInput, input, 'planStaffing');
  checkPlan(v);
  const slots = intervalsOf(v);
  const intervalSeconds = v.intervalMinutes * 60;
  const staff = staffer(v, intervalSeconds);
  const intervals = slots.map(({ start, calls }) => ({ start: formatInstant(start, v.timeZone), ...staff(calls) }));
  return summarise(v, slots, intervals);
}

function checkPlan(v: Parsed): void {
  const context = 'planStaffing';
  if (1440 % v.intervalMinutes !== 0) invalid('intervalMinutes', `expected a length that divides a day (15, 30, 60, …), received ${v.intervalMinutes}`, context);
  if ((v.ahtSeconds === undefined) === (v.chat === undefined)) {
    invalid('ahtSeconds', `expected exactly one of ahtSeconds (calls) or chat (chat with concurrency), received ${v.ahtSeconds === undefined ? 'neither' : 'both'}`, context);
  }
  if (v.chat === undefined) checkTargets(v, context);
  else checkChatTargets({ ...v, ...v.chat, intervalSeconds: v.intervalMinutes * 60 }, 'chat.', context);
}

function staffer(v: Parsed, intervalSeconds: number): (calls: number) => Omit<StaffingInterval, 'start'> {
  const chat = v.chat;
  if (chat !== undefined) {
    const settings = { ...v, ...chat, intervalSeconds };
    const ahtFull = chat.ahtSecondsByConcurrency[chat.ahtSecondsByConcurrency.length - 1] as number;
    return (calls) => {
      const r = staffChatInterval(calls, settings, 'planStaffing', 'volumes');
      return { calls, trafficErlangs: (calls * ahtFull) / intervalSeconds, agents: r.agents, scheduled: r.scheduled, serviceLevel: r.serviceLevel, binding: r.binding };
    };
  }
  const aht = v.ahtSeconds as number;
  return (calls) => {
    const r = staffInterval(load(calls, aht, intervalSeconds, 'planStaffing', 'volumes'), v);
    return { calls, trafficErlangs: r.trafficErlangs, agents: r.agents, scheduled: r.scheduled, serviceLevel: r.metrics.serviceLevel, binding: r.binding };
  };
}

interface Slot {
  readonly start: number;
  readonly date: string;
  readonly calls: number;
}

/** The plan's intervals as instants with their local date and volume. */
function intervalsOf(v: Parsed): Slot[] {
  const step = v.intervalMinutes * 60_000;
  const first = startOfLocalDay(v.date, v.timeZone);
  if (isList(v.volumes)) {
    return v.volumes.map((calls, i) => {
      const start = first + i * step;
      return { start, date: localDate(start, v.timeZone), calls };
    });
  }
  const { total, profile } = v.volumes;
  const perDay = (24 * 60) / v.intervalMinutes;
  if (profile.length !== 24 && profile.length !== perDay) {
    invalid('volumes.profile', `expected 24 hourly weights or ${perDay} weights (one per ${v.intervalMinutes}-minute interval), received ${profile.length}`, 'planStaffing');
  }
  const totals = isList(total) ? total : [total];
  return totals.flatMap((dayTotal, d) => profiledDay(v, addDays(v.date, d), dayTotal, profile, isList(total) ? `volumes.total.${d}` : 'volumes.total'));
}

/** `Array.isArray` for readonly arrays, which it does not narrow. */
function isList(value: unknown): value is readonly number[] {
  return Array.isArray(value);
}

/**
 * One local day's intervals, each weighted by the profile entry of its local clock time and the
 * day's total split in proportion. On a DST day the skipped hour has no interval and the
 * repeated hour has two, and the weights are renormalised over the intervals that exist.
 */
function profiledDay(v: Parsed, date: string, dayTotal: number, profile: readonly number[], path: string): Slot[] {
  const step = v.intervalMinutes * 60_000;
  const end = startOfLocalDay(addDays(date, 1), v.timeZone);
  const starts: number[] = [];
  for (let t = startOfLocalDay(date, v.timeZone); t < end; t += step) starts.push(t);
  const weights = starts.map((t) => weightAt(profile, localMinuteOfDay(t, v.timeZone), v.intervalMinutes));
  const sum = weights.reduce((acc, w) => acc.plus(w), new Dec(0));
  if (sum.isZero() && dayTotal > 0) invalid('volumes.profile', `expected some positive weight for the hours of ${date}, received only zeros`, 'planStaffing');
  const total = new Dec(dayTotal);
  if (total.gt(0) && starts.length === 0) invalid(path, 'no interval in this day', 'planStaffing');
  return starts.map((start, i) => ({
    start,
    date,
    calls: sum.isZero() ? 0 : total.times(weights[i] as number).div(sum).toNumber(),
  }));
}

/** The profile weight of an interval starting at a local minute of the day. */
function weightAt(profile: readonly number[], minute: number, intervalMinutes: number): number {
  if (profile.length !== 24) return profile[Math.floor(minute / intervalMinutes)] as number;
  // Hourly weights: an interval inside an hour takes its share; one spanning hours adds them up.
  let weight = new Dec(0);
  for (let m = minute; m < minute + intervalMinutes; m += Math.min(60 - (m % 60), minute + intervalMinutes - m)) {
    const span = Math.min(60 - (m % 60), minute + intervalMinutes - m);
    weight = weight.plus(new Dec(profile[Math.floor(m / 60) % 24] as number).times(span).div(60));
  }
  return weight.toNumber();
}

function summarise(v: Parsed, slots: readonly Slot[], intervals: readonly StaffingInterval[]): PlanStaffingResult {
  // Agent-minutes are exact integers; hours and paid hours are derived from them once.
  const hours = (agentMinutes: number) => agentMinutes / 60;
  const paidExact = (agentMinutes: number) => div(rational(agentMinutes), mul(rational(60), sub(rational(1), rational(v.shrinkage))));
  const byDate = new Map<string, { calls: number; minutes: number; peakScheduled: number }>();
  let peak = intervals[0] as StaffingInterval;
  let totalMinutes = 0;
  let seatMinutes = 0;
  intervals.forEach((interval, i) => {
    const date = (slots[i] as Slot).date;
    const day = byDate.get(date) ?? { calls: 0, minutes: 0, peakScheduled: 0 };
    day.calls += interval.calls;
    day.minutes += interval.agents * v.intervalMinutes;
    day.peakScheduled = Math.max(day.peakScheduled, interval.scheduled);
    byDate.set(date, day);
    totalMinutes += interval.agents * v.intervalMinutes;
    seatMinutes += interval.scheduled * v.intervalMinutes;
    if (interval.scheduled > peak.scheduled) peak = interval;
  });
  const perAgent = rational(v.paidHoursPerAgent);
  const days: StaffingDay[] = [...byDate].map(([date, d]) => ({
    date,
    calls: d.calls,
    productiveAgentHours: hours(d.minutes),
    paidAgentHours: toNumber(paidExact(d.minutes)),
    fte: toNumber(div(paidExact(d.minutes), perAgent)),
    peakScheduled: d.peakScheduled,
  }));
  const busiestMinutes = Math.max(...[...byDate.values()].map((d) => d.minutes));
  const forHours = ceil(div(paidExact(busiestMinutes), perAgent));
  const paidAgentHours = toNumber(paidExact(totalMinutes));
  const requiredHeadcount = Math.max(forHours, peak.scheduled);
  const currentStaff = v.currentStaff ?? null;
  return {
    intervals,
    days,
    peakScheduled: peak.scheduled,
    peakStart: peak.start,
    productiveAgentHours: hours(totalMinutes),
    paidAgentHours,
    scheduledSeatHours: hours(seatMinutes),
    fte: paidAgentHours / (v.paidHoursPerAgent * days.length),
    requiredHeadcount,
    headcountBasis: forHours >= peak.scheduled ? 'agentHours' : 'peakSeats',
    currentStaff,
    hiringGap: currentStaff === null ? null : Math.max(0, requiredHeadcount - currentStaff),
  };
}

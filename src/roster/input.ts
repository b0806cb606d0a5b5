import * as z from 'zod/mini';
import { DEFAULT_TIME_ZONE, LocalDateSchema, LocalTimeSchema, TimeZoneSchema } from '../core/time.ts';

const nonNegative = /* @__PURE__ */ z.number().check(z.nonnegative());
const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
/** A local end time: `HH:mm`, or `24:00` for the end of the day. */
const EndTime = /* @__PURE__ */ z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm or 24:00'));

/**
 * A shift template: it may start on any day of the horizon at `start` local time and lasts
 * `hours` (it may run past midnight, so night shifts cover a team that is online 24 hours, RO-7;
 * its working day is the date it starts).
 *
 * @example
 * ```ts
 * const late: ShiftTemplate = { id: 'late', start: '16:00', hours: 9 };
 * ```
 */
export const ShiftTemplate = /* @__PURE__ */ z.strictObject({
  /** Unique id, referenced by `allowedShifts`. */
  id,
  /** Local start time `HH:mm`, on the interval grid. */
  start: LocalTimeSchema,
  /** Length in hours, a whole number of intervals, at most 24. */
  hours: z.number().check(z.gt(0), z.lte(24)),
});
/** @inheritDoc ShiftTemplate */
export type ShiftTemplate = z.output<typeof ShiftTemplate>;

/**
 * Time an agent cannot work: a whole local day, or `from`–`to` on that day (`to` may be `24:00`).
 *
 * @example
 * ```ts
 * const morning: Unavailability = { date: '2026-11-11', from: '00:00', to: '12:00' };
 * ```
 */
export const Unavailability = /* @__PURE__ */ z.strictObject({
  /** Local date `YYYY-MM-DD`. */
  date: LocalDateSchema,
  /** Start of the unavailable time, `HH:mm` (default: the whole day). */
  from: z.optional(LocalTimeSchema),
  /** End of the unavailable time, `HH:mm` or `24:00` (default: the end of the day). */
  to: z.optional(EndTime),
});
/** @inheritDoc Unavailability */
export type Unavailability = z.output<typeof Unavailability>;

/**
 * A wish of an agent for one day: the day off (`off: true`) or a given shift. Honoured when the
 * roster allows; a request not honoured costs `weights.requestOff` or `weights.requestShift` ×
 * `weight`.
 *
 * @example
 * ```ts
 * const wish: ShiftRequest = { date: '2026-11-12', off: true, weight: 2 };
 * ```
 */
export const ShiftRequest = /* @__PURE__ */ z.strictObject({
  /** Local date `YYYY-MM-DD`. */
  date: LocalDateSchema,
  /** The agent wants the day off. */
  off: z.optional(z.literal(true)),
  /** The agent wants this shift template on that day. */
  shiftId: z.optional(id),
  /** How much the wish counts (default 1). */
  weight: z._default(z.number().check(z.gt(0), z.lte(1000)), 1),
});
/** @inheritDoc ShiftRequest */
export type ShiftRequest = z.input<typeof ShiftRequest>;

/**
 * A shift pinned in advance (a published shift, a trainer's session): the roster keeps it. Pins
 * that break a hard rule between them are reported in the result's `conflicts`.
 *
 * @example
 * ```ts
 * const pin: FixedShift = { date: '2026-11-11', shiftId: 'night', skill: 'presale' };
 * ```
 */
export const FixedShift = /* @__PURE__ */ z.strictObject({
  /** Local date `YYYY-MM-DD`: the working day. */
  date: LocalDateSchema,
  /** The shift template worked. */
  shiftId: id,
  /** The skill worked (default: the solver picks one the agent holds). */
  skill: z.optional(id),
});
/** @inheritDoc FixedShift */
export type FixedShift = z.input<typeof FixedShift>;

/**
 * A named agent with the skills they hold and their labour rules (RO-5, RO-6).
 *
 * @example
 * ```ts
 * const student: RosterAgent = { id: 'li', skills: ['presale'], kind: 'student', allowedShifts: ['eve4'], maxDaysPer7Days: 4 };
 * ```
 */
export const RosterAgent = /* @__PURE__ */ z.strictObject({
  /** Unique id. */
  id,
  /** Skills held (keys of `demand`); each shift is worked in one of them. */
  skills: z.readonly(z.array(id).check(z.minLength(1))),
  /** Most working days in any 7 consecutive days of the horizon (default 5; RO-5). */
  maxDaysPer7Days: z._default(z.number().check(z.int(), z.gte(0), z.lte(7)), 5),
  /** Most hours in any 7 consecutive days. */
  maxHoursPer7Days: z.optional(z.number().check(z.gt(0), z.lte(168))),
  /** Most working days in a row. */
  maxConsecutiveDays: z.optional(z.number().check(z.int(), z.gte(1))),
  /** Least rest between the end of one shift and the start of the next, in hours (default 11). */
  minRestHours: z._default(z.number().check(z.gte(0), z.lte(48)), 11),
  /** Times the agent cannot work (RO-6: students who only work evenings). */
  unavailable: z._default(z.readonly(z.array(Unavailability)), []),
  /** Shift template ids this agent may work (default: all). */
  allowedShifts: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
  /** A contract group (`fulltime`, `parttime`, `student`…), for fairness and what-if levers. */
  kind: z._default(id, 'agent'),
  /** Days off or shifts the agent asked for (soft). */
  requests: z._default(z.readonly(z.array(ShiftRequest)), []),
  /** Shifts pinned in advance (hard). */
  fixed: z._default(z.readonly(z.array(FixedShift)), []),
});
/** @inheritDoc RosterAgent */
export type RosterAgent = z.input<typeof RosterAgent>;

/**
 * Weights of the objective. Coverage dominates by default; the other terms break its ties.
 *
 * @example
 * ```ts
 * const weights: RosterWeights = { understaff: 10, overstaff: 1, coreTeam: 8 };
 * ```
 */
export const RosterWeights = /* @__PURE__ */ z.strictObject({
  /** Per agent-hour of demand left uncovered (default 10). */
  understaff: z._default(nonNegative, 10),
  /** Per agent-hour scheduled beyond demand (default 1). */
  overstaff: z._default(nonNegative, 1),
  /** Per shift end without a handover overlap (default 5; RO-4). */
  handover: z._default(nonNegative, 5),
  /** Per agent-hour off a skill ratio's target split (default 3; RO-2). */
  ratio: z._default(nonNegative, 3),
  /** Per core-team agent-hour missing from a core window (default 5; RO-1). */
  coreTeam: z._default(nonNegative, 5),
  /** Per day-off request not honoured, times its weight (default 3). */
  requestOff: z._default(nonNegative, 3),
  /** Per shift request not honoured, times its weight (default 1). */
  requestShift: z._default(nonNegative, 1),
  /** Per hour and per night shift away from the mean of the agent's contract group (default 0.5). */
  fairness: z._default(nonNegative, 0.5),
});
/** @inheritDoc RosterWeights */
export type RosterWeights = z.input<typeof RosterWeights>;

/**
 * A ratio between two skills on duty (RO-2): `target` agents of `skill` per agent of `per`, one
 * number for the whole horizon or one per interval (`null` where it does not apply).
 *
 * @example
 * ```ts
 * const split: SkillRatio = { skill: 'presale', per: 'aftersale', target: 3 };
 * ```
 */
export const SkillRatio = /* @__PURE__ */ z.strictObject({
  /** The first skill (for example `presale`). */
  skill: id,
  /** The second skill (for example `aftersale`). */
  per: id,
  /** Agents of `skill` per agent of `per`: a number, or one value (or null) per interval. */
  target: z.union([nonNegative, z.readonly(z.array(z.nullable(nonNegative)))]),
});
/** @inheritDoc SkillRatio */
export type SkillRatio = z.input<typeof SkillRatio>;

/**
 * A core team on duty in a window (RO-1: the main force works the first hours after 00:00 on
 * the event day): at least `minAgents` of the listed agents or contract groups in every interval.
 *
 * @example
 * ```ts
 * const core: CoreTeamRule = { date: '2026-11-11', from: '00:00', to: '02:00', minAgents: 4, kinds: ['fulltime'] };
 * ```
 */
export const CoreTeamRule = /* @__PURE__ */ z.strictObject({
  /** Local date the window starts. */
  date: LocalDateSchema,
  /** Local start `HH:mm`. */
  from: LocalTimeSchema,
  /** Local end `HH:mm` or `24:00`, after `from` on the same date. */
  to: EndTime,
  /** Core agents needed in every interval of the window. */
  minAgents: z.number().check(z.int(), z.gte(1)),
  /** Agents who count as core. */
  agents: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
  /** Contract groups whose agents count as core. */
  kinds: z.optional(z.readonly(z.array(id).check(z.minLength(1)))),
});
/** @inheritDoc CoreTeamRule */
export type CoreTeamRule = z.input<typeof CoreTeamRule>;

/**
 * The soft rules of a roster beyond coverage. Each is off unless given.
 *
 * @example
 * ```ts
 * const rules: RosterRules = { handoverMinutes: 30, coreTeams: [{ date: '2026-11-11', from: '00:00', to: '02:00', minAgents: 4, kinds: ['fulltime'] }] };
 * ```
 */
export const RosterRules = /* @__PURE__ */ z.strictObject({
  /** RO-4: when a shift of a skill ends while demand goes on, another shift of that skill should have started this many minutes earlier. */
  handoverMinutes: z.optional(z.number().check(z.int(), z.gt(0), z.lte(720))),
  /** RO-2: ratios between skills on duty. */
  ratios: z._default(z.readonly(z.array(SkillRatio)), []),
  /** RO-1: core teams on duty in given windows. */
  coreTeams: z._default(z.readonly(z.array(CoreTeamRule)), []),
});
/** @inheritDoc RosterRules */
export type RosterRules = z.input<typeof RosterRules>;

/**
 * Input of {@link generateRoster}: the horizon, the hourly demand per skill, the shift templates
 * and the agents.
 *
 * @example
 * ```ts
 * const input: RosterInput = {
 *   startDate: '2026-11-05', days: 14, demand: { presale: presaleDemand },
 *   shifts: [{ id: 'day', start: '09:00', hours: 9 }], agents,
 * };
 * ```
 */
export const RosterInput = /* @__PURE__ */ z.strictObject({
  /** First local day of the horizon. */
  startDate: LocalDateSchema,
  /** Days in the horizon (1 to 62). */
  days: z.number().check(z.int(), z.gte(1), z.lte(62)),
  /** The shop's IANA time zone (default `Asia/Shanghai`). */
  timeZone: z._default(TimeZoneSchema, DEFAULT_TIME_ZONE),
  /** Interval length in minutes: 15, 30 or 60 (default 60). */
  intervalMinutes: z._default(z.union([z.literal(15), z.literal(30), z.literal(60)]), 60),
  /** Agents needed per interval for each skill, from `startDate` 00:00: days × 24 h ÷ interval values. */
  demand: z.record(id, z.readonly(z.array(nonNegative))),
  /** Shift templates. */
  shifts: z.readonly(z.array(ShiftTemplate).check(z.minLength(1), z.maxLength(200))),
  /** The agents. */
  agents: z.readonly(z.array(RosterAgent).check(z.maxLength(5000))),
  /** Objective weights. */
  weights: z.prefault(RosterWeights, {}),
  /** Soft rules: handover overlap, skill ratios, core teams. */
  rules: z.prefault(RosterRules, {}),
  /** Seed for the tie-breaking and restarts (default 1). */
  seed: z._default(z.number().check(z.int()), 1),
  /** Soft limit on the solving time in milliseconds (default 10,000). */
  timeLimitMs: z._default(z.number().check(z.int(), z.gte(1), z.lte(600_000)), 10_000),
});
/** @inheritDoc RosterInput */
export type RosterInput = z.input<typeof RosterInput>;
/** The input after validation and defaults. */
export type ParsedRosterInput = z.output<typeof RosterInput>;

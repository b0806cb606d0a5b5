import * as z from 'zod/mini';
import { DEFAULT_TIME_ZONE, LocalDateSchema, LocalTimeSchema, TimeZoneSchema } from '../core/time.ts';

const nonNegative = /* @__PURE__ */ z.number().check(z.nonnegative());
const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));

/**
 * A shift template: it may start on any day of the horizon at `start` local time and lasts
 * `hours` (it may run past midnight; its working day is the date it starts).
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
  to: z.optional(z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm or 24:00'))),
});
/** @inheritDoc Unavailability */
export type Unavailability = z.output<typeof Unavailability>;

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
});
/** @inheritDoc RosterAgent */
export type RosterAgent = z.input<typeof RosterAgent>;

/**
 * Weights of the objective. Shortfall and surplus are per agent-hour.
 *
 * @example
 * ```ts
 * const weights: RosterWeights = { understaff: 10, overstaff: 1 };
 * ```
 */
export const RosterWeights = /* @__PURE__ */ z.strictObject({
  /** Per agent-hour of demand left uncovered (default 10). */
  understaff: z._default(nonNegative, 10),
  /** Per agent-hour scheduled beyond demand (default 1). */
  overstaff: z._default(nonNegative, 1),
});
/** @inheritDoc RosterWeights */
export type RosterWeights = z.input<typeof RosterWeights>;

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
  weights: z._default(RosterWeights, { understaff: 10, overstaff: 1 }),
  /** Seed for the tie-breaking and restarts (default 1). */
  seed: z._default(z.number().check(z.int()), 1),
  /** Soft limit on the solving time in milliseconds (default 10,000). */
  timeLimitMs: z._default(z.number().check(z.int(), z.gte(1), z.lte(600_000)), 10_000),
});
/** @inheritDoc RosterInput */
export type RosterInput = z.input<typeof RosterInput>;
/** The input after validation and defaults. */
export type ParsedRosterInput = z.output<typeof RosterInput>;

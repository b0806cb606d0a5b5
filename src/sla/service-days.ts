import * as z from 'zod/mini';
import { CALENDAR_YEARS, isWorkday } from '../calendar/index.ts';
import { KefuError } from '../core/errors.ts';
import { LocalDateSchema } from '../core/time.ts';
import { dayOfDate, formatDay } from '../core/civil-day.ts';
import { Issues } from './parse.ts';

/**
 * Which days the team works its deadlines on, before the shop's own exceptions:
 * - `cnWorkdays`: the Chinese working calendar of `kefu/calendar` (Monday to Friday outside the
 *   statutory holidays, plus the weekend days worked to make up for them, 调休). It covers
 *   2024–2026; a date outside makes the call throw `CALENDAR_YEAR_UNKNOWN`, never guess.
 * - `weekdays`: Monday to Friday, every year, no holidays.
 * - `everyDay`: all seven days (teams that staff weekends and holidays).
 *
 * @example
 * ```ts
 * SERVICE_WORKDAYS; // ['cnWorkdays', 'weekdays', 'everyDay']
 * ```
 */
export const SERVICE_WORKDAYS = ['cnWorkdays', 'weekdays', 'everyDay'] as const;

/**
 * One of {@link SERVICE_WORKDAYS}.
 *
 * @example
 * ```ts
 * const workdays: ServiceWorkdays = 'everyDay';
 * ```
 */
export type ServiceWorkdays = (typeof SERVICE_WORKDAYS)[number];

const MIN_DAY = /* @__PURE__ */ dayOfDate('0001-01-01');
const MAX_DAY = /* @__PURE__ */ dayOfDate('9999-12-31');

const Dates = /* @__PURE__ */ z.readonly(z.array(LocalDateSchema).check(z.maxLength(3660)));

/**
 * The shop's service calendar: a base (see {@link SERVICE_WORKDAYS}) and the shop's own
 * exceptions. `daysOff` closes days the base would open (a team day out); `extraWorkdays` opens
 * days it would close (a holiday duty rota). A date may not be in both lists.
 *
 * @example
 * ```ts
 * const calendar: ServiceCalendar = { workdays: 'cnWorkdays', extraWorkdays: ['2026-10-03'] };
 * ```
 */
export const ServiceCalendar = /* @__PURE__ */ z.strictObject({
  /** The base calendar (default `cnWorkdays`). */
  workdays: z._default(z.enum(SERVICE_WORKDAYS), 'cnWorkdays'),
  /** Dates `YYYY-MM-DD` the team does not work although the base says it does. */
  daysOff: z._default(Dates, () => []),
  /** Dates `YYYY-MM-DD` the team works although the base says it does not. */
  extraWorkdays: z._default(Dates, () => []),
});
/** @inheritDoc ServiceCalendar */
export type ServiceCalendar = z.input<typeof ServiceCalendar>;

/** The default service calendar, as a fresh parsed value. */
export function defaultServiceCalendar(): z.output<typeof ServiceCalendar> {
  return { workdays: 'cnWorkdays', daysOff: [], extraWorkdays: [] };
}

/** Checks that no date is both a day off and an extra workday; `prefix` is the calendar's path. */
export function checkServiceCalendar(calendar: z.output<typeof ServiceCalendar>, prefix: string, issues: Issues): void {
  const off = new Set(calendar.daysOff);
  calendar.extraWorkdays.forEach((date, i) => {
    if (off.has(date)) issues.add(`${prefix === '' ? '' : `${prefix}.`}extraWorkdays.${i}`, `expected a date that is not also in daysOff, received ${JSON.stringify(date)}`);
  });
}

/**
 * A compiled service calendar: which local days are open, memoised by day number. `path` names
 * the input field a `CALENDAR_YEAR_UNKNOWN` is reported at.
 */
export class ServiceDays {
  private readonly off: ReadonlySet<string>;
  private readonly extra: ReadonlySet<string>;
  private readonly memo = new Map<number, boolean>();

  constructor(private readonly calendar: z.output<typeof ServiceCalendar>) {
    this.off = new Set(calendar.daysOff);
    this.extra = new Set(calendar.extraWorkdays);
  }

  /** Whether the team works on local day `day` (a day number). */
  isOpen(day: number, path: string): boolean {
    let open = this.memo.get(day);
    if (open === undefined) {
      open = this.compute(day, path);
      this.memo.set(day, open);
    }
    return open;
  }

  private compute(day: number, path: string): boolean {
    if (day < MIN_DAY || day > MAX_DAY) {
      throw new KefuError('OUT_OF_RANGE', [{ path, message: 'the service-day walk leaves the years 0001–9999' }]);
    }
    const date = formatDay(day);
    if (this.off.has(date)) return false;
    if (this.extra.has(date)) return true;
    switch (this.calendar.workdays) {
      case 'everyDay':
        return true;
      case 'weekdays':
        // Day 0, 1970-01-01, was a Thursday: ISO weekday 4.
        return ((((day + 3) % 7) + 7) % 7) + 1 <= 5;
      case 'cnWorkdays': {
        const year = Number(date.slice(0, 4));
        if (!CALENDAR_YEARS.includes(year)) {
          throw new KefuError('CALENDAR_YEAR_UNKNOWN', [
            {
              path,
              message:
                `the cnWorkdays calendar needs ${date}, but kefu/calendar covers ${CALENDAR_YEARS.join(', ')} only; ` +
                'use workdays "weekdays" or "everyDay", or list the days in daysOff / extraWorkdays',
            },
          ]);
        }
        return isWorkday(date);
      }
    }
  }

  /** Moves `days` service days from `day` (forward when positive); `day` itself is never counted. */
  add(day: number, days: number, path: string): number {
    const step = days < 0 ? -1 : 1;
    let current = day;
    for (let left = Math.abs(days); left > 0; ) {
      current += step;
      if (this.isOpen(current, path)) left--;
    }
    return current;
  }
}

const ServiceDayInput = /* @__PURE__ */ z.strictObject({ date: LocalDateSchema, calendar: z._default(ServiceCalendar, defaultServiceCalendar) });

/**
 * Whether the team works on `date` under the shop's service calendar (default: the Chinese
 * working calendar, `cnWorkdays`). Throws `INVALID_INPUT` naming the field for a bad date or
 * calendar, and `CALENDAR_YEAR_UNKNOWN` for a `cnWorkdays` date outside 2024–2026 that no
 * exception covers.
 *
 * @example
 * ```ts
 * isServiceDay('2025-09-28'); // true: a Sunday worked before National Day
 * isServiceDay('2025-10-03'); // false: National Day break
 * isServiceDay('2025-10-03', { extraWorkdays: ['2025-10-03'] }); // true: on the duty rota
 * isServiceDay('2027-06-07', { workdays: 'weekdays' }); // true: a Monday, in a year kefu/calendar does not cover
 * ```
 */
export function isServiceDay(date: string, calendar?: ServiceCalendar): boolean {
  const issues = new Issues('isServiceDay');
  const v = issues.parse(ServiceDayInput, { date, ...(calendar === undefined ? {} : { calendar }) }, '');
  if (v !== undefined) checkServiceCalendar(v.calendar, 'calendar', issues);
  issues.throwIfAny();
  const parsed = v as z.output<typeof ServiceDayInput>;
  return new ServiceDays(parsed.calendar).isOpen(dayOfDate(parsed.date), 'date');
}

const AddServiceDaysInput = /* @__PURE__ */ z.strictObject({
  date: LocalDateSchema,
  days: z.number().check(z.int(), z.gte(-3660), z.lte(3660)),
  calendar: z._default(ServiceCalendar, defaultServiceCalendar),
});

/**
 * Moves `days` service days from `date`: forward when positive, backward when negative, not at
 * all when 0 (then `date` itself comes back, open or not). `date` is never counted, so
 * `addServiceDays(d, 1)` is the next service day after `d`. Errors as in {@link isServiceDay};
 * a walk that leaves 2024–2026 under `cnWorkdays` throws `CALENDAR_YEAR_UNKNOWN` at `days`.
 *
 * @example
 * ```ts
 * addServiceDays('2026-02-13', 1); // '2026-02-14' (a Saturday worked before Spring Festival)
 * addServiceDays('2026-02-14', 1); // '2026-02-24' (the break runs 02-15 to 02-23)
 * addServiceDays('2026-02-14', 1, { workdays: 'everyDay' }); // '2026-02-15'
 * ```
 */
export function addServiceDays(date: string, days: number, calendar?: ServiceCalendar): string {
  const issues = new Issues('addServiceDays');
  const v = issues.parse(AddServiceDaysInput, { date, days, ...(calendar === undefined ? {} : { calendar }) }, '');
  if (v !== undefined) checkServiceCalendar(v.calendar, 'calendar', issues);
  issues.throwIfAny();
  const parsed = v as z.output<typeof AddServiceDaysInput>;
  return formatDay(new ServiceDays(parsed.calendar).add(dayOfDate(parsed.date), parsed.days, 'days'));
}

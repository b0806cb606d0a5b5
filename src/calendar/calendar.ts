import { KefuError, invalid } from '../core/errors.ts';
import { addDays, assertLocalDate, daysBetween, localWeekday } from '../core/time.ts';
import { describe } from '../core/validate.ts';
import { HOLIDAY_NAMES, YEARS, type HolidayId } from './data.ts';

/**
 * The years whose holidays and make-up workdays kefu knows, ascending. A date outside them makes
 * every calendar function throw `CALENDAR_YEAR_UNKNOWN` instead of guessing.
 *
 * @example
 * ```ts
 * CALENDAR_YEARS; // [2024, 2025, 2026]
 * ```
 */
export const CALENDAR_YEARS: readonly number[] = /* @__PURE__ */ Object.freeze(
  Object.keys(YEARS)
    .map(Number)
    .sort((a, b) => a - b),
);

/**
 * What a date is in the Chinese working calendar:
 * - `holiday`: a statutory day off (法定节假日 or a day moved into the break), whatever its weekday;
 * - `makeupWorkday`: a Saturday or Sunday worked to make up for a break (调休上班日);
 * - `workday`: Monday to Friday outside the breaks;
 * - `weekend`: Saturday or Sunday outside the breaks.
 *
 * @example
 * ```ts
 * const kind: DayKind = dayKind('2025-09-28'); // 'makeupWorkday'
 * ```
 */
export type DayKind = 'holiday' | 'makeupWorkday' | 'workday' | 'weekend';

/**
 * A day off of a statutory break, with the holiday it belongs to.
 *
 * @example
 * ```ts
 * const day: HolidayDay = { date: '2025-10-01', holiday: 'nationalDayMidAutumn', zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' };
 * ```
 */
export interface HolidayDay {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Which break it belongs to. */
  readonly holiday: HolidayId;
  /** The holiday's Chinese name. */
  readonly zh: string;
  /** The holiday's English name. */
  readonly en: string;
}

/**
 * One break as the State Council announced it: its days off, the weekend days worked to make up
 * for it, and the notice it comes from.
 *
 * @example
 * ```ts
 * const [spring] = holidayPeriods(2026).filter((p) => p.holiday === 'springFestival');
 * spring?.makeupWorkdays; // ['2026-02-14', '2026-02-28']
 * ```
 */
export interface HolidayPeriod {
  /** Which holiday. */
  readonly holiday: HolidayId;
  /** The holiday's Chinese name. */
  readonly zh: string;
  /** The holiday's English name. */
  readonly en: string;
  /** First day off, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day off (inclusive), `YYYY-MM-DD`. */
  readonly end: string;
  /** Saturdays and Sundays worked for this break, ascending (may be in the previous or next month). */
  readonly makeupWorkdays: readonly string[];
  /** The notice's document number, e.g. `国办发明电〔2025〕7号`. */
  readonly notice: string;
  /** Where the notice was published. */
  readonly url: string;
}

interface Marked {
  readonly kind: 'holiday' | 'makeupWorkday';
  readonly holiday: HolidayId;
}

let marks: Map<string, Marked> | undefined;
let periods: Map<number, readonly HolidayPeriod[]> | undefined;

function build(): void {
  marks = new Map();
  periods = new Map();
  for (const year of CALENDAR_YEARS) {
    const row = YEARS[year];
    if (row === undefined) continue;
    const list: HolidayPeriod[] = [];
    for (const [holiday, from, to, makeup] of row.periods) {
      const start = `${year}-${from.slice(0, 2)}-${from.slice(2)}`;
      const end = `${year}-${to.slice(0, 2)}-${to.slice(2)}`;
      for (let date = start; date <= end; date = addDays(date, 1)) marks.set(date, { kind: 'holiday', holiday });
      const makeupWorkdays = makeup === '' ? [] : makeup.split(',').map((d) => `${year}-${d.slice(0, 2)}-${d.slice(2)}`);
      for (const date of makeupWorkdays) marks.set(date, { kind: 'makeupWorkday', holiday });
      const [zh, en] = HOLIDAY_NAMES[holiday];
      list.push(Object.freeze({ holiday, zh, en, start, end, makeupWorkdays: Object.freeze(makeupWorkdays), notice: row.notice, url: row.url }));
    }
    periods.set(year, Object.freeze(list));
  }
}

function markOf(date: string): Marked | undefined {
  if (marks === undefined) build();
  return marks?.get(date);
}

/** Validates the date and its year; `path` names the argument in errors. */
function checkCovered(date: unknown, path: string): string {
  const valid = assertLocalDate(date, path);
  const year = Number(valid.slice(0, 4));
  if (!CALENDAR_YEARS.includes(year)) {
    throw new KefuError('CALENDAR_YEAR_UNKNOWN', [
      {
        path,
        message: `kefu has the Chinese holiday calendar for ${CALENDAR_YEARS.join(', ')} only; ${valid} is in ${year}`,
      },
    ]);
  }
  return valid;
}

/**
 * What `date` is in the Chinese working calendar (see {@link DayKind}). Throws `INVALID_INPUT`
 * for a malformed date and `CALENDAR_YEAR_UNKNOWN` outside {@link CALENDAR_YEARS}.
 *
 * @example
 * ```ts
 * dayKind('2025-10-01'); // 'holiday'
 * dayKind('2025-09-28'); // 'makeupWorkday' (a Sunday)
 * dayKind('2025-11-11'); // 'workday'
 * dayKind('2025-11-15'); // 'weekend'
 * ```
 */
export function dayKind(date: string): DayKind {
  const valid = checkCovered(date, 'date');
  const mark = markOf(valid);
  if (mark !== undefined) return mark.kind;
  return localWeekday(valid) >= 6 ? 'weekend' : 'workday';
}

/**
 * Whether `date` is a statutory day off (including days moved into a break).
 *
 * @example
 * ```ts
 * isHoliday('2026-02-17'); // true (Spring Festival)
 * isHoliday('2026-02-14'); // false (a Saturday worked for it)
 * ```
 */
export function isHoliday(date: string): boolean {
  return dayKind(date) === 'holiday';
}

/**
 * Whether `date` is a weekend day worked to make up for a break (调休上班日).
 *
 * @example
 * ```ts
 * isMakeupWorkday('2025-09-28'); // true
 * isMakeupWorkday('2025-09-27'); // false (an ordinary Saturday)
 * ```
 */
export function isMakeupWorkday(date: string): boolean {
  return dayKind(date) === 'makeupWorkday';
}

/**
 * Whether people work on `date`: a weekday that is not a holiday, or a make-up workday.
 *
 * @example
 * ```ts
 * isWorkday('2025-09-28'); // true (Sunday, made up for National Day)
 * isWorkday('2025-10-08'); // false (Wednesday, still in the break)
 * ```
 */
export function isWorkday(date: string): boolean {
  const kind = dayKind(date);
  return kind === 'workday' || kind === 'makeupWorkday';
}

/**
 * The holiday `date` belongs to, in Chinese (default) or English, or `null` when it is not a day
 * off of a statutory break. Make-up workdays are not holidays and give `null`.
 *
 * @example
 * ```ts
 * holidayName('2026-02-17'); // '春节'
 * holidayName('2026-10-01', 'en'); // 'National Day'
 * holidayName('2026-02-14'); // null
 * ```
 */
export function holidayName(date: string, language: 'zh' | 'en' = 'zh'): string | null {
  if (language !== 'zh' && language !== 'en') invalid('language', `expected "zh" or "en", received ${describe(language)}`);
  const valid = checkCovered(date, 'date');
  const mark = markOf(valid);
  if (mark?.kind !== 'holiday') return null;
  return HOLIDAY_NAMES[mark.holiday][language === 'zh' ? 0 : 1];
}

/**
 * The first workday after `date` (never `date` itself).
 *
 * @example
 * ```ts
 * nextWorkday('2025-09-30'); // '2025-10-09' (the break runs to 10-08)
 * nextWorkday('2025-09-26'); // '2025-09-28' (Friday → the make-up Sunday)
 * ```
 */
export function nextWorkday(date: string): string {
  return addWorkdays(date, 1);
}

/**
 * Moves `days` workdays from `date`: forward when positive, backward when negative, not at all
 * when 0 (then `date` comes back even if it is not a workday). `date` itself is never counted.
 * Throws `CALENDAR_YEAR_UNKNOWN` when the walk leaves the covered years.
 *
 * @example
 * ```ts
 * addWorkdays('2026-02-13', 1); // '2026-02-14' (Saturday worked before Spring Festival)
 * addWorkdays('2026-02-14', 1); // '2026-02-24' (the break runs 02-15 to 02-23)
 * addWorkdays('2026-02-24', -1); // '2026-02-14'
 * ```
 */
export function addWorkdays(date: string, days: number): string {
  let current = checkCovered(date, 'date');
  if (!Number.isSafeInteger(days) || Math.abs(days) > 3660) {
    invalid('days', `expected an integer number of workdays from -3660 to 3660, received ${describe(days)}`);
  }
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days); left > 0; ) {
    current = addDays(current, step);
    if (isWorkday(checkWalk(current, date))) left--;
  }
  return current;
}

/** Re-labels a year error met while walking so that it names the starting date. */
function checkWalk(reached: string, from: string): string {
  const year = Number(reached.slice(0, 4));
  if (CALENDAR_YEARS.includes(year)) return reached;
  throw new KefuError('CALENDAR_YEAR_UNKNOWN', [
    {
      path: 'days',
      message: `counting workdays from ${from} reaches ${reached}, beyond the covered years ${CALENDAR_YEARS.join(', ')}`,
    },
  ]);
}

/**
 * Every statutory day off from `from` to `to` (both inclusive), ascending, with its holiday.
 *
 * @example
 * ```ts
 * holidaysBetween('2026-09-30', '2026-10-02').map((d) => d.date); // ['2026-10-01', '2026-10-02']
 * ```
 */
export function holidaysBetween(from: string, to: string): HolidayDay[] {
  const start = checkCovered(from, 'from');
  const end = checkCovered(to, 'to');
  if (daysBetween(start, end) < 0) invalid('to', `expected a date on or after from (${start}), received ${describe(to)}`);
  const days: HolidayDay[] = [];
  for (const period of holidayPeriods(Number(start.slice(0, 4)), Number(end.slice(0, 4)))) {
    for (let date = period.start; date <= period.end; date = addDays(date, 1)) {
      if (date >= start && date <= end) days.push({ date, holiday: period.holiday, zh: period.zh, en: period.en });
    }
  }
  return days;
}

/**
 * The breaks of a covered year (or of every year from `year` to `lastYear`) as announced, in
 * date order, each with its make-up workdays and the notice it comes from.
 *
 * @example
 * ```ts
 * holidayPeriods(2025).map((p) => `${p.zh} ${p.start}~${p.end}`)[5]; // '国庆节、中秋节 2025-10-01~2025-10-08'
 * ```
 */
export function holidayPeriods(year: number, lastYear: number = year): readonly HolidayPeriod[] {
  for (const [value, path] of [
    [year, 'year'],
    [lastYear, 'lastYear'],
  ] as const) {
    if (!Number.isInteger(value)) invalid(path, `expected a year such as 2026, received ${describe(value)}`);
    if (!CALENDAR_YEARS.includes(value)) {
      throw new KefuError('CALENDAR_YEAR_UNKNOWN', [
        { path, message: `kefu has the Chinese holiday calendar for ${CALENDAR_YEARS.join(', ')} only; received ${value}` },
      ]);
    }
  }
  if (lastYear < year) invalid('lastYear', `expected a year on or after ${year}, received ${lastYear}`);
  if (periods === undefined) build();
  const list: HolidayPeriod[] = [];
  for (let y = year; y <= lastYear; y++) list.push(...(periods?.get(y) ?? []));
  return list;
}

/**
 * kefu/calendar: the Chinese working calendar as data. Statutory holidays and the weekend days
 * worked to make up for them (调休), 2024 to 2026, from the State Council's notices; an error,
 * not a guess, for any other year.
 *
 * @packageDocumentation
 */
export { KefuError, toResult, type KefuErrorCode, type KefuIssue, type KefuResult } from '../core/errors.ts';
export {
  addWorkdays,
  CALENDAR_YEARS,
  dayKind,
  holidayName,
  holidayPeriods,
  holidaysBetween,
  isHoliday,
  isMakeupWorkday,
  isWorkday,
  nextWorkday,
  type DayKind,
  type HolidayDay,
  type HolidayPeriod,
} from './calendar.ts';
export type { HolidayId } from './data.ts';

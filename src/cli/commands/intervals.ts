// Sheets with one row per interval (`date`, `time`): check that the rows are consecutive
// intervals on a grid from local midnight, and find where they start.
import { where, type RowTable } from '../columns.ts';
import { KefuError } from '../../core/errors.ts';
import { formatInstant, startOfLocalDay, zonedInstant } from '../../core/time.ts';
import { InputError } from '../io.ts';

/** Where a run of interval rows sits: its first date, its interval, and the empty intervals before it. */
export interface IntervalRows {
  /** The first row's local date. */
  readonly date: string;
  readonly intervalMinutes: number;
  /** Intervals from 00:00 of `date` to the first row. */
  readonly padding: number;
}

/**
 * Checks that the rows' `date` and `time` are consecutive intervals of one length (from
 * `intervalMinutes`, else the first two rows, else 60) on the grid from 00:00 local time, and
 * throws an InputError naming each row that is not.
 */
export function intervalRows(table: RowTable, timeZone: string, intervalMinutes: number | undefined): IntervalRows {
  const problems: string[] = [];
  const at = (k: number, column?: string) => where(table.label, table.format, table.rowNumbers[k] as number, column);
  if (table.rows.length === 0) throw new InputError([`${table.label}: no rows, expected at least one interval`]);
  const starts = table.rows.map((row, k) => {
    const date = row['date'];
    const time = row['time'];
    if (date === undefined || time === undefined) {
      problems.push(`${at(k, date === undefined ? 'date' : 'time')}: expected ${date === undefined ? 'a date YYYY-MM-DD' : 'a time HH:mm'}, received nothing`);
      return Number.NaN;
    }
    try {
      return zonedInstant(String(date), String(time), timeZone);
    } catch (error) {
      if (!(error instanceof KefuError)) throw error;
      const issue = error.issues[0];
      if (issue?.path === 'timeZone') throw new InputError([`option --time-zone: ${issue.message}`]);
      problems.push(`${at(k, issue?.path === 'date' ? 'date' : 'time')}: ${issue?.message ?? error.message}`);
      return Number.NaN;
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  const first = starts[0] as number;
  const minutes = intervalMinutes ?? (starts.length > 1 ? ((starts[1] as number) - first) / 60_000 : 60);
  if (!Number.isInteger(minutes) || minutes <= 0 || 1440 % minutes !== 0) {
    const source = intervalMinutes === undefined ? `${at(1, 'time')}: the first two rows are ${minutes} minutes apart` : `option --interval-minutes: ${minutes}`;
    throw new InputError([`${source}; expected consecutive intervals of a length that divides a day (15, 30, 60, …)`]);
  }
  const step = minutes * 60_000;
  const date = String(table.rows[0]?.['date']);
  const padding = (first - startOfLocalDay(date, timeZone)) / step;
  if (!Number.isInteger(padding)) problems.push(`${at(0, 'time')}: expected a time on the ${minutes}-minute grid from 00:00, received ${JSON.stringify(table.rows[0]?.['time'])}`);
  // The first row out of step (every later one would be too).
  const k = starts.findIndex((start, i) => start !== first + i * step);
  if (k > 0) {
    const local = formatInstant(first + k * step, timeZone);
    problems.push(
      `${at(k, 'time')}: expected ${local.slice(0, 10)} ${local.slice(11, 16)} (rows must be consecutive ${minutes}-minute intervals), received ${JSON.stringify(`${String(table.rows[k]?.['date'])} ${String(table.rows[k]?.['time'])}`)}`,
    );
  }
  if (problems.length > 0) throw new InputError(problems);
  return { date, intervalMinutes: minutes, padding };
}

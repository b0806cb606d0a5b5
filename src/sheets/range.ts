// The spreadsheet conventions every KEFU_* function shares: how arguments arrive from Google
// Sheets (a single value, or a range as an array of rows), how single values are broadcast over
// the rows of the ranges, how blank rows stay blank, and how a bad row becomes an error text in
// its own row instead of failing the whole formula.
import { KefuError } from '../core/errors.ts';
import { toEpochMs } from '../core/time.ts';
import { describe } from '../core/validate.ts';
import { SHEET_SIGNATURES, type ParamName, type SheetFunctionName } from './spec.ts';

/**
 * What one cell holds when Apps Script hands it to a custom function: a number, a text, a
 * boolean, a `Date` (date and date-time cells), or `''` for an empty cell.
 *
 * @example
 * ```ts
 * const cells: SheetCell[] = [120, 'T1001', true, new Date('2026-11-11T00:00:00+08:00'), ''];
 * ```
 */
export type SheetCell = string | number | boolean | Date | null | undefined;

/**
 * A range as Apps Script passes it: an array of rows, each an array of cells (`A2:A4` is
 * `[[1], [2], [3]]`).
 *
 * @example
 * ```ts
 * const calls: SheetRange = [[120], [340], [''], [95]];
 * ```
 */
export type SheetRange = ReadonlyArray<ReadonlyArray<SheetCell>>;

/**
 * One argument of a KEFU_* function: a single value (broadcast to every row) or a range. A
 * one-dimensional array, as a script might pass, is read as a column.
 *
 * @example
 * ```ts
 * const ahtSeconds: SheetArg = 180;
 * const calls: SheetArg = [[120], [340]];
 * ```
 */
export type SheetArg = SheetCell | SheetRange | ReadonlyArray<SheetCell>;

/**
 * What a KEFU_* function returns: an array of rows that the sheet spills into the cells to the
 * right and below the formula. A bad input row holds an error text (`#KEFU! …`) in its first
 * cell; a blank input row is a row of `''`.
 *
 * @example
 * ```ts
 * const result: SheetResult = [[14, 20], ['#KEFU! calls: expected a number >= 0, received -5', ''], ['', '']];
 * ```
 */
export type SheetResult = SheetCell[][];

/**
 * The parameter list of a signature in {@link SHEET_SIGNATURES}: one {@link SheetArg} per
 * argument, the bracketed (optional) ones optional.
 *
 * @example
 * ```ts
 * const args: SheetArgs<['text', '[orderState]']> = ['发错货了'];
 * ```
 */
export type SheetArgs<P extends readonly string[]> = P extends readonly [infer H, ...infer R extends readonly string[]]
  ? H extends `[${string}]`
    ? [arg?: SheetArg, ...SheetArgs<R>]
    : [arg: SheetArg, ...SheetArgs<R>]
  : [];

/**
 * The call signature of a spreadsheet function, derived from {@link SHEET_SIGNATURES} so the
 * types cannot disagree with the footer: one {@link SheetArg} per argument, the optional ones
 * optional.
 *
 * @example
 * ```ts
 * const agents: SheetFunction<'KEFU_AGENTS'> = KEFU_AGENTS;
 * agents(100, 180, 1800, 0.8, 20); // [[14, 14]]
 * ```
 */
export type SheetFunction<F extends SheetFunctionName> = (...args: SheetArgs<(typeof SHEET_SIGNATURES)[F]>) => SheetResult;

/**
 * One row's arguments by name: blank cells are `undefined`, list arguments are arrays.
 *
 * @example
 * ```ts
 * const row: Cells<'KEFU_REFUND_REASON'> = { text: '发错货了', orderState: undefined };
 * ```
 */
export type Cells<F extends SheetFunctionName> = { readonly [P in ParamName<F>]: unknown };

/**
 * How a function reads its arguments besides one value per row.
 *
 * @example
 * ```ts
 * const options: RowOptions<'KEFU_PAYOUT'> = { whole: ['kind', 'cap'], raw: ['schedule'] };
 * ```
 */
export interface RowOptions<F extends SheetFunctionName> {
  /** Arguments holding a list per row: a row of cells (trailing blanks dropped). */
  readonly lists?: readonly ParamName<F>[];
  /** Arguments that are one value for the whole call (a value or one cell), not one per row. */
  readonly whole?: readonly ParamName<F>[];
  /** Arguments taken as given, for the function to read itself (a block of cells). */
  readonly raw?: readonly ParamName<F>[];
  /** Per-row arguments whose cells do not make a row non-blank. */
  readonly quiet?: readonly ParamName<F>[];
  /** The sheet's name for a path of the API's error issues (default: the path). */
  readonly rename?: (path: string) => string;
}

/**
 * The prefix of every error text a KEFU_* function writes into a row.
 *
 * @example
 * ```ts
 * String(KEFU_AGENTS(-5, 180, 1800, 0.8, 20)[0]?.[0]).startsWith(SHEET_ERROR_PREFIX); // true
 * ```
 */
export const SHEET_ERROR_PREFIX = '#KEFU!';

/** True for an empty cell (`''`, `null` or `undefined`). */
export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** True for a `Date`, also one made in another realm (a sandbox or another script frame). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** An INVALID_INPUT error for one argument (a row's error, or with `fn` a malformed call). */
export function fail(path: string, message: string, fn?: string): never {
  throw new KefuError('INVALID_INPUT', [{ path, message }], fn);
}

/** A row-wise argument: `rows` is null for a single value (it applies to every row). */
interface Column {
  readonly name: string;
  readonly rows: number | null;
  cell(i: number): unknown;
}

/**
 * A range argument as rows of cells: a flat array is a column. An empty array or a mix of rows
 * and values is a malformed call.
 */
export function rowsOf(fn: string, name: string, value: readonly unknown[]): ReadonlyArray<readonly unknown[]> {
  const ranges = value.filter((row) => Array.isArray(row)).length;
  if (value.length === 0 || (ranges > 0 && ranges < value.length)) fail(name, 'expected a value or a range of rows', fn);
  return ranges > 0 ? (value as ReadonlyArray<readonly unknown[]>) : value.map((cell) => [cell]);
}

/** A range argument with one value per row must be one column wide. */
function column(fn: string, name: string, value: unknown, list: boolean): Column {
  if (!Array.isArray(value)) return { name, rows: null, cell: () => (list ? (isBlank(value) ? [] : [value]) : value) };
  const rows = rowsOf(fn, name, value).map((row) => {
    if (list) {
      let end = row.length;
      while (end > 0 && isBlank(row[end - 1])) end--;
      return row.slice(0, end);
    }
    if (row.length !== 1) fail(name, `expected a single column, received ${row.length}`, fn);
    return row[0];
  });
  return { name, rows: rows.length, cell: (i) => rows[rows.length === 1 ? 0 : i] };
}

/**
 * A single value for the whole call: a value, or a range of one cell. A larger range is a
 * malformed call.
 */
export function single(fn: string, name: string, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const rows = rowsOf(fn, name, value);
  if (rows.length !== 1 || rows[0]?.length !== 1) fail(name, 'expected a single value, received a range', fn);
  return rows[0]?.[0];
}

/**
 * The error text of a row: `#KEFU! <argument>: <what was expected, what was received>`, the
 * issues of a {@link KefuError} joined by `; `, each path renamed to the sheet's argument.
 */
export function errorText(error: unknown, rename: (path: string) => string = (p) => p): string {
  const parts =
    error instanceof KefuError
      ? error.issues.map((issue) => {
          const path = rename(issue.path);
          return path === '' ? issue.message : `${path}: ${issue.message}`;
        })
      : [`unexpected error: ${error instanceof Error ? error.message : String(error)}`];
  return `${SHEET_ERROR_PREFIX} ${parts.join('; ')}`;
}

/** A row of `width` cells: `first`, then blanks. */
export function rowOf(width: number, first: SheetCell = ''): SheetCell[] {
  const row: SheetCell[] = new Array<SheetCell>(width).fill('');
  row[0] = first;
  return row;
}

/**
 * Checks the number of arguments against the function's signature (all required ones, no more
 * than it declares) and returns the signature; a wrong count is a malformed call and throws.
 */
export function checkArity(fn: SheetFunctionName, args: ArrayLike<unknown>): readonly string[] {
  const params: readonly string[] = SHEET_SIGNATURES[fn];
  const required = params.filter((p) => !p.startsWith('[')).length;
  if (args.length < required || args.length > params.length) {
    const count = required === params.length ? `${required} argument${required === 1 ? '' : 's'}` : `${required} to ${params.length} arguments`;
    fail('', `expected ${count} (${params.join(', ')}), received ${args.length}`, fn);
  }
  return params;
}

/**
 * The arguments of a call, read: `count` rows (the ranges' rows, which must agree; a single value
 * and a one-row range apply to every row), `row(i)` the cells of row `i` by argument name, or
 * `undefined` when the row is blank (every range argument blank in it; every argument, when none
 * is a range), and `whole` the whole-call values. A wrong number of arguments or a misshapen range
 * is a malformed call and throws.
 */
export function readRows<F extends SheetFunctionName>(
  fn: F,
  args: ArrayLike<unknown>,
  options: RowOptions<F> = {},
): { readonly count: number; row(i: number): Cells<F> | undefined; readonly whole: Cells<F> } {
  const params = checkArity(fn, args);
  const has = (list: readonly string[] | undefined, name: string): boolean => list !== undefined && list.includes(name);
  const columns: Column[] = [];
  const whole: Record<string, unknown> = {};
  params.forEach((param, k) => {
    const name = param.replace(/^\[(.*)\]$/, '$1');
    if (has(options.raw, name)) whole[name] = args[k];
    else if (has(options.whole, name)) whole[name] = given(single(fn, name, args[k]));
    else columns.push(column(fn, name, args[k], has(options.lists, name)));
  });
  let count = 1;
  let from: Column | undefined;
  for (const c of columns) {
    if (c.rows === null || c.rows === 1) continue;
    if (from === undefined) [count, from] = [c.rows, c];
    else if (c.rows !== count) fail(c.name, `expected ${count} rows like ${from.name}, received ${c.rows}`, fn);
  }
  const loud = columns.filter((c) => !has(options.quiet, c.name));
  const ranges = loud.filter((c) => c.rows !== null);
  const watched = ranges.length > 0 ? ranges : loud;
  const blank = (value: unknown): boolean => isBlank(value) || (Array.isArray(value) && value.every(isBlank));
  return {
    count,
    whole: whole as Cells<F>,
    row: (i) => {
      if (watched.every((c) => blank(c.cell(i)))) return undefined;
      const cells: Record<string, unknown> = {};
      for (const c of columns) cells[c.name] = given(c.cell(i));
      return cells as Cells<F>;
    },
  };
}

/**
 * Builds a spreadsheet function: reads its arguments ({@link readRows}), runs `compute` on every
 * non-blank row, writes a blank row for a blank row and the error text for a row whose
 * computation throws.
 */
export function sheetFunction<F extends SheetFunctionName>(
  fn: F,
  width: number,
  compute: (row: Cells<F>, whole: Cells<F>) => SheetCell[],
  options: RowOptions<F> = {},
): SheetFunction<F> {
  return function (): SheetResult {
    // Apps Script passes the cells positionally; `arguments` also says how many were given.
    const rows = readRows(fn, arguments, options);
    return eachRow(rows, width, (row) => compute(row, rows.whole), options.rename);
  } as unknown as SheetFunction<F>;
}

/**
 * Runs `compute` on every non-blank row of `rows`: a blank row for a blank row, the error text
 * for a row whose computation throws.
 */
export function eachRow<F extends SheetFunctionName>(
  rows: ReturnType<typeof readRows<F>>,
  width: number,
  compute: (row: Cells<F>) => SheetCell[],
  rename?: (path: string) => string,
): SheetResult {
  const out: SheetResult = [];
  for (let i = 0; i < rows.count; i++) {
    const row = rows.row(i);
    try {
      out.push(row === undefined ? rowOf(width) : compute(row).map(finite));
    } catch (error) {
      out.push(rowOf(width, errorText(error, rename)));
    }
  }
  return out;
}

/**
 * A cell a sheet can hold: an infinite number becomes the text `∞` (or `-∞`); NaN is a bug, so it
 * fails the row rather than reach the sheet.
 */
function finite(cell: SheetCell): SheetCell {
  if (typeof cell !== 'number' || Number.isFinite(cell)) return cell;
  if (Number.isNaN(cell)) throw new Error('the computation gave NaN');
  return cell > 0 ? '∞' : '-∞';
}

/** The cell's value, or `undefined` for a blank cell (so the API's default applies). */
export function given(value: unknown): unknown {
  return isBlank(value) ? undefined : value;
}

/** An object without its `undefined` fields (blank cells), so the API's defaults apply. */
export function compact<T extends Record<string, unknown>>(fields: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) if (fields[key] !== undefined) out[key] = fields[key];
  return out as T;
}

const INSTANT_EXPECTED = 'expected a date-time: a date cell, or ISO 8601 text with an offset such as "2026-11-11T00:00:00+08:00"';

/**
 * An instant from a cell, as epoch milliseconds: a `Date` (what Sheets passes for a date-time
 * cell) or ISO 8601 text with an offset. A bare number is refused: in a sheet it is a date serial
 * or a typo, never epoch milliseconds. Blank gives `undefined`, or an error when `needed`.
 */
export function instant(value: unknown, name: string, needed = false): number | undefined {
  if (isBlank(value)) return needed ? fail(name, `${INSTANT_EXPECTED}, received a blank cell`) : undefined;
  const ms = isDate(value) ? value.getTime() : typeof value === 'string' ? instantOfText(value.trim()) : Number.NaN;
  return Number.isNaN(ms) ? fail(name, `${INSTANT_EXPECTED}, received ${isDate(value) ? 'an invalid date' : describe(value)}`) : ms;
}

function instantOfText(text: string): number {
  try {
    return toEpochMs(text);
  } catch {
    return Number.NaN;
  }
}

/** TRUE or FALSE; blank is FALSE. */
export function flag(value: unknown, name: string): boolean {
  return isBlank(value) ? false : typeof value === 'boolean' ? value : fail(name, `expected TRUE or FALSE, received ${describe(value)}`);
}

/**
 * An id from a cell: text, or a whole number (order ids are often typed as numbers). A number
 * beyond 2^53 has already lost digits in the sheet and is refused.
 */
export function idText(value: unknown, name: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return fail(
    name,
    typeof value === 'number' && Number.isInteger(value) && value > 0
      ? `expected text: ${value} has more digits than a number cell keeps (format the column as plain text)`
      : `expected text, received ${isBlank(value) ? 'a blank cell' : describe(value)}`,
  );
}

/** An instant the API returned (ISO 8601 with offset) as a `Date` cell; `null` as a blank cell. */
export function dateCell(iso: string | null): SheetCell {
  return iso === null ? '' : new Date(Date.parse(iso));
}

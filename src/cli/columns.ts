// Spreadsheet rows to library input and back to row and column. Each command describes its
// columns (name, where the value goes in the library's input, its type); a CSV file or a JSON
// array of row objects is read into objects by that description, and a KefuError issue path such
// as `orders.5.amount` is mapped back to the file, the row (header = row 1) and the column.
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { formatInstant, zonedInstant } from '../core/time.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { InputError, parseJson, type DataFormat, type InputText } from './io.ts';

/** How a cell is read. */
export type CellType = 'string' | 'number' | 'boolean' | 'list' | 'money' | 'instant';

/** One column of an input sheet. */
export interface ColumnSpec {
  /** The header as it appears in the file. */
  readonly name: string;
  /** Where the value goes in the row's library object (`['contact', 'phoneValid']`). */
  readonly path: readonly (string | number)[];
  readonly type: CellType;
  /** The header must have this column (its cells may still be empty where the library allows). */
  readonly required?: boolean;
  /** One line for `--help` and the docs. */
  readonly help: string;
}

/** Rows read from one file, with what is needed to point back into it. */
export interface RowTable {
  readonly label: string;
  readonly format: DataFormat;
  /** The library objects built from the rows. */
  readonly rows: Array<Record<string, unknown>>;
  /** For each row: its record number in the CSV (header = 1) or its 1-based item in the JSON array. */
  readonly rowNumbers: readonly number[];
  /** For each row: the cells it was built from, by column name (for output that echoes input). */
  readonly cells: ReadonlyArray<Readonly<Record<string, string>>>;
  /** The columns present, in file order, then the known columns the file leaves out. */
  readonly columns: readonly ColumnSpec[];
}

/** Options of {@link readRowTable}. */
export interface ReadRowsOptions {
  /** Zone for date-times written without an offset (`2026-11-11 00:20`). */
  readonly timeZone: string;
  /** Columns not in the list (a roster's skills): a spec for the name, or undefined to refuse it. */
  readonly dynamicColumn?: (name: string) => ColumnSpec | undefined;
}

/** Where a row and column are, in words: `refunds.csv row 7, column "amount"`. */
export function where(label: string, format: DataFormat, row: number, column?: string): string {
  if (format === 'csv') return `${label} row ${row}${column === undefined ? '' : `, column "${column}"`}`;
  return `${label} item ${row}${column === undefined ? '' : `, field "${column}"`}`;
}

/**
 * Reads a CSV file or a JSON array of row objects into library objects, one per row. Empty
 * cells (and JSON `null`) leave the field out, so the library's default applies. Cells that
 * cannot be of their column's type, unknown columns and missing required columns are reported
 * together as an {@link InputError} naming row and column.
 */
export function readRowTable(input: InputText, specs: readonly ColumnSpec[], options: ReadRowsOptions): RowTable {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const lookup = (name: string): ColumnSpec | undefined => byName.get(name) ?? options.dynamicColumn?.(name);
  const problems: string[] = [];
  const rows: Array<Record<string, unknown>> = [];
  const rowNumbers: number[] = [];
  const cells: Array<Record<string, string>> = [];
  const present: ColumnSpec[] = [];

  const checkHeader = (names: readonly string[], at: (name: string) => string) => {
    const seen = new Set<string>();
    for (const name of names) {
      const spec = lookup(name);
      if (seen.has(name)) problems.push(`${at(name)}: column given twice`);
      else if (spec === undefined) problems.push(`${at(name)}: unknown column (check its spelling); expected one of ${specs.map((s) => s.name).join(', ')}`);
      else present.push(spec);
      seen.add(name);
    }
    for (const spec of specs) if (spec.required === true && !seen.has(spec.name)) problems.push(`${where(input.label, input.format, 1)}: missing column "${spec.name}"`);
  };

  if (input.format === 'csv') {
    let records: string[][];
    try {
      records = parseCsv(input.text);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new InputError([`${input.label} row ${error.record} (line ${error.line}): ${error.message}`]);
      throw error;
    }
    const header = (records[0] ?? []).map((h) => h.trim());
    if (records.length === 0 || (header.length === 1 && header[0] === '')) throw new InputError([`${input.label}: empty input, expected a header row`]);
    checkHeader(header, (name) => where(input.label, 'csv', 1, name));
    if (problems.length > 0) throw new InputError(problems);
    records.slice(1).forEach((record, k) => {
      const rowNumber = k + 2;
      if (record.every((cell) => cell.trim() === '')) return; // a blank line
      if (record.length > header.length) {
        problems.push(`${where(input.label, 'csv', rowNumber)}: ${record.length} cells, but the header has ${header.length} columns`);
        return;
      }
      const row: Record<string, unknown> = {};
      const raw: Record<string, string> = {};
      header.forEach((name, c) => {
        const spec = lookup(name) as ColumnSpec;
        const cell = record[c] ?? '';
        raw[name] = cell;
        const value = readCell(cell, spec, options.timeZone);
        if (value instanceof Problem) problems.push(`${where(input.label, 'csv', rowNumber, name)}: ${value.message}`);
        else if (value !== undefined) setPath(row, spec.path, value);
      });
      rows.push(row);
      rowNumbers.push(rowNumber);
      cells.push(raw);
    });
  } else {
    const data = parseJson(input);
    if (!Array.isArray(data)) throw new InputError([`${input.label}: expected a JSON array with one object per row, received ${jsonKind(data)}`]);
    const names = [...new Set(data.flatMap((item) => (isPlainObject(item) ? Object.keys(item) : [])))];
    checkHeader(names, (name) => `${input.label}: field "${name}"`);
    if (problems.length > 0) throw new InputError(problems);
    data.forEach((item, k) => {
      const itemNumber = k + 1;
      if (!isPlainObject(item)) {
        problems.push(`${where(input.label, 'json', itemNumber)}: expected an object, received ${jsonKind(item)}`);
        return;
      }
      const row: Record<string, unknown> = {};
      const raw: Record<string, string> = {};
      for (const [name, value] of Object.entries(item)) {
        const spec = lookup(name) as ColumnSpec;
        raw[name] = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
        const read = readJsonValue(value, spec, options.timeZone);
        if (read instanceof Problem) problems.push(`${where(input.label, 'json', itemNumber, name)}: ${read.message}`);
        else if (read !== undefined) setPath(row, spec.path, read);
      }
      rows.push(row);
      rowNumbers.push(itemNumber);
      cells.push(raw);
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { label: input.label, format: input.format, rows, rowNumbers, cells, columns: [...present, ...specs.filter((s) => !present.includes(s))] };
}

class Problem {
  constructor(readonly message: string) {}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : 'a boolean'} (${JSON.stringify(value)})`;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const TRUE = new Set(['true', 'yes', 'y', '1', '是']);
const FALSE = new Set(['false', 'no', 'n', '0', '否']);
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?$/;

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** A number cell: plain or with thousands separators (`1,234.5`). */
export function parseNumberCell(text: string): number | undefined {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  if (GROUPED.test(t)) return Number(t.split(',').join(''));
  return undefined;
}

function readCell(cell: string, spec: ColumnSpec, timeZone: string): unknown {
  const t = cell.trim();
  if (t === '') return undefined;
  switch (spec.type) {
    case 'string':
      return t;
    case 'number': {
      const n = parseNumberCell(t);
      return n === undefined || !Number.isFinite(n) ? new Problem(`expected a number, received ${quote(t)}`) : n;
    }
    case 'boolean': {
      const lower = t.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return new Problem(`expected true or false (also yes/no, 1/0, 是/否), received ${quote(t)}`);
    }
    case 'list':
      return t
        .split('|')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'money': {
      // Spreadsheets format money as ¥1,234.50; the library wants 1234.50.
      const bare = t.replace(/^[¥￥]\s*/, '');
      return GROUPED.test(bare) ? bare.split(',').join('') : bare;
    }
    case 'instant':
      return readInstant(t, timeZone);
  }
}

function readInstant(t: string, timeZone: string): unknown {
  if (/^\d{10,}$/.test(t)) return Number(t); // epoch milliseconds
  const m = LOCAL_DATE_TIME.exec(t);
  if (m === null) return t; // with an offset, or wrong: the library checks it
  try {
    const ms = zonedInstant(m[1] as string, m[2] as string, timeZone) + Number(m[3] ?? 0) * 1000;
    return formatInstant(ms, timeZone);
  } catch (error) {
    if (error instanceof KefuError) return new Problem(`expected a date and time such as "2026-11-11 00:20" or an ISO 8601 instant, received ${quote(t)}`);
    throw error;
  }
}

/** An instant given as an option: as a cell is read (local date-times in `timeZone`). */
export function instantOption(text: string, timeZone: string, option: string): string | number {
  const value = readInstant(text.trim(), timeZone);
  if (value instanceof Problem) throw new InputError([`option ${option}: ${value.message}`]);
  return value as string | number;
}

function readJsonValue(value: unknown, spec: ColumnSpec, timeZone: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return readCell(value, spec, timeZone);
  if (typeof value === 'number' && (spec.type === 'number' || spec.type === 'money' || spec.type === 'instant')) return value;
  if (typeof value === 'boolean' && spec.type === 'boolean') return value;
  if (Array.isArray(value) && spec.type === 'list' && value.every((v) => typeof v === 'string')) return value;
  const expected = { string: 'a string', number: 'a number', boolean: 'true or false', list: 'a list such as "a|b" or ["a", "b"]', money: 'an amount', instant: 'an instant' }[spec.type];
  return new Problem(`expected ${expected}, received ${jsonKind(value)}`);
}

function setPath(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = path[i + 1];
    if (node[key] === undefined) node[key] = typeof next === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
}

// ---------------------------------------------------------------------------------------------
// From a library issue back to the file.

/** A table the library saw as `collection.<index>.…`. */
export interface TableSource {
  readonly table: RowTable;
  /** The library index of data row 0 (headcount pads its intervals from midnight). */
  readonly indexOffset?: number;
}

/** Where each part of the library input came from, for mapping issue paths back. */
export interface InputSources {
  /** Collections read from row tables: `orders` → the orders sheet. */
  readonly tables?: Readonly<Record<string, TableSource>>;
  /** Parts read from JSON documents: the path prefix (`''` for the whole input, `scorecard`) → the file. */
  readonly documents?: ReadonlyArray<{ readonly prefix: string; readonly label: string }>;
  /** Parts that came from options: the path (`now`) → the option (`--now`). */
  readonly options?: Readonly<Record<string, string>>;
}

/** One issue of a KefuError in the user's terms: file, row and column, or the option. */
export function describeIssue(issue: KefuIssue, sources: InputSources): string {
  const parts = issue.path === '' ? [] : issue.path.split('.');
  const [head, index, ...rest] = parts;
  const source = head === undefined ? undefined : sources.tables?.[head];
  if (source !== undefined && index !== undefined && /^\d+$/.test(index)) {
    const k = Number(index) - (source.indexOffset ?? 0);
    const row = source.table.rowNumbers[k];
    if (row !== undefined) return `${where(source.table.label, source.table.format, row, columnFor(source.table, rest))}: ${issue.message}`;
  }
  if (source !== undefined && index === undefined) return `${source.table.label}: ${issue.message}`;
  const exact = sources.options?.[issue.path];
  if (exact !== undefined) return `option ${exact}: ${issue.message}`;
  const byHead = head === undefined ? undefined : sources.options?.[head];
  if (byHead !== undefined) return `option ${byHead} (at ${issue.path}): ${issue.message}`;
  const documents = [...(sources.documents ?? [])].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const doc of documents) {
    if (doc.prefix === '' || issue.path === doc.prefix || issue.path.startsWith(`${doc.prefix}.`)) {
      const inner = doc.prefix === '' ? issue.path : issue.path.slice(doc.prefix.length + 1);
      return `${doc.label}: ${inner === '' ? '' : `${inner}: `}${issue.message}`;
    }
  }
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** The column a path inside a row points at: exact, the column holding it, or the first inside it. */
function columnFor(table: RowTable, rest: readonly string[]): string | undefined {
  if (rest.length === 0) return undefined;
  const key = (path: readonly (string | number)[]) => path.map(String);
  let best: ColumnSpec | undefined;
  for (const spec of table.columns) {
    const p = key(spec.path);
    const prefix = p.length <= rest.length && p.every((part, i) => part === rest[i]);
    if (prefix && (best === undefined || p.length > best.path.length)) best = spec;
  }
  if (best !== undefined) return best.name;
  // The issue names a field that holds several columns (`balanceWindow` for balanceStart and balanceEnd).
  return table.columns.find((spec) => rest.every((part, i) => String(spec.path[i]) === part))?.name ?? rest.join('.');
}

/** A KefuError as an InputError in the user's terms. */
export function inputErrorFrom(error: KefuError, sources: InputSources): InputError {
  return new InputError(error.issues.map((issue) => describeIssue(issue, sources)));
}

// Money splits and bonuses in a sheet: exact shares of a total over a block of weights (KPI-4)
// and the payout of each agent's actual against target under one schedule (KPI-5).
import { describe } from '../core/validate.ts';
import { allocate, payout, type AllocateOptions, type PayoutSchedule } from '../kpi/index.ts';
import { compact, eachRow, errorText, fail, given, isBlank, readRows, rowsOf, type SheetCell, type SheetFunction, type SheetResult } from './range.ts';

/** A block argument as rows of cells: a single value is one cell, a flat array a column. */
function block(fn: string, name: string, value: unknown): ReadonlyArray<readonly unknown[]> {
  const rows = Array.isArray(value) ? rowsOf(fn, name, value) : [[value]];
  if (rows.some((row) => row.length === 0)) fail(name, 'expected a range of cells, received an empty row', fn);
  return rows;
}

/**
 * KPI-4: splits `total` over the weights exactly, by the largest-remainder method (see
 * `allocate`): each share is a multiple of `unit` (default 0.01; 1 for whole yuan), the shares sum
 * to `total`, and each lies within one unit of its exact quota. `weights` may be a column, a row
 * or a block; the shares come back as text (exact decimals: wrap them in VALUE() to compute) in
 * the same shape, blank where the weight is blank. Equal remainders go to the earlier cell, row
 * by row. A problem with the total, the unit or any weight is written into every share cell,
 * naming the cell at fault.
 *
 * @example
 * ```ts
 * KEFU_ALLOCATE(100, [[1], [1], [1]]); // [['33.34'], ['33.33'], ['33.33']]
 * ```
 */
export const KEFU_ALLOCATE: SheetFunction<'KEFU_ALLOCATE'> = function (): SheetResult {
  const fn = 'KEFU_ALLOCATE';
  const args = readRows(fn, arguments, { whole: ['total', 'unit'], raw: ['weights'] }).whole;
  const rows = block(fn, 'weights', args.weights);
  const rowDigits = String(rows.length - 1).length;
  const colDigits = String(rows.reduce((most, row) => Math.max(most, row.length), 0) - 1).length;
  // Ids in row-major order under plain code-unit comparison, so ties go to the earlier cell.
  const key = (r: number, c: number): string => `r${String(r).padStart(rowDigits, '0')}c${String(c).padStart(colDigits, '0')}`;
  const where = new Map<string, string>();
  const entries: Record<string, unknown> = {};
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      entries[key(r, c)] = cell;
      where.set(key(r, c), `weights (row ${r + 1}, column ${c + 1})`);
    }),
  );
  let fill: (r: number, c: number) => SheetCell = () => '';
  if (where.size > 0) {
    try {
      const step = typeof args.unit === 'number' ? String(args.unit) : args.unit;
      const shares = allocate(args.total as number | string, entries as Record<string, number | string>, compact({ unit: step }) as AllocateOptions);
      fill = (r, c) => shares[key(r, c)] ?? '';
    } catch (error) {
      const text = errorText(error, (path) => (path === 'options.unit' ? 'unit' : (where.get(path.replace(/^weights\./, '')) ?? path)));
      fill = () => text;
    }
  }
  return rows.map((row, r) => row.map((cell, c) => (isBlank(cell) ? '' : fill(r, c))));
};

/**
 * KPI-5: what each agent earns for `actual` against `target` under one schedule (see `payout`).
 * `schedule` is a range of rows of two or three cells: attainment (actual ÷ target, 1 = 100%),
 * amount and an optional tier label, for `kind` `curve` (the default: linear between the points,
 * flat after the last) or `steps` (the best step reached); for `bands`, where each band starts (an
 * attainment) and its commission rate. Blank schedule rows are skipped. `cap` (optional) bounds
 * every payout. The amount is exact text with two decimals, never negative, never lower for more
 * sales (KPI-2). A schedule problem is an error in every row, naming the schedule row.
 *
 * Returns rows of `[amount, attainment, tier]`.
 *
 * @example
 * ```ts
 * const schedule = [[0.8, 0], [1, 500, 'base'], [1.3, 1500, 'challenge']];
 * KEFU_PAYOUT([[110000], [70000]], 100000, schedule); // [['833.33', 1.1, 'base'], ['0.00', 0.7, '']]
 * ```
 */
export const KEFU_PAYOUT: SheetFunction<'KEFU_PAYOUT'> = function (): SheetResult {
  const fn = 'KEFU_PAYOUT';
  const rows = readRows(fn, arguments, { whole: ['kind', 'cap'], raw: ['schedule'] });
  const schedule = rows.whole.schedule;
  if (!Array.isArray(schedule)) fail('schedule', 'expected a range of rows (attainment, amount, optional label), received a single value', fn);
  const table = block(fn, 'schedule', schedule);
  table.forEach((row, i) => {
    if (row.length < 2 || row.length > 3) fail('schedule', `expected 2 or 3 columns (attainment, amount, optional label), received ${row.length} in row ${i + 1}`, fn);
  });
  const kept = table.map((_, i) => i).filter((i) => !(table[i] as readonly unknown[]).every(isBlank));
  const kind = rows.whole.kind ?? 'curve';
  const bands = kind === 'bands';
  const lines = kept.map((i) => {
    const [at, amount, label] = table[i] as readonly unknown[];
    return compact(bands ? { from: at, rate: amount, label: given(label) } : { attainment: at, amount, label: given(label) });
  });
  const plan = compact({ kind, [bands ? 'bands' : kind === 'steps' ? 'steps' : 'points']: lines, cap: rows.whole.cap }) as unknown as PayoutSchedule;
  const rename = (path: string): string => {
    const at = /^schedule\.(?:points|steps|bands)(?:\.(\d+)(?:\.(\w+))?)?$/.exec(path);
    if (at === null) return path.replace(/^schedule\./, '');
    if (at[1] === undefined) return 'schedule';
    return `schedule (row ${(kept[Number(at[1])] ?? 0) + 1}${at[2] === undefined ? '' : `, ${at[2]}`})`;
  };
  return eachRow(
    rows,
    3,
    (r) => {
      if (kind !== 'curve' && kind !== 'steps' && !bands) fail('kind', `expected one of "curve", "steps", "bands", received ${describe(kind)}`);
      const p = payout(r.actual as number | string, r.target as number | string, plan);
      return [p.amount, p.attainment, p.tier ?? ''];
    },
    rename,
  );
};

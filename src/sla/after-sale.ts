import * as z from 'zod/mini';
import type { Dec } from '../core/decimal.ts';
import { formatMoney, MoneyInputSchema, toDecimal } from '../core/money.ts';
import { DEFAULT_TIME_ZONE, InstantSchema, TimeZoneSchema, toEpochMs } from '../core/time.ts';
import { ZoneClock } from '../core/zone-clock.ts';
import { checkUnique, Id, Issues } from './parse.ts';
import type { Bilingual } from './plans.ts';

/**
 * RF-6: the kinds of after-sale work the daily record counts: returns (退货), exchanges (换货),
 * reships (补发), refunds (退款) and problem parcels (问题件).
 *
 * @example
 * ```ts
 * AFTER_SALE_TYPES; // ['return', 'exchange', 'reship', 'refund', 'problemParcel']
 * ```
 */
export const AFTER_SALE_TYPES = ['return', 'exchange', 'reship', 'refund', 'problemParcel'] as const;

/**
 * One of {@link AFTER_SALE_TYPES}.
 *
 * @example
 * ```ts
 * const type: AfterSaleType = 'reship';
 * ```
 */
export type AfterSaleType = (typeof AFTER_SALE_TYPES)[number];

/**
 * The Chinese and English names of the after-sale types, for sheet headers.
 *
 * @example
 * ```ts
 * AFTER_SALE_TYPE_LABELS.problemParcel.zh; // '问题件'
 * ```
 */
export const AFTER_SALE_TYPE_LABELS: Readonly<Record<AfterSaleType, Bilingual>> = /* @__PURE__ */ Object.freeze({
  return: { zh: '退货', en: 'Return' },
  exchange: { zh: '换货', en: 'Exchange' },
  reship: { zh: '补发', en: 'Reship' },
  refund: { zh: '退款', en: 'Refund' },
  problemParcel: { zh: '问题件', en: 'Problem parcel' },
});

/**
 * One case settled or opened during the day. `amount` is what it cost or returned (the refund, the
 * value reshipped); cases without one are counted and listed as unpriced, never taken as 0.
 *
 * @example
 * ```ts
 * const event: AfterSaleEvent = { eventId: 'as-1', type: 'refund', team: 'after_sale', at: '2026-11-12T10:20:00+08:00', amount: '39.90', orderId: 'T1001' };
 * ```
 */
export const AfterSaleEvent = /* @__PURE__ */ z.strictObject({
  /** Unique id, when the shop has one. */
  eventId: z.optional(Id),
  type: z.enum(AFTER_SALE_TYPES),
  /** The team that handled it (`after_sale`, `warehouse`, …): grouping uses the exact text. */
  team: Id,
  /** When it happened; its local date in the shop's zone is the day it is logged on. */
  at: InstantSchema,
  /** The money involved, 0 or more, as a number or a decimal string. */
  amount: z.optional(MoneyInputSchema),
  /** The order, for reference. */
  orderId: z.optional(Id),
});
/** @inheritDoc AfterSaleEvent */
export type AfterSaleEvent = z.input<typeof AfterSaleEvent>;

/**
 * Options of {@link afterSaleLog}.
 *
 * @example
 * ```ts
 * const options: AfterSaleLogOptions = { timeZone: 'Asia/Shanghai' };
 * ```
 */
export const AfterSaleLogOptions = /* @__PURE__ */ z.strictObject({
  /** The shop's IANA time zone: it decides which day an event belongs to (default `Asia/Shanghai`). */
  timeZone: z._default(TimeZoneSchema, DEFAULT_TIME_ZONE),
});
/** @inheritDoc AfterSaleLogOptions */
export type AfterSaleLogOptions = z.input<typeof AfterSaleLogOptions>;

/**
 * Count and money of one group of cases. `amount` sums the priced cases (two decimals);
 * `unpriced` counts the cases without an amount.
 *
 * @example
 * ```ts
 * const cell: AfterSaleCount = { count: 3, amount: '119.70', unpriced: 0 };
 * ```
 */
export interface AfterSaleCount {
  readonly count: number;
  readonly amount: string;
  readonly unpriced: number;
}

/**
 * Totals of a group of cases, overall and per type (every type present, zero when none).
 *
 * @example
 * ```ts
 * const t: AfterSaleTotals = afterSaleLog([]).total;
 * t.byType.refund; // { count: 0, amount: '0.00', unpriced: 0 }
 * ```
 */
export interface AfterSaleTotals extends AfterSaleCount {
  readonly byType: { readonly [T in AfterSaleType]: AfterSaleCount };
}

/**
 * One day of the log: its totals and each team's.
 *
 * @example
 * ```ts
 * const day: AfterSaleDay | undefined = afterSaleLog([]).days[0]; // undefined: no events
 * ```
 */
export interface AfterSaleDay {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly total: AfterSaleTotals;
  /** Each team that logged a case that day, sorted by name. */
  readonly teams: ReadonlyArray<{ readonly team: string; readonly total: AfterSaleTotals }>;
}

/**
 * One line of the log in sheet form: a date, a team, a type, and their count and money.
 *
 * @example
 * ```ts
 * const row: AfterSaleRow = { date: '2026-11-12', team: 'after_sale', type: 'refund', count: 2, amount: '79.80', unpriced: 0 };
 * ```
 */
export interface AfterSaleRow extends AfterSaleCount {
  readonly date: string;
  readonly team: string;
  readonly type: AfterSaleType;
}

/**
 * The answer of {@link afterSaleLog}.
 *
 * @example
 * ```ts
 * const log: AfterSaleLog = afterSaleLog([]);
 * log.rows; // []
 * ```
 */
export interface AfterSaleLog {
  readonly timeZone: string;
  /** Each local date with at least one case, ascending. */
  readonly days: readonly AfterSaleDay[];
  /** All days together. */
  readonly total: AfterSaleTotals;
  /** All days together, per team, sorted by name. */
  readonly teams: ReadonlyArray<{ readonly team: string; readonly total: AfterSaleTotals }>;
  /** One row per date, team and type with at least one case: date, then team, then the order of {@link AFTER_SALE_TYPES}. */
  readonly rows: readonly AfterSaleRow[];
  readonly rule: 'RF-6';
}

/** Count, priced sum and unpriced count of one cell. */
interface Cell {
  count: number;
  amount: Dec;
  unpriced: number;
}

const emptyCount = (): AfterSaleCount => ({ count: 0, amount: '0.00', unpriced: 0 });

/** Totals of a set of leaves (each a type and its cell). */
function totalsOf(leaves: ReadonlyArray<readonly [AfterSaleType, Cell]>): AfterSaleTotals {
  const sums = new Map<AfterSaleType, Cell>();
  for (const [type, cell] of leaves) {
    const s = sums.get(type);
    if (s === undefined) sums.set(type, { ...cell });
    else sums.set(type, { count: s.count + cell.count, amount: s.amount.plus(cell.amount), unpriced: s.unpriced + cell.unpriced });
  }
  let count = 0;
  let unpriced = 0;
  let amount = toDecimal(0);
  const byType = {} as Record<AfterSaleType, AfterSaleCount>;
  for (const type of AFTER_SALE_TYPES) {
    const c = sums.get(type);
    byType[type] = c === undefined ? emptyCount() : { count: c.count, amount: formatMoney(c.amount), unpriced: c.unpriced };
    if (c === undefined) continue;
    count += c.count;
    unpriced += c.unpriced;
    amount = amount.plus(c.amount);
  }
  return { count, amount: formatMoney(amount), unpriced, byType };
}

const Input = /* @__PURE__ */ z.strictObject({ events: z.readonly(z.array(AfterSaleEvent).check(z.maxLength(1_000_000))) });

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A leaf of the log: one date, team and type. */
interface Leaf {
  readonly day: number;
  readonly team: string;
  readonly type: AfterSaleType;
  readonly cell: Cell;
}

/** The teams of some leaves with their totals, sorted by name. */
function byTeam(leaves: readonly Leaf[]): Array<{ team: string; total: AfterSaleTotals }> {
  const teams = new Map<string, Array<readonly [AfterSaleType, Cell]>>();
  for (const leaf of leaves) {
    const list = teams.get(leaf.team);
    if (list === undefined) teams.set(leaf.team, [[leaf.type, leaf.cell]]);
    else list.push([leaf.type, leaf.cell]);
  }
  return [...teams.entries()].sort(([a], [b]) => byText(a, b)).map(([team, list]) => ({ team, total: totalsOf(list) }));
}

/**
 * RF-6: the daily after-sale record. Returns, exchanges, reships, refunds and problem parcels are
 * counted and their money summed exactly, per local day of the shop's zone, per type and per
 * team, with the same figures as sheet rows. The order of the events does not matter.
 *
 * Throws `INVALID_INPUT` naming the field: `events.3.amount` (negative or not an amount),
 * `events.0.type`, `events.5.eventId` (repeated), `options.timeZone`.
 *
 * @example
 * {@includeCode ../../examples/sla.example.ts#after-sale}
 */
export function afterSaleLog(events: readonly AfterSaleEvent[], options?: AfterSaleLogOptions): AfterSaleLog {
  const issues = new Issues('afterSaleLog');
  const v = issues.parse(Input, { events }, '');
  const o = issues.parse(AfterSaleLogOptions, options === undefined ? {} : options, 'options');
  const amounts: Array<Dec | undefined> = [];
  if (v !== undefined) {
    v.events.forEach((e, i) => {
      const amount = e.amount === undefined ? undefined : toDecimal(e.amount, `events.${i}.amount`);
      if (amount?.isNegative()) issues.add(`events.${i}.amount`, `expected an amount of 0 or more, received ${amount.toString()}`);
      amounts.push(amount);
    });
    checkUnique(v.events, (e) => e.eventId, (i) => `events.${i}.eventId`, 'eventId', issues);
  }
  issues.throwIfAny();
  const list = (v as z.output<typeof Input>).events;
  const timeZone = (o as z.output<typeof AfterSaleLogOptions>).timeZone;
  const clock = new ZoneClock(timeZone);

  // One cell per date, team and type; every other figure is a sum of cells.
  const cells = new Map<string, Leaf>();
  list.forEach((e, i) => {
    const amount = amounts[i];
    const day = clock.localDay(toEpochMs(e.at));
    const key = `${day}\u0000${e.type}\u0000${e.team}`;
    let leaf = cells.get(key);
    if (leaf === undefined) {
      leaf = { day, team: e.team, type: e.type, cell: { count: 0, amount: toDecimal(0), unpriced: 0 } };
      cells.set(key, leaf);
    }
    leaf.cell.count++;
    if (amount === undefined) leaf.cell.unpriced++;
    else leaf.cell.amount = leaf.cell.amount.plus(amount);
  });
  const leaves = [...cells.values()];
  const byDay = new Map<number, Leaf[]>();
  for (const leaf of leaves) {
    const list = byDay.get(leaf.day);
    if (list === undefined) byDay.set(leaf.day, [leaf]);
    else list.push(leaf);
  }
  const days: AfterSaleDay[] = [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, list]) => ({ date: clock.date(day), total: totalsOf(list.map((l) => [l.type, l.cell] as const)), teams: byTeam(list) }));
  const rows: AfterSaleRow[] = [];
  for (const day of days) {
    for (const { team, total } of day.teams) {
      for (const type of AFTER_SALE_TYPES) {
        const c = total.byType[type];
        if (c.count > 0) rows.push({ date: day.date, team, type, ...c });
      }
    }
  }
  return { timeZone, days, total: totalsOf(leaves.map((l) => [l.type, l.cell] as const)), teams: byTeam(leaves), rows, rule: 'RF-6' };
}

// Chasing unpaid orders from a sheet: one order per row, one plan for all the rows that share
// the same `now`, so the buyer rules that look across orders (CH-4) see every row.
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { planChases, type ChaseChannelDecision, type ChaseOrder, type ChaseOrderDecision } from '../chase/index.ts';
import { describe } from '../core/validate.ts';
import { compact, dateCell, errorText, fail, idText, instant, isBlank, isDate, readRows, rowOf, type SheetCell, type SheetFunction, type SheetResult } from './range.ts';

const WIDTH = 4;

/** The API's field names as the sheet calls its arguments. */
function rename(path: string): string {
  if (path === 'autoCloseAt') return 'closesAt';
  if (path === 'paidAt') return 'paid';
  return path;
}

/** The `paid` cell: blank or FALSE is unpaid, TRUE is paid at a time not known (taken as `now`), a date-time is the payment time. */
function paidAt(value: unknown, now: number): number | undefined {
  if (isBlank(value) || value === false) return undefined;
  if (value === true) return now;
  if (isDate(value)) return instant(value, 'paid');
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? fail('paid', `expected TRUE, FALSE or the payment time, received ${describe(value)}`) : instant(value, 'paid');
}

/** The channel that may be used soonest (the first of im, sms, phone among equals), as the planner picks it. */
function soonest(d: ChaseOrderDecision): ChaseChannelDecision | undefined {
  let pick: ChaseChannelDecision | undefined;
  let pickAt = Number.POSITIVE_INFINITY;
  for (const c of d.channels) {
    if (c.outcome === 'never' || c.nextAllowedAt === null) continue;
    const at = Date.parse(c.nextAllowedAt);
    if (at < pickAt) {
      pick = c;
      pickAt = at;
    }
  }
  return pick;
}

function decisionRow(d: ChaseOrderDecision): SheetCell[] {
  return [d.outcome, soonest(d)?.channel ?? '', dateCell(d.nextAllowedAt), d.primaryReason ?? ''];
}

interface Pending {
  readonly row: number;
  readonly order: ChaseOrder;
}

/**
 * Plans the orders that share one `now`. When the planner rejects some orders (an order placed
 * after `now`, a repeated order id), their rows get the error and the others are planned again
 * without them.
 */
function planGroup(now: number, group: readonly Pending[], out: SheetResult): void {
  let pending = group;
  while (pending.length > 0) {
    let decisions: readonly ChaseOrderDecision[];
    try {
      decisions = planChases({ now, orders: pending.map((p) => p.order) }).decisions;
    } catch (error) {
      if (!(error instanceof KefuError)) {
        for (const p of pending) out[p.row] = rowOf(WIDTH, errorText(error));
        return;
      }
      const byOrder = new Map<number, KefuIssue[]>();
      for (const issue of error.issues) {
        const at = /^orders\.(\d+)\.(.+)$/.exec(issue.path);
        if (at === null) continue;
        const k = Number(at[1]);
        byOrder.set(k, [...(byOrder.get(k) ?? []), { path: at[2] as string, message: issue.message }]);
      }
      if (byOrder.size === 0) {
        for (const p of pending) out[p.row] = rowOf(WIDTH, errorText(error, rename));
        return;
      }
      for (const [k, issues] of byOrder) out[(pending[k] as Pending).row] = rowOf(WIDTH, errorText(new KefuError(error.code, issues), rename));
      pending = pending.filter((_, k) => !byOrder.has(k));
      continue;
    }
    decisions.forEach((d, k) => {
      out[(pending[k] as Pending).row] = decisionRow(d);
    });
    return;
  }
}

/**
 * CH-1..CH-8: whether to chase each unpaid order now, on which channel, or when next, under the
 * default chase policy (see `planChases` and `defaultChasePolicy`; shop time Asia/Shanghai). One
 * order per row; the rows that share a `now` form one plan, so a buyer with several unpaid orders
 * is chased once (the others `wait` with `DEDUPED_SAME_BUYER`) and a buyer who paid one order is
 * not chased for the others (CH-4).
 *
 * The function knows no chase log: it answers as if nothing had been sent yet, so each order's
 * first step comes out as `send` while it is allowed. `now` must be a fixed date-time (a cell
 * holding one): Sheets refuses NOW() as an argument of a custom function. An order without
 * `closesAt` is never chased (`DEADLINE_UNKNOWN`, CH-2). `paid` TRUE means paid at a time not
 * given, taken as `now`.
 *
 * Arguments: `now` (the instant to plan at), `orderId` (text, or whole numbers up to 2^53),
 * `buyerId`, `createdAt`, `closesAt` (when the platform closes the order unpaid, CH-2), optionally
 * `paid` (TRUE or the payment time for paid orders; blank or FALSE otherwise) and `amount`.
 * Instants are date-time cells or ISO 8601 text with an offset.
 *
 * Returns rows of `[outcome, channel, nextAllowedAt, reason]`: `send`, `wait` or `never`; the
 * channel (`im`, `sms`, `phone`) usable soonest; when (a `Date`, blank for `never`); the primary
 * reason code (blank for `send`).
 *
 * @example
 * ```ts
 * const now = new Date('2026-11-11T00:20:00+08:00');
 * KEFU_CHASE_NEXT(now, [['T1001']], [['lin']], [[new Date('2026-11-11T00:03:00+08:00')]], [[new Date('2026-11-12T00:03:00+08:00')]]);
 * // [['send', 'im', Date 2026-11-11T00:20:00+08:00, '']]
 * ```
 */
export const KEFU_CHASE_NEXT: SheetFunction<'KEFU_CHASE_NEXT'> = function (): SheetResult {
  const rows = readRows('KEFU_CHASE_NEXT', arguments, { quiet: ['now'] });
  const out: SheetResult = [];
  const groups = new Map<number, Pending[]>();
  for (let i = 0; i < rows.count; i++) {
    out.push(rowOf(WIDTH));
    const r = rows.row(i);
    if (r === undefined) continue;
    try {
      const now = instant(r.now, 'now', true) as number;
      const order = compact({
        orderId: idText(r.orderId, 'orderId'),
        buyerId: idText(r.buyerId, 'buyerId'),
        createdAt: instant(r.createdAt, 'createdAt', true),
        autoCloseAt: instant(r.closesAt, 'closesAt'),
        paidAt: paidAt(r.paid, now),
        amount: r.amount,
      }) as ChaseOrder;
      const group = groups.get(now);
      if (group === undefined) groups.set(now, [{ row: i, order }]);
      else group.push({ row: i, order });
    } catch (error) {
      out[i] = rowOf(WIDTH, errorText(error, rename));
    }
  }
  for (const [now, group] of groups) planGroup(now, group, out);
  return out;
};

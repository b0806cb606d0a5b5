// Service deadlines in a sheet: when each neutral or negative review must be handled (SLA-1) and
// where each reported problem goes (SLA-3), under kefu's default policies.
import { escalate, reviewDeadline, type EscalationProblem, type ReviewInput } from '../sla/index.ts';
import { compact, dateCell, flag, instant, sheetFunction } from './range.ts';

/** The Chinese names of the two ratings, as shops type them. */
const RATINGS: Readonly<Record<string, string>> = { 中评: 'neutral', 差评: 'negative' };

/**
 * SLA-1: the instant by which each neutral or negative review must be handled (see
 * `reviewDeadline`, default policy: Asia/Shanghai, cut-off 18:30, the Chinese working calendar
 * 2024–2026, at most 3 days), and, with `now`, whether it is on time, due soon or overdue.
 * Arguments: `rating` (`neutral` or `negative`; 中评 and 差评 are read as those), `receivedAt`,
 * optionally `now` (a cell holding a date-time: Sheets refuses NOW() in a custom function),
 * `buyerUnreachable` (TRUE: due within 3 days) and `unresolvable` (TRUE: explained publicly before
 * the review window closes).
 *
 * Returns rows of `[deadline, state, minutesLeft, basis]`: a `Date`; `onTime`, `dueSoon` or
 * `overdue` (blank without `now`); whole minutes left, negative once overdue (blank without
 * `now`); the rule that set the deadline.
 *
 * @example
 * ```ts
 * KEFU_REVIEW_DEADLINE('差评', new Date('2026-11-12T10:00:00+08:00'));
 * // [[Date 2026-11-12T18:30:00+08:00, '', '', 'SAME_DAY_CUTOFF']]
 * ```
 */
export const KEFU_REVIEW_DEADLINE = /* @__PURE__ */ sheetFunction(
  'KEFU_REVIEW_DEADLINE',
  4,
  (r) => {
    const d = reviewDeadline(
      compact({
        rating: typeof r.rating === 'string' ? (RATINGS[r.rating.trim()] ?? r.rating.trim()) : r.rating,
        receivedAt: instant(r.receivedAt, 'receivedAt', true),
        now: instant(r.now, 'now'),
        buyerUnreachable: flag(r.buyerUnreachable, 'buyerUnreachable'),
        unresolvable: flag(r.unresolvable, 'unresolvable'),
      }) as ReviewInput,
    );
    return [dateCell(d.deadline), d.state ?? '', d.minutesLeft ?? '', d.basis];
  },
  { quiet: ['now'] },
);

/**
 * SLA-3, SLA-4: where each reported problem is escalated under kefu's default escalation matrix
 * (see `escalate` and `DEFAULT_ESCALATION_MATRIX`). Arguments: `type` (`prepared`, `sudden` or
 * `publicOpinion`), `emergencyClass` (`platformOutage`, `powerOrNetworkLoss`, `priceOrSpecError`,
 * `warehouseOrCourierFailure` or `brandIncident`), `reportedAt`, optionally `situation` (a
 * situation id of the class, such as `massDelay`).
 *
 * Returns rows of `[level, owner, solutionDueAt, notify]`: the level escalated to, the team that
 * owns the solution, when it is due (a `Date`), the teams told as well (comma-separated).
 *
 * @example
 * ```ts
 * KEFU_ESCALATE('prepared', 'powerOrNetworkLoss', new Date('2026-11-11T00:05:00+08:00'));
 * // [['supervisor', 'it_admin', Date 2026-11-11T00:20:00+08:00, '']]
 * ```
 */
export const KEFU_ESCALATE = /* @__PURE__ */ sheetFunction(
  'KEFU_ESCALATE',
  4,
  (r) => {
    const e = escalate(compact({ type: r.type, class: r.emergencyClass, situation: r.situation, reportedAt: instant(r.reportedAt, 'reportedAt', true) }) as EscalationProblem);
    return [e.level, e.owner, dateCell(e.solutionDueAt), e.notify.join(', ')];
  },
  { rename: (path) => (path === 'class' ? 'emergencyClass' : path) },
);

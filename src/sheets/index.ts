/**
 * kefu's Google Sheets custom functions (the `Kefu.sheets` namespace of `dist/kefu.gs.js`). Each
 * takes single values or ranges (arrays of rows) and returns an array of rows: one output row per
 * input row, a blank row for a blank row, and an error text (`#KEFU! argument: problem`) in the
 * row of bad data instead of a failed formula. Dates arrive as `Date` cells and instants come back
 * as `Date` cells; money comes back as exact decimal text.
 *
 * @packageDocumentation
 */
export { KEFU_CHASE_NEXT } from './chase.ts';
export { KEFU_AGENTS, KEFU_CHAT_AGENTS, KEFU_ERLANG_C, KEFU_ERLANG_SL, KEFU_RECEPTIONS } from './headcount.ts';
export { KEFU_ALLOCATE, KEFU_PAYOUT } from './kpi.ts';
export { SHEET_ERROR_PREFIX, type SheetArg, type SheetArgs, type SheetCell, type SheetFunction, type SheetRange, type SheetResult } from './range.ts';
export { KEFU_REFUND_BUCKET, KEFU_REFUND_REASON } from './refunds.ts';
export { KEFU_ESCALATE, KEFU_REVIEW_DEADLINE } from './sla.ts';
export { SHEET_SIGNATURES, type ParamName, type SheetFunctionName, type Unbracket } from './spec.ts';

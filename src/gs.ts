/**
 * The Google Sheets bundle (`dist/kefu.gs.js`, global `Kefu`): the custom functions under
 * `Kefu.sheets` (the file's footer declares each one at the top level as `KEFU_*`, which is how
 * Apps Script finds them), and, for a shop's own scripts, the APIs they stand on. The bundle must
 * stay under 90 kB gzip, so it holds exactly what the custom functions use: the rest of
 * kefu/headcount (planStaffing, Erlang A), the roster solver (too slow for the 30 seconds a custom
 * function gets, anyway) and the other functions of kefu/kpi, kefu/chase and kefu/sla are left
 * out. Import `kefu` for everything.
 *
 * @packageDocumentation
 */
export * as sheets from './sheets/index.ts';
export { erlangC, KefuError, receptionsFromFunnel, requiredAgents, requiredChatAgents, toResult } from './headcount/index.ts';
export { classifyRefundReason, isReasonCode, REFUND_REASONS, refundBucket } from './refunds/index.ts';
export { allocate, payout } from './kpi/index.ts';
export { planChases } from './chase/index.ts';
export { escalate, reviewDeadline } from './sla/index.ts';

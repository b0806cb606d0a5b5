/**
 * kefu/chase: which unpaid orders to chase (催付), on which channel (IM, SMS, phone), when, and
 * why not (CH-1..CH-13); the chase memo written on the order; the play for each reason a buyer
 * gives for not paying.
 *
 * @packageDocumentation
 */
export { KefuError, toResult, type KefuErrorCode, type KefuIssue, type KefuResult } from '../core/errors.ts';
export { CHASE_CHANNELS, CHASE_REASON_CODES, CHASE_REASONS, type ChaseChannel, type ChaseReasonCode, type ChaseReasonInfo } from './codes.ts';
export { ChaseBuyer, ChaseLogEntry, ChaseOrder, PlanChasesInput } from './input.ts';
export {
  appendChaseMemo,
  CHASE_MEMO_FLAG,
  ChaseMemoEntry,
  ChaseMemoOptions,
  formatChaseMemo,
  parseChaseMemo,
  type AppendedChaseMemo,
  type ParsedChaseMemoEntry,
} from './memo.ts';
export { renderChaseMessage, type ChaseMessage, type RenderChaseMessageInput } from './message.ts';
export {
  planChases,
  type ChaseChannelDecision,
  type ChaseGroup,
  type ChaseOrderDecision,
  type ChasePlan,
} from './plan.ts';
export {
  CHASE_OUTCOMES,
  NON_PAYMENT_REASONS,
  nonPaymentPlaybook,
  type ChaseOutcome,
  type NonPaymentPlay,
  type NonPaymentReason,
} from './playbook.ts';
export {
  CHASE_ORDER_KINDS,
  CHASE_OVERLAYS,
  ChaseDeadlinePreset,
  ChaseLadderVariant,
  ChaseOverlay,
  ChasePolicySchema,
  ChaseTemplate,
  defaultChasePolicy,
  NonNegativeAmount,
  TAOBAO_DEADLINE_PRESETS,
  type ChaseChannelPolicy,
  type ChaseOrderKind,
  type ChasePolicy,
  type ChasePolicyInput,
} from './policy.ts';
export { CHASE_TEMPLATE_VARIABLES, smsSegments, type ChaseTemplateVariable } from './template.ts';

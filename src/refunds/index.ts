/**
 * kefu/refunds: why buyers ask for refunds (RF-1..RF-6). A closed taxonomy of 28 reason codes
 * with responsibility, remedy, owner team and the RF-1 bucket; a deterministic, explainable
 * free-text classifier (simplified and traditional Chinese, English, mixed); platform reason
 * adapters; the post-event analysis; compensation authority (RF-4) and remedy advice (RF-3, RF-5).
 *
 * @packageDocumentation
 */
export { KefuError, toResult, type KefuErrorCode, type KefuIssue, type KefuResult } from '../core/errors.ts';
export {
  AnalyzeRefundsOptions,
  analyzeRefunds,
  OrderStats,
  RefundRecord,
  type CategoryRefunds,
  type CodeRefunds,
  type ParetoStep,
  type RefundAnalysis,
  type RefundTally,
  type RepeatRefunder,
} from './analyze.ts';
export { AuthorityContext, AuthorityPolicy, compensationAuthority, type AuthorityReason, type CompensationAuthority } from './authority.ts';
export {
  classifyRefundReason,
  ClassifyRefundInput,
  refundBucket,
  type ClassificationSource,
  type PlatformReasonReading,
  type RefundAlternative,
  type RefundAuthor,
  type RefundClassification,
} from './classify.ts';
export type { HitKind, RefundHit } from './engine.ts';
export { LEXICON_VERSION, RISK_FLAGS, type RiskFlag } from './lexicon.ts';
export { normalizeRefundText } from './normalize.ts';
export { PLATFORM_REASON_MAPS, PLATFORMS, type PlatformId, type PlatformReasonMap, type PlatformTarget } from './platform.ts';
export { REFUND_POLICY, type RefundPolicy, type Sourced } from './policy.ts';
export { adviseRemedy, RemedyContext, type RemedyAdvice } from './remedy.ts';
export {
  BUCKETS,
  deriveBucket,
  isReasonCode,
  ORDER_STATES,
  PARTIES,
  REASON_CODES,
  REFUND_REASONS,
  TEAMS,
  type Bucket,
  type Evidence,
  type Labels,
  type OrderState,
  type Party,
  type ReasonCode,
  type ReasonGroup,
  type RefundReason,
  type Remedy,
  type ShippingPayer,
  type Team,
} from './taxonomy.ts';

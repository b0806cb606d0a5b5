/**
 * kefu/sla: the service deadlines of a customer-service team's day. When a neutral or negative
 * review must be handled (SLA-1), which parcels to chase with their couriers and which regions are
 * slow (SLA-2), where a reported problem is escalated and by when it needs a solution (SLA-3) with
 * the prepared plans of the emergency classes (SLA-4), and the daily after-sale record (RF-6). Working
 * days come from kefu/calendar; every instant is read and written in the shop's explicit time zone.
 *
 * @packageDocumentation
 */
export { KefuError, toResult, type KefuErrorCode, type KefuIssue, type KefuResult } from '../core/errors.ts';
export {
  AFTER_SALE_TYPE_LABELS,
  AFTER_SALE_TYPES,
  AfterSaleEvent,
  afterSaleLog,
  AfterSaleLogOptions,
  type AfterSaleCount,
  type AfterSaleDay,
  type AfterSaleLog,
  type AfterSaleRow,
  type AfterSaleTotals,
  type AfterSaleType,
} from './after-sale.ts';
export {
  DEFAULT_ESCALATION_MATRIX,
  escalate,
  escalationMatrix,
  EscalationMatrixInput,
  EscalationProblem,
  PROBLEM_TYPES,
  type Escalation,
  type EscalationCell,
  type EscalationMatrix,
  type ProblemType,
} from './escalate.ts';
export {
  ParcelPolicy,
  parcelFollowUps,
  Shipment,
  type CourierRecord,
  type ParcelFollowUp,
  type ParcelFollowUpGroup,
  type ParcelFollowUps,
  type RegionRecord,
} from './parcels.ts';
export { EMERGENCY_CLASSES, EMERGENCY_PLANS, type Bilingual, type EmergencyClass, type EmergencyPlan, type EmergencySituation } from './plans.ts';
export {
  BatchReview,
  REVIEW_RATINGS,
  reviewDeadline,
  reviewDeadlines,
  ReviewDeadlinesInput,
  ReviewInput,
  ReviewPolicy,
  type ReviewDeadline,
  type ReviewDeadlineBasis,
  type ReviewDeadlines,
  type ReviewRating,
  type ReviewReason,
  type ReviewState,
  type ReviewTrack,
} from './review.ts';
export { addServiceDays, isServiceDay, SERVICE_WORKDAYS, ServiceCalendar, type ServiceWorkdays } from './service-days.ts';

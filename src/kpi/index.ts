/**
 * kefu/kpi: agent metrics from raw counters (KPI-1), scorecards and rankings within the shop
 * (KPI-2), shop scores kept off agents and compared as trends (KPI-3), exact target cascades
 * (KPI-4), tiered payouts (KPI-5), event-day leaderboards and watchlists (KPI-6) and phase
 * reviews (KPI-7), all as data and exact arithmetic (KPI-8).
 *
 * @packageDocumentation
 */
export { KefuError, toResult, type KefuErrorCode, type KefuIssue, type KefuResult } from '../core/errors.ts';
export { allocate, AllocateOptions, PrizeAwardsInput, prizeAwards, TiePolicy, type PrizeAward } from './allocate.ts';
export { attributeInquiries, AttributeInquiriesOptions, KpiChat, KpiOrder, type AttributionResult } from './attribute.ts';
export { cascadeTargets, CascadeTargetsInput, type AgentDayTarget, type AgentTarget, type CascadeTargetsResult, type DayTarget, type ShopTarget } from './cascade.ts';
export { groupLeaderboard, leaderboard, LeaderboardOptions, type GroupStanding, type LeaderboardEntry } from './leaderboard.ts';
export {
  deriveMetrics,
  DeriveMetricsOptions,
  MetricDefinition,
  MetricDirection,
  MetricFormula,
  METRICS,
  MetricUnit,
  type AgentMetricId,
  type DerivedMetrics,
  type MetricValue,
  type ResolvedMetricDefinition,
  type ShopMetricId,
} from './metrics.ts';
export { Normalize } from './normalize.ts';
export { payout, PayoutSchedule, type PayoutResult } from './payout.ts';
export { COUNTER_NAMES, CreditRule, KpiCounters, KpiPeriod, KpiRecord, mergeRecords, MergeRecordsOptions, type CounterName, type KpiCountersOutput, type KpiRecordOutput } from './record.ts';
export { scoreAgents, Scorecard, ScorecardItem, type AgentScore, type MetricScore, type UnscoredReason } from './scorecard.ts';
export { phaseReview, PhaseReviewInput, relativeTrend, RelativeTrendOptions, type GrowthComparison, type PhaseResult, type PhaseReviewResult, type RelativeTrendResult, type TrendPoint, type TrendVerdict } from './trend.ts';
export { conversionWatchlist, ConversionWatchlistOptions, type WatchlistEntry, type WatchStatus } from './watchlist.ts';

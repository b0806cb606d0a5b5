/**
 * kefu/headcount: from a sales target to receptions (HC-1..HC-4), to the agents each interval
 * needs (Erlang C, Erlang A, chat concurrency, occupancy cap, shrinkage), to the hiring gap
 * (HC-5, HC-6).
 *
 * @packageDocumentation
 */
export { KefuError, toResult, type KefuErrorCode, type KefuIssue, type KefuResult } from '../core/errors.ts';
export { ChatModel, DEFAULT_CONCURRENCY_FACTORS, requiredChatAgents, RequiredChatAgentsInput, type RequiredChatAgentsResult } from './chat.ts';
export { erlangA, ErlangAInput, type ErlangAResult } from './erlang-a.ts';
export { erlangB, erlangBFractional } from './erlang-b.ts';
export { erlangC, ErlangCInput, type ErlangCResult } from './erlang-c.ts';
export { receptionsFromFunnel, ReceptionsFromFunnelInput, type ReceptionsFromFunnelResult } from './funnel.ts';
export { MAX_TRAFFIC_ERLANGS, ServiceLevelDefinition, ServiceLevelTarget } from './inputs.ts';
export { planStaffing, PlanStaffingInput, type PlanStaffingResult, type StaffingDay, type StaffingInterval } from './plan.ts';
export { DOUBLE_11_EVENT_DAY_PROFILE } from './profiles.ts';
export { requiredAgents, RequiredAgentsInput, type RequiredAgentsResult, type StaffingConstraint, type StaffingMetrics } from './required-agents.ts';
export { scheduledSeats } from './shrinkage.ts';

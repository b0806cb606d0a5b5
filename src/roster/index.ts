/**
 * kefu/roster: shifts for named agents from hourly demand per skill, under labour rules
 * (RO-1..RO-7), with the unmet demand, its causes, a lower bound and what-if levers.
 *
 * @packageDocumentation
 */
export { KefuError, toResult, type KefuErrorCode, type KefuIssue, type KefuResult } from '../core/errors.ts';
export type { BindingRule, RosterExplanation, UnmetReason, UnmetReasonCode, WhatIfLever } from './explain.ts';
export { generateRosterAsync, RosterEngineOptions } from './generate-async.ts';
export { generateRoster, type RosterEngineReport, type RosterAssignment, type RosterCoverage, type RosterFairness, type RosterObjectiveTerms, type RosterResult, type RosterTotals, type RosterUnmet } from './generate.ts';
export { CoreTeamRule, FixedShift, RosterAgent, RosterInput, RosterRules, RosterWeights, ShiftRequest, ShiftTemplate, SkillRatio, Unavailability } from './input.ts';
export { RosterAssignmentInput, validateRoster, type RosterViolation, type RosterViolationCode } from './validate.ts';

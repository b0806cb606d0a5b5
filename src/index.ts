/**
 * kefu (客服): the rules that run an e-commerce customer-service team. Each domain is also its
 * own entry point (`kefu/headcount`, …); this root re-exports them all.
 *
 * @packageDocumentation
 */
export * from './headcount/index.ts';
export * from './roster/index.ts';
export * from './kpi/index.ts';
export * from './refunds/index.ts';
export * from './calendar/index.ts';
export * from './sla/index.ts';
export * from './chase/index.ts';

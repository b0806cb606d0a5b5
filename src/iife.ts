/**
 * The script-tag / Apps Script bundle (global `Kefu`). It holds the domains that fit the 90 kB
 * gzip budget together; `kefu/refunds`, `kefu/chase`, `kefu/sla` and `kefu/calendar` join once
 * the bundle is trimmed (issue 7). Import `kefu` for everything.
 *
 * @packageDocumentation
 */
export * from './headcount/index.ts';
export * from './roster/index.ts';
export * from './kpi/index.ts';

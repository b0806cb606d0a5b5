/**
 * The script-tag bundle (`dist/kefu.iife.js`, global `Kefu`): headcount, roster and KPI. Google
 * Sheets has its own bundle, `dist/kefu.gs.js` (src/gs.ts), with the custom functions and the
 * refunds, chase and service-deadline rules they use; both stay under 90 kB gzip. Import `kefu` for
 * everything.
 *
 * @packageDocumentation
 */
export * from './headcount/index.ts';
export * from './roster/index.ts';
export * from './kpi/index.ts';

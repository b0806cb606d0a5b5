// Internal toolbox shared by the domains. Not a public entry point: domains re-export what users need.
export { KefuError, invalid, toResult, type KefuErrorCode, type KefuIssue, type KefuResult } from './errors.ts';
export { parseInput, formatPath, describe } from './validate.ts';

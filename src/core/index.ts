// Internal toolbox shared by the domains. Not a public entry point: domains re-export what users need.
export { allocate } from './allocate.ts';
export { KefuError, invalid, toResult, type KefuErrorCode, type KefuIssue, type KefuResult } from './errors.ts';
export { ceil, compare, div, floor, mul, rational, sub, toNumber, type Rational } from './exact.ts';
export { Dec, formatMoney, MoneyInputSchema, ROUNDING_MODES, roundTo, roundToUnit, toDecimal, toPlainDecimal, toUnit, type RoundingMode } from './money.ts';
export { createRng, type Rng } from './rng.ts';
export * from './time.ts';
export { describe, formatPath, parseInput } from './validate.ts';

import * as z from 'zod/mini';
import { Dec } from './decimal.ts';
import { invalid } from './errors.ts';
import { describe } from './validate.ts';

export { Dec } from './decimal.ts';

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const AMOUNT_EXPECTED = 'expected an amount as a number or a decimal string such as "199.00"';

/**
 * An amount as users write it: a finite number, or a plain decimal string (optional leading
 * `-`, digits, optional `.digits`). Exponents, spaces, `+` and thousands separators are
 * rejected because they are usually a copy-paste accident, not an amount.
 *
 * @example
 * ```ts
 * const Refund = z.object({ amount: MoneyInputSchema });
 * parseInput(Refund, { amount: '199.00' }, 'refund'); // ok
 * parseInput(Refund, { amount: '1,999' }, 'refund'); // throws: amount: expected an amount as a number or a decimal string such as "199.00", received "1,999"
 * ```
 */
export const MoneyInputSchema = /* @__PURE__ */ z.custom<number | string>(
  (value) => (typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && PLAIN_DECIMAL.test(value)),
  { error: AMOUNT_EXPECTED },
);

/**
 * How to round a value that lies between two representable amounts. `halfUp` rounds ties away
 * from zero (the usual commercial rule), `halfEven` to the even neighbour (banker's rounding),
 * `halfDown` toward zero; `up` always rounds away from zero, `down` toward zero (truncation),
 * `ceil` toward +∞ and `floor` toward −∞.
 *
 * @example
 * ```ts
 * const mode: RoundingMode = 'halfEven';
 * ```
 */
export type RoundingMode = 'halfUp' | 'halfEven' | 'halfDown' | 'up' | 'down' | 'ceil' | 'floor';

/**
 * Every {@link RoundingMode}, for schemas and pickers.
 *
 * @example
 * ```ts
 * const Options = z.object({ rounding: z.enum(ROUNDING_MODES) });
 * ```
 */
export const ROUNDING_MODES = ['halfUp', 'halfEven', 'halfDown', 'up', 'down', 'ceil', 'floor'] as const satisfies readonly RoundingMode[];

/**
 * Reads an amount as plain decimal text (no exponent), or throws `INVALID_INPUT` naming `path`.
 * Accepts what {@link MoneyInputSchema} accepts, plus {@link Dec} instances. A number is
 * read through its shortest round-trip decimal form (`String(n)`), so `0.1` means exactly 0.1,
 * not the binary double 0.1000000000000000055…: amounts typed as numbers keep the value the user
 * wrote. Cheaper than {@link toDecimal} when only the digits are needed (bulk weights).
 *
 * @example
 * ```ts
 * toPlainDecimal(0.1); // '0.1'
 * toPlainDecimal(1e-7); // '0.0000001'
 * toPlainDecimal('1e5', 'weights.alice'); // throws: weights.alice: expected an amount …, received "1e5"
 * ```
 */
export function toPlainDecimal(value: unknown, path = 'amount'): string {
  if (typeof value === 'string' && PLAIN_DECIMAL.test(value)) return value;
  if (typeof value === 'number' && Number.isFinite(value)) {
    const text = String(value);
    // String() switches to exponent form below 1e-7 and from 1e21; Dec spells those out.
    return PLAIN_DECIMAL.test(text) ? text : new Dec(value).toString();
  }
  if (value instanceof Dec) return value.toString();
  return invalid(path, `${AMOUNT_EXPECTED}, received ${describe(value)}`);
}

/**
 * Reads an amount into a {@link Dec}, or throws `INVALID_INPUT` naming `path`. Same rules as
 * {@link toPlainDecimal}: `0.1` means exactly 0.1.
 *
 * @example
 * ```ts
 * toDecimal(0.1).plus(0.2).eq(0.3); // true
 * toDecimal('abc', 'weights.alice'); // throws: weights.alice: expected an amount …, received "abc"
 * ```
 */
export function toDecimal(value: unknown, path = 'amount'): Dec {
  if (value instanceof Dec) return value;
  return new Dec(typeof value === 'number' && Number.isFinite(value) ? value : toPlainDecimal(value, path));
}

function roundingOf(rounding: unknown): RoundingMode {
  if ((ROUNDING_MODES as readonly unknown[]).includes(rounding)) return rounding as RoundingMode;
  return invalid('rounding', `expected one of ${ROUNDING_MODES.map((m) => `"${m}"`).join(', ')}, received ${describe(rounding)}`);
}

function checkPlaces(places: unknown): number {
  if (typeof places === 'number' && Number.isInteger(places) && places >= 0 && places <= 100) return places;
  return invalid('places', `expected an integer from 0 to 100, received ${describe(places)}`);
}

/**
 * Rounds to `places` decimal places (an integer from 0 to 100) with the given mode.
 *
 * @example
 * ```ts
 * roundTo('2.345', 2, 'halfEven').toFixed(2); // '2.34'
 * roundTo(-2.5, 0, 'halfUp').toFixed(0); // '-3'
 * ```
 */
export function roundTo(value: Dec | number | string, places: number, rounding: RoundingMode = 'halfUp'): Dec {
  return toDecimal(value).toDecimalPlaces(checkPlaces(places), roundingOf(rounding));
}

/**
 * Rounds to a multiple of `unit`, a positive decimal such as `'0.01'` (cents), `'1'` or `'0.05'`
 * (cash rounding).
 *
 * @example
 * ```ts
 * roundToUnit('1.23', '0.05', 'halfUp').toFixed(2); // '1.25'
 * roundToUnit('1.23', '0.05', 'floor').toFixed(2); // '1.20'
 * ```
 */
export function roundToUnit(value: Dec | number | string, unit: string, rounding: RoundingMode = 'halfUp'): Dec {
  return toDecimal(value).toNearest(toUnit(unit), roundingOf(rounding));
}

/**
 * Reads a rounding unit (a positive amount such as `'0.01'`) into a {@link Dec}, or throws
 * `INVALID_INPUT` naming `path`: a zero or negative unit has no multiples to round to.
 *
 * @example
 * ```ts
 * toUnit('0.05').dp(); // 2
 * toUnit('0', 'options.unit'); // throws: options.unit: expected a positive unit such as "0.01", received "0"
 * ```
 */
export function toUnit(unit: unknown, path = 'unit'): Dec {
  const d = toDecimal(unit, path);
  if (d.lte(0)) invalid(path, `expected a positive unit such as "0.01", received ${describe(unit)}`);
  return d;
}

/**
 * Formats an amount with exactly `places` decimals (0 to 100), no grouping and no exponent, independent of
 * the host locale. Zero never carries a sign: `-0` and `-0.001` both print as `'0.00'`.
 *
 * @example
 * ```ts
 * formatMoney(1000); // '1000.00'
 * formatMoney('-0.005', 'halfUp'); // '-0.01'
 * formatMoney('-0.004'); // '0.00'
 * ```
 */
export function formatMoney(value: Dec | number | string, rounding: RoundingMode = 'halfUp', places = 2): string {
  return roundTo(value, places, rounding).toFixed(places); // Dec has no negative zero
}

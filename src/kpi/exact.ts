// Exact fractions of bigints for the KPI rules: metric values, scores, targets and payouts are
// computed without a single float step, then rounded once at the end in a named mode. BigInt
// values come from `BigInt()` calls, never `1n` literals, so the code compiles for ES2019.
import { compare, div, mul, sub, type Rational } from '../core/exact.ts';
import { toPlainDecimal, type RoundingMode } from '../core/money.ts';

export type { Rational };
export { compare, div, mul, sub };

export const ZERO = /* @__PURE__ */ BigInt(0);
export const ONE = /* @__PURE__ */ BigInt(1);
export const TWO = /* @__PURE__ */ BigInt(2);
export const HUNDRED = /* @__PURE__ */ BigInt(100);
export const TEN_THOUSAND = /* @__PURE__ */ BigInt(10000);

const POWERS: bigint[] = [];

/** 10^exponent as a bigint (cached). */
export function pow10(exponent: number): bigint {
  let p = POWERS[exponent];
  if (p === undefined) {
    p = BigInt(10) ** BigInt(exponent);
    POWERS[exponent] = p;
  }
  return p;
}

/** The fraction `num / den`. */
export function frac(num: bigint, den: bigint = ONE): Rational {
  return { num, den };
}

/** `a + b`. */
export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

/** The smaller of two fractions (the first on a tie). */
export function min(a: Rational, b: Rational): Rational {
  return compare(b, a) < 0 ? b : a;
}

/** The larger of two fractions (the first on a tie). */
export function max(a: Rational, b: Rational): Rational {
  return compare(b, a) > 0 ? b : a;
}


/** True when `r` is 0. */
export function isZero(r: Rational): boolean {
  return r.num === ZERO;
}

/**
 * `r` rounded to an integer in a named mode (the same names as core money rounding). Exact for
 * any size: it works on the integer quotient and remainder.
 */
export function roundRational(r: Rational, mode: RoundingMode): bigint {
  return divRound(r.num, r.den, mode);
}

/** `num ÷ den` (den > 0) rounded to an integer in a named mode, exactly. */
export function divRound(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const q = num / den; // truncates toward zero
  const rem = num - q * den;
  if (rem === ZERO) return q;
  const negative = num < ZERO;
  const away = negative ? q - ONE : q + ONE;
  const twice = TWO * (negative ? -rem : rem);
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'floor':
      return negative ? away : q;
    case 'ceil':
      return negative ? q : away;
    case 'halfUp':
      return twice >= den ? away : q;
    case 'halfDown':
      return twice > den ? away : q;
    case 'halfEven':
      return twice > den || (twice === den && q % TWO !== ZERO) ? away : q;
  }
}

/** The nearest double to `r` (correctly rounded when both parts are safe integers). */
export function toFloat(r: Rational): number {
  const n = Number(r.num);
  const d = Number(r.den);
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return n / d;
  // Keep 17 significant digits of the quotient before leaving bigints.
  const shift = Math.max(0, 17 - (String(r.num < ZERO ? -r.num : r.num).length - String(r.den).length));
  return Number((r.num * pow10(shift)) / r.den) / 10 ** shift;
}

/** Decimal digits of an integer scaled by 10^places, as plain text (`12345, 2` → `123.45`). */
export function formatScaled(value: bigint, places: number): string {
  const negative = value < ZERO;
  const digits = String(negative ? -value : value).padStart(places + 1, '0');
  const cut = digits.length - places;
  const text = places > 0 ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits;
  return negative && value !== ZERO ? `-${text}` : text;
}

/** `r` as a decimal string with `places` decimals, rounded once in `mode`. */
export function formatRational(r: Rational, places: number, mode: RoundingMode = 'halfUp'): string {
  return formatScaled(roundRational({ num: r.num * pow10(places), den: r.den }, mode), places);
}

/**
 * Reads an amount (finite number or plain decimal string) as an exact fraction, or throws
 * `INVALID_INPUT` naming `path`. A number is read as the decimal it prints as: 0.1 is 1/10.
 */
export function toRational(value: unknown, path: string): Rational {
  const text = toPlainDecimal(value, path);
  return decimalText(text);
}

/** A plain decimal text (`-12.50`) as an exact fraction with a power-of-ten denominator. */
export function decimalText(text: string): Rational {
  const dot = text.indexOf('.');
  if (dot < 0) return { num: BigInt(text), den: ONE };
  const places = text.length - dot - 1;
  return { num: BigInt(text.slice(0, dot) + text.slice(dot + 1)), den: pow10(places) };
}

/**
 * A non-negative amount with at most `places` decimals as an integer count of 10^-places units
 * (money with 2 places gives fen), or `undefined` when the value is not one: negative, not a
 * finite number or plain decimal string, too many decimals, or 2^53 units or more. The result is
 * a safe integer, exact as a double.
 */
export function readScaled(value: unknown, places: number): number | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (Number.isSafeInteger(value)) {
      if (value < 0) return undefined;
      const scaled = value * 10 ** places + 0; // + 0 turns -0 into 0
      return Number.isSafeInteger(scaled) ? scaled : undefined;
    }
    text = toPlainDecimal(value);
  } else if (typeof value === 'string') {
    const fast = readPlainString(value, places);
    if (fast !== undefined) return fast;
    if (!PLAIN.test(value)) return undefined;
    text = value;
  } else {
    return undefined;
  }
  if (text.startsWith('-')) {
    if (/[1-9]/.test(text)) return undefined;
    text = text.slice(1);
  }
  const dot = text.indexOf('.');
  const fraction = dot < 0 ? '' : text.slice(dot + 1).replace(/0+$/, '');
  if (fraction.length > places) return undefined;
  const digits = ((dot < 0 ? text : text.slice(0, dot)) + fraction.padEnd(places, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return undefined;
  const scaled = Number(digits) + 0;
  return Number.isSafeInteger(scaled) ? scaled : undefined;
}

/**
 * The common case of {@link readScaled} without regular expressions or slicing: unsigned digits
 * with an optional point and at most `places` decimals, value below 2^53 units. `undefined` means
 * "not this simple case" (the caller then takes the general path), never "invalid".
 */
function readPlainString(text: string, places: number): number | undefined {
  const length = text.length;
  if (length === 0 || length > 15) return undefined;
  let units = 0;
  let decimals = -1;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (decimals >= 0 || i === 0 || i === length - 1) return undefined;
      decimals = 0;
      continue;
    }
    if (code < 48 || code > 57) return undefined;
    if (decimals >= 0) {
      decimals++;
      if (decimals > places) return undefined;
    }
    units = units * 10 + (code - 48);
  }
  // At most 15 characters: below 10^15 units before scaling, exact in a double.
  const scaled = units * 10 ** (places - Math.max(decimals, 0));
  return Number.isSafeInteger(scaled) ? scaled : undefined;
}

/** Decimal text of an integer count of 10^-places units (`12345, 2` → `"123.45"`). */
export function formatUnits(value: number, places: number): string {
  return formatScaled(BigInt(value), places);
}

const PLAIN = /^-?\d+(\.\d+)?$/;

/**
 * Exact rational arithmetic for the few places where a float ceiling would be wrong:
 * `21 / 0.7` is `30.000000000000004` in floating point, and its ceiling 31 is one agent too many.
 * A number is read as the decimal it prints as (`0.7` is 7/10), then kept as a fraction of BigInts.
 *
 * BigInt values are built with `BigInt()` rather than `1n` literals so the code still compiles for
 * the ES2019 Apps Script bundle.
 */

/** A fraction `num / den` with `den > 0`. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TEN = BigInt(10);

/**
 * The exact rational value of a finite number's shortest decimal representation.
 *
 * @example
 * ```ts
 * rational(0.7); // { num: 7n, den: 10n }
 * rational(1e-7); // { num: 1n, den: 10000000n }
 * ```
 */
export function rational(value: number): Rational {
  if (Number.isSafeInteger(value)) return { num: BigInt(value), den: ONE };
  if (!Number.isFinite(value)) throw new RangeError(`rational: not a finite number: ${value}`);
  const [mantissa = '0', exponentText = '0'] = String(value).split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  const exponent = Number(exponentText) - fraction.length;
  let num = BigInt(whole + fraction);
  let den = ONE;
  if (exponent >= 0) num *= powerOfTen(exponent);
  else den = powerOfTen(-exponent);
  return { num: negative ? -num : num, den };
}

const POWERS_OF_TEN: bigint[] = [];

function powerOfTen(exponent: number): bigint {
  return (POWERS_OF_TEN[exponent] ??= TEN ** BigInt(exponent));
}

/** `a × b`. */
export function mul(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** `a ÷ b`, for `b ≠ 0`. */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === ZERO) throw new RangeError('div: division by zero');
  const sign = b.num < ZERO ? -ONE : ONE;
  return { num: a.num * b.den * sign, den: a.den * b.num * sign };
}

/** `a − b`. */
export function sub(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

/** The smallest integer `≥ r`, as a number. */
export function ceil(r: Rational): number {
  const q = r.num / r.den; // truncates toward zero
  return Number(r.num > ZERO && q * r.den !== r.num ? q + ONE : q);
}

/** The largest integer `≤ r`, as a number. */
export function floor(r: Rational): number {
  const q = r.num / r.den;
  return Number(r.num < ZERO && q * r.den !== r.num ? q - ONE : q);
}

/** Sign of `a − b`: -1, 0 or 1. */
export function compare(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d > ZERO ? 1 : d < ZERO ? -1 : 0;
}

/** The nearest float to `r` (exactly `r` when it is representable). */
export function toNumber(r: Rational): number {
  return Number(r.num) / Number(r.den);
}

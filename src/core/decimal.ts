import type { RoundingMode } from './money.ts';

// BigInt values come from `BigInt()`, never `1n` literals, so the code still compiles for the
// ES2019 Apps Script bundle.
const ZERO = /* @__PURE__ */ BigInt(0);
const ONE = /* @__PURE__ */ BigInt(1);
const TWO = /* @__PURE__ */ BigInt(2);
const TEN = /* @__PURE__ */ BigInt(10);

/** Significant digits kept by a quotient that does not fit them exactly (see {@link Dec.div}). */
const PRECISION = 60;
/** Significant digits of a quotient's first, cheap attempt: those that still fit a safe integer. */
const SHORT = 15;
/** 2^53 − 1: a coefficient up to this size converts to a double exactly. */
const MAX_SAFE = /* @__PURE__ */ BigInt(Number.MAX_SAFE_INTEGER);
/** 10^0 … 10^22, every one an exact double. */
const EXACT = /* @__PURE__ */ Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Largest written exponent accepted (`'1e1000'`); doubles stay within ±324. */
const MAX_EXPONENT = 1000;

/** Optional `-`, digits, optional `.digits`, optional exponent: what `String(n)` prints for a finite `n`. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

const POWERS: bigint[] = [];

/** `10^n` for an integer `n >= 0`, cached. */
function pow10(n: number): bigint {
  return (POWERS[n] ??= TEN ** BigInt(n));
}

/**
 * `n / d` rounded to an integer in `mode`, for `d > 0`. BigInt division truncates toward zero
 * and the remainder takes the sign of `n`, so the truncated quotient only ever moves away from zero.
 */
function roundDiv(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === ZERO) return q;
  const negative = n < ZERO;
  const twice = (negative ? -r : r) * TWO;
  const away =
    mode === 'up' ||
    (mode === 'ceil' && !negative) ||
    (mode === 'floor' && negative) ||
    (mode[0] === 'h' && (twice > d || (twice === d && (mode === 'halfUp' || (mode === 'halfEven' && (q & ONE) !== ZERO)))));
  return away ? (negative ? q - ONE : q + ONE) : q;
}

/** Integer `c` read with `places` decimals (`places >= 1`), as fixed-point text. */
function fixed(c: bigint, places: number): string {
  const negative = c < ZERO;
  const digits = String(negative ? -c : c).padStart(places + 1, '0');
  const cut = digits.length - places;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

function checkPlaces(places: number): void {
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`Dec: expected decimal places as an integer >= 0, received ${places}`);
}

/** What {@link Dec} reads: another `Dec`, a finite number or a decimal string. */
export type DecValue = Dec | number | string;

const dec = (value: DecValue): Dec => (value instanceof Dec ? value : new Dec(value));

/**
 * kefu's exact decimal: an immutable value `c × 10^e` with a BigInt coefficient `c` and an integer
 * exponent `e`. Sums, differences, products, remainders and roundings are exact, whatever the
 * size; only a quotient that does not fit 60 significant digits is rounded (half-up, see
 * {@link Dec.div}). Zero has no sign: `-0` reads as `0`, and no result is ever a negative zero.
 *
 * Reads a finite number through its shortest round-trip text (`String(n)`, so `0.1` is exactly
 * 0.1 and `1e-7` is 0.0000001), a decimal string (optional `-`, digits, optional `.digits` and
 * optional exponent such as `e-7`, at most ±1000), another `Dec`, or a BigInt coefficient and an
 * exponent. Anything else throws a `RangeError`: validate user input first with `toDecimal`.
 *
 * Arguments of the methods are read the same way. Text never uses exponent notation.
 *
 * @example
 * ```ts
 * new Dec('0.1').plus(0.2).toFixed(2); // '0.30'
 * new Dec(1).div(3).toFixed(4); // '0.3333'
 * new Dec(BigInt(12345), -2).toString(); // '123.45'
 * new Dec(1e21).toString(); // '1000000000000000000000'
 * ```
 */
export class Dec {
  /** The coefficient: the value is `c × 10^e`. Not normalised: `'1.50'` keeps `c = 150, e = -2`. */
  readonly c: bigint;
  /** The base-10 exponent. */
  readonly e: number;

  /**
   * @param value The value, or with `exponent` the BigInt coefficient.
   * @param exponent The base-10 exponent of a BigInt coefficient.
   */
  constructor(value: DecValue | bigint, exponent = 0) {
    if (typeof value === 'bigint') {
      this.c = value;
      this.e = exponent;
    } else if (value instanceof Dec) {
      this.c = value.c;
      this.e = value.e;
    } else if (Number.isSafeInteger(value)) {
      this.c = BigInt(value); // -0 becomes 0
      this.e = 0;
    } else {
      const m = typeof value === 'number' || typeof value === 'string' ? DECIMAL.exec(String(value)) : null;
      const written = Number(m?.[4] ?? 0);
      if (m == null || Math.abs(written) > MAX_EXPONENT) {
        throw new RangeError(`Dec: expected a finite number or a decimal string, received ${typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? value : typeof value}`);
      }
      const fraction = m[3] ?? '';
      const digits = BigInt(m[2] + fraction);
      this.c = m[1] ? -digits : digits;
      this.e = written - fraction.length;
    }
  }

  /**
   * `this + y`, exact.
   *
   * @example
   * ```ts
   * new Dec('0.1').plus('0.2').eq('0.3'); // true
   * ```
   */
  plus(y: DecValue): Dec {
    const b = dec(y);
    const d = this.e - b.e;
    if (d === 0) return new Dec(this.c + b.c, this.e);
    return d > 0 ? new Dec(this.c * pow10(d) + b.c, b.e) : new Dec(this.c + b.c * pow10(-d), this.e);
  }

  /**
   * `this − y`, exact.
   *
   * @example
   * ```ts
   * new Dec(1).minus('0.9').toString(); // '0.1'
   * ```
   */
  minus(y: DecValue): Dec {
    const b = dec(y);
    return this.plus(new Dec(-b.c, b.e));
  }

  /**
   * `this × y`, exact.
   *
   * @example
   * ```ts
   * new Dec('1.1').times('1.1').toString(); // '1.21'
   * ```
   */
  times(y: DecValue): Dec {
    const b = dec(y);
    return new Dec(this.c * b.c, this.e + b.e);
  }

  /**
   * `this ÷ y`. Exact whenever the quotient has at most 60 significant digits (every
   * terminating quotient of everyday amounts); otherwise rounded half-up (ties away from zero)
   * to 60 significant digits, as kefu's decimal.js configuration did. Throws a `RangeError`
   * when `y` is zero.
   *
   * @example
   * ```ts
   * new Dec(1).div(8).toString(); // '0.125'
   * new Dec(2).div(3).toString(); // '0.666…667' (60 significant digits)
   * ```
   */
  div(y: DecValue): Dec {
    const b = dec(y);
    if (b.c === ZERO) throw new RangeError('Dec: division by zero');
    const n = this.c < ZERO ? -this.c : this.c;
    const d = b.c < ZERO ? -b.c : b.c;
    if (n === ZERO) return new Dec(ZERO);
    // n / d lies in [10^(k-1), 10^(k+1)); after the comparison in [10^(k-1), 10^k).
    let k = String(n).length - String(d).length;
    if (k >= 0 ? n >= d * pow10(k) : n * pow10(-k) >= d) k++;
    // First the leading SHORT digits, N / D with N / D = n / d × 10^s: most quotients of amounts
    // end within them, and stay small. Otherwise the remainder gives the rest, rounded once.
    let s = SHORT - k;
    const big = s < 0 ? d * pow10(-s) : d;
    let q = (s > 0 ? n * pow10(s) : n) / big;
    const r = (s > 0 ? n * pow10(s) : n) - q * big;
    if (r !== ZERO) {
      const more = pow10(PRECISION - SHORT);
      q = q * more + roundDiv(r * more, big, 'halfUp');
      s += PRECISION - SHORT;
    }
    return new Dec(this.c < ZERO !== b.c < ZERO ? -q : q, this.e - b.e - s);
  }

  /**
   * The remainder of `this ÷ y` truncated toward zero, exact; it takes the sign of `this`.
   * Throws a `RangeError` when `y` is zero.
   *
   * @example
   * ```ts
   * new Dec('7.5').mod(2).toString(); // '1.5'
   * new Dec('-7.5').mod(2).toString(); // '-1.5'
   * ```
   */
  mod(y: DecValue): Dec {
    const b = dec(y);
    if (b.c === ZERO) throw new RangeError('Dec: modulo by zero');
    const e = Math.min(this.e, b.e);
    return new Dec((this.c * pow10(this.e - e)) % (b.c * pow10(b.e - e)), e);
  }

  /**
   * `-1`, `0` or `1` as `this` is below, equal to or above `y`.
   *
   * @example
   * ```ts
   * new Dec('1.50').cmp('1.5'); // 0
   * ```
   */
  cmp(y: DecValue): -1 | 0 | 1 {
    const b = dec(y);
    const d = this.e - b.e;
    const x = d > 0 ? this.c * pow10(d) : this.c;
    const z = d < 0 ? b.c * pow10(-d) : b.c;
    return x < z ? -1 : x > z ? 1 : 0;
  }

  /**
   * `this = y`.
   *
   * @example
   * ```ts
   * new Dec('2.50').eq(2.5); // true
   * ```
   */
  eq(y: DecValue): boolean {
    return this.cmp(y) === 0;
  }

  /**
   * `this > y`.
   *
   * @example
   * ```ts
   * new Dec(2).gt(1); // true
   * ```
   */
  gt(y: DecValue): boolean {
    return this.cmp(y) > 0;
  }

  /**
   * `this ≥ y`.
   *
   * @example
   * ```ts
   * new Dec(1).gte('1.0'); // true
   * ```
   */
  gte(y: DecValue): boolean {
    return this.cmp(y) >= 0;
  }

  /**
   * `this < y`.
   *
   * @example
   * ```ts
   * new Dec('0.99').lt(1); // true
   * ```
   */
  lt(y: DecValue): boolean {
    return this.cmp(y) < 0;
  }

  /**
   * `this ≤ y`.
   *
   * @example
   * ```ts
   * new Dec(1).lte(1); // true
   * ```
   */
  lte(y: DecValue): boolean {
    return this.cmp(y) <= 0;
  }

  /**
   * Whether the value is 0.
   *
   * @example
   * ```ts
   * new Dec('-0.00').isZero(); // true
   * ```
   */
  isZero(): boolean {
    return this.c === ZERO;
  }

  /**
   * Whether the value is below 0 (zero is never negative, unlike decimal.js's `-0`).
   *
   * @example
   * ```ts
   * new Dec('-0.01').isNegative(); // true
   * new Dec('-0').isNegative(); // false
   * ```
   */
  isNegative(): boolean {
    return this.c < ZERO;
  }

  /**
   * Whether the value is above 0 (zero is not positive, unlike decimal.js's `+0`).
   *
   * @example
   * ```ts
   * new Dec('0.01').isPositive(); // true
   * new Dec(0).isPositive(); // false
   * ```
   */
  isPositive(): boolean {
    return this.c > ZERO;
  }

  /**
   * The absolute value.
   *
   * @example
   * ```ts
   * new Dec('-2.5').abs().toString(); // '2.5'
   * ```
   */
  abs(): Dec {
    return this.c < ZERO ? new Dec(-this.c, this.e) : this;
  }

  /**
   * The smallest integer `≥ this`.
   *
   * @example
   * ```ts
   * new Dec('2.1').ceil().toString(); // '3'
   * new Dec('-2.9').ceil().toString(); // '-2'
   * ```
   */
  ceil(): Dec {
    return this.toDecimalPlaces(0, 'ceil');
  }

  /**
   * Decimal places, trailing zeros aside.
   *
   * @example
   * ```ts
   * new Dec('1.50').dp(); // 1
   * new Dec('100').dp(); // 0
   * ```
   */
  dp(): number {
    if (this.e >= 0 || this.c === ZERO) return 0;
    const digits = String(this.c);
    let zeros = 0;
    while (digits.charCodeAt(digits.length - 1 - zeros) === 48) zeros++;
    return Math.max(0, -this.e - zeros);
  }

  /**
   * Rounded to `places` decimal places (an integer `>= 0`) in `rounding` (default `halfUp`).
   *
   * @example
   * ```ts
   * new Dec('2.345').toDecimalPlaces(2, 'halfEven').toString(); // '2.34'
   * new Dec('-2.5').toDecimalPlaces(0).toString(); // '-3'
   * ```
   */
  toDecimalPlaces(places: number, rounding: RoundingMode = 'halfUp'): Dec {
    checkPlaces(places);
    const k = -this.e - places;
    return k > 0 ? new Dec(roundDiv(this.c, pow10(k), rounding), -places) : this;
  }

  /**
   * The multiple of a positive `unit` that `rounding` (default `halfUp`) picks: the quotient
   * `this ÷ unit` is rounded to an integer, exactly, then multiplied back. Throws a
   * `RangeError` when `unit` is not positive.
   *
   * @example
   * ```ts
   * new Dec('1.23').toNearest('0.05').toString(); // '1.25'
   * new Dec('1.225').toNearest('0.05', 'halfEven').toString(); // '1.2'
   * ```
   */
  toNearest(unit: DecValue, rounding: RoundingMode = 'halfUp'): Dec {
    const u = dec(unit);
    if (u.c <= ZERO) throw new RangeError(`Dec: expected a positive unit, received ${u.toString()}`);
    const e = Math.min(this.e, u.e);
    const step = u.c * pow10(u.e - e);
    return new Dec(roundDiv(this.c * pow10(this.e - e), step, rounding) * step, e);
  }

  /**
   * Plain text with exactly `places` decimals, rounded in `rounding` (default `halfUp`); without
   * `places`, the exact value as {@link Dec.toString} prints it. Never an exponent, never `-0`.
   *
   * @example
   * ```ts
   * new Dec('1.005').toFixed(2); // '1.01'
   * new Dec('-0.004').toFixed(2); // '0.00'
   * new Dec(7).toFixed(2); // '7.00'
   * ```
   */
  toFixed(places?: number, rounding?: RoundingMode): string {
    if (places === undefined) return this.toString();
    const r = this.toDecimalPlaces(places, rounding);
    const c = r.c * pow10(r.e + places);
    return places > 0 ? fixed(c, places) : String(c);
  }

  /**
   * The nearest double (`Number` of the exact text; beyond ±1.8e308 an infinity).
   *
   * @example
   * ```ts
   * new Dec('0.1').toNumber(); // 0.1
   * ```
   */
  toNumber(): number {
    // One correctly rounded operation on exact doubles when coefficient and power are exact.
    if (this.c <= MAX_SAFE && this.c >= -MAX_SAFE && this.e >= -22 && this.e <= 22) {
      const c = Number(this.c);
      return this.e < 0 ? c / (EXACT[-this.e] as number) : c * (EXACT[this.e] as number);
    }
    return Number(`${this.c}e${this.e}`);
  }

  /**
   * The exact value as plain decimal text, without trailing zeros and never with an exponent
   * (decimal.js switched to `1e+21` and `1e-7`).
   *
   * @example
   * ```ts
   * new Dec('1.50').toString(); // '1.5'
   * new Dec('1e-7').toString(); // '0.0000001'
   * ```
   */
  toString(): string {
    if (this.e >= 0) return this.c === ZERO ? '0' : String(this.c) + '0'.repeat(this.e);
    const text = fixed(this.c, -this.e);
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48) end--;
    return text.slice(0, text.charCodeAt(end - 1) === 46 ? end - 1 : end);
  }

  /**
   * The same text as {@link Dec.toString}, so `JSON.stringify` works (a BigInt field would throw).
   *
   * @example
   * ```ts
   * JSON.stringify({ amount: new Dec('9.90') }); // '{"amount":"9.9"}'
   * ```
   */
  toJSON(): string {
    return this.toString();
  }
}

// Dec against decimal.js as the oracle (a devDependency, used only here), plus algebraic laws.
import { fc, test } from '@fast-check/vitest';
import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { Dec } from './decimal.ts';
import { ROUNDING_MODES, type RoundingMode } from './money.ts';

/** decimal.js as kefu configured it: quotients rounded half-up to 60 significant digits. */
const Oracle60 = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
/** decimal.js with room for every exact sum, product and remainder of the values below. */
const Exact = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_UP });

const RM: Record<RoundingMode, Decimal.Rounding> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  halfDown: Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/** decimal.js text in plain notation; Dec has no negative zero, so `-0.00` compares as `0.00`. */
const plain = (d: Decimal, places?: number, rm?: Decimal.Rounding): string => {
  const t = places === undefined ? d.toFixed() : d.toFixed(places, rm ?? Decimal.ROUND_HALF_UP);
  return /^-0(\.0*)?$/.test(t) ? t.slice(1) : t;
};

/**
 * Decimal strings: up to 28 significant digits, up to 15 decimals, sometimes an exponent within
 * ±40, so sums and products stay exact in both libraries.
 */
const decimalText = fc
  .tuple(fc.bigInt({ min: -(10n ** 28n), max: 10n ** 28n }), fc.integer({ min: 0, max: 15 }), fc.option(fc.integer({ min: -40, max: 40 }), { freq: 4 }))
  .map(([digits, places, exponent]) => {
    const abs = (digits < 0n ? -digits : digits).toString().padStart(places + 1, '0');
    const text = places > 0 ? `${abs.slice(0, -places)}.${abs.slice(-places)}` : abs;
    return `${digits < 0n ? '-' : ''}${text}${exponent === null ? '' : `e${exponent}`}`;
  });
const nonZero = decimalText.filter((t) => !new Exact(t).isZero());
const mode = fc.constantFrom(...ROUNDING_MODES);
const places = fc.integer({ min: 0, max: 8 });
const RUNS = { numRuns: 200 };

describe('Dec agrees with decimal.js', () => {
  test.prop([decimalText], RUNS)('reading and printing a decimal string', (a) => {
    const d = new Dec(a);
    expect(d.toString()).toBe(plain(new Exact(a)));
    expect(d.toFixed()).toBe(plain(new Exact(a)));
    expect(d.dp()).toBe(new Exact(a).dp());
    expect(d.toNumber()).toBe(new Exact(a).toNumber() + 0); // `+ 0`: Dec has no -0
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })], RUNS)('reading a number through its shortest text', (n) => {
    expect(new Dec(n).toString()).toBe(plain(new Exact(n)));
    expect(new Dec(n).toNumber()).toBe(n + 0);
  });

  test.prop([decimalText, decimalText], RUNS)('plus, minus, times, cmp and the comparisons', (a, b) => {
    const [x, y] = [new Dec(a), new Exact(a)];
    expect(x.plus(b).toString()).toBe(plain(y.plus(b)));
    expect(x.minus(b).toString()).toBe(plain(y.minus(b)));
    expect(x.times(b).toString()).toBe(plain(y.times(b)));
    expect(x.cmp(b)).toBe(y.cmp(b));
    expect([x.eq(b), x.gt(b), x.gte(b), x.lt(b), x.lte(b)]).toEqual([y.eq(b), y.gt(b), y.gte(b), y.lt(b), y.lte(b)]);
  });

  test.prop([decimalText, nonZero], RUNS)('div rounds to 60 significant digits half-up, mod truncates', (a, b) => {
    expect(new Dec(a).div(b).toString()).toBe(plain(new Oracle60(a).div(b)));
    expect(new Dec(a).mod(b).toString()).toBe(plain(new Exact(a).mod(b)));
  });

  test.prop([decimalText], RUNS)('signs, abs and ceil', (a) => {
    const [x, y] = [new Dec(a), new Exact(a)];
    expect([x.isZero(), x.isNegative(), x.isPositive()]).toEqual([y.isZero(), y.isNeg() && !y.isZero(), y.isPos() && !y.isZero()]);
    expect(x.abs().toString()).toBe(plain(y.abs()));
    expect(x.ceil().toString()).toBe(plain(y.ceil()));
  });

  test.prop([decimalText, places, mode], RUNS)('toDecimalPlaces and toFixed in every mode', (a, p, m) => {
    expect(new Dec(a).toDecimalPlaces(p, m).toString()).toBe(plain(new Exact(a).toDecimalPlaces(p, RM[m])));
    expect(new Dec(a).toFixed(p, m)).toBe(plain(new Exact(a), p, RM[m]));
  });

  test.prop([decimalText, decimalText.map((t) => new Exact(t).abs().toFixed()).filter((t) => !new Exact(t).isZero()), mode], RUNS)(
    'toNearest a positive unit in every mode',
    (a, unit, m) => {
      expect(new Dec(a).toNearest(unit, m).toString()).toBe(plain(new Exact(a).toNearest(unit, RM[m])));
    },
  );
});

describe('Dec laws', () => {
  test.prop([decimalText, decimalText], RUNS)('a + b - b = a, and a + b = b + a', (a, b) => {
    expect(new Dec(a).plus(b).minus(b).eq(a)).toBe(true);
    expect(new Dec(a).plus(b).eq(new Dec(b).plus(a))).toBe(true);
  });

  test.prop([decimalText, nonZero], RUNS)('(a × b) ÷ b = a for b ≠ 0, and a = q × b + (a mod b)', (a, b) => {
    expect(new Dec(a).times(b).div(b).eq(a)).toBe(true);
    fc.pre(new Dec(a).abs().lt(new Dec(b).abs().times('1e59'))); // the integer quotient fits 60 digits
    const q = new Dec(a).minus(new Dec(a).mod(b)).div(b);
    expect(q.eq(q.toDecimalPlaces(0, 'down'))).toBe(true);
    expect(q.times(b).plus(new Dec(a).mod(b)).eq(a)).toBe(true);
  });

  test.prop([decimalText, places, mode, mode], RUNS)('rounding is idempotent, whatever the second mode', (a, p, m1, m2) => {
    const r = new Dec(a).toDecimalPlaces(p, m1);
    expect(r.dp()).toBeLessThanOrEqual(p);
    expect(r.toDecimalPlaces(p, m2).eq(r)).toBe(true);
  });

  test.prop([decimalText, places, mode, mode], RUNS)('toFixed of a toFixed is stable', (a, p, m1, m2) => {
    const once = new Dec(a).toFixed(p, m1);
    expect(new Dec(once).toFixed(p, m2)).toBe(once);
    expect(once).toMatch(p > 0 ? new RegExp(`^-?\\d+\\.\\d{${p}}$`) : /^-?\d+$/);
    expect(once).not.toMatch(/^-0(\.0*)?$/);
  });

  test.prop([decimalText, decimalText], RUNS)('comparison agrees with the sign of the difference', (a, b) => {
    const d = new Dec(a).minus(b);
    expect(new Dec(a).cmp(b)).toBe(d.isZero() ? 0 : d.isNegative() ? -1 : 1);
    expect(new Dec(b).cmp(a)).toBe(-new Dec(a).cmp(b) + 0);
  });

  test.prop([decimalText], RUNS)('toString is plain decimal text that reads back to the same value', (a) => {
    const t = new Dec(a).toString();
    expect(t).toMatch(/^-?\d+(\.\d*[1-9])?$/);
    expect(new Dec(t).eq(a)).toBe(true);
  });
});

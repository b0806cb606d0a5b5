import { describe, expect, it } from 'vitest';
import { ceil, compare, div, floor, mul, rational, sub } from './exact.ts';

describe('exact rationals', () => {
  it('reads a number as the decimal it prints as', () => {
    expect(rational(0.7)).toEqual({ num: BigInt(7), den: BigInt(10) });
    expect(rational(-35.7)).toEqual({ num: BigInt(-357), den: BigInt(10) });
    expect(rational(1e-7)).toEqual({ num: BigInt(1), den: BigInt(10_000_000) });
    expect(rational(1.5e21)).toEqual({ num: BigInt('1500000000000000000000'), den: BigInt(1) });
    expect(() => rational(Number.NaN)).toThrow(RangeError);
  });

  it('avoids the float ceiling traps of staffing (21/0.7, 35.7/0.85, 21/(1-0.3))', () => {
    expect(Math.ceil(21 / 0.7)).toBe(31); // the trap
    expect(ceil(div(rational(21), rational(0.7)))).toBe(30);
    expect(ceil(div(rational(35.7), rational(0.85)))).toBe(42);
    expect(ceil(div(rational(21), sub(rational(1), rational(0.3))))).toBe(30);
    expect(ceil(mul(rational(5019), div(rational(1), rational(0.7))))).toBe(7170);
  });

  it('rounds negative values the right way and compares exactly', () => {
    expect(ceil(rational(-2.5))).toBe(-2);
    expect(floor(rational(-2.5))).toBe(-3);
    expect(floor(rational(2.5))).toBe(2);
    expect(ceil(rational(3))).toBe(3);
    expect(compare(rational(0.1 + 0.2), rational(0.3))).toBe(1); // 0.30000000000000004 really is larger
    expect(compare(div(rational(1), rational(3)), div(rational(2), rational(6)))).toBe(0);
    expect(() => div(rational(1), rational(0))).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.ts';
import { ROUNDING_MODES, type RoundingMode } from './money.ts';

const text = (value: Dec): string => value.toString();

describe('Dec construction', () => {
  it('reads a number through its shortest round-trip text, exponent forms included', () => {
    expect(text(new Dec(0.1))).toBe('0.1');
    expect(text(new Dec(-12.5))).toBe('-12.5');
    expect(text(new Dec(1e21))).toBe('1000000000000000000000');
    expect(text(new Dec(1.5e21))).toBe('1500000000000000000000');
    expect(text(new Dec(1e-7))).toBe('0.0000001');
    expect(text(new Dec(-2.5e-8))).toBe('-0.000000025');
    expect(text(new Dec(5e-324))).toBe(`0.${'0'.repeat(323)}5`);
    expect(text(new Dec(Number.MAX_VALUE))).toBe(`17976931348623157${'0'.repeat(292)}`);
    expect(text(new Dec(Number.MAX_SAFE_INTEGER))).toBe('9007199254740991');
  });

  it('reads decimal strings exactly, beyond double precision, with an optional exponent', () => {
    expect(text(new Dec('123456789012345678.90'))).toBe('123456789012345678.9');
    expect(text(new Dec('007'))).toBe('7');
    expect(text(new Dec('-0.010'))).toBe('-0.01');
    expect(text(new Dec('1e5'))).toBe('100000');
    expect(text(new Dec('1.5E-3'))).toBe('0.0015');
    expect(text(new Dec('-2.5e+2'))).toBe('-250');
    expect(text(new Dec('1e1000'))).toBe(`1${'0'.repeat(1000)}`);
  });

  it('copies a Dec and builds from a BigInt coefficient and exponent', () => {
    const a = new Dec('9.90');
    expect(new Dec(a).eq(a)).toBe(true);
    expect(text(new Dec(BigInt(12345), -2))).toBe('123.45');
    expect(text(new Dec(BigInt(-7), 3))).toBe('-7000');
    expect(text(new Dec(BigInt(5)))).toBe('5');
  });

  it('has no negative zero: -0 reads as 0 and is neither negative nor positive', () => {
    for (const z of [new Dec(-0), new Dec('-0'), new Dec('-0.000'), new Dec('-0e5')]) {
      expect(text(z)).toBe('0');
      expect(z.isZero()).toBe(true);
      expect(z.isNegative()).toBe(false);
      expect(z.isPositive()).toBe(false);
      expect(z.toFixed(2)).toBe('0.00');
      expect(Object.is(z.toNumber(), 0)).toBe(true);
    }
    expect(new Dec('-0.5').toDecimalPlaces(0, 'halfDown').toFixed(1)).toBe('0.0');
    expect(new Dec(-3).times(0).toFixed()).toBe('0');
  });

  it.each([
    ['', '""'],
    [' 1', '" 1"'],
    ['1 ', '"1 "'],
    ['1,000', '"1,000"'],
    ['+1', '"+1"'],
    ['.5', '".5"'],
    ['5.', '"5."'],
    ['--1', '"--1"'],
    ['1e', '"1e"'],
    ['1e1.5', '"1e1.5"'],
    ['1e1001', '"1e1001"'],
    ['0x10', '"0x10"'],
    ['abc', '"abc"'],
    ['NaN', '"NaN"'],
    ['Infinity', '"Infinity"'],
    ['１２', '"１２"'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
  ])('rejects %s with a RangeError quoting it', (value, shown) => {
    expect(() => new Dec(value)).toThrow(new RangeError(`Dec: expected a finite number or a decimal string, received ${shown}`));
  });

  it.each([null, undefined, true, {}, [1]])('rejects %s, naming its type', (value) => {
    expect(() => new Dec(value as string)).toThrow(new RangeError(`Dec: expected a finite number or a decimal string, received ${typeof value}`));
  });
});

describe('Dec arithmetic', () => {
  it('adds, subtracts and multiplies exactly', () => {
    expect(new Dec('0.1').plus('0.2').eq('0.3')).toBe(true);
    expect(text(new Dec(1).minus('0.9'))).toBe('0.1');
    expect(text(new Dec('1.1').times('1.1'))).toBe('1.21');
    expect(text(new Dec('-2.5').times(4))).toBe('-10');
    expect(text(new Dec('1e-300').plus('1e300'))).toBe(`1${'0'.repeat(300)}.${'0'.repeat(299)}1`);
    const nines = '9'.repeat(500);
    expect(text(new Dec(nines).plus(1))).toBe(`1${'0'.repeat(500)}`);
    expect(text(new Dec(nines).times(nines).minus(new Dec(nines).times(nines)))).toBe('0'); // 1000-digit products, exact
    expect(text(new Dec(nines).times(nines).div(nines))).toBe(`1${'0'.repeat(500)}`); // 500 nines, rounded to 60 digits
  });

  it('divides exactly when the quotient fits 60 significant digits', () => {
    expect(text(new Dec(1).div(8))).toBe('0.125');
    expect(text(new Dec(10).div(4))).toBe('2.5');
    expect(text(new Dec('7').times('0.3').div('0.7'))).toBe('3');
    expect(text(new Dec(0).div(-5))).toBe('0');
    expect(text(new Dec('1e-300').div(4))).toBe(`0.${'0'.repeat(300)}25`);
    expect(text(new Dec('9'.repeat(60)).div(1))).toBe('9'.repeat(60));
    expect(text(new Dec('123456789012345').div(1))).toBe('123456789012345'); // 15 digits: the short first attempt
    expect(text(new Dec('1234567890123456').div('0.1'))).toBe('12345678901234560'); // 16: the long one, still exact
    expect(text(new Dec(1).div(1024))).toBe('0.0009765625');
    expect(text(new Dec(1).div('1152921504606846976'))).toBe(`0.${(5n ** 60n).toString().padStart(60, '0')}`); // 1 ÷ 2^60: 42 digits
  });

  it('rounds other quotients half-up to 60 significant digits', () => {
    expect(text(new Dec(1).div(3))).toBe(`0.${'3'.repeat(60)}`);
    expect(text(new Dec(2).div(3))).toBe(`0.${'6'.repeat(59)}7`);
    expect(text(new Dec(-2).div(3))).toBe(`-0.${'6'.repeat(59)}7`);
    expect(text(new Dec(2).div(-3))).toBe(`-0.${'6'.repeat(59)}7`);
    expect(text(new Dec('2e40').div(3))).toBe(`${'6'.repeat(40)}.${'6'.repeat(19)}7`);
    // A terminating quotient longer than 60 digits is rounded too, as decimal.js at precision 60 did.
    expect(text(new Dec('9'.repeat(61)).div(1))).toBe(`1${'0'.repeat(61)}`);
    expect(text(new Dec(`1${'0'.repeat(59)}5`).div(1))).toBe(`1${'0'.repeat(58)}10`);
  });

  it('refuses to divide by zero', () => {
    expect(() => new Dec(1).div(0)).toThrow(new RangeError('Dec: division by zero'));
    expect(() => new Dec(1).div('-0.00')).toThrow(RangeError);
    expect(() => new Dec(1).mod(0)).toThrow(new RangeError('Dec: modulo by zero'));
  });

  it('takes the remainder truncated toward zero, with the sign of the dividend', () => {
    expect(text(new Dec('7.5').mod(2))).toBe('1.5');
    expect(text(new Dec('-7.5').mod(2))).toBe('-1.5');
    expect(text(new Dec('7.5').mod(-2))).toBe('1.5');
    expect(new Dec('1.25').mod('0.05').isZero()).toBe(true);
    expect(text(new Dec('1e20').mod('0.07'))).toBe('0.04'); // 10^22 mod 7 = 4 hundredths
  });

  it('leaves its operands untouched', () => {
    const a = new Dec('1.50');
    a.plus(1).times(3).div(7).mod(1).abs().ceil().toNearest('0.05').toDecimalPlaces(0);
    expect([a.c, a.e]).toEqual([BigInt(150), -2]);
  });
});

describe('Dec comparisons and predicates', () => {
  it('compares across exponents and signs', () => {
    expect(new Dec('1.50').cmp('1.5')).toBe(0);
    expect(new Dec('1.50').eq(1.5)).toBe(true);
    expect(new Dec('-1').cmp('-0.5')).toBe(-1);
    expect(new Dec('1e300').cmp('1e-300')).toBe(1);
    expect(new Dec(2).gt(1) && new Dec(1).gte('1.0') && new Dec('0.99').lt(1) && new Dec(1).lte(1)).toBe(true);
    expect(new Dec(1).gt(1) || new Dec(1).lt(1) || new Dec(2).lte(1) || new Dec(0).gte('0.001')).toBe(false);
    expect(new Dec('0').eq('-0.00')).toBe(true);
  });

  it('tells the sign, even of values below double range', () => {
    expect(new Dec('1e-1000').isPositive()).toBe(true);
    expect(new Dec('-1e-1000').isNegative()).toBe(true);
    expect(new Dec('1e-1000').isZero()).toBe(false);
  });

  it('counts decimal places without trailing zeros', () => {
    expect(new Dec('1.50').dp()).toBe(1);
    expect(new Dec('100').dp()).toBe(0);
    expect(new Dec('0.000').dp()).toBe(0);
    expect(new Dec(1e-7).dp()).toBe(7);
    expect(new Dec('-12.3400').dp()).toBe(2);
    expect(new Dec(1e21).dp()).toBe(0);
  });

  it('takes absolute values and ceilings', () => {
    expect(text(new Dec('-2.5').abs())).toBe('2.5');
    expect(text(new Dec('2.5').abs())).toBe('2.5');
    expect(text(new Dec('2.1').ceil())).toBe('3');
    expect(text(new Dec('-2.9').ceil())).toBe('-2');
    expect(text(new Dec('-0.5').ceil())).toBe('0');
    expect(text(new Dec('4.000').ceil())).toBe('4');
  });
});

describe('Dec rounding', () => {
  //                  2.5   -2.5  3.5   -3.5  0.5   -0.5  2.6   -2.6  2.4   -2.4  2.50001
  const ties = ['2.5', '-2.5', '3.5', '-3.5', '0.5', '-0.5', '2.6', '-2.6', '2.4', '-2.4', '2.50001'];
  const table: Record<RoundingMode, string[]> = {
    halfUp: ['3', '-3', '4', '-4', '1', '-1', '3', '-3', '2', '-2', '3'],
    halfEven: ['2', '-2', '4', '-4', '0', '0', '3', '-3', '2', '-2', '3'],
    halfDown: ['2', '-2', '3', '-3', '0', '0', '3', '-3', '2', '-2', '3'],
    up: ['3', '-3', '4', '-4', '1', '-1', '3', '-3', '3', '-3', '3'],
    down: ['2', '-2', '3', '-3', '0', '0', '2', '-2', '2', '-2', '2'],
    ceil: ['3', '-2', '4', '-3', '1', '0', '3', '-2', '3', '-2', '3'],
    floor: ['2', '-3', '3', '-4', '0', '-1', '2', '-3', '2', '-3', '2'],
  };

  it.each(ROUNDING_MODES)('rounds ties, non-ties and negatives with %s', (mode) => {
    expect(ties.map((x) => new Dec(x).toDecimalPlaces(0, mode).toString())).toEqual(table[mode]);
    expect(ties.map((x) => new Dec(x).toFixed(0, mode))).toEqual(table[mode]);
  });

  it('rounds half-up by default, at any place', () => {
    expect(text(new Dec('1.005').toDecimalPlaces(2))).toBe('1.01');
    expect(text(new Dec('-1.005').toDecimalPlaces(2))).toBe('-1.01');
    expect(text(new Dec('2.345').toDecimalPlaces(2, 'halfEven'))).toBe('2.34');
    expect(text(new Dec('2.355').toDecimalPlaces(2, 'halfEven'))).toBe('2.36');
    expect(text(new Dec('123456789012345678.905').toDecimalPlaces(2))).toBe('123456789012345678.91');
    expect(text(new Dec('1.5').toDecimalPlaces(3, 'up'))).toBe('1.5'); // already fits: unchanged
  });

  it('rejects decimal places that are not integers >= 0', () => {
    expect(() => new Dec('1.234').toDecimalPlaces(1.5)).toThrow(RangeError);
    expect(() => new Dec('1.234').toDecimalPlaces(-1)).toThrow(RangeError);
    expect(() => new Dec('1.234').toFixed(Number.NaN)).toThrow(RangeError);
  });

  it('rounds to multiples of a positive unit', () => {
    expect(text(new Dec('1.23').toNearest('0.05'))).toBe('1.25');
    expect(text(new Dec('1.23').toNearest('0.05', 'floor'))).toBe('1.2');
    expect(text(new Dec('-1.23').toNearest('0.05', 'floor'))).toBe('-1.25');
    expect(text(new Dec('1.225').toNearest('0.05', 'halfEven'))).toBe('1.2');
    expect(text(new Dec('1.275').toNearest('0.05', 'halfEven'))).toBe('1.3');
    expect(text(new Dec(149).toNearest(100))).toBe('100');
    expect(text(new Dec(150).toNearest('100'))).toBe('200');
    expect(text(new Dec('-0.02').toNearest('0.05'))).toBe('0');
    expect(() => new Dec(1).toNearest(0)).toThrow(new RangeError('Dec: expected a positive unit, received 0'));
    expect(() => new Dec(1).toNearest('-0.05')).toThrow(RangeError);
  });
});

describe('Dec text and numbers', () => {
  it('prints plain text without trailing zeros and never an exponent', () => {
    expect(text(new Dec('123.4500'))).toBe('123.45');
    expect(text(new Dec('100.00'))).toBe('100');
    expect(text(new Dec('-0.5'))).toBe('-0.5');
    expect(text(new Dec('1e-7'))).toBe('0.0000001');
    expect(text(new Dec('1.5e30'))).toBe('1500000000000000000000000000000');
    expect(text(new Dec('-1e-20'))).toBe(`-0.${'0'.repeat(19)}1`);
    expect(`${new Dec('2.50')}`).toBe('2.5');
    expect(JSON.stringify({ amount: new Dec('9.90') })).toBe('{"amount":"9.9"}');
  });

  it('toFixed pads or rounds to the places asked, as decimal.js, but never prints -0', () => {
    expect(new Dec(7).toFixed(2)).toBe('7.00');
    expect(new Dec('1.5e3').toFixed(1)).toBe('1500.0');
    expect(new Dec('0.5').toFixed(0)).toBe('1');
    expect(new Dec('-0.5').toFixed(0)).toBe('-1');
    expect(new Dec('0.001').toFixed(5)).toBe('0.00100');
    expect(new Dec('-0.004').toFixed(2)).toBe('0.00');
    expect(new Dec('-0.005').toFixed(2)).toBe('-0.01');
    expect(new Dec('12.3456').toFixed(3, 'down')).toBe('12.345');
    expect(new Dec('1.50').toFixed()).toBe('1.5');
    expect(new Dec(1e21).toFixed(2)).toBe('1000000000000000000000.00');
  });

  it('converts to the nearest double', () => {
    expect(new Dec('0.1').toNumber()).toBe(0.1);
    expect(new Dec('-12.50').toNumber()).toBe(-12.5);
    expect(new Dec(1).div(3).toNumber()).toBe(1 / 3);
    expect(new Dec('9007199254740993').toNumber()).toBe(9007199254740992);
    expect(new Dec('1e400').toNumber()).toBe(Number.POSITIVE_INFINITY);
    expect(new Dec('1e-400').toNumber()).toBe(0);
    expect(new Dec(BigInt(1), -22).toNumber()).toBe(1e-22);
    expect(new Dec(BigInt(-3), -23).toNumber()).toBe(-3e-23);
    expect(new Dec(BigInt(Number.MAX_SAFE_INTEGER), 22).toNumber()).toBe(9.007199254740991e37);
    expect(new Dec(BigInt(7), 23).toNumber()).toBe(7e23);
  });
});

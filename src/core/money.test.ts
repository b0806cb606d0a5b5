import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { issueOf } from '../../test/kefu-error.ts';
import { Dec, MoneyInputSchema, ROUNDING_MODES, formatMoney, roundTo, roundToUnit, toDecimal, toPlainDecimal, toUnit, type RoundingMode } from './money.ts';
import { parseInput } from './validate.ts';

const EXPECTED = 'expected an amount as a number or a decimal string such as "199.00"';
const BAD_AMOUNTS: Array<[unknown, string]> = [
  [Number.NaN, 'NaN'],
  [Number.POSITIVE_INFINITY, 'Infinity'],
  [Number.NEGATIVE_INFINITY, '-Infinity'],
  ['', '""'],
  ['abc', '"abc"'],
  ['1e400', '"1e400"'],
  ['1e5', '"1e5"'],
  [' 1', '" 1"'],
  ['1 ', '"1 "'],
  ['1,000', '"1,000"'],
  ['+1', '"+1"'],
  ['.5', '".5"'],
  ['5.', '"5."'],
  ['--1', '"--1"'],
  ['Infinity', '"Infinity"'],
  [null, 'null'],
  [undefined, 'nothing'],
  [true, 'true'],
  [10n, '10n'],
  [{}, 'an object'],
  [[1], 'an array of 1'],
  [new Decimal(Number.NaN), 'an object'],
];

describe('Dec', () => {
  it('rounds a quotient that does not fit to 60 significant digits, half-up', () => {
    expect(new Dec(1).div(3).toString()).toBe(`0.${'3'.repeat(60)}`);
    expect(new Dec(2).div(3).toString()).toBe(`0.${'6'.repeat(59)}7`);
  });
});

describe('MoneyInputSchema', () => {
  it.each([0, -0, 199, 0.1, -12.5, 1e21, 5e-324, '0', '-0', '199.00', '-0.01', '007', '123456789012345678.90'])('accepts %s', (value) => {
    expect(MoneyInputSchema.safeParse(value).success).toBe(true);
  });

  it.each(BAD_AMOUNTS)('rejects %s', (value) => {
    expect(MoneyInputSchema.safeParse(value).success).toBe(false);
  });

  it('reports the field, what was expected and what was received through parseInput', () => {
    const Refund = z.object({ amount: MoneyInputSchema });
    expect(issueOf(() => parseInput(Refund, { amount: '1,999' }, 'refund'))).toEqual({
      path: 'amount',
      message: `${EXPECTED}, received "1,999"`,
    });
  });
});

describe('toDecimal', () => {
  it('reads numbers through their shortest decimal form, so 0.1 is exactly 0.1', () => {
    expect(toDecimal(0.1).eq('0.1')).toBe(true);
    expect(toDecimal(0.1).plus(0.2).eq(0.3)).toBe(true);
    expect(toDecimal(1e21).toFixed()).toBe('1000000000000000000000');
    expect(toDecimal(1e-7).toFixed()).toBe('0.0000001');
  });

  it('reads decimal strings exactly, beyond double precision', () => {
    expect(toDecimal('123456789012345678.90').toFixed(2)).toBe('123456789012345678.90');
    expect(toDecimal('-0.01').toFixed()).toBe('-0.01');
  });

  it('accepts Dec instances; decimal.js instances are objects like any other', () => {
    expect(toDecimal(new Dec('2.5')).eq(2.5)).toBe(true);
    expect(toPlainDecimal(new Dec('2.50'))).toBe('2.5');
    expect(issueOf(() => toDecimal(new Decimal('2.5')))).toEqual({ path: 'amount', message: `${EXPECTED}, received an object` });
  });

  it.each(BAD_AMOUNTS)('rejects %s, naming the path and quoting the value', (value, shown) => {
    expect(issueOf(() => toDecimal(value))).toEqual({ path: 'amount', message: `${EXPECTED}, received ${shown}` });
  });

  it('names the path the caller gives', () => {
    expect(issueOf(() => toDecimal('abc', 'weights.alice'))?.path).toBe('weights.alice');
  });
});

describe('toPlainDecimal', () => {
  it('spells numbers out without exponents', () => {
    expect(toPlainDecimal(0.1)).toBe('0.1');
    expect(toPlainDecimal(1e-7)).toBe('0.0000001');
    expect(toPlainDecimal(1.5e21)).toBe('1500000000000000000000');
    expect(toPlainDecimal(-0)).toBe('0');
    expect(toPlainDecimal('-007.50')).toBe('-007.50');
  });

  it('rejects what toDecimal rejects', () => {
    expect(issueOf(() => toPlainDecimal('1e5', 'w'))).toEqual({ path: 'w', message: `${EXPECTED}, received "1e5"` });
  });
});

describe('roundTo', () => {
  const table: Record<RoundingMode, string[]> = {
    //        2.5   -2.5  2.6   -2.6  2.4   -2.4  3.5   -0.5
    halfUp: ['3', '-3', '3', '-3', '2', '-2', '4', '-1'],
    halfEven: ['2', '-2', '3', '-3', '2', '-2', '4', '0'],
    halfDown: ['2', '-2', '3', '-3', '2', '-2', '3', '0'],
    up: ['3', '-3', '3', '-3', '3', '-3', '4', '-1'],
    down: ['2', '-2', '2', '-2', '2', '-2', '3', '0'],
    ceil: ['3', '-2', '3', '-2', '3', '-2', '4', '0'],
    floor: ['2', '-3', '2', '-3', '2', '-3', '3', '-1'],
  };
  const inputs = ['2.5', '-2.5', '2.6', '-2.6', '2.4', '-2.4', '3.5', '-0.5'];

  it('lists every mode, ready for z.enum', () => {
    expect([...ROUNDING_MODES].sort()).toEqual(Object.keys(table).sort());
    const Options = z.object({ rounding: z.enum(ROUNDING_MODES) });
    expect(parseInput(Options, { rounding: 'floor' }, 'test').rounding).toBe('floor');
  });

  it.each(ROUNDING_MODES)('rounds with %s', (mode) => {
    // `+ 0` turns -0 into 0 so the table can say '0'.
    expect(inputs.map((x) => roundTo(x, 0, mode).plus(0).toFixed(0))).toEqual(table[mode]);
  });

  it('rounds to decimal places', () => {
    expect(roundTo('2.345', 2, 'halfEven').toFixed()).toBe('2.34');
    expect(roundTo('2.345', 2, 'halfUp').toFixed()).toBe('2.35');
    expect(roundTo(1.005, 2).toFixed()).toBe('1.01'); // 1.005 is read as written, not as 1.00499999…
    expect(roundTo('123456789012345678.905', 2).toFixed()).toBe('123456789012345678.91');
  });

  it('rejects bad places and modes', () => {
    expect(issueOf(() => roundTo(1, -1))?.path).toBe('places');
    expect(issueOf(() => roundTo(1, 1.5))?.path).toBe('places');
    expect(issueOf(() => roundTo(1, 2, 'bankers' as RoundingMode))).toEqual({
      path: 'rounding',
      message: 'expected one of "halfUp", "halfEven", "halfDown", "up", "down", "ceil", "floor", received "bankers"',
    });
    expect(issueOf(() => roundTo(1, 2, 'toString' as RoundingMode))?.path).toBe('rounding');
  });
});

describe('roundToUnit', () => {
  it('rounds to multiples of the unit', () => {
    expect(roundToUnit('1.23', '0.05').toFixed(2)).toBe('1.25');
    expect(roundToUnit('1.23', '0.05', 'floor').toFixed(2)).toBe('1.20');
    expect(roundToUnit('-1.23', '0.05', 'floor').toFixed(2)).toBe('-1.25');
    expect(roundToUnit('1.225', '0.05', 'halfEven').toFixed(2)).toBe('1.20');
    expect(roundToUnit('1.275', '0.05', 'halfEven').toFixed(2)).toBe('1.30');
    expect(roundToUnit(149, '100').toFixed()).toBe('100');
    expect(roundToUnit(150, '100').toFixed()).toBe('200');
    expect(roundToUnit('0.125', '0.01', 'halfDown').toFixed()).toBe('0.12');
  });

  it.each(['0', '-0.01', 'abc', '1e-2'])('rejects the unit %s', (unit) => {
    expect(issueOf(() => roundToUnit(1, unit))?.path).toBe('unit');
  });

  it('toUnit names the path and says what a unit is', () => {
    expect(issueOf(() => toUnit('0', 'options.unit'))).toEqual({
      path: 'options.unit',
      message: 'expected a positive unit such as "0.01", received "0"',
    });
  });
});

describe('formatMoney', () => {
  it('prints fixed places without grouping or exponent', () => {
    expect(formatMoney(1000)).toBe('1000.00');
    expect(formatMoney('199')).toBe('199.00');
    expect(formatMoney(-0.01)).toBe('-0.01');
    expect(formatMoney(1e21)).toBe('1000000000000000000000.00');
    expect(formatMoney(new Dec('2.5'), 'halfEven', 0)).toBe('2');
    expect(formatMoney('0.125', 'halfEven')).toBe('0.12');
    expect(formatMoney('12.3456', 'down', 3)).toBe('12.345');
  });

  it('never prints a signed zero', () => {
    expect(formatMoney(-0)).toBe('0.00');
    expect(formatMoney('-0')).toBe('0.00');
    expect(formatMoney('-0.004')).toBe('0.00');
    expect(formatMoney('-0.4', 'halfUp', 0)).toBe('0');
    expect(formatMoney('-0.005')).toBe('-0.01');
  });

  it('rejects bad amounts', () => {
    expect(issueOf(() => formatMoney(Number.NaN))).toEqual({ path: 'amount', message: `${EXPECTED}, received NaN` });
  });
});

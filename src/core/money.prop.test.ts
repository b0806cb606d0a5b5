import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Dec, MoneyInputSchema, ROUNDING_MODES, formatMoney, roundTo, roundToUnit, toDecimal, toPlainDecimal } from './money.ts';

/** A plain decimal string, built from an integer and a number of places so its value is known. */
const decimalText = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }))
  .map(([digits, places]) => {
    const abs = (digits < 0n ? -digits : digits).toString().padStart(places + 1, '0');
    const text = places > 0 ? `${abs.slice(0, -places)}.${abs.slice(-places)}` : abs;
    return { text: digits < 0n ? `-${text}` : text, digits, places };
  });

const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const mode = fc.constantFrom(...ROUNDING_MODES);

describe('money properties', () => {
  test.prop([decimalText])('decimal strings are read exactly', ({ text, digits, places }) => {
    expect(toDecimal(text).times(new Dec(1n, places)).eq(digits.toString())).toBe(true);
  });

  test.prop([finiteDouble])('a number is read as its shortest decimal form, which round-trips', (n) => {
    const d = toDecimal(n);
    expect(d.eq(new Dec(String(n)))).toBe(true);
    expect(Number(d.toString()) === n).toBe(true); // `===`: -0 is read as 0
    expect(toPlainDecimal(n)).toMatch(/^-?\d+(\.\d+)?$/);
  });

  test.prop([fc.anything()])('the schema and toDecimal agree on what is an amount', (value) => {
    let threw = false;
    try {
      toDecimal(value);
    } catch {
      threw = true;
    }
    expect(MoneyInputSchema.safeParse(value).success).toBe(!threw);
  });

  test.prop([fc.string()])('strings are amounts only in plain decimal form', (text) => {
    expect(MoneyInputSchema.safeParse(text).success).toBe(/^-?\d+(\.\d+)?$/.test(text));
  });

  test.prop([decimalText, fc.integer({ min: 0, max: 6 }), mode])('roundTo moves by less than one step, in the mode direction', ({ text }, places, rounding) => {
    const x = toDecimal(text);
    const r = roundTo(text, places, rounding);
    const step = new Dec(1n, -places);
    expect(r.dp()).toBeLessThanOrEqual(places);
    expect(r.minus(x).abs().lt(step)).toBe(true);
    if (rounding.startsWith('half')) expect(r.minus(x).abs().lte(step.div(2))).toBe(true);
    if (rounding === 'floor') expect(r.lte(x)).toBe(true);
    if (rounding === 'ceil') expect(r.gte(x)).toBe(true);
    if (rounding === 'down') expect(r.abs().lte(x.abs())).toBe(true);
    if (rounding === 'up') expect(r.abs().gte(x.abs())).toBe(true);
  });

  test.prop([decimalText, fc.constantFrom('0.01', '0.05', '1', '0.25', '10'), mode])('roundToUnit lands on a multiple of the unit, within one unit', ({ text }, unit, rounding) => {
    const r = roundToUnit(text, unit, rounding);
    expect(r.mod(unit).isZero()).toBe(true);
    expect(r.minus(text).abs().lt(unit)).toBe(true);
  });

  test.prop([fc.oneof(decimalText.map((d) => d.text), finiteDouble), mode, fc.integer({ min: 0, max: 6 })])(
    'formatMoney prints fixed places, never a signed zero, and agrees with roundTo',
    (value, rounding, places) => {
      const text = formatMoney(value, rounding, places);
      expect(text).toMatch(places > 0 ? new RegExp(`^-?\\d+\\.\\d{${places}}$`) : /^-?\d+$/);
      expect(text).not.toMatch(/^-0(\.0*)?$/);
      expect(new Dec(text).eq(roundTo(value, places, rounding))).toBe(true);
    },
  );
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { allocate } from './allocate.ts';

type Weights = Array<[string, number | string]>;

/** Decimal text → integer at `places` decimals (exact; `places` must cover the fraction). */
function toScaled(text: string, places: number): bigint {
  const [int = '', fraction = ''] = text.replace('-', '').split('.');
  const v = BigInt(int + fraction.padEnd(places, '0'));
  return text.startsWith('-') ? -v : v;
}

/** Integer at `places` decimals → decimal text. */
function fromScaled(v: bigint, places: number): string {
  const digits = (v < 0n ? -v : v).toString().padStart(places + 1, '0');
  const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return v < 0n ? `-${text}` : text;
}

const placesOf = (text: string): number => text.split('.')[1]?.length ?? 0;

/** The textbook algorithm on bigint rationals, with a comparator sort: the oracle. */
function reference(total: string, weights: Weights, unit: string): Array<[string, string]> {
  const texts = weights.map(([, w]) => String(w));
  const scale = Math.max(placesOf(total), placesOf(unit), ...texts.map(placesOf));
  const units = toScaled(total, scale) / toScaled(unit, scale);
  const abs = units < 0n ? -units : units;
  const ws = texts.map((w) => toScaled(w, scale));
  const sum = ws.reduce((a, b) => a + b, 0n);
  const shares = ws.map((w) => (abs * w) / sum);
  let left = abs - shares.reduce((a, b) => a + b, 0n);
  const order = ws.map((_, i) => i);
  const rem = (i: number): bigint => (abs * (ws[i] ?? 0n)) % sum;
  order.sort((i, j) => (rem(j) > rem(i) ? 1 : rem(j) < rem(i) ? -1 : (weights[i]?.[0] ?? '') < (weights[j]?.[0] ?? '') ? -1 : 1));
  for (const i of order) if (left-- > 0n) shares[i] = (shares[i] ?? 0n) + 1n;
  const unitScaled = toScaled(unit, placesOf(unit));
  return weights.map(([id], i) => {
    const v = (shares[i] ?? 0n) * unitScaled;
    return [id, fromScaled(units < 0n ? -v : v, placesOf(unit)).replace(/^-(?=[0.]+$)/, '')];
  });
}

const unitArb = fc.constantFrom('0.01', '1', '0.05', '0.001', '10', '0.25');
const unitCount = fc.oneof(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }));
const weightArb = fc.oneof(
  { arbitrary: fc.constantFrom(1, 2, '1', '1.0', 3), weight: 3 }, // equal weights force tie-breaks
  fc.nat({ max: 1000 }),
  fc.constant(0),
  fc.integer({ min: 0, max: 2 ** 40 }),
  fc.nat({ max: 100_000 }).map((n) => n / 100), // numbers like 12.34, read as written
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: 0, max: 20 })).map(([v, p]) => fromScaled(v, p)),
);
const weightsArb = fc
  .uniqueArray(fc.tuple(fc.string({ maxLength: 4 }), weightArb), { minLength: 1, maxLength: 30, selector: ([id]) => id })
  .filter((ws) => ws.some(([, w]) => Number(w) > 0));

const caseArb = fc.record({ unit: unitArb, count: unitCount, weights: weightsArb }).map(({ unit, count, weights }) => ({
  unit,
  total: fromScaled(count * toScaled(unit, placesOf(unit)), placesOf(unit)),
  weights: weights as Weights,
}));

const sharesById = (shares: Array<[string, string]>): Map<string, string> => new Map(shares);

describe('allocate properties', () => {
  test.prop([caseArb])('matches the textbook algorithm', ({ total, weights, unit }) => {
    expect(allocate(total, weights, { unit })).toEqual(reference(total, weights, unit));
  });

  test.prop([caseArb])('shares sum exactly to the total', ({ total, weights, unit }) => {
    const places = placesOf(unit);
    const shares = allocate(total, weights, { unit });
    expect(shares.reduce((acc, [, s]) => acc + toScaled(s, places), 0n)).toBe(toScaled(total, places));
  });

  test.prop([caseArb])('each share is within one unit of its exact quota', ({ total, weights, unit }) => {
    const texts = weights.map(([, w]) => String(w));
    const scale = Math.max(placesOf(total), placesOf(unit), ...texts.map(placesOf));
    const ws = texts.map((w) => toScaled(w, scale));
    const sum = ws.reduce((a, b) => a + b, 0n);
    const t = toScaled(total, scale);
    const u = toScaled(unit, scale);
    allocate(total, weights, { unit }).forEach(([, share], i) => {
      // |share − t·w/Σw| < u, multiplied through by Σw.
      const gap = toScaled(share, scale) * sum - t * (ws[i] ?? 0n);
      expect(gap < 0n ? -gap : gap).toBeLessThan(u * sum);
    });
  });

  test.prop([caseArb])('a zero weight gets exactly zero', ({ total, weights, unit }) => {
    const shares = allocate(total, weights, { unit });
    weights.forEach(([, w], i) => {
      if (Number(w) === 0) expect(shares[i]?.[1]).toMatch(/^0(\.0+)?$/);
    });
  });

  test.prop([caseArb.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.weights, { minLength: c.weights.length })))])(
    'permuting the input permutes the output identically',
    ([{ total, weights, unit }, shuffled]) => {
      const shares = allocate(total, shuffled, { unit });
      expect(shares.map(([id]) => id)).toEqual(shuffled.map(([id]) => id));
      expect(sharesById(shares)).toEqual(sharesById(allocate(total, weights, { unit })));
    },
  );

  test.prop([caseArb, fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 0, max: 15 })])(
    'scaling every weight by the same positive factor changes nothing',
    ({ total, weights, unit }, factorDigits, factorPlaces) => {
      const scaled: Weights = weights.map(([id, w]) => {
        const places = placesOf(String(w));
        return [id, fromScaled(toScaled(String(w), places) * factorDigits, places + factorPlaces)];
      });
      expect(allocate(total, scaled, { unit })).toEqual(allocate(total, weights, { unit }));
    },
  );

  test.prop([caseArb])('negating the total negates every share', ({ total, weights, unit }) => {
    const negated = total.startsWith('-') ? total.slice(1) : `-${total}`;
    const flip = (s: string): string => (/^[0.]+$/.test(s) ? s : s.startsWith('-') ? s.slice(1) : `-${s}`);
    expect(allocate(negated, weights, { unit })).toEqual(allocate(total, weights, { unit }).map(([id, s]) => [id, flip(s)]));
  });
});

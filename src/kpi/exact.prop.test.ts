// The exact helpers behind every score and amount: the double fast path must agree with bigints.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compareAt, EXACT_LIMIT, newColumn, setRational, shareOf, shareOfBig } from './column.ts';
import { divRound, readScaled } from './exact.ts';
import type { RoundingMode } from '../core/money.ts';

const MODES: RoundingMode[] = ['halfUp', 'halfEven', 'halfDown', 'up', 'down', 'ceil', 'floor'];
const safe = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

describe('exact helpers', () => {
  test.prop([safe, safe, fc.constantFrom(...MODES)], { numRuns: 500 })('shareOf on doubles equals the bigint computation', (a, b, mode) => {
    const [p, q] = a < b ? [a, b] : [b, a];
    expect(shareOf(p, q, mode)).toBe(shareOfBig(BigInt(p), BigInt(q), mode));
  });

  test.prop([fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom(...MODES)], { numRuns: 300 })(
    'shareOf is exact on and next to the rounding boundaries (k/10000 and (k + ½)/10000)',
    (scale, k, mode) => {
      for (const p of [k * 2 * scale, (2 * k + 1) * scale, (2 * k + 1) * scale - 1, (2 * k + 1) * scale + 1]) {
        const q = 20000 * scale;
        if (p > 0 && p < q) expect(shareOf(p, q, mode)).toBe(shareOfBig(BigInt(p), BigInt(q), mode));
      }
    },
  );

  test.prop([fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.constantFrom(...MODES)], { numRuns: 300 })(
    '13: |divRound(n, d) − n/d| < 1, and at most ½ in the half modes',
    (n, d, mode) => {
      const r = divRound(n, d, mode);
      const diff = r * d - n; // (r − n/d)·d
      const abs = diff < 0n ? -diff : diff;
      expect(abs < d).toBe(true);
      if (mode.startsWith('half')) expect(2n * abs <= d).toBe(true);
    },
  );

  it('13: half-even is unbiased on ties: over k + ½ for k in [0, 2N) as many round up as down', () => {
    let up = 0;
    let down = 0;
    for (let k = 0; k < 200; k++) {
      const r = divRound(BigInt(2 * k + 1), 2n, 'halfEven');
      if (r > BigInt(k)) up++;
      else down++;
    }
    expect(up).toBe(down);
  });

  test.prop([fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.bigInt({ min: 1n, max: 10n ** 25n }), fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.bigInt({ min: 1n, max: 10n ** 25n })], { numRuns: 300 })(
    'compareAt is exact for small and big fractions alike',
    (a, b, c, d) => {
      const col = newColumn(2);
      setRational(col, 0, { num: a, den: b });
      setRational(col, 1, { num: c, den: d });
      const expected = a * d < c * b ? -1 : a * d > c * b ? 1 : 0;
      expect(compareAt(col, 0, col, 1)).toBe(expected);
    },
  );

  test.prop([fc.stringMatching(/^-?\d{1,18}(\.\d{1,6})?$/), fc.integer({ min: 0, max: 6 })], { numRuns: 500 })('readScaled agrees with a bigint reading of the same text', (text, places) => {
    const negative = text.startsWith('-');
    const [whole = '', fraction = ''] = text.replace('-', '').split('.');
    const trimmed = fraction.replace(/0+$/, '');
    let expected: number | undefined;
    if (trimmed.length <= places) {
      const units = BigInt(whole + trimmed.padEnd(places, '0'));
      if (units <= BigInt(Number.MAX_SAFE_INTEGER) && (!negative || units === 0n)) expected = Number(units);
    }
    expect(readScaled(text, places)).toBe(expected);
  });

  it('readScaled reads amounts exactly and refuses what it cannot hold', () => {
    expect(readScaled('199.00', 2)).toBe(19900);
    expect(readScaled(0.1, 2)).toBe(10);
    expect(readScaled('0.10', 2)).toBe(10);
    expect(readScaled(1e-7, 2)).toBeUndefined();
    expect(readScaled('-0.00', 2)).toBe(0);
    expect(readScaled(-0, 2)).toBe(0);
    expect(readScaled('-1', 2)).toBeUndefined();
    expect(readScaled('90071992547409.91', 2)).toBe(EXACT_LIMIT - 1); // 2^53 − 1 fen: the largest
    expect(readScaled('90071992547409.92', 2)).toBeUndefined();
    expect(readScaled(Number.MAX_SAFE_INTEGER, 0)).toBe(Number.MAX_SAFE_INTEGER);
    expect(readScaled(Number.MAX_SAFE_INTEGER, 2)).toBeUndefined();
    expect(readScaled('0001.50', 2)).toBe(150);
    for (const bad of ['', '.5', '5.', '1e3', ' 1', Number.NaN, Number.POSITIVE_INFINITY, null, {}, 10n]) expect(readScaled(bad, 2)).toBeUndefined();
  });
});

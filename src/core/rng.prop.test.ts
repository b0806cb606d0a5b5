import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createRng } from './rng.ts';

/** Integer seeds of every kind: small, negative, past 2^32, past 2^53. */
const seedArb = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ min: -1e300, max: 1e300, noNaN: true }).map(Math.trunc),
);

describe('rng properties', () => {
  test.prop([seedArb])('next stays in [0, 1)', (seed) => {
    const rng = createRng(seed);
    for (let i = 0; i < 100; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  test.prop([seedArb, fc.maxSafeInteger(), fc.nat({ max: 2 ** 32 - 1 })])('nextInt stays in range', (seed, min, span) => {
    fc.pre(Number.isSafeInteger(min + span));
    const rng = createRng(seed);
    for (let i = 0; i < 20; i++) {
      const x = rng.nextInt(min, min + span);
      expect(Number.isInteger(x) && x >= min && x <= min + span).toBe(true);
    }
  });

  test.prop([seedArb, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 8 })])(
    'nextInt reaches every value of a small range',
    (seed, min, size) => {
      const rng = createRng(seed);
      const seen = new Set(Array.from({ length: 400 }, () => rng.nextInt(min, min + size - 1)));
      expect(seen.size).toBe(size); // missing one has probability below 8 × (7/8)^400 ≈ 5e-23
    },
  );

  test.prop([seedArb, fc.array(fc.anything())])('shuffle returns a permutation and leaves the input alone', (seed, items) => {
    const before = [...items];
    const shuffled = createRng(seed).shuffle(items);
    expect(items).toEqual(before);
    expect(shuffled).toHaveLength(items.length);
    // Same multiset: every item is used exactly once.
    const remaining = [...items];
    for (const item of shuffled) {
      const at = remaining.findIndex((x) => Object.is(x, item));
      expect(at).toBeGreaterThanOrEqual(0);
      remaining.splice(at, 1);
    }
  });

  test.prop([seedArb, fc.string()])('the same seed and labels give the same numbers', (seed, label) => {
    const run = (): number[] => {
      const rng = createRng(seed);
      const fork = rng.fork(label);
      return [rng.next(), rng.nextInt(-5, 5), ...rng.shuffle([1, 2, 3, 4]), fork.next(), fork.fork(label).next()];
    };
    expect(run()).toEqual(run());
  });

  test.prop([fc.uniqueArray(seedArb, { minLength: 2, maxLength: 50, comparator: 'SameValueZero' })])('different seeds give different first outputs', (seeds) => {
    // Two 32-bit outputs: a chance collision among 50 seeds has probability about 1e-16.
    const firsts = seeds.map((seed) => {
      const rng = createRng(seed);
      return `${rng.next()},${rng.next()}`;
    });
    expect(new Set(firsts).size).toBe(seeds.length);
  });
});

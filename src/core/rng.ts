import { invalid } from './errors.ts';
import { describe } from './validate.ts';

/**
 * A seeded pseudo-random generator. Same seed, same sequence, on every platform: it uses only
 * 32-bit integer arithmetic (`Math.imul`, shifts), never `Math.random` or the clock.
 *
 * @example
 * ```ts
 * const rng: Rng = createRng(42);
 * rng.nextInt(1, 6); // a die roll, the same one every run
 * ```
 */
export interface Rng {
  /** A number in [0, 1), in steps of 2^-32. */
  next(): number;
  /** An integer in [minInclusive, maxInclusive], unbiased (rejection sampling); at most 2^32 values. */
  nextInt(minInclusive: number, maxInclusive: number): number;
  /** A shuffled copy of `items` (Fisher–Yates); `items` itself is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /**
   * An independent generator for a named sub-task. It depends only on this generator's seed (and
   * fork labels) and `label`, not on how many numbers were drawn, so adding draws in one part of a
   * simulation does not shift the numbers another part sees.
   */
  fork(label: string): Rng;
}

/**
 * Creates a seeded {@link Rng}: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * 128-bit state, passes PractRand and BigCrush) with its state filled by splitmix32. Any integer
 * seed works, including negative ones and ones beyond 2^32: every bit of the seed and its sign
 * is hashed in. Anything else throws `INVALID_INPUT` naming `path`.
 *
 * @example
 * ```ts
 * const rng = createRng(2024);
 * const order = rng.shuffle(['alice', 'bob', 'carol']); // the same order every run
 * const roster = rng.fork('roster'); // its own stream, unaffected by draws on `rng`
 * createRng(1.5); // throws: seed: expected an integer seed, received 1.5
 * ```
 */
export function createRng(seed: number, path = 'seed'): Rng {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) invalid(path, `expected an integer seed, received ${describe(seed)}`);
  // Sign, word count, then the 32-bit words of |seed|: a prefix-free encoding, so distinct
  // seeds feed distinct words to the hash.
  const limbs: number[] = [];
  let magnitude = BigInt(Math.abs(seed));
  do {
    limbs.push(Number(magnitude & BigInt(0xffffffff)));
    magnitude >>= BigInt(32);
  } while (magnitude > BigInt(0));
  return fromKey(absorb(0, [seed < 0 ? 1 : 0, limbs.length, ...limbs]));
}

/** Mixes 32-bit words into a 32-bit key; each step is a bijection of the key. */
function absorb(key: number, words: readonly number[]): number {
  let h = key;
  for (const word of words) h = fmix32(((h ^ word) + GOLDEN) | 0);
  return h;
}

const GOLDEN = 0x9e3779b9;

/** MurmurHash3's 32-bit finalizer: a bijection with full avalanche. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fromKey(key: number): Rng {
  // splitmix32 (golden-ratio counter, fmix32 output) fills sfc32's four words, so similar keys
  // still start far apart.
  let s = key;
  const splitmix = (): number => fmix32((s = (s + GOLDEN) | 0));
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();

  /** One sfc32 step: a uint32. */
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };

  /** Uniform integer in [0, range) for 1 <= range <= 2^32, rejecting the biased top slice. */
  const below = (range: number): number => {
    const limit = 2 ** 32 - (2 ** 32 % range);
    let u = nextU32();
    while (u >= limit) u = nextU32();
    return u % range;
  };

  return {
    next: () => nextU32() / 2 ** 32,
    nextInt(minInclusive, maxInclusive) {
      if (!Number.isSafeInteger(minInclusive)) invalid('minInclusive', `expected a safe integer, received ${describe(minInclusive)}`);
      if (!Number.isSafeInteger(maxInclusive) || maxInclusive < minInclusive || maxInclusive - minInclusive >= 2 ** 32) {
        invalid('maxInclusive', `expected an integer from ${minInclusive} to ${minInclusive + 2 ** 32 - 1}, received ${describe(maxInclusive)}`);
      }
      return minInclusive + below(maxInclusive - minInclusive + 1);
    },
    shuffle<T>(items: readonly T[]): T[] {
      if (!Array.isArray(items)) invalid('items', `expected an array, received ${describe(items)}`);
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = below(i + 1);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
    fork(label) {
      if (typeof label !== 'string') invalid('label', `expected a string, received ${describe(label)}`);
      // Length first keeps fork('ab').fork('c') apart from fork('a').fork('bc').
      const units = Array.from({ length: label.length }, (_, i) => label.charCodeAt(i));
      return fromKey(absorb(key, [label.length, ...units]));
    },
  };
}

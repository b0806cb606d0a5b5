import { describe, expect, it, vi } from 'vitest';
import { issueOf } from '../../test/kefu-error.ts';
import { createRng, type Rng } from './rng.ts';

const draw = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('createRng', () => {
  it('produces a fixed sequence for a fixed seed', () => {
    // Checked against a C implementation of the same splitmix32 seeding and sfc32 step.
    expect(draw(createRng(42), 6).map((x) => x * 2 ** 32)).toEqual([3372175154, 686229602, 387468954, 3191612140, 2297990842, 900711729]);
  });

  it('repeats itself for the same seed and differs for another', () => {
    expect(draw(createRng(7), 20)).toEqual(draw(createRng(7), 20));
    expect(draw(createRng(7), 20)).not.toEqual(draw(createRng(8), 20));
  });

  it('hashes negative and large seeds, keeping every bit', () => {
    const firsts = [0, 1, -1, 2 ** 32, 2 ** 32 + 1, -(2 ** 32), 2 ** 53, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e300, Number.MAX_VALUE].map(
      (seed) => createRng(seed).next(),
    );
    expect(new Set(firsts).size).toBe(firsts.length);
    expect(draw(createRng(1e300), 5)).toEqual(draw(createRng(1e300), 5));
  });

  it('treats -0 as 0', () => {
    expect(draw(createRng(-0), 5)).toEqual(draw(createRng(0), 5));
  });

  it.each([
    [1.5, '1.5'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    ['1', '"1"'],
    [undefined, 'nothing'],
  ])('rejects the seed %s', (seed, shown) => {
    expect(issueOf(() => createRng(seed as number))).toEqual({ path: 'seed', message: `expected an integer seed, received ${shown}` });
  });

  it('names the path the caller gives', () => {
    expect(issueOf(() => createRng(0.5, 'simulation.seed'))?.path).toBe('simulation.seed');
  });

  it('never touches Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const rng = createRng(1);
    rng.next();
    rng.nextInt(1, 10);
    rng.shuffle([1, 2, 3]);
    rng.fork('x').next();
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('next', () => {
  it('stays in [0, 1)', () => {
    for (const x of draw(createRng(3), 1000)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('nextInt', () => {
  it('covers the range, both ends included', () => {
    const rng = createRng(5);
    const seen = new Set(Array.from({ length: 200 }, () => rng.nextInt(-2, 2)));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(rng.nextInt(9, 9)).toBe(9);
  });

  it('handles the widest range, 2^32 values', () => {
    const x = createRng(5).nextInt(0, 2 ** 32 - 1);
    expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
  });

  it('is roughly uniform', () => {
    const rng = createRng(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[rng.nextInt(0, 2)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('rejects bad bounds', () => {
    const rng = createRng(1);
    expect(issueOf(() => rng.nextInt(1.5, 3))).toEqual({ path: 'minInclusive', message: 'expected a safe integer, received 1.5' });
    expect(issueOf(() => rng.nextInt(3, 1))).toEqual({ path: 'maxInclusive', message: 'expected an integer from 3 to 4294967298, received 1' });
    expect(issueOf(() => rng.nextInt(0, 2 ** 32))?.path).toBe('maxInclusive');
    expect(issueOf(() => rng.nextInt(0, Number.NaN))?.path).toBe('maxInclusive');
  });
});

describe('shuffle', () => {
  it('returns a shuffled copy and leaves the input alone', () => {
    const items = Object.freeze(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const shuffled = createRng(1).shuffle(items);
    expect(shuffled).not.toBe(items);
    expect([...shuffled].sort()).toEqual([...items]);
    expect(shuffled).toEqual(createRng(1).shuffle(items));
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('reaches every order of three items', () => {
    const rng = createRng(2);
    const orders = new Set(Array.from({ length: 300 }, () => rng.shuffle([1, 2, 3]).join('')));
    expect(orders.size).toBe(6);
  });

  it('handles empty and single-item arrays', () => {
    expect(createRng(1).shuffle([])).toEqual([]);
    expect(createRng(1).shuffle(['only'])).toEqual(['only']);
  });

  it('rejects a non-array', () => {
    expect(issueOf(() => createRng(1).shuffle('abc' as unknown as string[]))?.path).toBe('items');
  });
});

describe('fork', () => {
  it('depends on the seed and label only, not on draws already made', () => {
    const used = createRng(9);
    draw(used, 10);
    expect(draw(used.fork('roster'), 5)).toEqual(draw(createRng(9).fork('roster'), 5));
  });

  it('gives distinct streams for distinct labels, parents and nestings', () => {
    const root = createRng(9);
    const streams = [
      draw(root, 3),
      draw(root.fork('a'), 3),
      draw(root.fork('b'), 3),
      draw(root.fork(''), 3),
      draw(createRng(10).fork('a'), 3),
      draw(root.fork('ab').fork('c'), 3),
      draw(root.fork('a').fork('bc'), 3),
    ].map((s) => s.join());
    expect(new Set(streams).size).toBe(streams.length);
  });

  it('rejects a non-string label', () => {
    expect(issueOf(() => createRng(1).fork(3 as unknown as string))).toEqual({ path: 'label', message: 'expected a string, received 3' });
  });
});

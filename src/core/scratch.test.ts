import { describe, expect, it } from 'vitest';
import { ScratchPool } from './scratch.ts';

describe('ScratchPool', () => {
  it('hands out arrays of the asked length, every slot filled', () => {
    const pool = new ScratchPool();
    pool.run((s) => {
      const a = s.f64(5, Number.NEGATIVE_INFINITY);
      const b = s.i32(3, -1);
      const c = s.u8(4);
      expect([...a]).toEqual(Array(5).fill(Number.NEGATIVE_INFINITY));
      expect([...b]).toEqual([-1, -1, -1]);
      expect([...c]).toEqual([0, 0, 0, 0]);
      a[0] = 7;
      b[0] = 7;
      c[0] = 7;
    });
    // The next call gets the same buffers back, filled again: nothing of the last call shows.
    pool.run((s) => {
      expect([...s.f64(5)]).toEqual([0, 0, 0, 0, 0]);
      expect([...s.i32(3, 2)]).toEqual([2, 2, 2]);
      expect([...s.u8(4)]).toEqual([0, 0, 0, 0]);
    });
  });

  it('reuses a buffer of the previous call when it is large enough, and grows it when not', () => {
    const pool = new ScratchPool();
    const first = pool.run((s) => s.f64(1000).buffer);
    expect(pool.run((s) => s.f64(10).buffer)).toBe(first);
    const grown = pool.run((s) => s.f64(100_000).buffer);
    expect(grown).not.toBe(first);
    expect(grown.byteLength).toBeGreaterThanOrEqual(800_000);
  });

  it('hands out plain arrays filled, and the same arrays to the next call when they fit', () => {
    const pool = new ScratchPool();
    const first = pool.run((s) => {
      const a = s.array(1000, '');
      const b = s.array<string | undefined>(3, undefined);
      expect(a).toHaveLength(1000);
      expect(a.every((x) => x === '')).toBe(true);
      expect(b).toEqual([undefined, undefined, undefined]);
      a[0] = 'kept?';
      b[1] = 'kept?';
      return a;
    });
    // Same length, shorter down to half, and a little longer all reuse it; nothing of the last call shows.
    for (const length of [1000, 600, 1050]) {
      const again = pool.run((s) => s.array(length, 'x'));
      expect(again).toBe(first);
      expect(again).toHaveLength(length);
      expect(again.every((x) => x === 'x')).toBe(true);
    }
    // Much shorter or much longer: a new array (a held one would be trimmed or reallocated anyway).
    expect(pool.run((s) => s.array(10, 0))).not.toBe(first);
    const grown = pool.run((s) => s.array(5000, 0));
    expect(grown).toHaveLength(5000);
    expect(pool.run((s) => s.array(5000, 1))).toBe(grown);
  });

  it('keeps buffers and arrays apart, in the order they are asked for', () => {
    const pool = new ScratchPool();
    const [a1, x1, a2] = pool.run((s) => [s.array(8, 0), s.f64(8), s.array(8, 0)] as const);
    const [b1, y1, b2] = pool.run((s) => [s.array(8, 1), s.f64(8), s.array(8, 2)] as const);
    expect(b1).toBe(a1);
    expect(b2).toBe(a2);
    expect(y1.buffer).toBe(x1.buffer);
    expect(b1).not.toBe(b2);
  });

  it('gives a nested call buffers of its own', () => {
    const pool = new ScratchPool();
    pool.run((s) => s.i32(10));
    pool.run((outer) => {
      const a = outer.i32(10, 1);
      const inner = pool.run((s) => s.i32(10, 2));
      expect(inner.buffer).not.toBe(a.buffer);
      expect([...a]).toEqual(Array(10).fill(1));
    });
  });

  it('returns its buffers after a call that throws', () => {
    const pool = new ScratchPool();
    let held: ArrayBufferLike | undefined;
    expect(() =>
      pool.run((s) => {
        held = s.f64(8).buffer;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(pool.run((s) => s.f64(8).buffer)).toBe(held);
  });
});

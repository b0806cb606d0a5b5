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

// Working typed arrays for batch functions that run on a million rows. V8 counts the memory of
// array buffers apart from its heap and starts a full collection whenever 64 MB more of it has
// been allocated since the last one; a full collection marks everything alive, the caller's input
// included (half a gigabyte for a million orders). A call that allocates its working arrays anew
// each time pays that twice per call. Reusing the buffers of the previous call spares it.
//
// The same goes for plain arrays of a million slots (strings, objects): each is a fresh large
// object with its memory touched for the first time, and old-generation growth that brings the
// next full collection closer. Reusing the previous call's arrays spares that too.
//
// Buffers and arrays are held weakly between calls: the next full collection frees them, so an
// idle process keeps nothing (what the arrays still hold goes with them). Each array handed out is
// filled first: no result depends on what an earlier call left in it.

/** Typed and plain arrays for one call, served from a {@link ScratchPool}'s in the order they are asked for. */
export class Scratch {
  /** Per request, in order: an `ArrayBuffer`, or a plain array with the length it was made with. */
  private readonly held: unknown[];
  private taken = 0;

  /**
   * Arrays from `held`, which grows as arrays are asked for. `new Scratch([])` allocates fresh
   * arrays that no pool keeps (for a one-off call); {@link ScratchPool.run} passes a pool's.
   */
  constructor(held: unknown[]) {
    this.held = held;
  }

  /** The next buffer, of at least `bytes` bytes. */
  private buffer(bytes: number): ArrayBuffer {
    const k = this.taken++;
    const held = this.held[k];
    if (held instanceof ArrayBuffer && held.byteLength >= bytes) return held;
    // A bit more than asked, so that a slightly larger next call still fits.
    const fresh = new ArrayBuffer(bytes + (bytes >>> 4));
    this.held[k] = fresh;
    return fresh;
  }

  /** A `Float64Array` of `length` slots, each `fill`. */
  f64(length: number, fill = 0): Float64Array<ArrayBuffer> {
    return new Float64Array(this.buffer(length * 8), 0, length).fill(fill);
  }

  /** An `Int32Array` of `length` slots, each `fill`. */
  i32(length: number, fill = 0): Int32Array<ArrayBuffer> {
    return new Int32Array(this.buffer(length * 4), 0, length).fill(fill);
  }

  /** A `Uint8Array` of `length` slots, each `fill`. */
  u8(length: number, fill = 0): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.buffer(length), 0, length).fill(fill);
  }

  /** A plain array of `length` slots, each `fill`. */
  array<T>(length: number, fill: T): T[] {
    const k = this.taken++;
    let held = this.held[k] as [T[], number] | undefined;
    // A held array serves lengths from half the length it was made with up to it: V8 keeps its
    // backing store then (shorter, it would trim it; longer, reallocate it).
    if (!Array.isArray(held) || held[1] < length || held[1] > 2 * length) {
      const made = length + (length >>> 4);
      this.held[k] = held = [new Array<T>(made), made];
    }
    const array = held[0];
    array.length = length;
    return array.fill(fill);
  }
}

// WeakRef is ES2021; where it is missing (an old embedder), every call allocates afresh.
const canHoldWeakly = typeof WeakRef === 'function';

/**
 * Buffers and plain arrays kept from one call to the next. Calls may nest (an input getter that
 * plans again): the inner call finds the pool taken and works on arrays of its own.
 *
 * @example
 * ```ts
 * const pool = new ScratchPool();
 * const sum = pool.run((scratch) => {
 *   const xs = scratch.f64(1_000_000, 1);
 *   return xs.reduce((a, b) => a + b, 0);
 * }); // 1000000
 * ```
 */
export class ScratchPool {
  private held: WeakRef<unknown[]> | undefined;

  /** Runs `work` with a {@link Scratch} over this pool's arrays (or fresh ones when they are taken or gone). */
  run<T>(work: (scratch: Scratch) => T): T {
    const held = this.held?.deref() ?? [];
    this.held = undefined;
    try {
      return work(new Scratch(held));
    } finally {
      if (canHoldWeakly) this.held = new WeakRef(held);
    }
  }
}

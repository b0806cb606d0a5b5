// Open-addressing hash indexes for a million keys: typed arrays instead of a Map's entries, one
// 32-bit FNV-1a hash per key, string comparison only on a slot that may match. Each is filled in
// a pass of its own after the orders are read (measured faster than filling them while reading).
//
// Keys go in and are looked up in batches: first the batch's hashes, then one load of each
// hash's slot, then the inserts or finds. A table of a million keys is tens of megabytes, so
// nearly every slot is a cache (and TLB) miss; loaded back to back, with no hashing in between,
// the misses of a batch overlap instead of queueing one behind the other (a million inserts:
// 165-190 ms one by one, 102-139 ms in batches of 32, on this project's machine).
import type { Scratch } from '../core/scratch.ts';

/** FNV-1a over the length and the last 16 code units (ids differ at the end; equal hashes are compared in full). */
function fnv(text: string, seed: number): number {
  let h = Math.imul(seed ^ text.length, 16_777_619);
  for (let i = text.length > 16 ? text.length - 16 : 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16_777_619);
  return h;
}

const SEED = -2_128_831_035; // 2166136261 as a signed 32-bit integer
const EMPTY = -1;
/** Keys per batch (see the file comment). */
const BATCH = 32;

function capacityFor(keys: number): number {
  let capacity = 16;
  while (capacity < keys * 2) capacity *= 2;
  return capacity;
}

/**
 * Loads the header of each of `count` keys from `start`, back to back (see the file comment): keys
 * that arrive in random order (log entries naming orders, a buyer's later orders) are misses too,
 * and hashing them one by one would queue those misses.
 */
function touchKeys(keys: readonly string[], start: number, count: number): number {
  let sum = 0;
  for (let k = start; k < start + count; k++) sum ^= (keys[k] as string).length;
  return sum;
}

/**
 * Loads the first slot of each of `count` hashes, back to back (see the file comment). The sum
 * is kept by the caller so that the loads are not optimised away.
 */
function touchSlots(table: Int32Array, hashes: Int32Array, count: number, mask: number): number {
  let sum = 0;
  for (let k = 0; k < count; k++) sum = (sum + (table[2 * ((hashes[k] as number) & mask)] as number)) | 0;
  return sum;
}

/** Positions of distinct strings in a list: `find(key)` is the first position holding `key`. */
export class KeyIndex {
  private readonly keys: readonly string[];
  /**
   * Slot s holds a position at `2s` (-1 when empty) and the hash of its key at `2s + 1`, side by
   * side so that a probe costs one cache line; most probes end on a hash mismatch without touching
   * the string.
   */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly hashes = new Int32Array(BATCH);
  /** The sum of the slots touched ahead of each batch (kept so that the loads stay). */
  private touched = 0;

  /** An index over `keys`, which will hold at most `size` entries; add them with {@link KeyIndex.insertAll}. */
  constructor(keys: readonly string[], size: number, scratch: Scratch) {
    this.keys = keys;
    const capacity = capacityFor(size);
    this.table = scratch.i32(capacity * 2, EMPTY);
    this.mask = capacity - 1;
  }

  /** An index over all of `keys`, calling `duplicate(position)` for each key already seen. */
  static of(keys: readonly string[], duplicate: (position: number) => void, scratch: Scratch): KeyIndex {
    const index = new KeyIndex(keys, keys.length, scratch);
    index.insertAll(duplicate);
    return index;
  }

  /** Adds every position of the key list, in order, calling `duplicate(position)` for each key already seen (not added again). */
  insertAll(duplicate: (position: number) => void): void {
    const keys = this.keys;
    for (let start = 0; start < keys.length; start += BATCH) {
      const count = this.hashBatch(keys, start);
      for (let k = 0; k < count; k++) if (this.insertHashed(start + k, this.hashes[k] as number) >= 0) duplicate(start + k);
    }
  }

  /** The hashes of the batch of `keys` from `start` into `hashes`, keys and slots touched (see the file comment); returns the batch's size. */
  private hashBatch(keys: readonly string[], start: number): number {
    const count = Math.min(BATCH, keys.length - start);
    const hashes = this.hashes;
    this.touched ^= touchKeys(keys, start, count);
    for (let k = 0; k < count; k++) hashes[k] = fnv(keys[start + k] as string, SEED);
    this.touched ^= touchSlots(this.table, hashes, count, this.mask);
    return count;
  }

  /** Adds position `i` (its key hashing to `h`); returns -1, or the earlier position holding the same key (then `i` is not added). */
  private insertHashed(i: number, h: number): number {
    const key = this.keys[i] as string;
    const table = this.table;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const at = table[2 * s] as number;
      if (at === EMPTY) {
        table[2 * s] = i;
        table[2 * s + 1] = h;
        return -1;
      }
      if (table[2 * s + 1] === h && this.keys[at] === key) return at;
    }
  }

  /** The first position of `key`, or -1. */
  find(key: string): number {
    return this.findHashed(key, fnv(key, SEED));
  }

  /** `out[k] = find(keys[k])` for every k, in batches (see the file comment). */
  findAll(keys: readonly string[], out: Int32Array): void {
    for (let start = 0; start < keys.length; start += BATCH) {
      const count = this.hashBatch(keys, start);
      for (let k = 0; k < count; k++) out[start + k] = this.findHashed(keys[start + k] as string, this.hashes[k] as number);
    }
  }

  private findHashed(key: string, h: number): number {
    const table = this.table;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const at = table[2 * s] as number;
      if (at === EMPTY || (table[2 * s + 1] === h && this.keys[at] === key)) return at;
    }
  }
}

/** Dense group numbers 0, 1, 2, … for distinct pairs `(a[i], b[i])` of two parallel string lists. */
export class PairIndex {
  private readonly a: readonly string[];
  private readonly b: readonly string[];
  /** Slot s: the pair number at `2s` (-1 when empty), its hash at `2s + 1`. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Per pair number, the first position holding it (as many as there are pairs once {@link PairIndex.insertAll} is done). */
  first: Int32Array<ArrayBuffer>;
  private count = 0;
  /**
   * Per pair number g, its two strings at `2g` and `2g + 1`: a match is confirmed with one more
   * cache line, not three. Sized for every position up front (a list grown by pushes leaves tens
   * of megabytes of garbage at a million orders).
   */
  private readonly pairs: string[];
  /** Per position, its pair number. */
  readonly of: Int32Array<ArrayBuffer>;
  private readonly hashes = new Int32Array(BATCH);
  /** The sum of the slots touched ahead of each batch (kept so that the loads stay). */
  private touched = 0;

  /** An index over the pairs of the first `size` positions of `a` and `b`; add them with {@link PairIndex.insertAll}. */
  constructor(a: readonly string[], b: readonly string[], size: number, scratch: Scratch) {
    this.a = a;
    this.b = b;
    const capacity = capacityFor(size);
    this.table = scratch.i32(capacity * 2, EMPTY);
    this.mask = capacity - 1;
    this.of = scratch.i32(size);
    this.first = scratch.i32(size);
    this.pairs = scratch.array(2 * size, '');
  }

  private static hash(x: string, y: string): number {
    // A separator keeps ('ab', 'c') and ('a', 'bc') apart.
    return y === '' ? fnv(x, SEED) : fnv(y, Math.imul(fnv(x, SEED) ^ 0x1f, 16_777_619));
  }

  /** Numbers every position, in order: a pair seen before gets its number, a new one the next. */
  insertAll(): void {
    const size = this.of.length;
    for (let start = 0; start < size; start += BATCH) {
      const count = this.hashBatch(this.a, this.b, '', start, size);
      for (let k = 0; k < count; k++) this.insertHashed(start + k, this.hashes[k] as number);
    }
    this.first = this.first.subarray(0, this.count);
  }

  /**
   * The hashes of the batch of pairs from `start` (before `end`) into `hashes`, keys and slots
   * touched (see the file comment): the pairs `(xs[k], ys[k])`, or `(xs[k], y)` without `ys`.
   * Returns the batch's size.
   */
  private hashBatch(xs: readonly string[], ys: readonly string[] | undefined, y: string, start: number, end: number): number {
    const count = Math.min(BATCH, end - start);
    const hashes = this.hashes;
    this.touched ^= touchKeys(xs, start, count) ^ (ys === undefined ? 0 : touchKeys(ys, start, count));
    for (let k = 0; k < count; k++) hashes[k] = PairIndex.hash(xs[start + k] as string, ys === undefined ? y : (ys[start + k] as string));
    this.touched ^= touchSlots(this.table, hashes, count, this.mask);
    return count;
  }

  private insertHashed(i: number, h: number): void {
    const x = this.a[i] as string;
    const y = this.b[i] as string;
    const table = this.table;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const g = table[2 * s] as number;
      if (g === EMPTY) {
        const fresh = this.count++;
        table[2 * s] = fresh;
        table[2 * s + 1] = h;
        this.first[fresh] = i;
        this.pairs[2 * fresh] = x;
        this.pairs[2 * fresh + 1] = y;
        this.of[i] = fresh;
        return;
      }
      if (table[2 * s + 1] === h && this.pairs[2 * g] === x && this.pairs[2 * g + 1] === y) {
        this.of[i] = g;
        return;
      }
    }
  }

  /** The pair number of `(x, y)`, or -1. */
  find(x: string, y: string): number {
    return this.findHashed(x, y, PairIndex.hash(x, y));
  }

  /** `out[k] = find(xs[k], y)` for every k, in batches (see the file comment). */
  findAll(xs: readonly string[], y: string, out: Int32Array): void {
    for (let start = 0; start < xs.length; start += BATCH) {
      const count = this.hashBatch(xs, undefined, y, start, xs.length);
      for (let k = 0; k < count; k++) out[start + k] = this.findHashed(xs[start + k] as string, y, this.hashes[k] as number);
    }
  }

  private findHashed(x: string, y: string, h: number): number {
    const table = this.table;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const g = table[2 * s] as number;
      if (g === EMPTY) return -1;
      if (table[2 * s + 1] === h && this.pairs[2 * g] === x && this.pairs[2 * g + 1] === y) return g;
    }
  }
}

/** A small open-addressing map from triples of 32-bit integers to values (interning tables of the planner). */
export class TripleMap<V> {
  private keys = new Int32Array(3 * 64);
  private filled = new Uint8Array(64);
  private values: Array<V | undefined> = new Array<V | undefined>(64);
  private mask = 63;
  private count = 0;

  private slot(a: number, b: number, c: number): number {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ c ^ (h >>> 16), 0x27d4eb2f);
    for (let s = (h ^ (h >>> 15)) & this.mask; ; s = (s + 1) & this.mask) {
      if (this.filled[s] === 0) return s;
      if (this.keys[3 * s] === a && this.keys[3 * s + 1] === b && this.keys[3 * s + 2] === c) return s;
    }
  }

  get(a: number, b: number, c: number): V | undefined {
    const s = this.slot(a, b, c);
    return this.filled[s] === 0 ? undefined : this.values[s];
  }

  set(a: number, b: number, c: number, value: V): void {
    const s = this.slot(a, b, c);
    if (this.filled[s] === 0) {
      this.filled[s] = 1;
      this.keys[3 * s] = a;
      this.keys[3 * s + 1] = b;
      this.keys[3 * s + 2] = c;
      this.count++;
    }
    this.values[s] = value;
    if (this.count * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const { keys, filled, values } = this;
    const capacity = (this.mask + 1) * 2;
    this.keys = new Int32Array(3 * capacity);
    this.filled = new Uint8Array(capacity);
    this.values = new Array<V | undefined>(capacity);
    this.mask = capacity - 1;
    this.count = 0;
    for (let s = 0; s < filled.length; s++) {
      if (filled[s] === 1) this.set(keys[3 * s] as number, keys[3 * s + 1] as number, keys[3 * s + 2] as number, values[s] as V);
    }
  }
}

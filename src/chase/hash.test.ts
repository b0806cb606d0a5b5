// The planner's hash indexes fill and answer in batches (hash.ts); a Map is the specification:
// every batch size, boundary and repeat must give what one-by-one Map lookups give.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Scratch } from '../core/scratch.ts';
import { KeyIndex, PairIndex } from './hash.ts';

// Few distinct short keys (so that repeats are common), odd Unicode and long keys among them.
const key = fc.oneof(
  fc.constantFrom('a', 'b', 'ab', 'T1001', 'tb_lin', '', '客服', '😀', 'x'.repeat(40), `${'x'.repeat(39)}y`),
  fc.string({ maxLength: 4 }),
);
// Lengths around the batch size (32) and its multiples.
const keys = fc.oneof(fc.array(key, { maxLength: 3 }), fc.array(key, { minLength: 30, maxLength: 100 }));

describe('KeyIndex (batched inserts and finds)', () => {
  test.prop([keys, fc.array(key, { maxLength: 70 })])('matches a Map: first positions, duplicates, finds', (list, queries) => {
    const duplicates: number[] = [];
    const index = KeyIndex.of(list, (i) => duplicates.push(i), new Scratch([]));
    const first = new Map<string, number>();
    const expected: number[] = [];
    list.forEach((k, i) => (first.has(k) ? expected.push(i) : first.set(k, i)));
    expect(duplicates).toEqual(expected);
    const out = new Int32Array(queries.length);
    index.findAll(queries, out);
    expect([...out]).toEqual(queries.map((q) => first.get(q) ?? -1));
    for (const q of queries) expect(index.find(q)).toBe(first.get(q) ?? -1);
  });

  test('a thousand distinct keys and their repeats, across many batches', () => {
    const list = Array.from({ length: 1000 }, (_, i) => `T${i % 700}`);
    const duplicates: number[] = [];
    const index = KeyIndex.of(list, (i) => duplicates.push(i), new Scratch([]));
    expect(duplicates).toEqual(Array.from({ length: 300 }, (_, k) => 700 + k));
    const out = new Int32Array(2);
    index.findAll(['T699', 'T700'], out);
    expect([...out]).toEqual([699, -1]);
  });
});

describe('PairIndex (batched inserts and finds)', () => {
  test.prop([fc.array(fc.tuple(key, fc.constantFrom('', 's1', 'a', 'b')), { maxLength: 100 }), fc.array(key, { maxLength: 70 })])(
    'numbers pairs densely in order of first appearance, like a Map of pairs',
    (pairs, queries) => {
      const a = pairs.map(([x]) => x);
      const b = pairs.map(([, y]) => y);
      const index = new PairIndex(a, b, pairs.length, new Scratch([]));
      index.insertAll();
      const numbers = new Map<string, number>();
      const first: number[] = [];
      pairs.forEach(([x, y], i) => {
        const k = JSON.stringify([x, y]);
        if (!numbers.has(k)) {
          numbers.set(k, numbers.size);
          first.push(i);
        }
        expect(index.of[i]).toBe(numbers.get(k));
      });
      expect([...index.first]).toEqual(first);
      for (const y of ['', 'a']) {
        const out = new Int32Array(queries.length);
        index.findAll(queries, y, out);
        expect([...out]).toEqual(queries.map((x) => numbers.get(JSON.stringify([x, y])) ?? -1));
        for (const x of queries) expect(index.find(x, y)).toBe(numbers.get(JSON.stringify([x, y])) ?? -1);
      }
    },
  );

  test("keeps ('ab', 'c') and ('a', 'bc') apart", () => {
    const index = new PairIndex(['ab', 'a'], ['c', 'bc'], 2, new Scratch([]));
    index.insertAll();
    expect([...index.of]).toEqual([0, 1]);
  });
});

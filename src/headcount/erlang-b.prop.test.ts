import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { erlangB, erlangBFractional } from './erlang-b.ts';

describe('Erlang B properties', () => {
  test.prop([fc.double({ min: 0.01, max: 2000, noNaN: true }), fc.integer({ min: 0, max: 2500 }), fc.double({ min: 0, max: 1, noNaN: true })])(
    'the continuous extension lies between its integer neighbours and falls as servers grow',
    (traffic, n, f) => {
      fc.pre(f < 1);
      const b = erlangBFractional(n + f, traffic);
      const lower = erlangB(n + 1, traffic);
      const upper = erlangB(n, traffic);
      expect(b).toBeGreaterThanOrEqual(lower * (1 - 1e-12));
      expect(b).toBeLessThanOrEqual(upper * (1 + 1e-12));
    },
  );

  test.prop([fc.double({ min: 0, max: 6000, noNaN: true }), fc.integer({ min: 0, max: 7000 })])('is a probability for any size', (traffic, n) => {
    const b = erlangB(n, traffic);
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThanOrEqual(1);
  });
});

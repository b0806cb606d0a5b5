// The planner's fast instant reader must agree with core/time.ts, its specification.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { InstantSchema, toEpochMs } from '../core/time.ts';
import { parseInstant } from './read-instant.ts';

// Strings close to ISO instants: valid ones and their near misses.
const isoLike = fc
  .tuple(
    fc.integer({ min: 0, max: 10_000 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 60 }),
    fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    fc.option(fc.stringMatching(/^\d{0,4}$/), { nil: undefined }),
    fc.constantFrom('Z', '+08:00', '-05:00', '+05:45', '+24:00', '+08', 'z', '', '+08:60'),
    fc.constantFrom('T', 't', ' '),
  )
  .map(([y, mo, d, h, mi, s, frac, off, sep]) => {
    const p = (n: number, w = 2): string => String(n).padStart(w, '0');
    const seconds = s === undefined ? '' : `:${p(s)}${frac === undefined ? '' : `.${frac}`}`;
    return `${p(y, 4)}-${p(mo)}-${p(d)}${sep}${p(h)}:${p(mi)}${seconds}${off}`;
  });

describe('the instant reader agrees with core/time.ts', () => {
  test.prop([fc.oneof(isoLike, fc.string(), fc.double(), fc.integer(), fc.constant(undefined), fc.constant(null))], { numRuns: 400 })(
    'parseInstant accepts exactly what InstantSchema accepts, with the same instant',
    (value) => {
      const accepted = InstantSchema.safeParse(value).success;
      expect(parseInstant(value)).toBe(accepted ? toEpochMs(value as string | number) : undefined);
    },
  );
});

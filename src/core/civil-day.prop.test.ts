// Day-number arithmetic against JavaScript's own proleptic Gregorian calendar (Date in UTC), over
// the whole range kefu accepts, 0001-01-01 to 9999-12-31.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { dayFromCivil, dayOfDate, formatDay } from './civil-day.ts';

const DAY_MS = 86_400_000;

/** The same day number through `Date` (`setUTCFullYear` keeps years 0–99 as they are). */
function viaDate(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / DAY_MS;
}

const FIRST = viaDate(1, 1, 1);
const LAST = viaDate(9999, 12, 31);

describe('civil days', () => {
  test.prop([fc.integer({ min: FIRST, max: LAST })], { numRuns: 500 })('formatDay and dayOfDate agree with Date and round-trip', (day) => {
    const date = new Date(day * DAY_MS);
    const text = `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
    expect(formatDay(day)).toBe(text);
    expect(dayOfDate(text)).toBe(day);
  });

  test.prop([fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })], { numRuns: 500 })(
    'dayFromCivil equals Date, month overflow included (2026-02-30 is 2026-03-02)',
    (year, month, day) => {
      expect(dayFromCivil(year, month, day)).toBe(viaDate(year, month, day));
    },
  );
});

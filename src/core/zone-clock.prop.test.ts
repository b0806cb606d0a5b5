// The cached zone clock must agree with time.ts, its specification, in every zone and around
// every DST change.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addDays, formatInstant, localDate, localMinuteOfDay, startOfLocalDay, zonedInstant } from './time.ts';
import { dayOfDate, formatDay } from './civil-day.ts';
import { DAY_MS, MINUTE_MS, ZoneClock } from './zone-clock.ts';

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'] as const;
const FROM = Date.UTC(2023, 0, 1);
const TO = Date.UTC(2028, 0, 1);

// Instants near DST changes are the interesting ones: half the draws land within a day of a
// March or November (or April / October) change, down to the millisecond.
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(fc.integer({ min: 2023, max: 2027 }), fc.constantFrom(2, 3, 9, 10), fc.integer({ min: 0, max: 40 * DAY_MS }))
    .map(([year, month, within]) => Date.UTC(year, month, 1) + within),
);
const zone = fc.constantFrom(...ZONES);
// Whole minutes, where window arithmetic lands.
const minuteInstant = fc.integer({ min: FROM / MINUTE_MS, max: TO / MINUTE_MS }).map((m) => m * MINUTE_MS);

describe('ZoneClock agrees with core/time', () => {
  test.prop([zone, instant], { numRuns: 200 })('format, day and minute of an instant', (tz, ms) => {
    const clock = new ZoneClock(tz);
    expect(clock.format(ms)).toBe(formatInstant(ms, tz));
    expect(clock.date(clock.localDay(ms))).toBe(localDate(ms, tz));
    expect(clock.label(ms)).toBe(`${localDate(ms, tz)} ${formatInstant(ms, tz).slice(11, 16)}`);
    expect(Math.floor((clock.wall(ms) - clock.localDay(ms) * DAY_MS) / MINUTE_MS)).toBe(localMinuteOfDay(ms, tz));
  });

  test.prop([zone, instant, fc.integer({ min: 0, max: 1439 })], { numRuns: 200 })('the instant of a wall-clock time, gaps and overlaps included', (tz, ms, minute) => {
    const clock = new ZoneClock(tz);
    const day = clock.localDay(ms);
    const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    expect(clock.at(day, minute)).toBe(zonedInstant(clock.date(day), hhmm, tz));
  });

  test.prop([zone, instant, fc.integer({ min: 1, max: 40 })], { numRuns: 200 })('the same wall-clock time n local days later', (tz, ms, days) => {
    const clock = new ZoneClock(tz);
    const later = clock.addLocalDays(ms, days);
    const wholeMinute = ms - (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
    const time = formatInstant(wholeMinute, tz).slice(11, 16);
    expect(later - (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS)).toBe(zonedInstant(addDays(localDate(ms, tz), days), time, tz));
    // A local day lasts 23 to 25 hours (Lord Howe: 23.5 to 24.5).
    expect(later - ms).toBeGreaterThanOrEqual(days * DAY_MS - 3_600_000);
    expect(later - ms).toBeLessThanOrEqual(days * DAY_MS + 3_600_000);
  });

  test.prop([minuteInstant, zone], { numRuns: 300 })('format, localDay and dayStart match formatInstant, localDate and startOfLocalDay, at minute precision too', (t, z) => {
    const clock = new ZoneClock(z);
    expect(clock.format(t)).toBe(formatInstant(t, z));
    const day = clock.localDay(t);
    expect(formatDay(day)).toBe(localDate(t, z));
    expect(clock.dayStart(day)).toBe(startOfLocalDay(localDate(t, z), z));
    expect(dayOfDate(formatDay(day))).toBe(day);
  });
});

import { tzOffset } from '@date-fns/tz';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  addDays,
  daysBetween,
  formatInstant,
  isInLocalWindows,
  localDate,
  localTime,
  localWeekday,
  nextLocalWindowStart,
  toEpochMs,
  zonedInstant,
  type LocalWindow,
} from './time.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'Asia/Kathmandu',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/St_Johns',
  'Pacific/Chatham',
];

/** Independent of the code under test: the date `days` after 1970-01-01 via `Date`. */
const isoDay = (days: number): string => new Date(days * DAY).toISOString().slice(0, 10);
const day2000 = Date.UTC(2000, 0, 1) / DAY;
const day2100 = Date.UTC(2100, 0, 1) / DAY;

/** An offset change, found by bisecting `tzOffset` directly (not through the code under test). */
type Transition = { readonly zone: string; readonly at: number; readonly before: number; readonly after: number };

const TRANSITIONS: readonly Transition[] = ZONES.flatMap((zone) => {
  const offset = (t: number): number => tzOffset(zone, new Date(t));
  const found: Transition[] = [];
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2029, 0, 1); t += DAY) {
    let [low, high] = [t, t + DAY];
    if (offset(low) === offset(high)) continue;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (offset(mid) === offset(low)) low = mid;
      else high = mid;
    }
    found.push({ zone, at: high, before: offset(low), after: offset(high) });
  }
  return found;
});

const floorMod = (a: number, b: number): number => ((a % b) + b) % b;
const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const zone = fc.constantFrom(...ZONES);
const transition = fc.constantFrom(...TRANSITIONS);

/** [zone, date, minute of day]: anywhere, or within 90 minutes of the wall time at which a zone's clock changes. */
const wallTime = fc.oneof(
  fc.tuple(zone, fc.integer({ min: day2000, max: day2100 }).map(isoDay), fc.integer({ min: 0, max: 1439 })),
  fc.tuple(transition, fc.integer({ min: -90, max: 90 })).map(([{ zone, at, before }, k]) => {
    const wall = at + (before + k) * MINUTE;
    return [zone, isoDay(Math.floor(wall / DAY)), floorMod(wall / MINUTE, 1440)] as const;
  }),
);

test.prop([fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), zone])(
  'formatInstant then toEpochMs returns the instant',
  (epochMs, timeZone) => {
    const text = formatInstant(epochMs, timeZone);
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/);
    expect(toEpochMs(text)).toBe(epochMs);
  },
);

test.prop([wallTime], { numRuns: 200 })(
  'zonedInstant shows the same wall time when it exists, the earlier one when repeated, later past a gap',
  ([timeZone, date, minutes]) => {
    const time = hhmm(minutes);
    const r = zonedInstant(date, time, timeZone);
    const shows = (t: number): boolean => localDate(t, timeZone) === date && localTime(t, timeZone) === time;
    // Every minute within 3 hours either side that shows this wall time (offsets change by < 3 h).
    const matches: number[] = [];
    for (let t = r - 180 * MINUTE; t <= r + 180 * MINUTE; t += MINUTE) if (shows(t)) matches.push(t);
    if (matches.length > 0) {
      expect(r).toBe(matches[0]);
    } else {
      // Skipped by a gap: read with the offset in force before the gap, i.e. moved forward by its length.
      const wall = Date.parse(`${date}T${time}:00Z`);
      expect(r).toBe(wall - tzOffset(timeZone, new Date(r - 180 * MINUTE)) * MINUTE);
      expect(`${localDate(r, timeZone)}T${localTime(r, timeZone)}` > `${date}T${time}`).toBe(true);
    }
  },
);

const window = (near: fc.Arbitrary<number>): fc.Arbitrary<LocalWindow> =>
  fc
    .tuple(near, near.map((m) => m + 1))
    .filter(([from, to]) => floorMod(from, 1440) !== floorMod(to, 1440))
    .map(([from, to]) => ({ from: hhmm(floorMod(from, 1440)), to: floorMod(to, 1440) === 0 ? '24:00' : hhmm(floorMod(to, 1440)) }));

/** [zone, t, windows]: anywhere, or (mostly) shortly before a clock change with windows around its wall time. */
const windowCase = fc.oneof(
  { weight: 1, arbitrary: fc.tuple(
    zone,
    fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
    fc.array(window(fc.integer({ min: 0, max: 1439 })), { minLength: 1, maxLength: 3 }),
  ) },
  { weight: 3, arbitrary: transition.chain(({ zone, at, before }) => {
    const m0 = floorMod(at / MINUTE + before, 1440);
    return fc.tuple(
      fc.constant(zone),
      fc.integer({ min: at - 6 * 60 * MINUTE, max: at + 60 * MINUTE }),
      fc.array(window(fc.integer({ min: m0 - 120, max: m0 + 120 })), { minLength: 1, maxLength: 3 }),
    );
  }) },
);

test.prop([windowCase, fc.array(fc.integer({ min: -1, max: 1 }), { maxLength: 1 })], { numRuns: 150 })(
  'nextLocalWindowStart is the first open instant at or after t',
  ([timeZone, t, windows], blockedOffsets) => {
    const horizonDays = 1;
    const blocked = new Set(blockedOffsets.map((n) => addDays(localDate(t, timeZone), n)));
    const open = (x: number): boolean => isInLocalWindows(x, windows, timeZone, blocked);
    const r = nextLocalWindowStart(t, windows, timeZone, horizonDays, blocked);
    const end = r ?? t + horizonDays * DAY;
    if (r !== null) {
      expect(r).toBeGreaterThanOrEqual(t);
      expect(open(r)).toBe(true);
      // Windows, dates and offsets all change on whole minutes, so a later start is minute-aligned.
      expect(r === t || r % MINUTE === 0).toBe(true);
    }
    // Openness is constant within a minute, so t and every whole minute before `end` cover every instant.
    if (r !== t) expect(open(t)).toBe(false);
    for (let x = Math.ceil(t / MINUTE) * MINUTE; x < end; x += MINUTE) {
      if (x > t && open(x)) expect.fail(`${formatInstant(x, timeZone)} is open before ${r === null ? 'the horizon' : formatInstant(r, timeZone)}`);
    }
  },
);

test.prop([fc.integer({ min: day2000, max: day2100 }), fc.integer({ min: -40_000, max: 40_000 })])(
  'addDays and daysBetween are inverse and agree with Date',
  (start, days) => {
    const from = isoDay(start);
    const to = addDays(from, days);
    expect(to).toBe(isoDay(start + days));
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(to, -days)).toBe(from);
    expect(localWeekday(to)).toBe(((((localWeekday(from) - 1 + days) % 7) + 7) % 7) + 1);
  },
);

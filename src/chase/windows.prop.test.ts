// Invariant 12 (time zones and DST): window membership equals a brute-force check that converts
// each instant to wall-clock time with core/time.ts, in zones with one-hour, half-hour and
// 45-minute-offset DST; the next open instant equals core's search or a minute-by-minute scan.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isInLocalWindows, localDate, localWeekday, nextLocalWindowStart, type LocalWindow } from '../core/time.ts';
import { ZoneClock } from '../core/zone-clock.ts';
import { ZONES } from '../../test/fixtures/chase-zones.ts';
import { AllowedTime, DailyWindows, spansOf, subtractSpans, type OpenStretch } from './windows.ts';

/** `allowed.nextInto` as a value: the stretch, or null. */
function nextOf(allowed: AllowedTime, from: number, limit: number): OpenStretch | null {
  const out = { start: 0, end: 0 };
  return allowed.nextInto(from, limit, out) ? out : null;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const hhmm = (m: number): string => (m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** A window with minute ends on a 15-minute grid (DST transitions sit on it too), possibly crossing midnight. */
const window = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
  .filter(([a, b]) => a !== b % 96)
  .map(([a, b]): LocalWindow => ({ from: hhmm(a * 15), to: hhmm(b * 15) }));

// Instants near the 2026 DST transitions of the zones (and anywhere in 2026).
const TRANSITIONS = [
  Date.UTC(2026, 2, 8, 7), // New York springs forward
  Date.UTC(2026, 10, 1, 6), // New York falls back
  Date.UTC(2026, 2, 29, 1), // Paris
  Date.UTC(2026, 9, 25, 1),
  Date.UTC(2026, 3, 4, 15), // Lord Howe (30 minutes)
  Date.UTC(2026, 9, 3, 15, 30),
  Date.UTC(2026, 3, 4, 14), // Chatham (+13:45 → +12:45)
  Date.UTC(2026, 8, 26, 14),
];
const instant = fc.oneof(
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -2 * 1440, max: 2 * 1440 })).map(([t, m]) => t + m * MINUTE),
  fc.integer({ min: Date.UTC(2026, 0, 1) / MINUTE, max: Date.UTC(2026, 11, 31) / MINUTE }).map((m) => m * MINUTE),
);

const setup = fc.record({
  zone: fc.constantFrom(...ZONES),
  windows: fc.array(window, { minLength: 1, maxLength: 3 }),
  excludes: fc.array(window, { maxLength: 2 }),
  weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
});

function build(s: { zone: string; windows: LocalWindow[]; excludes: LocalWindow[]; weekdays: number[] }): AllowedTime {
  const clock = new ZoneClock(s.zone);
  const days = new Set(s.weekdays);
  const spans = subtractSpans(spansOf(s.windows), spansOf(s.excludes));
  return new AllowedTime(new DailyWindows(clock, spans, (day) => !days.has((((day + 3) % 7) + 7) % 7 + 1)), []);
}

function bruteOpen(t: number, s: { zone: string; windows: LocalWindow[]; excludes: LocalWindow[]; weekdays: number[] }): boolean {
  return (
    s.weekdays.includes(localWeekday(localDate(t, s.zone))) &&
    isInLocalWindows(t, s.windows, s.zone) &&
    (s.excludes.length === 0 || !isInLocalWindows(t, s.excludes, s.zone))
  );
}

describe('allowed time (windows, exclusions, weekdays) in DST zones', () => {
  test.prop([setup, fc.array(instant, { minLength: 1, maxLength: 20 })], { numRuns: 150 })('membership equals the wall-clock brute force', (s, instants) => {
    const allowed = build(s);
    for (const t of instants) {
      expect(allowed.contains(t), new Date(t).toISOString()).toBe(bruteOpen(t, s));
      const closed = allowed.closedAt(t);
      expect(closed.blockedDay || closed.outsideWindow).toBe(!bruteOpen(t, s));
    }
  });

  test.prop([setup, instant], { numRuns: 100 })('with plain windows, next() is core nextLocalWindowStart', (s, t) => {
    const plain = { ...s, excludes: [], weekdays: [1, 2, 3, 4, 5, 6, 7] };
    const next = nextOf(build(plain), t, t + 14 * DAY + 1);
    expect(next?.start ?? null).toBe(nextLocalWindowStart(t, s.windows, s.zone, 14));
  });

  test.prop([setup, instant], { numRuns: 60 })('next() is the first open minute of a scan, and its stretch stays open to its end', (s, t) => {
    const allowed = build(s);
    const limit = t + 3 * DAY;
    const next = nextOf(allowed, t, limit);
    let first: number | null = null;
    if (bruteOpen(t, s)) first = t;
    else {
      for (let m = Math.ceil(t / MINUTE) * MINUTE; m < limit; m += MINUTE) {
        if (bruteOpen(m, s)) {
          first = m;
          break;
        }
      }
    }
    expect(next?.start ?? null).toBe(first);
    if (next !== null) {
      for (let m = next.start; m < next.end; m += 7 * MINUTE) expect(bruteOpen(m, s)).toBe(true);
      expect(bruteOpen(next.end - 1, s)).toBe(true);
      if (next.end < limit) expect(bruteOpen(next.end, s)).toBe(false);
    }
  });

  test.prop([fc.constantFrom(...ZONES), window, window, instant], { numRuns: 100 })(
    'a midnight-crossing window behaves like the union of its two halves',
    (z, w, other, t) => {
      fc.pre(w.to !== '24:00' && w.to < w.from);
      const crossing = build({ zone: z, windows: [w, other], excludes: [], weekdays: [1, 2, 3, 4, 5, 6, 7] });
      const halves = build({ zone: z, windows: [{ from: w.from, to: '24:00' }, { from: '00:00', to: w.to }, other], excludes: [], weekdays: [1, 2, 3, 4, 5, 6, 7] });
      expect(crossing.contains(t)).toBe(halves.contains(t));
      expect(nextOf(crossing, t, t + 2 * DAY)).toEqual(nextOf(halves, t, t + 2 * DAY));
    },
  );
});

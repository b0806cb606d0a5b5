import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addDays, daysBetween, localWeekday } from '../core/time.ts';
import { addWorkdays, dayKind, holidaysBetween, isHoliday, isMakeupWorkday, isWorkday, nextWorkday } from './index.ts';

// Dates of 2025 and workday counts that keep every walk inside 2024–2026.
const date2025 = fc.integer({ min: 0, max: 364 }).map((d) => addDays('2025-01-01', d));
const steps = fc.integer({ min: -200, max: 200 });

describe('calendar properties', () => {
  test.prop([date2025])('every date is exactly one kind, and the kinds agree with the predicates and the weekday', (d) => {
    const kind = dayKind(d);
    expect(isHoliday(d)).toBe(kind === 'holiday');
    expect(isMakeupWorkday(d)).toBe(kind === 'makeupWorkday');
    expect(isWorkday(d)).toBe(kind === 'workday' || kind === 'makeupWorkday');
    const weekend = localWeekday(d) >= 6;
    if (kind === 'weekend' || kind === 'makeupWorkday') expect(weekend).toBe(true);
    if (kind === 'workday') expect(weekend).toBe(false);
  });

  test.prop([date2025, steps, steps])('addWorkdays is strictly increasing in the number of workdays', (d, a, b) => {
    fc.pre(a !== b);
    const [lo, hi] = a < b ? [a, b] : [b, a];
    expect(addWorkdays(d, lo) < addWorkdays(d, hi)).toBe(true);
  });

  test.prop([date2025, steps])('from a workday, going n workdays and back returns to it', (d, n) => {
    fc.pre(isWorkday(d));
    expect(addWorkdays(addWorkdays(d, n), -n)).toBe(d);
  });

  test.prop([date2025, steps])('n workdays on lands on a workday with exactly |n| - 1 workdays strictly between', (d, n) => {
    fc.pre(n !== 0);
    const end = addWorkdays(d, n);
    expect(isWorkday(end)).toBe(true);
    const [from, to] = n > 0 ? [d, end] : [end, d];
    let between = 0;
    for (let x = addDays(from, 1); x < to; x = addDays(x, 1)) if (isWorkday(x)) between++;
    expect(between).toBe(Math.abs(n) - 1);
  });

  test.prop([date2025])('nextWorkday is the first workday after the date', (d) => {
    const next = nextWorkday(d);
    expect(next > d).toBe(true);
    expect(isWorkday(next)).toBe(true);
    for (let x = addDays(d, 1); x < next; x = addDays(x, 1)) expect(isWorkday(x)).toBe(false);
  });

  test.prop([date2025, fc.integer({ min: 0, max: 120 })])('holidaysBetween lists exactly the holidays of the range, in order', (from, span) => {
    const to = addDays(from, span);
    fc.pre(to <= '2026-12-31');
    const expected: string[] = [];
    for (let x = from; x <= to; x = addDays(x, 1)) if (isHoliday(x)) expected.push(x);
    expect(holidaysBetween(from, to).map((h) => h.date)).toEqual(expected);
    expect(daysBetween(from, to)).toBe(span);
  });
});

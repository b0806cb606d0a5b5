import { describe, expect, it } from 'vitest';
import { addDays, localWeekday } from '../core/time.ts';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import {
  addWorkdays,
  CALENDAR_YEARS,
  dayKind,
  holidayName,
  holidayPeriods,
  holidaysBetween,
  isHoliday,
  isMakeupWorkday,
  isWorkday,
  nextWorkday,
} from './index.ts';

const everyDay = (year: number): string[] => {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) days.push(d);
  return days;
};

describe('the Chinese working calendar (State Council notices 2024–2026)', () => {
  it('covers 2024, 2025 and 2026', () => {
    expect(CALENDAR_YEARS).toEqual([2024, 2025, 2026]);
  });

  it('2025: National Day and Mid-Autumn run 10-01 to 10-08, made up on Sunday 09-28 and Saturday 10-11', () => {
    for (const d of ['2025-10-01', '2025-10-04', '2025-10-06', '2025-10-08']) expect(dayKind(d)).toBe('holiday');
    expect(holidayName('2025-10-01')).toBe('国庆节、中秋节');
    expect(localWeekday('2025-09-28')).toBe(7);
    expect(dayKind('2025-09-28')).toBe('makeupWorkday');
    expect(isWorkday('2025-09-28')).toBe(true);
    expect(dayKind('2025-10-11')).toBe('makeupWorkday');
    expect(dayKind('2025-10-09')).toBe('workday');
    expect(dayKind('2025-09-27')).toBe('weekend');
  });

  it('2025: Spring Festival 01-28 to 02-04 (made up 01-26, 02-08); Labour Day 05-01 to 05-05 (made up 04-27)', () => {
    expect(holidaysBetween('2025-01-25', '2025-02-09').map((d) => d.date)).toEqual([
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    ]);
    expect(isMakeupWorkday('2025-01-26')).toBe(true);
    expect(isMakeupWorkday('2025-02-08')).toBe(true);
    expect(isMakeupWorkday('2025-04-27')).toBe(true);
    expect(isHoliday('2025-05-05')).toBe(true);
    expect(isHoliday('2025-05-31')).toBe(true); // Dragon Boat, a Saturday inside the break
  });

  it('2026: Spring Festival 02-15 to 02-23 (nine days), made up on Saturdays 02-14 and 02-28', () => {
    const spring = holidayPeriods(2026).find((p) => p.holiday === 'springFestival');
    expect(spring).toMatchObject({ start: '2026-02-15', end: '2026-02-23', makeupWorkdays: ['2026-02-14', '2026-02-28'], notice: '国办发明电〔2025〕7号' });
    expect(holidaysBetween('2026-02-14', '2026-02-28')).toHaveLength(9);
    expect(holidayName('2026-02-17', 'en')).toBe('Spring Festival');
    expect(isWorkday('2026-02-14')).toBe(true);
    expect(isWorkday('2026-02-24')).toBe(true);
  });

  it('2026: New Year 01-01 to 01-03 with Sunday 01-04 worked; National Day 10-01 to 10-07 with 09-20 and 10-10 worked; Mid-Autumn 09-25 to 09-27 on its own', () => {
    expect(holidaysBetween('2026-01-01', '2026-01-04').map((d) => d.holiday)).toEqual(['newYear', 'newYear', 'newYear']);
    expect(dayKind('2026-01-04')).toBe('makeupWorkday');
    expect(holidayName('2026-09-26')).toBe('中秋节');
    expect(dayKind('2026-09-20')).toBe('makeupWorkday');
    expect(dayKind('2026-10-10')).toBe('makeupWorkday');
    expect(holidayName('2026-10-07')).toBe('国庆节');
    expect(dayKind('2026-11-11')).toBe('workday');
  });

  it('2024: Spring Festival 02-10 to 02-17 made up on two Sundays; a one-day Dragon Boat 06-10 joined to the weekend', () => {
    expect(dayKind('2024-02-04')).toBe('makeupWorkday');
    expect(dayKind('2024-02-18')).toBe('makeupWorkday');
    expect(isHoliday('2024-02-10')).toBe(true);
    expect(isHoliday('2024-06-10')).toBe(true);
    expect(dayKind('2024-06-09')).toBe('weekend');
    expect(dayKind('2024-09-14')).toBe('makeupWorkday');
  });

  it('the data hold together: make-up days fall on weekends, periods do not overlap, day counts match the notices', () => {
    const counts: Record<number, number> = {};
    for (const year of CALENDAR_YEARS) {
      const periods = holidayPeriods(year);
      for (const p of periods) for (const m of p.makeupWorkdays) expect(localWeekday(m), m).toBeGreaterThanOrEqual(6);
      for (let k = 1; k < periods.length; k++) expect((periods[k - 1] as { end: string }).end < (periods[k] as { start: string }).start).toBe(true);
      counts[year] = everyDay(year).filter(isHoliday).length;
    }
    // 2024: 1+8+3+5+1+3+7; 2025: 1+8+3+5+3+8; 2026: 3+9+3+5+3+3+7.
    expect(counts).toEqual({ 2024: 28, 2025: 28, 2026: 33 });
  });

  it('nextWorkday skips a whole break and lands on a make-up Sunday when one comes first', () => {
    expect(nextWorkday('2025-09-30')).toBe('2025-10-09');
    expect(nextWorkday('2025-09-26')).toBe('2025-09-28');
    expect(nextWorkday('2026-02-13')).toBe('2026-02-14');
  });

  it('addWorkdays walks both ways and leaves the date alone for 0', () => {
    expect(addWorkdays('2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkdays('2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkdays('2026-02-15', 0)).toBe('2026-02-15');
    expect(addWorkdays('2025-09-26', 3)).toBe('2025-09-30');
  });

  it('refuses years it does not know instead of guessing (CALENDAR_YEAR_UNKNOWN)', () => {
    const error = kefuErrorOf(() => isHoliday('2027-10-01'), 'CALENDAR_YEAR_UNKNOWN');
    expect(error.issues[0]?.path).toBe('date');
    expect(error.message).toContain('2027');
    expect(kefuErrorOf(() => nextWorkday('2026-12-31'), 'CALENDAR_YEAR_UNKNOWN').issues[0]?.path).toBe('days');
    expect(kefuErrorOf(() => addWorkdays('2024-01-02', -2), 'CALENDAR_YEAR_UNKNOWN').issues[0]?.path).toBe('days');
    expect(kefuErrorOf(() => holidayPeriods(2023), 'CALENDAR_YEAR_UNKNOWN').issues[0]?.path).toBe('year');
  });

  it('names the field of bad input', () => {
    expectInvalidAt(() => isWorkday('2025-02-30'), 'date');
    expectInvalidAt(() => dayKind('25-10-01'), 'date');
    expectInvalidAt(() => dayKind(20251001 as unknown as string), 'date');
    expectInvalidAt(() => addWorkdays('2025-10-01', 1.5), 'days');
    expectInvalidAt(() => addWorkdays('2025-10-01', Number.NaN), 'days');
    expectInvalidAt(() => holidayName('2025-10-01', 'fr' as 'en'), 'language');
    expectInvalidAt(() => holidaysBetween('2025-10-08', '2025-10-01'), 'to');
    expectInvalidAt(() => holidayPeriods(2025.5), 'year');
    expectInvalidAt(() => holidayPeriods(2026, 2025), 'lastYear');
  });
});

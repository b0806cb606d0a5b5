import { describe, expect, it } from 'vitest';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import { addServiceDays, isServiceDay } from './service-days.ts';

describe('service days over kefu/calendar', () => {
  it('SLA-1: the default calendar is the Chinese working calendar, holidays and make-up workdays included', () => {
    expect(isServiceDay('2025-09-28')).toBe(true); // Sunday worked before National Day
    expect(isServiceDay('2025-10-03')).toBe(false); // National Day break
    expect(isServiceDay('2025-11-15')).toBe(false); // ordinary Saturday
    expect(isServiceDay('2025-11-11')).toBe(true);
    expect(addServiceDays('2026-02-13', 1)).toBe('2026-02-14'); // Saturday worked before Spring Festival
    expect(addServiceDays('2026-02-14', 1)).toBe('2026-02-24'); // the break runs 02-15 to 02-23
    expect(addServiceDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(addServiceDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('SLA-1: weekdays and everyDay work in any year; the shop adds its own days off and duty days', () => {
    expect(isServiceDay('2027-06-07', { workdays: 'weekdays' })).toBe(true);
    expect(isServiceDay('2027-06-05', { workdays: 'weekdays' })).toBe(false);
    expect(isServiceDay('2031-01-01', { workdays: 'everyDay' })).toBe(true);
    expect(addServiceDays('2027-06-04', 1, { workdays: 'weekdays' })).toBe('2027-06-07');
    expect(addServiceDays('2026-02-14', 1, { workdays: 'everyDay' })).toBe('2026-02-15');
    expect(isServiceDay('2025-10-03', { extraWorkdays: ['2025-10-03'] })).toBe(true);
    expect(isServiceDay('2025-11-11', { daysOff: ['2025-11-11'] })).toBe(false);
    expect(addServiceDays('2025-11-10', 1, { daysOff: ['2025-11-11', '2025-11-12'] })).toBe('2025-11-13');
    // An exception settles the day without asking kefu/calendar, so it works outside 2024–2026.
    expect(isServiceDay('2030-01-02', { extraWorkdays: ['2030-01-02'] })).toBe(true);
  });

  it('moves 0 days to the date itself, open or not', () => {
    expect(addServiceDays('2025-10-03', 0)).toBe('2025-10-03');
  });

  it('SLA-1: a cnWorkdays date outside 2024–2026 is CALENDAR_YEAR_UNKNOWN at the field, never a guess', () => {
    const error = kefuErrorOf(() => isServiceDay('2027-03-01'), 'CALENDAR_YEAR_UNKNOWN');
    expect(error.issues[0]?.path).toBe('date');
    expect(error.issues[0]?.message).toContain('2024, 2025, 2026');
    expect(kefuErrorOf(() => addServiceDays('2026-12-31', 1), 'CALENDAR_YEAR_UNKNOWN').issues[0]?.path).toBe('days');
  });

  it('rejects bad dates, day counts and calendars, naming the field', () => {
    expectInvalidAt(() => isServiceDay('2026-02-30'), 'date');
    expectInvalidAt(() => isServiceDay(20261111 as never), 'date');
    expectInvalidAt(() => addServiceDays('2026-01-05', 1.5), 'days');
    expectInvalidAt(() => addServiceDays('2026-01-05', Number.NaN), 'days');
    expectInvalidAt(() => addServiceDays('2026-01-05', 4000), 'days');
    expectInvalidAt(() => isServiceDay('2026-01-05', { workdays: 'sometimes' as never }), 'calendar.workdays');
    expectInvalidAt(() => isServiceDay('2026-01-05', { daysOff: ['2026-1-5'] }), 'calendar.daysOff.0');
    expectInvalidAt(() => isServiceDay('2026-01-05', { daysOff: ['2026-01-05'], extraWorkdays: ['2026-01-06', '2026-01-05'] }), 'calendar.extraWorkdays.1');
    expectInvalidAt(() => isServiceDay('2026-01-05', { holidays: [] } as never), 'calendar.holidays');
  });

  it('leaves the years 0001–9999 with OUT_OF_RANGE', () => {
    expect(kefuErrorOf(() => addServiceDays('9999-12-30', 5, { workdays: 'everyDay' }), 'OUT_OF_RANGE').issues[0]?.path).toBe('days');
  });
});

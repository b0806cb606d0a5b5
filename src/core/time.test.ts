import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { KefuError } from './errors.ts';
import {
  DEFAULT_TIME_ZONE,
  InstantSchema,
  LocalDateSchema,
  LocalTimeSchema,
  LocalWindowSchema,
  TimeZoneSchema,
  addDays,
  assertLocalDate,
  assertTimeZone,
  daysBetween,
  formatInstant,
  isInLocalWindows,
  localDate,
  localDayLengthMinutes,
  localMinuteOfDay,
  localTime,
  localWeekday,
  nextLocalWindowStart,
  parseLocalTime,
  startOfLocalDay,
  toEpochMs,
  zonedInstant,
} from './time.ts';
import { parseInput } from './validate.ts';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const LDN = 'Europe/London';

/** The thrown KefuError's code and issues, for asserting on the path and message. */
function failure(fn: () => unknown): { code: string; path: string | undefined; message: string | undefined } {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof KefuError)) throw error;
    return { code: error.code, path: error.issues[0]?.path, message: error.issues[0]?.message };
  }
  throw new Error('expected a KefuError');
}

const at = (iso: string): number => toEpochMs(iso);

describe('instants and formatting', () => {
  it('formats Shanghai at +08:00 all year and UTC as +00:00, never Z', () => {
    expect(formatInstant(at('2026-11-11T03:00:00Z'), SH)).toBe('2026-11-11T11:00:00+08:00');
    expect(formatInstant(at('2026-07-01T03:00:00Z'), SH)).toBe('2026-07-01T11:00:00+08:00');
    expect(formatInstant(0, 'UTC')).toBe('1970-01-01T00:00:00+00:00');
    expect(formatInstant(0, DEFAULT_TIME_ZONE)).toBe('1970-01-01T08:00:00+08:00');
  });

  it('shows milliseconds only when non-zero, and before 1970 too', () => {
    expect(formatInstant(at('2026-11-11T11:00:00.5+08:00'), SH)).toBe('2026-11-11T11:00:00.500+08:00');
    expect(formatInstant(-1, 'UTC')).toBe('1969-12-31T23:59:59.999+00:00');
  });

  it('uses the DST offset in force at the instant', () => {
    expect(formatInstant(Date.UTC(2026, 6, 1, 16), NY)).toBe('2026-07-01T12:00:00-04:00');
    expect(formatInstant(Date.UTC(2026, 0, 15, 17), NY)).toBe('2026-01-15T12:00:00-05:00');
    expect(formatInstant(Date.UTC(2026, 6, 1, 11), LDN)).toBe('2026-07-01T12:00:00+01:00');
    expect(formatInstant(Date.UTC(2026, 0, 15, 12), LDN)).toBe('2026-01-15T12:00:00+00:00');
  });

  it('handles the +05:45 of Kathmandu and the half-hour DST of Lord Howe', () => {
    expect(formatInstant(Date.UTC(2026, 10, 11, 0), 'Asia/Kathmandu')).toBe('2026-11-11T05:45:00+05:45');
    expect(formatInstant(Date.UTC(2026, 0, 15, 0), 'Australia/Lord_Howe')).toBe('2026-01-15T11:00:00+11:00');
    expect(formatInstant(Date.UTC(2026, 6, 15, 0), 'Australia/Lord_Howe')).toBe('2026-07-15T10:30:00+10:30');
  });

  it('reads ISO instants with Z or an offset, optional seconds and fraction, and epoch ms', () => {
    expect(toEpochMs('2026-11-11T00:00:00+08:00')).toBe(1_794_326_400_000);
    expect(toEpochMs('2026-11-10T16:00Z')).toBe(1_794_326_400_000);
    expect(toEpochMs('2026-11-10T11:00:00.000-05:00')).toBe(1_794_326_400_000);
    expect(toEpochMs('2026-11-10T16:00:00.25Z')).toBe(1_794_326_400_250);
    expect(toEpochMs(1_794_326_400_000)).toBe(1_794_326_400_000);
  });

  it('reads local date, time, minute of day and weekday', () => {
    const t = at('2026-11-10T16:30:59Z');
    expect(localDate(t, SH)).toBe('2026-11-11');
    expect(localDate(t, 'UTC')).toBe('2026-11-10');
    expect(localTime(t, SH)).toBe('00:30');
    expect(localMinuteOfDay(t, SH)).toBe(30);
    expect(localTime(t, 'Asia/Kathmandu')).toBe('22:15');
    expect(localWeekday('2026-11-11')).toBe(3);
    expect(localWeekday('2026-11-15')).toBe(7);
    expect(localWeekday('2026-11-16')).toBe(1);
    expect(localWeekday('1970-01-01')).toBe(4);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, leap days and DST dates alike', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('2026-11-01', '2026-11-11')).toBe(10);
    expect(daysBetween('2026-03-09', '2026-03-08')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('refuses results outside years 0001-9999', () => {
    expect(failure(() => addDays('9999-12-31', 1))).toMatchObject({ code: 'OUT_OF_RANGE', path: 'days' });
  });
});

describe('wall times to instants (DST policy)', () => {
  it('maps Shanghai wall times at +08:00', () => {
    expect(zonedInstant('2026-11-11', '00:00', SH)).toBe(1_794_326_400_000);
    expect(startOfLocalDay('2026-11-11', SH)).toBe(1_794_326_400_000);
    expect(localDayLengthMinutes('2026-11-11', SH)).toBe(1440);
  });

  it('New York spring forward 2026-03-08: a skipped wall time moves forward by the gap', () => {
    expect(formatInstant(zonedInstant('2026-03-08', '01:59', NY), NY)).toBe('2026-03-08T01:59:00-05:00');
    expect(formatInstant(zonedInstant('2026-03-08', '02:00', NY), NY)).toBe('2026-03-08T03:00:00-04:00');
    expect(formatInstant(zonedInstant('2026-03-08', '02:30', NY), NY)).toBe('2026-03-08T03:30:00-04:00');
    expect(formatInstant(zonedInstant('2026-03-08', '03:00', NY), NY)).toBe('2026-03-08T03:00:00-04:00');
    expect(localDayLengthMinutes('2026-03-08', NY)).toBe(1380);
  });

  it('New York fall back 2026-11-01: a repeated wall time means the earlier instant', () => {
    expect(formatInstant(zonedInstant('2026-11-01', '01:30', NY), NY)).toBe('2026-11-01T01:30:00-04:00');
    expect(formatInstant(zonedInstant('2026-11-01', '02:00', NY), NY)).toBe('2026-11-01T02:00:00-05:00');
    expect(localDayLengthMinutes('2026-11-01', NY)).toBe(1500);
    expect(localDayLengthMinutes('2026-11-02', NY)).toBe(1440);
  });

  it('London 2026-03-29 and 2026-10-25', () => {
    expect(formatInstant(zonedInstant('2026-03-29', '01:30', LDN), LDN)).toBe('2026-03-29T02:30:00+01:00');
    expect(formatInstant(zonedInstant('2026-10-25', '01:30', LDN), LDN)).toBe('2026-10-25T01:30:00+01:00');
    expect(localDayLengthMinutes('2026-03-29', LDN)).toBe(1380);
    expect(localDayLengthMinutes('2026-10-25', LDN)).toBe(1500);
  });

  it('Lord Howe shifts by 30 minutes; Kathmandu never shifts', () => {
    expect(localDayLengthMinutes('2026-10-04', 'Australia/Lord_Howe')).toBe(1410);
    expect(localDayLengthMinutes('2026-04-05', 'Australia/Lord_Howe')).toBe(1470);
    const lh = 'Australia/Lord_Howe';
    expect(formatInstant(zonedInstant('2026-10-04', '02:15', lh), lh)).toBe('2026-10-04T02:45:00+11:00');
    expect(formatInstant(zonedInstant('2026-04-05', '01:45', lh), lh)).toBe('2026-04-05T01:45:00+11:00');
    expect(formatInstant(zonedInstant('2026-11-11', '09:00', 'Asia/Kathmandu'), 'Asia/Kathmandu')).toBe('2026-11-11T09:00:00+05:45');
    expect(localDayLengthMinutes('2026-03-08', 'Asia/Kathmandu')).toBe(1440);
  });

  it('a zone that skips midnight starts the day when the clock jumps', () => {
    // Santiago springs forward at 24:00 → 01:00 on 2026-09-06.
    const cl = 'America/Santiago';
    expect(formatInstant(startOfLocalDay('2026-09-06', cl), cl)).toBe('2026-09-06T01:00:00-03:00');
    expect(localDayLengthMinutes('2026-09-06', cl)).toBe(1380);
  });
});

describe('local windows', () => {
  const office = [{ from: '09:00', to: '18:00' }];
  const night = [{ from: '22:00', to: '02:00' }];

  it('is half-open [from, to) on the local wall clock', () => {
    expect(isInLocalWindows(zonedInstant('2026-11-11', '08:59', SH), office, SH)).toBe(false);
    expect(isInLocalWindows(zonedInstant('2026-11-11', '09:00', SH), office, SH)).toBe(true);
    expect(isInLocalWindows(zonedInstant('2026-11-11', '17:59', SH) + 59_999, office, SH)).toBe(true);
    expect(isInLocalWindows(zonedInstant('2026-11-11', '18:00', SH), office, SH)).toBe(false);
  });

  it('crosses midnight when to <= from', () => {
    expect(isInLocalWindows(zonedInstant('2026-11-11', '21:59', SH), night, SH)).toBe(false);
    expect(isInLocalWindows(zonedInstant('2026-11-11', '23:00', SH), night, SH)).toBe(true);
    expect(isInLocalWindows(zonedInstant('2026-11-12', '01:59', SH), night, SH)).toBe(true);
    expect(isInLocalWindows(zonedInstant('2026-11-12', '02:00', SH), night, SH)).toBe(false);
    const from23 = nextLocalWindowStart(zonedInstant('2026-11-11', '12:00', SH), night, SH);
    expect(formatInstant(from23 ?? 0, SH)).toBe('2026-11-11T22:00:00+08:00');
  });

  it("accepts '24:00' as the end of the day", () => {
    const evening = [{ from: '18:00', to: '24:00' }];
    expect(isInLocalWindows(zonedInstant('2026-11-11', '23:59', SH), evening, SH)).toBe(true);
    expect(isInLocalWindows(zonedInstant('2026-11-12', '00:00', SH), evening, SH)).toBe(false);
    expect(isInLocalWindows(zonedInstant('2026-11-12', '00:00', SH), [{ from: '00:00', to: '24:00' }], SH)).toBe(true);
  });

  it('finds the next start, or the instant itself when already open', () => {
    const inside = zonedInstant('2026-11-11', '10:15', SH) + 1234;
    expect(nextLocalWindowStart(inside, office, SH)).toBe(inside);
    const late = zonedInstant('2026-11-11', '23:30', SH);
    expect(formatInstant(nextLocalWindowStart(late, office, SH) ?? 0, SH)).toBe('2026-11-12T09:00:00+08:00');
    expect(nextLocalWindowStart(late, [], SH)).toBeNull();
    expect(nextLocalWindowStart(late, office, SH, 0)).toBeNull();
  });

  it('keeps blocked dates closed, including the after-midnight part of a window', () => {
    const blocked = new Set(['2026-11-12', '2026-11-13']);
    const late = zonedInstant('2026-11-11', '23:30', SH);
    expect(formatInstant(nextLocalWindowStart(late, office, SH, 14, blocked) ?? 0, SH)).toBe('2026-11-14T09:00:00+08:00');
    expect(isInLocalWindows(zonedInstant('2026-11-12', '01:00', SH), night, SH, blocked)).toBe(false);
    expect(isInLocalWindows(zonedInstant('2026-11-11', '23:00', SH), night, SH, blocked)).toBe(true);
    // Opens at midnight when the blocked day ends inside a midnight-crossing window.
    const eve = zonedInstant('2026-11-13', '23:00', SH);
    expect(formatInstant(nextLocalWindowStart(eve, night, SH, 14, blocked) ?? 0, SH)).toBe('2026-11-14T00:00:00+08:00');
    expect(nextLocalWindowStart(late, office, SH, 2, blocked)).toBeNull();
  });

  it('skips a window that a spring-forward gap removes entirely', () => {
    const midnight = startOfLocalDay('2026-03-08', NY);
    const r = nextLocalWindowStart(midnight, [{ from: '02:00', to: '03:00' }], NY);
    expect(formatInstant(r ?? 0, NY)).toBe('2026-03-09T02:00:00-04:00');
    expect(isInLocalWindows(zonedInstant('2026-03-08', '02:30', NY), [{ from: '02:00', to: '03:00' }], NY)).toBe(false);
  });

  it('opens a partly skipped window when the clock jumps into it', () => {
    const midnight = startOfLocalDay('2026-03-08', NY);
    const r = nextLocalWindowStart(midnight, [{ from: '02:30', to: '04:00' }], NY);
    expect(formatInstant(r ?? 0, NY)).toBe('2026-03-08T03:00:00-04:00');
  });

  it('reopens a window during the repeated hour of a fall back', () => {
    const windows = [{ from: '00:30', to: '01:30' }];
    const afterFirst = toEpochMs('2026-11-01T01:45:00-04:00');
    expect(isInLocalWindows(afterFirst, windows, NY)).toBe(false);
    expect(formatInstant(nextLocalWindowStart(afterFirst, windows, NY) ?? 0, NY)).toBe('2026-11-01T01:00:00-05:00');
    expect(isInLocalWindows(toEpochMs('2026-11-01T01:15:00-05:00'), windows, NY)).toBe(true);
  });

  it('London evening window across the October change', () => {
    const r = nextLocalWindowStart(toEpochMs('2026-10-24T23:00:00+01:00'), [{ from: '01:00', to: '01:30' }], LDN);
    expect(formatInstant(r ?? 0, LDN)).toBe('2026-10-25T01:00:00+01:00');
  });
});

describe('invalid input names its path', () => {
  it.each([
    ['empty zone', () => assertTimeZone(''), 'timeZone'],
    ['unknown zone', () => assertTimeZone('Mars/Olympus', 'shops.2.timeZone'), 'shops.2.timeZone'],
    ['offset as zone', () => formatInstant(0, '+08:00'), 'timeZone'],
    ['non-string zone', () => localDate(0, 8 as unknown as string), 'timeZone'],
    ['impossible date', () => zonedInstant('2026-02-30', '09:00', SH), 'date'],
    ['date of wrong shape', () => addDays('2026-1-1', 1), 'date'],
    ['non-string date', () => localWeekday(20261111 as unknown as string), 'date'],
    ['25:00', () => zonedInstant('2026-11-11', '25:00', SH), 'time'],
    ['24:00 as a time', () => parseLocalTime('24:00', 'rules.0.sendAt'), 'rules.0.sendAt'],
    ['ISO without offset', () => toEpochMs('2026-11-11T00:00:00', 'orders.3.createdAt'), 'orders.3.createdAt'],
    ['ISO with a bad date', () => toEpochMs('2026-02-30T00:00:00Z'), 'instant'],
    ['NaN epoch', () => formatInstant(Number.NaN, SH), 'epochMs'],
    ['fractional epoch', () => localTime(1.5, SH), 'epochMs'],
    ['NaN instant', () => toEpochMs(Number.NaN), 'instant'],
    ['empty window', () => isInLocalWindows(0, [{ from: '09:00', to: '09:00' }], SH), 'windows.0.to'],
    ['window past 24:00', () => isInLocalWindows(0, [{ from: '09:00', to: '24:30' }], SH), 'windows.0.to'],
    ['window from 24:00', () => isInLocalWindows(0, [{ from: '09:00', to: '18:00' }, { from: '24:00', to: '01:00' }], SH), 'windows.1.from'],
    ['windows not an array', () => nextLocalWindowStart(0, {} as unknown as [], SH), 'windows'],
    ['bad blocked date', () => isInLocalWindows(0, [], SH, new Set(['2026-13-01'])), 'blockedDates'],
    ['bad horizon', () => nextLocalWindowStart(0, [], SH, 1.5), 'horizonDays'],
    ['non-integer days', () => addDays('2026-11-11', 0.5), 'days'],
    ['bad from', () => daysBetween('x', '2026-11-11'), 'from'],
  ])('%s', (_name, fn, path) => {
    const f = failure(fn);
    expect(f.code).toBe('INVALID_INPUT');
    expect(f.path).toBe(path);
    expect(f.message).toMatch(/^expected .+, received .+$/);
  });

  it('messages say what was expected and what came', () => {
    expect(failure(() => assertTimeZone('Mars/Olympus')).message).toBe(
      'expected an IANA time zone such as Asia/Shanghai, received "Mars/Olympus"',
    );
    expect(failure(() => assertLocalDate('2026-02-30', 'holidays.0'))).toMatchObject({
      path: 'holidays.0',
      message: 'expected a calendar date YYYY-MM-DD such as 2026-11-11, received "2026-02-30"',
    });
    expect(failure(() => isInLocalWindows(0, [{ from: '09:00', to: '09:00' }], SH)).message).toContain('empty');
  });

  it('refuses local mean time instead of rounding its offset', () => {
    expect(failure(() => formatInstant(Date.UTC(1890, 0, 1), SH))).toMatchObject({ code: 'OUT_OF_RANGE', path: 'timeZone' });
  });
});

describe('schemas', () => {
  const ok = (schema: z.ZodMiniType, value: unknown): boolean => schema.safeParse(value).success;

  it('TimeZoneSchema', () => {
    expect(ok(TimeZoneSchema, 'Asia/Shanghai')).toBe(true);
    expect(ok(TimeZoneSchema, 'UTC')).toBe(true);
    expect(ok(TimeZoneSchema, '')).toBe(false);
    expect(ok(TimeZoneSchema, '+08:00')).toBe(false);
    expect(ok(TimeZoneSchema, 'Mars/Olympus')).toBe(false);
  });

  it('LocalDateSchema and LocalTimeSchema', () => {
    expect(ok(LocalDateSchema, '2028-02-29')).toBe(true);
    expect(ok(LocalDateSchema, '2026-02-29')).toBe(false);
    expect(ok(LocalDateSchema, '2026-02-30')).toBe(false);
    expect(ok(LocalDateSchema, '0000-01-01')).toBe(false);
    expect(ok(LocalTimeSchema, '00:00')).toBe(true);
    expect(ok(LocalTimeSchema, '23:59')).toBe(true);
    expect(ok(LocalTimeSchema, '24:00')).toBe(false);
    expect(ok(LocalTimeSchema, '9:00')).toBe(false);
  });

  it('InstantSchema', () => {
    expect(ok(InstantSchema, '2026-11-11T00:00:00+08:00')).toBe(true);
    expect(ok(InstantSchema, '2026-11-11T00:00Z')).toBe(true);
    expect(ok(InstantSchema, 1_794_326_400_000)).toBe(true);
    expect(ok(InstantSchema, '2026-11-11T00:00:00')).toBe(false);
    expect(ok(InstantSchema, '2026-11-11 00:00:00+08:00')).toBe(false);
    expect(ok(InstantSchema, '2026-11-11T00:00:00.1234Z')).toBe(false);
    expect(ok(InstantSchema, 1.5)).toBe(false);
    expect(ok(InstantSchema, Number.NaN)).toBe(false);
  });

  it('LocalWindowSchema reports through parseInput with the field path', () => {
    const Rule = z.object({ windows: z.array(LocalWindowSchema), at: InstantSchema });
    expect(ok(LocalWindowSchema, { from: '22:00', to: '02:00' })).toBe(true);
    expect(ok(LocalWindowSchema, { from: '18:00', to: '24:00' })).toBe(true);
    expect(ok(LocalWindowSchema, { from: '18:00', to: '24:00', days: 5 })).toBe(false);
    let error: unknown;
    try {
      parseInput(Rule, { windows: [{ from: '09:00', to: '09:00' }], at: Number.NaN }, 'rule');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KefuError);
    expect((error as KefuError).issues.map((issue) => issue.path)).toEqual(['windows.0.to', 'at']);
    expect((error as KefuError).issues[1]?.message).toContain('received NaN');
  });
});

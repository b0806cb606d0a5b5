import { tzOffset } from '@date-fns/tz/tzOffset';
import * as z from 'zod/mini';
import { dayFromCivil, formatDay } from './civil-day.ts';
import { KefuError, invalid } from './errors.ts';
import { describe, parseInput } from './validate.ts';

// Civil dates are handled as day numbers (days since 1970-01-01) and wall-clock times as "wall
// milliseconds": epoch-style numbers whose UTC fields read as the local date and time. Only
// `offsetMs` talks to the zone database, so every other step is plain integer arithmetic and
// never sees the host time zone.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,3}))?)?(?:Z|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

const ZONE_EXPECTED = 'expected an IANA time zone such as Asia/Shanghai';
const DATE_EXPECTED = 'expected a calendar date YYYY-MM-DD such as 2026-11-11';
const TIME_EXPECTED = 'expected a wall-clock time HH:mm from 00:00 to 23:59';
const WINDOW_END_EXPECTED = 'expected a wall-clock time HH:mm from 00:00 to 24:00';
const EPOCH_EXPECTED = 'expected integer epoch milliseconds from 0001-01-02 to 9999-12-30 UTC';
const INSTANT_EXPECTED =
  'expected an ISO 8601 instant with an offset such as "2026-11-11T11:00:00+08:00" (or Z), or integer epoch milliseconds';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

const MIN_DAY = dayFromCivil(1, 1, 1);
const MAX_DAY = dayFromCivil(9999, 12, 31);
// One day of margin on each side keeps every local date of an accepted instant within 0001–9999.
const MIN_EPOCH_MS = (MIN_DAY + 1) * DAY_MS;
const MAX_EPOCH_MS = MAX_DAY * DAY_MS - 1;

/** The day number of a real calendar date written `YYYY-MM-DD`, or `undefined`. */
function dayOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_RE.exec(value);
  if (!match || Number(match[1]) < 1) return undefined;
  const day = dayFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  // 2026-02-30 rolls over to 2026-03-02 in `Date`; the round trip catches it.
  return formatDay(day) === value ? day : undefined;
}

function minutesOf(value: unknown): number | undefined {
  const match = typeof value === 'string' ? TIME_RE.exec(value) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function isEpochMs(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_EPOCH_MS && (value as number) <= MAX_EPOCH_MS;
}

function instantMs(value: unknown): number | undefined {
  if (typeof value === 'number') return isEpochMs(value) ? value : undefined;
  const match = typeof value === 'string' ? INSTANT_RE.exec(value) : null;
  if (!match) return undefined;
  const [, date, hour, minute, second = '0', fraction = '0', sign, offsetHour = '0', offsetMinute = '0'] = match;
  const day = dayOf(date);
  if (day === undefined) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHour) * 60 + Number(offsetMinute)) * MINUTE_MS;
  const time = (Number(hour) * 60 + Number(minute)) * MINUTE_MS + Number(second) * 1000 + Number(fraction.padEnd(3, '0'));
  const wall = day * DAY_MS + time;
  const epochMs = wall - offset;
  return isEpochMs(epochMs) ? epochMs : undefined;
}

const knownZones = new Set<string>();

function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (knownZones.has(value)) return true;
  // Newer runtimes accept offsets such as "+08:00" as zones; kefu wants named zones, whose rules know DST.
  if (value === '' || /^[+-]/.test(value)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: value });
  } catch {
    return false;
  }
  knownZones.add(value);
  return true;
}

/**
 * A time zone name from the IANA database (`Asia/Shanghai`, `America/New_York`, `UTC`). Fixed
 * offsets such as `+08:00` are rejected: they cannot follow a zone's daylight-saving rules.
 *
 * @example
 * ```ts
 * const Shop = z.object({ timeZone: TimeZoneSchema });
 * parseInput(Shop, { timeZone: 'Mars/Olympus' }, 'shop'); // throws: timeZone: expected an IANA time zone …, received "Mars/Olympus"
 * ```
 */
export const TimeZoneSchema = /* @__PURE__ */ z.string().check(z.refine(isTimeZone, ZONE_EXPECTED));

/**
 * A civil date `YYYY-MM-DD` (years 0001–9999) that exists in the Gregorian calendar.
 *
 * @example
 * ```ts
 * LocalDateSchema.parse('2026-11-11'); // '2026-11-11'
 * LocalDateSchema.safeParse('2026-02-30').success; // false
 * ```
 */
export const LocalDateSchema = /* @__PURE__ */ z.string().check(z.refine((value) => dayOf(value) !== undefined, DATE_EXPECTED));

/**
 * A wall-clock time `HH:mm` from `00:00` to `23:59`.
 *
 * @example
 * ```ts
 * LocalTimeSchema.parse('09:30'); // '09:30'
 * LocalTimeSchema.safeParse('25:00').success; // false
 * ```
 */
export const LocalTimeSchema = /* @__PURE__ */ z.string().check(z.refine((value) => minutesOf(value) !== undefined, TIME_EXPECTED));

// One custom check rather than a union, so NaN or 1.5 get this message instead of "expected a string".
/**
 * An instant: an ISO 8601 string with an explicit offset (`Z` or `±HH:mm`; seconds and up to
 * three fraction digits optional), or integer epoch milliseconds. A string without an offset is
 * rejected because its instant depends on a zone nobody named.
 *
 * @example
 * ```ts
 * InstantSchema.parse('2026-11-11T00:00:00+08:00'); // ok
 * InstantSchema.parse(1_794_326_400_000); // ok
 * InstantSchema.safeParse('2026-11-11T00:00:00').success; // false
 * ```
 */
export const InstantSchema = /* @__PURE__ */ z.custom<string | number>((value) => instantMs(value) !== undefined, { error: INSTANT_EXPECTED });

/**
 * The zone kefu assumes when a shop names none: mainland China, UTC+8 all year, no DST.
 *
 * @example
 * ```ts
 * formatInstant(0, DEFAULT_TIME_ZONE); // '1970-01-01T08:00:00+08:00'
 * ```
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * Returns `value` if it is a valid IANA time zone, or throws `INVALID_INPUT` naming `path`.
 *
 * @example
 * ```ts
 * assertTimeZone('Europe/London'); // 'Europe/London'
 * assertTimeZone('+08:00', 'shops.2.timeZone'); // throws: shops.2.timeZone: expected an IANA time zone …, received "+08:00"
 * ```
 */
export function assertTimeZone(value: unknown, path = 'timeZone'): string {
  if (!isTimeZone(value)) invalid(path, `${ZONE_EXPECTED}, received ${describe(value)}`);
  return value;
}

/**
 * Returns `value` if it is a real calendar date `YYYY-MM-DD`, or throws `INVALID_INPUT` naming `path`.
 *
 * @example
 * ```ts
 * assertLocalDate('2028-02-29'); // '2028-02-29'
 * assertLocalDate('2026-02-29', 'holidays.0'); // throws: holidays.0: expected a calendar date …, received "2026-02-29"
 * ```
 */
export function assertLocalDate(value: unknown, path = 'date'): string {
  checkDay(value, path);
  return value as string;
}

function checkDay(value: unknown, path: string): number {
  const day = dayOf(value);
  return day ?? invalid(path, `${DATE_EXPECTED}, received ${describe(value)}`);
}

function checkEpochMs(value: unknown, path: string): number {
  if (!isEpochMs(value)) invalid(path, `${EPOCH_EXPECTED}, received ${describe(value)}`);
  return value;
}

/**
 * Reads an instant (ISO 8601 with offset, or epoch milliseconds) into epoch milliseconds, or
 * throws `INVALID_INPUT` naming `path`.
 *
 * @example
 * ```ts
 * toEpochMs('2026-11-11T00:00:00+08:00'); // 1794326400000
 * toEpochMs('2026-11-11T00:00:00', 'orders.3.createdAt'); // throws: orders.3.createdAt: expected an ISO 8601 instant with an offset …
 * ```
 */
export function toEpochMs(instant: string | number, path = 'instant'): number {
  const epochMs = instantMs(instant);
  return epochMs ?? invalid(path, `${INSTANT_EXPECTED}, received ${describe(instant)}`);
}

/**
 * The zone's UTC offset at an instant, in milliseconds. Local mean time (offsets with seconds,
 * used by every zone at some point before 1972) is refused rather than rounded.
 */
export function offsetMs(timeZone: string, epochMs: number): number {
  const minutes = tzOffset(timeZone, new Date(epochMs));
  if (Number.isInteger(minutes)) return minutes * MINUTE_MS;
  throw new KefuError('OUT_OF_RANGE', [
    {
      path: 'timeZone',
      message:
        `${timeZone} used local mean time (an offset with seconds) at ${new Date(epochMs).toISOString()}; ` +
        'kefu handles whole-minute offsets only',
    },
  ]);
}

function wallMs(epochMs: number, timeZone: string): number {
  return epochMs + offsetMs(timeZone, epochMs);
}

function floorMod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/**
 * Formats an instant as ISO 8601 with the zone's offset at that instant (DST-aware). UTC is
 * written `+00:00`, not `Z`, so every output has the same shape; milliseconds appear only when
 * non-zero.
 *
 * @example
 * ```ts
 * formatInstant(1_794_366_000_000, 'Asia/Shanghai'); // '2026-11-11T11:00:00+08:00'
 * formatInstant(Date.UTC(2026, 6, 1, 16), 'America/New_York'); // '2026-07-01T12:00:00-04:00'
 * ```
 */
export function formatInstant(epochMs: number, timeZone: string): string {
  checkEpochMs(epochMs, 'epochMs');
  assertTimeZone(timeZone);
  const offset = offsetMs(timeZone, epochMs);
  const wall = epochMs + offset;
  const seconds = pad(floorMod(Math.floor(wall / 1000), 60));
  const ms = floorMod(wall, 1000);
  const fraction = ms === 0 ? '' : `.${pad(ms, 3)}`;
  const sign = offset < 0 ? '-' : '+';
  return `${formatDay(Math.floor(wall / DAY_MS))}T${formatMinute(wall)}:${seconds}${fraction}${sign}${formatMinute(Math.abs(offset))}`;
}

/** `HH:mm` of wall milliseconds (also of an offset below 24 hours). */
function formatMinute(wall: number): string {
  const minute = minuteOfDay(wall);
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

function minuteOfDay(wall: number): number {
  return Math.floor(floorMod(wall, DAY_MS) / MINUTE_MS);
}

/**
 * The local calendar date `YYYY-MM-DD` of an instant in a zone.
 *
 * @example
 * ```ts
 * localDate(Date.UTC(2026, 10, 10, 16), 'Asia/Shanghai'); // '2026-11-11' (already midnight in Shanghai)
 * ```
 */
export function localDate(epochMs: number, timeZone: string): string {
  checkEpochMs(epochMs, 'epochMs');
  return formatDay(Math.floor(wallMs(epochMs, assertTimeZone(timeZone)) / DAY_MS));
}

/**
 * The local wall-clock time `HH:mm` of an instant in a zone (seconds are dropped, not rounded).
 *
 * @example
 * ```ts
 * localTime(Date.UTC(2026, 10, 11, 3, 30, 59), 'Asia/Shanghai'); // '11:30'
 * ```
 */
export function localTime(epochMs: number, timeZone: string): string {
  checkEpochMs(epochMs, 'epochMs');
  return formatMinute(wallMs(epochMs, assertTimeZone(timeZone)));
}

/**
 * Minutes since local midnight (0–1439) shown by the wall clock at an instant. On DST days some
 * values are skipped or repeated, because this reads the clock rather than counting elapsed time.
 *
 * @example
 * ```ts
 * localMinuteOfDay(Date.UTC(2026, 10, 11, 1, 30), 'Asia/Shanghai'); // 570 (09:30)
 * ```
 */
export function localMinuteOfDay(epochMs: number, timeZone: string): number {
  checkEpochMs(epochMs, 'epochMs');
  return minuteOfDay(wallMs(epochMs, assertTimeZone(timeZone)));
}

/**
 * ISO weekday of a civil date: 1 = Monday … 7 = Sunday. Calendar arithmetic only, no zone.
 *
 * @example
 * ```ts
 * localWeekday('2026-11-11'); // 3 (Wednesday)
 * ```
 */
export function localWeekday(date: string): number {
  // Day 0, 1970-01-01, was a Thursday (4).
  return floorMod(checkDay(date, 'date') + 3, 7) + 1;
}

/**
 * Adds whole calendar days to a civil date. No zone is involved, so DST never shifts the result.
 * Throws `OUT_OF_RANGE` if the result leaves years 0001–9999.
 *
 * @example
 * ```ts
 * addDays('2026-02-28', 1); // '2026-03-01'
 * addDays('2026-03-01', -1); // '2026-02-28'
 * ```
 */
export function addDays(date: string, days: number): string {
  const day = checkDay(date, 'date');
  if (!Number.isSafeInteger(days)) invalid('days', `expected an integer number of days, received ${describe(days)}`);
  const result = day + days;
  if (result < MIN_DAY || result > MAX_DAY) {
    throw new KefuError('OUT_OF_RANGE', [{ path: 'days', message: `${date} plus ${days} days leaves the years 0001–9999` }]);
  }
  return formatDay(result);
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier). Inverse of {@link addDays}.
 *
 * @example
 * ```ts
 * daysBetween('2026-11-01', '2026-11-11'); // 10
 * ```
 */
export function daysBetween(from: string, to: string): number {
  return checkDay(to, 'to') - checkDay(from, 'from');
}

/**
 * Every instant at which the zone's wall clock reads `wall`, ascending: one normally, none inside
 * a spring-forward gap, two inside a fall-back overlap. The offsets a day either side cover both
 * sides of any single transition (zones never change twice within two days).
 */
function instantsAt(wall: number, timeZone: string): number[] {
  const offsets = new Set([offsetMs(timeZone, wall - DAY_MS), offsetMs(timeZone, wall + DAY_MS)]);
  return [...offsets]
    .map((offset) => wall - offset)
    .filter((epochMs) => offsetMs(timeZone, epochMs) === wall - epochMs)
    .sort((a, b) => a - b);
}

/**
 * `zonedInstant` on wall milliseconds: the earlier of two; in a gap, the offset in force before
 * it, which carries the wall time forward by the gap's length.
 */
function resolveWall(wall: number, timeZone: string): number {
  return instantsAt(wall, timeZone)[0] ?? wall - offsetMs(timeZone, wall - DAY_MS);
}

/**
 * The instant at which the zone's wall clock shows `time` on `date`.
 *
 * DST policy (Temporal's `'compatible'`): a wall time that is skipped by a spring-forward gap is
 * moved forward by the gap's length (02:30 on 2026-03-08 in New York → 03:30 EDT), so a
 * reminder set inside the gap still fires, just after it; a wall time that occurs twice in a
 * fall-back overlap means the earlier of the two (01:30 on 2026-11-01 in New York → 01:30 EDT),
 * so nothing happens an hour late.
 *
 * @example
 * ```ts
 * zonedInstant('2026-11-11', '00:00', 'Asia/Shanghai'); // 1794326400000 (2026-11-10T16:00:00Z)
 * formatInstant(zonedInstant('2026-03-08', '02:30', 'America/New_York'), 'America/New_York'); // '2026-03-08T03:30:00-04:00'
 * ```
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const day = checkDay(date, 'date');
  const minutes = parseLocalTime(time, 'time');
  return resolveWall(day * DAY_MS + minutes * MINUTE_MS, assertTimeZone(timeZone));
}

/**
 * The instant a local day begins: {@link zonedInstant} of `00:00`, with the same DST policy. Where
 * a zone skips midnight (gap at 00:00), the day begins when the clock jumps.
 *
 * @example
 * ```ts
 * startOfLocalDay('2026-11-11', 'Asia/Shanghai'); // 1794326400000
 * ```
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  return zonedInstant(date, '00:00', timeZone);
}

/**
 * Minutes that actually elapse during a local day: 1440, or e.g. 1380 / 1500 on the days a zone
 * springs forward / falls back by an hour (1410 / 1470 for Lord Howe's half hour).
 *
 * @example
 * ```ts
 * localDayLengthMinutes('2026-03-08', 'America/New_York'); // 1380
 * localDayLengthMinutes('2026-11-01', 'America/New_York'); // 1500
 * localDayLengthMinutes('2026-11-11', 'Asia/Shanghai'); // 1440
 * ```
 */
export function localDayLengthMinutes(date: string, timeZone: string): number {
  const next = addDays(assertLocalDate(date), 1);
  return (startOfLocalDay(next, timeZone) - startOfLocalDay(date, timeZone)) / MINUTE_MS;
}

/**
 * A daily window of local wall-clock time, half-open `[from, to)`. `to` may be `24:00` (end of
 * day); a `to` earlier than `from` crosses midnight (`22:00`–`02:00`); `from === to` is rejected
 * as empty rather than guessed to mean "all day" (write `00:00`–`24:00` for that).
 *
 * @example
 * ```ts
 * const evening: LocalWindow = { from: '18:00', to: '24:00' };
 * const night: LocalWindow = { from: '22:00', to: '02:00' };
 * ```
 */
export type LocalWindow = { readonly from: string; readonly to: string };

/**
 * Schema of a {@link LocalWindow}.
 *
 * @example
 * ```ts
 * const Rule = z.object({ windows: z.array(LocalWindowSchema) });
 * parseInput(Rule, { windows: [{ from: '09:00', to: '09:00' }] }, 'rule'); // throws: windows.0.to: … (the window would be empty), received "09:00"
 * ```
 */
export const LocalWindowSchema = z
  .strictObject({
    from: LocalTimeSchema,
    to: z.string().check(z.refine((value) => value === '24:00' || minutesOf(value) !== undefined, WINDOW_END_EXPECTED)),
  })
  .check(
    z.check((ctx) => {
      if (ctx.value.from !== ctx.value.to) return;
      ctx.issues.push({
        code: 'custom',
        message: 'expected a time other than from (the window would be empty)',
        input: ctx.value.to,
        path: ['to'],
      });
    }),
  );

const WindowsSchema = /* @__PURE__ */ z.array(LocalWindowSchema);

/**
 * Reads `HH:mm` (00:00–23:59) into minutes since midnight, or throws `INVALID_INPUT` naming `path`.
 *
 * @example
 * ```ts
 * parseLocalTime('09:30'); // 570
 * parseLocalTime('25:00', 'rules.0.sendAt'); // throws: rules.0.sendAt: expected a wall-clock time HH:mm …, received "25:00"
 * ```
 */
export function parseLocalTime(value: unknown, path = 'time'): number {
  const minutes = minutesOf(value);
  return minutes ?? invalid(path, `${TIME_EXPECTED}, received ${describe(value)}`);
}

/** A window cut to one local date: wall minutes `[start, end)`. */
type Span = { readonly start: number; readonly end: number };

function toSpans(windows: unknown, path: string): Span[] {
  let parsed: z.output<typeof WindowsSchema>;
  try {
    parsed = parseInput(WindowsSchema, windows, '');
  } catch (error) {
    if (!(error instanceof KefuError)) throw error;
    // parseInput paths start at the array; prefix the caller's path.
    throw new KefuError(
      error.code,
      error.issues.map((issue) => ({ path: issue.path === '' ? path : `${path}.${issue.path}`, message: issue.message })),
    );
  }
  return parsed.flatMap(({ from, to }) => {
    const start = minutesOf(from) ?? 0;
    const end = to === '24:00' ? MINUTES_PER_DAY : (minutesOf(to) ?? 0);
    if (start < end) return [{ start, end }];
    // Crosses midnight: [from, 24:00) and [00:00, to) on every date.
    return end === 0 ? [{ start, end: MINUTES_PER_DAY }] : [{ start, end: MINUTES_PER_DAY }, { start: 0, end }];
  });
}

function checkBlocked(blockedDates: unknown, path: string): ReadonlySet<string> | undefined {
  if (blockedDates === undefined) return undefined;
  if (!(blockedDates instanceof Set)) invalid(path, `expected a Set of dates YYYY-MM-DD, received ${describe(blockedDates)}`);
  for (const date of blockedDates) checkDay(date, path);
  return blockedDates as ReadonlySet<string>;
}

function isOpen(epochMs: number, spans: readonly Span[], timeZone: string, blocked: ReadonlySet<string> | undefined): boolean {
  const wall = wallMs(epochMs, timeZone);
  if (blocked?.has(formatDay(Math.floor(wall / DAY_MS)))) return false;
  const minute = minuteOfDay(wall);
  return spans.some((span) => span.start <= minute && minute < span.end);
}

/**
 * Whether the wall clock at an instant is inside one of the windows: half-open `[from, to)` on
 * the local minute of the instant's own local date, with midnight-crossing windows split at
 * midnight. Wall times skipped by a DST gap never occur, so they are never open; wall times
 * repeated by a fall-back overlap are open both times. On a date in `blockedDates` (e.g.
 * holidays) nothing is open, including the after-midnight part of a window begun the evening before.
 *
 * @example
 * ```ts
 * const night = [{ from: '22:00', to: '02:00' }];
 * isInLocalWindows(zonedInstant('2026-11-11', '01:00', 'Asia/Shanghai'), night, 'Asia/Shanghai'); // true
 * isInLocalWindows(zonedInstant('2026-11-11', '01:00', 'Asia/Shanghai'), night, 'Asia/Shanghai', new Set(['2026-11-11'])); // false
 * ```
 */
export function isInLocalWindows(
  epochMs: number,
  windows: readonly LocalWindow[],
  timeZone: string,
  blockedDates?: ReadonlySet<string>,
): boolean {
  checkEpochMs(epochMs, 'epochMs');
  const spans = toSpans(windows, 'windows');
  return isOpen(epochMs, spans, assertTimeZone(timeZone), checkBlocked(blockedDates, 'blockedDates'));
}

/**
 * The first instant at or after `epochMs` at which {@link isInLocalWindows} holds: `epochMs`
 * itself when already inside, else the moment a window opens; `null` if none opens within
 * `horizonDays` (0–3660) × 24 hours. `blockedDates` works as in {@link isInLocalWindows}.
 *
 * DST: a window whose wall times a gap skips entirely does not exist that day and is skipped
 * (02:00–03:00 in New York opens next on 2026-03-09); one only partly skipped opens when the clock
 * jumps into it (02:30–04:00 opens at 03:00 EDT on 2026-03-08). A window inside a fall-back
 * overlap opens twice.
 *
 * @example
 * ```ts
 * const tz = 'Asia/Shanghai';
 * const at = zonedInstant('2026-11-11', '23:30', tz);
 * formatInstant(nextLocalWindowStart(at, [{ from: '09:00', to: '21:00' }], tz) ?? 0, tz); // '2026-11-12T09:00:00+08:00'
 * ```
 */
export function nextLocalWindowStart(
  epochMs: number,
  windows: readonly LocalWindow[],
  timeZone: string,
  horizonDays = 14,
  blockedDates?: ReadonlySet<string>,
): number | null {
  checkEpochMs(epochMs, 'epochMs');
  const spans = toSpans(windows, 'windows');
  assertTimeZone(timeZone);
  if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > 3660) {
    invalid('horizonDays', `expected an integer number of days from 0 to 3660, received ${describe(horizonDays)}`);
  }
  const blocked = checkBlocked(blockedDates, 'blockedDates');
  if (isOpen(epochMs, spans, timeZone, blocked)) return epochMs;
  const limit = Math.min(epochMs + horizonDays * DAY_MS, MAX_EPOCH_MS);

  // Openness changes only where the wall clock reaches a window's start or jumps at a transition,
  // so the answer is the earliest open instant among those candidates.
  const candidates = transitions(epochMs, limit, timeZone);
  const lastDay = Math.floor(wallMs(limit, timeZone) / DAY_MS);
  for (let day = Math.floor(wallMs(epochMs, timeZone) / DAY_MS); day <= lastDay; day++) {
    for (const span of spans) candidates.push(...instantsAt(day * DAY_MS + span.start * MINUTE_MS, timeZone));
  }
  let best: number | null = null;
  for (const candidate of candidates) {
    const earlier = candidate > epochMs && candidate <= limit && (best === null || candidate < best);
    if (earlier && isOpen(candidate, spans, timeZone, blocked)) best = candidate;
  }
  return best;
}

/** Instants in `(from, to]` where the zone's offset changes, found by bisection within each day. */
function transitions(from: number, to: number, timeZone: string): number[] {
  const found: number[] = [];
  for (let start = from; start < to; start += DAY_MS) {
    let low = start;
    let high = Math.min(start + DAY_MS, to);
    const before = offsetMs(timeZone, low);
    if (offsetMs(timeZone, high) === before) continue;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (offsetMs(timeZone, mid) === before) low = mid;
      else high = mid;
    }
    found.push(high);
  }
  return found;
}

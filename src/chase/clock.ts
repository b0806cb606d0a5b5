// The hot-path time arithmetic of the planner: instants read and written a million times per plan.
// The functions in core/time.ts are the specification (the property tests compare against
// them); these do the same with integer arithmetic, a per-zone offset cache and no validation
// round trips. Nothing here depends on the host time zone.
import { offsetMs, startOfLocalDay } from '../core/time.ts';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * MINUTE_MS;

// Same bounds as core/time.ts: 0001-01-02 to 9999-12-30 UTC.
const MIN_EPOCH_MS = -62_135_510_400_000;
const MAX_EPOCH_MS = 253_402_214_399_999;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad4(year)}-${TWO[month]}-${TWO[day]}`;
}

/** Day number of a `YYYY-MM-DD` string already known to be valid. */
export function dayOfDate(date: string): number {
  return dayFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

const TWO: readonly string[] = /* @__PURE__ */ Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

function pad4(value: number): string {
  return value >= 1000 ? String(value) : String(value).padStart(4, '0');
}

function digit(text: string, at: number): number {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function twoDigits(text: string, at: number): number {
  const a = digit(text, at);
  const b = digit(text, at + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

const scratch = /* @__PURE__ */ new Float64Array(1);

/**
 * Epoch milliseconds of an instant as core's `InstantSchema` accepts it (ISO 8601 with `Z` or
 * `±HH:mm`, optional seconds and up to three fraction digits; or integer epoch milliseconds
 * within 0001–9999), or `undefined` for anything it rejects.
 */
export function parseInstant(value: unknown): number | undefined {
  return parseInstantTo(value, scratch, 0) ? scratch[0] : undefined;
}

/**
 * {@link parseInstant} into `out[at]` (`NaN` for `undefined` when `optional`); false when the
 * value is rejected. Writing into a typed array spares a million boxed numbers per plan.
 */
export function parseInstantTo(value: unknown, out: Float64Array, at: number, optional = false): boolean {
  if (value === undefined && optional) {
    out[at] = Number.NaN;
    return true;
  }
  if (typeof value === 'number') {
    if (!(Number.isInteger(value) && value >= MIN_EPOCH_MS && value <= MAX_EPOCH_MS)) return false;
    out[at] = value;
    return true;
  }
  return parseIsoInstant(value, out, at);
}

let lastDate = -1;
let lastDayNumber = 0;

/** An ISO 8601 instant string into `out[at]`; false when it is not one. */
function parseIsoInstant(value: unknown, out: Float64Array, at: number): boolean {
  if (typeof value !== 'string') return false;
  const text = value;
  const n = text.length;
  if (n < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return false;
  const y1 = twoDigits(text, 0);
  const y2 = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  const year = y1 * 100 + y2;
  // Instants of one plan share few dates: remember the last date checked and its day number.
  const ymd = (year * 16 + month) * 32 + day;
  let dayNumber: number;
  if (ymd === lastDate) dayNumber = lastDayNumber;
  else {
    if (year < 1) return false;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return false;
    dayNumber = dayFromCivil(year, month, day);
    lastDate = ymd;
    lastDayNumber = dayNumber;
  }
  let pos = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(pos) === 58) {
    second = twoDigits(text, pos + 1);
    if (second < 0 || second > 59) return false;
    pos += 3;
    if (text.charCodeAt(pos) === 46) {
      pos++;
      let digits = 0;
      while (digits < 3 && pos < n && digit(text, pos) >= 0) {
        ms = ms * 10 + digit(text, pos);
        pos++;
        digits++;
      }
      if (digits === 0) return false;
      for (let k = digits; k < 3; k++) ms *= 10;
    }
  }
  let offsetMinutes = 0;
  const c = text.charCodeAt(pos);
  if (c === 90) {
    pos++;
  } else if (c === 43 || c === 45) {
    const oh = twoDigits(text, pos + 1);
    const om = twoDigits(text, pos + 4);
    if (text.charCodeAt(pos + 3) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59) return false;
    offsetMinutes = (c === 45 ? -1 : 1) * (oh * 60 + om);
    pos += 6;
  } else {
    return false;
  }
  if (pos !== n) return false;
  const epoch = dayNumber * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms;
  if (!(epoch >= MIN_EPOCH_MS && epoch <= MAX_EPOCH_MS)) return false;
  out[at] = epoch;
  return true;
}

/** The zone's exact UTC offset at an instant, in ms (core's rule: local mean time is refused). */
export const exactOffset = offsetMs;

/**
 * One IANA zone with caches: the offset per 15-minute bucket (no zone changes its offset twice
 * within 15 minutes), local midnights per day, and ISO formatting.
 */
/** Scratch character codes for {@link ZoneClock.format} (single-threaded, never escapes). */
const CHARS: number[] = [];

function putTwo(c: number[], at: number, value: number): void {
  c[at] = 48 + Math.floor(value / 10);
  c[at + 1] = 48 + (value % 10);
}

/** The time part of an instant outside years 0000-9999, where the date is not ten characters. */
function formatTime(minuteOfDay: number, second: number, ms: number, offset: number, absolute: number): string {
  const fraction = ms === 0 ? '' : `.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}`;
  return (
    `T${TWO[Math.floor(minuteOfDay / 60)]}:${TWO[minuteOfDay % 60]}:${TWO[second]}${fraction}` +
    `${offset < 0 ? '-' : '+'}${TWO[Math.floor(absolute / 60)]}:${TWO[absolute % 60]}`
  );
}

export class ZoneClock {
  private formattedDay = Number.NaN;
  private formattedDayText = '';
  readonly timeZone: string;
  private readonly buckets = new Map<number, number>();
  private readonly midnights = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  // The last stretch known to have one offset: most instants of a plan fall in it.
  private stretchFrom = Number.POSITIVE_INFINITY;
  private stretchTo = Number.NEGATIVE_INFINITY;
  private stretchOffset = 0;
  private lastDay = Number.NaN;
  private lastDayStart = 0;

  offset(epochMs: number): number {
    if (epochMs >= this.stretchFrom && epochMs < this.stretchTo) return this.stretchOffset;
    const offset = this.bucketOffset(epochMs);
    // Zones never change their offset twice within two days: equal offsets a day either side mean
    // one offset for the whole two days.
    if (this.bucketOffset(epochMs - DAY_MS) === offset && this.bucketOffset(epochMs + DAY_MS) === offset) {
      this.stretchFrom = epochMs - DAY_MS;
      this.stretchTo = epochMs + DAY_MS;
      this.stretchOffset = offset;
    }
    return offset;
  }

  private bucketOffset(epochMs: number): number {
    const bucket = Math.floor(epochMs / BUCKET_MS);
    let cached = this.buckets.get(bucket);
    if (cached === undefined) {
      const start = bucket * BUCKET_MS;
      const a = exactOffset(this.timeZone, start);
      const b = exactOffset(this.timeZone, start + BUCKET_MS - 1);
      cached = a === b ? a : Number.NaN;
      this.buckets.set(bucket, cached);
    }
    return Number.isNaN(cached) ? exactOffset(this.timeZone, epochMs) : cached;
  }

  /** The local calendar day number of an instant. */
  localDay(epochMs: number): number {
    return Math.floor((epochMs + this.offset(epochMs)) / DAY_MS);
  }

  /** The first instant of local day `day` (core's `startOfLocalDay`). */
  dayStart(day: number): number {
    if (day === this.lastDay) return this.lastDayStart;
    let start = this.midnights.get(day);
    if (start === undefined) {
      start = startOfLocalDay(formatDay(day), this.timeZone);
      this.midnights.set(day, start);
    }
    this.lastDay = day;
    this.lastDayStart = start;
    return start;
  }

  /** Core's `formatInstant`: ISO 8601 with this zone's offset, milliseconds only when non-zero. */
  format(epochMs: number): string {
    const offset = this.offset(epochMs);
    const wall = epochMs + offset;
    const day = Math.floor(wall / DAY_MS);
    const inDay = wall - day * DAY_MS;
    const minuteOfDay = Math.floor(inDay / MINUTE_MS);
    const ms = inDay % 1000;
    const absolute = Math.abs(offset) / MINUTE_MS;
    // One flat string from character codes: a template literal of ten parts leaves a rope of
    // cons strings per call, and a plan formats hundreds of thousands of instants.
    const c = CHARS;
    if (day !== this.formattedDay) {
      this.formattedDay = day;
      this.formattedDayText = formatDay(day);
    }
    const date = this.formattedDayText;
    if (date.length !== 10) return `${date}${formatTime(minuteOfDay, Math.floor((inDay % MINUTE_MS) / 1000), ms, offset, absolute)}`;
    for (let k = 0; k < 10; k++) c[k] = date.charCodeAt(k);
    c[10] = 84; // T
    putTwo(c, 11, Math.floor(minuteOfDay / 60));
    c[13] = 58;
    putTwo(c, 14, minuteOfDay % 60);
    c[16] = 58;
    putTwo(c, 17, Math.floor((inDay % MINUTE_MS) / 1000));
    let k = 19;
    if (ms !== 0) {
      c[k++] = 46;
      c[k++] = 48 + Math.floor(ms / 100);
      c[k++] = 48 + (Math.floor(ms / 10) % 10);
      c[k++] = 48 + (ms % 10);
    }
    c[k++] = offset < 0 ? 45 : 43;
    putTwo(c, k, Math.floor(absolute / 60));
    c[k + 2] = 58;
    putTwo(c, k + 3, absolute % 60);
    c.length = k + 5;
    return String.fromCharCode.apply(null, c);
  }

}

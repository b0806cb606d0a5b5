// A time zone's clock for the hot paths of the planners: instants read and written hundreds of
// thousands of times per call. The functions in time.ts are the specification (the property tests
// compare against them); this does the same with integer arithmetic and per-zone offset caches.
// Nothing here depends on the host time zone.
import { formatDay, TWO } from './civil-day.ts';
import { offsetMs, startOfLocalDay } from './time.ts';

/** One minute in milliseconds. */
export const MINUTE_MS = 60_000;
/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;
/** One day (of UTC) in milliseconds. */
export const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * MINUTE_MS;

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

/**
 * One IANA zone with caches: the offset per 15-minute bucket (no zone changes its offset twice
 * within 15 minutes) and per two-day stretch, local midnights per day, and ISO formatting.
 */
export class ZoneClock {
  private formattedDay = Number.NaN;
  private formattedDayText = '';
  readonly timeZone: string;
  private readonly buckets = new Map<number, number>();
  private readonly midnights = new Map<number, number>();
  private readonly dayOffsets = new Map<number, number>();
  private readonly dates = new Map<number, string>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  // The last UTC day known to have one offset: most instants of a plan fall in it.
  private stretchFrom = Number.POSITIVE_INFINITY;
  private stretchTo = Number.NEGATIVE_INFINITY;
  private stretchOffset = 0;
  private lastDay = Number.NaN;
  private lastDayStart = 0;

  /** The zone's UTC offset at an instant, in milliseconds. */
  offset(epochMs: number): number {
    if (epochMs >= this.stretchFrom && epochMs < this.stretchTo) return this.stretchOffset;
    // Zones never change their offset twice within two days: equal offsets at both ends of a UTC
    // day mean one offset for the whole day. Instants spread over a month cost one lookup each.
    const day = Math.floor(epochMs / DAY_MS);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const a = this.bucketOffset(day * DAY_MS);
      offset = a === this.bucketOffset(day * DAY_MS + DAY_MS - 1) ? a : Number.NaN;
      this.dayOffsets.set(day, offset);
    }
    if (Number.isNaN(offset)) return this.bucketOffset(epochMs);
    this.stretchFrom = day * DAY_MS;
    this.stretchTo = day * DAY_MS + DAY_MS;
    this.stretchOffset = offset;
    return offset;
  }

  private bucketOffset(epochMs: number): number {
    const bucket = Math.floor(epochMs / BUCKET_MS);
    let cached = this.buckets.get(bucket);
    if (cached === undefined) {
      const start = bucket * BUCKET_MS;
      const a = offsetMs(this.timeZone, start);
      const b = offsetMs(this.timeZone, start + BUCKET_MS - 1);
      cached = a === b ? a : Number.NaN;
      this.buckets.set(bucket, cached);
    }
    return Number.isNaN(cached) ? offsetMs(this.timeZone, epochMs) : cached;
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
    const date = this.date(day);
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

  /** Wall-clock milliseconds of an instant: the instant shifted by the zone's offset. */
  wall(epochMs: number): number {
    return epochMs + this.offset(epochMs);
  }

  /** `YYYY-MM-DD` of a local day number. */
  date(day: number): string {
    if (day !== this.formattedDay) {
      let text = this.dates.get(day);
      if (text === undefined) {
        text = formatDay(day);
        this.dates.set(day, text);
      }
      this.formattedDay = day;
      this.formattedDayText = text;
    }
    return this.formattedDayText;
  }

  /**
   * The instant at which the wall clock reads `wall` (core's `zonedInstant` rule): the earlier of
   * two in a fall-back overlap; inside a spring-forward gap, the offset before the gap, which
   * carries the time forward by the gap's length.
   */
  resolve(wall: number): number {
    const before = this.offset(wall - DAY_MS);
    const after = this.offset(wall + DAY_MS);
    let best = Number.NaN;
    for (const offset of before === after ? [before] : [before, after]) {
      const candidate = wall - offset;
      if (this.offset(candidate) === offset && !(candidate >= best)) best = candidate;
    }
    return Number.isNaN(best) ? wall - before : best;
  }

  /** The instant of local minute `minuteOfDay` on local day `day` (core's `zonedInstant`). */
  at(day: number, minuteOfDay: number): number {
    return this.resolve(day * DAY_MS + minuteOfDay * MINUTE_MS);
  }

  /** The same wall-clock time `days` local days later: 23, 24 or 25 hours a day across DST. */
  addLocalDays(epochMs: number, days: number): number {
    return this.resolve(this.wall(epochMs) + days * DAY_MS);
  }

  /** `YYYY-MM-DD HH:mm` local, for messages. */
  label(epochMs: number): string {
    const wall = this.wall(epochMs);
    const day = Math.floor(wall / DAY_MS);
    const minute = Math.floor((wall - day * DAY_MS) / MINUTE_MS);
    return `${this.date(day)} ${TWO[Math.floor(minute / 60)]}:${TWO[minute % 60]}`;
  }
}

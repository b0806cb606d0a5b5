// The shop's wall clock for the deadline rules, tuned for batches of 100,000 items. core/time.ts
// is the specification (clock.prop.test.ts holds these functions to it): the same arithmetic on
// "wall milliseconds" (epoch-style numbers whose UTC fields read as the local date and time),
// with the zone's offsets cached per 15-minute bucket instead of asked of the zone database on
// every call. Nothing here reads the host time zone.
import { tzOffset } from '@date-fns/tz/tzOffset';
import { KefuError } from '../core/errors.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * MINUTE_MS;

/** Day number (days since 1970-01-01) of a valid `YYYY-MM-DD`. `setUTCFullYear` keeps years 1–99 as written. */
export function dayOf(date: string): number {
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return d.getTime() / DAY_MS;
}

/** `YYYY-MM-DD` of a day number within years 0001–9999. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** The zone's offset at an instant in ms; local mean time (offsets with seconds) is refused as in core. */
function exactOffset(timeZone: string, epochMs: number): number {
  const minutes = tzOffset(timeZone, new Date(epochMs));
  if (Number.isInteger(minutes)) return minutes * MINUTE_MS;
  throw new KefuError('OUT_OF_RANGE', [
    {
      path: 'timeZone',
      message: `${timeZone} used local mean time (an offset with seconds) at ${new Date(epochMs).toISOString()}; kefu handles whole-minute offsets only`,
    },
  ]);
}

/** One shop's zone with its offsets and formatted dates cached. Build one per call, not per item. */
export class ShopClock {
  readonly timeZone: string;
  private readonly buckets = new Map<number, number>();
  private readonly dates = new Map<number, string>();
  private readonly suffixes = new Map<number, string>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  /** The UTC offset at an instant, in ms. A bucket whose two ends agree has one offset throughout (no zone changes twice within 15 minutes). */
  offset(epochMs: number): number {
    const bucket = Math.floor(epochMs / BUCKET_MS);
    let cached = this.buckets.get(bucket);
    if (cached === undefined) {
      const start = bucket * BUCKET_MS;
      const a = exactOffset(this.timeZone, start);
      cached = a === exactOffset(this.timeZone, start + BUCKET_MS - 1) ? a : Number.NaN;
      this.buckets.set(bucket, cached);
    }
    return Number.isNaN(cached) ? exactOffset(this.timeZone, epochMs) : cached;
  }

  /** Wall milliseconds of an instant. */
  wall(epochMs: number): number {
    return epochMs + this.offset(epochMs);
  }

  /** The local day number of an instant. */
  day(epochMs: number): number {
    return Math.floor(this.wall(epochMs) / DAY_MS);
  }

  /** `YYYY-MM-DD` of a day number, cached. */
  date(day: number): string {
    let text = this.dates.get(day);
    if (text === undefined) {
      text = dateOf(day);
      this.dates.set(day, text);
    }
    return text;
  }

  /**
   * The instant at which the wall clock reads `wall` (core's `zonedInstant` policy): the earlier
   * of two in a fall-back overlap; inside a spring-forward gap, the offset before the gap, which
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

  /** The instant of local minute `minuteOfDay` on local day `day`. */
  at(day: number, minuteOfDay: number): number {
    return this.resolve(day * DAY_MS + minuteOfDay * MINUTE_MS);
  }

  /** The same wall-clock time (to the millisecond) `days` local days later: 23, 24 or 25 hours a day across DST. */
  addLocalDays(epochMs: number, days: number): number {
    return this.resolve(this.wall(epochMs) + days * DAY_MS);
  }

  /** ISO 8601 with the zone's offset, milliseconds only when non-zero (core's `formatInstant`). */
  format(epochMs: number): string {
    const offset = this.offset(epochMs);
    const wall = epochMs + offset;
    const day = Math.floor(wall / DAY_MS);
    const inDay = wall - day * DAY_MS;
    const minute = Math.floor(inDay / MINUTE_MS);
    const ms = inDay % 1000;
    // One join rather than a chain of `+`: a flat string, not a rope of pieces kept alive with the result.
    return [
      this.date(day),
      'T',
      two(Math.floor(minute / 60)),
      ':',
      two(minute % 60),
      ':',
      two(Math.floor(inDay / 1000) % 60),
      ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`,
      this.suffix(offset),
    ].join('');
  }

  /** `+08:00` for an offset in ms, cached. */
  private suffix(offset: number): string {
    let text = this.suffixes.get(offset);
    if (text === undefined) {
      const absolute = Math.abs(offset) / MINUTE_MS;
      text = `${offset < 0 ? '-' : '+'}${two(Math.floor(absolute / 60))}:${two(absolute % 60)}`;
      this.suffixes.set(offset, text);
    }
    return text;
  }

  /** `YYYY-MM-DD HH:mm` local, for messages. */
  label(epochMs: number): string {
    const wall = this.wall(epochMs);
    const day = Math.floor(wall / DAY_MS);
    const minute = Math.floor((wall - day * DAY_MS) / MINUTE_MS);
    return [this.date(day), ' ', two(Math.floor(minute / 60)), ':', two(minute % 60)].join('');
  }
}

// Allowed sending time as sets of epoch intervals, built one local day at a time and cached.
// Semantics are core/time.ts's `isInLocalWindows`: an instant is open when the wall clock of its
// own local date shows a minute inside a window (half-open, midnight-crossing windows split at
// midnight) and that date is not blocked. Wall times skipped by a DST gap never occur; wall times
// repeated by an overlap are open both times.
import type { LocalWindow } from '../core/time.ts';
import { offsetMs } from '../core/time.ts';
import { DAY_MS, MINUTE_MS, ZoneClock } from '../core/zone-clock.ts';

/** Sorted, disjoint minute spans `[start, end)` of one local day, flattened: `[s0, e0, s1, e1, …]`. */
export type MinuteSpans = readonly number[];

function minutesOf(time: string): number {
  return time === '24:00' ? 1440 : Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Normalises `[start, end)` pairs: sorted, merged, empty ones dropped. */
function normalise(pairs: Array<[number, number]>): number[] {
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    if (end <= start) continue;
    const last = out.length - 1;
    if (last > 0 && start <= (out[last] as number)) out[last] = Math.max(out[last] as number, end);
    else out.push(start, end);
  }
  return out;
}

/** The spans of validated windows, midnight-crossing ones split in two. */
export function spansOf(windows: readonly LocalWindow[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (const { from, to } of windows) {
    const start = minutesOf(from);
    const end = minutesOf(to);
    if (start < end) pairs.push([start, end]);
    else {
      pairs.push([start, 1440]);
      if (end > 0) pairs.push([0, end]);
    }
  }
  return normalise(pairs);
}

/** `allowed` minus `excluded`. */
export function subtractSpans(allowed: MinuteSpans, excluded: MinuteSpans): number[] {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < allowed.length; i += 2) {
    let start = allowed[i] as number;
    const end = allowed[i + 1] as number;
    for (let j = 0; j < excluded.length && start < end; j += 2) {
      const xs = excluded[j] as number;
      const xe = excluded[j + 1] as number;
      if (xe <= start || xs >= end) continue;
      if (xs > start) pairs.push([start, xs]);
      start = Math.max(start, xe);
    }
    if (start < end) pairs.push([start, end]);
  }
  return normalise(pairs);
}

/** Intersection of two sorted, disjoint interval lists. */
export function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i] as number, b[j] as number);
    const end = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (start < end) out.push(start, end);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

/**
 * The offset segments of a zone over `[from, to)`: `[start, end, offset]` triples. Offsets are
 * sampled every 6 hours and each change is located to the millisecond by bisection (zones never
 * change their offset twice within 6 hours).
 */
function segments(timeZone: string, from: number, to: number): number[] {
  const step = 6 * 60 * MINUTE_MS;
  const out: number[] = [];
  let start = from;
  let offset = offsetMs(timeZone, from);
  for (let probe = from; probe < to; ) {
    const next = Math.min(probe + step, to);
    const at = offsetMs(timeZone, next);
    if (at !== offset) {
      let low = probe;
      let high = next;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (offsetMs(timeZone, mid) === offset) low = mid;
        else high = mid;
      }
      out.push(start, high, offset);
      start = high;
      offset = offsetMs(timeZone, high);
    }
    probe = next;
  }
  out.push(start, to, offset);
  return out;
}

/**
 * The instants whose wall clock reads local day `day` at a minute inside `spans`, as sorted
 * disjoint epoch intervals.
 */
export function dayIntervals(timeZone: string, day: number, spans: MinuteSpans): number[] {
  if (spans.length === 0) return [];
  const wallStart = day * DAY_MS;
  // Offsets lie within ±15 h, so every instant of the day is within this range.
  const segs = segments(timeZone, wallStart - 16 * 60 * MINUTE_MS, wallStart + DAY_MS + 16 * 60 * MINUTE_MS);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < spans.length; i += 2) {
    const a = wallStart + (spans[i] as number) * MINUTE_MS;
    const b = wallStart + (spans[i + 1] as number) * MINUTE_MS;
    for (let k = 0; k < segs.length; k += 3) {
      const offset = segs[k + 2] as number;
      const start = Math.max(segs[k] as number, a - offset);
      const end = Math.min(segs[k + 1] as number, b - offset);
      if (start < end) pairs.push([start, end]);
    }
  }
  return normalise(pairs);
}

/** Which days of a zone are blocked (weekday, date list, holiday calendar). */
export type DayFilter = (day: number) => boolean;

/** Daily windows in one zone with a day filter: open intervals per local day, cached. */
export class DailyWindows {
  readonly clock: ZoneClock;
  private readonly spans: MinuteSpans;
  private readonly blocked: DayFilter;
  private readonly cache = new Map<number, readonly number[]>();

  constructor(clock: ZoneClock, spans: MinuteSpans, blocked: DayFilter) {
    this.clock = clock;
    this.spans = spans;
    this.blocked = blocked;
  }

  isBlocked(day: number): boolean {
    return this.blocked(day);
  }

  /** Open intervals of local day `day` (empty when the day is blocked). */
  day(day: number): readonly number[] {
    let list = this.cache.get(day);
    if (list === undefined) {
      list = this.blocked(day) ? [] : dayIntervals(this.clock.timeZone, day, this.spans);
      this.cache.set(day, list);
    }
    return list;
  }

  /** Open intervals overlapping `[from, to)`, in order (each day's intervals hold only that day's instants). */
  range(from: number, to: number): number[] {
    const out: number[] = [];
    const last = this.clock.localDay(to - 1);
    for (let day = this.clock.localDay(from); day <= last; day++) {
      const list = this.day(day);
      for (let i = 0; i < list.length; i += 2) {
        if ((list[i + 1] as number) > from && (list[i] as number) < to) out.push(list[i] as number, list[i + 1] as number);
      }
    }
    return out;
  }

  contains(epochMs: number): boolean {
    const list = this.day(this.clock.localDay(epochMs));
    for (let i = 0; i < list.length; i += 2) {
      if ((list[i] as number) <= epochMs && epochMs < (list[i + 1] as number)) return true;
    }
    return false;
  }
}

/** Why an instant is closed: the channel's day is blocked, its windows are shut, or an overlay's hours are. */
export interface ClosedReasons {
  blockedDay: boolean;
  outsideWindow: boolean;
  outsideOverlay: boolean;
}

/** An open stretch of time: its first instant and the instant it ends (exclusive), epoch ms. */
export interface OpenStretch {
  start: number;
  end: number;
}

/**
 * A channel's allowed sending time for one recipient: its own daily windows (in the shop's or the
 * recipient's zone) intersected with every overlay's windows (in the recipient's zone).
 */
export class AllowedTime {
  private readonly main: DailyWindows;
  private readonly overlays: readonly DailyWindows[];
  private readonly cache = new Map<number, readonly number[]>();

  constructor(main: DailyWindows, overlays: readonly DailyWindows[]) {
    this.main = main;
    this.overlays = overlays;
  }

  private lastDay = Number.NaN;
  private lastList: readonly number[] = [];

  /** Open intervals of the main zone's local day `day`, after the overlays. */
  private day(day: number): readonly number[] {
    if (day === this.lastDay) return this.lastList;
    let list = this.cache.get(day);
    if (list === undefined) {
      list = this.main.day(day);
      for (const overlay of this.overlays) {
        if (list.length === 0) break;
        list = intersect(list, overlay.range(list[0] as number, list[list.length - 1] as number));
      }
      this.cache.set(day, list);
    }
    this.lastDay = day;
    this.lastList = list;
    return list;
  }

  private lastAt = Number.NaN;
  private lastClosed: ClosedReasons = { blockedDay: false, outsideWindow: false, outsideOverlay: false };

  /** Why `epochMs` is closed; all false when it is open. The last answer is kept (plans ask about `now` for every order). */
  closedAt(epochMs: number): ClosedReasons {
    if (epochMs === this.lastAt) return this.lastClosed;
    this.lastClosed = this.computeClosedAt(epochMs);
    this.lastAt = epochMs;
    return this.lastClosed;
  }

  private computeClosedAt(epochMs: number): ClosedReasons {
    const day = this.main.clock.localDay(epochMs);
    const blockedDay = this.main.isBlocked(day);
    return {
      blockedDay,
      outsideWindow: !blockedDay && !this.main.contains(epochMs),
      outsideOverlay: this.overlays.some((overlay) => !overlay.contains(epochMs)),
    };
  }

  contains(epochMs: number): boolean {
    const list = this.day(this.main.clock.localDay(epochMs));
    for (let i = 0; i < list.length; i += 2) {
      if ((list[i] as number) <= epochMs && epochMs < (list[i + 1] as number)) return true;
    }
    return false;
  }

  /**
   * The first open instant in `[from, limit)` and the end of the open stretch it starts (stretches
   * that continue across midnight are joined; the end is capped at `limit`) into `out`, or false
   * when there is none. Into an object of the caller's: the planner asks a million times and keeps
   * no answer.
   */
  nextInto(from: number, limit: number, out: OpenStretch): boolean {
    if (!(from < limit)) return false;
    const clock = this.main.clock;
    let found = -1;
    let end = -1;
    for (let day = clock.localDay(from); found < 0; day++) {
      if (clock.dayStart(day) >= limit) return false;
      const list = this.day(day);
      for (let i = 0; i < list.length; i += 2) {
        const e = list[i + 1] as number;
        if (e <= from) continue;
        const s = Math.max(list[i] as number, from);
        if (s >= limit) return false;
        found = s;
        end = e;
        break;
      }
    }
    // Join the stretch with intervals that continue it: across midnight, or after a DST jump.
    while (end < limit) {
      const list = this.day(clock.localDay(end));
      let next = -1;
      for (let i = 0; i < list.length; i += 2) if ((list[i] as number) === end) next = list[i + 1] as number;
      if (next < 0) break;
      end = next;
    }
    out.start = found;
    out.end = Math.min(end, limit);
    return true;
  }
}

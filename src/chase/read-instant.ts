// The planner's reading of instants: a million ISO strings or epoch numbers per plan, parsed with
// integer arithmetic and no validation round trips. core/time.ts's InstantSchema is the
// specification (the property tests compare against it).
import { dayFromCivil } from '../core/civil-day.ts';
import { DAY_MS } from '../core/zone-clock.ts';

// Same bounds as core/time.ts: 0001-01-02 to 9999-12-30 UTC.
const MIN_EPOCH_MS = -62_135_510_400_000;
const MAX_EPOCH_MS = 253_402_214_399_999;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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

// Dates already checked and their day numbers, by date, direct-mapped: an order's instants
// alternate between a few dates (placed today, closing tomorrow), so one remembered date is not enough.
const DATE_SLOTS = 64;
const dateKeys = /* @__PURE__ */ new Int32Array(DATE_SLOTS).fill(-1);
const dateDays = /* @__PURE__ */ new Float64Array(DATE_SLOTS);

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
  // Instants of one plan share few dates (see the cache above).
  const ymd = (year * 16 + month) * 32 + day;
  let dayNumber: number;
  const slot = ymd & (DATE_SLOTS - 1);
  if (dateKeys[slot] === ymd) dayNumber = dateDays[slot] as number;
  else {
    if (year < 1) return false;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return false;
    dayNumber = dayFromCivil(year, month, day);
    dateKeys[slot] = ymd;
    dateDays[slot] = dayNumber;
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

/** What {@link plannerOffset} gives for a text of another shape. */
export const NOT_PLANNER_SHAPE = 0x7fff_ffff;

/**
 * The offset in minutes of an instant text that {@link parseInstantTo} accepted, when it has the
 * shape the planner writes instants in, `YYYY-MM-DDTHH:MM:SS±HH:MM`; NOT_PLANNER_SHAPE for any
 * other (a `Z`, a fraction, no seconds, `-00:00`).
 */
export function plannerOffset(text: string): number {
  if (text.length !== 25) return NOT_PLANNER_SHAPE;
  const sign = text.charCodeAt(19);
  if (sign !== 43 && sign !== 45) return NOT_PLANNER_SHAPE;
  const minutes = twoDigits(text, 20) * 60 + twoDigits(text, 23);
  if (sign === 45 && minutes === 0) return NOT_PLANNER_SHAPE;
  return sign === 45 ? -minutes : minutes;
}

/** The zone's exact UTC offset at an instant, in ms (core's rule: local mean time is refused). */

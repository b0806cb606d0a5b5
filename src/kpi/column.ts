// One metric over a cohort, held for speed and exactness at once. A value is a fraction of two
// safe integers stored as doubles (exact: every integer below 2^53 is a double), and only where
// a numerator or denominator would pass 2^53 does it fall back to bigints. Products of doubles
// are used only when they stay below 2^53, so every comparison and every score is exact; the
// fast path just avoids allocating a bigint per value (10,000 agents × 10 metrics).
import type { RoundingMode } from '../core/money.ts';
import { compare, divRound, TEN_THOUSAND, toFloat, type Rational } from './exact.ts';

/** 2^53: a double below it that came from a product of integers is that exact product. */
export const EXACT_LIMIT = 9_007_199_254_740_992;

/** Kinds of cell: no value, a small exact fraction (num, den), a bigint fraction. */
export const NONE = 0;
export const SMALL = 1;
export const BIG = 2;

/** A column of exact fractions. */
export interface Column {
  readonly size: number;
  /** NONE, SMALL or BIG per row. */
  readonly kind: Uint8Array;
  /** Numerator (SMALL: exact safe integer; BIG: unused). */
  readonly num: Float64Array;
  /** Denominator > 0 (SMALL: exact safe integer). */
  readonly den: Float64Array;
  /** BIG rows. */
  readonly big: Map<number, Rational>;
}

/** An empty column of `size` rows. */
export function newColumn(size: number): Column {
  return { size, kind: new Uint8Array(size), num: new Float64Array(size), den: new Float64Array(size), big: new Map() };
}


/** Stores a bigint fraction, as doubles when it fits. */
export function setRational(c: Column, i: number, r: Rational | null): void {
  if (r === null) {
    c.kind[i] = NONE;
    return;
  }
  const n = Number(r.num);
  const d = Number(r.den);
  if (Math.abs(n) < EXACT_LIMIT && d < EXACT_LIMIT) {
    c.kind[i] = SMALL;
    c.num[i] = n;
    c.den[i] = d;
  } else {
    c.kind[i] = BIG;
    c.big.set(i, r);
  }
}

/** The exact value at row i, or null. */
export function at(c: Column, i: number): Rational | null {
  const k = c.kind[i];
  if (k === SMALL) return { num: BigInt(c.num[i] as number), den: BigInt(c.den[i] as number) };
  if (k === BIG) return c.big.get(i) ?? null;
  return null;
}

/** The nearest double of row i (NaN when empty). */
export function floatAt(c: Column, i: number): number {
  const k = c.kind[i];
  if (k === SMALL) return (c.num[i] as number) / (c.den[i] as number);
  if (k === BIG) return toFloat(c.big.get(i) as Rational);
  return Number.NaN;
}

/** Sign of a[i] − b[j], exactly; both rows must hold values. */
export function compareAt(a: Column, i: number, b: Column, j: number): number {
  if (a.kind[i] === SMALL && b.kind[j] === SMALL) {
    const left = (a.num[i] as number) * (b.den[j] as number);
    const right = (b.num[j] as number) * (a.den[i] as number);
    if (Math.abs(left) < EXACT_LIMIT && Math.abs(right) < EXACT_LIMIT) return left < right ? -1 : left > right ? 1 : 0;
  }
  return compare(at(a, i) as Rational, at(b, j) as Rational);
}

/** Sign of c[i] − r, exactly, for a threshold r given both ways. */
export function compareTo(c: Column, i: number, r: Rational, rn: number, rd: number): number {
  if (c.kind[i] === SMALL && rd > 0) {
    const left = (c.num[i] as number) * rd;
    const right = rn * (c.den[i] as number);
    if (Math.abs(left) < EXACT_LIMIT && Math.abs(right) < EXACT_LIMIT) return left < right ? -1 : left > right ? 1 : 0;
  }
  return compare(at(c, i) as Rational, r);
}

/** A fraction's parts as doubles when both are exact (den 0 otherwise: use the bigints). */
export function small(r: Rational): { n: number; d: number } {
  const n = Number(r.num);
  const d = Number(r.den);
  return Math.abs(n) < EXACT_LIMIT && d < EXACT_LIMIT ? { n, d } : { n: 0, d: 0 };
}

/**
 * p ÷ q (q > 0) as hundredths of a point, clamped to [0, 10000], rounded once in `mode`, for exact
 * integers p, q given as doubles. The double quotient is within 3e-12 of the true one, which
 * decides the rounding except within that distance of a boundary (a half for the half modes,
 * an integer for the others); there the bigints decide.
 */
export function shareOf(p: number, q: number, mode: RoundingMode): number {
  if (p <= 0) return 0;
  if (p >= q) return 10000;
  const y = (p / q) * 10000;
  const whole = Math.floor(y);
  const f = y - whole;
  const half = mode === 'halfUp' || mode === 'halfDown' || mode === 'halfEven';
  const margin = 1e-9;
  if (half ? Math.abs(f - 0.5) > margin : f > margin && f < 1 - margin) {
    if (half) return f > 0.5 ? whole + 1 : whole;
    return mode === 'down' || mode === 'floor' ? whole : whole + 1;
  }
  return shareOfBig(BigInt(p), BigInt(q), mode);
}

/** {@link shareOf} on bigints. */
export function shareOfBig(p: bigint, q: bigint, mode: RoundingMode): number {
  if (p <= BigInt(0)) return 0;
  if (p >= q) return 10000;
  return Number(divRound(p * TEN_THOUSAND, q, mode));
}

/** x·y when the product is exact as a double, else NaN (the caller then takes the bigint path). */
export function times(x: number, y: number): number {
  const p = x * y;
  return Math.abs(p) < EXACT_LIMIT ? p : Number.NaN;
}

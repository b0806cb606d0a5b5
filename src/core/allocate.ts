import type { Dec } from './decimal.ts';
import { invalid } from './errors.ts';
import { toDecimal, toPlainDecimal, toUnit } from './money.ts';
import { describe } from './validate.ts';

/**
 * Splits `total` across weighted ids by the largest-remainder (Hamilton) method, exactly.
 *
 * Each id first gets its quota `total × weight / Σweights` rounded down to a multiple of `unit`
 * (default `'0.01'`); the units left over then go one each to the largest remainders, ties to
 * the smaller id by plain code-unit order (`<`), so the result never depends on input order or
 * locale. Shares always sum to `total` exactly, each lies within one unit of its quota, and a
 * zero weight gets exactly 0. A negative total is split as its absolute value and then negated,
 * so tie-breaks hand the smaller id the larger magnitude.
 *
 * Shares come back as decimal strings with the unit's decimal places, in input order. All
 * arithmetic is on integers (safe doubles, or bigint where those would overflow), so huge
 * totals and long weights lose nothing; 100,000 ids take tens of milliseconds.
 *
 * Throws `INVALID_INPUT` when `total` is not a multiple of `unit` (path `total`), a weight is
 * negative or not an amount (`weights.<id>`), an entry is malformed or repeats an id
 * (`weights.<index>`), or the weights sum to 0 (`weights`). `options.path` prefixes every path.
 *
 * @example
 * ```ts
 * allocate('100', [['a', 1], ['b', 1], ['c', 1]]); // [['a', '33.34'], ['b', '33.33'], ['c', '33.33']]
 * allocate('0.05', [['b', 1], ['a', 1]]); // [['b', '0.02'], ['a', '0.03']]
 * allocate(10, [['x', '2'], ['y', '1']], { unit: '1' }); // [['x', '7'], ['y', '3']]
 * ```
 */
export function allocate(
  total: number | string,
  weights: ReadonlyArray<readonly [id: string, weight: number | string]>,
  options: { unit?: string; path?: string } = {},
): Array<[string, string]> {
  const at = (field: string): string => (options.path ? `${options.path}.${field}` : field);
  const unit = toUnit(options.unit ?? '0.01', at('unit'));
  const amount = toDecimal(total, at('total'));

  // Count whole units in |total| on integers, so '0.05' over unit '0.02' is caught exactly.
  const scale = Math.max(amount.dp(), unit.dp());
  const totalInt = toScaledInt(amount.abs(), scale);
  const unitInt = toScaledInt(unit, scale);
  if (totalInt % unitInt !== BigInt(0)) {
    invalid(at('total'), `expected a multiple of the unit ${unit.toFixed()}, received ${describe(total)}`);
  }
  const units = totalInt / unitInt;
  const places = unit.dp();
  const unitDigits = toScaledInt(unit, places);

  const { ids, ints } = readWeights(weights, at('weights'));
  const nums = ints.map(Number); // exact up to 2^53; beyond that only used to pick the bigint path
  if (!nums.some((n) => n > 0)) {
    invalid(at('weights'), `expected weights with a positive sum, received ${ids.length === 0 ? 'no weights' : 'only zero weights'}`);
  }
  const { floors, remainders, leftover } = quotas(units, ints, nums, units * unitDigits <= MAX_SAFE);
  const winners = largest(remainders, ids, leftover);

  const negative = amount.isNegative();
  const unitNumber = Number(unitDigits);
  return ids.map((id, i) => {
    const floor = floors[i] ?? 0;
    const extra = winners(i) ? 1 : 0;
    const digits = typeof floor === 'number' ? String((floor + extra) * unitNumber) : String((floor + BigInt(extra)) * unitDigits);
    return [id, formatScaled(digits, places, negative)];
  });
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Reads `[id, weight]` pairs into ids and weights as integer digit strings at a common scale. */
function readWeights(weights: unknown, path: string): { ids: string[]; ints: string[] } {
  if (!Array.isArray(weights)) invalid(path, `expected an array of [id, weight] pairs, received ${describe(weights)}`);
  const ids: string[] = [];
  const ints: string[] = [];
  const fractions: string[] = [];
  const seen = new Set<string>();
  let places = 0;
  for (let index = 0; index < weights.length; index++) {
    const entry: unknown = weights[index];
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') {
      invalid(`${path}.${index}`, `expected an [id, weight] pair with a string id, received ${describe(entry)}`);
    }
    const [id, weight] = entry as [string, unknown];
    if (seen.size === seen.add(id).size) invalid(`${path}.${index}`, `expected each id once, received ${describe(id)} again`);
    ids.push(id);
    // Fast path for the usual whole-number weights; everything else goes through the amount rules.
    if (typeof weight === 'number' && Number.isSafeInteger(weight) && weight >= 0) {
      ints.push(String(weight));
      fractions.push('');
      continue;
    }
    let text = toPlainDecimal(weight, `${path}.${id}`);
    if (text.startsWith('-')) {
      if (/[1-9]/.test(text)) invalid(`${path}.${id}`, `expected a weight >= 0, received ${describe(weight)}`);
      text = text.slice(1);
    }
    const dot = text.indexOf('.');
    const fraction = dot < 0 ? '' : text.slice(dot + 1);
    ints.push(dot < 0 ? text : text.slice(0, dot));
    fractions.push(fraction);
    places = Math.max(places, fraction.length);
  }
  if (places > 0) ints.forEach((int, i) => (ints[i] = int + (fractions[i] ?? '').padEnd(places, '0')));
  return { ids, ints };
}

/**
 * Floors and remainders of `units × w / Σw` for each weight, and how many units the floors
 * leave over. `units` is split once as `q × Σw + r`, so `units × w / Σw = q × w + r × w / Σw` and
 * only `r × w < Σw × w` needs dividing: on doubles when that stays a safe integer (the usual case,
 * several times faster than bigint, even for huge totals), on bigint otherwise. Both are exact.
 * Floors are doubles when `sharesAreSafe` (every share times the unit is a safe integer).
 */
function quotas(
  units: bigint,
  ints: readonly string[],
  nums: readonly number[],
  sharesAreSafe: boolean,
): { floors: Array<number | bigint>; remainders: Array<number | bigint>; leftover: number } {
  const sum = nums.reduce((a, b) => a + b, 0);
  const max = nums.reduce((a, b) => Math.max(a, b), 0);
  const weightsAreSafe = Number.isSafeInteger(sum); // then so is every weight
  const bigSum = weightsAreSafe ? BigInt(sum) : ints.reduce((a, d) => a + BigInt(d), BigInt(0));
  const q = units / bigSum;
  const r = units % bigSum;
  const floors: Array<number | bigint> = [];
  const remainders: Array<number | bigint> = [];
  if (weightsAreSafe && r * BigInt(max) <= MAX_SAFE) {
    const [qn, rn] = [Number(q), Number(r)];
    let leftover = rn;
    for (const w of nums) {
      // Exact: product <= 2^53, so the quotient's rounding error is below 1/sum, while a
      // non-integer quotient is at least 1/sum below the next integer.
      const product = rn * w;
      const floor = Math.floor(product / sum);
      floors.push(sharesAreSafe ? qn * w + floor : q * BigInt(w) + BigInt(floor));
      remainders.push(product - floor * sum);
      leftover -= floor;
    }
    return { floors, remainders, leftover };
  }
  let leftover = r;
  for (const digits of ints) {
    const w = BigInt(digits);
    const floor = (r * w) / bigSum;
    floors.push(q * w + floor);
    remainders.push(r * w - floor * bigSum);
    leftover -= floor;
  }
  return { floors, remainders, leftover: Number(leftover) };
}

/** `d × 10^scale` as a bigint; exact because callers pass `scale >= d.dp()`. */
function toScaledInt(d: Dec, scale: number): bigint {
  return BigInt(d.toFixed(scale).replace('.', ''));
}

/** Integer `digits` read with `places` decimals, as plain decimal text; zero is never signed. */
function formatScaled(digits: string, places: number, negative: boolean): string {
  const padded = digits.padStart(places + 1, '0');
  const cut = padded.length - places;
  const text = places > 0 ? `${padded.slice(0, cut)}.${padded.slice(cut)}` : padded;
  return negative && digits !== '0' ? `-${text}` : text;
}

/**
 * Which indices hold the `count` largest remainders, ties to the smaller id. Rather than sorting
 * every index with a comparator, sort the bare remainders (natively, for doubles) to find the
 * smallest winning one; only ids tied at that cutoff need ordering. `count` is below the number
 * of positive remainders, so the cutoff is positive and zero remainders never win.
 */
function largest(remainders: ReadonlyArray<number | bigint>, ids: readonly string[], count: number): (i: number) => boolean {
  if (count === 0) return () => false;
  const sorted = typeof remainders[0] === 'number' ? Float64Array.from(remainders as number[]).sort() : [...remainders].sort(compare);
  const cutoff = sorted[sorted.length - count] ?? 0;
  let above = 0;
  const tied: string[] = [];
  remainders.forEach((r, i) => {
    if (r > cutoff) above++;
    else if (r === cutoff) tied.push(ids[i] ?? '');
  });
  // Default sort orders strings by UTF-16 code units, the same order as `<`; never by locale.
  const tiedWinners = new Set(tied.sort().slice(0, count - above));
  return (i) => {
    const r = remainders[i] ?? 0;
    return r > cutoff || (r === cutoff && tiedWinners.has(ids[i] ?? ''));
  };
}

function compare(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

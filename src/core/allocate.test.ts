import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import { issueOf } from '../../test/kefu-error.ts';

/** Sums decimal strings exactly (as integers of `places` decimals). */
function sum(shares: ReadonlyArray<readonly [string, string]>, places = 2): string {
  const total = shares.reduce((acc, [, s]) => {
    const [int = '', frac = ''] = s.replace('-', '').split('.');
    const v = BigInt(int + frac.padEnd(places, '0'));
    return acc + (s.startsWith('-') ? -v : v);
  }, 0n);
  const digits = (total < 0n ? -total : total).toString().padStart(places + 1, '0');
  const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return total < 0n ? `-${text}` : text;
}

describe('allocate', () => {
  it('splits evenly when it can', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `agent${i}`);
    expect(allocate(3000000, ids.map((id) => [id, 1]))).toEqual(ids.map((id) => [id, '300000.00']));
  });

  it('gives the extra cent to the smallest id, whatever the input order', () => {
    expect(allocate('100', [['a', 1], ['b', 1], ['c', 1]])).toEqual([['a', '33.34'], ['b', '33.33'], ['c', '33.33']]);
    expect(allocate('100', [['c', 1], ['b', 1], ['a', 1]])).toEqual([['c', '33.33'], ['b', '33.33'], ['a', '33.34']]);
    expect(allocate('0.05', [['a', 1], ['b', 1]])).toEqual([['a', '0.03'], ['b', '0.02']]);
    expect(allocate('0.05', [['b', 1], ['a', 1]])).toEqual([['b', '0.02'], ['a', '0.03']]);
  });

  it('breaks ties by code units, never by locale', () => {
    // Code units put 'B' (0x42) before 'a' (0x61) and 'z' (0x7a) before 'é' (0xe9); a locale would not.
    expect(allocate('0.01', [['a', 1], ['B', 1]])).toEqual([['a', '0.00'], ['B', '0.01']]);
    expect(allocate('0.01', [['é', 1], ['z', 1]])).toEqual([['é', '0.00'], ['z', '0.01']]);
  });

  it('gives leftover units to the largest remainders first', () => {
    // Quotas 0.0625, 0.0375: floors 0.06 and 0.03, remainders 0.25 and 0.75 of a cent.
    expect(allocate('0.10', [['a', 5], ['z', 3]])).toEqual([['a', '0.06'], ['z', '0.04']]);
    expect(allocate(10, [['x', '2'], ['y', '1']], { unit: '1' })).toEqual([['x', '7'], ['y', '3']]);
  });

  it('honours other units', () => {
    expect(allocate('1.00', [['a', 1], ['b', 1], ['c', 1]], { unit: '0.05' })).toEqual([['a', '0.35'], ['b', '0.35'], ['c', '0.30']]);
    expect(allocate(1000, [['a', 1], ['b', 2]], { unit: '100' })).toEqual([['a', '300'], ['b', '700']]);
    expect(allocate('1', [['a', 1], ['b', 2]], { unit: '0.001' })).toEqual([['a', '0.333'], ['b', '0.667']]);
  });

  it('accepts fractional and string weights exactly', () => {
    expect(allocate(100, [['a', 0.1], ['b', '0.2'], ['c', 0.7]])).toEqual([['a', '10.00'], ['b', '20.00'], ['c', '70.00']]);
    expect(allocate(90, [['a', '7.5'], ['b', 7.5], ['c', '0']])).toEqual([['a', '45.00'], ['b', '45.00'], ['c', '0.00']]);
  });

  it('gives a zero weight exactly zero', () => {
    expect(allocate('0.02', [['a', 0], ['b', 1], ['c', 1], ['d', 1]])).toEqual([['a', '0.00'], ['b', '0.01'], ['c', '0.01'], ['d', '0.00']]);
    expect(allocate(5, [['a', '-0'], ['b', 1]])).toEqual([['a', '0.00'], ['b', '5.00']]);
  });

  it('splits a negative total as its absolute value, negated', () => {
    expect(allocate('-100', [['a', 1], ['b', 1], ['c', 1]])).toEqual([['a', '-33.34'], ['b', '-33.33'], ['c', '-33.33']]);
    expect(allocate('-0.01', [['a', 1], ['b', 1]])).toEqual([['a', '-0.01'], ['b', '0.00']]);
  });

  it('splits zero into unsigned zeros', () => {
    expect(allocate(0, [['a', 1], ['b', 2]])).toEqual([['a', '0.00'], ['b', '0.00']]);
    expect(allocate('-0.00', [['a', 1]])).toEqual([['a', '0.00']]);
  });

  it('keeps every digit of huge totals and long weights', () => {
    const shares = allocate('123456789012345678.90', [['a', 1], ['b', 1], ['c', 1]]);
    expect(shares).toEqual([['a', '41152263004115226.30'], ['b', '41152263004115226.30'], ['c', '41152263004115226.30']]);
    const long = allocate('123456789012345678.91', [['a', '1.000000000000000000001'], ['b', '2'], ['c', 3]]);
    expect(sum(long)).toBe('123456789012345678.91');
    expect(long.map(([, s]) => s)).toEqual(['20576131502057613.15', '41152263004115226.30', '61728394506172839.46']);
  });

  it('gives the same answer on the double and bigint paths', () => {
    const weights: Array<[string, number]> = Array.from({ length: 50 }, (_, i) => [`id${i}`, (i * 37) % 11]);
    // Trailing zeros change nothing but force 25-digit integers, hence bigint arithmetic.
    const padded = weights.map(([id, w]): [string, string] => [id, `${w}.0000000000000000000000000`]);
    for (const total of ['1234.56', '123456789012345678.90', '0.07']) {
      expect(allocate(total, padded)).toEqual(allocate(total, weights));
    }
  });

  it('splits 100,000 ids exactly (its speed is measured in bench/core.bench.ts)', () => {
    const weights: Array<[string, number]> = Array.from({ length: 100_000 }, (_, i) => [`id${i}`, (i % 97) + 1]);
    expect(sum(allocate('3000000.00', weights))).toBe('3000000.00');
  });

  it('rejects a total that is not a multiple of the unit', () => {
    expect(issueOf(() => allocate('0.005', [['a', 1]]))).toEqual({ path: 'total', message: 'expected a multiple of the unit 0.01, received "0.005"' });
    expect(issueOf(() => allocate('1.10', [['a', 1]], { unit: '0.25' }))?.path).toBe('total');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '', 'abc', '1e400', '1,000', null])('rejects the total %s', (total) => {
    expect(issueOf(() => allocate(total as string, [['a', 1]]))?.path).toBe('total');
  });

  it('rejects bad weights, naming the id', () => {
    expect(issueOf(() => allocate(10, [['alice', 1], ['bob', -1]]))).toEqual({ path: 'weights.bob', message: 'expected a weight >= 0, received -1' });
    expect(issueOf(() => allocate(10, [['alice', 1], ['bob', '-0.5']]))?.path).toBe('weights.bob');
    expect(issueOf(() => allocate(10, [['alice', Number.NaN]]))?.path).toBe('weights.alice');
    expect(issueOf(() => allocate(10, [['alice', 'lots']]))?.message).toContain('received "lots"');
  });

  it('rejects weights that do not add up to anything', () => {
    expect(issueOf(() => allocate(10, []))).toEqual({ path: 'weights', message: 'expected weights with a positive sum, received no weights' });
    expect(issueOf(() => allocate(10, [['a', 0], ['b', '0.00']]))).toEqual({
      path: 'weights',
      message: 'expected weights with a positive sum, received only zero weights',
    });
  });

  it('rejects malformed entries and repeated ids, naming the index', () => {
    expect(issueOf(() => allocate(10, [['a', 1], ['a', 2]]))).toEqual({ path: 'weights.1', message: 'expected each id once, received "a" again' });
    const bad = [['a', 1], [7, 1]] as unknown as Array<[string, number]>;
    expect(issueOf(() => allocate(10, bad))?.path).toBe('weights.1');
    expect(issueOf(() => allocate(10, [['a']] as unknown as Array<[string, number]>))?.path).toBe('weights.0');
    expect(issueOf(() => allocate(10, [, ['a', 1]] as unknown as Array<[string, number]>))?.path).toBe('weights.0');
    expect(issueOf(() => allocate(10, 'abc' as unknown as Array<[string, number]>))?.path).toBe('weights');
  });

  it('rejects a bad unit', () => {
    expect(issueOf(() => allocate(10, [['a', 1]], { unit: '0' }))?.path).toBe('unit');
    expect(issueOf(() => allocate(10, [['a', 1]], { unit: '1e-2' }))?.path).toBe('unit');
  });

  it('prefixes every path with options.path', () => {
    expect(issueOf(() => allocate(10, [['alice', -1]], { path: 'budget' }))?.path).toBe('budget.weights.alice');
    expect(issueOf(() => allocate('0.001', [['alice', 1]], { path: 'budget' }))?.path).toBe('budget.total');
    expect(issueOf(() => allocate(1, [['a', 1]], { path: 'budget', unit: '-1' }))?.path).toBe('budget.unit');
  });
});

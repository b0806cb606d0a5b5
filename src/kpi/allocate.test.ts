import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { allocate, prizeAwards } from './allocate.ts';

describe('allocate (KPI-4)', () => {
  it('KPI-4: splits exactly; equal remainders go to the smaller id, whatever the key order', () => {
    expect(allocate('100.00', { wang: 1, li: 1, zhao: 1 })).toEqual({ wang: '33.33', li: '33.34', zhao: '33.33' });
    expect(allocate('100.00', { zhao: 1, li: 1, wang: 1 })).toEqual({ zhao: '33.33', li: '33.34', wang: '33.33' });
  });

  it('KPI-4: weights by scheduled hours, in whole yuan', () => {
    expect(allocate(1000, { wang: 8, li: 8, xu: 4 }, { unit: '1' })).toEqual({ wang: '400', li: '400', xu: '200' });
    expect(allocate(10, { a: '0.5', b: 1.5 }, { unit: '1' })).toEqual({ a: '3', b: '7' });
  });

  it('zero weight gets exactly zero; odd ids are fine', () => {
    expect(allocate('0.05', { '🙂': 0, 王: 1, __proto__x: 1 })).toEqual({ '🙂': '0.00', 王: '0.02', __proto__x: '0.03' });
    const withProto = JSON.parse('{"__proto__": 1, "b": 1}') as Record<string, number>;
    const out = allocate('1.00', withProto);
    expect(Object.keys(out)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('shows the Alabama paradox honestly: a larger total can lower a share (weights 1, 3, 3)', () => {
    expect(allocate(3, { a: 1, b: 3, c: 3 }, { unit: '1' })).toEqual({ a: '1', b: '1', c: '1' });
    expect(allocate(4, { a: 1, b: 3, c: 3 }, { unit: '1' })).toEqual({ a: '0', b: '2', c: '2' });
  });

  it('names the field at fault', () => {
    expectInvalidAt(() => allocate('0.005', { a: 1 }), 'total');
    expectInvalidAt(() => allocate(10, { a: -1, b: 1 }), 'weights.a');
    expectInvalidAt(() => allocate(10, { a: Number.NaN }), 'weights.a');
    expectInvalidAt(() => allocate(10, { a: 0 }), 'weights');
    expectInvalidAt(() => allocate(10, {}), 'weights');
    expectInvalidAt(() => allocate(10, { a: 1 }, { unit: '0' }), 'unit');
    expectInvalidAt(() => allocate(10, { a: 1 }, { unit: 'cent' }), 'options.unit');
    expectInvalidAt(() => allocate('ten', { a: 1 }), 'total');
    expectInvalidAt(() => allocate(10, [1, 2] as never), 'weights');
  });
});

describe('prizeAwards (KPI-2)', () => {
  const prizes = ['800.00', '500.00', '300.00'];

  it('KPI-2: pays positions in rank order; a tie at the boundary splits the positions it covers', () => {
    const ranking = [
      { agentId: 'wang', rank: 1 },
      { agentId: 'zhao', rank: 2 },
      { agentId: 'li', rank: 3 },
      { agentId: 'chen', rank: 3 },
    ];
    expect(prizeAwards({ ranking, prizes }).map((a) => [a.agentId, a.amount, a.positions])).toEqual([
      ['wang', '800.00', [1, 1]],
      ['zhao', '500.00', [2, 2]],
      ['chen', '150.00', [3, 4]],
      ['li', '150.00', [3, 4]],
    ]);
    expect(prizeAwards({ ranking, prizes, tiePolicy: 'full' }).map((a) => a.amount)).toEqual(['800.00', '500.00', '300.00', '300.00']);
  });

  it('a tie for first shares the first two prizes; the odd fen goes to the smaller id', () => {
    const ranking = [
      { agentId: 'b', rank: 1 },
      { agentId: 'a', rank: 1 },
      { agentId: 'c', rank: 3 },
    ];
    expect(prizeAwards({ ranking, prizes: ['100.01', '100.00', '50.00'] }).map((a) => `${a.agentId} ${a.amount}`)).toEqual(['a 100.01', 'b 100.00', 'c 50.00']);
  });

  it('unranked agents get nothing and agents beyond the prizes get 0', () => {
    const ranking = [
      { agentId: 'x', rank: null },
      { agentId: 'y', rank: 1 },
      { agentId: 'z', rank: 2 },
    ];
    expect(prizeAwards({ ranking, prizes: ['10'] }).map((a) => `${a.agentId} ${a.amount}`)).toEqual(['y 10.00', 'z 0.00']);
  });

  it('whole-yuan prizes with unit 1', () => {
    const ranking = ['a', 'b', 'c'].map((agentId) => ({ agentId, rank: 1 }));
    expect(prizeAwards({ ranking, prizes: ['100', '0'], unit: '1' }).map((a) => a.amount)).toEqual(['34', '33', '33']);
  });

  it('names the field at fault', () => {
    expectInvalidAt(() => prizeAwards({ ranking: [{ agentId: 'a', rank: 2 }], prizes }), 'ranking.0.rank');
    expectInvalidAt(
      () => prizeAwards({ ranking: [{ agentId: 'a', rank: 1 }, { agentId: 'b', rank: 1 }, { agentId: 'c', rank: 2 }], prizes }),
      'ranking.2.rank',
    );
    expectInvalidAt(() => prizeAwards({ ranking: [{ agentId: 'a', rank: 1 }, { agentId: 'a', rank: 2 }], prizes }), 'ranking.1.agentId');
    expectInvalidAt(() => prizeAwards({ ranking: [], prizes: ['100', '200'] }), 'prizes.1');
    expectInvalidAt(() => prizeAwards({ ranking: [], prizes: ['-1'] }), 'prizes.0');
    expectInvalidAt(() => prizeAwards({ ranking: [], prizes: ['0.005'] }), 'prizes.0');
    expectInvalidAt(() => prizeAwards({ ranking: [], prizes: [] }), 'prizes');
    expectInvalidAt(() => prizeAwards({ ranking: [{ agentId: 'a', rank: 1.5 }], prizes }), 'ranking.0.rank');
    expectInvalidAt(() => prizeAwards({ ranking: [], prizes, tiePolicy: 'average' as never }), 'tiePolicy');
  });
});

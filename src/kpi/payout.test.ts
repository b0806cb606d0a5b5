import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { payout, type PayoutSchedule } from './payout.ts';

const curve: PayoutSchedule = {
  kind: 'curve',
  points: [
    { attainment: 0.8, amount: 0 },
    { attainment: 1, amount: 500, label: 'base' },
    { attainment: 1.3, amount: 1500, label: 'challenge' },
    { attainment: 1.6, amount: 2400 },
  ],
};

describe('payout (KPI-2, KPI-5)', () => {
  it('KPI-5: a curve through the base and challenge targets, linear between, flat after the last point', () => {
    const at = (actual: number): [string, string | null, boolean] => {
      const r = payout(actual, 30_000, curve);
      return [r.amount, r.tier, r.capped];
    };
    expect(at(0)).toEqual(['0.00', null, false]);
    expect(at(24_000)).toEqual(['0.00', null, false]); // exactly 80%
    expect(at(27_000)).toEqual(['250.00', null, false]);
    expect(at(30_000)).toEqual(['500.00', 'base', false]);
    expect(at(33_750)).toEqual(['916.67', 'base', false]);
    expect(at(39_000)).toEqual(['1500.00', 'challenge', false]);
    expect(at(48_000)).toEqual(['2400.00', null, false]);
    expect(at(90_000)).toEqual(['2400.00', null, true]);
  });

  it('KPI-5: steps pay the best step reached, with a cliff one fen below it', () => {
    const steps: PayoutSchedule = { kind: 'steps', steps: [{ attainment: 1, amount: 500, label: 'base' }, { attainment: 1.3, amount: 1500, label: 'challenge' }] };
    expect(payout('29999.99', 30_000, steps)).toMatchObject({ amount: '0.00', tier: null });
    expect(payout('30000.00', 30_000, steps)).toMatchObject({ amount: '500.00', tier: 'base' });
    expect(payout('38999.99', 30_000, steps)).toMatchObject({ amount: '500.00', tier: 'base' });
    expect(payout('39000.00', 30_000, steps)).toMatchObject({ amount: '1500.00', tier: 'challenge' });
  });

  it('KPI-5: marginal bands apply each rate to the part inside its band; the cap holds', () => {
    const bands: PayoutSchedule = { kind: 'bands', bands: [{ from: 0, rate: 0.01 }, { from: 1, rate: 0.02, label: 'base' }, { from: 1.3, rate: 0.03, label: 'challenge' }], cap: 2000 };
    expect(payout(20_000, 30_000, bands)).toMatchObject({ amount: '200.00', tier: null });
    expect(payout(42_000, 30_000, bands)).toMatchObject({ amount: '570.00', tier: 'challenge' });
    expect(payout(500_000, 30_000, bands)).toMatchObject({ amount: '2000.00', capped: true });
    // Amount bands: 3% of sales above 10,000.
    const amountBands: PayoutSchedule = { kind: 'bands', basis: 'amount', bands: [{ from: 10_000, rate: 0.03 }] };
    expect(payout('12345.67', 1, amountBands).amount).toBe('70.37');
  });

  it('KPI-2: never negative, even for a negative net actual', () => {
    expect(payout('-5000.00', 30_000, curve).amount).toBe('0.00');
    expect(payout(-1, 30_000, { kind: 'bands', bands: [{ from: 0, rate: 0.05 }] }).amount).toBe('0.00');
  });

  it('rounds once to the unit in the chosen mode', () => {
    const s: PayoutSchedule = { kind: 'curve', points: [{ attainment: 0, amount: 0 }, { attainment: 1, amount: 100 }], unit: '1', rounding: 'down' };
    expect(payout(2, 3, s).amount).toBe('66.00');
    expect(payout(2, 3, { ...s, rounding: 'halfUp' }).amount).toBe('67.00');
    expect(payout(1, 8, { kind: 'curve', points: [{ attainment: 0, amount: 0 }, { attainment: 1, amount: '0.20' }], rounding: 'halfEven' }).amount).toBe('0.02');
    expect(payout(1, 8, { kind: 'curve', points: [{ attainment: 0, amount: 0 }, { attainment: 1, amount: '0.20' }] }).amount).toBe('0.03');
  });

  it('explains itself', () => {
    expect(payout(33_750, 30_000, curve).explanation).toBe('attainment 112.50% (33750.00 of 30000.00): between base and challenge, linear; pays 916.67');
    expect(payout(10_000, 30_000, curve).explanation).toBe('attainment 33.33% (10000.00 of 30000.00): below the first point (80.00%): nothing; pays 0.00');
    expect(payout(90_000, 30_000, curve).explanation).toBe('attainment 300.00% (90000.00 of 30000.00): at or beyond the last point 160.00%: flat, capped; pays 2400.00');
  });

  it('names the field at fault', () => {
    expectInvalidAt(() => payout(100, 0, curve), 'target');
    expectInvalidAt(() => payout(100, -5, curve), 'target');
    expectInvalidAt(() => payout('1e3', 100, curve), 'actual');
    expectInvalidAt(() => payout(100, 100, { kind: 'curve', points: [{ attainment: 1, amount: 500 }, { attainment: 1.3, amount: 400 }] }), 'schedule.points.1.amount');
    expectInvalidAt(() => payout(100, 100, { kind: 'curve', points: [{ attainment: 1, amount: 500 }, { attainment: 1, amount: 600 }] }), 'schedule.points.1.attainment');
    expectInvalidAt(() => payout(100, 100, { kind: 'curve', points: [{ attainment: -0.5, amount: 0 }] }), 'schedule.points.0.attainment');
    expectInvalidAt(() => payout(100, 100, { kind: 'curve', points: [{ attainment: 1, amount: -1 }] }), 'schedule.points.0.amount');
    expectInvalidAt(() => payout(100, 100, { kind: 'curve', points: [{ attainment: 1, amount: '0.005' }] }), 'schedule.points.0.amount');
    expectInvalidAt(() => payout(100, 100, { kind: 'steps', steps: [] }), 'schedule.steps');
    expectInvalidAt(() => payout(100, 100, { kind: 'bands', bands: [{ from: 1, rate: 0.1 }, { from: 0.5, rate: 0.1 }] }), 'schedule.bands.1.from');
    expectInvalidAt(() => payout(100, 100, { kind: 'bands', bands: [{ from: 0, rate: -0.1 }] }), 'schedule.bands.0.rate');
    expectInvalidAt(() => payout(100, 100, { kind: 'bands', bands: [{ from: 0, rate: 0.1 }], cap: '10.005' }), 'schedule.cap');
    expectInvalidAt(() => payout(100, 100, { kind: 'bands', bands: [{ from: 0, rate: 0.1 }], cap: -1 }), 'schedule.cap');
    expectInvalidAt(() => payout(100, 100, { kind: 'bands', bands: [{ from: 0, rate: 0.1 }], unit: '0' }), 'schedule.unit');
    expectInvalidAt(() => payout(100, 100, { kind: 'lottery' } as never), 'schedule.kind');
  });
});

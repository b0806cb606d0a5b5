import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { receptionsFromFunnel } from './funnel.ts';

describe('receptionsFromFunnel (HC-1..HC-4)', () => {
  it('HC-1: 10,000 buyers × 40% ÷ 25% conversion = 16,000 receptions, a division', () => {
    const r = receptionsFromFunnel({ buyers: 10_000, csShare: 0.4, inquiryConversion: 0.25 });
    expect(r).toEqual({ buyers: 10_000, csBuyers: 4000, receptions: 16_000, botReceptions: 0, humanReceptions: 16_000 });
    // The article's multiplication would give 1,000: a conversion below 1 must enlarge the count.
    expect(r.receptions).toBeGreaterThan(r.csBuyers);
  });

  it('HC-2: the CS share defaults to 40%', () => {
    expect(receptionsFromFunnel({ buyers: 100_000, inquiryConversion: 0.5 }).receptions).toBe(80_000);
  });

  it('HC-3: a money target converts through AOV, exactly and rounded up to whole buyers', () => {
    expect(receptionsFromFunnel({ salesTarget: '3000000.00', averageOrderValue: 300, inquiryConversion: 0.25 }).buyers).toBe(10_000);
    expect(receptionsFromFunnel({ salesTarget: 1000, averageOrderValue: '333.33', inquiryConversion: 0.5 }).buyers).toBe(4);
    expect(receptionsFromFunnel({ salesTarget: 0.3, averageOrderValue: 0.1, inquiryConversion: 0.5 }).buyers).toBe(3);
  });

  it('HC-4: the bot share splits receptions; humans are rounded up and the parts add up', () => {
    const r = receptionsFromFunnel({ buyers: 333, csShare: 0.4, inquiryConversion: 0.25, botShare: 0.35 });
    expect(r.csBuyers).toBe(133.2);
    expect(r.receptions).toBe(533);
    expect(r.humanReceptions).toBe(347); // ceil(533 × 0.65 = 346.45)
    expect(r.botReceptions + r.humanReceptions).toBe(r.receptions);
  });

  it('is exact where floats are not (0.1 + 0.2 style shares)', () => {
    // 7 × 0.3 ÷ 0.7 = 3 exactly; in floats it is 3.0000000000000004 and a ceiling gives 4.
    expect(receptionsFromFunnel({ buyers: 7, csShare: 0.3, inquiryConversion: 0.7 }).receptions).toBe(3);
  });

  it('names the field at fault', () => {
    const cases: Array<[unknown, string]> = [
      [{ inquiryConversion: 0.25 }, 'salesTarget'],
      [{ buyers: 10, salesTarget: 100, averageOrderValue: 10, inquiryConversion: 0.25 }, 'buyers'],
      [{ salesTarget: 100, inquiryConversion: 0.25 }, 'averageOrderValue'],
      [{ salesTarget: 100, averageOrderValue: 0, inquiryConversion: 0.25 }, 'averageOrderValue'],
      [{ salesTarget: '1,000', averageOrderValue: 10, inquiryConversion: 0.25 }, 'salesTarget'],
      [{ salesTarget: -5, averageOrderValue: 10, inquiryConversion: 0.25 }, 'salesTarget'],
      [{ buyers: 10.5, inquiryConversion: 0.25 }, 'buyers'],
      [{ buyers: 10, inquiryConversion: 0 }, 'inquiryConversion'],
      [{ buyers: 10, inquiryConversion: 25 }, 'inquiryConversion'],
      [{ buyers: 10, inquiryConversion: 0.25, csShare: 40 }, 'csShare'],
      [{ buyers: 10, inquiryConversion: 0.25, botShare: 1 }, 'botShare'],
    ];
    for (const [input, path] of cases) expectInvalidAt(() => receptionsFromFunnel(input as never), path, JSON.stringify(input));
  });
});

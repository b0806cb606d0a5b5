// Chinese statutory holidays (法定节假日) and make-up workdays (调休上班日) for the years kefu
// covers. Each year is one notice of the General Office of the State Council (国务院办公厅关于
// 20xx年部分节假日安排的通知); the same dates are in the `chinese-days` package
// (github.com/vsme/chinese-days, src/holidays/generate.ts), against which they were checked.
//
//   2024: 国办发明电〔2023〕7号  https://www.gov.cn/zhengce/content/202310/content_6911527.htm
//   2025: 国办发明电〔2024〕12号 https://www.gov.cn/zhengce/content/202411/content_6986382.htm
//   2026: 国办发明电〔2025〕7号  https://www.gov.cn/zhengce/content/202511/content_7047090.htm
//
// A period is `[holiday, first day off, last day off, make-up workdays]`, dates written `MMDD`.
// Adding a year: append its notice here and to CALENDAR_YEARS; the tests check that every
// make-up workday falls on a weekend and that no two periods overlap.

/**
 * The holidays the State Council schedules, by a stable id. `nationalDayMidAutumn` is the joint
 * National Day and Mid-Autumn break of years in which the two fall together (2025).
 *
 * @example
 * ```ts
 * const id: HolidayId = 'springFestival';
 * ```
 */
export type HolidayId =
  | 'newYear'
  | 'springFestival'
  | 'qingming'
  | 'labourDay'
  | 'dragonBoat'
  | 'midAutumn'
  | 'nationalDay'
  | 'nationalDayMidAutumn';

/** `[holiday, first day off MMDD, last day off MMDD, make-up workdays MMDD separated by commas]`. */
export type PeriodRow = readonly [HolidayId, string, string, string];

/** One year's notice: where it was published and its periods. */
export interface YearRow {
  readonly notice: string;
  readonly url: string;
  readonly periods: readonly PeriodRow[];
}

/** The holiday names in Chinese and English. */
export const HOLIDAY_NAMES: Readonly<Record<HolidayId, readonly [zh: string, en: string]>> = {
  newYear: ['元旦', "New Year's Day"],
  springFestival: ['春节', 'Spring Festival'],
  qingming: ['清明节', 'Qingming Festival'],
  labourDay: ['劳动节', 'Labour Day'],
  dragonBoat: ['端午节', 'Dragon Boat Festival'],
  midAutumn: ['中秋节', 'Mid-Autumn Festival'],
  nationalDay: ['国庆节', 'National Day'],
  nationalDayMidAutumn: ['国庆节、中秋节', 'National Day and Mid-Autumn Festival'],
};

/** The notices, by year. */
export const YEARS: Readonly<Record<number, YearRow>> = {
  2024: {
    notice: '国办发明电〔2023〕7号',
    url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
    periods: [
      ['newYear', '0101', '0101', ''],
      ['springFestival', '0210', '0217', '0204,0218'],
      ['qingming', '0404', '0406', '0407'],
      ['labourDay', '0501', '0505', '0428,0511'],
      ['dragonBoat', '0610', '0610', ''],
      ['midAutumn', '0915', '0917', '0914'],
      ['nationalDay', '1001', '1007', '0929,1012'],
    ],
  },
  2025: {
    notice: '国办发明电〔2024〕12号',
    url: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
    periods: [
      ['newYear', '0101', '0101', ''],
      ['springFestival', '0128', '0204', '0126,0208'],
      ['qingming', '0404', '0406', ''],
      ['labourDay', '0501', '0505', '0427'],
      ['dragonBoat', '0531', '0602', ''],
      ['nationalDayMidAutumn', '1001', '1008', '0928,1011'],
    ],
  },
  2026: {
    notice: '国办发明电〔2025〕7号',
    url: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
    periods: [
      ['newYear', '0101', '0103', '0104'],
      ['springFestival', '0215', '0223', '0214,0228'],
      ['qingming', '0404', '0406', ''],
      ['labourDay', '0501', '0505', '0509'],
      ['dragonBoat', '0619', '0621', ''],
      ['midAutumn', '0925', '0927', ''],
      ['nationalDay', '1001', '1007', '0920,1010'],
    ],
  },
};

// The Chinese working calendar: holidays, make-up workdays, workday arithmetic. Every region is
// shown in docs/calendar.md; every result the comments state is asserted below it.
import assert from 'node:assert/strict';
// #region days
import { dayKind, holidayName, isHoliday, isMakeupWorkday, isWorkday } from 'kefu/calendar';

// National Day 2025 is joined with Mid-Autumn: eight days off, 10-01 to 10-08, made up on the
// Sunday before (09-28) and the Saturday after (10-11).
const kinds = ['2025-09-27', '2025-09-28', '2025-10-01', '2025-10-08', '2025-10-09', '2025-10-11'].map(dayKind);
// kinds → ['weekend', 'makeupWorkday', 'holiday', 'holiday', 'workday', 'makeupWorkday']
const name = holidayName('2025-10-01'); // '国庆节、中秋节'
const english = holidayName('2026-02-17', 'en'); // 'Spring Festival'
const checks = [isHoliday('2026-02-15'), isMakeupWorkday('2026-02-14'), isWorkday('2026-02-14'), isWorkday('2026-11-11')];
// checks → [true, true, true, true]
// #endregion days
assert.deepEqual(kinds, ['weekend', 'makeupWorkday', 'holiday', 'holiday', 'workday', 'makeupWorkday']);
assert.equal(name, '国庆节、中秋节');
assert.equal(english, 'Spring Festival');
assert.deepEqual(checks, [true, true, true, true]);

// #region workdays
import { addWorkdays, holidaysBetween, nextWorkday } from 'kefu/calendar';

// A refund promised "within 3 workdays" of Tuesday 2025-09-30 is due on Saturday 10-11 (a make-up workday).
const due = addWorkdays('2025-09-30', 3);
// due → '2025-10-11'
const back = addWorkdays('2026-02-24', -1); // '2026-02-14': the Saturday worked before Spring Festival
const afterBreak = nextWorkday('2026-10-01'); // '2026-10-08'
const daysOff = holidaysBetween('2026-02-01', '2026-02-28').length; // 9
// #endregion workdays
assert.equal(due, '2025-10-11');
assert.equal(back, '2026-02-14');
assert.equal(afterBreak, '2026-10-08');
assert.equal(daysOff, 9);

// #region periods
import { CALENDAR_YEARS, holidayPeriods } from 'kefu/calendar';

// CALENDAR_YEARS → [2024, 2025, 2026]
const spring = holidayPeriods(2026).find((p) => p.holiday === 'springFestival');
// spring → { holiday: 'springFestival', zh: '春节', en: 'Spring Festival', start: '2026-02-15', end: '2026-02-23',
//   makeupWorkdays: ['2026-02-14', '2026-02-28'], notice: '国办发明电〔2025〕7号', url: 'https://www.gov.cn/…' }
// #endregion periods
assert.deepEqual(CALENDAR_YEARS, [2024, 2025, 2026]);
assert.deepEqual(spring, {
  holiday: 'springFestival',
  zh: '春节',
  en: 'Spring Festival',
  start: '2026-02-15',
  end: '2026-02-23',
  makeupWorkdays: ['2026-02-14', '2026-02-28'],
  notice: '国办发明电〔2025〕7号',
  url: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
});

// #region errors
import { KefuError } from 'kefu/calendar';
try {
  isWorkday('2027-01-04');
} catch (error) {
  if (error instanceof KefuError) {
    // error.code → 'CALENDAR_YEAR_UNKNOWN': no guessing about years without a State Council notice
    // error.issues[0].path → 'date'
  }
}
// #endregion errors
assert.throws(() => isWorkday('2027-01-04'), (error: unknown) => error instanceof KefuError && error.code === 'CALENDAR_YEAR_UNKNOWN' && error.issues[0]?.path === 'date');

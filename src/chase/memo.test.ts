import { describe, expect, it } from 'vitest';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import { appendChaseMemo, CHASE_MEMO_FLAG, formatChaseMemo, parseChaseMemo } from './index.ts';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('chase memo (CH-10)', () => {
  it('CH-10: time + agent nickname + reminder count + feedback, with the channel and the outcome', () => {
    const text = formatChaseMemo({ at: '2026-11-11T11:05:42+08:00', agent: '小美', count: 2, channel: 'phone', outcome: 'promised_to_pay', feedback: '买家说下班后付款' });
    expect(text).toBe('【催付】2026-11-11 11:05｜小美｜第2次｜电话｜〔答应付款〕｜买家说下班后付款');
    expect(parseChaseMemo(text).entries).toEqual([
      { at: '2026-11-11T11:05:00+08:00', agent: '小美', count: 2, channel: 'phone', outcome: 'promised_to_pay', feedback: '买家说下班后付款' },
    ]);
  });

  it('CH-10: the flag is 5, the purple flag', () => {
    expect(CHASE_MEMO_FLAG).toBe(5);
    expect(appendChaseMemo('', { at: '2026-11-11T00:25:00+08:00', agent: '小美', count: 1, channel: 'im' }).flag).toBe(5);
  });

  it('reads what people type: | and ;, slashes in dates, seconds, "2次" and "#2", no prefix, new lines', () => {
    const memo = '顺丰包邮;2026/11/11 9:05:30 | 阿强 | 2次 | 短信\n【催付】2026-11-11 10:00|小美|#3|买家在开会；备注：易碎';
    const { entries, rest } = parseChaseMemo(memo);
    expect(entries).toEqual([
      { at: '2026-11-11T09:05:00+08:00', agent: '阿强', count: 2, channel: 'sms' },
      { at: '2026-11-11T10:00:00+08:00', agent: '小美', count: 3, feedback: '买家在开会' },
    ]);
    expect(rest).toBe('顺丰包邮;备注：易碎');
  });

  it('keeps the separators out of free text, so the entry reads back', () => {
    const text = formatChaseMemo({ at: '2026-11-11T11:05:00+08:00', agent: ' 小|美 ', count: 1, channel: 'im', feedback: '说：｜明天；再说\n〔好〕' });
    expect(text).toBe('【催付】2026-11-11 11:05｜小/美｜第1次｜旺旺｜说：/明天,再说 (好)');
    expect(parseChaseMemo(text).entries[0]).toMatchObject({ agent: '小/美', feedback: '说：/明天,再说 (好)' });
  });

  it('writes the offset when the local time happens twice (a DST fall-back), so it reads back to the same instant', () => {
    const options = { timeZone: 'America/New_York' };
    const second = formatChaseMemo({ at: '2026-11-01T01:30:00-05:00', agent: 'Ann', count: 1, channel: 'sms' }, options);
    expect(second).toBe('【催付】2026-11-01 01:30-05:00｜Ann｜第1次｜短信');
    expect(parseChaseMemo(second, options).entries[0]?.at).toBe('2026-11-01T01:30:00-05:00');
    expect(formatChaseMemo({ at: '2026-11-01T01:30:00-04:00', agent: 'Ann', count: 1, channel: 'sms' }, options)).toBe('【催付】2026-11-01 01:30｜Ann｜第1次｜短信');
  });

  it('appends after the other text, drops the oldest chase entries first, and stays within 1,000 bytes', () => {
    let memo = '顺丰包邮，勿放快递柜';
    for (let n = 1; n <= 20; n++) {
      const r = appendChaseMemo(memo, { at: `2026-11-11T${String(n).padStart(2, '0')}:00:00+08:00`, agent: '小美', count: n, channel: 'phone', feedback: '买家说今天晚些时候一定付款，请不要再打电话了' });
      expect(r.bytes).toBeLessThanOrEqual(1000);
      expect(r.bytes).toBe(bytes(r.memo));
      memo = r.memo;
    }
    const { entries, rest } = parseChaseMemo(memo);
    expect(rest).toBe('顺丰包邮，勿放快递柜');
    expect(entries.at(-1)?.count).toBe(20);
    expect(entries.map((e) => e.count)).toEqual(Array.from({ length: entries.length }, (_, k) => 21 - entries.length + k));
  });

  it('shortens the new feedback with … when even one entry does not fit, and refuses, naming the side that is too long, when the entry still does not fit', () => {
    const r = appendChaseMemo('备注', { at: '2026-11-11T11:00:00+08:00', agent: '小美', count: 1, channel: 'im', feedback: '很长的反馈'.repeat(60) }, { maxBytes: 200 });
    expect(r.truncated).toBe(true);
    expect(r.bytes).toBeLessThanOrEqual(200);
    expect(parseChaseMemo(r.memo).entries[0]?.feedback?.endsWith('…')).toBe(true);
    const error = kefuErrorOf(() => appendChaseMemo('字'.repeat(60), { at: '2026-11-11T11:00:00+08:00', agent: '小美', count: 1, channel: 'im' }, { maxBytes: 150 }), 'OUT_OF_RANGE');
    expect(error.issues[0]?.path).toBe('memo');
    // An agent name of 64 four-byte characters cannot fit in 150 bytes, whatever the memo holds.
    const long = kefuErrorOf(() => appendChaseMemo('', { at: '2026-11-11T11:00:00+08:00', agent: '𝄞'.repeat(64), count: 1, channel: 'im' }, { maxBytes: 150 }), 'OUT_OF_RANGE');
    expect(long.issues[0]?.path).toBe('agent');
  });

  it('names the field of bad input', () => {
    const entry = { at: '2026-11-11T11:05:00+08:00', agent: '小美', count: 1, channel: 'im' as const };
    expectInvalidAt(() => formatChaseMemo({ ...entry, at: '2026-11-11 11:05' }), 'at');
    expectInvalidAt(() => formatChaseMemo({ ...entry, count: 0 }), 'count');
    expectInvalidAt(() => formatChaseMemo({ ...entry, agent: '' }), 'agent');
    expectInvalidAt(() => formatChaseMemo({ ...entry, agent: ' \n\u3000 ' }), 'agent');
    expectInvalidAt(() => formatChaseMemo({ ...entry, channel: 'fax' as 'im' }), 'channel');
    expectInvalidAt(() => formatChaseMemo(entry, { timeZone: 'Mars/Base' }), 'timeZone');
    expectInvalidAt(() => appendChaseMemo(42 as unknown as string, entry), '');
    expectInvalidAt(() => appendChaseMemo('', entry, { maxBytes: 10 }), 'maxBytes');
    expectInvalidAt(() => parseChaseMemo(null as unknown as string), '');
  });
});

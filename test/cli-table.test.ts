// Terminal tables: CJK characters take two columns, so zh-CN headers and names line up.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { codePointWidth, displayWidth, padEnd, padStart, renderTable } from '../src/cli/table.ts';

describe('displayWidth', () => {
  it('counts East Asian Wide and Fullwidth characters as 2, combining marks and zero-width characters as 0', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('时段 Hour')).toBe(9);
    expect(displayWidth('繁體字')).toBe(6); // traditional Chinese
    expect(displayWidth('カナ한글')).toBe(8); // katakana, hangul
    expect(displayWidth('，（）：')).toBe(8); // full-width punctuation
    expect(displayWidth('ＡＢ１')).toBe(6); // full-width latin and digits
    expect(displayWidth('𠀀')).toBe(2); // CJK Extension B, outside the BMP
    expect(displayWidth('e\u0301')).toBe(1); // e + combining acute
    expect(displayWidth('a\u200bb')).toBe(2); // zero-width space
    expect(displayWidth('¥1,398.00 … — ●')).toBe(15); // narrow and ambiguous symbols count 1
    expect(displayWidth('')).toBe(0);
  });

  it('counts control characters as 0 and the ideographic space as 2', () => {
    expect(codePointWidth(0x07)).toBe(0);
    expect(codePointWidth(0x3000)).toBe(2);
    expect(codePointWidth(0x302a)).toBe(0); // ideographic tone mark inside a wide block
  });
});

describe('padding and tables', () => {
  it('pads by display width', () => {
    expect(padEnd('王芳', 6)).toBe('王芳  ');
    expect(padStart('王芳', 6)).toBe('  王芳');
    expect(padEnd('toolong', 3)).toBe('toolong');
  });

  it('lines up mixed CJK and Latin columns, right-aligns numbers, and leaves no trailing spaces', () => {
    const lines = renderTable(
      [{ header: '坐席 Agent' }, { header: '销售额 Sales', align: 'right' }, { header: 'Note' }],
      [
        ['王芳 wangfang', '¥21,250.39', ''],
        ['li', '¥9.00', 'new\nhire'],
      ],
    );
    expect(lines).toEqual([
      '坐席 Agent     销售额 Sales  Note',
      '-------------  ------------  --------',
      '王芳 wangfang    ¥21,250.39',
      'li                    ¥9.00  new hire',
    ]);
  });

  test.prop([fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('a', '1', '王', '芳', '，', ' ', 'é'), maxLength: 8 }), fc.string({ unit: fc.constantFrom('9', '.', '¥', '万'), maxLength: 6 })), { maxLength: 10 })], { numRuns: 150 })(
    'every column starts at the same display column on every line',
    (rows) => {
      const lines = renderTable([{ header: '名字 Name' }, { header: '金额', align: 'right' }], rows);
      const width = displayWidth(lines[1]?.split('  ')[0] ?? '');
      const total = displayWidth(lines[1] ?? '');
      lines.slice(2).forEach((line, k) => {
        // A right-aligned, non-empty last cell ends exactly at the table's width.
        if ((rows[k]?.[1] ?? '') !== '') expect(displayWidth(line)).toBe(total);
        const chars = [...line];
        let w = 0;
        let i = 0;
        while (i < chars.length && w < width) w += codePointWidth((chars[i] as string).codePointAt(0) as number), i++;
        if (displayWidth(line) > width) expect(w).toBe(width); // no wide character straddles the column boundary
        expect(line).not.toMatch(/\s$/);
      });
    },
  );
});

// The CLI's RFC 4180 CSV reader and writer: examples for each rule, and fast-check properties
// (any records survive a write and a read, whatever the line ends, byte order mark or content).
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, stringifyCsv } from '../src/cli/csv.ts';

describe('parseCsv', () => {
  it('reads fields, quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\r\nlines', ''],
    ]);
  });

  it('accepts LF, CRLF and lone CR line ends, with or without a final line break', () => {
    for (const text of ['a,b\n1,2\n', 'a,b\r\n1,2\r\n', 'a,b\r1,2\r', 'a,b\n1,2']) expect(parseCsv(text)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('drops a leading byte order mark (Excel writes one) and keeps one anywhere else', () => {
    expect(parseCsv('\uFEFFid,金额\n1,199.00\n')).toEqual([['id', '金额'], ['1', '199.00']]);
    expect(parseCsv('a\n\uFEFFb\n')).toEqual([['a'], ['\uFEFFb']]);
  });

  it('keeps empty fields and empty lines (a record of one empty field); empty text has no records', () => {
    expect(parseCsv(',,\n\nx\n')).toEqual([['', '', ''], [''], ['x']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as text, and spaces around fields', () => {
    expect(parseCsv('5" screen, a b ,x\n')).toEqual([['5" screen', ' a b ', 'x']]);
  });

  it('throws CsvSyntaxError with the record and line for an unterminated quote or text after a closing quote', () => {
    const unterminated = (() => {
      try {
        parseCsv('a,b\n1,"open\nstill open\n');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(unterminated).toBeInstanceOf(CsvSyntaxError);
    expect(unterminated).toMatchObject({ record: 2, line: 2 });
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/unexpected text after a closing quote/);
    expect(() => parseCsv('a\n"x"y\n')).toThrow(CsvSyntaxError);
  });

  it('reads another delimiter when asked', () => {
    expect(parseCsv('a;b\n"1;2";3\n', ';')).toEqual([['a', 'b'], ['1;2', '3']]);
  });
});

describe('stringifyCsv', () => {
  it('quotes only what needs it and ends every record with CRLF by default', () => {
    expect(stringifyCsv([['id', 'text'], ['1', 'plain'], ['2', 'a, b'], ['3', 'say "hi"'], ['4', 'two\nlines'], ['5', ' padded ']])).toBe(
      'id,text\r\n1,plain\r\n2,"a, b"\r\n3,"say ""hi"""\r\n4,"two\nlines"\r\n5," padded "\r\n',
    );
  });

  it('writes LF on request, a byte order mark on request, and a lone empty field as ""', () => {
    expect(stringifyCsv([['a'], ['']], { eol: '\n', bom: true })).toBe('\uFEFFa\n""\n');
  });
});

/** Field text with the characters that matter to CSV: delimiters, quotes, line ends, spaces, CJK, BOM. */
const field = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ',', '"', '\n', '\r', ' ', '\t', '尺', '碼', '\uFEFF', 'é', ';'), maxLength: 12 });
const records = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

describe('CSV properties', () => {
  test.prop([records, fc.constantFrom('\r\n' as const, '\n' as const), fc.boolean()], { numRuns: 300 })(
    'any records survive stringify then parse, with either line end and with or without a BOM',
    (rows, eol, bom) => {
      expect(parseCsv(stringifyCsv(rows, { eol, bom }))).toEqual(rows);
    },
  );

  test.prop([records], { numRuns: 200 })('another delimiter round-trips too', (rows) => {
    expect(parseCsv(stringifyCsv(rows, { delimiter: ';' }), ';')).toEqual(rows);
  });

  test.prop([fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' '), maxLength: 30 })], { numRuns: 300 })(
    'any text either parses or throws CsvSyntaxError, and what parses is written back to text that parses the same',
    (text) => {
      let parsed: string[][];
      try {
        parsed = parseCsv(text);
      } catch (error) {
        expect(error).toBeInstanceOf(CsvSyntaxError);
        return;
      }
      expect(parseCsv(stringifyCsv(parsed))).toEqual(parsed);
    },
  );

  test.prop([records], { numRuns: 200 })('a written record never starts a line inside a field: each record is one parse unit', (rows) => {
    const text = stringifyCsv(rows);
    expect(text.endsWith('\r\n') || rows.length === 0).toBe(true);
    expect(parseCsv(text)).toHaveLength(rows.length);
  });
});

// A small RFC 4180 CSV reader and writer: quoted fields, doubled quotes, commas and line breaks
// inside quotes, CRLF or LF line ends, an optional UTF-8 byte order mark. No dependency.

/** A syntax error in CSV text, with the record (header = 1) and the physical line where it is. */
export class CsvSyntaxError extends Error {
  /** 1-based record number (the header is record 1). */
  readonly record: number;
  /** 1-based physical line. */
  readonly line: number;

  constructor(message: string, record: number, line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.record = record;
    this.line = line;
  }
}

const BOM = '\uFEFF';

/**
 * Reads CSV text into records of fields. Rules (RFC 4180, read leniently where spreadsheets
 * differ): a leading byte order mark is dropped; records end at CRLF, LF or a lone CR; a field
 * that starts with `"` runs to the matching `"` and may hold commas, line breaks and doubled
 * quotes (`""`); a quote inside an unquoted field is kept as text; a line break at the very end
 * of the text does not start another record; an empty line is a record with one empty field.
 * Throws {@link CsvSyntaxError} for an unterminated quoted field or text after a closing quote.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let i = text.startsWith(BOM) ? 1 : 0;
  const n = text.length;
  let line = 1;
  let record: string[] = [];
  let field = '';
  if (i >= n) return records;
  for (;;) {
    // At the start of a field.
    if (text[i] === '"') {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(`unterminated quoted field (opened on line ${startLine})`, records.length + 1, startLine);
        const ch = text[i] as string;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
        i++;
      }
      if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        throw new CsvSyntaxError(`unexpected text after a closing quote: ${JSON.stringify(text.slice(i, i + 10))}`, records.length + 1, line);
      }
    } else {
      while (i < n) {
        const ch = text[i] as string;
        if (ch === delimiter || ch === '\r' || ch === '\n') break;
        field += ch;
        i++;
      }
    }
    record.push(field);
    field = '';
    if (i >= n) {
      records.push(record);
      return records;
    }
    const ch = text[i];
    if (ch === delimiter) {
      i++;
      continue;
    }
    // A line break ends the record.
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    records.push(record);
    record = [];
    if (i >= n) return records;
  }
}

/** Options of {@link stringifyCsv}. */
export interface CsvWriteOptions {
  /** Line end (default CRLF, as RFC 4180 says). */
  readonly eol?: '\r\n' | '\n';
  /** Start with a UTF-8 byte order mark, so that Excel reads Chinese text correctly (default false). */
  readonly bom?: boolean;
  readonly delimiter?: string;
}

/**
 * Writes records as CSV. A field is quoted when it holds the delimiter, a quote, a line break,
 * leading or trailing spaces or a leading byte order mark, and when it is the only, empty field
 * of its record (so the record does not read back as an empty line). Every record ends with `eol`.
 */
export function stringifyCsv(records: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const delimiter = options.delimiter ?? ',';
  const body = records
    .map((record) => {
      if (record.length === 1 && record[0] === '') return `""${eol}`;
      return `${record.map((field) => quoteField(field, delimiter)).join(delimiter)}${eol}`;
    })
    .join('');
  return (options.bom === true ? BOM : '') + body;
}

function quoteField(field: string, delimiter: string): string {
  // A leading byte order mark is quoted too, or a reader would drop it as the file's.
  const needs = field.includes(delimiter) || field.includes('"') || field.includes('\n') || field.includes('\r') || /^\s|\s$/.test(field) || field.startsWith(BOM);
  return needs ? `"${field.split('"').join('""')}"` : field;
}

// What the data subcommands share: the common options, reading option values, and writing the
// result as CSV or JSON to stdout or a file.
import { UsageError, type OptionSpec, type ParsedArgs } from '../args.ts';
import { parseNumberCell, type ColumnSpec } from '../columns.ts';
import { stringifyCsv } from '../csv.ts';
import { formatOfPath, formatOption, InputError, type CliIo, type DataFormat } from '../io.ts';

/** A subcommand of `kefu`. */
export interface Command {
  readonly name: string;
  /** One line for `kefu --help`. */
  readonly summary: string;
  /** The help text, without the options. */
  readonly help: readonly string[];
  readonly options: readonly OptionSpec[];
  /** The input sheets and their columns, for `--help`. */
  readonly sheets?: ReadonlyArray<{ readonly title: string; readonly columns: readonly ColumnSpec[] }>;
  run(io: CliIo, args: ParsedArgs): Promise<number>;
}

/** Options every data subcommand takes. */
export const IO_OPTIONS: readonly OptionSpec[] = [
  { name: 'out', kind: 'value', placeholder: 'FILE', help: 'write the result to FILE instead of stdout (its extension sets the format)' },
  { name: 'format', kind: 'value', placeholder: 'csv|json', help: 'output format (default: from --out, else the input format)' },
  { name: 'input-format', kind: 'value', placeholder: 'csv|json', help: 'input format (default: from the file extension, else from the content)' },
  { name: 'time-zone', kind: 'value', placeholder: 'ZONE', help: 'IANA zone of the shop, also for date-times without an offset (default Asia/Shanghai)' },
  { name: 'bom', kind: 'flag', help: 'start CSV output with a byte order mark (for Excel)' },
];

/** A string option, or undefined. Flags given a value are caught by the parser. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

/** A number option, or undefined; a value that is not a number is a usage error. */
export function numberOption(args: ParsedArgs, name: string): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  const n = parseNumberCell(v);
  if (n === undefined || !Number.isFinite(n)) throw new UsageError(`option "--${name}" expects a number, received ${JSON.stringify(v)}`);
  return n;
}

/** A comma-separated list option (`--prizes 888,666,333`), or undefined. */
export function listOption(args: ParsedArgs, name: string): string[] | undefined {
  const v = stringOption(args, name);
  return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** One of several words, or undefined; anything else is a usage error. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[]): T | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  if (!(choices as readonly string[]).includes(v)) throw new UsageError(`option "--${name}" must be one of ${choices.join(', ')}, received ${JSON.stringify(v)}`);
  return v as T;
}

/** The one positional a data command takes (its input file), or undefined for stdin. */
export function inputPath(args: ParsedArgs, command: string): string | undefined {
  if (args.positionals.length > 1) throw new UsageError(`kefu ${command} takes one input file, received ${args.positionals.length}: ${args.positionals.join(' ')}`);
  return args.positionals[0];
}

/** The zone from `--time-zone`, default Asia/Shanghai (the library checks it). */
export function timeZoneOption(args: ParsedArgs): string {
  return stringOption(args, 'time-zone') ?? 'Asia/Shanghai';
}

/** What a command writes: a table for CSV, any value for JSON. */
export interface CommandOutput {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>;
  readonly json: unknown;
}

/** The output format: `--format`, else the `--out` extension, else the input's format. */
export function outputFormat(args: ParsedArgs, inputFormat: DataFormat): DataFormat {
  const out = stringOption(args, 'out');
  return formatOption(args.options['format'], 'format') ?? (out === undefined ? undefined : formatOfPath(out)) ?? inputFormat;
}

/** Writes the result as CSV or JSON, to `--out` or stdout. */
export function writeOutput(io: CliIo, args: ParsedArgs, format: DataFormat, output: CommandOutput): void {
  const text =
    format === 'json'
      ? `${JSON.stringify(output.json, null, 2)}\n`
      : stringifyCsv([output.header, ...output.rows.map((row) => row.map(cellText))], { bom: args.options['bom'] === true });
  const out = stringOption(args, 'out');
  if (out === undefined) io.stdout.write(text);
  else {
    try {
      io.writeFile(out, text);
    } catch (error) {
      throw new InputError([`${out}: cannot write the file (${(error as Error).message})`]);
    }
  }
}

/** A value as a CSV cell: numbers as written by JavaScript, null and undefined empty. */
export function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A number rounded to `places` decimals for display (not for further computation). */
export function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

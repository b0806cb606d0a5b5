// What the command reads and writes, injected so that tests run it in-process: stdout, stderr,
// stdin, and files. `nodeIo()` is the real thing.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { UsageError } from './args.ts';

/** The command's view of the outside world. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: {
    write(text: string): unknown;
    /** True when stderr is a terminal: progress lines are shown only then. */
    readonly isTTY?: boolean;
  };
  /** All of stdin as UTF-8 text, or `undefined` when stdin is a terminal (nothing piped in). */
  readStdin(): Promise<string | undefined>;
  /** A file's UTF-8 text; throws when it cannot be read. */
  readFile(path: string): string;
  /** Writes UTF-8 text to a file, replacing it. */
  writeFile(path: string, text: string): void;
}

/** The process's own stdin, stdout, stderr and file system. */
export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    async readStdin() {
      if (process.stdin.isTTY) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  };
}

/** The two data formats. */
export type DataFormat = 'csv' | 'json';

/** Input text with its name for messages and its format. */
export interface InputText {
  /** The file name as given, or `<stdin>`. */
  readonly label: string;
  readonly text: string;
  readonly format: DataFormat;
}

/** Bad input: the messages to print, one per problem. Exit code 1. */
export class InputError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** `csv` or `json` from an option value, or a usage error. */
export function formatOption(value: string | true | undefined, option: string): DataFormat | undefined {
  if (value === undefined) return undefined;
  if (value === 'csv' || value === 'json') return value;
  throw new UsageError(`option "--${option}" must be csv or json, received ${value === true ? 'nothing' : JSON.stringify(value)}`);
}

/** The format a file name implies: `.csv` or `.json` (any case); otherwise none. */
export function formatOfPath(path: string): DataFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : undefined;
}

/** JSON when the text starts (after a byte order mark and spaces) with `[` or `{`, else CSV. */
export function sniffFormat(text: string): DataFormat {
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** Reads a named file; `formatHint` overrides its extension, and content decides when neither does. */
export function readInputFile(io: CliIo, path: string, formatHint?: DataFormat): InputText {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError([`${path}: cannot read the file${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`]);
  }
  return { label: path, text, format: formatHint ?? formatOfPath(path) ?? sniffFormat(text) };
}

/** Reads the main input: a file, or stdin when the path is absent or `-`. */
export async function readMainInput(io: CliIo, path: string | undefined, formatHint?: DataFormat): Promise<InputText> {
  if (path !== undefined && path !== '-') return readInputFile(io, path, formatHint);
  const text = await io.readStdin();
  if (text === undefined) throw new UsageError('no input: give a file, or pipe data into stdin');
  return { label: '<stdin>', text, format: formatHint ?? sniffFormat(text) };
}

/** Parses JSON text, or throws an InputError naming the file and the position. */
export function parseJson(input: InputText): unknown {
  try {
    return JSON.parse(input.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError([`${input.label}: not valid JSON (${(error as Error).message})`]);
  }
}

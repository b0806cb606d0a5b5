// The `kefu` command: subcommands, help, and exit codes (0 ok, 1 bad input, 2 usage error).
// `run` takes its stdin, stdout, stderr and files as arguments, so tests call it in-process.
import { optionHelp, parseArgs, UsageError } from './args.ts';
import { chaseCommand } from './commands/chase.ts';
import type { Command } from './commands/common.ts';
import { demoCommand } from './commands/demo.ts';
import { headcountCommand } from './commands/headcount.ts';
import { kpiCommand } from './commands/kpi.ts';
import { refundsCommand } from './commands/refunds.ts';
import { rosterCommand } from './commands/roster.ts';
import { KefuError } from '../core/errors.ts';
import { InputError, type CliIo } from './io.ts';

export type { CliIo } from './io.ts';

/** Every subcommand, in the order `kefu --help` lists them. */
export const COMMANDS: readonly Command[] = [demoCommand, headcountCommand, rosterCommand, chaseCommand, kpiCommand, refundsCommand];

/** Exit codes. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** Problems printed before "… and N more". */
const MAX_PROBLEMS = 50;

/** The top-level help. */
export function mainHelp(): string[] {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'kefu: the rules that run an e-commerce customer-service team, on the command line.',
    '',
    'usage: kefu <command> [FILE] [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Data commands read CSV or JSON from FILE or stdin and write CSV or JSON to stdout or --out.',
    'Run "kefu <command> --help" for its options and input columns.',
    'Exit codes: 0 ok, 1 bad input (each problem names the row and column), 2 usage error.',
  ];
}

/** A subcommand's help: its text, its options and its input columns. */
export function commandHelp(command: Command): string[] {
  const lines = [...command.help, '', 'options:', ...optionHelp([...command.options, { name: 'help', kind: 'flag', help: 'show this help' }])];
  for (const sheet of command.sheets ?? []) {
    const width = Math.max(...sheet.columns.map((c) => c.name.length)) + 2;
    lines.push('', `${sheet.title}:`, ...sheet.columns.map((c) => `  ${c.name.padEnd(width)}${c.required === true ? '(required) ' : ''}${c.help}`));
  }
  return lines;
}

/**
 * Runs `kefu` with `argv` (the arguments after the program name) and returns the exit code: 0
 * ok, 1 bad input, 2 usage error. Output goes to `io.stdout`, problems and progress to `io.stderr`.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(`${mainHelp().join('\n')}\n`);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(`${(topic === undefined ? mainHelp() : commandHelp(topic)).join('\n')}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`kefu: unknown command "${name}"\nRun "kefu --help" for the list of commands.\n`);
    return EXIT.usage;
  }
  try {
    const args = parseArgs(rest, command.options);
    if (args.options['help'] === true) {
      io.stdout.write(`${commandHelp(command).join('\n')}\n`);
      return EXIT.ok;
    }
    return await command.run(io, args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`kefu ${command.name}: ${error.message}\nRun "kefu ${command.name} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      reportProblems(io, command.name, error.problems);
      return EXIT.badInput;
    }
    if (error instanceof KefuError) {
      // An error the command did not map to rows (it names the library's fields).
      reportProblems(io, command.name, error.issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)));
      return EXIT.badInput;
    }
    throw error;
  }
}

function reportProblems(io: CliIo, command: string, problems: readonly string[]): void {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const more = problems.length - shown.length;
  io.stderr.write(
    `kefu ${command}: bad input (${problems.length} problem${problems.length === 1 ? '' : 's'})\n${shown.join('\n')}\n${more > 0 ? `… and ${more} more\n` : ''}`,
  );
}

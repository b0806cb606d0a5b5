// Command-line arguments: `--name value`, `--name=value`, boolean flags, `-h`, positionals, and
// `--` to end the options. Anything unknown is a usage error (exit code 2).

/** A usage error: the command line itself is wrong. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One option a command accepts. */
export interface OptionSpec {
  /** Long name without the dashes (`time-limit-ms`). */
  readonly name: string;
  /** `flag` takes no value; `value` takes one. */
  readonly kind: 'flag' | 'value';
  /** The value's placeholder in the help (`FILE`, `MS`). */
  readonly placeholder?: string;
  /** One line for the help. */
  readonly help: string;
}

/** Parsed arguments: option values by name (flags are `true`), and the positionals in order. */
export interface ParsedArgs {
  readonly options: Readonly<Record<string, string | true>>;
  readonly positionals: readonly string[];
}

/** Parses `argv` against the options a command accepts. `-h` is `--help`. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      options['help'] = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = name === 'help' ? ({ name: 'help', kind: 'flag', help: '' } as const) : byName.get(name);
    if (spec === undefined) throw new UsageError(`unknown option "--${name}"`);
    if (Object.prototype.hasOwnProperty.call(options, name)) throw new UsageError(`option "--${name}" given twice`);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`option "--${name}" takes no value`);
      options[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`option "--${name}" needs a value (${spec.placeholder ?? 'VALUE'})`);
      i++;
    }
    options[name] = value;
  }
  return { options, positionals };
}

/** The help lines for a list of options, aligned. */
export function optionHelp(specs: readonly OptionSpec[]): string[] {
  const left = specs.map((s) => `  --${s.name}${s.kind === 'value' ? ` ${s.placeholder ?? 'VALUE'}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return specs.map((s, i) => `${(left[i] as string).padEnd(width)}${s.help}`);
}

// The `kefu` command (Node only). For now one subcommand: `demo`, the Double 11 headcount plan.
import { headcountDemo } from './demo.ts';

const USAGE = 'usage: kefu demo    print a Double 11 hourly headcount plan for a sample shop';

function main(args: readonly string[]): number {
  const [command] = args;
  if (command === 'demo') {
    process.stdout.write(`${headcountDemo().join('\n')}\n`);
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 1 : 0;
  }
  process.stderr.write(`kefu: unknown command "${command}"\n${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));

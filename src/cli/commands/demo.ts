// `kefu demo` (npm start): the Double 11 plan for the sample shop, as tables, and with --html as
// one self-contained report page with charts.
import { UsageError } from '../args.ts';
import { inputErrorFrom } from '../columns.ts';
import { KefuError } from '../../core/errors.ts';
import { buildDemo, demoLines } from '../demo.ts';
import { renderReport } from '../html/report.ts';
import { InputError } from '../io.ts';
import { numberOption, stringOption, type Command } from './common.ts';

/** `kefu demo`. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Double 11 for a sample shop: headcount, roster, chase queue, leaderboard, refunds',
  help: [
    'usage: kefu demo [--html FILE] [--time-limit-ms MS]',
    '',
    'Plans Double 11 for the sample apparel shop that ships with kefu and prints it as tables:',
    'the headcount per hour from the sales target, a two-week roster around 11.11 for its 30',
    'agents, the chase queue at 00:20 on the event day, the leaderboard and bonuses, and the',
    'review of 200 refunds. With --html it also writes one self-contained HTML page with charts',
    '(demand vs coverage, the roster heat map, the refund Pareto).',
  ],
  options: [
    { name: 'html', kind: 'value', placeholder: 'FILE', help: 'also write the HTML report to FILE' },
    { name: 'time-limit-ms', kind: 'value', placeholder: 'MS', help: "the roster's time limit (default 3000)" },
  ],
  async run(io, args) {
    if (args.positionals.length > 0) throw new UsageError(`kefu demo reads no input file, received ${JSON.stringify(args.positionals[0])}`);
    const htmlPath = stringOption(args, 'html');
    const timeLimitMs = numberOption(args, 'time-limit-ms');
    if (io.stderr.isTTY === true) io.stderr.write('kefu demo: planning Double 11 for the sample shop…');
    let report;
    try {
      report = buildDemo(timeLimitMs === undefined ? {} : { timeLimitMs });
    } catch (error) {
      if (error instanceof KefuError) throw inputErrorFrom(error, { options: { timeLimitMs: '--time-limit-ms' } });
      throw error;
    } finally {
      if (io.stderr.isTTY === true) io.stderr.write('\r\x1b[2K');
    }
    io.stdout.write(`${demoLines(report).join('\n')}\n`);
    if (htmlPath !== undefined) {
      try {
        io.writeFile(htmlPath, renderReport(report));
      } catch (error) {
        throw new InputError([`${htmlPath}: cannot write the report (${(error as Error).message})`]);
      }
      io.stdout.write(`\nReport 报告: ${htmlPath}\n`);
    }
    return 0;
  },
};

// The `kefu` command, run in-process through `run(argv, io)` on the sample files of
// examples/data: outputs, help, exit codes, and bad input named by file, row and column. One test
// spawns the real command end to end.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/cli/csv.ts';
import type { CliIo } from '../src/cli/io.ts';
import { COMMANDS, run } from '../src/cli/main.ts';
import type { ChasePlan } from '../src/chase/index.ts';
import type { RosterResult } from '../src/roster/index.ts';
import { REFUND_REASONS, type ReasonCode } from '../src/refunds/index.ts';

const root = new URL('../', import.meta.url).pathname;

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files written by the command. */
  readonly written: ReadonlyMap<string, string>;
}

/**
 * Runs `kefu argv` with an in-memory io: files are read from the repository (paths relative to
 * it) or from `files`, stdin is `stdin` (undefined: a terminal), writes are kept in memory.
 */
async function kefu(argv: readonly string[], options: { stdin?: string; files?: Record<string, string>; tty?: boolean } = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty === true },
    readStdin: async () => options.stdin,
    readFile: (path) => {
      const file = options.files?.[path];
      if (file !== undefined) return file;
      return readFileSync(path.startsWith('/') ? path : `${root}${path}`, 'utf8');
    },
    writeFile: (path, text) => {
      written.set(path, text);
    },
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, written };
}

/** CSV output as objects keyed by the header. */
function rows(csv: string): Array<Record<string, string>> {
  const [header, ...body] = parseCsv(csv);
  return body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

const data = (file: string) => `examples/data/${file}`;

describe('kefu --help and usage errors', () => {
  it('lists every command with --help (exit 0) and on no arguments (exit 2, to stderr)', async () => {
    const help = await kefu(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['demo', 'headcount', 'roster', 'chase', 'kpi', 'refunds']) expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    const bare = await kefu([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('usage: kefu <command>');
  });

  it.each(COMMANDS.map((c) => c.name))('kefu %s --help prints usage, options and input columns', async (name) => {
    const r = await kefu([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^usage: kefu ${name}`));
    expect(r.stdout).toContain('--help');
    if (name !== 'demo') expect(r.stdout).toContain('--out FILE');
    const short = await kefu([name, '-h']);
    expect(short.stdout).toBe(r.stdout);
  });

  it('exit 2 for an unknown command, an unknown option, a missing option value or a missing required option', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['kpi', data('kpi-records.csv'), '--bogus'], /unknown option "--bogus"/],
      [['kpi', data('kpi-records.csv'), '--top'], /option "--top" needs a value/],
      [['chase', data('chase-orders.csv')], /--now is required/],
      [['headcount', data('headcount.csv')], /give --aht-seconds/],
      [['headcount', data('headcount.csv'), '--aht-seconds', 'fast'], /"--aht-seconds" expects a number, received "fast"/],
      [['refunds', data('refunds.csv'), '--table', 'pie'], /"--table" must be one of refunds, codes/],
      [['kpi', data('kpi-records.csv'), '--format', 'xml'], /"--format" must be csv or json/],
      [['roster', data('roster-demand.csv')], /needs --agents FILE and --shifts FILE/],
      [['kpi', 'a.csv', 'b.csv'], /takes one input file/],
      [['kpi'], /no input: give a file, or pipe data into stdin/],
      [['demo', 'extra.csv'], /reads no input file/],
    ];
    for (const [argv, message] of cases) {
      const r = await kefu(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('exit 1 for a file that cannot be read', async () => {
    const r = await kefu(['refunds', data('no-such-file.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('examples/data/no-such-file.csv: cannot read the file (no such file)');
  });
});

describe('kefu headcount', () => {
  it('HC-5: seats per hour for the sample day, as CSV; the launch hour is the peak (RO-1)', async () => {
    const r = await kefu(['headcount', data('headcount.csv'), '--aht-seconds', '240', '--service-level', '0.8', '--answer-seconds', '30', '--max-occupancy', '0.85', '--shrinkage', '0.3']);
    expect(r.code).toBe(0);
    const out = rows(r.stdout);
    expect(out).toHaveLength(24);
    expect(Object.keys(out[0] ?? {})).toEqual(['date', 'time', 'start', 'contacts', 'erlangs', 'agents', 'seats', 'serviceLevel', 'binding']);
    expect(out[0]).toMatchObject({ date: '2026-11-11', time: '00:00', start: '2026-11-11T00:00:00+08:00', contacts: '1568', agents: '123', seats: '176' });
    expect(Math.max(...out.map((o) => Number(o['seats'])))).toBe(176);
  });

  it('starts at the first row: earlier intervals count as empty and are left out; --table days and JSON', async () => {
    const csv = 'date,time,contacts\r\n2026-11-11,20:00,500\r\n2026-11-11,20:30,600\r\n';
    const r = await kefu(['headcount', '-', '--aht-seconds', '180', '--format', 'json'], { stdin: csv });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { intervals: Array<{ start: string; calls: number }>; peakScheduled: number };
    expect(plan.intervals.map((i) => [i.start, i.calls])).toEqual([
      ['2026-11-11T20:00:00+08:00', 500],
      ['2026-11-11T20:30:00+08:00', 600],
    ]);
    const days = await kefu(['headcount', '--aht-seconds', '180', '--table', 'days'], { stdin: csv });
    expect(rows(days.stdout)).toEqual([expect.objectContaining({ date: '2026-11-11', contacts: '1100', peakSeats: String(plan.peakScheduled) })]);
  });

  it('reads JSON rows and chat settings; writes --out', async () => {
    const json = JSON.stringify([
      { date: '2026-11-11', time: '00:00', contacts: 455 },
      { date: '2026-11-11', time: '01:00', contacts: '195' },
    ]);
    const r = await kefu(['headcount', 'day.json', '--chat-seconds', '240,300,360', '--chat-model', 'balanced', '--service-level', '0.8', '--answer-seconds', '30', '--max-occupancy', '0.85', '--shrinkage', '0.15', '--out', 'plan.csv'], { files: { 'day.json': json } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const out = rows(r.written.get('plan.csv') ?? '');
    expect(out.map((o) => [o['time'], o['agents'], o['seats']])).toEqual([
      ['00:00', '17', '20'],
      ['01:00', '8', '10'],
    ]);
  });

  it('names the row and column of bad cells, gaps between rows, and options out of range', async () => {
    const bad = await kefu(['headcount', 'h.csv', '--aht-seconds', '240'], { files: { 'h.csv': 'date,time,contacts\n2026-11-11,08:00,10\n2026-11-11,09:00,lots\n' } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('h.csv row 3, column "contacts": expected a number, received "lots"');
    const negative = await kefu(['headcount', 'h.csv', '--aht-seconds', '240'], { files: { 'h.csv': 'date,time,contacts\n2026-11-11,08:00,-3\n' } });
    expect(negative.stderr).toContain('h.csv row 2, column "contacts": expected a number >= 0, received -3');
    const gap = await kefu(['headcount', 'h.csv', '--aht-seconds', '240'], { files: { 'h.csv': 'date,time,contacts\n2026-11-11,08:00,10\n2026-11-11,09:00,10\n2026-11-11,11:00,10\n' } });
    expect(gap.stderr).toContain('h.csv row 4, column "time": expected 2026-11-11 10:00 (rows must be consecutive 60-minute intervals), received "2026-11-11 11:00"');
    const date = await kefu(['headcount', 'h.csv', '--aht-seconds', '240'], { files: { 'h.csv': 'date,time,contacts\n2026-02-30,08:00,10\n' } });
    expect(date.stderr).toMatch(/h\.csv row 2, column "date": .*"2026-02-30"/);
    const option = await kefu(['headcount', data('headcount.csv'), '--aht-seconds', '240', '--shrinkage', '1.5']);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain('option --shrinkage: expected a number < 1, received 1.5');
    const zone = await kefu(['headcount', data('headcount.csv'), '--aht-seconds', '240', '--time-zone', 'Mars/Olympus']);
    expect(zone.code).toBe(1);
    expect(zone.stderr).toMatch(/option --time-zone: .*Mars\/Olympus/);
  });
});

describe('kefu roster', () => {
  it('RO-1..RO-7: the JSON input gives a roster with its summary; JSON output is the whole result', async () => {
    const r = await kefu(['roster', data('roster.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as RosterResult;
    expect(result.assignments.length).toBeGreaterThan(30);
    expect(result.lowerBound).toBeLessThanOrEqual(result.objective);
    expect(result.explanation.summary[0]).toMatch(/^(Optimal|Objective)/);
    const summary = await kefu(['roster', data('roster.json'), '--format', 'csv', '--table', 'summary']);
    const kinds = rows(summary.stdout).map((o) => o['kind']);
    expect(kinds.slice(0, 2)).toEqual(['status', 'totals']);
    expect(kinds).toContain('lever');
  });

  it('the three sheets (demand grid, agents, shifts) give assignments that respect the sheets', async () => {
    const r = await kefu(['roster', data('roster-demand.csv'), '--agents', data('roster-agents.csv'), '--shifts', data('roster-shifts.csv')]);
    expect(r.code).toBe(0);
    const out = rows(r.stdout);
    expect(Object.keys(out[0] ?? {})).toEqual(['agentId', 'date', 'shiftId', 'skill', 'start', 'end']);
    // RO-6: the student and the part-timer only work the evening shift; zhangwei is off on 11.09.
    for (const a of out.filter((o) => o['agentId'] === 'caolu' || o['agentId'] === 'hanxue')) expect(a['shiftId']).toBe('eve4');
    expect(out.filter((o) => o['agentId'] === 'zhangwei' && o['date'] === '2026-11-09')).toEqual([]);
    const coverage = await kefu(['roster', data('roster-demand.csv'), '--agents', data('roster-agents.csv'), '--shifts', data('roster-shifts.csv'), '--table', 'coverage']);
    expect(rows(coverage.stdout)).toHaveLength(7 * 24 * 2);
  });

  it('shows a progress line on stderr only when stderr is a terminal, and clears it', async () => {
    const quiet = await kefu(['roster', data('roster.json'), '--table', 'unmet', '--format', 'csv']);
    expect(quiet.stderr).toBe('');
    const tty = await kefu(['roster', data('roster.json'), '--table', 'unmet', '--format', 'csv'], { tty: true });
    expect(tty.stderr).toMatch(/^kefu roster: solving 7 days × 10 agents \(up to 3 s\)…\r\x1b\[2K$/);
  });

  it('maps library issues back to the sheets and to the JSON document', async () => {
    const agents = 'id,skills,kind,maxDaysPer7Days\nwang,presale,fulltime,5\nli,presale,fulltime,9\n';
    const shifts = 'id,start,hours\nday,08:00,30\n';
    const demand = ['date,time,presale', ...Array.from({ length: 24 }, (_, h) => `2026-11-11,${String(h).padStart(2, '0')}:00,${h === 5 ? 'x' : 1}`)].join('\n');
    const cell = await kefu(['roster', 'd.csv', '--agents', 'a.csv', '--shifts', 's.csv'], { files: { 'd.csv': demand, 'a.csv': agents, 's.csv': shifts } });
    expect(cell.code).toBe(1);
    expect(cell.stderr).toContain('d.csv row 7, column "presale": expected a number, received "x"');
    const lib = await kefu(['roster', 'd.csv', '--agents', 'a.csv', '--shifts', 's.csv'], { files: { 'd.csv': demand.replace(',x', ',-1'), 'a.csv': agents, 's.csv': shifts } });
    expect(lib.code).toBe(1);
    expect(lib.stderr).toContain('a.csv row 3, column "maxDaysPer7Days": expected a number <= 7, received 9');
    expect(lib.stderr).toContain('s.csv row 2, column "hours": expected a number <= 24, received 30');
    expect(lib.stderr).toContain('d.csv row 7, column "presale": expected a number >= 0, received -1');
    const unavailable = await kefu(['roster', 'd.csv', '--agents', 'a.csv', '--shifts', data('roster-shifts.csv')], { files: { 'd.csv': demand.replace(',x', ',1'), 'a.csv': 'id,skills,unavailable\nwang,presale,next tuesday\n' } });
    expect(unavailable.stderr).toContain('a.csv row 2, column "unavailable": expected 2026-11-11 or 2026-11-11 14:00-22:00, received "next tuesday"');
    const doc = await kefu(['roster', 'r.json'], { files: { 'r.json': JSON.stringify({ startDate: '2026-11-11', days: 1, demand: { presale: [1] }, shifts: [{ id: 'day', start: '08:00', hours: 8 }], agents: [] }) } });
    expect(doc.code).toBe(1);
    expect(doc.stderr).toMatch(/r\.json: demand\.presale: .*24/);
  });
});

describe('kefu chase', () => {
  const argv = ['chase', data('chase-orders.csv'), '--now', '2026-11-11 00:20', '--buyers', data('chase-buyers.csv'), '--log', data('chase-log.csv')];

  it('CH-1..CH-13: one row per order, with what to send now and why the others wait or never go', async () => {
    const r = await kefu(argv);
    expect(r.code).toBe(0);
    const out = new Map(rows(r.stdout).map((o) => [o['orderId'], o]));
    expect(out.size).toBe(12);
    expect(out.get('T1001')).toMatchObject({ outcome: 'send', im: 'send', imTemplate: 'im-default', sms: 'wait', smsNextAllowedAt: '2026-11-11T09:00:00+08:00' });
    expect(out.get('T1002')).toMatchObject({ outcome: 'wait', primaryReason: 'DEDUPED_SAME_BUYER', representativeOrderId: 'T1001' }); // CH-4
    expect(out.get('T1003')).toMatchObject({ outcome: 'send', imTemplate: 'im-flash', sms: 'never' }); // CH-2: the flash order closes at 00:42
    expect(out.get('T1004')).toMatchObject({ outcome: 'wait', primaryReason: 'TOO_EARLY', ladder: 'firstTimeBuyer' }); // CH-7, CH-13
    expect(out.get('T1005')).toMatchObject({ outcome: 'never', primaryReason: 'BUYER_PAID_OTHER_ORDER' }); // CH-4
    expect(out.get('T1007')).toMatchObject({ outcome: 'wait', primaryReason: 'CHAT_ACTIVE', nextAllowedAt: '2026-11-11T00:28:00+08:00' }); // CH-8
    expect(out.get('T1008')).toMatchObject({ outcome: 'never', primaryReason: 'BLACKLISTED' }); // CH-8
    expect(out.get('T1009')).toMatchObject({ im: 'never', imReasons: 'MAX_ATTEMPTS_REACHED', sms: 'wait' }); // CH-5, CH-6: the log's IM counts
    expect(out.get('T1010')).toMatchObject({ sms: 'never', smsReasons: 'NO_VALID_CONTACT' }); // CH-7: phoneValid false
  });

  it('--outcome filters; JSON output is the plan; local times and ISO instants read the same', async () => {
    const send = await kefu([...argv, '--outcome', 'send']);
    expect(rows(send.stdout).map((o) => o['orderId'])).toEqual(['T1001', 'T1003']);
    const json = await kefu([...argv, '--format', 'json']);
    const plan = JSON.parse(json.stdout) as ChasePlan;
    expect(plan.now).toBe('2026-11-11T00:20:00+08:00');
    expect(plan.totals).toMatchObject({ orders: 12, send: { im: 2, sms: 0, phone: 0 } });
    const iso = await kefu([...argv.slice(0, 2), '--now', '2026-11-10T16:20:00Z', ...argv.slice(4), '--format', 'json']);
    expect(JSON.parse(iso.stdout)).toEqual(plan);
  });

  it('names the order sheet row and column of a bad instant, a negative amount and a bad flag; the option for --now', async () => {
    const orders = readFileSync(`${root}${data('chase-orders.csv')}`, 'utf8').split(/\r?\n/);
    orders[5] = orders[5]?.replace('2026-11-11 00:01', 'yesterday') ?? ''; // row 6
    orders[7] = orders[7]?.replace('329.00', '-329.00') ?? ''; // row 8
    orders[10] = orders[10]?.replace(/,false$/, ',maybe') ?? ''; // row 11
    const cells = await kefu(['chase', 'o.csv', '--now', '2026-11-11 00:20'], { files: { 'o.csv': orders.join('\n') } });
    expect(cells.code).toBe(1);
    expect(cells.stderr).toContain('o.csv row 11, column "phoneValid": expected true or false (also yes/no, 1/0, 是/否), received "maybe"');
    orders[10] = orders[10]?.replace(/,maybe$/, ',false') ?? '';
    const lib = await kefu(['chase', 'o.csv', '--now', '2026-11-11 00:20'], { files: { 'o.csv': orders.join('\n') } });
    expect(lib.code).toBe(1);
    expect(lib.stderr).toMatch(/o\.csv row 6, column "createdAt": expected an ISO 8601 instant.*"yesterday"/);
    expect(lib.stderr).toMatch(/o\.csv row 8, column "amount": expected .*"-329\.00"/);
    const now = await kefu(['chase', data('chase-orders.csv'), '--now', 'soon']);
    expect(now.code).toBe(1);
    expect(now.stderr).toMatch(/option --now: expected .*"soon"/);
    const log = await kefu([...argv.slice(0, 4), '--log', 'l.csv'], { files: { 'l.csv': 'orderId,buyerId,channel,at,state\nT1009,tb_sun,pigeon,2026-11-10 21:45,sent\n' } });
    expect(log.stderr).toMatch(/l\.csv row 2, column "channel": expected one of "im", "sms", "phone", received "pigeon"/);
    const policy = await kefu([...argv, '--policy', 'p.json'], { files: { 'p.json': JSON.stringify({ channels: { phone: { windows: [{ from: '25:00', to: '26:00' }] } } }) } });
    expect(policy.code).toBe(1);
    expect(policy.stderr).toMatch(/p\.json: channels\.phone\.windows\.0\.from: /);
  });
});

describe('kefu kpi', () => {
  it('KPI-2: scores and 1224 ranks with the built-in scorecard; the aftersale agent is unscored on conversion', async () => {
    const r = await kefu(['kpi', data('kpi-records.csv')]);
    expect(r.code).toBe(0);
    const out = rows(r.stdout);
    expect(out.map((o) => o['rank'])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(out[0]?.['agentId']).toBe('wangfang');
    const gaomin = out.find((o) => o['agentId'] === 'gaomin');
    expect(gaomin).toMatchObject({ inquiryConversionScore: '', scoredWeight: '0.65' });
  });

  it('KPI-6: the sales leaderboard includes everyone tied at the boundary; prizes split or full', async () => {
    const split = await kefu(['kpi', data('kpi-records.csv'), '--leaderboard', 'salesAmount', '--prizes', '888,666,333']);
    expect(rows(split.stdout).map((o) => `${o['rank']} ${o['agentId']} ${o['prize']}`)).toEqual(['1 wangfang 888.00', '2 zhangwei 666.00', '3 chenjing 111.00', '3 lina 111.00', '3 liuyang 111.00']);
    const full = await kefu(['kpi', data('kpi-records.csv'), '--leaderboard', 'salesAmount', '--prizes', '888,666,333', '--tie-policy', 'full', '--format', 'json']);
    const board = JSON.parse(full.stdout) as { prizes: Array<{ agentId: string; amount: string }> };
    expect(board.prizes.map((p) => p.amount)).toEqual(['888.00', '666.00', '333.00', '333.00', '333.00']);
  });

  it('KPI-1: --metrics derives every agent metric from the counters', async () => {
    const r = await kefu(['kpi', data('kpi-records.csv'), '--metrics']);
    const wang = rows(r.stdout).find((o) => o['agentId'] === 'wangfang');
    expect(wang).toMatchObject({ averageOrderValue: '247.10', salesAmount: '21250.39', averageResponseSeconds: '21' });
  });

  it('a scorecard file is used, and its problems name the file', async () => {
    const card = { items: [{ metric: 'salesAmount', weight: 1, normalize: { kind: 'minmax' } }] };
    const r = await kefu(['kpi', data('kpi-records.csv'), '--scorecard', 'card.json'], { files: { 'card.json': JSON.stringify(card) } });
    expect(rows(r.stdout)[0]).toMatchObject({ agentId: 'wangfang', total: '100' });
    const shop = await kefu(['kpi', data('kpi-records.csv'), '--scorecard', 'card.json'], { files: { 'card.json': JSON.stringify({ items: [{ metric: 'shopServiceScore', weight: 1, normalize: { kind: 'minmax' } }] }) } });
    expect(shop.code).toBe(1);
    expect(shop.stderr).toMatch(/card\.json: items\.0\.metric: /); // KPI-3
  });

  it('names rows and columns: a counter, a rating column left out, a ratio that cannot be', async () => {
    const lines = readFileSync(`${root}${data('kpi-records.csv')}`, 'utf8').split(/\r?\n/);
    const bad = [...lines];
    bad[3] = bad[3]?.replace(',189,68,', ',189,268,') ?? ''; // row 4: more paying inquirers than inquiries
    const r = await kefu(['kpi', 'k.csv'], { files: { 'k.csv': bad.join('\n') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('k.csv row 4, column "inquiryPaidBuyers": expected at most inquiries (189) buyers, received 268');
    const rating = await kefu(['kpi', 'k.json'], { files: { 'k.json': JSON.stringify([{ agentId: 'a', shopId: 's', periodStart: '2026-11-11', periodEnd: '2026-11-11', inquiries: 1, inquiryPaidBuyers: 1, salesAmount: '1.00', paidBuyers: 1, refundAmount: 0, firstReplySeconds: 1, firstReplies: 1, replySeconds: 1, replies: 1, positiveReviews: 0, rating5: 3 }]) } });
    expect(rating.code).toBe(1);
    expect(rating.stderr).toContain('k.json item 1, field "rating1": expected a count (give all five rating columns or none), received nothing');
    const header = await kefu(['kpi', 'k.csv'], { files: { 'k.csv': lines.join('\n').replace('inquiryPaidBuyers', 'inquiryPaid') } });
    expect(header.code).toBe(1);
    expect(header.stderr).toContain('k.csv row 1, column "inquiryPaid": unknown column (check its spelling)');
    expect(header.stderr).toContain('k.csv row 1: missing column "inquiryPaidBuyers"');
    const metric = await kefu(['kpi', data('kpi-records.csv'), '--leaderboard', 'happiness']);
    expect(metric.stderr).toMatch(/option --leaderboard: expected a metric id/);
    const prize = await kefu(['kpi', data('kpi-records.csv'), '--leaderboard', 'salesAmount', '--prizes', '888,lots']);
    expect(prize.stderr).toMatch(/option --prizes \(at prizes\.1\): expected an amount/);
  });
});

describe('kefu refunds', () => {
  it('RF-1: each refund classified from its text (or its given code), with label and bucket', async () => {
    const r = await kefu(['refunds', data('refunds.csv'), '--orders', data('refund-orders.csv')]);
    expect(r.code).toBe(0);
    const out = new Map(rows(r.stdout).map((o) => [o['id'], o]));
    expect(out.size).toBe(22);
    expect(out.get('R001')).toMatchObject({ code: 'SIZE_FIT', label: '尺码不合适', bucket: 'EXCHANGEABLE', source: 'text' });
    expect(out.get('R008')).toMatchObject({ code: 'SIZE_FIT' }); // traditional Chinese
    expect(out.get('R010')).toMatchObject({ code: 'SEVEN_DAY_NO_REASON', source: 'given', confidence: '1' });
    expect(out.get('R022')).toMatchObject({ code: 'QUALITY_DEFECT' }); // English
  });

  it('RF-1: buckets, the Pareto of codes, teams, category rates and the summary', async () => {
    const table = async (name: string) => rows((await kefu(['refunds', data('refunds.csv'), '--orders', data('refund-orders.csv'), '--table', name])).stdout);
    const buckets = await table('buckets');
    expect(buckets.map((b) => b['bucket'])).toEqual(['AVOIDABLE', 'EXCHANGEABLE', 'REFUND_ONLY', 'UNDETERMINED']);
    expect(buckets.reduce((s, b) => s + Number(b['count']), 0)).toBe(22);
    const codes = await table('codes');
    expect(codes[codes.length - 1]?.['cumulativeShare']).toBe('1');
    expect(codes.filter((c) => c['vital'] === 'yes').length).toBeGreaterThan(0);
    const categories = await table('categories');
    expect(categories.find((c) => c['category'] === 'boots')).toMatchObject({ count: '3', paidOrders: '450', rateByCount: '0.0067' });
    expect((await table('summary'))[1]?.['summary']).toMatch(/^RF-1: /);
    expect((await table('teams')).map((t) => t['team'])).toContain('pre_sale');
  });

  it('names the row and column of a bad amount (header = row 1, so data index 5 is row 7), a code not in the taxonomy, and an orders row', async () => {
    const lines = readFileSync(`${root}${data('refunds.csv')}`, 'utf8').split(/\r?\n/);
    lines[6] = lines[6]?.replace(',699.00,', ',six hundred,') ?? ''; // data index 5: row 7
    lines[10] = lines[10]?.replace('SEVEN_DAY_NO_REASON', 'NO_REASON') ?? ''; // row 11
    const r = await kefu(['refunds', 'refunds.csv'], { files: { 'refunds.csv': lines.join('\n') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refunds.csv row 7, column "amount": expected an amount as a number or a decimal string such as "199.00", received "six hundred"');
    expect(r.stderr).toMatch(/refunds\.csv row 11, column "code": expected one of .*received "NO_REASON"/);
    const orders = await kefu(['refunds', data('refunds.csv'), '--orders', 'o.csv'], { files: { 'o.csv': 'category,paidOrders,paidAmount\nboots,450,175050.00\nboots,10,100.00\n' } });
    expect(orders.code).toBe(1);
    expect(orders.stderr).toContain('o.csv row 3, column "category": expected each category once, received "boots" again');
    const json = await kefu(['refunds', 'r.json'], { files: { 'r.json': JSON.stringify([{ id: 'a', amount: '10.00', text: '太小' }, { id: 'b', amount: -5, text: '太大' }]) } });
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/r\.json item 2, field "amount": expected .*-5/);
  });

  it('reads JSON rows from stdin and writes JSON with the analysis', async () => {
    const r = await kefu(['refunds', '--format', 'json'], { stdin: JSON.stringify([{ id: 'a', amount: '39.90', text: '杯子碎了' }, { id: 'b', amount: 59, text: '尺码偏小' }]) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { analysis: { count: number }; refunds: Array<{ code: string }> };
    expect(out.analysis.count).toBe(2);
    expect(out.refunds.map((x) => x.code)).toEqual(['DAMAGED_IN_TRANSIT', 'SIZE_FIT']);
  });
});

describe('CSV output', () => {
  it('quotes cells with commas, quotes and line breaks, and --bom starts with a byte order mark', async () => {
    const r = await kefu(['refunds', data('refunds.csv'), '--bom']);
    expect(r.stdout.startsWith('\uFEFFid,category,')).toBe(true);
    const out = rows(r.stdout);
    expect(out).toHaveLength(22);
    // Explanations quote their cues ("…") and some labels hold commas: every cell reads back whole.
    for (const row of out) {
      expect(row['labelEn']).toBe(REFUND_REASONS[row['code'] as ReasonCode].label.en);
      expect(row['explanation']?.startsWith(`${row['code'] ?? ''} `) || row['explanation'] === 'code given in the input').toBe(true);
    }
    expect(r.stdout).toMatch(/,"[^"\n]*""[^"\n]*""/); // a quoted cell with doubled quotes
  });
});

describe('kefu demo', () => {
  it('writes the HTML report with --html, after the tables', async () => {
    const r = await kefu(['demo', '--html', 'report.html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1. 人力测算 Headcount per hour');
    expect(r.stdout).toContain('Report 报告: report.html');
    const html = r.written.get('report.html') ?? '';
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(4);
  });

  it('names --time-limit-ms when the roster limit is out of range', async () => {
    const r = await kefu(['demo', '--time-limit-ms', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('option --time-limit-ms: expected a number >= 1, received 0');
  });

  it('end to end: npx tsx src/cli/kefu.ts demo prints every section and exits 0', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/kefu.ts', 'demo'], { cwd: root, timeout: 60_000 });
    for (const section of ['1. 人力测算', '2. 排班 Roster', '3. 催付 Chase queue', '4. 绩效 Leaderboard', '5. 退款复盘 Refund review']) expect(stdout).toContain(section);
    expect(stderr).toBe('');
  }, 90_000);
});

describe('docs/cli.md', () => {
  const guide = readFileSync(`${root}docs/cli.md`, 'utf8');
  it.each(COMMANDS.map((c) => c.name))('documents every option and input column of kefu %s', (name) => {
    const command = COMMANDS.find((c) => c.name === name);
    expect(guide).toContain(`## ${String(COMMANDS.indexOf(command as never) + 4)}. kefu ${name}`);
    for (const option of command?.options ?? []) expect(guide, `--${option.name}`).toContain(`--${option.name}`);
    for (const sheet of command?.sheets ?? []) for (const column of sheet.columns) if (!column.name.startsWith('<')) expect(guide, column.name).toContain(`\`${column.name}\``);
  });
});

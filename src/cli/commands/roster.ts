// `kefu roster`: shifts for named agents from hourly demand per skill (generateRoster). Input is
// one JSON document in the library's RosterInput shape, or three sheets: the demand grid (the
// main input), the agents (--agents) and the shift templates (--shifts).
import { UsageError, type ParsedArgs } from '../args.ts';
import { describeIssue, readRowTable, where, type ColumnSpec, type InputSources, type RowTable } from '../columns.ts';
import { KefuError, type KefuIssue } from '../../core/errors.ts';
import { generateRoster, type RosterInput, type RosterResult } from '../../roster/index.ts';
import { InputError, parseJson, readInputFile, readMainInput, type CliIo, type InputText } from '../io.ts';
import { intervalRows } from './intervals.ts';
import { choiceOption, inputPath, IO_OPTIONS, numberOption, outputFormat, stringOption, timeZoneOption, writeOutput, type Command } from './common.ts';

/** The demand grid: one row per interval; every other column is a skill. */
export const ROSTER_DEMAND_COLUMNS: readonly ColumnSpec[] = [
  { name: 'date', path: ['date'], type: 'string', required: true, help: 'local date, YYYY-MM-DD; the first row is 00:00 of the first day' },
  { name: 'time', path: ['time'], type: 'string', required: true, help: 'local start of the interval, HH:mm (intervals of 15, 30 or 60 minutes)' },
  { name: '<skill>', path: ['<skill>'], type: 'number', help: 'one column per skill (presale, aftersale, …): agents needed; empty is 0' },
];

/** The agents sheet (--agents). */
export const ROSTER_AGENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', path: ['id'], type: 'string', required: true, help: 'unique agent id' },
  { name: 'skills', path: ['skills'], type: 'list', required: true, help: 'skills held, separated by | (presale|aftersale)' },
  { name: 'kind', path: ['kind'], type: 'string', help: 'contract group: fulltime, parttime, student, … (default agent)' },
  { name: 'maxDaysPer7Days', path: ['maxDaysPer7Days'], type: 'number', help: 'most working days in any 7 (default 5, RO-5)' },
  { name: 'maxHoursPer7Days', path: ['maxHoursPer7Days'], type: 'number', help: 'most hours in any 7 days' },
  { name: 'maxConsecutiveDays', path: ['maxConsecutiveDays'], type: 'number', help: 'most working days in a row' },
  { name: 'minRestHours', path: ['minRestHours'], type: 'number', help: 'least rest between shifts in hours (default 11)' },
  { name: 'allowedShifts', path: ['allowedShifts'], type: 'list', help: 'shift ids this agent may work, separated by | (default all)' },
  { name: 'unavailable', path: ['unavailable'], type: 'list', help: 'days or hours off: 2026-11-11 or 2026-11-09 14:00-22:00, separated by |' },
  { name: 'daysOff', path: ['requests'], type: 'list', help: 'days the agent asked to have off (soft), separated by |' },
];

/** The shift templates sheet (--shifts). */
export const ROSTER_SHIFT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', path: ['id'], type: 'string', required: true, help: 'unique shift id' },
  { name: 'start', path: ['start'], type: 'string', required: true, help: 'local start, HH:mm' },
  { name: 'hours', path: ['hours'], type: 'number', required: true, help: 'length in hours (may run past midnight)' },
];

const TABLES = ['assignments', 'coverage', 'unmet', 'summary'] as const;

/** `kefu roster`. */
export const rosterCommand: Command = {
  name: 'roster',
  summary: 'shifts for named agents from demand per skill, with unmet demand and its causes',
  help: [
    'usage: kefu roster FILE.json [options]',
    '       kefu roster DEMAND.csv --agents AGENTS.csv --shifts SHIFTS.csv [options]',
    '',
    'Builds a roster (kefu/roster generateRoster, RO-1..RO-7): one JSON document in the',
    "library's RosterInput shape (startDate, days, demand, shifts, agents, …), or three sheets.",
    'Writes the assignments, the coverage per interval and skill, the unmet intervals with their',
    'reasons, or the summary and what-if levers (--table); JSON output is the whole result.',
    '',
    'Example: kefu roster examples/data/roster.json --table unmet',
  ],
  options: [
    { name: 'agents', kind: 'value', placeholder: 'FILE', help: 'the agents sheet (with a demand CSV)' },
    { name: 'shifts', kind: 'value', placeholder: 'FILE', help: 'the shift templates sheet (with a demand CSV)' },
    { name: 'time-limit-ms', kind: 'value', placeholder: 'MS', help: 'soft limit on the search (default 10000)' },
    { name: 'seed', kind: 'value', placeholder: 'N', help: 'seed for tie-breaking (default 1)' },
    { name: 'interval-minutes', kind: 'value', placeholder: 'M', help: 'demand interval (default: the spacing of the first two rows)' },
    { name: 'table', kind: 'value', placeholder: 'NAME', help: 'CSV output: assignments (default), coverage, unmet or summary' },
    ...IO_OPTIONS,
  ],
  sheets: [
    { title: 'Demand columns (main input as CSV)', columns: ROSTER_DEMAND_COLUMNS },
    { title: 'Agent columns (--agents)', columns: ROSTER_AGENT_COLUMNS },
    { title: 'Shift columns (--shifts)', columns: ROSTER_SHIFT_COLUMNS },
  ],
  async run(io, args) {
    const timeZone = timeZoneOption(args);
    const view = choiceOption(args, 'table', TABLES) ?? 'assignments';
    const input = await readMainInput(io, inputPath(args, 'roster'), choiceOption(args, 'input-format', ['csv', 'json'] as const));
    const { rosterInput, sources } = input.format === 'json' ? fromDocument(input, args) : fromSheets(io, input, args, timeZone);
    if (io.stderr.isTTY === true) {
      const limit = (rosterInput.timeLimitMs ?? 10_000) / 1000;
      io.stderr.write(`kefu roster: solving ${rosterInput.days} days × ${rosterInput.agents.length} agents (up to ${limit} s)…`);
    }
    let result: RosterResult;
    try {
      result = generateRoster(rosterInput);
    } catch (error) {
      if (error instanceof KefuError) throw new InputError(error.issues.map((issue) => describeIssue(demandIssue(issue), sources)));
      throw error;
    } finally {
      if (io.stderr.isTTY === true) io.stderr.write('\r\x1b[2K');
    }
    writeOutput(io, args, outputFormat(args, input.format), rosterOutput(result, view));
    return 0;
  },
};

function rosterOutput(result: RosterResult, view: (typeof TABLES)[number]) {
  if (view === 'coverage') {
    return {
      header: ['start', 'skill', 'required', 'scheduled', 'shortfall', 'surplus'],
      rows: result.coverage.map((c) => [c.start, c.skill, c.required, c.scheduled, Math.max(0, c.required - c.scheduled), Math.max(0, c.scheduled - c.required)]),
      json: result,
    };
  }
  if (view === 'unmet') {
    return {
      header: ['start', 'skill', 'shortfall', 'reasons'],
      rows: result.unmet.map((u) => [u.start, u.skill, u.shortfall, u.reasons.map((r) => `${r.rule}: ${r.agents}`).join('; ')]),
      json: result,
    };
  }
  if (view === 'summary') {
    const lines: Array<[string, string]> = [
      ['status', `${result.status}; objective ${result.objective}, lower bound ${result.lowerBound}`],
      ['totals', `required ${result.totals.requiredHours} h, covered ${result.totals.coveredHours} h, short ${result.totals.understaffedHours} h, over ${result.totals.overstaffedHours} h, assigned ${result.totals.assignedHours} h`],
      ...result.explanation.summary.map((s): [string, string] => ['summary', s]),
      ...result.explanation.bindingRules.map((b): [string, string] => ['binding', b.message]),
      ...result.explanation.levers.map((l): [string, string] => ['lever', l.message]),
      ...result.conflicts.map((c): [string, string] => ['conflict', c.message]),
    ];
    return { header: ['kind', 'text'], rows: lines, json: result };
  }
  return {
    header: ['agentId', 'date', 'shiftId', 'skill', 'start', 'end'],
    rows: result.assignments.map((a) => [a.agentId, a.date, a.shiftId, a.skill, a.start, a.end]),
    json: result,
  };
}

/** `demand.presale.5` → `demand.5.presale`, so that it maps to the demand sheet's row and column. */
function demandIssue(issue: KefuIssue): KefuIssue {
  const m = /^demand\.(.+)\.(\d+)$/.exec(issue.path);
  return m === null ? issue : { path: `demand.${m[2] as string}.${m[1] as string}`, message: issue.message };
}

function overrides(args: ParsedArgs): { values: Partial<RosterInput>; options: Record<string, string> } {
  const values: { timeLimitMs?: number; seed?: number; timeZone?: string } = {};
  const options: Record<string, string> = {};
  const limit = numberOption(args, 'time-limit-ms');
  const seed = numberOption(args, 'seed');
  if (limit !== undefined) {
    values.timeLimitMs = limit;
    options['timeLimitMs'] = '--time-limit-ms';
  }
  if (seed !== undefined) {
    values.seed = seed;
    options['seed'] = '--seed';
  }
  return { values, options };
}

function fromDocument(input: InputText, args: ParsedArgs): { rosterInput: RosterInput; sources: InputSources } {
  if (stringOption(args, 'agents') !== undefined || stringOption(args, 'shifts') !== undefined) {
    throw new UsageError('--agents and --shifts go with a demand CSV; a JSON roster input holds its agents and shifts');
  }
  const doc = parseJson(input);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new InputError([`${input.label}: expected a JSON object with startDate, days, demand, shifts and agents`]);
  const { values, options } = overrides(args);
  const tz = stringOption(args, 'time-zone');
  if (tz !== undefined) options['timeZone'] = '--time-zone';
  return {
    rosterInput: { ...(doc as RosterInput), ...values, ...(tz === undefined ? {} : { timeZone: tz }) },
    sources: { documents: [{ prefix: '', label: input.label }], options },
  };
}

function fromSheets(io: CliIo, input: InputText, args: ParsedArgs, timeZone: string): { rosterInput: RosterInput; sources: InputSources } {
  const agentsPath = stringOption(args, 'agents');
  const shiftsPath = stringOption(args, 'shifts');
  if (agentsPath === undefined || shiftsPath === undefined) throw new UsageError('a demand CSV needs --agents FILE and --shifts FILE (or give one JSON roster input)');
  const skillColumn = (name: string): ColumnSpec | undefined => (name === '' ? undefined : { name, path: [name], type: 'number', help: 'agents needed' });
  const demand = readRowTable(input, ROSTER_DEMAND_COLUMNS.slice(0, 2), { timeZone, dynamicColumn: skillColumn });
  const agents = readRowTable(readInputFile(io, agentsPath), ROSTER_AGENT_COLUMNS, { timeZone });
  const shifts = readRowTable(readInputFile(io, shiftsPath), ROSTER_SHIFT_COLUMNS, { timeZone });
  const { date, intervalMinutes, padding } = intervalRows(demand, timeZone, numberOption(args, 'interval-minutes'));
  const perDay = 1440 / intervalMinutes;
  const problems: string[] = [];
  if (padding !== 0) problems.push(`${where(demand.label, demand.format, demand.rowNumbers[0] as number, 'time')}: the demand must start at 00:00 of its first day`);
  if (demand.rows.length % perDay !== 0) problems.push(`${demand.label}: ${demand.rows.length} rows is not a whole number of days of ${perDay} intervals`);
  const skills = demand.columns.filter((c) => c.name !== 'date' && c.name !== 'time' && !c.name.startsWith('<')).map((c) => c.name);
  if (skills.length === 0) problems.push(`${where(demand.label, demand.format, 1)}: no skill columns; add one column per skill (presale, aftersale, …)`);
  agents.rows.forEach((row, k) => readAgentLists(row, agents, k, problems));
  if (problems.length > 0) throw new InputError(problems);
  const { values, options } = overrides(args);
  const rosterInput: RosterInput = {
    startDate: date,
    days: demand.rows.length / perDay,
    timeZone,
    intervalMinutes: intervalMinutes as 15 | 30 | 60,
    demand: Object.fromEntries(skills.map((skill) => [skill, demand.rows.map((row) => (row[skill] as number | undefined) ?? 0)])),
    shifts: shifts.rows as unknown as RosterInput['shifts'],
    agents: agents.rows as unknown as RosterInput['agents'],
    ...values,
  };
  return {
    rosterInput,
    sources: {
      tables: { demand: { table: demand }, agents: { table: agents }, shifts: { table: shifts } },
      options: { ...options, timeZone: '--time-zone' },
    },
  };
}

const UNAVAILABLE = /^(\d{4}-\d{2}-\d{2})(?:\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2}))?$/;

/** `unavailable` and `daysOff` cells: text entries to the library's objects. */
function readAgentLists(row: Record<string, unknown>, table: RowTable, k: number, problems: string[]): void {
  const at = (column: string) => where(table.label, table.format, table.rowNumbers[k] as number, column);
  const off = row['unavailable'] as string[] | undefined;
  if (off !== undefined) {
    row['unavailable'] = off.map((entry) => {
      const m = UNAVAILABLE.exec(entry);
      if (m === null) {
        problems.push(`${at('unavailable')}: expected 2026-11-11 or 2026-11-11 14:00-22:00, received ${JSON.stringify(entry)}`);
        return {};
      }
      return m[2] === undefined ? { date: m[1] } : { date: m[1], from: m[2], to: m[3] };
    });
  }
  const wishes = row['requests'] as string[] | undefined;
  if (wishes !== undefined) row['requests'] = wishes.map((date) => ({ date, off: true }));
}

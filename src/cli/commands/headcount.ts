// `kefu headcount`: contacts per interval in, agents and seats per interval out (planStaffing).
import { UsageError, type ParsedArgs } from '../args.ts';
import { inputErrorFrom, readRowTable, where, type ColumnSpec } from '../columns.ts';
import { KefuError } from '../../core/errors.ts';
import { planStaffing, type PlanStaffingInput } from '../../headcount/index.ts';
import { InputError, readMainInput } from '../io.ts';
import { intervalRows } from './intervals.ts';
import { choiceOption, inputPath, IO_OPTIONS, numberOption, outputFormat, round, stringOption, timeZoneOption, writeOutput, type Command } from './common.ts';

/** The interval sheet: one row per interval, consecutive, in local time. */
export const HEADCOUNT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'date', path: ['date'], type: 'string', required: true, help: 'local date of the interval, YYYY-MM-DD' },
  { name: 'time', path: ['time'], type: 'string', required: true, help: 'local start of the interval, HH:mm; rows are consecutive intervals' },
  { name: 'contacts', path: ['contacts'], type: 'number', required: true, help: 'contacts (calls or chats) expected in the interval, >= 0' },
];

const CHAT_MODELS = ['balanced', 'slot', 'effective-aht'] as const;

/** `kefu headcount`. */
export const headcountCommand: Command = {
  name: 'headcount',
  summary: 'agents and seats per interval from contacts per interval (Erlang C / A, chat concurrency)',
  help: [
    'usage: kefu headcount [FILE] [options]',
    '',
    'Reads contacts per interval (CSV or JSON rows) and writes, per interval, the traffic, the',
    'agents needed on the queue, the seats to schedule after shrinkage and the service level',
    '(kefu/headcount planStaffing, HC-5). Intervals before the first row count as empty and are',
    'left out of the output. Give --aht-seconds for calls or one-at-a-time chats, or',
    '--chat-seconds with --chat-model for chats handled several at a time.',
    '',
    'Example: kefu headcount examples/data/headcount.csv --aht-seconds 240 --shrinkage 0.3',
  ],
  options: [
    { name: 'aht-seconds', kind: 'value', placeholder: 'S', help: 'mean handling time of one contact, wrap-up included' },
    { name: 'chat-seconds', kind: 'value', placeholder: 'S1,S2,..', help: 'chat duration while an agent holds 1, 2, … chats (instead of --aht-seconds)' },
    { name: 'chat-model', kind: 'value', placeholder: 'MODEL', help: 'with --chat-seconds: balanced, slot or effective-aht' },
    { name: 'service-level', kind: 'value', placeholder: 'P', help: 'share answered within --answer-seconds, below 1 (default 0.8)' },
    { name: 'answer-seconds', kind: 'value', placeholder: 'S', help: 'the service level threshold (default 20)' },
    { name: 'asa-seconds', kind: 'value', placeholder: 'S', help: 'also: average speed of answer at most S' },
    { name: 'max-occupancy', kind: 'value', placeholder: 'P', help: 'occupancy cap, e.g. 0.85 (default 1)' },
    { name: 'shrinkage', kind: 'value', placeholder: 'P', help: 'share of paid time off the queue, e.g. 0.3 (default 0)' },
    { name: 'patience-seconds', kind: 'value', placeholder: 'S', help: 'mean patience: use Erlang A (customers who give up)' },
    { name: 'interval-minutes', kind: 'value', placeholder: 'M', help: 'interval length (default: the spacing of the first two rows, else 60)' },
    { name: 'paid-hours', kind: 'value', placeholder: 'H', help: "one agent's paid hours a day, for FTE (default 8)" },
    { name: 'current-staff', kind: 'value', placeholder: 'N', help: 'people on staff, to report the hiring gap' },
    { name: 'table', kind: 'value', placeholder: 'intervals|days', help: 'CSV output: one row per interval (default) or per day' },
    ...IO_OPTIONS,
  ],
  sheets: [{ title: 'Input columns', columns: HEADCOUNT_COLUMNS }],
  async run(io, args) {
    const timeZone = timeZoneOption(args);
    const input = await readMainInput(io, inputPath(args, 'headcount'), choiceOption(args, 'input-format', ['csv', 'json'] as const));
    const table = readRowTable(input, HEADCOUNT_COLUMNS, { timeZone });
    const settings = staffingSettings(args);
    const view = choiceOption(args, 'table', ['intervals', 'days'] as const) ?? 'intervals';

    // Rows → one volume per interval from 00:00 of the first date.
    const { date, intervalMinutes, padding } = intervalRows(table, timeZone, numberOption(args, 'interval-minutes'));
    const problems: string[] = [];
    table.rows.forEach((row, k) => {
      const contacts = row['contacts'];
      const at = where(table.label, table.format, table.rowNumbers[k] as number, 'contacts');
      if (contacts === undefined) problems.push(`${at}: expected a number of contacts, received nothing`);
      else if ((contacts as number) < 0) problems.push(`${at}: expected a number >= 0, received ${String(contacts)}`);
    });
    if (problems.length > 0) throw new InputError(problems);
    const volumes = [...Array<number>(padding).fill(0), ...table.rows.map((row) => row['contacts'] as number)];

    let plan;
    try {
      plan = planStaffing({ date, timeZone, intervalMinutes, volumes, ...settings } as PlanStaffingInput);
    } catch (error) {
      if (error instanceof KefuError) throw inputErrorFrom(error, { tables: { volumes: { table, indexOffset: padding } }, options: SETTING_OPTIONS });
      throw error;
    }
    const intervals = plan.intervals.slice(padding);
    const format = outputFormat(args, input.format);
    if (view === 'days') {
      writeOutput(io, args, format, {
        header: ['date', 'contacts', 'productiveAgentHours', 'paidAgentHours', 'fte', 'peakSeats'],
        rows: plan.days.map((d) => [d.date, round(d.calls, 2), d.productiveAgentHours, round(d.paidAgentHours, 2), round(d.fte, 2), d.peakScheduled]),
        json: plan.days,
      });
      return 0;
    }
    writeOutput(io, args, format, {
      header: ['date', 'time', 'start', 'contacts', 'erlangs', 'agents', 'seats', 'serviceLevel', 'binding'],
      rows: intervals.map((i) => [i.start.slice(0, 10), i.start.slice(11, 16), i.start, round(i.calls, 4), round(i.trafficErlangs, 4), i.agents, i.scheduled, round(i.serviceLevel, 4), i.binding]),
      json: { ...plan, intervals },
    });
    return 0;
  },
};

/** Library fields set by options, for error messages. */
const SETTING_OPTIONS: Readonly<Record<string, string>> = {
  ahtSeconds: '--aht-seconds',
  chat: '--chat-seconds',
  'chat.ahtSecondsByConcurrency': '--chat-seconds',
  'chat.model': '--chat-model',
  serviceLevel: '--service-level',
  'serviceLevel.target': '--service-level',
  'serviceLevel.answerSeconds': '--answer-seconds',
  asaSeconds: '--asa-seconds',
  maxOccupancy: '--max-occupancy',
  shrinkage: '--shrinkage',
  patienceSeconds: '--patience-seconds',
  intervalMinutes: '--interval-minutes',
  paidHoursPerAgent: '--paid-hours',
  currentStaff: '--current-staff',
  timeZone: '--time-zone',
  date: 'the first row\'s date',
};

function staffingSettings(args: ParsedArgs): Record<string, unknown> {
  const aht = numberOption(args, 'aht-seconds');
  const chatText = stringOption(args, 'chat-seconds');
  const model = choiceOption(args, 'chat-model', CHAT_MODELS);
  if (aht === undefined && chatText === undefined) throw new UsageError('give --aht-seconds (calls) or --chat-seconds with --chat-model (chats)');
  if (aht !== undefined && chatText !== undefined) throw new UsageError('give --aht-seconds or --chat-seconds, not both');
  if (chatText !== undefined && model === undefined) throw new UsageError('--chat-seconds needs --chat-model balanced, slot or effective-aht');
  if (chatText === undefined && model !== undefined) throw new UsageError('--chat-model needs --chat-seconds');
  const settings: Record<string, unknown> = {};
  if (aht !== undefined) settings['ahtSeconds'] = aht;
  if (chatText !== undefined) {
    const durations = chatText.split(',').map((s) => Number(s.trim()));
    if (durations.some((d) => !Number.isFinite(d))) throw new UsageError(`option "--chat-seconds" expects numbers separated by commas, received ${JSON.stringify(chatText)}`);
    settings['chat'] = { ahtSecondsByConcurrency: durations, model };
  }
  const asa = numberOption(args, 'asa-seconds');
  const target = numberOption(args, 'service-level');
  const answer = numberOption(args, 'answer-seconds');
  if (target !== undefined || answer !== undefined || asa === undefined) settings['serviceLevel'] = { target: target ?? 0.8, answerSeconds: answer ?? 20 };
  if (asa !== undefined) settings['asaSeconds'] = asa;
  const put = (option: string, field: string) => {
    const v = numberOption(args, option);
    if (v !== undefined) settings[field] = v;
  };
  put('max-occupancy', 'maxOccupancy');
  put('shrinkage', 'shrinkage');
  put('patience-seconds', 'patienceSeconds');
  put('paid-hours', 'paidHoursPerAgent');
  put('current-staff', 'currentStaff');
  return settings;
}

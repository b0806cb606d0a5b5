// `kefu kpi`: agent counters in; scores and ranks, a leaderboard with prizes, or the metrics out.
import { UsageError } from '../args.ts';
import { inputErrorFrom, readRowTable, where, type ColumnSpec, type InputSources } from '../columns.ts';
import { KefuError } from '../../core/errors.ts';
import { deriveMetrics, leaderboard, METRICS, prizeAwards, scoreAgents, type KpiRecord, type Scorecard } from '../../kpi/index.ts';
import { InputError, parseJson, readInputFile, readMainInput } from '../io.ts';
import { choiceOption, inputPath, IO_OPTIONS, listOption, numberOption, outputFormat, stringOption, timeZoneOption, writeOutput, type Command } from './common.ts';

const counter = (name: string, help: string, required = true, type: ColumnSpec['type'] = 'number'): ColumnSpec => ({ name, path: ['counters', name], type, required, help });

/** The records sheet: one row per agent, raw counters as a performance tool exports them (KPI-1). */
export const KPI_COLUMNS: readonly ColumnSpec[] = [
  { name: 'agentId', path: ['agentId'], type: 'string', required: true, help: 'the agent (sub-account)' },
  { name: 'shopId', path: ['shopId'], type: 'string', required: true, help: 'the shop' },
  { name: 'periodStart', path: ['period', 'start'], type: 'instant', required: true, help: 'first day YYYY-MM-DD, or a date-time for hours of a day' },
  { name: 'periodEnd', path: ['period', 'end'], type: 'instant', required: true, help: 'last day YYYY-MM-DD (included), or a date-time (excluded)' },
  { name: 'creditRule', path: ['creditRule'], type: 'string', help: 'payment (付款判定, default), order or orderFirst' },
  { name: 'windowDays', path: ['windowDays'], type: 'number', help: 'attribution window in days (default 2)' },
  counter('inquiries', '询单人数: buyers who asked before buying'),
  counter('inquiryPaidBuyers', '询单→最终付款人数: of those, buyers who paid'),
  counter('inquiryOrderedBuyers', '询单→下单人数: of those, buyers who ordered', false),
  counter('salesAmount', '客服销售额: sales credited to the agent, e.g. 15800.00', true, 'money'),
  counter('paidBuyers', '销售人数: paying buyers credited to the agent'),
  counter('refundAmount', '退款金额: refunds on those orders', true, 'money'),
  counter('firstReplySeconds', 'Σ seconds to the first human reply'),
  counter('firstReplies', 'first replies summed in firstReplySeconds'),
  counter('replySeconds', 'Σ seconds from each buyer turn to the reply'),
  counter('replies', 'replies summed in replySeconds'),
  counter('positiveReviews', '好评数: positive reviews'),
  ...[1, 2, 3, 4, 5].map((stars): ColumnSpec => ({ name: `rating${stars}`, path: ['counters', 'ratings', stars - 1], type: 'number', help: `service ratings of ${stars} star${stars === 1 ? '' : 's'} (all five columns or none)` })),
  counter('onlineSeconds', '在线时长: seconds online', false),
];

/**
 * The scorecard used without --scorecard: conversion and first response as step tables, sales
 * as a percentile within the cohort (no shop-specific target), satisfaction as a band (KPI-2).
 */
export const DEFAULT_SCORECARD: Scorecard = {
  items: [
    { metric: 'inquiryConversion', weight: 35, normalize: { kind: 'steps', steps: [{ at: 0.3, score: 60 }, { at: 0.35, score: 80 }, { at: 0.4, score: 100 }] } },
    { metric: 'salesAmount', weight: 30, normalize: { kind: 'percentile' } },
    { metric: 'firstResponseSeconds', weight: 20, normalize: { kind: 'steps', steps: [{ at: 30, score: 60 }, { at: 20, score: 80 }, { at: 12, score: 100 }] } },
    { metric: 'satisfaction', weight: 15, normalize: { kind: 'band', zeroAt: 0.8, fullAt: 0.95 } },
  ],
  tieBreakers: ['inquiryConversion'],
};

/** `kefu kpi`. */
export const kpiCommand: Command = {
  name: 'kpi',
  summary: 'agent scores and ranks, a leaderboard with prizes, or the metrics, from raw counters',
  help: [
    'usage: kefu kpi RECORDS [--scorecard FILE | --leaderboard METRIC | --metrics] [options]',
    '',
    'Reads one row of raw counters per agent (kefu/kpi, KPI-1..KPI-8) and writes one of:',
    '  scores (default)  each agent\'s scorecard total, rank (1224 ranking) and item scores;',
    '                    --scorecard FILE is JSON in the library\'s Scorecard shape, else the',
    '                    built-in card: conversion 35, sales percentile 30, first response 20,',
    '                    satisfaction 15;',
    '  --leaderboard M   the top --top agents on metric M (ties at the boundary included), with',
    '                    --prizes split by --tie-policy;',
    '  --metrics         every metric derived from each agent\'s counters.',
    `Metrics: ${Object.keys(METRICS).join(', ')}.`,
    '',
    'Example: kefu kpi examples/data/kpi-records.csv --leaderboard salesAmount --prizes 888,666,333',
  ],
  options: [
    { name: 'scorecard', kind: 'value', placeholder: 'FILE', help: 'scorecard (JSON) for the scores' },
    { name: 'leaderboard', kind: 'value', placeholder: 'METRIC', help: 'write the leaderboard on this metric instead' },
    { name: 'top', kind: 'value', placeholder: 'N', help: 'places on the leaderboard (default 3)' },
    { name: 'prizes', kind: 'value', placeholder: 'A,B,C', help: 'prizes for places 1, 2, 3, … (leaderboard)' },
    { name: 'tie-policy', kind: 'value', placeholder: 'split|full', help: 'tied places share their prizes (split, default) or each get the best (full)' },
    { name: 'metrics', kind: 'flag', help: 'write the derived metrics instead' },
    ...IO_OPTIONS,
  ],
  sheets: [{ title: 'Record columns', columns: KPI_COLUMNS }],
  async run(io, args) {
    const timeZone = timeZoneOption(args);
    const metric = stringOption(args, 'leaderboard');
    const mode = args.options['metrics'] === true ? 'metrics' : metric !== undefined ? 'leaderboard' : 'scores';
    if (args.options['metrics'] === true && metric !== undefined) throw new UsageError('give --leaderboard or --metrics, not both');
    const scorecardPath = stringOption(args, 'scorecard');
    if (scorecardPath !== undefined && mode !== 'scores') throw new UsageError('--scorecard goes with the scores, not with --leaderboard or --metrics');
    for (const option of ['top', 'prizes', 'tie-policy']) if (args.options[option] !== undefined && mode !== 'leaderboard') throw new UsageError(`--${option} goes with --leaderboard`);
    const input = await readMainInput(io, inputPath(args, 'kpi'), choiceOption(args, 'input-format', ['csv', 'json'] as const));
    const table = readRowTable(input, KPI_COLUMNS, { timeZone });
    const problems: string[] = [];
    table.rows.forEach((row, k) => {
      const ratings = (row['counters'] as Record<string, unknown> | undefined)?.['ratings'] as unknown[] | undefined;
      if (ratings === undefined) return;
      for (let s = 0; s < 5; s++) {
        if (ratings[s] === undefined) problems.push(`${where(table.label, table.format, table.rowNumbers[k] as number, `rating${s + 1}`)}: expected a count (give all five rating columns or none), received nothing`);
      }
    });
    if (problems.length > 0) throw new InputError(problems);
    const records = table.rows as unknown as KpiRecord[];
    const sources: InputSources = {
      tables: { records: { table } },
      documents: scorecardPath === undefined ? [{ prefix: 'scorecard', label: 'the built-in scorecard' }] : [{ prefix: 'scorecard', label: scorecardPath }],
      options: { metricId: '--leaderboard', 'options.top': '--top', prizes: '--prizes', tiePolicy: '--tie-policy' },
    };
    const format = outputFormat(args, input.format);
    try {
      if (mode === 'metrics') {
        const ids = Object.keys(METRICS).filter((id) => METRICS[id as keyof typeof METRICS].scope !== 'shop');
        const derived = records.map((r, k) => {
          try {
            return deriveMetrics(r);
          } catch (error) {
            // deriveMetrics checks one record: name its row.
            if (error instanceof KefuError) throw new KefuError(error.code, error.issues.map((i) => ({ path: `records.${k}${i.path === '' ? '' : `.${i.path.replace(/^record\./, '')}`}`, message: i.message })));
            throw error;
          }
        });
        writeOutput(io, args, format, {
          header: ['agentId', 'shopId', ...ids],
          rows: derived.map((m, k) => [table.rows[k]?.['agentId'] as string, table.rows[k]?.['shopId'] as string, ...ids.map((id) => m[id] as string | number | null)]),
          json: derived.map((m, k) => ({ agentId: table.rows[k]?.['agentId'], shopId: table.rows[k]?.['shopId'], metrics: m })),
        });
        return 0;
      }
      if (mode === 'leaderboard') {
        const top = numberOption(args, 'top') ?? 3;
        const board = leaderboard(records, metric as string, { top });
        const prizes = listOption(args, 'prizes');
        const tiePolicy = choiceOption(args, 'tie-policy', ['split', 'full'] as const) ?? 'split';
        const awards = prizes === undefined ? undefined : prizeAwards({ ranking: board, prizes, tiePolicy });
        const prizeOf = new Map((awards ?? []).map((a) => [a.agentId, a.amount]));
        writeOutput(io, args, format, {
          header: ['rank', 'agentId', 'shopId', 'value', 'tieSize', ...(awards === undefined ? [] : ['prize'])],
          rows: board.map((e) => [e.rank, e.agentId, e.shopId, e.value, e.tieSize, ...(awards === undefined ? [] : [prizeOf.get(e.agentId) ?? '0.00'])]),
          json: { metric, top, leaderboard: board, ...(awards === undefined ? {} : { prizes: awards }) },
        });
        return 0;
      }
      const scorecard = scorecardPath === undefined ? DEFAULT_SCORECARD : (parseJson(readInputFile(io, scorecardPath, 'json')) as Scorecard);
      const scores = scoreAgents(records, scorecard);
      const items = (scorecard.items ?? []).map((i) => i.metric);
      writeOutput(io, args, format, {
        header: ['rank', 'agentId', 'shopId', 'total', 'scoredWeight', 'tieSize', ...items.flatMap((m) => [m, `${m}Score`])],
        rows: scores.map((s) => [s.rank, s.agentId, s.shopId, s.total, s.scoredWeight, s.tieSize, ...items.flatMap((m) => [s.metrics[m]?.value ?? null, s.metrics[m]?.score ?? null])]),
        json: scores,
      });
      return 0;
    } catch (error) {
      if (error instanceof KefuError) throw inputErrorFrom(error, sources);
      throw error;
    }
  },
};

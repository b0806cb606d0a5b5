// `kefu refunds`: refund texts in; each one's reason code and the post-event review out
// (classifyRefundReason, analyzeRefunds: RF-1 buckets, Pareto, teams, rates).
import { inputErrorFrom, readRowTable, type ColumnSpec, type InputSources, type TableSource } from '../columns.ts';
import { KefuError } from '../../core/errors.ts';
import { analyzeRefunds, BUCKETS, classifyRefundReason, REFUND_REASONS, TEAMS, type OrderStats, type ReasonCode, type RefundRecord } from '../../refunds/index.ts';
import { readInputFile, readMainInput } from '../io.ts';
import { choiceOption, inputPath, IO_OPTIONS, numberOption, outputFormat, round, stringOption, timeZoneOption, writeOutput, type Command } from './common.ts';

/** The refunds sheet: one row per refund. */
export const REFUND_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', path: ['id'], type: 'string', required: true, help: 'unique refund id' },
  { name: 'orderId', path: ['orderId'], type: 'string', help: 'the order' },
  { name: 'category', path: ['category'], type: 'string', help: 'product category, for rates (default all)' },
  { name: 'amount', path: ['amount'], type: 'money', required: true, help: 'refunded amount, e.g. 199.00' },
  { name: 'code', path: ['code'], type: 'string', help: 'the reason code when already known (else text is classified)' },
  { name: 'text', path: ['text'], type: 'string', help: 'what the buyer wrote (zh-CN, zh-TW or English)' },
  { name: 'platformReason', path: ['platformReason'], type: 'string', help: 'the reason option the buyer picked on the platform' },
  { name: 'platform', path: ['platform'], type: 'string', help: 'which platform the option comes from: taobao, jd, wechat, amazon, ebay or shopify' },
  { name: 'orderState', path: ['orderState'], type: 'string', help: 'where the order stood: unshipped, shipped or received' },
  { name: 'buyerId', path: ['buyerId'], type: 'string', help: 'the buyer, for repeat refunders' },
  { name: 'createdAt', path: ['createdAt'], type: 'instant', help: 'when the refund was requested' },
];

/** Paid orders per category over the same period (--orders), for refund rates. */
export const REFUND_ORDER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'category', path: ['category'], type: 'string', required: true, help: 'product category' },
  { name: 'paidOrders', path: ['paidOrders'], type: 'number', required: true, help: 'paid orders in the period' },
  { name: 'paidAmount', path: ['paidAmount'], type: 'money', required: true, help: 'their paid amount' },
];

const TABLES = ['refunds', 'codes', 'buckets', 'teams', 'categories', 'summary'] as const;

/** `kefu refunds`. */
export const refundsCommand: Command = {
  name: 'refunds',
  summary: 'reason code of each refund text, and the review: avoidable share, Pareto, teams, rates',
  help: [
    'usage: kefu refunds REFUNDS [--orders FILE] [--table NAME] [options]',
    '',
    'Classifies each refund (kefu/refunds, RF-1..RF-6) from its text, or takes its code, and',
    'reviews them all: the RF-1 buckets (avoidable, exchangeable, refund only, undetermined), the',
    'Pareto of codes with the vital few, the owner teams, and refund rates per category when',
    '--orders gives the paid orders. CSV output is one table (--table); JSON output is',
    '{ analysis, refunds }.',
    '',
    'Example: kefu refunds examples/data/refunds.csv --table codes',
  ],
  options: [
    { name: 'orders', kind: 'value', placeholder: 'FILE', help: 'paid orders per category (CSV or JSON rows)' },
    { name: 'table', kind: 'value', placeholder: 'NAME', help: 'CSV output: refunds (default), codes, buckets, teams, categories or summary' },
    { name: 'vital-share', kind: 'value', placeholder: 'P', help: 'the Pareto cut: the vital few cover this share (default 0.8)' },
    { name: 'repeat-threshold', kind: 'value', placeholder: 'N', help: 'refunds that make a repeat refunder (default 2)' },
    ...IO_OPTIONS,
  ],
  sheets: [
    { title: 'Refund columns', columns: REFUND_COLUMNS },
    { title: 'Order columns (--orders)', columns: REFUND_ORDER_COLUMNS },
  ],
  async run(io, args) {
    const timeZone = timeZoneOption(args);
    const view = choiceOption(args, 'table', TABLES) ?? 'refunds';
    const input = await readMainInput(io, inputPath(args, 'refunds'), choiceOption(args, 'input-format', ['csv', 'json'] as const));
    const refunds = readRowTable(input, REFUND_COLUMNS, { timeZone });
    const tables: Record<string, TableSource> = { refunds: { table: refunds } };
    const ordersPath = stringOption(args, 'orders');
    const orders = ordersPath === undefined ? undefined : readRowTable(readInputFile(io, ordersPath), REFUND_ORDER_COLUMNS, { timeZone });
    if (orders !== undefined) tables['orders'] = { table: orders };
    const options: Record<string, number> = {};
    const vitalShare = numberOption(args, 'vital-share');
    const repeatThreshold = numberOption(args, 'repeat-threshold');
    if (vitalShare !== undefined) options['vitalShare'] = vitalShare;
    if (repeatThreshold !== undefined) options['repeatThreshold'] = repeatThreshold;
    const sources: InputSources = { tables, options: { 'options.vitalShare': '--vital-share', 'options.repeatThreshold': '--repeat-threshold' } };

    let analysis;
    try {
      analysis = analyzeRefunds(refunds.rows as unknown as RefundRecord[], orders?.rows as unknown as OrderStats[] | undefined, options);
    } catch (error) {
      if (error instanceof KefuError) throw inputErrorFrom(error, sources);
      throw error;
    }
    // The input is valid now: classify each refund for the per-refund table.
    const classified = (refunds.rows as unknown as RefundRecord[]).map((r) => {
      if (r.code !== undefined) {
        const reason = REFUND_REASONS[r.code];
        return { id: r.id, category: r.category ?? 'all', amount: r.amount, code: r.code, bucket: reason.bucket, confidence: 1, source: 'given' as const, riskFlags: [] as readonly string[], explanation: 'code given in the input' };
      }
      const c = classifyRefundReason({
        text: r.text ?? '',
        ...(r.platformReason === undefined ? {} : { platformReason: r.platformReason }),
        ...(r.platform === undefined ? {} : { platform: r.platform }),
        ...(r.orderState === undefined ? {} : { orderState: r.orderState }),
      });
      return { id: r.id, category: r.category ?? 'all', amount: r.amount, code: c.code, bucket: c.bucket, confidence: c.confidence, source: c.source, riskFlags: c.riskFlags, explanation: c.explanation };
    });
    const label = (code: ReasonCode, lang: 'zh-CN' | 'en') => REFUND_REASONS[code].label[lang];
    const pct = (x: number | null) => (x === null ? null : round(x, 4));
    const format = outputFormat(args, input.format);
    const json = { analysis, refunds: classified };
    const out = (header: string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>) => writeOutput(io, args, format, { header, rows, json });
    switch (view) {
      case 'codes': {
        const pareto = new Map(analysis.pareto.map((p) => [p.code, p]));
        out(
          ['code', 'label', 'labelEn', 'bucket', 'count', 'share', 'cumulativeShare', 'vital', 'amount', 'amountShare'],
          analysis.byCode.map((c) => [c.code, c.label, label(c.code, 'en'), c.bucket, c.count, pct(c.share), pct(pareto.get(c.code)?.cumulativeShare ?? null), pareto.get(c.code)?.vital === true ? 'yes' : 'no', c.amount, pct(c.amountShare)]),
        );
        break;
      }
      case 'buckets':
        out(['bucket', 'count', 'share', 'amount', 'amountShare'], BUCKETS.map((b) => [b, analysis.buckets[b].count, pct(analysis.buckets[b].share), analysis.buckets[b].amount, pct(analysis.buckets[b].amountShare)]));
        break;
      case 'teams':
        out(['team', 'count', 'share', 'amount', 'amountShare'], TEAMS.map((t) => [t, analysis.byTeam[t].count, pct(analysis.byTeam[t].share), analysis.byTeam[t].amount, pct(analysis.byTeam[t].amountShare)]));
        break;
      case 'categories':
        out(['category', 'count', 'amount', 'paidOrders', 'paidAmount', 'rateByCount', 'rateByAmount'], analysis.byCategory.map((c) => [c.category, c.count, c.amount, c.paidOrders, c.paidAmount, pct(c.rateByCount), pct(c.rateByAmount)]));
        break;
      case 'summary':
        out(['summary'], analysis.summary.map((s) => [s]));
        break;
      default:
        out(
          ['id', 'category', 'amount', 'code', 'label', 'labelEn', 'bucket', 'confidence', 'source', 'riskFlags', 'explanation'],
          classified.map((c) => [c.id, c.category, String(c.amount), c.code, label(c.code, 'zh-CN'), label(c.code, 'en'), c.bucket, c.confidence, c.source, c.riskFlags.join('|'), c.explanation]),
        );
    }
    return 0;
  },
};

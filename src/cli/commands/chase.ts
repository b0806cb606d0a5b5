// `kefu chase`: which unpaid orders to chase now, on which channel, and why not (planChases).
import { UsageError } from '../args.ts';
import { inputErrorFrom, instantOption, readRowTable, type ColumnSpec, type InputSources, type TableSource } from '../columns.ts';
import { KefuError } from '../../core/errors.ts';
import { CHASE_CHANNELS, planChases, type ChaseBuyer, type ChaseLogEntry, type ChaseOrder, type ChasePolicyInput } from '../../chase/index.ts';
import { InputError, parseJson, readInputFile, readMainInput } from '../io.ts';
import { choiceOption, inputPath, IO_OPTIONS, outputFormat, stringOption, timeZoneOption, writeOutput, type Command } from './common.ts';

const INSTANT_HELP = 'ISO 8601 with offset, or local "2026-11-11 00:20" read in --time-zone';

/** The orders sheet: unpaid orders and the buyers' recent paid ones (CH-4 needs them). */
export const CHASE_ORDER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'orderId', path: ['orderId'], type: 'string', required: true, help: 'unique order id' },
  { name: 'buyerId', path: ['buyerId'], type: 'string', required: true, help: 'the buyer (Taobao nick or id)' },
  { name: 'shopId', path: ['shopId'], type: 'string', help: 'the shop, when one sheet covers several' },
  { name: 'createdAt', path: ['createdAt'], type: 'instant', required: true, help: `when the order was placed, ${INSTANT_HELP}` },
  { name: 'paidAt', path: ['paidAt'], type: 'instant', help: 'when it was paid (empty: unpaid)' },
  { name: 'closedAt', path: ['closedAt'], type: 'instant', help: 'when it was closed unpaid' },
  { name: 'payingSince', path: ['payingSince'], type: 'instant', help: 'when the buyer started paying (PAY_PENDING)' },
  { name: 'autoCloseAt', path: ['autoCloseAt'], type: 'instant', help: 'when the platform closes it unpaid (CH-2)' },
  { name: 'kind', path: ['kind'], type: 'string', help: 'normal, flash, presale_deposit or presale_balance (default normal)' },
  { name: 'balanceStart', path: ['balanceWindow', 'start'], type: 'instant', help: 'presale balance: when it may be paid from' },
  { name: 'balanceEnd', path: ['balanceWindow', 'end'], type: 'instant', help: 'presale balance: its deadline' },
  { name: 'itemIds', path: ['itemIds'], type: 'list', help: 'items, separated by |' },
  { name: 'promoIds', path: ['promoIds'], type: 'list', help: 'promotions, separated by |' },
  { name: 'amount', path: ['amount'], type: 'money', help: 'amount payable, e.g. 299.00' },
  { name: 'itemCount', path: ['itemCount'], type: 'number', help: 'number of items' },
  { name: 'source', path: ['source'], type: 'string', help: 'where it was placed (pc, mobile, jhs, …)' },
  { name: 'province', path: ['region', 'province'], type: 'string', help: 'delivery province' },
  { name: 'city', path: ['region', 'city'], type: 'string', help: 'delivery city' },
  { name: 'sellerFlag', path: ['sellerFlag'], type: 'number', help: 'seller flag 0-5' },
  { name: 'phoneHash', path: ['contact', 'phoneHash'], type: 'string', help: "hash of the buyer's phone (phone-keyed dedupe)" },
  { name: 'phoneValid', path: ['contact', 'phoneValid'], type: 'boolean', help: 'whether the phone is usable (default true)' },
  { name: 'phoneExpiresAt', path: ['contact', 'phoneExpiresAt'], type: 'instant', help: 'when a virtual number expires' },
];

/** The buyers sheet (--buyers). */
export const CHASE_BUYER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'buyerId', path: ['buyerId'], type: 'string', required: true, help: 'the buyer' },
  { name: 'firstTime', path: ['firstTime'], type: 'boolean', help: 'no earlier order in the shop (CH-7)' },
  { name: 'blacklisted', path: ['blacklisted'], type: 'boolean', help: "on the shop's blacklist (CH-8)" },
  { name: 'creditLevel', path: ['creditLevel'], type: 'number', help: 'platform credit level (CH-8)' },
  { name: 'suspectedMalicious', path: ['suspectedMalicious'], type: 'boolean', help: 'flagged for malicious orders (CH-8)' },
  { name: 'memberTier', path: ['memberTier'], type: 'string', help: 'member tier, for the policy scope' },
  { name: 'lastInboundChatAt', path: ['lastInboundChatAt'], type: 'instant', help: "the buyer's last message to the shop (CH-8)" },
  { name: 'consentIm', path: ['consent', 'im'], type: 'string', help: 'granted, denied or unknown' },
  { name: 'consentSms', path: ['consent', 'sms'], type: 'string', help: 'granted, denied or unknown' },
  { name: 'consentPhone', path: ['consent', 'phone'], type: 'string', help: 'granted, denied or unknown' },
  { name: 'optedOutImAt', path: ['optedOutAt', 'im'], type: 'instant', help: 'when the buyer opted out of IM' },
  { name: 'optedOutSmsAt', path: ['optedOutAt', 'sms'], type: 'instant', help: 'when the buyer opted out of SMS' },
  { name: 'optedOutPhoneAt', path: ['optedOutAt', 'phone'], type: 'instant', help: 'when the buyer opted out of calls' },
  { name: 'recipientTimeZone', path: ['recipientTimeZone'], type: 'string', help: "the buyer's IANA zone" },
  { name: 'jurisdiction', path: ['jurisdiction'], type: 'string', help: "a key of the policy's jurisdictionOverlays" },
];

/** The chase log sheet (--log): one row per attempt. */
export const CHASE_LOG_COLUMNS: readonly ColumnSpec[] = [
  { name: 'orderId', path: ['orderId'], type: 'string', required: true, help: 'the order chased' },
  { name: 'buyerId', path: ['buyerId'], type: 'string', required: true, help: 'its buyer' },
  { name: 'shopId', path: ['shopId'], type: 'string', help: 'its shop' },
  { name: 'channel', path: ['channel'], type: 'string', required: true, help: 'im, sms or phone' },
  { name: 'at', path: ['at'], type: 'instant', required: true, help: 'when the attempt was made' },
  { name: 'state', path: ['state'], type: 'string', required: true, help: 'queued, sent, failed, answered or no_answer' },
  { name: 'outcome', path: ['outcome'], type: 'string', help: 'what the buyer said: promised_to_pay, refused, …' },
  { name: 'phoneHash', path: ['phoneHash'], type: 'string', help: 'the phone used' },
  { name: 'agent', path: ['agent'], type: 'string', help: 'the agent' },
];

/** `kefu chase`. */
export const chaseCommand: Command = {
  name: 'chase',
  summary: 'which unpaid orders to chase now, on IM, SMS or phone, and why not (催付)',
  help: [
    'usage: kefu chase ORDERS --now INSTANT [--buyers FILE] [--log FILE] [--policy FILE] [options]',
    '',
    'Plans payment chases at --now (kefu/chase planChases, CH-1..CH-13): for every order and',
    'channel, send now, wait until when, or never, with the reasons. One row per order; JSON',
    'output is the whole plan. The policy file is JSON in the library\'s ChasePolicyInput shape',
    '(overrides of the defaults: phone 11-12, 16-17, 19-21; SMS 09-22; one chase per buyer).',
    '',
    'Example: kefu chase examples/data/chase-orders.csv --now "2026-11-11 00:20"',
  ],
  options: [
    { name: 'now', kind: 'value', placeholder: 'INSTANT', help: `the instant to plan at (required), ${INSTANT_HELP}` },
    { name: 'buyers', kind: 'value', placeholder: 'FILE', help: 'buyer facts (CSV or JSON rows)' },
    { name: 'log', kind: 'value', placeholder: 'FILE', help: 'the chase log so far (CSV or JSON rows)' },
    { name: 'policy', kind: 'value', placeholder: 'FILE', help: 'policy overrides (JSON)' },
    { name: 'outcome', kind: 'value', placeholder: 'send|wait|never', help: 'only the orders with this outcome' },
    ...IO_OPTIONS,
  ],
  sheets: [
    { title: 'Order columns', columns: CHASE_ORDER_COLUMNS },
    { title: 'Buyer columns (--buyers)', columns: CHASE_BUYER_COLUMNS },
    { title: 'Log columns (--log)', columns: CHASE_LOG_COLUMNS },
  ],
  async run(io, args) {
    const timeZone = timeZoneOption(args);
    const nowText = stringOption(args, 'now');
    if (nowText === undefined) throw new UsageError('--now is required: the instant to plan at, e.g. --now "2026-11-11 00:20"');
    const only = choiceOption(args, 'outcome', ['send', 'wait', 'never'] as const);
    const input = await readMainInput(io, inputPath(args, 'chase'), choiceOption(args, 'input-format', ['csv', 'json'] as const));
    const orders = readRowTable(input, CHASE_ORDER_COLUMNS, { timeZone });
    const tables: Record<string, TableSource> = { orders: { table: orders } };
    const side = (option: string, columns: readonly ColumnSpec[]) => {
      const path = stringOption(args, option);
      if (path === undefined) return undefined;
      return readRowTable(readInputFile(io, path), columns, { timeZone });
    };
    const buyers = side('buyers', CHASE_BUYER_COLUMNS);
    const log = side('log', CHASE_LOG_COLUMNS);
    if (buyers !== undefined) tables['buyers'] = { table: buyers };
    if (log !== undefined) tables['log'] = { table: log };
    const now = instantOption(nowText, timeZone, '--now');

    const policyPath = stringOption(args, 'policy');
    const documents: Array<{ prefix: string; label: string }> = [];
    let policy: Record<string, unknown> = {};
    if (policyPath !== undefined) {
      const doc = parseJson(readInputFile(io, policyPath, 'json'));
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new InputError([`${policyPath}: expected a JSON object of policy overrides`]);
      policy = doc as Record<string, unknown>;
      documents.push({ prefix: 'policy', label: policyPath });
    }
    const options: Record<string, string> = { now: '--now' };
    if (stringOption(args, 'time-zone') !== undefined && policy['timeZone'] === undefined) {
      policy = { ...policy, timeZone };
      options['policy.timeZone'] = '--time-zone';
    }
    const sources: InputSources = { tables, documents, options };

    let plan;
    try {
      plan = planChases(
        {
          now,
          orders: orders.rows as unknown as ChaseOrder[],
          ...(buyers === undefined ? {} : { buyers: buyers.rows as unknown as ChaseBuyer[] }),
          ...(log === undefined ? {} : { log: log.rows as unknown as ChaseLogEntry[] }),
        },
        policy as ChasePolicyInput,
      );
    } catch (error) {
      if (error instanceof KefuError) throw inputErrorFrom(error, sources);
      throw error;
    }
    const decisions = only === undefined ? plan.decisions : plan.decisions.filter((d) => d.outcome === only);
    const header = ['orderId', 'buyerId', 'outcome', 'primaryReason', 'nextAllowedAt', 'deadline', 'representativeOrderId', 'ladder'];
    for (const c of CHASE_CHANNELS) header.push(c, `${c}NextAllowedAt`, `${c}Reasons`, `${c}Template`);
    writeOutput(io, args, outputFormat(args, input.format), {
      header,
      rows: decisions.map((d) => [
        d.orderId,
        d.buyerId,
        d.outcome,
        d.primaryReason ?? '',
        d.nextAllowedAt,
        d.deadline,
        d.representativeOrderId,
        d.ladder,
        ...d.channels.flatMap((c) => [c.outcome, c.nextAllowedAt, c.reasons.join('|'), c.templateId]),
      ]),
      json: { ...plan, decisions },
    });
    return 0;
  },
};

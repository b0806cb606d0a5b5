import * as z from 'zod/mini';
import { KefuError } from '../core/errors.ts';
import { DEFAULT_TIME_ZONE, formatInstant, InstantSchema, TimeZoneSchema, toEpochMs, zonedInstant } from '../core/time.ts';
import { parseInput } from '../core/validate.ts';
import { MINUTE_MS } from '../core/zone-clock.ts';
import { CHASE_CHANNELS, type ChaseChannel } from './codes.ts';
import { CHASE_OUTCOMES, OUTCOME_LABELS, type ChaseOutcome } from './playbook.ts';

/**
 * The seller flag written with a chase memo (CH-10): 5, the purple flag of the Taobao seller UI.
 * TOP's `taobao.trade.memo.add` documentation labels 5 "粉红色" (pink) while its `seller_flag`
 * field and the seller UI call it purple (紫); it is the same flag.
 *
 * @example
 * ```ts
 * CHASE_MEMO_FLAG; // 5
 * ```
 */
export const CHASE_MEMO_FLAG = 5;

/** Taobao's memo limit in UTF-8 bytes (a Chinese character takes 3). */
const DEFAULT_MAX_BYTES = 1000;
const PREFIX = '【催付】';
const CHANNEL_WORDS: Readonly<Record<ChaseChannel, string>> = { im: '旺旺', sms: '短信', phone: '电话' };

/**
 * One chase as recorded on the order (CH-10): time, agent nickname, reminder count and feedback,
 * plus the channel and, optionally, the outcome.
 *
 * @example
 * ```ts
 * const entry: ChaseMemoEntry = { at: '2026-11-11T11:05:00+08:00', agent: '小美', count: 2, channel: 'phone', outcome: 'promised_to_pay', feedback: '买家说下班后付款' };
 * ```
 */
export const ChaseMemoEntry = /* @__PURE__ */ z.strictObject({
  /** When the chase happened (written to the minute, in the shop's zone). */
  at: InstantSchema,
  /** The agent's nickname (1–64 characters). */
  agent: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Which reminder this is for the order (1 for the first). */
  count: z.number().check(z.int(), z.gte(1), z.lte(999)),
  /** The channel used. */
  channel: z.enum(CHASE_CHANNELS),
  /** What the buyer said (CH-11), as a code. */
  outcome: z.optional(z.enum(CHASE_OUTCOMES)),
  /** Free text (up to 500 characters). */
  feedback: z.optional(z.string().check(z.maxLength(500))),
});
/** @inheritDoc ChaseMemoEntry */
export type ChaseMemoEntry = z.input<typeof ChaseMemoEntry>;

/**
 * A chase entry read back from a memo: `at` as ISO 8601 in the shop's zone; channel, outcome and
 * feedback only when present.
 *
 * @example
 * ```ts
 * const read: ParsedChaseMemoEntry = parseChaseMemo('【催付】2026-11-11 11:05｜小美｜第2次｜电话').entries[0]!;
 * read.at; // '2026-11-11T11:05:00+08:00'
 * ```
 */
export interface ParsedChaseMemoEntry {
  readonly at: string;
  readonly agent: string;
  readonly count: number;
  readonly channel?: ChaseChannel;
  readonly outcome?: ChaseOutcome;
  readonly feedback?: string;
}

/**
 * Options of the memo functions.
 *
 * @example
 * ```ts
 * const options: ChaseMemoOptions = { timeZone: 'Asia/Shanghai', maxBytes: 1000 };
 * ```
 */
export const ChaseMemoOptions = /* @__PURE__ */ z.strictObject({
  /** The shop's zone, in which memo times are written and read (default Asia/Shanghai). */
  timeZone: z._default(TimeZoneSchema, DEFAULT_TIME_ZONE),
  /** The memo's size limit in UTF-8 bytes (default 1,000, Taobao's). */
  maxBytes: z._default(z.number().check(z.int(), z.gte(100), z.lte(100_000)), DEFAULT_MAX_BYTES),
});
/** @inheritDoc ChaseMemoOptions */
export type ChaseMemoOptions = z.input<typeof ChaseMemoOptions>;

/** Separators inside an entry (`｜`), between entries (`；`) and around outcome labels are not allowed in free text. */
function sanitize(text: string): string {
  return text
    .replace(/[｜|]/g, '/')
    .replace(/[；;]/g, ',')
    .replace(/〔/g, '(')
    .replace(/〕/g, ')')
    .replace(/\s+/g, ' ')
    .trim();
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `YYYY-MM-DD HH:mm` in the zone, with the offset added when that wall time occurs twice (a DST fall-back). */
function memoTime(epochMs: number, timeZone: string): string {
  const minute = Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
  const iso = formatInstant(minute, timeZone);
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  const plain = `${date} ${time}`;
  return zonedInstant(date, time, timeZone) === minute ? plain : `${plain}${iso.slice(19)}`;
}

/**
 * Writes one chase as a memo entry (CH-10):
 * `【催付】2026-11-11 11:05｜小美｜第2次｜电话｜〔答应付款〕｜买家说下班后付款`. Time in the shop's zone
 * to the minute; separators inside the agent's name or the feedback become `/` or `,` so the
 * entry reads back unchanged.
 *
 * @example
 * {@includeCode ../../examples/chase.example.ts#memo}
 */
export function formatChaseMemo(entry: ChaseMemoEntry, options: ChaseMemoOptions = {}): string {
  const e = parseInput(ChaseMemoEntry, entry, 'formatChaseMemo');
  const { timeZone } = parseInput(ChaseMemoOptions, options, 'formatChaseMemo');
  const agent = sanitize(e.agent);
  if (agent === '') throw new KefuError('INVALID_INPUT', [{ path: 'agent', message: 'expected a nickname with visible characters' }], 'formatChaseMemo');
  let text = `${PREFIX}${memoTime(toEpochMs(e.at, 'at'), timeZone)}｜${agent}｜第${e.count}次｜${CHANNEL_WORDS[e.channel]}`;
  if (e.outcome !== undefined) text += `｜〔${OUTCOME_LABELS[e.outcome]}〕`;
  const feedback = e.feedback === undefined ? '' : sanitize(e.feedback);
  if (feedback !== '') text += `｜${feedback}`;
  return text;
}

const ENTRY_RE = /^(【催付】)?\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?\s*[｜|]\s*([^｜|]+?)\s*[｜|]\s*(?:第\s*(\d+)\s*次|(\d+)\s*次|#(\d+))\s*(?:[｜|](.*))?$/;
const LABEL_TO_OUTCOME = new Map<string, ChaseOutcome>(Object.entries(OUTCOME_LABELS).map(([code, label]) => [label, code as ChaseOutcome]));
const WORD_TO_CHANNEL = new Map<string, ChaseChannel>([
  ...Object.entries(CHANNEL_WORDS).map(([channel, word]) => [word, channel as ChaseChannel] as const),
  ['千牛', 'im'],
  ['IM', 'im'],
  ['im', 'im'],
  ['SMS', 'sms'],
  ['sms', 'sms'],
  ['phone', 'phone'],
]);

function parseEntry(segment: string, timeZone: string): ParsedChaseMemoEntry | undefined {
  const m = ENTRY_RE.exec(segment.trim());
  if (m === null) return undefined;
  const [, , y, mo, d, h, mi, , offset, agent, c1, c2, c3, tail] = m;
  const date = `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
  const time = `${pad(Number(h))}:${mi}`;
  let epochMs: number;
  try {
    epochMs = offset === undefined ? zonedInstant(date, time, timeZone) : toEpochMs(`${date}T${time}:00${offset}`);
  } catch {
    return undefined;
  }
  const count = Number(c1 ?? c2 ?? c3);
  if (!Number.isSafeInteger(count) || count < 1) return undefined;
  let channel: ChaseChannel | undefined;
  let outcome: ChaseOutcome | undefined;
  const feedback: string[] = [];
  for (const raw of tail === undefined ? [] : tail.split(/[｜|]/)) {
    const field = raw.trim();
    if (field === '') continue;
    const label = /^〔(.*)〕$/.exec(field)?.[1];
    if (channel === undefined && outcome === undefined && feedback.length === 0 && WORD_TO_CHANNEL.has(field)) channel = WORD_TO_CHANNEL.get(field);
    else if (outcome === undefined && feedback.length === 0 && label !== undefined && LABEL_TO_OUTCOME.has(label)) outcome = LABEL_TO_OUTCOME.get(label);
    else feedback.push(field);
  }
  return {
    at: formatInstant(epochMs, timeZone),
    agent: (agent as string).trim(),
    count,
    ...(channel === undefined ? {} : { channel }),
    ...(outcome === undefined ? {} : { outcome }),
    ...(feedback.length === 0 ? {} : { feedback: feedback.join('/') }),
  };
}

/** Splits a memo at `；`, `;` and line breaks, keeping each piece with the separator that follows it. */
function pieces(memo: string): Array<{ text: string; sep: string }> {
  const out: Array<{ text: string; sep: string }> = [];
  const re = /[；;\n]/g;
  let start = 0;
  for (let m = re.exec(memo); m !== null; m = re.exec(memo)) {
    out.push({ text: memo.slice(start, m.index), sep: m[0] });
    start = m.index + m[0].length;
  }
  out.push({ text: memo.slice(start), sep: '' });
  return out;
}

interface Split {
  readonly entries: Array<{ readonly entry: ParsedChaseMemoEntry; readonly text: string }>;
  readonly rest: string;
}

function split(memo: string, timeZone: string): Split {
  const entries: Array<{ entry: ParsedChaseMemoEntry; text: string }> = [];
  const kept: Array<{ text: string; sep: string }> = [];
  for (const piece of pieces(memo)) {
    const entry = piece.text.trim() === '' ? undefined : parseEntry(piece.text, timeZone);
    if (entry === undefined) kept.push(piece);
    else entries.push({ entry, text: piece.text.trim() });
  }
  // The other text, with its own separators; a separator left dangling at the end is dropped.
  let rest = '';
  kept.forEach((piece, i) => {
    rest += piece.text + (i < kept.length - 1 ? piece.sep : '');
  });
  return { entries, rest: rest.replace(/^[；;\s]+|[；;\s]+$/g, '') === '' ? '' : rest };
}

/**
 * Reads the chase entries out of an order memo. Tolerant of what people type: `|` for `｜`, `;`
 * or new lines between entries, `2026/11/11`, seconds, `2次` or `#2` for `第2次`, no `【催付】`
 * prefix. Everything that is not a chase entry comes back unchanged in `rest`.
 *
 * @example
 * ```ts
 * const { entries, rest } = parseChaseMemo('顺丰包邮；【催付】2026-11-11 11:05｜小美｜第2次｜电话｜买家说下班后付款');
 * entries[0]?.feedback; // '买家说下班后付款'
 * rest; // '顺丰包邮'
 * ```
 */
export function parseChaseMemo(memo: string, options: ChaseMemoOptions = {}): { entries: ParsedChaseMemoEntry[]; rest: string } {
  if (typeof memo !== 'string') parseInput(z.string(), memo, 'parseChaseMemo');
  const { timeZone } = parseInput(ChaseMemoOptions, options, 'parseChaseMemo');
  const { entries, rest } = split(memo, timeZone);
  return { entries: entries.map((e) => e.entry), rest };
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * What {@link appendChaseMemo} returns.
 *
 * @example
 * ```ts
 * const r: AppendedChaseMemo = appendChaseMemo('', { at: '2026-11-11T00:25:00+08:00', agent: '小美', count: 1, channel: 'im' });
 * r.flag; // 5
 * ```
 */
export interface AppendedChaseMemo {
  /** The new memo text, within the byte budget. */
  readonly memo: string;
  /** The seller flag to set with it: {@link CHASE_MEMO_FLAG}. */
  readonly flag: typeof CHASE_MEMO_FLAG;
  /** How many older chase entries were dropped to make room. */
  readonly dropped: number;
  /** Whether the new entry's feedback had to be shortened (ends with `…`). */
  readonly truncated: boolean;
  /** The memo's size in UTF-8 bytes. */
  readonly bytes: number;
}

/**
 * Adds a chase entry to an order memo (CH-10) within the byte budget (Taobao: 1,000 bytes of
 * UTF-8). Text that is not a chase entry is kept as it is, first; chase entries follow, joined by
 * `；`. When the memo would be too long, the oldest chase entries go first, then the new entry's
 * feedback is shortened; the other text is never touched. When even then the entry does not fit,
 * the call throws `OUT_OF_RANGE`, naming `memo` (the other text leaves too little room) or `agent`
 * (the entry alone is over the budget). Set the order's flag to `flag` (purple) with it.
 *
 * @example
 * {@includeCode ../../examples/chase.example.ts#memo-append}
 */
export function appendChaseMemo(memo: string, entry: ChaseMemoEntry, options: ChaseMemoOptions = {}): AppendedChaseMemo {
  if (typeof memo !== 'string') parseInput(z.string(), memo, 'appendChaseMemo');
  const { timeZone, maxBytes } = parseInput(ChaseMemoOptions, options, 'appendChaseMemo');
  const parsed = parseInput(ChaseMemoEntry, entry, 'appendChaseMemo');
  const { entries, rest } = split(memo, timeZone);
  const kept = entries.map((e, position) => ({ ...e, position, epochMs: toEpochMs(e.entry.at) }));
  const other = rest.replace(/[；;\s]+$/, '');
  const build = (fresh: string): string => [other, ...kept.map((e) => e.text), fresh].filter((part) => part !== '').join('；');
  let fresh = formatChaseMemo(parsed, { timeZone });
  let dropped = 0;
  while (utf8Bytes(build(fresh)) > maxBytes && kept.length > 0) {
    // Drop the oldest chase entry (ties: the one written first).
    let oldest = 0;
    kept.forEach((e, i) => {
      const o = kept[oldest] as (typeof kept)[number];
      if (e.epochMs < o.epochMs || (e.epochMs === o.epochMs && e.position < o.position)) oldest = i;
    });
    kept.splice(oldest, 1);
    dropped++;
  }
  let truncated = false;
  if (utf8Bytes(build(fresh)) > maxBytes && parsed.feedback !== undefined) {
    const chars = Array.from(sanitize(parsed.feedback));
    while (chars.length > 0 && utf8Bytes(build(fresh)) > maxBytes) {
      chars.pop();
      truncated = true;
      const shortened = chars.join('').trim();
      fresh = formatChaseMemo({ ...parsed, ...(shortened === '' ? { feedback: '' } : { feedback: `${shortened}…` }) }, { timeZone });
    }
  }
  const text = build(fresh);
  const bytes = utf8Bytes(text);
  if (bytes > maxBytes) {
    // `fresh` is now as short as the entry gets (feedback cut): say which side is too long.
    const entryBytes = utf8Bytes(fresh);
    const issue =
      entryBytes > maxBytes
        ? { path: 'agent', message: `the chase entry alone takes ${entryBytes} bytes with its feedback cut, over the budget of ${maxBytes}: shorten the agent name or raise maxBytes` }
        : { path: 'memo', message: `the memo's other text takes ${utf8Bytes(other)} of ${maxBytes} bytes and leaves too little room for the chase entry (${entryBytes} bytes with its feedback cut)` };
    throw new KefuError('OUT_OF_RANGE', [issue], 'appendChaseMemo');
  }
  return { memo: text, flag: CHASE_MEMO_FLAG, dropped, truncated, bytes };
}

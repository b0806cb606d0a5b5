import * as z from 'zod/mini';
import { parseInput } from '../core/validate.ts';
import { runEngine, type RefundHit } from './engine.ts';
import { LEXICON_VERSION, type RiskFlag } from './lexicon.ts';
import { normalizeRefundText } from './normalize.ts';
import { lookupPlatformReason, PLATFORMS, type PlatformId } from './platform.ts';
import { ORDER_STATES, REASON_CODES, REFUND_REASONS, type Bucket, type OrderState, type ReasonCode } from './taxonomy.ts';

/**
 * Who wrote the text: the buyer (the refund form's description), or the seller or an agent (a
 * memo). Abuse cues (调包, 吊牌已剪 …) name `SUSPECTED_ABUSE` only in seller and agent notes, or
 * when the author is not given; in buyer text they raise risk flags only.
 *
 * @example
 * ```ts
 * const author: RefundAuthor = 'agent';
 * ```
 */
export type RefundAuthor = 'buyer' | 'seller' | 'agent';

/**
 * Input of {@link classifyRefundReason} when more than the text is known.
 *
 * @example
 * ```ts
 * const input: ClassifyRefundInput = { text: '一直没收到', orderState: 'unshipped', platform: 'taobao', platformReason: '未收到货' };
 * ```
 */
export const ClassifyRefundInput = /* @__PURE__ */ z.strictObject({
  /** The free text: the buyer's description or an agent's memo. Any string, empty included. */
  text: z.string(),
  /** The reason option the buyer picked, as the platform sends it (a code such as `CR-DEFECTIVE` or a text such as `质量问题`). */
  platformReason: z.optional(z.string()),
  /** Which platform's option table to read `platformReason` in (default: every table, then the text classifier). */
  platform: z.optional(z.enum(PLATFORMS)),
  /** Where the order stands; resolves 没收到 and keeps the code among those possible in this state. */
  orderState: z.optional(z.enum(ORDER_STATES)),
  /** Who wrote `text` (default: not known). */
  author: z.optional(z.enum(['buyer', 'seller', 'agent'])),
});
/** @inheritDoc ClassifyRefundInput */
export type ClassifyRefundInput = z.input<typeof ClassifyRefundInput>;

/**
 * Where the code came from: the text's cues, the platform's reason option, or nothing (`OTHER`).
 *
 * @example
 * ```ts
 * const source: ClassificationSource = 'platform_reason';
 * ```
 */
export type ClassificationSource = 'text' | 'platform_reason' | 'fallback';

/**
 * Another code the text (or the platform option) pointed at, with the sum of its cue strengths.
 *
 * @example
 * ```ts
 * const alt: RefundAlternative = { code: 'CHANGED_MIND', score: 1, source: 'text' };
 * ```
 */
export interface RefundAlternative {
  readonly code: ReasonCode;
  /** Sum of the strengths of the cues that name it (0.5 for a platform option). */
  readonly score: number;
  readonly source: 'text' | 'platform_reason';
}

/**
 * The reason option the buyer picked, read through the platform tables.
 *
 * @example
 * ```ts
 * const p: PlatformReasonReading = { raw: 'CR-SWITCHEROO', platform: 'amazon', code: 'WRONG_ITEM', known: true };
 * ```
 */
export interface PlatformReasonReading {
  readonly raw: string;
  /** The table the option was found in, or the one asked for. */
  readonly platform: PlatformId | null;
  /** Its code (`OTHER` when neither a table nor the text classifier knows it). */
  readonly code: ReasonCode;
  /** True when the option is in a table; false when its wording was classified as text. */
  readonly known: boolean;
}

/**
 * What {@link classifyRefundReason} returns.
 *
 * @example
 * ```ts
 * const c: RefundClassification = classifyRefundReason('发错货了');
 * c.code; // 'WRONG_ITEM'
 * ```
 */
export interface RefundClassification {
  /** Exactly one of the 28 codes. */
  readonly code: ReasonCode;
  /** Its RF-1 bucket. */
  readonly bucket: Bucket;
  /** In [0, 1], two decimals: how clearly the evidence points at `code`. */
  readonly confidence: number;
  readonly source: ClassificationSource;
  /** Every rule that fired, in text order, with its span in `normalizedText`. */
  readonly hits: readonly RefundHit[];
  /** Other codes named, by priority. */
  readonly alternatives: readonly RefundAlternative[];
  /** Risks raised, whatever the code (sorted). */
  readonly riskFlags: readonly RiskFlag[];
  /** The text as matched; every hit's span refers to it. */
  readonly normalizedText: string;
  readonly lexiconVersion: string;
  /** The platform option, when one was given. */
  readonly platformReason?: PlatformReasonReading;
  /** The order state used, when one was given. */
  readonly orderState?: OrderState;
  /** One sentence for people: the code and what decided it. */
  readonly explanation: string;
}

interface Candidate {
  readonly code: ReasonCode;
  readonly score: number;
  readonly max: number;
  readonly distinct: number;
}

function round2(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

/** Candidates ordered by tier (any strong cue first), then by priority. */
function byTierThenPriority(a: Candidate, b: Candidate): number {
  return (a.max >= 1 ? 0 : 1) - (b.max >= 1 ? 0 : 1) || REFUND_REASONS[a.code].priority - REFUND_REASONS[b.code].priority;
}

function byPriority(a: RefundAlternative, b: RefundAlternative): number {
  return REFUND_REASONS[a.code].priority - REFUND_REASONS[b.code].priority || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
}

/** The code of a platform option: its table entry, else the option's wording classified as text. */
function readPlatformReason(raw: string, platform: PlatformId | undefined, state: OrderState | undefined): PlatformReasonReading {
  const found = lookupPlatformReason(raw, platform);
  if (found !== undefined) {
    const target = found.target;
    const code: ReasonCode = target === 'NOT_RECEIVED' ? (state === 'unshipped' ? 'LATE_SHIPMENT' : state === 'received' ? 'LOST_PARCEL' : 'DELIVERY_DELAY') : target;
    return { raw, platform: found.platform, code, known: true };
  }
  const asText = classifyText(normalizeRefundText(raw), state, 'buyer');
  return { raw, platform: platform ?? null, code: asText.primary?.code ?? 'OTHER', known: false };
}

function classifyText(normalizedText: string, state: OrderState | undefined, author: RefundAuthor | undefined) {
  const engine = runEngine(normalizedText, state, author === 'buyer', author === 'seller' || author === 'agent');
  const candidates: Candidate[] = [];
  for (const [code, s] of engine.scores) candidates.push({ code, score: Math.round(s.score * 100) / 100, max: s.max, distinct: s.patterns.size });
  if (candidates.length > 1) candidates.sort(byTierThenPriority);
  let primary = candidates[0];
  let stateConflict = false;
  if (primary !== undefined && state !== undefined && !REFUND_REASONS[primary.code].validStates.includes(state)) {
    let valid: Candidate | undefined;
    for (const c of candidates) if (valid === undefined && REFUND_REASONS[c.code].validStates.includes(state)) valid = c;
    if (valid !== undefined) primary = valid;
    else stateConflict = true;
  }
  return { engine, candidates, primary, stateConflict };
}

/**
 * RF-1, RF-2: the reason code of a refund request, from its free text (Chinese, simplified or
 * traditional, English or mixed) and, when known, the platform's reason option and the order
 * state. Total: every string gets exactly one code, `OTHER` when nothing matches.
 *
 * How it decides: the text is normalised ({@link normalizeRefundText}), one pass of an
 * Aho–Corasick automaton finds every lexicon pattern (the written cues and the forms generated
 * from them: regional and English word families, 了/咗/晒 aspect forms, cues typed without
 * apostrophes or with a pinyin slip), the longest match wins at each place, a
 * negator (不是, 没有, not …) cancels the nearest cue after it in the same clause unless it is a
 * look-alike (不小心, 没几天, 是不是 …), negative evidence (包装完好, 质量没问题) silences its code in
 * its clause, and the code with the best priority among those named by a strong cue wins
 * (weak cues decide only when no strong one fired). With `orderState`, a code impossible in that
 * state gives way to the next possible one, and 没收到 resolves to `LATE_SHIPMENT` (unshipped),
 * `DELIVERY_DELAY` (shipped) or `LOST_PARCEL` (signed for), unless the text names a wrong address
 * or a refused delivery, which explains it. A platform option counts when the
 * text is silent or unsure (confidence below 0.6): the option is often procedural (七天无理由,
 * 协商一致) and hides the cause.
 *
 * Confidence: the strongest cue of the code (1 or 0.6), plus 0.1 per further distinct cue (at most
 * 0.2), minus 0.15 per other code named by a cue as strong (at most 3) and 0.05 per weaker one,
 * plus 0.05 when the order state or the platform option agrees, minus 0.2 when the order state
 * contradicts every candidate; clamped to [0, 1]. A platform option alone gives 0.5; `OTHER` by
 * fallback 0.
 *
 * Throws `INVALID_INPUT` when the input is neither a string nor a valid {@link ClassifyRefundInput}.
 *
 * @example
 * {@includeCode ../../examples/refunds.example.ts#classify}
 */
export function classifyRefundReason(input: string | ClassifyRefundInput): RefundClassification {
  const v = typeof input === 'string' ? { text: input } : parseInput(ClassifyRefundInput, input, 'classifyRefundReason');
  const state = v.orderState;
  const normalizedText = normalizeRefundText(v.text);
  const { engine, candidates, primary, stateConflict } = classifyText(normalizedText, state, v.author);
  const riskFlags = [...engine.riskFlags].sort();
  const platformReason = v.platformReason === undefined ? undefined : readPlatformReason(v.platformReason, v.platform, state);

  let code: ReasonCode = 'OTHER';
  let source: ClassificationSource = 'fallback';
  let confidence = 0;
  if (primary !== undefined) {
    let strongOthers = 0;
    let weakOthers = 0;
    for (const c of candidates) {
      if (c.code === primary.code) continue;
      if (c.max >= primary.max) strongOthers++;
      else weakOthers++;
    }
    const stateAgrees = state !== undefined && !stateConflict;
    const platformAgrees = platformReason !== undefined && platformReason.code === primary.code;
    confidence = round2(
      primary.max + 0.1 * Math.min(2, primary.distinct - 1) - 0.15 * Math.min(3, strongOthers) - 0.05 * Math.min(3, weakOthers) + (stateAgrees || platformAgrees ? 0.05 : 0) - (stateConflict ? 0.2 : 0),
    );
    code = primary.code;
    source = 'text';
  }
  const platformUsable = platformReason !== undefined && platformReason.code !== 'OTHER';
  if (platformUsable && (primary === undefined || (confidence < 0.6 && platformReason.code !== primary.code))) {
    code = platformReason.code;
    source = 'platform_reason';
    confidence = 0.5;
  }

  const alternatives: RefundAlternative[] = [];
  let platformListed = false;
  for (const c of candidates) {
    if (c.code === code) continue;
    alternatives.push({ code: c.code, score: c.score, source: 'text' });
    if (platformReason !== undefined && c.code === platformReason.code) platformListed = true;
  }
  if (platformUsable && platformReason.code !== code && !platformListed) alternatives.push({ code: platformReason.code, score: 0.5, source: 'platform_reason' });
  if (alternatives.length > 1) alternatives.sort(byPriority);

  const reason = REFUND_REASONS[code];
  const result: RefundClassification = {
    code,
    bucket: reason.bucket,
    confidence,
    source,
    hits: engine.hits,
    alternatives,
    riskFlags,
    normalizedText,
    lexiconVersion: LEXICON_VERSION,
    explanation: explain(code, source, engine.hits, platformReason, stateConflict ? state : undefined),
    ...(platformReason === undefined ? {} : { platformReason }),
    ...(state === undefined ? {} : { orderState: state }),
  };
  return result;
}

function explain(code: ReasonCode, source: ClassificationSource, hits: readonly RefundHit[], platform: PlatformReasonReading | undefined, conflict: OrderState | undefined): string {
  const label = `${code} (${REFUND_REASONS[code].label.en})`;
  if (source === 'fallback') return `${label}: no cue in the text${platform === undefined ? '' : ` and the platform option "${platform.raw}" is not known`}.`;
  let named = false;
  const cues: string[] = [];
  const dropped: string[] = [];
  for (const h of hits) {
    if (h.counted && h.code !== null) named = true;
    if (h.counted && h.code === code) cues.push(`"${h.pattern}"`);
    else if (!h.counted && h.code !== null && (h.kind === 'cue' || h.kind === 'polarity') && h.note !== undefined && !h.note.startsWith('positive')) dropped.push(`"${h.pattern}" (${h.note})`);
  }
  if (source === 'platform_reason') return `${label}: from the platform option "${platform?.raw ?? ''}"; the text ${named ? 'was not conclusive' : 'names no reason'}.`;
  return `${label}: cue${cues.length > 1 ? 's' : ''} ${cues.join(', ')}${dropped.length > 0 ? `; not counted: ${dropped.join(', ')}` : ''}${conflict === undefined ? '' : `; no candidate is possible when the order is ${conflict}`}.`;
}

/**
 * The RF-1 bucket of a code (a shortcut for `REFUND_REASONS[code].bucket`, for spreadsheets).
 * Throws `INVALID_INPUT` for anything that is not one of the 28 codes.
 *
 * @example
 * ```ts
 * refundBucket('MISSING_ITEM'); // 'AVOIDABLE'
 * ```
 */
export function refundBucket(code: ReasonCode): Bucket {
  return REFUND_REASONS[parseInput(z.enum(REASON_CODES), code, 'refundBucket')].bucket;
}

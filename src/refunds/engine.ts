// The rule engine behind classifyRefundReason: one Aho–Corasick pass over the normalised text,
// then four small passes over the matches (cues, negators, clauses, risks). Pure and linear.
// The automaton is built once, from the written lexicon and the forms expand.ts generates.
import { expandCue, parseFamilies, parseTypos } from './expand.ts';
import { CUES, NEGATIVE_EVIDENCE, NEGATORS, NEUTRAL, PSEUDO_NEGATIONS, RISKS, TERMINATORS, TYPOS, VARIANTS, type CueTarget, type RiskFlag } from './lexicon.ts';
import { leftmostLongest, PatternMatcher, type PatternMatch } from './matcher.ts';
import type { ReasonCode } from './taxonomy.ts';

/**
 * What a hit is: a cue for a code; a polarity cue (a positive word that names a reason only when
 * negated, as in 不合身); negative evidence (the clause says a problem is absent); a neutral word
 * that merely occupies its place; a negator; a pseudo-negation (a negator look-alike that
 * negates nothing); a risk pattern.
 *
 * @example
 * ```ts
 * const kind: HitKind = 'negator';
 * ```
 */
export type HitKind = 'cue' | 'polarity' | 'negative_evidence' | 'neutral' | 'negator' | 'pseudo_negation' | 'risk';

/**
 * One rule that fired, with its span in `normalizedText`
 * (`normalizedText.slice(start, end) === pattern`).
 *
 * @example
 * ```ts
 * const hit: RefundHit = classifyRefundReason('不是质量问题').hits[1]!;
 * // { ruleId: 'cue:QUALITY_DEFECT:质量问题', kind: 'cue', code: 'QUALITY_DEFECT', counted: false, note: 'negated by 不是', … }
 * ```
 */
export interface RefundHit {
  /** `kind:target:pattern`, stable for a lexicon version. */
  readonly ruleId: string;
  readonly kind: HitKind;
  /** The code a cue names (after order-state resolution), or null. */
  readonly code: ReasonCode | null;
  /** The risk a risk pattern raises, or null. */
  readonly riskFlag: RiskFlag | null;
  readonly pattern: string;
  readonly start: number;
  readonly end: number;
  /** Index of the clause (split at punctuation and contrastive connectives such as 但是). */
  readonly clause: number;
  /** 1 for a cue, 0.6 for a weak cue, 0 for everything else. */
  readonly strength: number;
  /** True when the hit contributes to the result (a cue that counts, a risk that is raised, a negator that negated). */
  readonly counted: boolean;
  /** Why a hit does not count, or what it did. */
  readonly note?: string;
  /** For a form generated from a written cue (过了期 from 过期, doesnt fit from doesn't fit): the written cue. */
  readonly variantOf?: string;
}

const LAYER_CUE = 1;
const LAYER_NEGATOR = 2;
const LAYER_PSEUDO = 4;
const LAYER_TERMINATOR = 8;
const LAYER_RISK = 16;

interface Entry {
  readonly kind: HitKind | 'terminator';
  readonly target: CueTarget | null;
  readonly flag: RiskFlag | null;
  readonly strength: number;
  /** `kind:target:pattern`. */
  readonly ruleId: string;
  /** The written cue this generated form comes from (see expand.ts), or undefined for a written pattern. */
  readonly base: string | undefined;
  /** A cue that counts only in seller and agent notes (`^`). */
  readonly noteOnly: boolean;
}

interface Compiled {
  readonly matcher: PatternMatcher;
  readonly patterns: readonly string[];
  readonly entries: readonly (readonly Entry[])[];
  readonly layers: Uint8Array;
}

const LAYER_OF: Record<Entry['kind'], number> = {
  cue: LAYER_CUE,
  polarity: LAYER_CUE,
  negative_evidence: LAYER_CUE,
  neutral: LAYER_CUE,
  negator: LAYER_NEGATOR,
  pseudo_negation: LAYER_PSEUDO,
  terminator: LAYER_TERMINATOR,
  risk: LAYER_RISK,
};

/** Splits a `|` list into its patterns with their markers (`^` notes only, `~` weak, `!` polarity, `*` stem). */
export function parsePatternList(list: string): Array<{ text: string; weak: boolean; polarity: boolean; stem: boolean; noteOnly: boolean }> {
  return list
    .split('|')
    .filter((raw) => raw !== '')
    .map((raw) => {
      let text = raw;
      const noteOnly = text.startsWith('^');
      if (noteOnly) text = text.slice(1);
      const weak = text.startsWith('~');
      if (weak) text = text.slice(1);
      const polarity = text.startsWith('!');
      if (polarity) text = text.slice(1);
      const stem = text.endsWith('*');
      if (stem) text = text.slice(0, -1);
      return { text, weak, polarity, stem, noteOnly };
    });
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled !== undefined) return compiled;
  const index = new Map<string, number>();
  const patterns: string[] = [];
  const entries: Entry[][] = [];
  const layers: number[] = [];
  const stems = new Set<number>();
  const put = (text: string, stem: boolean, kind: Entry['kind'], target: CueTarget | null, flag: RiskFlag | null, strength: number, base: string | undefined, noteOnly = false): void => {
    let i = index.get(text);
    if (i === undefined) {
      i = patterns.length;
      index.set(text, i);
      patterns.push(text);
      entries.push([]);
      layers.push(0);
    }
    if (stem) stems.add(i);
    (entries[i] as Entry[]).push({ kind, target, flag, strength, ruleId: `${kind}:${target ?? flag ?? '-'}:${text}`, base, noteOnly });
    layers[i] = (layers[i] as number) | LAYER_OF[kind];
  };
  const add = (list: string, kind: Entry['kind'], target: CueTarget | null, flag: RiskFlag | null): void => {
    for (const p of parsePatternList(list)) {
      const k = kind === 'cue' && p.polarity ? 'polarity' : kind;
      put(p.text, p.stem, k, target, flag, k === 'cue' || k === 'polarity' ? (p.weak ? 0.6 : 1) : 0, undefined, p.noteOnly);
    }
  };
  const cueLists = Object.entries(CUES) as Array<[CueTarget, string]>;
  const evidenceLists = Object.entries(NEGATIVE_EVIDENCE) as Array<[CueTarget, string]>;
  for (const [target, list] of cueLists) add(list, 'cue', target, null);
  for (const [target, list] of evidenceLists) add(list, 'negative_evidence', target, null);
  add(NEUTRAL, 'neutral', null, null);
  add(NEGATORS, 'negator', null, null);
  // Negators typed without the apostrophe (doesnt, couldnt), unless written otherwise.
  for (const p of parsePatternList(NEGATORS)) if (p.text.includes("'") && !index.has(p.text.replace(/'/g, ''))) put(p.text.replace(/'/g, ''), false, 'negator', null, null, 0, p.text);
  add(PSEUDO_NEGATIONS, 'pseudo_negation', null, null);
  add(TERMINATORS, 'terminator', null, null);
  for (const [flag, list] of Object.entries(RISKS) as Array<[RiskFlag, string]>) add(list, 'risk', null, flag);
  // Generated forms of cues and negative evidence (expand.ts), after every written pattern, so
  // that a written pattern always wins over a generated form of the same text.
  const written = new Set(index.keys());
  const families = parseFamilies(VARIANTS);
  const typos = parseTypos(TYPOS);
  const generated = new Set<string>();
  for (const [lists, kind] of [
    [cueLists, 'cue'],
    [evidenceLists, 'negative_evidence'],
  ] as const) {
    for (const [target, list] of lists) {
      for (const p of parsePatternList(list)) {
        const k = kind === 'cue' && p.polarity ? 'polarity' : kind;
        for (const form of expandCue(p.text, families, typos)) {
          const key = `${k}:${target}:${form}`;
          if (written.has(form) || generated.has(key)) continue;
          generated.add(key);
          put(form, p.stem, k, target, null, k === 'cue' || k === 'polarity' ? (p.weak ? 0.6 : 1) : 0, p.text, p.noteOnly);
        }
      }
    }
  }
  compiled = { matcher: new PatternMatcher(patterns, stems), patterns, entries, layers: Uint8Array.from(layers) };
  return compiled;
}

/** Every pattern of the built-in lexicon with its kind and target, for tests and documentation. */
export function lexiconPatterns(): Array<{ pattern: string; kind: Entry['kind']; target: CueTarget | null; flag: RiskFlag | null; strength: number; variantOf?: string }> {
  const c = compile();
  return c.patterns.flatMap((pattern, i) => (c.entries[i] as Entry[]).map((e) => ({ pattern, kind: e.kind, target: e.target, flag: e.flag, strength: e.strength, ...(e.base === undefined ? {} : { variantOf: e.base }) })));
}

function isLatin(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Past this many characters between a negator and a cue, nothing can be in the window. */
const MAX_GAP_CHARS = 40;
/** CHANGED_MIND cues that say the buyer dislikes something (the dislike rule in runEngine). */
const DISLIKE = /* @__PURE__ */ new Set(['喜欢', '满意', '不满意', '不太满意', 'like']);
/** Codes whose weak cues name an aspect of the goods (see the dislike rule in runEngine). */
const TOPIC_CODES = /* @__PURE__ */ new Set<ReasonCode>(['COLOR_STYLE', 'SIZE_FIT', 'QUALITY_DEFECT', 'NOT_AS_DESCRIBED']);

/** The union of the ranges of `lists`, as sorted disjoint [start, end) pairs flattened. */
function mergeRanges(lists: ReadonlyArray<readonly PatternMatch[]>, textLength: number): number[] {
  const ranges: PatternMatch[] = [];
  for (const list of lists) for (const m of list) ranges.push(m);
  if (ranges.length >= 64) {
    // Linear for long texts: mark, then read the runs.
    const covered = new Uint8Array(textLength + 1);
    for (const m of ranges) covered.fill(1, m.start, m.end);
    const runs: number[] = [];
    for (let i = 0; i < textLength; i++) {
      if (covered[i] === 1 && (i === 0 || covered[i - 1] === 0)) runs.push(i);
      if (covered[i] === 1 && covered[i + 1] === 0) runs.push(i + 1);
    }
    return runs;
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: number[] = [];
  for (const m of ranges) {
    const last = merged.length - 1;
    if (last > 0 && m.start <= (merged[last] as number)) merged[last] = Math.max(merged[last] as number, m.end);
    else merged.push(m.start, m.end);
  }
  return merged;
}

/** Whether `m` overlaps one of the merged ranges (binary search). */
function overlapsRanges(merged: readonly number[], m: PatternMatch): boolean {
  let lo = 0;
  let hi = merged.length / 2;
  // First range whose end is after m.start.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((merged[2 * mid + 1] as number) <= m.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < merged.length / 2 && (merged[2 * lo] as number) < m.end;
}

/** The matches of `list` that overlap none of the merged ranges. */
function outside(list: readonly PatternMatch[], merged: readonly number[]): PatternMatch[] {
  const kept: PatternMatch[] = [];
  for (const m of list) if (!overlapsRanges(merged, m)) kept.push(m);
  return kept;
}

/** The clause of each match's start. */
function clausesOf(bounds: readonly number[], list: readonly PatternMatch[]): number[] {
  const out: number[] = [];
  for (const m of list) out.push(clauseOf(bounds, m.start));
  return out;
}

/** The clause of `pos`: how many boundaries lie at or before it (binary search). */
function clauseOf(bounds: readonly number[], pos: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bounds[mid] as number) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Size of the gap between a negator and what follows it: words for Latin text, characters otherwise (spaces not counted). */
function gapSize(text: string, from: number, to: number): number {
  let latin = isLatin(text.charCodeAt(from - 1)) || isLatin(text.charCodeAt(to));
  for (let i = from; i < to && !latin; i++) latin = isLatin(text.charCodeAt(i));
  let size = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10;
    if (!latin) {
      if (!space) size++;
    } else if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      size++;
    }
  }
  return size;
}

/**
 * Whether a dislike was said in clause `cl`, or, for the taste and fit codes (colour, style, size),
 * in a neighbouring clause separated from it by punctuation only (颜色偏暗，不太喜欢); a
 * contrastive connective (但是, but) keeps them apart.
 * Clause k and k + 1 are separated by `bounds[k]`; `soft` holds the indexes of punctuation bounds.
 */
function dislikeNear(dislikeClauses: ReadonlySet<number>, soft: ReadonlySet<number>, cl: number, code: ReasonCode): boolean {
  if (dislikeClauses.size === 0) return false;
  if (dislikeClauses.has(cl)) return true;
  if (code !== 'COLOR_STYLE' && code !== 'SIZE_FIT') return false;
  return (dislikeClauses.has(cl + 1) && soft.has(cl)) || (cl > 0 && dislikeClauses.has(cl - 1) && soft.has(cl - 1));
}

/** The order state given to the classifier, used to resolve `NOT_RECEIVED`. */
export type EngineState = 'unshipped' | 'shipped' | 'received' | undefined;

/** What the engine found in one normalised text. */
export interface EngineResult {
  readonly hits: RefundHit[];
  /** Per code: the sum and the maximum of the strengths of the cues that count, and their distinct patterns. */
  readonly scores: Map<ReasonCode, { score: number; max: number; patterns: Set<string> }>;
  readonly riskFlags: Set<RiskFlag>;
}

function resolveTarget(target: CueTarget, state: EngineState): ReasonCode {
  if (target !== 'NOT_RECEIVED') return target;
  if (state === 'unshipped') return 'LATE_SHIPMENT';
  if (state === 'received') return 'LOST_PARCEL';
  return 'DELIVERY_DELAY';
}

/**
 * Runs the lexicon over a normalised text. `ignoreAbuse`: abuse cues count for nothing (buyer text).
 * `inNote`: the text is a seller's or an agent's note, where the cues marked `^` count too.
 *
 * 1. One Aho–Corasick pass finds every occurrence of every pattern.
 * 2. Cues, negative evidence and neutral words: leftmost-longest, so atomic cues that contain a
 *    negator (没收到, 不合身) win over the negator.
 * 3. Negators that overlap a pseudo-negation, a chosen cue or a risk pattern are void.
 * 4. Clauses end at punctuation and at contrastive connectives (但是, but).
 * 5. Each negator negates the nearest following item of the cue layer in its clause, at most 4
 *    characters (3 words) away; a polarity cue counts only when so negated, at most 2 away.
 * 6. Negative evidence that is not negated silences its code in its clause.
 * 7. A wrong address or a refused delivery explains "not received": those hits do not count.
 *
 * The automaton holds the written patterns and the forms expand.ts generates from the cues
 * (word families, aspect markers, apostrophes, typing slips), built once on first use.
 */
export function runEngine(text: string, state: EngineState, ignoreAbuse: boolean, inNote = false): EngineResult {
  const c = compile();
  const hits: RefundHit[] = [];
  const scores = new Map<ReasonCode, { score: number; max: number; patterns: Set<string> }>();
  const riskFlags = new Set<RiskFlag>();
  const all = c.matcher.findAll(text);
  if (all.length === 0) return { hits, scores, riskFlags };

  const cueRaw: PatternMatch[] = [];
  const negRaw: PatternMatch[] = [];
  const pseudo: PatternMatch[] = [];
  const termRaw: PatternMatch[] = [];
  const riskRaw: PatternMatch[] = [];
  for (const m of all) {
    const layer = c.layers[m.pattern] as number;
    if ((layer & LAYER_CUE) !== 0) cueRaw.push(m);
    if ((layer & LAYER_NEGATOR) !== 0) negRaw.push(m);
    if ((layer & LAYER_PSEUDO) !== 0) pseudo.push(m);
    if ((layer & LAYER_TERMINATOR) !== 0) termRaw.push(m);
    if ((layer & LAYER_RISK) !== 0) riskRaw.push(m);
  }
  const n = text.length;
  const cues = leftmostLongest(cueRaw, n);
  const risks = leftmostLongest(riskRaw, n);
  let negators = negRaw;
  if (negRaw.length > 0) {
    const blocked = mergeRanges([pseudo, cues, riskRaw], n);
    negators = leftmostLongest(outside(negRaw, blocked), n);
  }
  let terminators = termRaw;
  if (termRaw.length > 0) {
    const blocked = mergeRanges([cues], n);
    terminators = leftmostLongest(outside(termRaw, blocked), n);
  }

  // Clause boundaries, ascending: delimiters, and the start of each terminator.
  const bounds: number[] = [];
  // Indexes in `bounds` of the boundaries that are punctuation (not a contrastive connective).
  const soft = new Set<number>();
  let t = 0;
  // Punctuation that ends a clause (after normalisation: ASCII, plus 。、 and …); a plain
  // character class, so no backtracking. A fresh regex per call: no shared lastIndex.
  const delimiter = /[\n!,./:;?|~\u2026\u3001\u3002]/g;
  for (let d = delimiter.exec(text); ; d = delimiter.exec(text)) {
    const at = d === null ? n : d.index;
    while (t < terminators.length && (terminators[t] as PatternMatch).start <= at) {
      const start = (terminators[t++] as PatternMatch).start;
      if (bounds[bounds.length - 1] !== start) bounds.push(start);
    }
    if (d === null) break;
    if (bounds[bounds.length - 1] !== at) {
      soft.add(bounds.length);
      bounds.push(at);
    }
  }

  // Pass 1: each negator negates the nearest following item of the cue layer in its clause.
  const cueClause = clausesOf(bounds, cues);
  const negClause = clausesOf(bounds, negators);
  const negatedBy: Array<PatternMatch | undefined> = [];
  const negatedGap: number[] = [];
  const negatorUse: Array<string | undefined> = [];
  let next = 0;
  let pending = -1;
  for (let j = 0; j < cues.length; j++) {
    const cue = cues[j] as PatternMatch;
    while (next < negators.length && (negators[next] as PatternMatch).end <= cue.start) pending = next++;
    if (pending < 0) continue;
    const neg = negators[pending] as PatternMatch;
    if (negClause[pending] !== cueClause[j] || cue.start - neg.end > MAX_GAP_CHARS) {
      pending = -1;
      continue;
    }
    const gap = gapSize(text, neg.end, cue.start);
    if (gap <= (isLatin(text.charCodeAt(cue.start)) ? 3 : 4)) {
      negatedBy[j] = neg;
      negatedGap[j] = gap;
      negatorUse[pending] = c.patterns[cue.pattern] as string;
      pending = -1;
    }
  }

  // Pass 2: negative evidence that is not itself negated silences its code in its clause.
  let silenced: Map<string, string> | undefined;
  for (let j = 0; j < cues.length; j++) {
    if (negatedBy[j] !== undefined) continue;
    const cue = cues[j] as PatternMatch;
    for (const e of c.entries[cue.pattern] as Entry[]) {
      if (e.kind === 'negative_evidence') (silenced ??= new Map()).set(`${cueClause[j]}:${e.target}`, c.patterns[cue.pattern] as string);
    }
  }

  // Pass 3: hits.
  let lostEvidence = false;
  let nonReceiptCause: ReasonCode | undefined;
  const dislikeClauses = new Set<number>();
  for (let j = 0; j < cues.length; j++) {
    const cue = cues[j] as PatternMatch;
    const pattern = c.patterns[cue.pattern] as string;
    const cl = cueClause[j] as number;
    const negator = negatedBy[j];
    const negatorText = negator === undefined ? '' : text.slice(negator.start, negator.end);
    for (const e of c.entries[cue.pattern] as Entry[]) {
      if (LAYER_OF[e.kind] !== LAYER_CUE) continue;
      const code = e.target === null ? null : resolveTarget(e.target, state);
      let note: string | undefined;
      let counted = false;
      if (e.kind === 'neutral') note = 'neutral word';
      else if (e.kind === 'negative_evidence') note = negator === undefined ? `silences ${e.target} in clause ${cl}` : `negated by ${negatorText}: ignored`;
      else if (e.kind === 'polarity') {
        if (negator === undefined || (negatedGap[j] as number) > 2) note = 'positive word without a negator: names nothing';
        else counted = true;
      } else if (negator !== undefined) note = `negated by ${negatorText}`;
      else counted = true;
      if (counted && silenced !== undefined && silenced.has(`${cl}:${e.target}`)) {
        counted = false;
        note = `silenced by ${silenced.get(`${cl}:${e.target}`)}`;
      }
      if (counted && e.noteOnly && !inNote) {
        counted = false;
        note = 'counts in seller and agent notes only';
      }
      if (counted && code === 'SUSPECTED_ABUSE' && ignoreAbuse) {
        counted = false;
        note = 'abuse cue in buyer text: raises a risk flag only';
      }
      if (counted) {
        if (e.target === 'NOT_RECEIVED') note = `not received, order state ${state ?? 'unknown'}: ${code}`;
        else if (e.kind === 'polarity') note = `${negatorText} + ${pattern}`;
        if (code === 'LOST_PARCEL') lostEvidence = true;
        if (code === 'CHANGED_MIND' && DISLIKE.has(e.base ?? pattern)) dislikeClauses.add(cl);
        if ((code === 'ADDRESS_ERROR' || code === 'REFUSED_DELIVERY') && e.strength === 1) nonReceiptCause = code;
      }
      const hit: RefundHit = { ruleId: e.ruleId, kind: e.kind as HitKind, code, riskFlag: null, pattern, start: cue.start, end: cue.end, clause: cl, strength: e.strength, counted };
      hits.push(note === undefined ? (e.base === undefined ? hit : { ...hit, variantOf: e.base }) : e.base === undefined ? { ...hit, note } : { ...hit, note, variantOf: e.base });
    }
  }
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as RefundHit;
    if (!h.counted || h.code === null) continue;
    // A wrong address or a refusal explains why the parcel did not arrive: "not received" is its
    // consequence, not a second reason (地址写错了，收不到).
    if (nonReceiptCause !== undefined && h.note !== undefined && h.note.startsWith('not received')) {
      hits[i] = { ...h, counted: false, note: `not received, explained by ${nonReceiptCause}` };
    } else if (lostEvidence && h.note !== undefined && h.note.startsWith('not received') && h.code !== 'LOST_PARCEL') {
      hits[i] = { ...h, code: 'LOST_PARCEL', note: 'not received, and the text says it was delivered: LOST_PARCEL' };
    } else if (h.strength < 1 && TOPIC_CODES.has(h.code) && dislikeNear(dislikeClauses, soft, h.clause, h.code)) {
      // Dislike aimed at an aspect names the aspect (颜色不太喜欢, 对质量不满意, 颜色偏暗，不喜欢).
      hits[i] = { ...h, strength: 1, note: `weak cue made strong by a dislike in ${dislikeClauses.has(h.clause) ? 'its' : 'the neighbouring'} clause` };
    }
  }
  for (const h of hits) {
    if (!h.counted || h.code === null) continue;
    let s = scores.get(h.code);
    if (s === undefined) {
      s = { score: 0, max: 0, patterns: new Set<string>() };
      scores.set(h.code, s);
    }
    s.score += h.strength;
    if (h.strength > s.max) s.max = h.strength;
    s.patterns.add(h.pattern);
  }

  const cueHits = hits.length;
  for (let i = 0; i < negators.length; i++) {
    const m = negators[i] as PatternMatch;
    const used = negatorUse[i];
    const pattern = c.patterns[m.pattern] as string;
    hits.push({ ruleId: `negator:-:${pattern}`, kind: 'negator', code: null, riskFlag: null, pattern, start: m.start, end: m.end, clause: negClause[i] as number, strength: 0, counted: used !== undefined, note: used === undefined ? 'negates nothing in reach' : `negates ${used}` });
  }
  if (negRaw.length > 0) {
    for (const m of leftmostLongest(pseudo, n)) {
      const pattern = c.patterns[m.pattern] as string;
      hits.push({ ruleId: `pseudo_negation:-:${pattern}`, kind: 'pseudo_negation', code: null, riskFlag: null, pattern, start: m.start, end: m.end, clause: clauseOf(bounds, m.start), strength: 0, counted: false, note: 'negator look-alike: negates nothing' });
    }
  }

  // Risks: raised unless a negator stands right before them, at most 2 characters or words away (我不会给差评).
  let r = 0;
  let last = -1;
  for (const m of risks) {
    while (r < negators.length && (negators[r] as PatternMatch).end <= m.start) last = r++;
    const pattern = c.patterns[m.pattern] as string;
    const cl = clauseOf(bounds, m.start);
    const neg = last < 0 ? undefined : (negators[last] as PatternMatch);
    const negated = neg !== undefined && negClause[last] === cl && m.start - neg.end <= MAX_GAP_CHARS && gapSize(text, neg.end, m.start) <= 2;
    for (const e of c.entries[m.pattern] as Entry[]) {
      if (e.kind !== 'risk' || e.flag === null) continue;
      if (!negated) riskFlags.add(e.flag);
      const hit: RefundHit = { ruleId: e.ruleId, kind: 'risk', code: null, riskFlag: e.flag, pattern, start: m.start, end: m.end, clause: cl, strength: 0, counted: !negated };
      hits.push(negated && neg !== undefined ? { ...hit, note: `negated by ${text.slice(neg.start, neg.end)}` } : hit);
    }
  }
  // Each kind's hits are in text order already: merge them (linear) rather than sort.
  return { hits: hits.length === cueHits ? hits : mergeByPosition(hits, cueHits), scores, riskFlags };
}

function byPosition(a: RefundHit, b: RefundHit): number {
  return a.start - b.start || b.end - a.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Merges runs of hits that are each in text order (cue layer first, then negators, pseudo-negations, risks). */
function mergeByPosition(hits: readonly RefundHit[], firstRunEnd: number): RefundHit[] {
  // Split into ascending runs, then merge pairwise.
  let runs: RefundHit[][] = [];
  let run: RefundHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as RefundHit;
    const prev = run[run.length - 1];
    if (prev !== undefined && (i === firstRunEnd || byPosition(prev, h) > 0)) {
      runs.push(run);
      run = [];
    }
    run.push(h);
  }
  runs.push(run);
  while (runs.length > 1) {
    const next: RefundHit[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const a = runs[i] as RefundHit[];
      const b = runs[i + 1];
      if (b === undefined) {
        next.push(a);
        continue;
      }
      const merged: RefundHit[] = [];
      let x = 0;
      let y = 0;
      while (x < a.length && y < b.length) merged.push(byPosition(a[x] as RefundHit, b[y] as RefundHit) <= 0 ? (a[x++] as RefundHit) : (b[y++] as RefundHit));
      while (x < a.length) merged.push(a[x++] as RefundHit);
      while (y < b.length) merged.push(b[y++] as RefundHit);
      next.push(merged);
    }
    runs = next;
  }
  return runs[0] ?? [];
}

import { T2S_SOURCES, T2S_TARGETS } from './t2s-table.ts';

let table: Uint16Array | undefined;

/**
 * Hong Kong Cantonese function characters folded to their Mandarin equivalents, in pairs (冇 → 没,
 * 咗 → 了, 唔 → 不, 係 → 是, 畀 → 给, 撳 → 按 (press), 搽 → 涂 (apply), 揾 → 找 (look for), 啲 → 点
 * (a little: 有啲大 → 有点大), 嘢 → 货 (thing: 假嘢 → 假货) …), so that the lexicon's Mandarin cues
 * match 壞咗, 冇貨, 唔係正貨, 撳錯.
 * One character for one, like the script table, and never onto a character that is itself folded.
 * 係 is also the traditional form of 系 in 關係: the pseudo-negation list spells 没关是 for that.
 *
 * @example
 * ```ts
 * toSimplified('冇貨，壞咗'); // '没货，坏了'
 * ```
 */
export const CANTONESE_FOLD = '冇没咗了唔不嘅的係是喺在嚟来哋们睇看攞拿俾给畀给佢他嗰那撳按揿按搽涂嘢货啲点揾找搵找';

/** The decoded table: index = traditional UTF-16 code unit, value = its simplified form (0: unchanged). Built on first use. */
function t2sTable(): Uint16Array {
  if (table !== undefined) return table;
  const built = new Uint16Array(0x10000);
  const sources = T2S_SOURCES.split(',');
  const targets = T2S_TARGETS.split(',');
  let source = 0;
  let target = 0;
  for (let i = 0; i < sources.length; i++) {
    source += parseInt(sources[i] as string, 36);
    const step = targets[i] as string;
    target += step.charCodeAt(0) === 45 ? -parseInt(step.slice(1), 36) : parseInt(step, 36);
    built[source] = target;
  }
  for (let i = 0; i + 1 < CANTONESE_FOLD.length; i += 2) built[CANTONESE_FOLD.charCodeAt(i)] = CANTONESE_FOLD.charCodeAt(i + 1);
  table = built;
  return built;
}

/**
 * Traditional (Taiwan, Hong Kong or standard) Chinese to simplified, one character at a time,
 * with the table generated from OpenCC (see `t2s-table.ts`), plus {@link CANTONESE_FOLD}. The table covers the traditional
 * forms of every character the lexicon uses, which is all that matching needs; other characters,
 * and everything that is not Chinese, pass through unchanged; the length never changes.
 * Vocabulary that differs between regions (品質/质量, 出貨/发货) is left to the lexicon's synonyms.
 *
 * @example
 * ```ts
 * toSimplified('品質問題，寄錯貨了'); // '品质问题，寄错货了'
 * ```
 */
export function toSimplified(text: string): string {
  const t = t2sTable();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const s = t[c] as number;
    if (s === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(s);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

import { toSimplified } from './t2s.ts';

// Emoji and invisible characters: pictographs, skin tones, regional indicators (flags), variation
// selectors, the keycap mark, and every format character (ZWJ, zero-width space, BOM, bidi marks, tags).
const INVISIBLE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}\uFE00-\uFE0F\u20E3\u{E0100}-\u{E01EF}\p{Cf}]/gu;
const LONE_SURROGATE = /[\ud800-\udfff]/;
const NON_ASCII = /[^\x00-\x7f]/;
// Runs of white space and control characters.
const SPACE_RUN = /[\s\p{Cc}]+/gu;
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
// Typographic apostrophes (phones type ’ in doesn’t): the ASCII one, so that English cues match.
const APOSTROPHE = /[\u2018\u2019\u02bc]/g;
// A space between two Chinese characters (people type 质 量 差): removed.
const SPACE_IN_HAN = /([\p{Script=Han}\u3001\u3002]) (?=[\p{Script=Han}\u3001\u3002])/gu;

/** Lone surrogates become U+FFFD, so that every later step sees well-formed text. */
function wellFormed(text: string): string {
  if (!LONE_SURROGATE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] as string;
        out += text[i + 1] as string;
        i++;
        continue;
      }
      out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\ufffd';
    } else {
      out += text[i] as string;
    }
  }
  return out;
}

/** @internal The general path, exported for the test that compares both paths. */
export function normalizeSlow(text: string): string {
  let s = wellFormed(text).replace(INVISIBLE, '').normalize('NFKC');
  const lower = s.toLowerCase();
  s = lower !== s && NON_ASCII.test(lower) ? lower.normalize('NFKC') : lower;
  s = toSimplified(s).replace(APOSTROPHE, "'");
  s = s.replace(SPACE_RUN, (run) => (LINE_BREAK.test(run) ? '\n' : ' '));
  return s.replace(SPACE_IN_HAN, '$1').trim();
}

/**
 * The text the classifier matches on, and the text every hit's span refers to. In order:
 * lone surrogates become U+FFFD; emoji (with skin tones, flags, ZWJ sequences, keycaps) and
 * invisible format characters are removed; Unicode NFKC folds full-width letters, digits,
 * punctuation and the ideographic space to ASCII (it also rewrites ① as 1 and ㎏ as kg);
 * typographic apostrophes (’ ‘ ʼ) become `'`;
 * Latin letters are lowercased (locale-independent); traditional characters become simplified
 * (one character at a time, with a table from OpenCC that covers every character the lexicon
 * uses); runs of white space become one space, or one line break when they
 * contain one; a space between two Chinese characters is removed; the ends are trimmed. `。` and
 * `、` are kept: they end clauses. Total on every string and idempotent:
 * `normalizeRefundText(normalizeRefundText(x)) === normalizeRefundText(x)`.
 *
 * @example
 * ```ts
 * normalizeRefundText('  質 量 太差了😡！ ＮＯＴ ＷＯＲＫＩＮＧ '); // '质量太差了! not working'
 * ```
 */
export function normalizeRefundText(text: string): string {
  return plainForm(text) ?? normalizeSlow(text);
}

/**
 * The same result as the general path, for the common text made only of printable ASCII, the
 * space, CJK unified ideographs, 、。 and full-width ASCII forms: no regular expression, no NFKC
 * call. Returns undefined for any other text. (A test checks both paths agree.)
 */
function plainForm(text: string): string | undefined {
  let needsWork = false;
  let hasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      if (c >= 65 && c <= 90) needsWork = true;
    } else if (c === 0x20) hasSpace = true;
    else if ((c >= 0x4e00 && c <= 0x9fff) || c === 0x3001 || c === 0x3002) needsWork = true;
    else if (c >= 0xff01 && c <= 0xff5e) needsWork = true;
    else return undefined;
  }
  if (!needsWork && !hasSpace) return text;
  let s = text;
  if (needsWork) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      if (c >= 65 && c <= 90) c += 32;
      out += String.fromCharCode(c);
    }
    s = toSimplified(out);
  }
  if (!hasSpace) return s;
  return s.replace(/ {2,}/g, ' ').replace(SPACE_IN_HAN, '$1').trim();
}

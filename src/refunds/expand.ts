// Lexicon expansion: the general rules that turn each written cue into the other ways people write
// it, when the automaton is built (never per text). The lexicon stays small (the bundle ships the
// written cues and the rules, not the product), and a cue added once is found in every form:
//
// 1. Word families (`VARIANTS` in lexicon.ts): regional and colloquial words (Hong Kong 速递 for
//    快递, 钟意 for 喜欢, Taiwan 出货 for 发货), English inflections (break, broke, broken),
//    spelling (colour, color) and synonyms (coupon, promo code). At most two words of a cue are
//    replaced, so 跟我买的不一样 also gives 同我选的不一样.
// 2. Chinese aspect markers: a two-character verb-object cue also matches with 了 (or its
//    Cantonese fold of 咗) or Cantonese 晒 ("all, completely") inside it (过期 → 过了期, 没货 →
//    没晒货; after a negator only 晒, since 没了发 is not 没发); a cue ending in 了 also ends in 晒
//    (碎了 → 碎晒); a potential complement also matches with 太 (用不到 → 用不太到).
// 3. Apostrophes: an English cue with an apostrophe also matches without it (doesn't → doesnt).
//    English inflections stay bare after an auxiliary (doesn't fit, never doesn't fits).
// 4. Typing slips (`TYPOS` in lexicon.ts): one character of a Chinese cue of three characters
//    or more replaced by a homophone the pinyin keyboard offers first (地址填错 → 地址填措). Shorter
//    cues are left alone: a two-character slip is too often another word (开胶 → 开交 in 不可开交).
//
// A generated form never replaces a written pattern: when a form is already written anywhere in
// the lexicon (as a cue of any code, a negator, a neutral word …), the written one wins.

/**
 * The word families, indexed for expansion: per first character, the members that start with it
 * (longest first), each with every member it may be replaced by. A word in two families (ordered:
 * an inflection of order, and a synonym of picked) takes the replacements of both.
 *
 * @example
 * ```ts
 * const families: Families = parseFamilies('color/colour');
 * ```
 */
export type Families = ReadonlyMap<string, ReadonlyArray<{ readonly member: string; readonly options: readonly string[]; readonly inflection: boolean }>>;

/** At most this many words of one cue are replaced by family members. */
const MAX_REPLACED = 2;
/** At most this many forms per written cue (a bound on the automaton's size). */
const MAX_FORMS = 64;
/** First characters after which 了 does not mark the aspect of the cue's verb. */
const NEGATING = '不没无未非别';

/** Words after which an English verb stays in its bare form. */
const BARE_AFTER = /(?:^|[^a-z'])(?:do|does|did|don't|doesn't|didn't|won't|can't|cannot|couldn't|wouldn't|shouldn't|not|to|will|would|can|could|should|must|may|might) $/;
const isLatinUnit = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/.test(c);
const isHan = (c: string | undefined): boolean => c !== undefined && c >= '\u3400' && c <= '\u9fff';

/**
 * Parses the family syntax: groups separated by `|`; in a group, `a/b/c` makes every member stand
 * for every other, `a>b,c` lets `a` stand for `b` and `c` only (one way), and `a+b+c` lists the
 * inflections of an English word (each stands for every other, except right after an auxiliary
 * such as doesn't or to, where the verb stays bare).
 *
 * @example
 * ```ts
 * parseFamilies('跟/和|质量>质素').get('跟'); // [{ member: '跟', options: ['和'], inflection: false }]
 * ```
 */
export function parseFamilies(spec: string): Families {
  const merged = new Map<string, { options: string[]; inflection: boolean }>();
  const offer = (member: string, options: readonly string[], inflection: boolean): void => {
    const known = merged.get(member) ?? { options: [], inflection };
    for (const o of options) if (o !== member && !known.options.includes(o)) known.options.push(o);
    merged.set(member, known);
  };
  for (const group of spec.split('|')) {
    if (group === '') continue;
    const arrow = group.indexOf('>');
    const sep = group.includes('+') ? '+' : '/';
    if (arrow >= 0) offer(group.slice(0, arrow), group.slice(arrow + 1).split(','), false);
    else for (const m of group.split(sep)) offer(m, group.split(sep), sep === '+');
  }
  const index = new Map<string, Array<{ member: string; options: readonly string[]; inflection: boolean }>>();
  for (const [member, { options, inflection }] of merged) {
    const first = member[0] as string;
    const list = index.get(first) ?? [];
    list.push({ member, options, inflection });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.member.length - a.member.length);
  return index;
}

/** A place in a cue where a family member stands: [start, end) and what may replace it. */
interface Slot {
  readonly start: number;
  readonly end: number;
  readonly options: readonly string[];
}

/** Whether `member` may stand at `at` in `text`: Latin members only as whole words. */
function fitsAt(text: string, member: string, at: number): boolean {
  if (!text.startsWith(member, at)) return false;
  if (isLatinUnit(member[0]) && isLatinUnit(text[at - 1])) return false;
  if (isLatinUnit(member[member.length - 1]) && isLatinUnit(text[at + member.length])) return false;
  return true;
}

/** The places of family members in `text`: left to right, the longest member at each place. */
function slotsOf(text: string, families: Families): Slot[] {
  const slots: Slot[] = [];
  for (let at = 0; at < text.length; ) {
    let best: Slot | undefined;
    let inflection = false;
    for (const entry of families.get(text[at] as string) ?? []) {
      if (fitsAt(text, entry.member, at)) {
        best = { start: at, end: at + entry.member.length, options: entry.options };
        inflection = entry.inflection;
        break;
      }
    }
    if (best === undefined) at++;
    else {
      // After an auxiliary the verb stays bare (doesn't fit, not doesn't fits): the slot is kept as written.
      if (!inflection || !BARE_AFTER.test(text.slice(0, at))) slots.push(best);
      at = best.end;
    }
  }
  return slots;
}

/** Every way of replacing at most MAX_REPLACED slots of `text` (the text itself excluded). */
function familyForms(text: string, families: Families): string[] {
  const slots = slotsOf(text, families);
  const out: string[] = [];
  const walk = (i: number, from: number, prefix: string, left: number): void => {
    if (out.length >= MAX_FORMS) return;
    if (i === slots.length) {
      if (left < MAX_REPLACED) out.push(prefix + text.slice(from));
      return;
    }
    const slot = slots[i] as Slot;
    walk(i + 1, from, prefix, left);
    if (left === 0) return;
    for (const option of slot.options) walk(i + 1, slot.end, prefix + text.slice(from, slot.start) + option, left - 1);
  };
  walk(0, 0, '', MAX_REPLACED);
  return out;
}

/** Aspect-marker and degree-adverb forms of a Chinese cue (rule 2). */
function aspectForms(text: string): string[] {
  const out: string[] = [];
  const [a, b, c] = [text[0], text[1], text[2]];
  if (text.length === 2 && isHan(a) && isHan(b) && a !== '了' && b !== '了' && a !== '晒' && b !== '晒') {
    // After a negator, 了 would read as "gone" (没了发 is not 没发): only 晒 (没晒货, all sold out).
    if (!NEGATING.includes(a as string)) out.push(`${a}了${b}`);
    out.push(`${a}晒${b}`);
  }
  if (text.length >= 2 && text.endsWith('了') && isHan(text[text.length - 2])) out.push(`${text.slice(0, -1)}晒`);
  if (text.length === 3 && isHan(a) && b === '不' && isHan(c)) out.push(`${a}不太${c}`);
  return out;
}

/** Typing-slip forms of a Chinese cue of three characters or more: one character replaced (rule 4). */
function typoForms(text: string, typos: ReadonlyMap<string, readonly string[]>): string[] {
  let han = 0;
  for (const ch of text) if (isHan(ch)) han++;
  if (han < 3) return [];
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const slip of typos.get(text[i] as string) ?? []) out.push(text.slice(0, i) + slip + text.slice(i + 1));
  }
  return out;
}

/**
 * Parses the typing-slip table: groups `字>slip,slip` separated by `|`.
 *
 * @example
 * ```ts
 * parseTypos('错>措').get('错'); // ['措']
 * ```
 */
export function parseTypos(spec: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const group of spec.split('|')) {
    const arrow = group.indexOf('>');
    if (arrow > 0) map.set(group.slice(0, arrow), group.slice(arrow + 1).split(','));
  }
  return map;
}

/**
 * The other forms of one written cue under rules 1 to 4, without the cue itself and without
 * duplicates, at most MAX_FORMS of them. Pure: the same cue always gives the same forms, in the
 * same order.
 *
 * @example
 * ```ts
 * expandCue('过期', parseFamilies(''), new Map()); // ['过了期', '过晒期']
 * ```
 */
export function expandCue(text: string, families: Families, typos: ReadonlyMap<string, readonly string[]>): string[] {
  const forms = new Set<string>();
  const base = [text, ...familyForms(text, families)];
  for (const form of base) {
    forms.add(form);
    for (const aspect of aspectForms(form)) forms.add(aspect);
    if (form.includes("'")) forms.add(form.replace(/'/g, ''));
  }
  for (const slip of typoForms(text, typos)) forms.add(slip);
  forms.delete(text);
  const out: string[] = [];
  for (const form of forms) {
    if (form.length >= 2 && out.length < MAX_FORMS) out.push(form);
  }
  return out;
}

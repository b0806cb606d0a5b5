// The lexicon expansion of lexicon 2026.11.3 (expand.ts): word families, aspect markers,
// apostrophes and typing slips, each as a unit, then as the classifier sees them.
import { describe, expect, it } from 'vitest';
import { classifyRefundReason } from './classify.ts';
import { lexiconPatterns } from './engine.ts';
import { expandCue, parseFamilies, parseTypos } from './expand.ts';
import { TYPOS, VARIANTS } from './lexicon.ts';

const none = parseFamilies('');
const noTypos = parseTypos('');
const families = parseFamilies(VARIANTS);
const typos = parseTypos(TYPOS);
const code = (text: string): string => classifyRefundReason(text).code;

describe('word families', () => {
  it('a/b/c: every member stands for every other; a>b: one way only', () => {
    const f = parseFamilies('跟/和/同|减>折');
    expect(expandCue('跟描述不一样', f, noTypos)).toEqual(['和描述不一样', '同描述不一样']);
    expect(expandCue('同描述不一样', f, noTypos)).toEqual(['跟描述不一样', '和描述不一样']);
    expect(expandCue('没减到', f, noTypos)).toEqual(['没折到']);
    // One way: 折了 (snapped) is not read as 减了 (reduced).
    expect(expandCue('折了', f, noTypos)).toEqual(['折晒']);
  });

  it('replaces at most two words of a cue, the longest member at each place', () => {
    const f = parseFamilies('a/b|c/d|e/f|优惠券/券');
    const forms = expandCue('a c e', f, noTypos);
    expect(forms).toHaveLength(6); // 3 single replacements + 3 pairs, never all three
    expect(forms).not.toContain('b d f');
    expect(expandCue('没用优惠券', f, noTypos)).toContain('没用券');
    expect(expandCue('没用优惠券', f, noTypos)).not.toContain('没用优惠优惠券');
  });

  it('Latin members replace whole words only', () => {
    const f = parseFamilies('color/colour|ship+shipped');
    expect(expandCue('wrong color', f, noTypos)).toEqual(['wrong colour']);
    expect(expandCue('colorful', f, noTypos)).toEqual([]);
    expect(expandCue('shipment', f, noTypos)).toEqual([]);
  });

  it('a+b+c inflections stay bare after an auxiliary (doesn\'t fit, not doesn\'t fits); synonyms do not', () => {
    expect(expandCue("doesn't fit", families, noTypos)).toEqual(["doesnt fit", "didn't fit", 'didnt fit', "don't fit", 'dont fit', "won't fit", 'wont fit']);
    expect(expandCue('forgot to use the coupon', families, noTypos)).toContain('forgot to apply the promo');
    expect(expandCue('arrived broken', families, noTypos)).toEqual(expect.arrayContaining(['arrives broken', 'arrived broke']));
  });

  it('a word in two families takes the replacements of both (ordered: an inflection and a synonym)', () => {
    expect(expandCue('not what i ordered', families, noTypos)).toEqual(expect.arrayContaining(['not what i order', 'not what i picked', 'not what i chose']));
  });
});

describe('aspect markers and degree adverbs (Chinese)', () => {
  it('a two-character verb-object cue takes 了 or 晒 inside: 过期 → 过了期, 过晒期', () => {
    expect(expandCue('过期', none, noTypos)).toEqual(['过了期', '过晒期']);
    expect(expandCue('发霉', none, noTypos)).toEqual(['发了霉', '发晒霉']);
  });

  it('after a negator only 晒: 没货 → 没晒货, never 没了货 (gone) or 没了发', () => {
    expect(expandCue('没货', none, noTypos)).toEqual(['没晒货']);
    expect(expandCue('没发', none, noTypos)).toEqual(['没晒发']);
  });

  it('a cue ending in 了 also ends in 晒 (碎了 → 碎晒); a potential complement takes 太 (用不到 → 用不太到)', () => {
    expect(expandCue('碎了', none, noTypos)).toEqual(['碎晒']);
    expect(expandCue('用不到', none, noTypos)).toEqual(['用不太到']);
  });
});

describe('apostrophes and typing slips', () => {
  it("an English cue with an apostrophe also matches without it", () => {
    expect(expandCue("someone else's order", none, noTypos)).toEqual(['someone elses order']);
  });

  it('a Chinese cue of three characters or more takes one homophone slip; shorter cues none', () => {
    expect(expandCue('地址填错', none, typos)).toEqual(['地址填措']);
    expect(expandCue('质量差', none, typos)).toEqual(['只量差', '质辆差', '质亮差']);
    expect(expandCue('开胶', none, typos)).toEqual(['开了胶', '开晒胶']); // 开交 would match 忙得不可开交
  });

  it('is deterministic and bounded', () => {
    for (const cue of ['跟我买的不一样', 'forgot to use the coupon', '7天无理由']) {
      const forms = expandCue(cue, families, typos);
      expect(forms).toEqual(expandCue(cue, families, typos));
      expect(forms.length).toBeLessThanOrEqual(64);
      expect(new Set(forms).size).toBe(forms.length);
      expect(forms).not.toContain(cue);
    }
  });
});

describe('the expanded lexicon', () => {
  const patterns = lexiconPatterns();

  it('a generated form never replaces a written pattern of any kind', () => {
    const written = new Set(patterns.filter((p) => p.variantOf === undefined).map((p) => p.pattern));
    const clashes = patterns.filter((p) => p.variantOf !== undefined && written.has(p.pattern));
    expect(clashes).toEqual([]);
    // 对不上 is written as a weak WRONG_ITEM cue: the INCOMPATIBLE form of 不匹配 gives way.
    expect(patterns.filter((p) => p.pattern === '对不上').map((p) => p.target)).toEqual(['WRONG_ITEM']);
  });

  it('generated forms keep the kind, code and strength of their written cue', () => {
    const form = patterns.find((p) => p.pattern === '过了期');
    expect(form).toMatchObject({ kind: 'cue', target: 'EXPIRED_OR_SPOILED', strength: 1, variantOf: '过期' });
    expect(patterns.find((p) => p.pattern === '甩了')).toMatchObject({ target: 'QUALITY_DEFECT', strength: 0.6, variantOf: '掉了' });
  });

  it('a hit on a generated form names the written cue it comes from', () => {
    const c = classifyRefundReason('啲牛奶過咗期');
    expect(c.normalizedText).toBe('点牛奶过了期');
    expect(c.code).toBe('EXPIRED_OR_SPOILED');
    expect(c.hits.find((h) => h.counted)).toMatchObject({ pattern: '过了期', variantOf: '过期', ruleId: 'cue:EXPIRED_OR_SPOILED:过了期' });
  });

  it('Hong Kong and Taiwan words reach the Mandarin cues (速递, 钟意, 出货, 甩色, 爆咗, 碎晒)', () => {
    expect(code('速遞太慢')).toBe('DELIVERY_DELAY');
    expect(code('個顏色唔鍾意')).toBe('COLOR_STYLE');
    expect(code('一個禮拜了還沒出貨')).toBe('LATE_SHIPMENT');
    expect(code('條褲甩色')).toBe('QUALITY_DEFECT');
    expect(code('隻杯爆咗')).toBe('DAMAGED_IN_TRANSIT');
    expect(code('入面塊鏡碎晒')).toBe('DAMAGED_IN_TRANSIT');
    expect(code('冇晒貨')).toBe('OUT_OF_STOCK');
  });

  it('English inflections, spellings and apostrophes (tore, colour, doesnt, doesn’t)', () => {
    expect(code('the strap tore after a week')).toBe('QUALITY_DEFECT');
    expect(code('wrong colour')).toBe('WRONG_ITEM');
    expect(code('doesnt fit')).toBe('SIZE_FIT');
    expect(code('doesn’t fit')).toBe('SIZE_FIT');
    expect(code('this isnt the colour i picked')).toBe('WRONG_ITEM');
  });

  it('typing slips of longer cues (地址填措, 7天无里由)', () => {
    expect(code('收货地址填措了')).toBe('ADDRESS_ERROR');
    expect(code('7天无里由退货')).toBe('SEVEN_DAY_NO_REASON');
  });
});

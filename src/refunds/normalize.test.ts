import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexiconPatterns } from './engine.ts';
import { normalizeRefundText, normalizeSlow } from './normalize.ts';
import { CANTONESE_FOLD, toSimplified } from './t2s.ts';
import { T2S_SOURCES } from './t2s-table.ts';

interface S2T {
  readonly s2tw: Record<string, string>;
  readonly s2hkDiff: Record<string, string>;
}
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/refunds-s2t.json', import.meta.url), 'utf8')) as S2T;
const s2tw = (s: string): string => [...s].map((c) => fixture.s2tw[c] ?? c).join('');
const s2hk = (s: string): string => [...s].map((c) => fixture.s2hkDiff[c] ?? fixture.s2tw[c] ?? c).join('');

describe('normalizeRefundText', () => {
  it('folds full-width forms, case, emoji, spaces between Chinese characters and traditional script', () => {
    expect(normalizeRefundText('  質 量 太差了😡！ ＮＯＴ ＷＯＲＫＩＮＧ ')).toBe('质量太差了! not working');
    expect(normalizeRefundText('发错货了👍🏻👨‍👩‍👧🇨🇳')).toBe('发错货了');
    expect(normalizeRefundText('1️⃣ 件')).toBe('1 件');
    expect(normalizeRefundText('a\u200bb\ufeffc')).toBe('abc');
    expect(normalizeRefundText('尺码\n\n  小了')).toBe('尺码\n小了');
    // Typographic apostrophes become ASCII, so that doesn’t meets the cue doesn't.
    expect(normalizeRefundText('It Doesn’t fit, it‘s ʼtoo small')).toBe("it doesn't fit, it's 'too small");
    expect(normalizeRefundText('品質問題，寄錯貨了')).toBe('品质问题,寄错货了');
    expect(normalizeRefundText('說好的裡面有贈品')).toBe('说好的里面有赠品');
  });

  it('is total: lone surrogates become U+FFFD, the empty string stays empty', () => {
    expect(normalizeRefundText('坏\ud800了')).toBe('坏\ufffd了');
    expect(normalizeRefundText('\udc00')).toBe('\ufffd');
    expect(normalizeRefundText('')).toBe('');
    expect(normalizeRefundText(' \t\n ')).toBe('');
  });

  it('the fast path agrees with the general path', () => {
    for (const s of ['发错货了', 'ＳＩＺＥ太小了，ＸＬ也穿不上', 'Not Working  at   all', '质 量  差', ' a 质 b ', '7天无理由。尺码小', 'AbC、DEF']) {
      expect(normalizeRefundText(s), s).toBe(normalizeSlow(s));
    }
  });
});

describe('traditional to simplified (OpenCC table)', () => {
  it('maps Taiwan and Hong Kong forms of lexicon characters', () => {
    expect(toSimplified('發貨太慢，裡面的東西壞了')).toBe('发货太慢，里面的东西坏了');
    expect(toSimplified('説好的')).toBe('说好的');
    expect(toSimplified('abc，123')).toBe('abc，123');
  });

  it('folds Hong Kong Cantonese function characters, one for one, onto characters that are not folded again', () => {
    expect(normalizeRefundText('冇貨，壞咗')).toBe('没货,坏了');
    expect(normalizeRefundText('唔係正貨')).toBe('不是正货');
    // 2026.11.3: 畀 (give), 撳 (press), 搽 (apply), 揾 (look for), 啲 (a little), 嘢 (thing).
    expect(normalizeRefundText('撳錯咗，有啲大，假嘢，搽完，揾唔到，畀錢')).toBe('按错了,有点大,假货,涂完,找不到,给钱');
    expect(CANTONESE_FOLD.length % 2).toBe(0);
    const folded = toSimplified(CANTONESE_FOLD);
    expect(toSimplified(folded)).toBe(folded);
    expect(folded.length).toBe(CANTONESE_FOLD.length);
  });

  it('the table is sorted, non-empty and reaches a fixed point in one pass', () => {
    expect(T2S_SOURCES.split(',').every((gap, i) => i === 0 || parseInt(gap, 36) > 0)).toBe(true);
    for (const p of lexiconPatterns()) expect(toSimplified(p.pattern), p.pattern).toBe(p.pattern);
  });

  it('reference §5.4: every lexicon pattern is normalised and round-trips through Taiwan and Hong Kong script', () => {
    const patterns = new Set(lexiconPatterns().map((p) => p.pattern));
    expect(patterns.size).toBeGreaterThan(1000);
    for (const p of patterns) {
      expect(normalizeRefundText(p), p).toBe(p);
      expect(toSimplified(s2tw(p)), `s2tw ${p}`).toBe(p);
      expect(toSimplified(s2hk(p)), `s2hk ${p}`).toBe(p);
    }
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { leftmostLongest, PatternMatcher } from './matcher.ts';

const alphabet = fc.constantFrom('a', 'b', '不', '是', '质', '量', ' ');
const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));

function naive(patterns: readonly string[], text: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  patterns.forEach((p, i) => {
    for (let s = text.indexOf(p); s >= 0; s = text.indexOf(p, s + 1)) {
      const latinStart = /[a-z0-9]/.test(p[0] as string);
      const latinEnd = /[a-z0-9]/.test(p[p.length - 1] as string);
      const before = text[s - 1] ?? '';
      const after = text[s + p.length] ?? '';
      if (latinStart && /[a-z0-9]/.test(before)) continue;
      if (latinEnd && /[a-z0-9]/.test(after)) continue;
      out.push([i, s, s + p.length]);
    }
  });
  return out.sort((x, y) => x[1] - y[1] || x[2] - y[2] || x[0] - y[0]);
}

describe('Aho–Corasick matcher', () => {
  test.prop([fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(''))], { numRuns: 300 })(
    'finds exactly the occurrences a naive search finds (Latin patterns at word edges)',
    (patterns, text) => {
      const found = new PatternMatcher(patterns).findAll(text).map((m): [number, number, number] => [m.pattern, m.start, m.end]);
      expect(found.sort((x, y) => x[1] - y[1] || x[2] - y[2] || x[0] - y[0])).toEqual(naive(patterns, text));
    },
  );

  test.prop([fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(''))], { numRuns: 200 })(
    'leftmost-longest picks non-overlapping matches, none of which could start earlier or run longer',
    (patterns, text) => {
      const all = new PatternMatcher(patterns).findAll(text);
      const chosen = leftmostLongest(all, text.length);
      for (let i = 1; i < chosen.length; i++) expect(chosen[i]?.start).toBeGreaterThanOrEqual(chosen[i - 1]?.end ?? 0);
      for (const c of chosen) for (const m of all) if (m.start === c.start) expect(m.end).toBeLessThanOrEqual(c.end);
      // Every match is covered by, or starts after the start of, a chosen one.
      for (const m of all) expect(chosen.some((c) => c.start <= m.start && m.start < Math.max(c.end, c.start + 1)) || chosen.some((c) => c.start === m.start)).toBe(true);
    },
  );

  it('stems may run on into a longer word; other Latin patterns match whole words only', () => {
    const m = new PatternMatcher(['defect', 'late'], new Set([0]));
    expect(m.findAll('defective chocolate late').map((x) => [x.pattern, x.start])).toEqual([
      [0, 0],
      [1, 20],
    ]);
  });
});

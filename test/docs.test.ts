// Every TypeScript block in README.md and docs/*.md must be a snippet of a tested example, and
// must still match it. Fix drift with `npm run snippets`.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snippets, untiedCodeBlocks } from '../scripts/snippets.ts';

const root = new URL('..', import.meta.url).pathname;
const files = ['README.md', ...readdirSync(`${root}docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('docs snippets', () => {
  for (const file of files) {
    const text = readFileSync(`${root}${file}`, 'utf8');
    it(`${file}: every TypeScript block comes from a tested example`, () => {
      expect(untiedCodeBlocks(text)).toEqual([]);
    });
    it(`${file}: every snippet matches its example region (npm run snippets to refresh)`, () => {
      for (const s of snippets(root, text)) expect(s.shown, `${s.file}#${s.name}`).toBe(s.source);
    });
  }
});

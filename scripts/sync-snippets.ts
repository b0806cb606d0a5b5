// npm run snippets: refresh every snippet block in README.md and docs/*.md from its example region.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { syncSnippets } from './snippets.ts';

const root = new URL('..', import.meta.url).pathname;
const files = ['README.md', ...readdirSync(`${root}docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
for (const file of files) {
  const before = readFileSync(`${root}${file}`, 'utf8');
  const after = syncSnippets(root, before);
  if (after !== before) {
    writeFileSync(`${root}${file}`, after);
    console.log(`updated ${file}`);
  }
}

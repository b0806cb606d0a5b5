// npm run snippets: refresh every snippet block in README.md and docs/*.md from its example region.
import { readFileSync, writeFileSync } from 'node:fs';
import { docFiles, syncSnippets } from './snippets.ts';

const root = new URL('..', import.meta.url).pathname;
const files = docFiles(root);
for (const file of files) {
  const before = readFileSync(`${root}${file}`, 'utf8');
  const after = syncSnippets(root, before);
  if (after !== before) {
    writeFileSync(`${root}${file}`, after);
    console.log(`updated ${file}`);
  }
}

// Keeps Markdown code blocks identical to regions of tested example files.
// A block is tied to its source by the comment line right above it:
//   <!-- snippet: examples/headcount.example.ts#plan -->
//   ```ts
//   …the region's text…
//   ```
// `npm run snippets` rewrites the blocks; test/docs.test.ts fails when one has drifted.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const MARKER = /<!-- snippet: ([^#\s]+)#([\w-]+) -->\n```(\w+)\n([\s\S]*?)```/g;

/** The text between `// #region name` and `// #endregion name`, without the markers. */
export function region(root: string, file: string, name: string): string {
  const text = readFileSync(resolve(root, file), 'utf8');
  const start = text.indexOf(`// #region ${name}\n`);
  const end = text.indexOf(`// #endregion ${name}\n`);
  if (start < 0 || end < start) throw new Error(`${file} has no region "${name}"`);
  return text.slice(start + `// #region ${name}\n`.length, end);
}

/** Every snippet block of a Markdown text, with what it says and what its region says. */
export function snippets(root: string, markdown: string): Array<{ file: string; name: string; shown: string; source: string }> {
  return [...markdown.matchAll(MARKER)].map((m) => ({
    file: m[1] as string,
    name: m[2] as string,
    shown: m[4] as string,
    source: region(root, m[1] as string, m[2] as string),
  }));
}

/** The Markdown with every snippet block replaced by its region's current text. */
export function syncSnippets(root: string, markdown: string): string {
  return markdown.replace(MARKER, (_all, file: string, name: string, lang: string) => `<!-- snippet: ${file}#${name} -->\n\`\`\`${lang}\n${region(root, file, name)}\`\`\``);
}

/** Code blocks in TypeScript that no snippet marker ties to a tested file. */
export function untiedCodeBlocks(markdown: string): string[] {
  const lines = markdown.split('\n');
  return lines.flatMap((line, i) => (/^```(ts|typescript|js)\s*$/.test(line) && !/^<!-- snippet: /.test(lines[i - 1] ?? '') ? [`line ${i + 1}`] : []));
}

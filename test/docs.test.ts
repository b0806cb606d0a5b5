// Every code block in README.md, README.zh-CN.md and docs/*.md is either copied from a tested
// source or checked here, so no block can drift: TypeScript blocks are regions of tested examples,
// blocks tied to a file equal it, shell blocks only run commands the project has, JSON and CSV
// parse, and everything else is marked as free text. Relative links must lead to a file and, in
// Markdown, to a heading. Fix drift with `npm run snippets`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockProblems, csvProblem, docFiles, linkProblems, readProject, shellProblems, snippets, untiedCodeBlocks } from '../scripts/snippets.ts';

const root = new URL('..', import.meta.url).pathname;
const files = docFiles(root);

describe('docs code blocks and links', () => {
  it('covers both READMEs and the guides', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('docs/index.md');
    expect(files.filter((f) => f.startsWith('docs/')).length).toBeGreaterThan(1);
  });

  for (const file of files) {
    const text = readFileSync(`${root}${file}`, 'utf8');
    it(`${file}: every TypeScript block comes from a tested example`, () => {
      expect(untiedCodeBlocks(text)).toEqual([]);
    });
    it(`${file}: every snippet matches its example region (npm run snippets to refresh)`, () => {
      for (const s of snippets(root, text)) expect(s.shown, `${s.file}#${s.name}`).toBe(s.source);
    });
    it(`${file}: every other block is checked (shell commands exist, JSON and CSV parse, files match)`, () => {
      expect(blockProblems(root, text)).toEqual([]);
    });
    it(`${file}: relative links lead to a file and, in Markdown, to a heading`, () => {
      expect(linkProblems(root, file, text)).toEqual([]);
    });
  }
});

describe('the block checks themselves', () => {
  const project = readProject(root);

  it('allows the npm scripts, installing kefu and its peers, and dev tools on files that exist', () => {
    expect(shellProblems('npm install\nnpm start\nnpm test\nnpm run bench\n# a comment\nnpm install kefu\nnpm install highs\nnpx tsx bench/run.ts roster\n', project)).toEqual([]);
    expect(shellProblems('$ npm start\nsome output the command printed\n$ npm test\n', project)).toEqual([]);
    expect(shellProblems('npm install && npm test\n', project)).toEqual([]);
  });

  it('refuses commands the project does not have', () => {
    expect(shellProblems('npm run deploy\n', project)).toEqual(['`npm run deploy`: package.json has no "deploy" script']);
    expect(shellProblems('npm install left-pad\n', project)[0]).toMatch(/may be installed by name, not left-pad/);
    expect(shellProblems('npx tsx scripts/missing.ts\n', project)).toEqual(['`npx tsx scripts/missing.ts`: scripts/missing.ts does not exist']);
    expect(shellProblems('curl https://example.com | sh\n', project).length).toBe(2);
    expect(shellProblems('npx kefu no-such-subcommand\n', { ...project, hasKefuBin: true })).toEqual(['`npx kefu no-such-subcommand`: the CLI (src/cli) has no subcommand "no-such-subcommand"']);
    expect(shellProblems('npx kefu demo\n', { ...project, hasKefuBin: false })).toEqual(['`npx kefu demo`: package.json declares no "kefu" bin, so npx kefu cannot run']);
  });

  it('parses CSV as RFC 4180 and reports the first problem', () => {
    expect(csvProblem('id,text\n1,"a, quoted ""field"""\n2,"two\nlines"\n')).toBeUndefined();
    expect(csvProblem('id,text\n1,a,b\n')).toBe('row 2 has 3 fields, the header 2');
    expect(csvProblem('id,text\n1,"open\n')).toMatch(/not closed/);
    expect(csvProblem('id,text\n1,a"b\n')).toMatch(/quote inside an unquoted field/);
  });

  it('checks JSON, ties blocks to files, keeps text free and refuses unchecked languages', () => {
    const json = blockProblems(root, '```json\n{ "a": 1, }\n```\n');
    expect(json).toHaveLength(1);
    expect(json[0]).toMatch(/^line 1 \(```json\): not valid JSON/);
    expect(blockProblems(root, '```text\nanything at all\n```\n')).toEqual([]);
    expect(blockProblems(root, '<!-- file: LICENSE#L1-L1 -->\n```text\nMIT License\n```\n')).toEqual([]);
    expect(blockProblems(root, '<!-- file: LICENSE#L1-L1 -->\n```text\nGPL\n```\n')[0]).toMatch(/differs from LICENSE#L1-L1/);
    expect(blockProblems(root, '```\nuntyped\n```\n')[0]).toMatch(/block without a language is not checked/);
    expect(blockProblems(root, '```yaml\na: 1\n```\n')[0]).toMatch(/```yaml block is not checked/);
    expect(untiedCodeBlocks('```ts\nconst x = 1;\n```\n')).toEqual(['line 1']);
  });

  it('finds links that lead nowhere', () => {
    const problems = linkProblems(root, 'docs/x.md', '# Top\n[ok](#top) [gone](#nowhere) [guide](headcount.md#traffic) [file](missing.md) `[code](missing.md)`\n');
    expect(problems).toEqual(['line 2: #nowhere: docs/x.md has no heading with the anchor #nowhere', 'line 2: missing.md: docs/missing.md does not exist']);
  });
});

// Keeps the code blocks of README.md, README.zh-CN.md and docs/*.md honest.
//
// A TypeScript block is tied to a region of a tested example by the comment line right above it:
//   <!-- snippet: examples/headcount.example.ts#plan -->
//   ```ts
//   …the region's text…
//   ```
// Any block may instead be tied to a whole file, or to some of its lines, by
//   <!-- file: examples/data/orders.csv -->        or   <!-- file: examples/data/orders.csv#L1-L5 -->
// and must then equal it. Untied blocks are checked by their language: ```sh commands must be ones
// the project has, ```json and ```csv must parse, ```text is free text; any other language (or none)
// is refused, so that no block can drift unseen.
// `npm run snippets` rewrites tied blocks; test/docs.test.ts fails when one has drifted.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const MARKER = /<!-- snippet: ([^#\s]+)#([\w-]+) -->\n```(\w+)\n([\s\S]*?)```/g;
const FILE_MARKER = /<!-- file: ([^#\s]+)(?:#L(\d+)-L(\d+))? -->\n```(\w*)\n([\s\S]*?)```/g;

/** The Markdown files whose code blocks and links are checked: both READMEs and every guide. */
export function docFiles(root: string): string[] {
  const readmes = ['README.md', 'README.zh-CN.md'].filter((f) => existsSync(join(root, f)));
  const guides = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  return [...readmes, ...guides];
}

/** The text between `// #region name` and `// #endregion name`, without the markers. */
export function region(root: string, file: string, name: string): string {
  const text = readFileSync(resolve(root, file), 'utf8');
  const start = text.indexOf(`// #region ${name}\n`);
  const end = text.indexOf(`// #endregion ${name}\n`);
  if (start < 0 || end < start) throw new Error(`${file} has no region "${name}"`);
  return text.slice(start + `// #region ${name}\n`.length, end);
}

/** Lines `from` to `to` (1-based, both included) of a file, or all of it, ending with a newline. */
export function fileText(root: string, file: string, from?: number, to?: number): string {
  const text = readFileSync(resolve(root, file), 'utf8').replace(/\r\n/g, '\n');
  const whole = text.endsWith('\n') ? text : `${text}\n`;
  if (from === undefined || to === undefined) return whole;
  const lines = whole.slice(0, -1).split('\n');
  if (from < 1 || to < from || to > lines.length) throw new Error(`${file} has no lines ${from} to ${to} (it has ${lines.length})`);
  return `${lines.slice(from - 1, to).join('\n')}\n`;
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

/** The Markdown with every snippet block and every file-tied block replaced by its source's current text. */
export function syncSnippets(root: string, markdown: string): string {
  return markdown
    .replace(MARKER, (_all, file: string, name: string, lang: string) => `<!-- snippet: ${file}#${name} -->\n\`\`\`${lang}\n${region(root, file, name)}\`\`\``)
    .replace(FILE_MARKER, (all, file: string, from: string | undefined, to: string | undefined, lang: string) => {
      if (!existsSync(resolve(root, file))) return all;
      const range = from === undefined ? '' : `#L${from}-L${to}`;
      return `<!-- file: ${file}${range} -->\n\`\`\`${lang}\n${fileText(root, file, from === undefined ? undefined : Number(from), to === undefined ? undefined : Number(to))}\`\`\``;
    });
}

/** A fenced code block: the line of its opening fence (1-based), its language, its text, the line above it. */
export interface CodeBlock {
  line: number;
  lang: string;
  text: string;
  above: string;
}

/** The fenced code blocks of a Markdown text (``` or ~~~, indented or not), in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i] as string);
    if (!open) continue;
    const indent = (open[1] as string).length;
    const fence = open[2] as string;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] as string;
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
      if (close && (close[1] as string)[0] === fence[0] && (close[1] as string).length >= fence.length) break;
      body.push(line.slice(Math.min(indent, line.length - line.trimStart().length)));
    }
    blocks.push({
      line: i + 1,
      lang: (open[3] as string).toLowerCase(),
      text: body.length === 0 ? '' : `${body.join('\n')}\n`,
      above: (lines[i - 1] ?? '').trim(),
    });
    i = j;
  }
  return blocks;
}

const SCRIPT_LANGS = new Set(['ts', 'typescript', 'tsx', 'mts', 'cts', 'js', 'javascript', 'jsx', 'mjs', 'cjs']);
const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'zsh', 'console']);
const TEXT_LANGS = new Set(['text', 'txt', 'plaintext']);

/** Code blocks in TypeScript or JavaScript that no snippet marker ties to a tested file. */
export function untiedCodeBlocks(markdown: string): string[] {
  return codeBlocks(markdown)
    .filter((b) => SCRIPT_LANGS.has(b.lang) && !b.above.startsWith('<!-- snippet: '))
    .map((b) => `line ${b.line}`);
}

/**
 * What is wrong with the code blocks of a Markdown text, one message per problem, each starting
 * with the block's line. Snippet-tied blocks are left to {@link snippets} (their drift is checked
 * there); file-tied blocks must equal their file; the rest are checked by language.
 */
export function blockProblems(root: string, markdown: string): string[] {
  const problems: string[] = [];
  const project = readProject(root);
  for (const block of codeBlocks(markdown)) {
    const at = `line ${block.line} (\`\`\`${block.lang})`;
    if (block.above.startsWith('<!-- snippet: ')) continue;
    const file = /^<!-- file: ([^#\s]+)(?:#L(\d+)-L(\d+))? -->$/.exec(block.above);
    if (file) {
      const path = file[1] as string;
      if (!existsSync(resolve(root, path))) {
        problems.push(`${at}: ${path} does not exist`);
        continue;
      }
      let expected: string;
      try {
        expected = fileText(root, path, file[2] === undefined ? undefined : Number(file[2]), file[3] === undefined ? undefined : Number(file[3]));
      } catch (error) {
        problems.push(`${at}: ${(error as Error).message}`);
        continue;
      }
      if (block.text !== expected) problems.push(`${at}: differs from ${block.above.slice(11, -4)} (npm run snippets to refresh)`);
      continue;
    }
    if (SCRIPT_LANGS.has(block.lang)) problems.push(`${at}: TypeScript and JavaScript blocks must be snippets of a tested example (<!-- snippet: examples/x.example.ts#region -->)`);
    else if (SHELL_LANGS.has(block.lang)) problems.push(...shellProblems(block.text, project).map((p) => `${at}: ${p}`));
    else if (block.lang === 'json') {
      try {
        JSON.parse(block.text);
      } catch (error) {
        problems.push(`${at}: not valid JSON: ${(error as Error).message}`);
      }
    } else if (block.lang === 'csv') {
      const csv = csvProblem(block.text);
      if (csv) problems.push(`${at}: ${csv}`);
    } else if (!TEXT_LANGS.has(block.lang)) {
      problems.push(`${at}: a ${block.lang === '' ? 'block without a language' : `\`\`\`${block.lang} block`} is not checked: mark free text as \`\`\`text, or tie the block to a file with <!-- file: path -->`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Shell blocks

/** What a shell block may call: the project's npm scripts, the kefu command, and the tools it installs. */
export interface ProjectCommands {
  /** npm scripts of package.json (`npm start`, `npm test`, `npm run x`). */
  scripts: Set<string>;
  /** Packages a reader may install by name: kefu itself and its peer dependencies. */
  installable: Set<string>;
  /** Whether package.json declares the `kefu` binary that `npx kefu` needs. */
  hasKefuBin: boolean;
  /** The subcommands of the CLI, read from its sources (src/cli). */
  cliWords: Set<string>;
  /** Executables of the development dependencies (`npx typedoc`, `npx tsx file`, …). */
  devBins: Set<string>;
  /** Project root, to check that files given to `npx tsx` or `node` exist. */
  root: string;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function keys(value: unknown): string[] {
  return value !== null && typeof value === 'object' ? Object.keys(value) : [];
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f))
    .map((f) => join(dir, f));
}

/** Reads what shell blocks may call from package.json, node_modules and src/cli. */
export function readProject(root: string): ProjectCommands {
  const pkg = readJson(join(root, 'package.json'));
  const bin = pkg['bin'];
  const hasKefuBin = typeof bin === 'string' ? pkg['name'] === 'kefu' : keys(bin).includes('kefu');
  const devBins = new Set<string>();
  for (const dep of keys(pkg['devDependencies'])) {
    const manifest = join(root, 'node_modules', dep, 'package.json');
    if (!existsSync(manifest)) {
      devBins.add(dep.replace(/^@[^/]+\//, '')); // not installed: assume the usual bin name
      continue;
    }
    const depBin = readJson(manifest)['bin'];
    if (typeof depBin === 'string') devBins.add(dep.replace(/^@[^/]+\//, ''));
    for (const name of keys(depBin)) devBins.add(name);
  }
  // Subcommands are objects typed `Command` whose first `name` is the word (src/cli/commands/*.ts);
  // if the CLI is organised otherwise, any quoted word or object key in its sources is accepted.
  const cliTexts = sourceFiles(join(root, 'src', 'cli')).map((file) => readFileSync(file, 'utf8'));
  const cliWords = new Set<string>();
  for (const text of cliTexts) for (const m of text.matchAll(/:\s*Command\s*=\s*\{[^{}]*?\bname:\s*(['"`])([a-z][\w-]*)\1/g)) cliWords.add(m[2] as string);
  if (cliWords.size === 0) {
    for (const text of cliTexts) for (const m of text.matchAll(/(['"`])([a-z][\w-]*)\1|(?:^|[{,\s])([a-z][\w-]*)\s*:/gm)) cliWords.add((m[2] ?? m[3]) as string);
  }
  cliWords.add('help');
  return {
    scripts: new Set(keys(pkg['scripts'])),
    installable: new Set(['kefu', ...keys(pkg['peerDependencies'])]),
    hasKefuBin,
    cliWords,
    devBins,
    root,
  };
}

/** The commands of a shell block: `$ `-prefixed lines when there are any (the rest is output), else every line. */
export function shellCommands(text: string): string[] {
  const lines = text.split('\n');
  const prompted = lines.some((l) => /^\$ /.test(l));
  const joined: string[] = [];
  let pending = '';
  for (const raw of lines) {
    if (pending === '' && prompted && !/^\$ /.test(raw)) continue;
    const line = pending === '' && prompted ? raw.slice(2) : raw;
    if (/\\\s*$/.test(line)) {
      pending += `${line.replace(/\\\s*$/, '')} `;
      continue;
    }
    joined.push(pending + line);
    pending = '';
  }
  if (pending !== '') joined.push(pending);
  return joined.map((l) => l.replace(/(^|\s)#.*$/, '').trim()).filter((l) => l !== '');
}

/** Why each command of a shell block is not one the project has; empty when all are. */
export function shellProblems(text: string, project: ProjectCommands): string[] {
  const problems: string[] = [];
  for (const command of shellCommands(text)) {
    for (const part of command.split(/&&|\|\||;|\|/)) {
      const words = part
        .replace(/\d?>>?\s*&?\S+|<\s*\S+/g, '')
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '');
      if (words.length === 0) continue;
      const problem = commandProblem(words, project);
      if (problem) problems.push(`\`${part.trim()}\`: ${problem}`);
    }
  }
  return problems;
}

function commandProblem(words: string[], project: ProjectCommands): string | undefined {
  const [tool, first, ...rest] = words;
  if (tool === 'npm') {
    if (first === 'install' || first === 'i' || first === 'ci') {
      const packages = rest.filter((w) => !w.startsWith('-'));
      if (first === 'ci' && packages.length > 0) return 'npm ci takes no package names';
      const unknown = packages.filter((p) => !project.installable.has(p.replace(/@[^@/]*$/, '') || p));
      return unknown.length > 0 ? `only ${[...project.installable].join(', ')} may be installed by name, not ${unknown.join(', ')}` : undefined;
    }
    if (first === 'start' || first === 'test') return project.scripts.has(first) ? undefined : `package.json has no "${first}" script`;
    if (first === 'run' || first === 'run-script') {
      const script = rest[0];
      if (script === undefined) return 'name the script to run';
      return project.scripts.has(script) ? undefined : `package.json has no "${script}" script`;
    }
    return `npm ${first ?? ''} is not an allowed command (install, ci, start, test, run <script>)`;
  }
  if (tool === 'npx') {
    const bin = first;
    if (bin === undefined) return 'npx needs a command';
    if (bin === 'kefu') {
      if (!project.hasKefuBin) return 'package.json declares no "kefu" bin, so npx kefu cannot run';
      const sub = rest[0];
      if (sub === undefined || sub.startsWith('-')) return undefined;
      return project.cliWords.has(sub) ? undefined : `the CLI (src/cli) has no subcommand "${sub}"`;
    }
    if (!project.devBins.has(bin)) return `${bin} is not an executable of the development dependencies`;
    if (bin === 'tsx') return fileArgument(rest[0], project);
    return undefined;
  }
  if (tool === 'node') return fileArgument(first, project);
  return `${tool} is not an allowed command (npm install | ci | start | test | run <script>, npx kefu <subcommand>, npx <dev tool>, node <file>)`;
}

function fileArgument(file: string | undefined, project: ProjectCommands): string | undefined {
  if (file === undefined) return 'name the file to run';
  return existsSync(resolve(project.root, file)) ? undefined : `${file} does not exist`;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Why a CSV text does not parse (RFC 4180: quoted fields, doubled quotes, same width as the header), or undefined. */
export function csvProblem(text: string): string | undefined {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  const body = text.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  if (body === '') return 'empty CSV';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== '' || wasQuoted) return `line ${line}: a quote inside an unquoted field`;
      quoted = true;
      wasQuoted = true;
    } else if (c === ',' || c === '\n') {
      row.push(field);
      field = '';
      wasQuoted = false;
      if (c === '\n') {
        rows.push(row);
        row = [];
        line++;
      }
    } else {
      if (wasQuoted) return `line ${line}: text after a closing quote`;
      field += c;
    }
  }
  if (quoted) return `line ${line}: a quoted field is not closed`;
  row.push(field);
  rows.push(row);
  const width = (rows[0] as string[]).length;
  const bad = rows.findIndex((r) => r.length !== width);
  return bad < 0 ? undefined : `row ${bad + 1} has ${(rows[bad] as string[]).length} fields, the header ${width}`;
}

// ---------------------------------------------------------------------------------------------
// Headings, anchors and links

/** A heading with its anchor as GitHub and as TypeDoc (project documents) write it. */
export interface Heading {
  level: number;
  text: string;
  line: number;
  github: string;
  typedoc: string;
}

/** The text a heading shows: links, code spans, emphasis and HTML reduced to their words. */
export function headingText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_]+)[*_](?![\w*])/g, '$1$2')
    .trim();
}

/**
 * GitHub's anchor for a heading text (github-slugger): lower case; letters, marks, decimal and
 * letter numbers, connector punctuation, hyphens and spaces kept (CJK included), everything else
 * (punctuation, full-width punctuation, symbols, emoji) dropped; each space becomes a hyphen.
 */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\p{Alphabetic} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * TypeDoc's anchor for a heading text in a project document (its Slugger, lowercase mode): ASCII
 * punctuation and the General Punctuation block dropped, CJK and other symbols kept, white space
 * to hyphens, the first run of hyphens collapsed.
 */
export function typedocSlug(text: string): string {
  const slug = text
    .trim()
    .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, '')
    .replace(/\s/g, '-')
    .replace(/--+/, '-');
  return (slug || '_').toLocaleLowerCase();
}

/** The ATX headings of a Markdown text outside code blocks, each with its GitHub and TypeDoc anchors (repeats numbered). */
export function headings(markdown: string): Heading[] {
  const fenced = new Set<number>();
  for (const block of codeBlocks(markdown)) {
    const size = block.text === '' ? 0 : block.text.split('\n').length - 1;
    for (let l = block.line; l <= block.line + size + 1; l++) fenced.add(l);
  }
  const githubSeen = new Map<string, number>();
  const typedocSeen = new Map<string, number>();
  const result: Heading[] = [];
  markdown.split('\n').forEach((line, i) => {
    const m = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!m || fenced.has(i + 1)) return;
    const text = headingText(m[2] as string);
    result.push({ level: (m[1] as string).length, text, line: i + 1, github: unique(githubSlug(text), githubSeen), typedoc: unique(typedocSlug(text), typedocSeen) });
  });
  return result;
}

function unique(slug: string, seen: Map<string, number>): string {
  let count = seen.get(slug);
  if (count === undefined) {
    seen.set(slug, 0);
    return slug;
  }
  let candidate: string;
  do {
    count++;
    candidate = `${slug}-${count}`;
  } while (seen.has(candidate));
  seen.set(slug, count);
  seen.set(candidate, 0);
  return candidate;
}

/** A link of a Markdown text: its line and its target as written. */
export interface Link {
  line: number;
  target: string;
}

/** Inline links, images and link definitions outside code blocks and code spans. */
export function links(markdown: string): Link[] {
  const fenced = new Set<number>();
  for (const block of codeBlocks(markdown)) {
    const size = block.text === '' ? 0 : block.text.split('\n').length - 1;
    for (let l = block.line; l <= block.line + size + 1; l++) fenced.add(l);
  }
  const found: Link[] = [];
  markdown.split('\n').forEach((raw, i) => {
    if (fenced.has(i + 1)) return;
    const line = raw.replace(/`[^`]*`/g, '');
    for (const m of line.matchAll(/\]\(\s*<?([^()\s>]+(?:\([^()\s]*\))?)>?(?:\s+"[^"]*")?\s*\)/g)) found.push({ line: i + 1, target: m[1] as string });
    const def = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(line);
    if (def) found.push({ line: i + 1, target: def[1] as string });
  });
  return found;
}

/**
 * Relative links of a Markdown file that lead nowhere: a file that does not exist, or an anchor
 * that is no heading of the target Markdown file (GitHub's anchors). Web links are not followed.
 */
export function linkProblems(root: string, file: string, markdown: string): string[] {
  const problems: string[] = [];
  const cache = new Map<string, Set<string>>();
  const anchorsOf = (path: string): Set<string> => {
    let set = cache.get(path);
    if (!set) {
      set = new Set(headings(path === file ? markdown : readFileSync(join(root, path), 'utf8')).map((h) => h.github));
      cache.set(path, set);
    }
    return set;
  };
  for (const link of links(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link.target) || link.target.startsWith('//')) continue;
    const [pathPart = '', anchor] = link.target.split('#', 2) as [string, string | undefined];
    let path = file;
    if (pathPart !== '') {
      path = relative(root, resolve(root, dirname(file), decodeURIComponent(pathPart.replace(/\?.*$/, ''))));
      if (path.startsWith('..') || !existsSync(join(root, path))) {
        problems.push(`line ${link.line}: ${link.target}: ${path} does not exist`);
        continue;
      }
    }
    if (anchor === undefined || anchor === '' || !path.endsWith('.md') || (path !== file && statSync(join(root, path)).isDirectory())) continue;
    if (!anchorsOf(path).has(decodeURIComponent(anchor))) problems.push(`line ${link.line}: ${link.target}: ${path} has no heading with the anchor #${anchor}`);
  }
  return problems;
}

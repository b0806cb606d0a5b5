// The rule catalogue of docs/index.md: every rule id of the domain, a one-line summary, and where
// the rule is explained (a heading of its guide), implemented (source files that cite the id) and
// tested (test files whose test names cite it). The link columns are found in the repository, so
// `npx tsx scripts/catalogue.ts` refreshes them; test/catalogue.test.ts fails when docs/index.md
// differs from what this script writes now.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { codeBlocks, headings, type Heading } from './snippets.ts';

/** A family of rules: its id prefix, the module that implements it, its guide. */
export interface Domain {
  prefix: string;
  name: string;
  module: string;
  guide: string;
}

export const DOMAINS: readonly Domain[] = [
  { prefix: 'HC', name: 'Headcount', module: 'kefu/headcount', guide: 'docs/headcount.md' },
  { prefix: 'RO', name: 'Roster', module: 'kefu/roster', guide: 'docs/roster.md' },
  { prefix: 'CH', name: 'Chase', module: 'kefu/chase', guide: 'docs/chase.md' },
  { prefix: 'KPI', name: 'KPI', module: 'kefu/kpi', guide: 'docs/kpi.md' },
  { prefix: 'RF', name: 'Refunds', module: 'kefu/refunds', guide: 'docs/refunds.md' },
  { prefix: 'SLA', name: 'Service deadlines', module: 'kefu/sla', guide: 'docs/sla.md' },
];

/**
 * Every rule id of the project's domain catalogue with a one-line summary. This list is the
 * repository's copy of the catalogue: the tests run on a clean clone, so they read it from here.
 */
export const RULES: ReadonlyArray<{ id: string; summary: string }> = [
  { id: 'HC-1', summary: 'Receptions for an event day come from a funnel: buyers × CS share ÷ inquiry conversion (a division; the source wrote a multiplication).' },
  { id: 'HC-2', summary: 'About 40% of Double 11 sales pass through customer service; that is the default CS share.' },
  { id: 'HC-3', summary: 'A sales target in money becomes buyers by dividing it by the average order value.' },
  { id: 'HC-4', summary: 'The bot and self-service take a share of the conversations; raise it when receptions grow faster than hiring.' },
  { id: 'HC-5', summary: "Plan from last year's trend of sales against consultations; the result is the gap between the people needed and the people on staff." },
  { id: 'HC-6', summary: 'Targets and staffing follow the phases of the event (warm-up, presale, two formal waves, after the event), day by day.' },
  { id: 'RO-1', summary: 'The strongest agents work the first hours after the 00:00 launch, substitutes the morning, everyone the afternoon and evening.' },
  { id: 'RO-2', summary: 'One roster, exact to the hour, covers before, during and after the event, with pre-sale and after-sale planned apart.' },
  { id: 'RO-3', summary: 'Load per agent is watched live and people are moved when the queues are unbalanced.' },
  { id: 'RO-4', summary: 'Consecutive shifts overlap so that the handover checklist is read together.' },
  { id: 'RO-5', summary: 'Rest days are planned: nobody works every day from the first presale day to the end of the event.' },
  { id: 'RO-6', summary: 'Temporary staff take basic pre-sale questions only; experienced agents back up the other skill.' },
  { id: 'RO-7', summary: 'Some teams serve around the clock.' },
  { id: 'CH-1', summary: 'A fifth or more of promotion orders go unpaid and chasing wins a good part back; on ordinary days about a fifth is the reachable target.' },
  { id: 'CH-2', summary: 'Chase quickly: some promotion orders close unpaid after 30 minutes, and a reminder after the close time is wasted.' },
  { id: 'CH-3', summary: 'Chasing is automated during promotions, with message templates that can differ per item.' },
  { id: 'CH-4', summary: 'One reminder per buyer, not per order, and none for a buyer who has paid another of their orders.' },
  { id: 'CH-5', summary: 'No harassment: no repeated reminders, no stiff wording.' },
  { id: 'CH-6', summary: 'Phone chases only 11:00–12:00, 16:00–17:00 and 19:00–21:00 shop time.' },
  { id: 'CH-7', summary: 'Channels are IM, SMS and phone; the phone works best, above all for first-time buyers, and ends with an IM note and an order memo.' },
  { id: 'CH-8', summary: "Before calling, check the buyer's credit for malicious orders and read the chat to learn why they have not paid." },
  { id: 'CH-9', summary: 'A buyer who cannot talk gets an apology, a short call and an SMS afterwards.' },
  { id: 'CH-10', summary: 'Every chase is written on the order: a purple flag and a memo with time, agent nickname, reminder count and feedback.' },
  { id: 'CH-11', summary: 'Six reasons for not paying, each with its play: guide, stress urgency, keep as a prospect, fix the shop, change agent, small discount.' },
  { id: 'CH-12', summary: 'Orders paid before 16:00 ship the same day: a reason to pay now.' },
  { id: 'CH-13', summary: 'A buyer who ordered, has not paid after a while and is online on IM gets a short message.' },
  { id: 'KPI-1', summary: 'Agent metrics: inquiry conversion, average order value, response time, positive reviews, sales amount, refund amount.' },
  { id: 'KPI-2', summary: 'Agents are ranked within the shop and the ranking is published; the top are rewarded, nobody is penalised, pay follows sales.' },
  { id: 'KPI-3', summary: "Shop-level service scores are not charged to agents; they are judged as a trend against the industry's trend." },
  { id: 'KPI-4', summary: 'Targets cascade from department to shop, day and agent, adjusted for conversion, season and promotions, and must be reachable.' },
  { id: 'KPI-5', summary: 'Rewards come in tiers: a base target and a challenge target.' },
  { id: 'KPI-6', summary: 'On the event day: watch agents whose recent conversion is low, announce only the top 3 every hour, let groups compete.' },
  { id: 'KPI-7', summary: "Results are reviewed phase by phase against last year, the same year's 618, the industry and the target." },
  { id: 'KPI-8', summary: 'Statistics are transparent, in one standard format, against reasonable benchmarks.' },
  { id: 'RF-1', summary: 'After the event, refunds are split into avoidable, settled by an exchange and refund-only; staffing and risk controls follow the mix.' },
  { id: 'RF-2', summary: 'Named cases: lost parcel, damage, wrong or missing item, late shipment, price drop, allergic reaction, malicious return, seven-day no-reason return.' },
  { id: 'RF-3', summary: 'Damage the buyer did not cause is reshipped or written off rather than taken back.' },
  { id: 'RF-4', summary: 'Compensation limits by role (agent 20, supervisor 50, manager 100 by default); above one’s limit, escalate.' },
  { id: 'RF-5', summary: "For trusted cases, refund as soon as the return's tracking shows it on its way." },
  { id: 'RF-6', summary: "The after-sale log records each day's returns, exchanges, reships, refunds and problem parcels." },
  { id: 'SLA-1', summary: 'Neutral and negative reviews are handled by 18:30 the same day, within 3 days when the buyer cannot be reached, else explained before the review window closes.' },
  { id: 'SLA-2', summary: 'Parcels shipped more than 7 days ago and not delivered are followed up with the courier.' },
  { id: 'SLA-3', summary: 'Every reported problem has a type, a level to escalate to, an owner and a time by which it must have a solution.' },
  { id: 'SLA-4', summary: 'Emergency classes with prepared plans: platform outage, power or network loss, wrong price or specification, warehouse or courier failure, brand incident.' },
];

/**
 * Rules the repository does not (yet) cover in one of the three columns, with the reason known
 * today. The test fails when a new gap appears or a listed one is closed, so that this list, and
 * the note docs/index.md prints from it, stay true.
 */
export const KNOWN_GAPS: Readonly<Record<string, { missing: ReadonlyArray<'guide' | 'source' | 'tests'>; note: string }>> = {
  'RO-3': {
    missing: ['source', 'tests'],
    note: 'Outside the library by design: moving agents between live queues is the job of the chat or telephony system, which a planning library never sees (roster guide, section 1).',
  },
};

/** Guides docs/index.md lists, in this order, whether or not they exist yet; any other docs/*.md follows. */
export const GUIDES: ReadonlyArray<{ file: string; title: string; about: string }> = [
  { file: 'docs/headcount.md', title: 'Headcount', about: 'from a sales target to receptions, agents per interval, seats and the hiring gap (HC)' },
  { file: 'docs/roster.md', title: 'Roster', about: 'shifts for named agents, why an hour stays short, what would fix it (RO)' },
  { file: 'docs/chase.md', title: 'Chase', about: 'which unpaid orders to remind, on which channel and when; memos and the playbook (CH)' },
  { file: 'docs/kpi.md', title: 'KPI', about: 'metrics from raw counters, scorecards, rankings, targets, bonuses and trends (KPI)' },
  { file: 'docs/refunds.md', title: 'Refunds', about: 'the reason taxonomy, the text classifier, the post-event review and compensation authority (RF)' },
  { file: 'docs/sla.md', title: 'Service deadlines', about: 'review deadlines, parcel follow-ups, escalation and the after-sale log (SLA, RF-6)' },
  { file: 'docs/calendar.md', title: 'Calendar', about: 'Chinese statutory holidays and make-up workdays, working-day arithmetic' },
  { file: 'docs/cli.md', title: 'Command line', about: 'the `kefu` command: the demo, and subcommands that read and write CSV or JSON' },
  { file: 'docs/sheets.md', title: 'Google Sheets', about: 'the `KEFU_…` custom functions of the Apps Script bundle' },
];

const INDEX = 'docs/index.md';

/** A link from docs/index.md: its label and its target relative to docs/. */
export interface CatalogueLink {
  label: string;
  href: string;
}

/** One row of the catalogue. */
export interface CatalogueRow {
  id: string;
  summary: string;
  guide: CatalogueLink[];
  source: CatalogueLink[];
  tests: CatalogueLink[];
}

/** The pattern of an id as a whole token: `CH-1` matches in `(CH-1)` and `CH-1..CH-4`, not in `CH-10`. */
export function idPattern(id: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_-])${id}(?![0-9])`, 'g');
}

function count(text: string, id: string): number {
  return [...text.matchAll(idPattern(id))].length;
}

function walk(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => `${dir}/${f.split('\\').join('/')}`)
    .sort();
}

/** Source files that implement rules: domain folders under src/, without tests, barrels (index.ts), the CLI, the sheet functions or the bundle entries (src/*.ts). */
export function implementationFiles(root: string): string[] {
  return walk(root, 'src').filter((f) => /^src\/[^/]+\/.+\.ts$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('/index.ts') && !/^src\/(cli|sheets)\//.test(f));
}

/** Test files: `*.test.ts` under src/ and test/. */
export function testFiles(root: string): string[] {
  return [...walk(root, 'src'), ...walk(root, 'test')].filter((f) => f.endsWith('.test.ts'));
}

/** The names given to `describe`, `it` and `test` (also `it.prop(…)(name)`, `test.each(…)(name)`, …) in a test file. */
export function testNames(source: string): string[] {
  const file = ts.createSourceFile('x.test.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const rootName = (e: ts.Expression): string | undefined => {
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e)) return rootName(e.expression);
    if (ts.isCallExpression(e)) return rootName(e.expression);
    return undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ['describe', 'it', 'test'].includes(rootName(node.expression) ?? '')) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) names.push(first.text);
      else if (first && ts.isTemplateExpression(first)) names.push(first.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

function rel(file: string): string {
  return `../${file}`;
}

function sourceLabel(file: string): string {
  return file.replace(/^src\//, '');
}

interface Section {
  heading: Heading;
  end: number;
}

function sections(markdown: string): Section[] {
  const hs = headings(markdown);
  return hs.map((h, i) => ({ heading: h, end: (hs[i + 1]?.line ?? markdown.split('\n').length + 1) - 1 }));
}

/** Lines of a Markdown text outside code blocks, 1-based. */
function proseLines(markdown: string): Array<{ line: number; text: string }> {
  const fenced = new Set<number>();
  for (const block of codeBlocks(markdown)) {
    const size = block.text === '' ? 0 : block.text.split('\n').length - 1;
    for (let l = block.line; l <= block.line + size + 1; l++) fenced.add(l);
  }
  return markdown
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }))
    .filter((l) => !fenced.has(l.line));
}

function sectionAt(all: Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of all) if (s.heading.line <= line) found = s;
  return found;
}

function deepest(hs: Heading[]): Heading | undefined {
  return [...hs].sort((a, b) => b.level - a.level || a.line - b.line)[0];
}

function guideLink(guideFile: string, h: Heading, domainGuide: string): CatalogueLink {
  const name = guideFile.replace(/^docs\//, '');
  return { label: guideFile === domainGuide ? h.text : `${name}: ${h.text}`, href: `${name}#${h.github}` };
}

/**
 * Where a guide explains a rule. First link: the section holding the rule's own paragraph
 * (`**CH-6, …**` in a guide's rules section), else the most specific heading that names the id,
 * else the section that mentions it most. Second link, when it differs: the most specific heading
 * naming the id, in the rule's own guide or else in another guide.
 */
export function guideLinks(root: string, id: string, domainGuide: string, guides: string[]): CatalogueLink[] {
  if (!existsSync(join(root, domainGuide))) return [];
  const text = readFileSync(join(root, domainGuide), 'utf8');
  const all = sections(text);
  const prose = proseLines(text);
  const pattern = (): RegExp => idPattern(id);
  const paragraph = prose.find((l) => new RegExp(`^\\*\\*${id}(?![0-9])`).test(l.text));
  const named = all.filter((s) => pattern().test(s.heading.text)).map((s) => s.heading);
  let first: Heading | undefined = paragraph ? sectionAt(all, paragraph.line)?.heading : deepest(named);
  if (!first) {
    const counts = new Map<Section, number>();
    for (const l of prose) {
      const s = sectionAt(all, l.line);
      if (s && count(l.text, id) > 0) counts.set(s, (counts.get(s) ?? 0) + count(l.text, id));
    }
    first = [...counts].sort((a, b) => b[1] - a[1] || a[0].heading.line - b[0].heading.line)[0]?.[0].heading;
  }
  if (!first) return [];
  const result = [guideLink(domainGuide, first, domainGuide)];
  let second: { file: string; heading: Heading } | undefined;
  const own = deepest(named);
  if (own) second = { file: domainGuide, heading: own };
  else {
    for (const other of guides.filter((g) => g !== domainGuide && g !== INDEX)) {
      const h = deepest(headings(readFileSync(join(root, other), 'utf8')).filter((x) => pattern().test(x.text)));
      if (h) {
        second = { file: other, heading: h };
        break;
      }
    }
  }
  if (second && !(second.file === domainGuide && second.heading.line === first.line)) result.push(guideLink(second.file, second.heading, domainGuide));
  return result;
}

const MAX_LINKS = 3;

/** The catalogue rows, computed from the repository as it is now. */
export function catalogueRows(root: string): CatalogueRow[] {
  const guides = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  const sources = implementationFiles(root).map((f) => ({ file: f, text: readFileSync(join(root, f), 'utf8') }));
  const tests = testFiles(root).map((f) => ({ file: f, names: testNames(readFileSync(join(root, f), 'utf8')) }));
  return RULES.map(({ id, summary }) => {
    const domain = domainOf(id);
    const home = (file: string): number => (file.startsWith(`src/${domain.module.replace(/^kefu\//, '')}/`) ? 0 : 1);
    const rank = (a: { file: string; n: number }, b: { file: string; n: number }): number => b.n - a.n || home(a.file) - home(b.file) || a.file.localeCompare(b.file);
    const source = sources
      .map((s) => ({ file: s.file, n: count(s.text, id) }))
      .filter((s) => s.n > 0)
      .sort(rank)
      .slice(0, MAX_LINKS)
      .map((s) => ({ label: sourceLabel(s.file), href: rel(s.file) }));
    const tested = tests
      .map((t) => ({ file: t.file, n: t.names.filter((name) => count(name, id) > 0).length }))
      .filter((t) => t.n > 0)
      .sort(rank)
      .slice(0, MAX_LINKS)
      .map((t) => ({ label: sourceLabel(t.file), href: rel(t.file) }));
    return { id, summary, guide: guideLinks(root, id, domain.guide, guides), source, tests: tested };
  });
}

/** The domain an id belongs to. */
export function domainOf(id: string): Domain {
  const domain = DOMAINS.find((d) => id.startsWith(`${d.prefix}-`));
  if (!domain) throw new Error(`no domain for ${id}`);
  return domain;
}

/** Which columns of a row are empty. */
export function gapsOf(row: CatalogueRow): Array<'guide' | 'source' | 'tests'> {
  return (['guide', 'source', 'tests'] as const).filter((c) => row[c].length === 0);
}

function cell(links: CatalogueLink[], id: string, column: 'guide' | 'source' | 'tests'): string {
  if (links.length === 0) return KNOWN_GAPS[id]?.missing.includes(column) ? '*none, see below*' : '**none**';
  return links.map((l) => `[${l.label.replace(/\|/g, '\\|')}](${l.href})`).join('<br>');
}

/** The generated catalogue section of docs/index.md, markers excluded. */
export function renderCatalogue(root: string): string {
  const rows = catalogueRows(root);
  const out: string[] = [];
  for (const domain of DOMAINS) {
    out.push(`### ${domain.name} (${domain.prefix})`, '');
    out.push(`Module \`${domain.module}\`, explained in [${domain.guide.replace(/^docs\//, '')}](${domain.guide.replace(/^docs\//, '')}).`, '');
    out.push('| Rule | In short | Explained in | Implemented in | Tested in |', '|---|---|---|---|---|');
    for (const row of rows.filter((r) => domainOf(r.id) === domain)) {
      out.push(`| ${row.id} | ${row.summary.replace(/\|/g, '\\|')} | ${cell(row.guide, row.id, 'guide')} | ${cell(row.source, row.id, 'source')} | ${cell(row.tests, row.id, 'tests')} |`);
    }
    out.push('');
  }
  const gaps = Object.entries(KNOWN_GAPS);
  out.push('### Not covered yet', '');
  if (gaps.length === 0) out.push('Every rule has a guide section, source that cites it and a test named after it.');
  else {
    out.push('Rules without a guide section, without source that cites them, or without a test named after them:', '');
    for (const [id, gap] of gaps) out.push(`- **${id}**: no ${gap.missing.map((m) => (m === 'source' ? 'source citing it' : m === 'tests' ? 'test named after it' : 'guide section')).join(', no ')}. ${gap.note}`);
  }
  out.push('');
  return out.join('\n');
}

/** The generated guide list of docs/index.md, markers excluded: every known guide, linked when it exists. */
export function renderGuides(root: string): string {
  const known = new Set(GUIDES.map((g) => g.file));
  const others = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
        .filter((f) => f !== INDEX && !known.has(f))
    : [];
  const lines = GUIDES.map((g) => {
    const name = g.file.replace(/^docs\//, '');
    return existsSync(join(root, g.file)) ? `- [${g.title}](${name}): ${g.about}.` : `- ${g.title} (\`${name}\`, being written): ${g.about}.`;
  });
  for (const file of others) {
    const title = headings(readFileSync(join(root, file), 'utf8'))[0]?.text ?? file;
    lines.push(`- [${title}](${file.replace(/^docs\//, '')})`);
  }
  return `${lines.join('\n')}\n`;
}

/** The generated parts of docs/index.md, by marker name. */
export function generatedParts(root: string): Record<string, string> {
  return { guides: renderGuides(root), catalogue: renderCatalogue(root) };
}

const PART = /(<!-- generated:(\w+)[^\n]*-->\n)([\s\S]*?)(<!-- \/generated:\2 -->)/g;

/** The generated parts as they stand in a Markdown text. */
export function currentParts(markdown: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const m of markdown.matchAll(PART)) parts[m[2] as string] = m[3] as string;
  return parts;
}

/** The Markdown with each generated part replaced by what the repository gives now. */
export function refresh(root: string, markdown: string): string {
  const parts = generatedParts(root);
  return markdown.replace(PART, (all, open: string, name: string, _body: string, close: string) => (parts[name] === undefined ? all : `${open}${parts[name]}${close}`));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = new URL('..', import.meta.url).pathname;
  const before = readFileSync(join(root, INDEX), 'utf8');
  const after = refresh(root, before);
  if (after !== before) {
    writeFileSync(join(root, INDEX), after);
    console.log(`updated ${INDEX}`);
  }
  for (const row of catalogueRows(root)) {
    const gaps = gapsOf(row);
    if (gaps.length > 0) console.log(`${row.id}: no ${gaps.join(', no ')}${KNOWN_GAPS[row.id] ? '' : ' (not in KNOWN_GAPS)'}`);
  }
}

// docs/index.md lists every rule id once, and each of its links leads somewhere real: a guide
// heading (as GitHub and TypeDoc both anchor it), a source file that cites the id, a test file whose
// test names cite it. The generated parts must be what scripts/catalogue.ts writes now
// (`npx tsx scripts/catalogue.ts` refreshes them).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueRows, currentParts, DOMAINS, gapsOf, generatedParts, GUIDES, idPattern, KNOWN_GAPS, RULES, testNames } from '../scripts/catalogue.ts';
import { githubSlug, headings, headingText, typedocSlug } from '../scripts/snippets.ts';

const root = new URL('..', import.meta.url).pathname;
const index = readFileSync(join(root, 'docs/index.md'), 'utf8');

/** How many rules each family has in the domain catalogue. */
const FAMILY_SIZES: Record<string, number> = { HC: 6, RO: 7, CH: 13, KPI: 8, RF: 6, SLA: 4 };

interface Row {
  id: string;
  cells: string[];
}

/** The catalogue's table rows: `| ID | summary | guide | source | tests |`. */
function rows(markdown: string): Row[] {
  const part = currentParts(markdown)['catalogue'] ?? '';
  return part
    .split('\n')
    .filter((l) => /^\| [A-Z]+-\d+ \|/.test(l))
    .map((l) => {
      const cells = l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      return { id: cells[0] as string, cells };
    });
}

function linksIn(cell: string): Array<{ label: string; href: string }> {
  return [...cell.matchAll(/\[([^\]]*)\]\(([^)]+)\)/g)].map((m) => ({ label: m[1] as string, href: m[2] as string }));
}

const has = (text: string, id: string): boolean => [...text.matchAll(idPattern(id))].length > 0;

describe('the rule list', () => {
  it('holds every id of the domain catalogue, each once, in family order', () => {
    const expected = Object.entries(FAMILY_SIZES).flatMap(([prefix, n]) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`));
    expect(RULES.map((r) => r.id)).toEqual(expected);
    expect(DOMAINS.map((d) => d.prefix)).toEqual(Object.keys(FAMILY_SIZES));
  });

  it('gives every rule a one-line summary', () => {
    for (const r of RULES) {
      expect(r.summary.length, r.id).toBeGreaterThan(20);
      expect(r.summary, r.id).not.toMatch(/\n/);
    }
  });
});

describe('docs/index.md: the rule catalogue', () => {
  const table = rows(index);

  it('lists every rule id exactly once, and nothing else', () => {
    const ids = table.map((r) => r.id);
    expect(new Set(ids).size, 'an id is listed twice').toBe(ids.length);
    expect([...ids].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const row of table) {
    describe(row.id, () => {
      const [, , guide = '', source = '', tests = ''] = row.cells;

      it('links a guide heading that exists, with the same anchor on GitHub and in TypeDoc', () => {
        const links = linksIn(guide);
        if (KNOWN_GAPS[row.id]?.missing.includes('guide')) return;
        expect(links.length, `${row.id} has no guide link`).toBeGreaterThan(0);
        for (const link of links) {
          const [file = '', anchor] = link.href.split('#') as [string, string | undefined];
          const path = join(root, 'docs', file);
          expect(existsSync(path), `${link.href}: no such file`).toBe(true);
          expect(anchor, `${link.href}: no anchor`).toBeDefined();
          const heading = headings(readFileSync(path, 'utf8')).find((h) => h.github === anchor);
          expect(heading, `${link.href}: no heading with this anchor`).toBeDefined();
          expect(heading?.typedoc, `${link.href}: TypeDoc anchors this heading differently`).toBe(anchor);
        }
      });

      it('links source files that exist and cite the id', () => {
        const links = linksIn(source);
        if (!KNOWN_GAPS[row.id]?.missing.includes('source')) expect(links.length, `${row.id} has no source link`).toBeGreaterThan(0);
        for (const link of links) {
          const path = join(root, 'docs', link.href);
          expect(link.href, 'a source link leads into src/').toMatch(/^\.\.\/src\/.+\.ts$/);
          expect(link.href).not.toMatch(/\.test\.ts$/);
          expect(existsSync(path), `${link.href}: no such file`).toBe(true);
          expect(has(readFileSync(path, 'utf8'), row.id), `${link.href} does not cite ${row.id}`).toBe(true);
        }
      });

      it('links test files that exist and name a test after the id', () => {
        const links = linksIn(tests);
        if (!KNOWN_GAPS[row.id]?.missing.includes('tests')) expect(links.length, `${row.id} has no test link`).toBeGreaterThan(0);
        for (const link of links) {
          const path = join(root, 'docs', link.href);
          expect(link.href).toMatch(/^\.\.\/(src|test)\/.+\.test\.ts$/);
          expect(existsSync(path), `${link.href}: no such file`).toBe(true);
          expect(
            testNames(readFileSync(path, 'utf8')).some((name) => has(name, row.id)),
            `${link.href} has no test named after ${row.id}`,
          ).toBe(true);
        }
      });
    });
  }

  it('lists as gaps exactly the rules that lack a guide section, citing source or a named test', () => {
    const found = Object.fromEntries(
      catalogueRows(root)
        .map((r) => [r.id, gapsOf(r)] as const)
        .filter(([, g]) => g.length > 0),
    );
    const known = Object.fromEntries(Object.entries(KNOWN_GAPS).map(([id, g]) => [id, [...g.missing]]));
    // A new gap: cover the rule, or (once the lead agrees) add it to KNOWN_GAPS with a reason.
    // A gap that closed: remove it from KNOWN_GAPS in scripts/catalogue.ts.
    expect(found).toEqual(known);
  });
});

describe('docs/index.md: generated parts are up to date (npx tsx scripts/catalogue.ts to refresh)', () => {
  const now = generatedParts(root);
  const shown = currentParts(index);
  for (const name of Object.keys(now)) {
    it(`${name}`, () => {
      expect(shown[name], `docs/index.md has no <!-- generated:${name} --> section`).toBeDefined();
      expect(shown[name]).toBe(now[name]);
    });
  }

  it('names every guide, and links each one that exists', () => {
    const guides = shown['guides'] ?? '';
    for (const g of GUIDES) {
      const name = g.file.replace(/^docs\//, '');
      expect(guides).toContain(name);
      if (existsSync(join(root, g.file))) expect(guides).toContain(`](${name})`);
    }
  });
});

describe('anchors as GitHub and TypeDoc write them', () => {
  it('drops ASCII punctuation and keeps numbers and hyphens', () => {
    expect(githubSlug('3. A Double 11 walk-through at 00:20')).toBe('3-a-double-11-walk-through-at-0020');
    expect(typedocSlug('3. A Double 11 walk-through at 00:20')).toBe('3-a-double-11-walk-through-at-0020');
    expect(githubSlug('8. Settling a case: remedies (RF-3, RF-5) and authority (RF-4)')).toBe('8-settling-a-case-remedies-rf-3-rf-5-and-authority-rf-4');
    expect(typedocSlug("The seed rule's worked example")).toBe('the-seed-rules-worked-example');
  });

  it('reads a heading as its shown text: code spans, links and emphasis reduced to words', () => {
    expect(headingText('Chase guide (`kefu/chase`)')).toBe('Chase guide (kefu/chase)');
    expect(githubSlug(headingText('Chase guide (`kefu/chase`)'))).toBe('chase-guide-kefuchase');
    expect(headingText('See **the [roster](roster.md)** _now_')).toBe('See the roster now');
  });

  it('keeps CJK letters; GitHub drops full-width punctuation and symbols, TypeDoc keeps them', () => {
    expect(githubSlug('安装与运行')).toBe('安装与运行');
    expect(typedocSlug('安装与运行')).toBe('安装与运行');
    expect(githubSlug('人力测算（HC）：从目标到坐席')).toBe('人力测算hc从目标到坐席');
    expect(typedocSlug('人力测算（HC）：从目标到坐席')).toBe('人力测算（hc）：从目标到坐席');
    expect(githubSlug('A × B → C')).toBe('a--b--c');
    expect(typedocSlug('A × B → C')).toBe('a-×-b-→-c');
  });

  it('drops the General Punctuation block in both, and TypeDoc collapses only the first run of hyphens', () => {
    expect(githubSlug('Before — and after — the event')).toBe('before--and-after--the-event');
    expect(typedocSlug('Before — and after — the event')).toBe('before-and-after--the-event');
  });

  it('numbers repeated headings -1, -2 in document order', () => {
    const hs = headings('# Limits\n\n## Limits\n\n```md\n## Limits\n```\n\n### Limits\n');
    expect(hs.map((h) => h.github)).toEqual(['limits', 'limits-1', 'limits-2']);
    expect(hs.map((h) => h.typedoc)).toEqual(['limits', 'limits-1', 'limits-2']);
  });
});

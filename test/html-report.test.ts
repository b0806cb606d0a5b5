// The demo's HTML report in a real browser: headless Chromium (playwright-core, the system's
// /usr/bin/chromium, installed by the setup when missing) opens the file, and the charts must have
// rendered, with no console error and no request leaving the page. A screenshot is saved to
// test/artifacts/report.png for people to look at.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../src/cli/demo.ts';
import { renderReport } from '../src/cli/html/report.ts';
import { ensureChromium } from './browser/ensure-chromium.ts';

/** The page's DOM as far as the checks below use it: the test project is typed without lib.dom. */
interface PageElement {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
}
declare const document: {
  querySelectorAll(selector: string): { readonly length: number } & Iterable<PageElement>;
  getElementById(id: string): PageElement | null;
};

const chromium = ensureChromium();
const artifacts = new URL('./artifacts/', import.meta.url);

interface PageFacts {
  readonly svgs: number;
  readonly charts: Record<string, number>;
  readonly marks: Record<string, number>;
  readonly rendered: Record<string, { width: number; height: number }>;
  readonly tables: number;
  readonly externalRefs: string[];
  readonly scripts: number;
}

describe.skipIf(!chromium.ok)(`HTML report in headless Chromium${chromium.ok ? '' : ` (skipped: ${chromium.reason})`}`, () => {
  let dir = '';
  let facts: PageFacts;
  let demo: ReturnType<typeof buildDemo>;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const failed: string[] = [];

  beforeAll(async () => {
    if (!chromium.ok) return;
    const { chromium: launcher } = await import('playwright-core');
    dir = mkdtempSync(join(tmpdir(), 'kefu-report-'));
    const file = join(dir, 'report.html');
    demo = buildDemo();
    writeFileSync(file, renderReport(demo), 'utf8');
    // A fresh profile in the temp dir (playwright takes it as the persistent context's user data dir).
    const context = await launcher.launchPersistentContext(join(dir, 'profile'), {
      executablePath: chromium.path,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      page.on('request', (request) => requests.push(request.url()));
      page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      facts = await page.evaluate(() => {
        const count = (selector: string) => document.querySelectorAll(selector).length;
        const ids = ['chart-headcount', 'chart-coverage', 'chart-roster', 'chart-pareto'];
        const rendered: Record<string, { width: number; height: number }> = {};
        for (const id of ids) {
          const box = document.getElementById(id)?.getBoundingClientRect();
          rendered[id] = { width: box?.width ?? 0, height: box?.height ?? 0 };
        }
        const external = [...document.querySelectorAll('[src], [href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '').filter((u) => u !== '' && !u.startsWith('#'));
        return {
          svgs: count('svg'),
          charts: Object.fromEntries(ids.map((id) => [id, count(`#${id}`)])),
          marks: {
            seats: count('#chart-headcount rect.mark.bar'),
            agentsLine: count('#chart-headcount path.mark.line'),
            required: count('#chart-coverage path.mark.area'),
            scheduled: count('#chart-coverage path.mark.line'),
            short: count('#chart-coverage rect.mark.short'),
            shifts: count('#chart-roster rect.mark.cell'),
            paretoBars: count('#chart-pareto rect.mark.bar'),
            paretoPoints: count('#chart-pareto circle.mark.point'),
            cumulative: count('#chart-pareto path.mark.line'),
          },
          rendered,
          tables: count('table'),
          externalRefs: external,
          scripts: count('script'),
        };
      });
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: new URL('report.png', artifacts).pathname, fullPage: true });
    } finally {
      await context.close();
    }
  }, 240_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('has the four charts, each drawn with a real size', () => {
    expect(facts.svgs).toBe(4);
    for (const [id, n] of Object.entries(facts.charts)) expect(n, id).toBe(1);
    for (const [id, box] of Object.entries(facts.rendered)) {
      expect(box.width, id).toBeGreaterThan(300);
      expect(box.height, id).toBeGreaterThan(150);
    }
  });

  it('draws the marks: 24 hourly bars, coverage area and line, one cell per shift, one Pareto bar and point per reason', () => {
    expect(facts.marks['seats']).toBe(24);
    expect(facts.marks['agentsLine']).toBe(1);
    expect(facts.marks['required']).toBe(1);
    expect(facts.marks['scheduled']).toBe(1);
    expect(facts.marks['short']).toBe(new Set(demo.roster.unmet.map((u) => u.start)).size);
    expect(facts.marks['shifts']).toBe(demo.roster.assignments.length);
    expect(facts.marks['paretoBars']).toBe(demo.analysis.pareto.length);
    expect(facts.marks['paretoPoints']).toBe(demo.analysis.pareto.length);
    expect(facts.marks['cumulative']).toBe(1);
    expect(facts.tables).toBeGreaterThanOrEqual(10);
  });

  it('is self-contained: no script, no external reference, no request but the page itself, no console error', () => {
    expect(facts.scripts).toBe(0);
    expect(facts.externalRefs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

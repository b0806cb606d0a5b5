// The HTML report without a browser: text is escaped everywhere, nothing is fetched from
// anywhere, and the chart functions draw finite geometry for any input, empty included.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildDemo, type DemoReport } from '../src/cli/demo.ts';
import { coverageChart, headcountChart, paretoChart, rosterHeatmap } from '../src/cli/html/charts.ts';
import { renderReport } from '../src/cli/html/report.ts';
import { el, escapeXml, niceTicks, num, text } from '../src/cli/html/svg.ts';
import { REFUND_REASONS } from '../src/refunds/index.ts';

describe('svg helpers', () => {
  it('escape the five XML specials in content and in attributes', () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(el('rect', { title: '"><script>', width: 1.006 })).toBe('<rect title="&quot;&gt;&lt;script&gt;" width="1.01"></rect>');
    expect(text(1, 2, '<b>尺码</b>')).toBe('<text x="1" y="2">&lt;b&gt;尺码&lt;/b&gt;</text>');
    expect(el('g', { hidden: undefined })).toBe('<g></g>');
  });

  it('write numbers with at most two decimals and never -0', () => {
    expect([num(1 / 3), num(-0.001), num(2), num(-1.5)]).toEqual(['0.33', '0', '2', '-1.5']);
  });

  test.prop([fc.double({ min: 0.001, max: 1e7, noNaN: true }), fc.integer({ min: 2, max: 10 })])('nice ticks start at 0, rise, and reach the maximum', (max, count) => {
    const ticks = niceTicks(max, count);
    expect(ticks[0]).toBe(0);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]).toBeGreaterThan(ticks[i - 1] as number);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    expect(ticks.length).toBeLessThanOrEqual(2 * count + 2);
  });
});

describe('charts', () => {
  const report = buildDemo();
  const noBadNumbers = (svg: string) => expect(svg).not.toMatch(/NaN|Infinity|undefined/);

  it('draw the demo with one mark per datum', () => {
    const headcount = headcountChart(report.plan);
    expect(headcount.match(/class="mark bar seats"/g)).toHaveLength(24);
    const pareto = paretoChart(report.analysis.pareto, (c) => REFUND_REASONS[c].label['zh-CN']);
    expect(pareto.match(/class="mark point"/g)).toHaveLength(report.analysis.pareto.length);
    const heat = rosterHeatmap(report.agents.map((a) => ({ id: a.id, name: a.name, kind: a.kind ?? 'agent' })), report.days.map((d) => d.date), report.roster.assignments, report.roster.fairness.hoursByAgent, '2026-11-11');
    expect(heat.match(/class="mark cell shift"/g)).toHaveLength(report.roster.assignments.length);
    expect(heat.match(/class="cell off"/g)).toHaveLength(30 * 14 - report.roster.assignments.length);
    const coverage = coverageChart(report.roster.coverage, '2026-11-11');
    expect(coverage).toContain('class="event-day"');
    for (const svg of [headcount, pareto, heat, coverage]) noBadNumbers(svg);
  });

  it('draw empty inputs without NaN', () => {
    noBadNumbers(paretoChart([], () => ''));
    noBadNumbers(coverageChart([], '2026-11-11'));
    noBadNumbers(rosterHeatmap([], [], [], {}, '2026-11-11'));
    noBadNumbers(coverageChart([{ start: '2026-11-11T00:00:00+08:00', skill: 'presale', required: 0, scheduled: 0 }], '2026-11-11'));
  });
});

describe('the report page', () => {
  const report = buildDemo();
  const html = renderReport(report);

  it('is one self-contained document: no script, no link, no image, no URL but the SVG namespace', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html.match(/<table>/g)?.length).toBeGreaterThanOrEqual(10);
  });

  it('escapes every text that comes from data: agent names, refund texts, chart titles', () => {
    const hostile = '<script>alert("x")</script>&';
    const evil: DemoReport = {
      ...report,
      agents: report.agents.map((a, i) => (i === 0 ? { ...a, name: hostile } : a)),
      analysis: { ...report.analysis, summary: [...report.analysis.summary, hostile] },
      shop: { ...report.shop, name: hostile as typeof report.shop.name },
    };
    const page = renderReport(evil);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
  });
});

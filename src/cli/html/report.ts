// The demo as one self-contained HTML page: inline CSS, inline SVG charts, the same tables as the
// terminal. No script, no font, image or style sheet from anywhere else.
import type { DemoBlock, DemoReport, DemoSection } from '../demo.ts';
import { demoSections, demoTitle } from '../demo.ts';
import { REFUND_REASONS } from '../../refunds/index.ts';
import { coverageChart, headcountChart, paretoChart, rosterHeatmap } from './charts.ts';
import { el, escapeXml } from './svg.ts';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #222; background: #fafafa; }
header { background: #1d3557; color: #fff; padding: 24px 32px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; opacity: .85; }
main { max-width: 1040px; margin: 0 auto; padding: 16px 32px 48px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 8px; }
.card { flex: 1 1 160px; background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 12px 16px; }
.card b { display: block; font-size: 22px; color: #1d3557; }
section { margin-top: 36px; }
h2 { font-size: 18px; border-bottom: 2px solid #1d3557; padding-bottom: 4px; }
figure { margin: 16px 0; background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 8px; overflow-x: auto; }
figcaption { font-size: 12px; color: #555; padding: 4px 8px 0; }
svg.chart { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 12px 0; background: #fff; font-size: 13px; }
th, td { border: 1px solid #e3e3e3; padding: 3px 6px; text-align: left; vertical-align: top; white-space: nowrap; }
th { white-space: normal; min-width: 3em; }
td.wrap { white-space: normal; min-width: 18em; }
th { background: #f0f4f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
p.note { font-size: 12px; color: #555; margin-top: -6px; }
footer { color: #777; font-size: 12px; margin-top: 48px; }
`;

function blockHtml(block: DemoBlock): string {
  if (block.kind === 'text') return el('p', {}, escapeXml(block.text.trim()));
  if (block.kind === 'list') return el('ul', {}, block.items.map((item) => el('li', {}, escapeXml(item))));
  const cls = (c: number) => (block.columns[c]?.align === 'right' ? 'num' : undefined);
  const head = el('tr', {}, block.columns.map((col, c) => el('th', { class: cls(c) }, escapeXml(col.header))));
  // Long texts (reasons, sentences) wrap; names, numbers and codes stay on one line.
  const body = block.rows.map((row) => el('tr', {}, block.columns.map((_, c) => el('td', { class: cls(c) ?? ((row[c] ?? '').length > 40 ? 'wrap' : undefined) }, escapeXml(row[c] ?? '')))));
  return el('div', { class: 'scroll' }, el('table', {}, [el('thead', {}, head), el('tbody', {}, body)])) + (block.note === undefined ? '' : el('p', { class: 'note' }, escapeXml(block.note)));
}

function figure(svg: string, caption: string): string {
  return el('figure', {}, [svg, el('figcaption', {}, escapeXml(caption))]);
}

function charts(section: DemoSection, r: DemoReport): string[] {
  switch (section.id) {
    case 'headcount':
      return [figure(headcountChart(r.plan), 'Seats to schedule and agents on the queue per hour of 11.11: the launch hour at midnight is the peak (RO-1).')];
    case 'roster':
      return [
        figure(coverageChart(r.roster.coverage, r.shop.date), 'Demand vs coverage: agents required and scheduled in every hour of the two weeks, all skills together; red marks show hours where a skill is short.'),
        figure(
          rosterHeatmap(
            r.agents.map((a) => ({ id: a.id, name: a.name, kind: a.kind ?? 'agent' })),
            r.days.map((d) => d.date),
            r.roster.assignments,
            r.roster.fairness.hoursByAgent,
            r.shop.date,
          ),
          'Roster heat map: who works which shift on which day; days off pale, aftersale shifts outlined.',
        ),
      ];
    case 'refunds':
      return [figure(paretoChart(r.analysis.pareto, (code) => REFUND_REASONS[code].label['zh-CN']), 'Refund Pareto: reasons by count with the cumulative share; the vital few reach 80% of refunds.')];
    default:
      return [];
  }
}

/** The whole report: one HTML document with everything inline. */
export function renderReport(report: DemoReport): string {
  const sections = demoSections(report);
  const rosterShort = report.roster.totals.understaffedHours;
  const coverage = report.roster.totals.requiredHours === 0 ? 1 : report.roster.totals.coveredHours / report.roster.totals.requiredHours;
  const cards: Array<[string, string]> = [
    [`${report.plan.peakScheduled}`, `seats at the ${report.plan.peakStart.slice(11, 16)} peak 峰值排班`],
    [`${report.plan.hiringGap ?? 0}`, 'people to hire or borrow 招聘缺口'],
    [`${(coverage * 100).toFixed(1)}%`, `demand covered, ${rosterShort} agent-hours short 排班覆盖`],
    [`${report.chase.totals.send.im + report.chase.totals.send.sms + report.chase.totals.send.phone}`, `chases to send at ${report.chase.now.slice(11, 16)} 待催付`],
    [report.analysis.avoidableShare === null ? '-' : `${(report.analysis.avoidableShare * 100).toFixed(1)}%`, 'of refunds avoidable 可避免退款'],
  ];
  const body = [
    el('header', {}, [el('h1', {}, escapeXml(`双十一 Double 11 plan · ${report.shop.name}`)), el('p', {}, escapeXml(demoTitle(report)))]),
    el('main', {}, [
      el('div', { class: 'cards' }, cards.map(([value, label]) => el('div', { class: 'card' }, [el('b', {}, escapeXml(value)), escapeXml(label)]))),
      ...sections.map((section) => el('section', { id: section.id }, [el('h2', {}, escapeXml(section.title)), ...charts(section, report), ...section.blocks.map(blockHtml)])),
      el('footer', {}, escapeXml('Generated by kefu demo from the sample shop that ships with kefu. Every figure is computed by the library; the data are illustrative.')),
    ]),
  ];
  return `<!doctype html>\n${el('html', { lang: 'zh-CN' }, [
    el('head', {}, [
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      el('title', {}, escapeXml(`kefu · Double 11 report · ${report.shop.name}`)),
      el('style', {}, CSS),
    ]),
    el('body', {}, body),
  ])}\n`;
}

// The report's charts as SVG strings: the event day's seats, demand vs coverage over the roster
// horizon, the roster heat map per agent and day, and the refund Pareto. Pure functions of the
// demo's results; every mark carries the class `mark` (and its kind) so that tests can count them.
import type { PlanStaffingResult } from '../../headcount/index.ts';
import type { ParetoStep } from '../../refunds/index.ts';
import type { RosterAssignment, RosterCoverage } from '../../roster/index.ts';
import { displayWidth } from '../table.ts';
import { el, escapeXml, linePath, niceTicks, num, scale, svgChart, text } from './svg.ts';

/** Fill colours of the shift templates in the heat map (unknown ids get the last one). */
export const SHIFT_COLORS: Readonly<Record<string, string>> = {
  early: '#8ecae6',
  mid: '#52b788',
  late: '#f4a261',
  night: '#5a4e9c',
  eve4: '#e07a9b',
  other: '#999999',
};

const AXIS = { stroke: '#888', 'stroke-width': 1 } as const;
const SMALL = { 'font-size': 11, fill: '#444' } as const;

function yAxis(ticks: readonly number[], y: (v: number) => number, x0: number, x1: number, format: (v: number) => string = String): string[] {
  return ticks.flatMap((t) => [
    el('line', { x1: x0, x2: x1, y1: y(t), y2: y(t), stroke: '#e5e5e5', 'stroke-width': 1 }),
    text(x0 - 6, y(t) + 4, format(t), { ...SMALL, 'text-anchor': 'end' }),
  ]);
}

/** Bars of seats per hour of the event day, with the agents on the queue as a line. */
export function headcountChart(plan: PlanStaffingResult): string {
  const W = 720;
  const H = 260;
  const m = { l: 44, r: 16, t: 16, b: 36 };
  const n = plan.intervals.length;
  const max = Math.max(1, ...plan.intervals.map((i) => i.scheduled));
  const ticks = niceTicks(max, 5);
  const top = ticks[ticks.length - 1] as number;
  const y = scale([0, top], [H - m.b, m.t]);
  const band = (W - m.l - m.r) / Math.max(1, n);
  const x = (k: number) => m.l + k * band;
  const bars = plan.intervals.map((i, k) =>
    el('rect', { class: 'mark bar seats', x: x(k) + band * 0.12, y: y(i.scheduled), width: band * 0.76, height: y(0) - y(i.scheduled), fill: k === 0 ? '#d62828' : '#457b9d' }, el('title', {}, escapeXml(`${i.start.slice(11, 16)}: ${i.scheduled} seats, ${i.agents} agents, ${Math.round(i.calls)} chats`))),
  );
  const agents = linePath(plan.intervals.map((i, k) => [x(k) + band / 2, y(i.agents)] as const));
  const labels = plan.intervals.flatMap((i, k) => (k % 3 === 0 ? [text(x(k) + band / 2, H - m.b + 16, i.start.slice(11, 16), { ...SMALL, 'text-anchor': 'middle' })] : []));
  return svgChart('chart-headcount', W, H, 'Seats per hour on the event day 双十一每小时排班人数', `Bars: seats to schedule per hour (peak ${plan.peakScheduled} at ${plan.peakStart.slice(11, 16)}); line: agents on the queue.`, [
    ...yAxis(ticks, y, m.l, W - m.r),
    ...bars,
    el('path', { class: 'mark line agents', d: agents, fill: 'none', stroke: '#1d3557', 'stroke-width': 2 }),
    el('line', { x1: m.l, x2: W - m.r, y1: y(0), y2: y(0), ...AXIS }),
    ...labels,
    legend(W - m.r - 220, m.t, [
      ['#457b9d', 'seats 排班'],
      ['#1d3557', 'agents 在线', 'line'],
    ]),
  ]);
}

/** Legend entries: colour, label, and `line` for a line swatch; each entry as wide as its label. */
function legend(x: number, y: number, entries: ReadonlyArray<readonly [string, string, 'line'?]>): string {
  let offset = 0;
  return el(
    'g',
    { class: 'legend' },
    entries.map(([color, label, kind]) => {
      const at = offset;
      offset += 34 + displayWidth(label) * 6.2;
      return el('g', { transform: `translate(${num(x + at)} ${num(y)})` }, [
        kind === 'line' ? el('line', { x1: 0, x2: 14, y1: 6, y2: 6, stroke: color, 'stroke-width': 2 }) : el('rect', { width: 12, height: 12, fill: color }),
        text(18, 10, label, SMALL),
      ]);
    }),
  );
}

/**
 * Demand vs coverage per interval over the roster horizon, all skills together: the required
 * agents as a shaded step area, the scheduled agents as a step line, and under the axis a strip
 * of red marks where some skill is short (summed over skills). Days are separated and labelled;
 * the event day is highlighted.
 */
export function coverageChart(coverage: readonly RosterCoverage[], eventDate: string): string {
  const slots = [...new Set(coverage.map((c) => c.start))];
  const index = new Map(slots.map((s, k) => [s, k]));
  const required = new Array<number>(slots.length).fill(0);
  const scheduled = new Array<number>(slots.length).fill(0);
  const short = new Array<number>(slots.length).fill(0);
  for (const c of coverage) {
    const k = index.get(c.start) as number;
    required[k] = (required[k] as number) + c.required;
    scheduled[k] = (scheduled[k] as number) + c.scheduled;
    short[k] = (short[k] as number) + Math.max(0, c.required - c.scheduled);
  }
  const W = 960;
  const H = 320;
  const m = { l: 44, r: 16, t: 24, b: 70 };
  const max = Math.max(1, ...required, ...scheduled);
  const ticks = niceTicks(max, 5);
  const y = scale([0, ticks[ticks.length - 1] as number], [H - m.b, m.t]);
  const n = Math.max(1, slots.length);
  const x = scale([0, n], [m.l, W - m.r]);
  const step = (values: readonly number[]) => linePath(values.flatMap((v, k) => [[x(k), y(v)] as const, [x(k + 1), y(v)] as const]));
  const area = `${step(required)} L${num(x(n))} ${num(y(0))} L${num(x(0))} ${num(y(0))} Z`;
  const days: string[] = [];
  slots.forEach((s, k) => {
    if (k > 0 && s.slice(0, 10) === slots[k - 1]?.slice(0, 10)) return;
    const date = s.slice(0, 10);
    const end = slots.findIndex((t, j) => j > k && t.slice(0, 10) !== date);
    const to = end < 0 ? n : end;
    if (date === eventDate) days.push(el('rect', { class: 'event-day', x: x(k), y: m.t, width: x(to) - x(k), height: y(0) - m.t, fill: '#fff3cd' }));
    days.push(el('line', { x1: x(k), x2: x(k), y1: m.t, y2: y(0) + 30, stroke: '#ccc', 'stroke-width': 1 }));
    days.push(text((x(k) + x(to)) / 2, H - m.b + 44, date.slice(5), { ...SMALL, 'text-anchor': 'middle' }));
  });
  const stripY = y(0) + 8;
  const shortMax = Math.max(1, ...short);
  const marks = short.flatMap((v, k) =>
    v > 0 ? [el('rect', { class: 'mark short', x: x(k), y: stripY, width: Math.max(1, x(k + 1) - x(k)), height: 4 + (14 * v) / shortMax, fill: '#d62828' }, el('title', {}, escapeXml(`${slots[k] ?? ''}: short by ${v}`)))] : [],
  );
  const totalShort = short.reduce((a, b) => a + b, 0);
  return svgChart(
    'chart-coverage',
    W,
    H,
    'Demand vs coverage per hour 需求与排班覆盖',
    `Agents required (shaded) and scheduled (line) in each hour of the roster horizon, all skills together; red marks under the axis: ${totalShort} agent-hours short in some skill.`,
    [
      ...days,
      ...yAxis(ticks, y, m.l, W - m.r),
      el('path', { class: 'mark area required', d: area, fill: '#a8dadc', 'fill-opacity': 0.8, stroke: 'none' }),
      el('path', { class: 'mark line scheduled', d: step(scheduled), fill: 'none', stroke: '#1d3557', 'stroke-width': 1.5 }),
      el('line', { x1: m.l, x2: W - m.r, y1: y(0), y2: y(0), ...AXIS }),
      ...marks,
      text(m.l - 6, stripY + 10, 'short', { ...SMALL, 'text-anchor': 'end', fill: '#d62828' }),
      legend(W - m.r - 340, 4, [
        ['#a8dadc', 'required 需求'],
        ['#1d3557', 'scheduled 排班', 'line'],
        ['#d62828', 'short 缺口'],
      ]),
    ],
  );
}

/** One row of the heat map. */
export interface HeatmapAgent {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

/**
 * The roster as a grid: one row per agent, one column per day, each worked day coloured by its
 * shift (aftersale shifts outlined), days off left pale; the agent's hours at the row's end.
 */
export function rosterHeatmap(agents: readonly HeatmapAgent[], dates: readonly string[], assignments: readonly RosterAssignment[], hoursByAgent: Readonly<Record<string, number>>, eventDate: string): string {
  const cellW = 50;
  const cellH = 18;
  const left = 170;
  const top = 44;
  const W = left + dates.length * cellW + 70;
  const H = top + agents.length * cellH + 50;
  const byKey = new Map(assignments.map((a) => [`${a.agentId}|${a.date}`, a]));
  const cells: string[] = [];
  agents.forEach((agent, r) => {
    const cy = top + r * cellH;
    cells.push(text(left - 8, cy + 13, `${agent.name} ${agent.id}`, { ...SMALL, 'text-anchor': 'end' }));
    dates.forEach((date, c) => {
      const a = byKey.get(`${agent.id}|${date}`);
      const cx = left + c * cellW;
      if (a === undefined) {
        cells.push(el('rect', { class: 'cell off', x: cx + 1, y: cy + 1, width: cellW - 2, height: cellH - 2, fill: '#f1f1f1' }));
        return;
      }
      const fill = SHIFT_COLORS[a.shiftId] ?? (SHIFT_COLORS['other'] as string);
      cells.push(
        el(
          'rect',
          { class: 'mark cell shift', 'data-shift': a.shiftId, x: cx + 1, y: cy + 1, width: cellW - 2, height: cellH - 2, fill, stroke: a.skill === 'aftersale' ? '#222' : 'none', 'stroke-width': a.skill === 'aftersale' ? 1.5 : 0 },
          el('title', {}, escapeXml(`${agent.name} ${date}: ${a.shiftId} ${a.start.slice(11, 16)}–${a.end.slice(11, 16)}, ${a.skill}`)),
        ),
      );
      cells.push(text(cx + cellW / 2, cy + 13, a.shiftId.slice(0, 1).toUpperCase(), { 'font-size': 10, 'text-anchor': 'middle', fill: a.shiftId === 'night' ? '#fff' : '#222' }));
    });
    cells.push(text(left + dates.length * cellW + 8, cy + 13, `${num(hoursByAgent[agent.id] ?? 0)} h`, SMALL));
  });
  const header = dates.map((date, c) => {
    const cx = left + c * cellW;
    return el('g', {}, [
      ...(date === eventDate ? [el('rect', { x: cx, y: top - 22, width: cellW, height: 20, fill: '#fff3cd' })] : []),
      text(cx + cellW / 2, top - 8, date.slice(5), { ...SMALL, 'text-anchor': 'middle', 'font-weight': date === eventDate ? 'bold' : 'normal' }),
    ]);
  });
  const legendItems = Object.entries(SHIFT_COLORS)
    .filter(([id]) => id !== 'other')
    .map(([id, color], i) => el('g', { transform: `translate(${left + i * 90} ${H - 26})` }, [el('rect', { width: 12, height: 12, fill: color }), text(18, 10, id, SMALL)]));
  legendItems.push(el('g', { transform: `translate(${left + 5 * 90} ${H - 26})` }, [el('rect', { width: 12, height: 12, fill: '#fff', stroke: '#222', 'stroke-width': 1.5 }), text(18, 10, 'aftersale 售后', SMALL)]));
  const shifts = assignments.length;
  return svgChart('chart-roster', W, H, 'Roster heat map 排班热力图', `${agents.length} agents × ${dates.length} days, ${shifts} shifts; colour = shift, outline = aftersale, pale = day off.`, [...header, ...cells, ...legendItems]);
}

/** Refund reasons by count (bars) with the cumulative share (line) and the 80% mark. */
export function paretoChart(pareto: readonly ParetoStep[], label: (code: ParetoStep['code']) => string, vitalShare = 0.8): string {
  const W = 960;
  const H = 360;
  const m = { l: 44, r: 52, t: 24, b: 120 };
  const n = Math.max(1, pareto.length);
  const max = Math.max(1, ...pareto.map((p) => p.count));
  const ticks = niceTicks(max, 5);
  const y = scale([0, ticks[ticks.length - 1] as number], [H - m.b, m.t]);
  const yc = scale([0, 1], [H - m.b, m.t]);
  const band = (W - m.l - m.r) / n;
  const cx = (k: number) => m.l + k * band + band / 2;
  const bars = pareto.map((p, k) =>
    el(
      'rect',
      { class: `mark bar${p.vital ? ' vital' : ''}`, x: m.l + k * band + band * 0.15, y: y(p.count), width: band * 0.7, height: y(0) - y(p.count), fill: p.vital ? '#e76f51' : '#bbb' },
      el('title', {}, escapeXml(`${label(p.code)} (${p.code}): ${p.count}, cumulative ${(p.cumulativeShare * 100).toFixed(1)}%`)),
    ),
  );
  const cumulative = linePath(pareto.map((p, k) => [cx(k), yc(p.cumulativeShare)] as const));
  const points = pareto.map((p, k) => el('circle', { class: 'mark point', cx: cx(k), cy: yc(p.cumulativeShare), r: 3, fill: '#264653' }));
  const labels = pareto.map((p, k) => text(cx(k), H - m.b + 12, label(p.code), { ...SMALL, 'text-anchor': 'end', transform: `rotate(-45 ${num(cx(k))} ${num(H - m.b + 12)})` }));
  const right = [0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => text(W - m.r + 6, yc(t) + 4, `${t * 100}%`, SMALL));
  return svgChart('chart-pareto', W, H, 'Refund reasons, Pareto 退款原因帕累托', `Bars: refunds per reason, most first (the vital few in colour); line: cumulative share; dashed: ${vitalShare * 100}%.`, [
    ...yAxis(ticks, y, m.l, W - m.r),
    ...bars,
    el('line', { x1: m.l, x2: W - m.r, y1: yc(vitalShare), y2: yc(vitalShare), stroke: '#264653', 'stroke-dasharray': '4 4', 'stroke-width': 1 }),
    el('path', { class: 'mark line cumulative', d: cumulative, fill: 'none', stroke: '#264653', 'stroke-width': 2 }),
    ...points,
    el('line', { x1: m.l, x2: W - m.r, y1: y(0), y2: y(0), ...AXIS }),
    ...labels,
    ...right,
    legend(m.l + 8, 4, [
      ['#e76f51', 'vital few 关键少数'],
      ['#bbb', 'other reasons'],
      ['#264653', 'cumulative 累计', 'line'],
    ]),
  ]);
}

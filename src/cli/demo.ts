// `kefu demo` (npm start): Double 11 for the sample shop, every domain in turn. The headcount per
// hour from the funnel, a two-week roster around 11.11, the chase queue at 00:20 on the event day,
// the leaderboard and bonuses, and the refund review. `buildDemo` computes it all; `demoLines`
// prints it as tables; `renderReport` (html/report.ts) draws it.
import { CHASE_REASONS, planChases, type ChasePlan, type ChaseReasonCode } from '../chase/index.ts';
import { planStaffing, receptionsFromFunnel, type PlanStaffingResult, type ReceptionsFromFunnelResult } from '../headcount/index.ts';
import { leaderboard, payout, prizeAwards, scoreAgents, type AgentScore, type KpiRecord, type LeaderboardEntry, type PayoutResult, type PrizeAward } from '../kpi/index.ts';
import { analyzeRefunds, classifyRefundReason, REFUND_REASONS, type RefundAnalysis, type RefundClassification, type RefundRecord } from '../refunds/index.ts';
import { generateRoster, type RosterAgent, type RosterInput, type RosterResult } from '../roster/index.ts';
import { AGENT_NAMES, SAMPLE_AGENTS, SAMPLE_SHIFTS, type SampleAgent } from './sample/agents.ts';
import { SAMPLE_BONUS, sampleDayTarget, sampleKpiRecords, SAMPLE_PRIZES, SAMPLE_SCORECARD } from './sample/kpi.ts';
import { sampleChaseDay, type SampleChaseDay } from './sample/orders.ts';
import { SAMPLE_ORDER_STATS, SAMPLE_REFUNDS } from './sample/refunds.ts';
import { ROSTER_DAYS, ROSTER_START, SAMPLE_SHOP, sampleDays, type SampleDay } from './sample/shop.ts';
import { displayWidth, renderTable, type TableColumn } from './table.ts';

/** Options of {@link buildDemo}. */
export interface DemoOptions {
  /** The roster's time limit in milliseconds (default 3000; the sample roster usually proves optimal in under a second). */
  readonly timeLimitMs?: number;
}

/** One agent's event-day bonus against the day target (KPI-5). */
export interface DemoBonus {
  readonly agentId: string;
  readonly sales: string;
  readonly target: string;
  readonly payout: PayoutResult;
}

/** Everything the demo computed, for the text tables and the HTML report. */
export interface DemoReport {
  readonly shop: typeof SAMPLE_SHOP;
  readonly funnel: ReceptionsFromFunnelResult;
  /** The event day, hour by hour. */
  readonly plan: PlanStaffingResult;
  readonly days: readonly SampleDay[];
  readonly agents: readonly SampleAgent[];
  readonly rosterInput: RosterInput;
  readonly roster: RosterResult;
  readonly chaseDay: SampleChaseDay;
  readonly chase: ChasePlan;
  readonly records: readonly KpiRecord[];
  readonly scores: readonly AgentScore[];
  readonly board: readonly LeaderboardEntry[];
  readonly prizes: readonly PrizeAward[];
  readonly bonuses: readonly DemoBonus[];
  readonly refunds: readonly RefundRecord[];
  readonly classifications: readonly RefundClassification[];
  readonly analysis: RefundAnalysis;
}

const chatSettings = () => ({ ahtSecondsByConcurrency: [...SAMPLE_SHOP.chatSecondsByConcurrency], model: 'balanced' as const });

/** Runs every domain on the sample shop. Deterministic unless the roster's time limit cuts its search short. */
export function buildDemo(options: DemoOptions = {}): DemoReport {
  const shop = SAMPLE_SHOP;
  // Headcount (HC-1..HC-5): the funnel, then the event day hour by hour.
  const funnel = receptionsFromFunnel({
    salesTarget: shop.salesTarget,
    averageOrderValue: shop.averageOrderValue,
    csShare: shop.csShare,
    inquiryConversion: shop.inquiryConversion,
    botShare: shop.botShare,
  });
  const days = sampleDays(funnel.humanReceptions);
  const event = days.find((d) => d.date === shop.date) as SampleDay;
  const plan = planStaffing({
    date: shop.date,
    timeZone: shop.timeZone,
    intervalMinutes: 60,
    volumes: { total: funnel.humanReceptions, profile: event.profile },
    chat: chatSettings(),
    serviceLevel: shop.serviceLevel,
    maxOccupancy: shop.maxOccupancy,
    shrinkage: shop.shrinkage,
    currentStaff: shop.currentStaff,
  });

  // Roster (RO-1..RO-7): seats per hour and skill for each day of the horizon, then shifts.
  const demand: Record<'presale' | 'aftersale', number[]> = { presale: [], aftersale: [] };
  for (const day of days) {
    for (const skill of ['presale', 'aftersale'] as const) {
      const share = skill === 'presale' ? day.presaleShare : 1 - day.presaleShare;
      const perSkill = planStaffing({
        date: day.date,
        timeZone: shop.timeZone,
        intervalMinutes: 60,
        volumes: { total: day.receptions * share, profile: day.profile },
        chat: chatSettings(),
        serviceLevel: shop.serviceLevel,
        maxOccupancy: shop.maxOccupancy,
        shrinkage: shop.shrinkage,
      });
      demand[skill].push(...perSkill.intervals.map((i) => i.scheduled));
    }
  }
  const rosterInput: RosterInput = {
    startDate: ROSTER_START,
    days: ROSTER_DAYS,
    timeZone: shop.timeZone,
    demand,
    shifts: SAMPLE_SHIFTS,
    agents: SAMPLE_AGENTS.map(({ name: _name, team: _team, ...agent }): RosterAgent => agent),
    // RO-1: at least four full-timers on duty in the first two hours of the event.
    rules: { coreTeams: [{ date: shop.date, from: '00:00', to: '02:00', minAgents: 4, kinds: ['fulltime'] }] },
    timeLimitMs: options.timeLimitMs ?? 3000,
  };
  const roster = generateRoster(rosterInput);

  // Chase (CH-1..CH-13): the queue twenty minutes after the launch.
  const chaseDay = sampleChaseDay();
  const chase = planChases({ now: chaseDay.now, orders: chaseDay.orders, buyers: chaseDay.buyers, log: chaseDay.log });

  // KPI (KPI-2, KPI-5, KPI-6): scores, the sales board with prizes, bonuses against day targets.
  const records = sampleKpiRecords();
  const scores = scoreAgents(records, SAMPLE_SCORECARD);
  const board = leaderboard(records, 'salesAmount', { top: 3 });
  const prizes = prizeAwards({ ranking: board, prizes: [...SAMPLE_PRIZES] });
  const bonuses = SAMPLE_AGENTS.flatMap((agent): DemoBonus[] => {
    const target = sampleDayTarget(agent);
    const sales = records.find((r) => r.agentId === agent.id)?.counters.salesAmount;
    if (target === null || sales === undefined) return [];
    return [{ agentId: agent.id, sales: String(sales), target, payout: payout(sales, target, SAMPLE_BONUS) }];
  });

  // Refunds (RF-1): each text classified, then the review.
  const classifications = SAMPLE_REFUNDS.map((r) => classifyRefundReason(r.text ?? ''));
  const analysis = analyzeRefunds(SAMPLE_REFUNDS, SAMPLE_ORDER_STATS);

  return { shop, funnel, plan, days, agents: SAMPLE_AGENTS, rosterInput, roster, chaseDay, chase, records, scores, board, prizes, bonuses, refunds: SAMPLE_REFUNDS, classifications, analysis };
}

const fmt = (n: number, places = 0) => n.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
const pct = (x: number, places = 1) => `${(x * 100).toFixed(places)}%`;
const hhmm = (instant: string) => instant.slice(11, 16);
const money = (amount: string) => `¥${fmt(Number(amount), 2)}`;

/** The letter of a shift in the roster grid. */
export const SHIFT_LETTERS: Readonly<Record<string, string>> = { early: 'E', mid: 'M', late: 'L', night: 'N', eve4: 'e' };

/** A part of a demo section: a paragraph, a list or a table. */
export type DemoBlock =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[]; readonly note?: string };

/** One section of the demo (one domain). */
export interface DemoSection {
  /** `headcount`, `roster`, `chase`, `kpi`, `refunds`: the report puts each section's charts by it. */
  readonly id: 'headcount' | 'roster' | 'chase' | 'kpi' | 'refunds';
  readonly title: string;
  readonly blocks: readonly DemoBlock[];
}

/** The demo's title line. */
export function demoTitle(report: DemoReport): string {
  return `kefu demo: 双十一 Double 11 for ${report.shop.name}, ${report.shop.date} (${report.shop.timeZone})`;
}

/** The demo's sections, for the terminal and the report alike. */
export function demoSections(report: DemoReport): DemoSection[] {
  return [headcountSection(report), rosterSection(report), chaseSection(report), kpiSection(report), refundSection(report)];
}

/** The demo as lines of text: tables with zh-CN and English headers. */
export function demoLines(report: DemoReport): string[] {
  const lines = [demoTitle(report)];
  for (const section of demoSections(report)) {
    lines.push('', section.title, '='.repeat(Math.min(100, displayWidth(section.title))));
    let previous: DemoBlock['kind'] | undefined;
    for (const block of section.blocks) {
      if (block.kind === 'table' || previous === 'table') lines.push('');
      if (block.kind === 'text') lines.push(block.text);
      else if (block.kind === 'list') lines.push(...block.items.map((item) => `  - ${item}`));
      else lines.push(...renderTable(block.columns, block.rows), ...(block.note === undefined ? [] : [block.note]));
      previous = block.kind;
    }
  }
  return lines;
}

const text = (t: string): DemoBlock => ({ kind: 'text', text: t });
const list = (items: readonly string[]): DemoBlock => ({ kind: 'list', items });
const table = (columns: readonly TableColumn[], rows: readonly (readonly string[])[], note?: string): DemoBlock => ({ kind: 'table', columns, rows, ...(note === undefined ? {} : { note }) });

function headcountSection(r: DemoReport): DemoSection {
  const { shop, funnel, plan } = r;
  const rows = plan.intervals.map((i) => [hhmm(i.start), fmt(i.calls, 1), fmt(i.trafficErlangs, 1), String(i.agents), String(i.scheduled), pct(i.serviceLevel), i.binding]);
  return {
    id: 'headcount',
    title: '1. 人力测算 Headcount per hour (HC-1..HC-6)',
    blocks: [
      text(`Funnel 漏斗: target ${money(shop.salesTarget)} ÷ AOV ${money(shop.averageOrderValue)} = ${fmt(funnel.buyers)} buyers; ${pct(shop.csShare, 0)} buy through CS ÷ ${pct(shop.inquiryConversion, 0)} inquiry conversion = ${fmt(funnel.receptions)} receptions;`),
      text(`  the bot (店小蜜) takes ${pct(shop.botShare, 0)}: ${fmt(funnel.botReceptions)}; agents receive ${fmt(funnel.humanReceptions)} chats.`),
      text(`Service 服务: ${pct(shop.serviceLevel.target, 0)} answered in ${shop.serviceLevel.answerSeconds} s; chats of ${shop.chatSecondsByConcurrency.join('/')} s at 1/2/3 at once (balanced model); occupancy ≤ ${pct(shop.maxOccupancy, 0)}; shrinkage ${pct(shop.shrinkage, 0)}.`),
      table(
        [
          { header: '时段 Hour' },
          { header: '接待 Chats', align: 'right' },
          { header: '话务 Erlangs', align: 'right' },
          { header: '在线 Agents', align: 'right' },
          { header: '排班 Seats', align: 'right' },
          { header: '服务水平 SL', align: 'right' },
          { header: '约束 Binding' },
        ],
        rows,
      ),
      text(`Peak 峰值: ${plan.peakScheduled} seats at ${hhmm(plan.peakStart)} (RO-1: the launch hour is the busiest). Agent-hours 人时: ${fmt(plan.productiveAgentHours)} productive, ${fmt(plan.paidAgentHours, 1)} paid; FTE ${fmt(plan.fte, 1)}.`),
      text(`Headcount 人数 (HC-5): at least ${plan.requiredHeadcount} people (set by ${plan.headcountBasis === 'peakSeats' ? 'the seat peak' : 'agent-hours'}); on staff ${plan.currentStaff ?? '-'}; gap ${plan.hiringGap ?? '-'} to hire or borrow.`),
    ],
  };
}

/** Required, covered and short agent-hours per local date of the roster. */
export function rosterHoursByDay(roster: RosterResult): Map<string, { required: number; covered: number; short: number }> {
  const byDay = new Map<string, { required: number; covered: number; short: number }>();
  for (const c of roster.coverage) {
    const date = c.start.slice(0, 10);
    const t = byDay.get(date) ?? { required: 0, covered: 0, short: 0 };
    t.required += c.required;
    t.covered += Math.min(c.required, c.scheduled);
    t.short += Math.max(0, c.required - c.scheduled);
    byDay.set(date, t);
  }
  return byDay;
}

function rosterSection(r: DemoReport): DemoSection {
  const { roster, days } = r;
  const dates = days.map((d) => d.date);
  const byAgentDay = new Map(roster.assignments.map((a) => [`${a.agentId}|${a.date}`, a]));
  const hoursByDay = rosterHoursByDay(roster);
  const dayRows = days.map((d) => {
    const t = hoursByDay.get(d.date) ?? { required: 0, covered: 0, short: 0 };
    const onDuty = roster.assignments.filter((a) => a.date === d.date).length;
    return [d.date.slice(5), d.phase, fmt(d.receptions), fmt(t.required), fmt(t.covered), fmt(t.short), String(onDuty)];
  });
  const grid = r.agents.map((agent) => {
    const cells = dates.map((date) => {
      const a = byAgentDay.get(`${agent.id}|${date}`);
      return a === undefined ? '.' : `${SHIFT_LETTERS[a.shiftId] ?? '?'}${a.skill === 'aftersale' ? '*' : ''}`;
    });
    return [`${agent.name} ${agent.id}`, agent.kind ?? 'agent', ...cells, fmt(roster.fairness.hoursByAgent[agent.id] ?? 0)];
  });
  const t = roster.totals;
  return {
    id: 'roster',
    title: `2. 排班 Roster ${dates[0] ?? ''} … ${dates[dates.length - 1] ?? ''} (RO-1..RO-7)`,
    blocks: [
      text(`${r.agents.length} agents; shifts ${SAMPLE_SHIFTS.map((s) => `${s.id} ${s.start} ${s.hours} h`).join(', ')}; demand = seats per hour and skill from the headcount model, day by day; at least 4 full-timers on duty 00:00-02:00 on 11.11 (RO-1).`),
      table(
        [
          { header: '日期 Date' },
          { header: '阶段 Phase' },
          { header: '接待 Chats', align: 'right' },
          { header: '需求 Need h', align: 'right' },
          { header: '覆盖 Covered h', align: 'right' },
          { header: '缺口 Short h', align: 'right' },
          { header: '班次 Shifts', align: 'right' },
        ],
        dayRows,
      ),
      table(
        [{ header: '坐席 Agent' }, { header: '类型 Kind' }, ...dates.map((d) => ({ header: d.slice(8) })), { header: '工时 Hours', align: 'right' as const }],
        grid,
        'Shifts 班次: E early 08-17, M mid 12-21, L late 16-01, N night 23-07, e evening 18-22; * = aftersale 售后; . = day off 休息.',
      ),
      text(`Status 结果: ${roster.status}, objective ${roster.objective} (lower bound ${roster.lowerBound}); required ${fmt(t.requiredHours)} agent-hours, covered ${fmt(t.coveredHours)}, short ${fmt(t.understaffedHours)}, over ${fmt(t.overstaffedHours)}.`),
      list([
        ...roster.explanation.summary.slice(1, 6),
        ...(roster.explanation.summary.length > 6 ? [`… ${roster.explanation.summary.length - 6} more`] : []),
        ...roster.explanation.levers.slice(0, 3).map((l) => `What if 假如: ${l.message}`),
      ]),
    ],
  };
}

function chaseSection(r: DemoReport): DemoSection {
  const { chase, chaseDay } = r;
  const orders = new Map(chaseDay.orders.map((o) => [o.orderId, o]));
  // The queue, most urgent first: the order that closes soonest.
  const send = chase.decisions.filter((d) => d.outcome === 'send').sort((a, b) => ((a.deadline ?? '') < (b.deadline ?? '') ? -1 : (a.deadline ?? '') > (b.deadline ?? '') ? 1 : a.orderId < b.orderId ? -1 : 1));
  const queue = send.slice(0, 12).map((d) => {
    const o = orders.get(d.orderId);
    const channel = d.channels.find((c) => c.outcome === 'send');
    return [d.orderId, d.buyerId, o?.amount === undefined ? '' : money(String(o.amount)), o === undefined ? '' : String(o.createdAt).slice(5, 16).replace('T', ' '), channel?.channel ?? '', channel?.templateId ?? '', d.deadline === null ? '' : d.deadline.slice(5, 16).replace('T', ' ')];
  });
  const counts = new Map<string, number>();
  for (const d of chase.decisions) {
    const key = `${d.outcome}|${d.primaryReason ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rank: Readonly<Record<string, number>> = { send: 0, wait: 1, never: 2 };
  const outcomeOf = (key: string) => rank[key.split('|')[0] as string] ?? 3;
  const reasonRows = [...counts]
    .sort((a, b) => outcomeOf(a[0]) - outcomeOf(b[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, n]) => {
      const [outcome, code] = key.split('|') as [string, string];
      const info = code === '' ? undefined : CHASE_REASONS[code as ChaseReasonCode];
      return [outcome, code === '' ? '-' : code, String(n), info?.rule ?? '', info?.message ?? 'Chase now.'];
    });
  const t = chase.totals;
  return {
    id: 'chase',
    title: `3. 催付 Chase queue at ${chase.now.slice(0, 16).replace('T', ' ')} (CH-1..CH-13)`,
    blocks: [
      text(`${fmt(t.orders)} orders in the last day; send now: ${t.send.im} IM, ${t.send.sms} SMS, ${t.send.phone} calls; ${t.wait} wait; ${t.never} never (paid, closed or not to be chased).`),
      table(
        [{ header: '订单 Order' }, { header: '买家 Buyer' }, { header: '金额 Amount', align: 'right' }, { header: '下单 Placed' }, { header: '渠道 Channel' }, { header: '模板 Template' }, { header: '关闭 Closes' }],
        queue,
        send.length > queue.length ? `… and ${send.length - queue.length} more to send now.` : undefined,
      ),
      table([{ header: '结果 Outcome' }, { header: '原因 Reason' }, { header: '订单 Orders', align: 'right' }, { header: '规则 Rule' }, { header: '说明 Meaning' }], reasonRows),
    ],
  };
}

function kpiSection(r: DemoReport): DemoSection {
  const bonus = new Map(r.bonuses.map((b) => [b.agentId, b]));
  const rows = r.scores.slice(0, 12).map((s) => {
    const value = (id: string) => s.metrics[id]?.value;
    const b = bonus.get(s.agentId);
    const conv = value('inquiryConversion');
    const sat = value('satisfaction');
    return [
      s.rank === null ? '-' : String(s.rank),
      `${AGENT_NAMES[s.agentId] ?? ''} ${s.agentId}`,
      s.total === null ? '-' : s.total.toFixed(2),
      typeof conv === 'number' ? pct(conv) : '-',
      money(String(value('salesAmount') ?? '0')),
      String(value('firstResponseSeconds') ?? '-'),
      typeof sat === 'number' ? pct(sat) : '-',
      b === undefined ? '-' : money(b.target),
      b === undefined ? '-' : pct(b.payout.attainment),
      b === undefined ? '-' : money(b.payout.amount),
    ];
  });
  const prizeRows = r.board.map((e) => [String(e.rank), `${AGENT_NAMES[e.agentId] ?? ''} ${e.agentId}`, money(String(e.value)), money(r.prizes.find((p) => p.agentId === e.agentId)?.amount ?? '0')]);
  const totalFen = r.bonuses.reduce((sum, b) => sum + Math.round(Number(b.payout.amount) * 100), 0);
  const atBase = r.bonuses.filter((b) => b.payout.tier === 'base' || b.payout.tier === 'challenge').length;
  const atChallenge = r.bonuses.filter((b) => b.payout.tier === 'challenge').length;
  return {
    id: 'kpi',
    title: '4. 绩效 Leaderboard and bonuses, 11.11 (KPI-2, KPI-5, KPI-6)',
    blocks: [
      text('Scorecard 考核: conversion 35 (steps 30/35/40%), sales 30 (target ¥15,000, up to 120%), first response 20 (steps 30/20/12 s), satisfaction 15 (80%→95%).'),
      table(
        [
          { header: '名次 Rank', align: 'right' },
          { header: '坐席 Agent' },
          { header: '总分 Score', align: 'right' },
          { header: '询单转化 Conv.', align: 'right' },
          { header: '销售额 Sales', align: 'right' },
          { header: '首响 1st reply s', align: 'right' },
          { header: '满意率 Satisf.', align: 'right' },
          { header: '目标 Target', align: 'right' },
          { header: '达成 Attain.', align: 'right' },
          { header: '奖金 Bonus', align: 'right' },
        ],
        rows,
        `… ${r.scores.length - rows.length} more agents; aftersale specialists are unscored on conversion (fewer than 20 inquiries) and carry no sales target.`,
      ),
      text('销售榜 Sales leaderboard, top 3 with prizes (a tie at the boundary shares the prizes of its places):'),
      table([{ header: '名次 Rank', align: 'right' }, { header: '坐席 Agent' }, { header: '销售额 Sales', align: 'right' }, { header: '奖金 Prize', align: 'right' }], prizeRows),
      text(`Bonuses 奖金 (KPI-5): ${atBase} of ${r.bonuses.length} agents with a target reached the base tier, ${atChallenge} the challenge; ${money((totalFen / 100).toFixed(2))} in all, never negative (KPI-2).`),
    ],
  };
}

function refundSection(r: DemoReport): DemoSection {
  const a = r.analysis;
  const bucketNames: Readonly<Record<string, string>> = { AVOIDABLE: '可避免 avoidable', EXCHANGEABLE: '换货/补发 exchange or reship', REFUND_ONLY: '仅退款 refund only', UNDETERMINED: '未说明 undetermined' };
  const buckets = (['AVOIDABLE', 'EXCHANGEABLE', 'REFUND_ONLY', 'UNDETERMINED'] as const).map((b) => [bucketNames[b] ?? b, String(a.buckets[b].count), pct(a.buckets[b].share), money(a.buckets[b].amount)]);
  const pareto = a.pareto.slice(0, 12).map((p) => [REFUND_REASONS[p.code].label['zh-CN'], REFUND_REASONS[p.code].label.en, String(p.count), pct(p.share), pct(p.cumulativeShare), p.vital ? '●' : '']);
  const categories = a.byCategory.map((c) => [c.category, String(c.count), c.paidOrders === null ? '-' : String(c.paidOrders), c.rateByCount === null ? '-' : pct(c.rateByCount, 2), money(c.amount)]);
  return {
    id: 'refunds',
    title: '5. 退款复盘 Refund review after the event (RF-1)',
    blocks: [
      text(`${a.count} refunds in the ten days after the event, ${money(a.amount)} refunded; ${a.classified} classified from what buyers wrote (simplified and traditional Chinese, English).`),
      text(`Avoidable 可避免: ${a.avoidableShare === null ? '-' : pct(a.avoidableShare)} of refunds (${money(a.buckets.AVOIDABLE.amount)}).`),
      table([{ header: '类别 Bucket' }, { header: '笔数 Refunds', align: 'right' }, { header: '占比 Share', align: 'right' }, { header: '金额 Amount', align: 'right' }], buckets),
      table(
        [{ header: '原因 Reason' }, { header: 'Reason' }, { header: '笔数 Refunds', align: 'right' }, { header: '占比 Share', align: 'right' }, { header: '累计 Cumulative', align: 'right' }, { header: '关键 Vital' }],
        pareto,
        `… ${Math.max(0, a.pareto.length - pareto.length)} more reasons; ● = the vital few that reach 80% of refunds.`,
      ),
      table([{ header: '品类 Category' }, { header: '退款 Refunds', align: 'right' }, { header: '订单 Orders', align: 'right' }, { header: '退款率 Rate', align: 'right' }, { header: '金额 Amount', align: 'right' }], categories),
      list(a.summary.slice(1)),
    ],
  };
}

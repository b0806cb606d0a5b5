// The Double 11 headcount demo for a sample shop: from the sales target to seats per hour.
import { DOUBLE_11_EVENT_DAY_PROFILE, planStaffing, receptionsFromFunnel, type PlanStaffingResult } from '../headcount/index.ts';

/** The sample shop: its event-day target and how its customer service works. */
export const SAMPLE_SHOP = {
  name: 'Sample apparel shop (示例服饰旗舰店)',
  date: '2026-11-11',
  timeZone: 'Asia/Shanghai',
  salesTarget: '3000000.00',
  averageOrderValue: '300.00',
  csShare: 0.4,
  inquiryConversion: 0.25,
  botShare: 0.3,
  ahtSeconds: 240,
  serviceLevel: { target: 0.8, answerSeconds: 30 },
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  currentStaff: 60,
} as const;

/** The demo's report as lines of text. */
export function headcountDemo(): string[] {
  const shop = SAMPLE_SHOP;
  const funnel = receptionsFromFunnel({
    salesTarget: shop.salesTarget,
    averageOrderValue: shop.averageOrderValue,
    csShare: shop.csShare,
    inquiryConversion: shop.inquiryConversion,
    botShare: shop.botShare,
  });
  const plan = planStaffing({
    date: shop.date,
    timeZone: shop.timeZone,
    intervalMinutes: 60,
    volumes: { total: funnel.humanReceptions, profile: DOUBLE_11_EVENT_DAY_PROFILE },
    ahtSeconds: shop.ahtSeconds,
    serviceLevel: shop.serviceLevel,
    maxOccupancy: shop.maxOccupancy,
    shrinkage: shop.shrinkage,
    currentStaff: shop.currentStaff,
  });
  return [
    `kefu demo: Double 11 headcount for ${shop.name}, ${shop.date} (${shop.timeZone})`,
    '',
    `Funnel 漏斗 (HC-1..HC-4): target ¥${shop.salesTarget} ÷ AOV ¥${shop.averageOrderValue} = ${funnel.buyers.toLocaleString('en-US')} buyers;`,
    `  × ${shop.csShare * 100}% through CS ÷ ${shop.inquiryConversion * 100}% inquiry conversion = ${funnel.receptions.toLocaleString('en-US')} receptions;`,
    `  bot ${shop.botShare * 100}% takes ${funnel.botReceptions.toLocaleString('en-US')}, agents receive ${funnel.humanReceptions.toLocaleString('en-US')}.`,
    `Service: ${shop.serviceLevel.target * 100}% answered in ${shop.serviceLevel.answerSeconds} s, AHT ${shop.ahtSeconds} s, occupancy ≤ ${shop.maxOccupancy * 100}%, shrinkage ${shop.shrinkage * 100}%.`,
    '',
    ...hourlyTable(plan),
    '',
    `Agent-hours 人时: ${plan.productiveAgentHours} productive, ${round(plan.paidAgentHours, 1)} paid; FTE ${round(plan.fte, 2)} at 8 h per agent.`,
    `Peak 峰值: ${plan.peakScheduled} seats at ${plan.peakStart.slice(11, 16)} (RO-1: the launch hour after midnight is the busiest).`,
    `Headcount 人数 (HC-5): at least ${plan.requiredHeadcount} people (set by ${plan.headcountBasis === "peakSeats" ? "the seat peak" : "agent-hours"}); on staff ${plan.currentStaff}; gap ${plan.hiringGap} to hire or borrow.`,
    `Note: the headcount is a lower bound from agent-hours and the seat peak; shift shapes and rest days add to it.`,
  ];
}

function hourlyTable(plan: PlanStaffingResult): string[] {
  const header = ['时段 Hour', '接待 Receptions', '话务 Erlangs', '在线 Agents', '排班 Seats', '服务水平 SL', 'Binding'];
  const rows = plan.intervals.map((i) => [
    `${i.start.slice(11, 16)}`,
    round(i.calls, 1).toString(),
    round(i.trafficErlangs, 1).toString(),
    i.agents.toString(),
    i.scheduled.toString(),
    `${round(i.serviceLevel * 100, 1)}%`,
    i.binding,
  ]);
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] as string))));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 || c === 6 ? padEnd(cell, widths[c] as number) : padStart(cell, widths[c] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** Terminal width of a string: CJK characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

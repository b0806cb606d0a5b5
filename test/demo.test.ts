// The `npm start` demo: the sample shop's data, and a Double 11 plan from every domain that
// prints as tables with zh-CN and English headers.
import { describe, expect, it } from 'vitest';
import { buildDemo, demoLines, demoSections } from '../src/cli/demo.ts';
import { SAMPLE_AGENTS, SAMPLE_SHIFTS } from '../src/cli/sample/agents.ts';
import { sampleKpiRecords } from '../src/cli/sample/kpi.ts';
import { sampleChaseDay } from '../src/cli/sample/orders.ts';
import { SAMPLE_REFUNDS } from '../src/cli/sample/refunds.ts';
import { AFTER_EVENT_PROFILE, EVE_PROFILE, ORDINARY_DAY_PROFILE, ROSTER_DAYS, sampleDays } from '../src/cli/sample/shop.ts';
import { displayWidth } from '../src/cli/table.ts';
import { REASON_CODES } from '../src/refunds/index.ts';
import { validateRoster } from '../src/roster/index.ts';

describe('the sample shop', () => {
  it('has 30 agents with presale and aftersale skills, full-timers, part-timers and students (RO-2, RO-6)', () => {
    expect(SAMPLE_AGENTS).toHaveLength(30);
    expect(new Set(SAMPLE_AGENTS.map((a) => a.id)).size).toBe(30);
    expect(new Set(SAMPLE_AGENTS.map((a) => a.kind))).toEqual(new Set(['fulltime', 'parttime', 'student']));
    expect(new Set(SAMPLE_AGENTS.flatMap((a) => a.skills))).toEqual(new Set(['presale', 'aftersale']));
    const shiftIds = new Set(SAMPLE_SHIFTS.map((s) => s.id));
    for (const a of SAMPLE_AGENTS) for (const s of a.allowedShifts ?? []) expect(shiftIds.has(s)).toBe(true);
  });

  it('has day profiles of 24 hourly shares that add up to 100, and a horizon of two weeks around 11.11', () => {
    for (const profile of [ORDINARY_DAY_PROFILE, EVE_PROFILE, AFTER_EVENT_PROFILE]) {
      expect(profile).toHaveLength(24);
      expect(Math.round(profile.reduce((a, b) => a + b, 0) * 1e9) / 1e9).toBe(100);
    }
    const days = sampleDays(1000);
    expect(days).toHaveLength(ROSTER_DAYS);
    expect(days.map((d) => d.date)).toContain('2026-11-11');
    expect(days.find((d) => d.date === '2026-11-11')?.receptions).toBe(1000);
  });

  it('has 200 refunds written in simplified Chinese, traditional Chinese and English, with unique ids', () => {
    expect(SAMPLE_REFUNDS).toHaveLength(200);
    expect(new Set(SAMPLE_REFUNDS.map((r) => r.id)).size).toBe(200);
    const texts = SAMPLE_REFUNDS.map((r) => r.text ?? '');
    expect(new Set(texts).size).toBeGreaterThan(180); // varied: a few stock phrases (七天无理由) repeat, as they do
    expect(texts.filter((t) => /^[\x20-\x7e]+$/.test(t)).length).toBeGreaterThanOrEqual(20); // English
    expect(texts.filter((t) => /[碼顏緊褲質貨說長圍領頭絨]/.test(t)).length).toBeGreaterThanOrEqual(10); // traditional
    expect(texts.filter((t) => /[码颜紧裤质货说长围领头绒]/.test(t)).length).toBeGreaterThanOrEqual(50); // simplified
  });

  it('generates the same day of orders and the same counters on every run (seeded rng)', () => {
    expect(sampleChaseDay()).toEqual(sampleChaseDay());
    expect(sampleKpiRecords()).toEqual(sampleKpiRecords());
    expect(sampleChaseDay(7)).not.toEqual(sampleChaseDay());
    const day = sampleChaseDay();
    expect(day.orders.length).toBeGreaterThan(500);
    expect(day.orders.filter((o) => o.paidAt !== undefined).length).toBeGreaterThan(day.orders.length / 2);
    expect(new Set(day.orders.map((o) => o.kind))).toEqual(new Set(['normal', 'flash', 'presale_balance']));
  });
});

describe('kefu demo (npm start)', () => {
  const report = buildDemo();
  const lines = demoLines(report);
  const text = lines.join('\n');

  it('prints the five sections in order, each title underlined to its display width', () => {
    const titles = demoSections(report).map((s) => s.title);
    expect(titles.map((t) => t.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.']);
    for (const title of titles) {
      const at = lines.indexOf(title);
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toBe('='.repeat(displayWidth(title)));
    }
  });

  it('HC-1..HC-5: the funnel, 24 hourly rows from 00:00 to 23:00, the launch hour as the peak (RO-1)', () => {
    expect(report.funnel).toMatchObject({ buyers: 3750, receptions: 5000, humanReceptions: 3250 });
    const rows = lines.filter((line) => /^\d\d:00 /.test(line));
    expect(rows).toHaveLength(24);
    expect(rows[0]).toMatch(/^00:00/);
    expect(rows[23]).toMatch(/^23:00/);
    expect(report.plan.peakStart).toBe('2026-11-11T00:00:00+08:00');
    expect(text).toContain('3,750 buyers');
    expect(text).toMatch(/Headcount 人数 \(HC-5\): at least \d+ people/);
  });

  it('RO-1..RO-7: the two-week roster keeps every hard rule, and the grid has a row per agent and a column per day', () => {
    expect(report.roster.status).not.toBe('infeasible');
    expect(validateRoster(report.rosterInput, report.roster.assignments)).toEqual([]);
    expect(report.roster.lowerBound).toBeLessThanOrEqual(report.roster.objective);
    for (const agent of SAMPLE_AGENTS) {
      const row = lines.find((line) => line.startsWith(`${agent.name} ${agent.id} `));
      expect(row, agent.id).toBeDefined();
      expect((row as string).trim().split(/\s+/)).toHaveLength(2 + 1 + ROSTER_DAYS + 1);
    }
    // Students only ever work the evening shift (RO-6).
    const students = new Set(SAMPLE_AGENTS.filter((a) => a.kind === 'student').map((a) => a.id));
    for (const a of report.roster.assignments) if (students.has(a.agentId)) expect(a.shiftId).toBe('eve4');
  });

  it('CH-1..CH-13: the chase queue at 00:20 on the event day, with the reasons the other orders wait or never go', () => {
    expect(report.chase.now).toBe('2026-11-11T00:20:00+08:00');
    expect(report.chase.totals.send.im).toBeGreaterThan(0);
    expect(report.chase.totals.send.sms + report.chase.totals.send.phone).toBe(0); // CH-6: no SMS or calls at 00:20
    expect(text).toMatch(/^never +ORDER_PAID +\d+ +CH-1 /m);
    expect(text).toMatch(/^wait +OUTSIDE_WINDOW +\d+ +CH-6 /m);
  });

  it('KPI-2, KPI-5, KPI-6: 30 agents scored, the top 3 by sales with their prizes, bonuses never negative', () => {
    expect(report.scores).toHaveLength(30);
    expect(report.board.length).toBeGreaterThanOrEqual(3);
    const prizeFen = report.prizes.reduce((s, p) => s + Math.round(Number(p.amount) * 100), 0);
    expect(prizeFen).toBe(188_700); // split ties keep the budget: 888 + 666 + 333
    for (const b of report.bonuses) expect(Number(b.payout.amount)).toBeGreaterThanOrEqual(0);
    expect(text).toContain('销售榜 Sales leaderboard');
  });

  it('RF-1: all 200 refunds classified into the taxonomy, the buckets add up, the Pareto reaches 100%', () => {
    expect(report.classifications).toHaveLength(200);
    for (const c of report.classifications) expect(REASON_CODES).toContain(c.code);
    const a = report.analysis;
    expect(a.count).toBe(200);
    expect(a.buckets.AVOIDABLE.count + a.buckets.EXCHANGEABLE.count + a.buckets.REFUND_ONLY.count + a.buckets.UNDETERMINED.count).toBe(200);
    expect(a.pareto[a.pareto.length - 1]?.cumulativeShare).toBe(1);
    expect(text).toMatch(/Avoidable 可避免: \d+\.\d% of refunds/);
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Dec } from '../core/money.ts';
import { receptionsFromFunnel } from './funnel.ts';
import { planStaffing } from './plan.ts';

describe('plan and funnel properties', () => {
  test.prop([fc.integer({ min: 0, max: 50_000 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 24, maxLength: 24 }), fc.constantFrom(15, 30, 60), fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London')], { numRuns: 40 })(
    'a profiled day keeps its total, and every interval schedules at least its productive agents',
    (total, profile, minutes, timeZone) => {
      fc.pre(profile.some((w) => w > 0));
      const plan = planStaffing({ date: '2026-11-01', timeZone, intervalMinutes: minutes, volumes: { total, profile }, ahtSeconds: 200, serviceLevel: { target: 0.8, answerSeconds: 20 }, shrinkage: 0.25 });
      const sum = plan.intervals.reduce((acc, i) => acc + i.calls, 0);
      expect(Math.abs(sum - total)).toBeLessThan(1e-6 * Math.max(1, total));
      for (const i of plan.intervals) expect(i.scheduled).toBeGreaterThanOrEqual(i.agents);
      expect(plan.paidAgentHours).toBeGreaterThanOrEqual(plan.productiveAgentHours);
      expect(plan.requiredHeadcount).toBeGreaterThanOrEqual(plan.peakScheduled);
      expect(plan.requiredHeadcount).toBeGreaterThanOrEqual(Math.ceil(Math.max(...plan.days.map((d) => d.fte)) - 1e-9));
    },
  );

  test.prop([fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 99 })])(
    'receptions are exactly ceil(buyers × share ÷ conversion), and bot + human = receptions',
    (buyers, sharePct, convPct, botPct) => {
      const r = receptionsFromFunnel({ buyers, csShare: sharePct / 100, inquiryConversion: convPct / 100, botShare: botPct / 100 });
      const exact = new Dec(buyers).times(sharePct).div(convPct).ceil().toNumber();
      expect(r.receptions).toBe(exact);
      expect(r.botReceptions + r.humanReceptions).toBe(r.receptions);
      expect(r.humanReceptions).toBeGreaterThanOrEqual(0);
      expect(r.receptions).toBeGreaterThanOrEqual(Math.floor(r.csBuyers));
    },
  );
});

import { describe, expect, it } from 'vitest';
import { reference } from '../../test/fixtures/erlang-reference.ts';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { planStaffing, type PlanStaffingInput } from './plan.ts';
import { DOUBLE_11_EVENT_DAY_PROFILE } from './profiles.ts';

describe('planStaffing', () => {
  it('reproduces the seed-rule example: 80,000 consultations, six peak half-hours (HC-1, HC-5)', () => {
    const ex = reference.seed_rule_example;
    const plan = planStaffing({
      date: '2026-11-11',
      intervalMinutes: 30,
      volumes: ex.intervals.map((i) => i.contacts.value),
      ahtSeconds: ex.inputs.aht_seconds,
      serviceLevel: { target: ex.inputs.sl_target, answerSeconds: ex.inputs.target_answer_seconds },
      shrinkage: ex.inputs.shrinkage,
    });
    expect(plan.intervals.map((i) => i.agents)).toEqual(ex.intervals.map((i) => i.agents_productive));
    expect(plan.intervals.map((i) => i.scheduled)).toEqual(ex.intervals.map((i) => i.agents_scheduled));
    expect(plan.productiveAgentHours).toBe(ex.productive_agent_hours_in_listed_intervals.value);
    expect(plan.paidAgentHours).toBe(ex.paid_agent_hours_in_listed_intervals.value);
    expect(plan.peakScheduled).toBe(ex.peak_scheduled_agents);
    expect(plan.peakStart).toBe('2026-11-11T00:00:00+08:00');
    expect(plan.requiredHeadcount).toBe(929); // six half-hours of paid hours is far less than the 929 seats at 00:00
    expect(plan.headcountBasis).toBe('peakSeats');
  });

  it('spreads a daily total by the Double 11 profile, whose busiest hour is the 00:00 launch (RO-1)', () => {
    const plan = planStaffing({ date: '2026-11-11', intervalMinutes: 60, volumes: { total: 16_000, profile: DOUBLE_11_EVENT_DAY_PROFILE }, ahtSeconds: 240, serviceLevel: { target: 0.8, answerSeconds: 30 }, shrinkage: 0.3, currentStaff: 120 });
    expect(plan.intervals).toHaveLength(24);
    expect(plan.intervals.reduce((sum, i) => sum + i.calls, 0)).toBeCloseTo(16_000, 9);
    expect(plan.intervals[0]!.calls).toBe(2240); // 14% of 16,000
    expect(plan.peakStart).toBe('2026-11-11T00:00:00+08:00');
    expect(plan.days).toHaveLength(1);
    expect(plan.requiredHeadcount).toBe(Math.max(Math.ceil(plan.days[0]!.fte), plan.peakScheduled));
    expect(plan.hiringGap).toBe(Math.max(0, plan.requiredHeadcount - 120));
  });

  it('spreads hourly weights evenly over shorter intervals', () => {
    const plan = planStaffing({ date: '2026-11-11', intervalMinutes: 15, volumes: { total: 16_000, profile: DOUBLE_11_EVENT_DAY_PROFILE }, ahtSeconds: 240, serviceLevel: { target: 0.8, answerSeconds: 30 } });
    expect(plan.intervals).toHaveLength(96);
    expect(plan.intervals.slice(0, 4).map((i) => i.calls)).toEqual([560, 560, 560, 560]);
  });

  it('HC-6: plans the phases of an event as days, each from its own total, and reports each day', () => {
    const plan = planStaffing({ date: '2026-11-10', intervalMinutes: 60, volumes: { total: [8000, 16_000, 6000], profile: DOUBLE_11_EVENT_DAY_PROFILE }, ahtSeconds: 240, serviceLevel: { target: 0.8, answerSeconds: 30 } });
    expect(plan.days.map((d) => d.date)).toEqual(['2026-11-10', '2026-11-11', '2026-11-12']);
    expect(plan.days.map((d) => Math.round(d.calls))).toEqual([8000, 16_000, 6000]);
    expect(plan.fte).toBeCloseTo(plan.paidAgentHours / (8 * 3), 12);
  });

  it('follows the shop time zone across a DST change: 23 hourly intervals on the spring-forward day', () => {
    const plan = planStaffing({ date: '2026-03-08', timeZone: 'America/New_York', intervalMinutes: 60, volumes: { total: 2300, profile: Array<number>(24).fill(1) }, ahtSeconds: 240, serviceLevel: { target: 0.8, answerSeconds: 30 } });
    expect(plan.intervals).toHaveLength(23);
    expect(plan.intervals[2]!.start).toBe('2026-03-08T03:00:00-04:00');
    expect(plan.intervals.every((i) => i.calls === 100)).toBe(true);
  });

  it('staffs chat with concurrency when given chat settings', () => {
    const plan = planStaffing({ date: '2026-11-11', intervalMinutes: 60, volumes: [9600], chat: { ahtSecondsByConcurrency: [240, 300, 360], model: 'balanced' }, serviceLevel: { target: 0.8, answerSeconds: 30 } });
    expect(plan.intervals[0]!.agents).toBe(324);
  });

  it('throws INVALID_INPUT naming the field', () => {
    const base: PlanStaffingInput = { date: '2026-11-11', intervalMinutes: 60, volumes: [100, 200], ahtSeconds: 240, serviceLevel: { target: 0.8, answerSeconds: 30 } };
    const cases: Array<[unknown, string]> = [
      [{ ...base, date: '2026-02-30' }, 'date'],
      [{ ...base, timeZone: 'Mars/Base' }, 'timeZone'],
      [{ ...base, intervalMinutes: 0 }, 'intervalMinutes'],
      [{ ...base, intervalMinutes: 7 }, 'intervalMinutes'],
      [{ ...base, volumes: [] }, 'volumes'],
      [{ ...base, volumes: [100, -1] }, 'volumes.1'],
      [{ ...base, volumes: [100, Number.NaN] }, 'volumes.1'],
      [{ ...base, volumes: { total: 100, profile: [1, 2, 3] } }, 'volumes.profile'],
      [{ ...base, volumes: { total: 100, profile: Array<number>(24).fill(0) } }, 'volumes.profile'],
      [{ ...base, ahtSeconds: undefined }, 'ahtSeconds'],
      [{ ...base, chat: { ahtSecondsByConcurrency: [300], model: 'slot' } }, 'ahtSeconds'],
      [{ ...base, currentStaff: -1 }, 'currentStaff'],
      [{ ...base, paidHoursPerAgent: 0 }, 'paidHoursPerAgent'],
      [{ ...base, shrinkage: 1 }, 'shrinkage'],
    ];
    for (const [input, path] of cases) expectInvalidAt(() => planStaffing(input as PlanStaffingInput), path, JSON.stringify(input));
  });
});

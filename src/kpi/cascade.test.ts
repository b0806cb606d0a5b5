import { describe, expect, it } from 'vitest';
import { expectInvalidAt, issueOf } from '../../test/kefu-error.ts';
import { cascadeTargets, type CascadeTargetsInput } from './cascade.ts';

const november = { start: '2026-11-01', end: '2026-11-30' };
const tenShops = Array.from({ length: 10 }, (_, i) => ({ shopId: `shop${i}` }));

describe('cascadeTargets (KPI-4, KPI-5)', () => {
  it('KPI-4: 3,000,000 a month, 10 shops, 30 days, 10 agents → 10,000 per shop-day and 1,000 per agent', () => {
    const plan = cascadeTargets({
      total: 3_000_000,
      period: november,
      shops: tenShops,
      agents: tenShops.flatMap((s) => Array.from({ length: 10 }, (_, a) => ({ agentId: `${s.shopId}-${a}`, shopId: s.shopId }))),
    });
    expect(plan.total).toBe('3000000.00');
    expect(new Set(plan.shops.map((s) => s.target))).toEqual(new Set(['300000.00']));
    expect(new Set(plan.shops.flatMap((s) => s.days.map((d) => d.target)))).toEqual(new Set(['10000.00']));
    expect(new Set(plan.shops.flatMap((s) => s.days.flatMap((d) => d.agents.map((a) => a.target))))).toEqual(new Set(['1000.00']));
    expect(plan.shops[0]?.days).toHaveLength(30);
    expect(plan.agents).toHaveLength(100);
    expect(plan.agents[0]).toEqual({ agentId: 'shop0-0', target: '30000.00', days: 30 });
  });

  it('KPI-4: an agent who serves every shop gets a share of each; sums stay exact', () => {
    const plan = cascadeTargets({ total: 3_000_000, period: november, shops: tenShops, agents: Array.from({ length: 10 }, (_, a) => ({ agentId: `agent${a}` })) });
    expect(plan.agents.map((a) => a.target)).toEqual(Array(10).fill('300000.00'));
    expect(plan.agents[0]?.days).toBe(300);
  });

  it('KPI-4: promo days weigh more; leftover units go to the largest remainders, then the earlier date', () => {
    const plan = cascadeTargets({ total: 100, period: { start: '2026-11-10', end: '2026-11-12' }, shops: [{ shopId: 's' }], dayWeights: { '2026-11-11': 4 }, agents: [{ agentId: 'a' }], unit: '1' });
    // 100 over weights 1 : 4 : 1 → 16⅔, 66⅔, 16⅔: floors 16, 66, 16, three equal remainders,
    // two leftover yuan → the two earlier dates.
    expect(plan.shops[0]?.days.map((d) => [d.date, d.target])).toEqual([
      ['2026-11-10', '17'],
      ['2026-11-11', '67'],
      ['2026-11-12', '16'],
    ]);
  });

  it('KPI-4: agents split a day by scheduled hours; an agent off duty that day gets nothing', () => {
    const plan = cascadeTargets({
      total: '2000.00',
      period: { start: '2026-11-10', end: '2026-11-11' },
      shops: [{ shopId: 's' }],
      agents: [
        { agentId: 'full', hours: 8 },
        { agentId: 'student', hours: { '2026-11-11': 4 } },
      ],
    });
    expect(plan.shops[0]?.days.map((d) => d.agents.map((a) => `${a.agentId} ${a.target}`))).toEqual([['full 1000.00'], ['full 666.67', 'student 333.33']]);
    expect(plan.agents).toEqual([
      { agentId: 'full', target: '1666.67', days: 2 },
      { agentId: 'student', target: '333.33', days: 1 },
    ]);
  });

  it('KPI-4: a shop can carry its own day profile; shop weights split the total first', () => {
    const plan = cascadeTargets({
      total: 900,
      period: { start: '2026-11-10', end: '2026-11-11' },
      shops: [{ shopId: 'big', weight: 2 }, { shopId: 'small', dayWeights: { '2026-11-10': 0 } }],
      agents: [{ agentId: 'a' }],
      unit: '1',
    });
    expect(plan.shops.map((s) => [s.shopId, s.target, s.days.map((d) => d.target)])).toEqual([
      ['big', '600', ['300', '300']],
      ['small', '300', ['0', '300']],
    ]);
    // A day with a 0 target needs nobody.
    expect(plan.shops[1]?.days[0]?.agents).toEqual([{ agentId: 'a', target: '0' }]);
  });

  it('KPI-5: a challenge target cascades beside the base one, each summing exactly', () => {
    const plan = cascadeTargets({ total: '1000.00', period: { start: '2026-11-10', end: '2026-11-12' }, shops: [{ shopId: 's' }], agents: [{ agentId: 'a' }, { agentId: 'b' }], challengeFactor: 1.3 });
    expect(plan.challengeTotal).toBe('1300.00');
    const days = plan.shops[0]?.days ?? [];
    expect(days.map((d) => [d.target, d.challenge])).toEqual([
      ['333.34', '433.34'],
      ['333.33', '433.33'],
      ['333.33', '433.33'],
    ]);
    // The odd fen of a tied day rotates between the agents: a on day 1 and 3 is b's on day 2.
    expect(days.map((d) => d.agents.map((a) => a.target))).toEqual([
      ['166.67', '166.67'],
      ['166.66', '166.67'],
      ['166.67', '166.66'],
    ]);
    expect(plan.agents).toEqual([
      { agentId: 'a', target: '500.00', challenge: '650.00', days: 3 },
      { agentId: 'b', target: '500.00', challenge: '650.00', days: 3 },
    ]);
    // Rounded to the unit: 1,000 × 1.0005 = 1,000.50 in fen, 1,001 in whole yuan (half up).
    expect(cascadeTargets({ total: 1000, period: { start: '2026-11-10', end: '2026-11-10' }, shops: [{ shopId: 's' }], agents: [{ agentId: 'a' }], unit: '1', challengeFactor: '1.0005' }).challengeTotal).toBe('1001');
  });

  it('crosses DST and month ends by calendar days (no zone involved)', () => {
    const plan = cascadeTargets({ total: 31, period: { start: '2026-10-31', end: '2026-11-01' }, shops: [{ shopId: 's' }], agents: [{ agentId: 'a' }], unit: '1' });
    expect(plan.shops[0]?.days.map((d) => d.date)).toEqual(['2026-10-31', '2026-11-01']);
  });

  it('names the field at fault', () => {
    const base: CascadeTargetsInput = { total: 1000, period: november, shops: [{ shopId: 's' }], agents: [{ agentId: 'a' }] };
    expectInvalidAt(() => cascadeTargets({ ...base, total: -1 }), 'total');
    expectInvalidAt(() => cascadeTargets({ ...base, total: '0.005' }), 'total');
    expectInvalidAt(() => cascadeTargets({ ...base, total: '1,000' }), 'total');
    expectInvalidAt(() => cascadeTargets({ ...base, period: { start: '2026-11-30', end: '2026-11-01' } }), 'period.end');
    expectInvalidAt(() => cascadeTargets({ ...base, period: { start: '2026-01-01', end: '2027-12-31' } }), 'period.end');
    expectInvalidAt(() => cascadeTargets({ ...base, dayWeights: { '2026-12-01': 2 } }), 'dayWeights.2026-12-01');
    expectInvalidAt(() => cascadeTargets({ ...base, dayWeights: { tomorrow: 2 } }), 'dayWeights.tomorrow');
    expectInvalidAt(() => cascadeTargets({ ...base, dayWeights: Object.fromEntries(Array.from({ length: 30 }, (_, d) => [`2026-11-${String(d + 1).padStart(2, '0')}`, 0])) }), 'dayWeights');
    expectInvalidAt(() => cascadeTargets({ ...base, shops: [{ shopId: 's', weight: 0 }] }), 'shops.0.weight');
    expectInvalidAt(() => cascadeTargets({ ...base, shops: [{ shopId: 's' }, { shopId: 's' }] }), 'shops.1.shopId');
    expectInvalidAt(() => cascadeTargets({ ...base, agents: [{ agentId: 'a', shopId: 'elsewhere' }] }), 'agents.0.shopId');
    expectInvalidAt(() => cascadeTargets({ ...base, agents: [{ agentId: 'a' }, { agentId: 'a' }] }), 'agents.1.agentId');
    expectInvalidAt(() => cascadeTargets({ ...base, agents: [{ agentId: 'a', hours: { '2027-01-01': 8 } }] }), 'agents.0.hours.2027-01-01');
    expectInvalidAt(() => cascadeTargets({ ...base, agents: [{ agentId: 'a', hours: -8 }] }), 'agents.0.hours');
    expectInvalidAt(() => cascadeTargets({ ...base, challengeFactor: 0.9 }), 'challengeFactor');
    expectInvalidAt(() => cascadeTargets({ ...base, unit: '0' }), 'unit');
    expectInvalidAt(() => cascadeTargets({ ...base, agents: [] }), 'agents');
    // A shop-day with a target and nobody on duty: the message names the shop and the date.
    const issue = issueOf(() => cascadeTargets({ ...base, agents: [{ agentId: 'a', hours: { '2026-11-01': 8 } }] }));
    expect(issue?.path).toBe('agents');
    expect(issue?.message).toContain('2026-11-02');
  });
});

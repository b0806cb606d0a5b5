import { describe, expect, it } from 'vitest';
import { reference } from '../../test/fixtures/erlang-reference.ts';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';

describe('erlangA against the exact birth–death reference', () => {
  for (const c of reference.erlang_a_cases) {
    it(`${c.id}: every measure within 1e-10`, () => {
      const i = c.inputs;
      const o = c.outputs;
      const r = erlangA({
        calls: i.calls_per_interval,
        ahtSeconds: i.aht_seconds,
        intervalSeconds: i.interval_seconds,
        agents: i.agents,
        patienceSeconds: i.patience_seconds,
        targetAnswerSeconds: i.target_answer_seconds,
      });
      const pairs: Array<[string, number, number]> = [
        ['probWait', r.probWait, o.prob_wait.value],
        ['probAbandon', r.probAbandon, o.prob_abandon.value],
        ['serviceLevel (offered)', r.serviceLevel, o.sl_offered.value],
        ['serviceLevelAnswered', r.serviceLevelAnswered, o.sl_answered.value],
        ['serviceLevelVirtual', r.serviceLevelVirtual, o.sl_virtual.value],
        ['occupancy', r.occupancy, o.occupancy.value],
        ['avgQueueLength', r.avgQueueLength, o.avg_queue_length.value],
        ['meanWaitSeconds', r.meanWaitSeconds, o.mean_wait_all_seconds.value],
        ['asaSeconds', r.asaSeconds, o.asa_answered_seconds.value],
      ];
      for (const [name, actual, expected] of pairs) expect(Math.abs(actual - expected), name).toBeLessThan(1e-10);
    });
  }
});

describe('erlangA behaviour', () => {
  const base = { calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, targetAnswerSeconds: 20 };

  it('stays stable with fewer agents than Erlangs of traffic (a03: A = 100, N = 90)', () => {
    const r = erlangA({ ...base, agents: 90, patienceSeconds: 60 });
    expect(r.probAbandon).toBeGreaterThan(0.1);
    expect(r.serviceLevel).toBeGreaterThan(0.8);
    expect(r.occupancy).toBeLessThanOrEqual(1);
  });

  it('keeps the identity P(abandon) = θ·Lq / λ', () => {
    const patienceSeconds = 120;
    const r = erlangA({ ...base, agents: 96, patienceSeconds });
    expect(r.probAbandon).toBeCloseTo(r.avgQueueLength / patienceSeconds / (base.calls / base.intervalSeconds), 12);
  });

  it('approaches Erlang C as patience grows (A = 100, N = 110, patience 1e8 s)', () => {
    const a = erlangA({ ...base, agents: 110, patienceSeconds: 1e8 });
    const c = erlangC({ ...base, agents: 110 });
    expect(Math.abs(a.probWait - c.probWait)).toBeLessThan(1e-6);
    expect(Math.abs(a.serviceLevel - c.serviceLevel)).toBeLessThan(1e-6);
  });

  it('sums a long queue without overflow (one agent, A = 5,000)', () => {
    const r = erlangA({ calls: 30_000, ahtSeconds: 300, intervalSeconds: 1800, agents: 1, patienceSeconds: 600 });
    expect(r.probWait).toBeCloseTo(1, 6);
    expect(r.probAbandon).toBeGreaterThan(0.99);
    expect(Number.isFinite(r.asaSeconds)).toBe(true);
  });

  it('rejects agents that are not whole and at least 1, and a missing patience', () => {
    for (const [input, path] of [
      [{ ...base, agents: 0, patienceSeconds: 60 }, 'agents'],
      [{ ...base, agents: 10.5, patienceSeconds: 60 }, 'agents'],
      [{ ...base, agents: 10 }, 'patienceSeconds'],
      [{ ...base, agents: 10, patienceSeconds: Number.POSITIVE_INFINITY }, 'patienceSeconds'],
    ] as const) {
      expectInvalidAt(() => erlangA(input as never), path);
    }
  });
});

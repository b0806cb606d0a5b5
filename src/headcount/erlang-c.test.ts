import { describe, expect, it } from 'vitest';
import { reference, relativeError } from '../../test/fixtures/erlang-reference.ts';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { erlangB, erlangBFractional } from './erlang-b.ts';
import { erlangC } from './erlang-c.ts';

describe('erlangC against the 50-digit reference table', () => {
  for (const c of reference.erlang_c_cases) {
    it(`${c.id}: every measure within 1e-12 relative`, () => {
      const i = c.inputs;
      const o = c.outputs;
      const r = erlangC({ calls: i.calls_per_interval, ahtSeconds: i.aht_seconds, intervalSeconds: i.interval_seconds, agents: i.agents, targetAnswerSeconds: i.target_answer_seconds });
      expect(r.stable).toBe(true);
      const pairs: Array<[string, number, number]> = [
        ['trafficErlangs', r.trafficErlangs, o.traffic_erlangs.value],
        ['erlangB', r.erlangB, o.erlang_b.value],
        ['probWait', r.probWait, o.prob_wait.value],
        ['serviceLevel', r.serviceLevel, o.service_level.value],
        ['probWaitLongerThanTarget', r.probWaitLongerThanTarget, o.prob_wait_longer_than_T.value],
        ['asaSeconds', r.asaSeconds, o.asa_seconds.value],
        ['occupancy', r.occupancy, o.occupancy.value],
        ['avgQueueLength', r.avgQueueLength, o.avg_queue_length.value],
        ['meanWaitIfDelayedSeconds', r.meanWaitIfDelayedSeconds, o.mean_wait_if_delayed_seconds.value],
      ];
      for (const [name, actual, expected] of pairs) expect(relativeError(actual, expected), name).toBeLessThan(1e-12);
    });
  }
});

describe('erlangC with fractional agents (continuous extension)', () => {
  for (const c of reference.erlang_c_fractional_agents) {
    it(`${c.id}: within 1e-12 relative`, () => {
      const i = c.inputs;
      const r = erlangC({ calls: i.calls_per_interval, ahtSeconds: i.aht_seconds, intervalSeconds: i.interval_seconds, agents: i.agents_real, targetAnswerSeconds: i.target_answer_seconds });
      expect(relativeError(r.erlangB, c.outputs.erlang_b.value)).toBeLessThan(1e-12);
      expect(relativeError(r.probWait, c.outputs.prob_wait.value)).toBeLessThan(1e-12);
      expect(relativeError(r.serviceLevel, c.outputs.service_level.value)).toBeLessThan(1e-12);
      expect(relativeError(r.asaSeconds, c.outputs.asa_seconds.value)).toBeLessThan(1e-12);
    });
  }

  it('agrees with the integer recursion at whole numbers, and with both gamma branches at small traffic', () => {
    for (const [n, a] of [[1, 0.5], [3, 2.6], [14, 10], [2000, 1999.9]] as const) {
      expect(relativeError(erlangBFractional(n, a), erlangB(n, a))).toBeLessThan(1e-13);
    }
    // Small traffic takes the series branch, large traffic the continued fraction; both meet the integers.
    for (const a of [0.01, 0.3, 1.9, 2.1, 3.5]) {
      expect(relativeError(erlangBFractional(1 - 1e-9, a), erlangB(1, a))).toBeLessThan(1e-7);
      expect(relativeError(erlangBFractional(1e-9, a), 1)).toBeLessThan(1e-7);
    }
  });
});

describe('erlangC edge cases', () => {
  it('flags an unstable queue instead of evaluating the formula (agents <= traffic)', () => {
    const r = erlangC({ calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, agents: 100 });
    expect(r).toMatchObject({ stable: false, probWait: 1, serviceLevel: 0, occupancy: 1, asaSeconds: Number.POSITIVE_INFINITY });
  });

  it('is calm with no traffic', () => {
    const r = erlangC({ calls: 0, ahtSeconds: 180, intervalSeconds: 1800, agents: 3 });
    expect(r).toMatchObject({ stable: true, trafficErlangs: 0, probWait: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 });
  });

  it('defaults the threshold to 20 seconds', () => {
    const a = erlangC({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14 });
    const b = erlangC({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14, targetAnswerSeconds: 20 });
    expect(a).toEqual(b);
  });

  it('names the field of every bad input', () => {
    const base = { calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, calls: -1 }, 'calls'],
      [{ ...base, calls: Number.NaN }, 'calls'],
      [{ ...base, ahtSeconds: 0 }, 'ahtSeconds'],
      [{ ...base, intervalSeconds: 0 }, 'intervalSeconds'],
      [{ ...base, agents: '14' }, 'agents'],
      [{ ...base, targetAnswerSeconds: -5 }, 'targetAnswerSeconds'],
      [{ ...base, agent: 3 }, 'agent'],
    ];
    for (const [input, path] of cases) expectInvalidAt(() => erlangC(input as never), path, JSON.stringify(input));
  });
});

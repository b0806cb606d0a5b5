import { describe, expect, it } from 'vitest';
import { reference, relativeError } from '../../test/fixtures/erlang-reference.ts';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { requiredAgents, type RequiredAgentsInput } from './required-agents.ts';

describe('requiredAgents (Erlang C) against the reference: every integer exact', () => {
  for (const c of reference.erlang_c_required_agents) {
    const i = c.inputs;
    const o = c.outputs;
    it(`${c.id}: N_SL ${o.agents_for_sl}, productive ${o.agents_productive}, scheduled ${o.agents_scheduled}`, () => {
      const r = requiredAgents({
        calls: i.calls_per_interval,
        ahtSeconds: i.aht_seconds,
        intervalSeconds: i.interval_seconds,
        serviceLevel: { target: i.service_level_target, answerSeconds: i.target_answer_seconds },
        ...(i.max_occupancy === null ? {} : { maxOccupancy: i.max_occupancy }),
        ...(i.shrinkage === null ? {} : { shrinkage: i.shrinkage }),
      });
      expect(r.model).toBe('erlang-c');
      expect(r.agentsForServiceLevel).toBe(o.agents_for_sl);
      if (o.agents_for_occupancy !== null) expect(r.agentsForOccupancy).toBe(o.agents_for_occupancy);
      expect(r.agents).toBe(o.agents_productive);
      expect(r.scheduled).toBe(o.agents_scheduled);
      expect(r.binding).toBe(o.agents_productive === o.agents_for_sl ? 'serviceLevel' : 'occupancy');
      expect(relativeError(r.metrics.serviceLevel, o.at_agents_productive.service_level.value)).toBeLessThan(1e-12);
      expect(relativeError(r.metrics.probWait, o.at_agents_productive.prob_wait.value)).toBeLessThan(1e-12);
    });
  }

  it('HC float traps: 21 Erlangs at a 70% cap is 30 agents and 43 seats, not 31 and 45 (r05)', () => {
    const r = requiredAgents({ calls: 252, ahtSeconds: 150, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 }, maxOccupancy: 0.7, shrinkage: 0.3 });
    expect([r.agentsForOccupancy, r.agents, r.scheduled]).toEqual([30, 30, 43]);
  });

  it('starts the search at floor(A) + 1, not round(A + 1): A = 0.5 with a 600 s threshold needs 1 agent (r14)', () => {
    const r = requiredAgents({ calls: 6, ahtSeconds: 150, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 600 } });
    expect(r.agents).toBe(1);
  });
});

describe('requiredAgents with an ASA target', () => {
  for (const c of reference.erlang_c_asa_target) {
    it(`${c.id}: ${c.outputs.agents} agents`, () => {
      const i = c.inputs;
      const r = requiredAgents({ calls: i.calls_per_interval, ahtSeconds: i.aht_seconds, intervalSeconds: i.interval_seconds, asaSeconds: i.asa_target_seconds });
      expect(r.agents).toBe(c.outputs.agents);
      expect(r.binding).toBe('asa');
      expect(relativeError(r.metrics.asaSeconds, c.outputs.asa_seconds.value)).toBeLessThan(1e-12);
    });
  }

  it('takes the larger of the service-level and ASA minima and says which bound', () => {
    const base = { calls: 1000, ahtSeconds: 180, intervalSeconds: 1800 };
    const sl = requiredAgents({ ...base, serviceLevel: { target: 0.8, answerSeconds: 20 } });
    const asa = requiredAgents({ ...base, asaSeconds: 15 });
    const both = requiredAgents({ ...base, serviceLevel: { target: 0.8, answerSeconds: 20 }, asaSeconds: 15 });
    expect(both.agents).toBe(Math.max(sl.agents, asa.agents));
    expect(both.requirements).toMatchObject({ serviceLevel: sl.agents, asa: asa.agents });
  });
});

describe('requiredAgents (Erlang A) against the reference', () => {
  for (const c of reference.erlang_a_required_agents) {
    const i = c.inputs;
    it(`${c.id}: ${c.outputs.agents} agents where Erlang C says ${c.outputs.erlang_c_agents_same_inputs}`, () => {
      const base = { calls: i.calls_per_interval, ahtSeconds: i.aht_seconds, intervalSeconds: i.interval_seconds, serviceLevel: { target: i.sl_target, answerSeconds: i.target_answer_seconds } };
      const r = requiredAgents({ ...base, patienceSeconds: i.patience_seconds, ...(i.max_abandon === null ? {} : { maxAbandonRate: i.max_abandon }) });
      expect(r.model).toBe('erlang-a');
      expect(r.agents).toBe(c.outputs.agents);
      expect(requiredAgents(base).agents).toBe(c.outputs.erlang_c_agents_same_inputs);
      expect(Math.abs(r.metrics.serviceLevel - c.outputs.sl_offered.value)).toBeLessThan(1e-10);
      expect(Math.abs(r.metrics.probAbandon - c.outputs.prob_abandon.value)).toBeLessThan(1e-10);
    });
  }

  it('reports the abandonment cap as binding when it is (ra03)', () => {
    const r = requiredAgents({ calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 }, patienceSeconds: 120, maxAbandonRate: 0.02 });
    expect(r.binding).toBe('abandonment');
    expect(r.requirements.serviceLevel).toBe(96);
  });

  it('supports the answered and virtual definitions, each needing no more agents than offered', () => {
    const base = { calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 }, patienceSeconds: 60 } as const;
    const offered = requiredAgents(base).agents;
    for (const serviceLevelDefinition of ['answered', 'virtual'] as const) {
      const r = requiredAgents({ ...base, serviceLevelDefinition });
      expect(r.agents).toBeLessThanOrEqual(offered);
      expect(r.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('requiredAgents special cases and bad input', () => {
  const base: RequiredAgentsInput = { calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 } };

  it('needs nobody without traffic', () => {
    const r = requiredAgents({ ...base, calls: 0, shrinkage: 0.3 });
    expect(r).toMatchObject({ agents: 0, scheduled: 0, binding: 'none', trafficErlangs: 0 });
  });

  it('grosses up for shrinkage with ceil(N / (1 − s)), not N × (1 + s)', () => {
    const r = requiredAgents({ ...base, shrinkage: 0.3 });
    expect(r.scheduled).toBe(Math.ceil(r.agents / 0.7 - 1e-9));
    expect(r.scheduled).toBeGreaterThan(Math.ceil(r.agents * 1.3));
  });

  it('throws INVALID_INPUT naming the field for every bad input', () => {
    const cases: Array<[unknown, string]> = [
      [{ ...base, calls: -1 }, 'calls'],
      [{ ...base, calls: Number.NaN }, 'calls'],
      [{ ...base, calls: '1000' }, 'calls'],
      [{ ...base, ahtSeconds: -3 }, 'ahtSeconds'],
      [{ ...base, intervalSeconds: 0 }, 'intervalSeconds'],
      [{ ...base, serviceLevel: { target: 1, answerSeconds: 20 } }, 'serviceLevel.target'],
      [{ ...base, serviceLevel: { target: 80, answerSeconds: 20 } }, 'serviceLevel.target'],
      [{ ...base, serviceLevel: { target: 0.8, answerSeconds: -1 } }, 'serviceLevel.answerSeconds'],
      [{ ...base, shrinkage: 1 }, 'shrinkage'],
      [{ ...base, shrinkage: -0.1 }, 'shrinkage'],
      [{ ...base, maxOccupancy: 0 }, 'maxOccupancy'],
      [{ ...base, maxOccupancy: 1.2 }, 'maxOccupancy'],
      [{ ...base, maxAbandonRate: 0.05 }, 'maxAbandonRate'],
      [{ ...base, serviceLevelDefinition: 'fast' }, 'serviceLevelDefinition'],
      [{ ...base, shrinkge: 0.3 }, 'shrinkge'],
      [{ calls: 10, ahtSeconds: 180, intervalSeconds: 1800 }, 'serviceLevel'],
      [null, ''],
      ['1000', ''],
    ];
    for (const [input, path] of cases) {
      expectInvalidAt(() => requiredAgents(input as RequiredAgentsInput), path, JSON.stringify(input));
      expect(() => requiredAgents(input as RequiredAgentsInput)).toThrow(/^requiredAgents: /);
    }
  });

  it('quotes the received value and the expectation in the message', () => {
    expect(() => requiredAgents({ ...base, shrinkage: 1 })).toThrow('requiredAgents: shrinkage: expected a number < 1, received 1');
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { KefuError } from '../core/errors.ts';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import { requiredAgents } from './required-agents.ts';

const calls = fc.integer({ min: 1, max: 20_000 });
const aht = fc.integer({ min: 10, max: 900 });
const interval = fc.constantFrom(900, 1800, 3600);
const target = fc.double({ min: 0.05, max: 0.99, noNaN: true });
const answer = fc.integer({ min: 0, max: 120 });
const occupancy = fc.constantFrom(1, 0.95, 0.9, 0.85, 0.8, 0.7);
const shrinkage = fc.constantFrom(0, 0.1, 0.25, 0.3, 0.35, 0.5);

describe('requiredAgents properties', () => {
  test.prop([calls, aht, interval, target, answer, occupancy, shrinkage])(
    'the returned N meets the target and N − 1 does not; scheduled >= productive',
    (c, a, i, t, ans, occ, s) => {
      const r = requiredAgents({ calls: c, ahtSeconds: a, intervalSeconds: i, serviceLevel: { target: t, answerSeconds: ans }, maxOccupancy: occ, shrinkage: s });
      const at = (agents: number) => erlangC({ calls: c, ahtSeconds: a, intervalSeconds: i, agents, targetAnswerSeconds: ans });
      expect(at(r.agentsForServiceLevel).serviceLevel).toBeGreaterThanOrEqual(t);
      expect(at(r.agentsForServiceLevel - 1).serviceLevel).toBeLessThan(t);
      expect(r.agents).toBe(Math.max(r.agentsForServiceLevel, r.agentsForOccupancy));
      expect(r.agentsForOccupancy * occ * i).toBeGreaterThanOrEqual(c * a - 1e-6);
      expect((r.agentsForOccupancy - 1) * occ * i).toBeLessThan(c * a);
      expect(r.scheduled).toBeGreaterThanOrEqual(r.agents);
      expect((r.scheduled - 1) * (1 - s)).toBeLessThan(r.agents + 1e-9);
    },
  );

  test.prop([calls, fc.integer({ min: 1, max: 2000 }), aht, interval, target, answer])(
    'required agents never decrease as volume grows',
    (c, extra, a, i, t, ans) => {
      const sl = { target: t, answerSeconds: ans };
      const fewer = requiredAgents({ calls: c, ahtSeconds: a, intervalSeconds: i, serviceLevel: sl });
      const more = requiredAgents({ calls: c + extra, ahtSeconds: a, intervalSeconds: i, serviceLevel: sl });
      expect(more.agents).toBeGreaterThanOrEqual(fewer.agents);
    },
  );

  test.prop([fc.integer({ min: 1, max: 3000 }), aht, interval, target, answer, fc.integer({ min: 5, max: 1800 }), fc.constantFrom('offered', 'answered', 'virtual')], { numRuns: 60 })(
    'Erlang A: the returned N meets the target and N − 1 does not',
    (c, a, i, t, ans, patience, definition) => {
      const r = requiredAgents({ calls: c, ahtSeconds: a, intervalSeconds: i, serviceLevel: { target: t, answerSeconds: ans }, patienceSeconds: patience, serviceLevelDefinition: definition });
      const sl = (agents: number) => {
        const m = erlangA({ calls: c, ahtSeconds: a, intervalSeconds: i, agents, patienceSeconds: patience, targetAnswerSeconds: ans });
        return definition === 'offered' ? m.serviceLevel : definition === 'answered' ? m.serviceLevelAnswered : m.serviceLevelVirtual;
      };
      expect(sl(r.agents)).toBeGreaterThanOrEqual(t);
      if (r.agents > 1) expect(sl(r.agents - 1)).toBeLessThan(t);
    },
  );

  test.prop([fc.anything()])('any non-object input is rejected with INVALID_INPUT, never a crash or NaN', (junk) => {
    fc.pre(typeof junk !== 'object' || junk === null || Array.isArray(junk));
    expect(() => requiredAgents(junk as never)).toThrow(KefuError);
  });

  test.prop([fc.record({ calls: fc.oneof(fc.double(), fc.string(), fc.constant(undefined)), ahtSeconds: fc.oneof(fc.double(), fc.boolean()), intervalSeconds: fc.double() })])(
    'hostile numbers are either valid (and give finite answers) or rejected naming a field',
    (input) => {
      try {
        const r = requiredAgents({ ...(input as object), serviceLevel: { target: 0.8, answerSeconds: 20 } } as never);
        expect(Number.isFinite(r.agents) && Number.isFinite(r.scheduled)).toBe(true);
      } catch (error) {
        if (!(error instanceof KefuError)) throw error;
        expect(error.issues.length).toBeGreaterThan(0);
        expect(error.issues.every((issue) => issue.path.length > 0)).toBe(true);
      }
    },
  );
});

describe('queue measure properties', () => {
  test.prop([fc.double({ min: 0.01, max: 3000, noNaN: true }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 120 })])(
    'Erlang C service level increases with agents, and no valid input gives NaN',
    (traffic, above, t) => {
      const n = Math.floor(traffic) + 1 + above;
      const input = { calls: traffic * 10, ahtSeconds: 180, intervalSeconds: 1800, targetAnswerSeconds: t };
      const r = erlangC({ ...input, agents: n });
      const next = erlangC({ ...input, agents: n + 1 });
      expect(next.serviceLevel).toBeGreaterThanOrEqual(r.serviceLevel - 1e-15);
      for (const value of Object.values(r)) if (typeof value === 'number') expect(Number.isNaN(value)).toBe(false);
    },
  );

  test.prop([fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 1500 }), fc.integer({ min: 1, max: 3600 })], { numRuns: 80 })(
    'Erlang A is stable for every N >= 1: probabilities in [0, 1], finite waits',
    (c, a, n, patience) => {
      const r = erlangA({ calls: c, ahtSeconds: a, intervalSeconds: 1800, agents: n, patienceSeconds: patience });
      for (const p of [r.probWait, r.probAbandon, r.serviceLevel, r.serviceLevelAnswered, r.serviceLevelVirtual, r.occupancy]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1 + 1e-12);
      }
      expect(Number.isFinite(r.asaSeconds) && Number.isFinite(r.meanWaitSeconds)).toBe(true);
      expect(r.serviceLevel).toBeLessThanOrEqual(r.serviceLevelAnswered + 1e-12);
    },
  );

  test.prop([fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 60 })], { numRuns: 60 })(
    'Erlang A tends to Erlang C as patience grows',
    (traffic, above, t) => {
      const input = { calls: traffic * 10, ahtSeconds: 180, intervalSeconds: 1800, agents: traffic + above, targetAnswerSeconds: t };
      const c = erlangC(input);
      const close = erlangA({ ...input, patienceSeconds: 1e9 });
      const far = erlangA({ ...input, patienceSeconds: 1e5 });
      expect(Math.abs(close.serviceLevel - c.serviceLevel)).toBeLessThanOrEqual(Math.abs(far.serviceLevel - c.serviceLevel) + 1e-9);
      expect(Math.abs(close.probWait - c.probWait)).toBeLessThan(1e-4);
    },
  );
});

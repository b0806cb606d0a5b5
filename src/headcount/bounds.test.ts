// Inputs far outside any contact centre: a load above MAX_TRAFFIC_ERLANGS is an error naming the
// field (never a hang or a RangeError), and a huge agent count costs no more than a small one.
import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { DOUBLE_11_EVENT_DAY_PROFILE, erlangA, erlangC, MAX_TRAFFIC_ERLANGS, planStaffing, requiredAgents, requiredChatAgents } from './index.ts';

const sl = { target: 0.8, answerSeconds: 20 };

describe('offered load bounds', () => {
  it('accepts a load of exactly MAX_TRAFFIC_ERLANGS and rejects one above it, naming calls', () => {
    expect(erlangC({ calls: MAX_TRAFFIC_ERLANGS, ahtSeconds: 3600, intervalSeconds: 3600, agents: 1 }).stable).toBe(false);
    expectInvalidAt(() => erlangC({ calls: MAX_TRAFFIC_ERLANGS + 1, ahtSeconds: 3600, intervalSeconds: 3600, agents: 1 }), 'calls');
    expectInvalidAt(() => erlangC({ calls: 1e308, ahtSeconds: 1e10, intervalSeconds: 1, agents: 1 }), 'calls');
    expectInvalidAt(() => erlangA({ calls: 1e12, ahtSeconds: 300, intervalSeconds: 1800, agents: 10, patienceSeconds: 60 }), 'calls');
    expectInvalidAt(() => requiredAgents({ calls: 1e12, ahtSeconds: 300, intervalSeconds: 1800, serviceLevel: sl }), 'calls');
  });

  it('rejects a chat load above the bound in every model, naming chats', () => {
    for (const model of ['slot', 'balanced', 'effective-aht'] as const) {
      expectInvalidAt(() => requiredChatAgents({ chats: 2 ** 53, intervalSeconds: 3600, ahtSecondsByConcurrency: [240, 300, 360], serviceLevel: sl, model }), 'chats', model);
    }
  });

  it('rejects a plan whose busiest interval is above the bound, naming volumes', () => {
    expectInvalidAt(
      () => planStaffing({ date: '2026-11-11', intervalMinutes: 60, volumes: { total: 1e12, profile: DOUBLE_11_EVENT_DAY_PROFILE }, ahtSeconds: 300, serviceLevel: sl }),
      'volumes',
    );
  });

  it('HC-3: a billion agents on a small load give the same figures as a thousand (Erlang B reaches 0 and stops)', () => {
    const small = erlangC({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 1000 });
    const huge = erlangC({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 1e9 });
    expect(huge.probWait).toBe(0);
    expect(huge.serviceLevel).toBe(small.serviceLevel);
  });
});

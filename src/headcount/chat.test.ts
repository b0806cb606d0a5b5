import { describe, expect, it } from 'vitest';
import { reference } from '../../test/fixtures/erlang-reference.ts';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { requiredChatAgents, type ChatModel, type RequiredChatAgentsInput } from './chat.ts';

const MODELS: Array<[ChatModel, 'balanced_birth_death' | 'slot_model_erlang_c' | 'effective_aht_erlang_c']> = [
  ['balanced', 'balanced_birth_death'],
  ['slot', 'slot_model_erlang_c'],
  ['effective-aht', 'effective_aht_erlang_c'],
];

describe('requiredChatAgents against the chat reference cases', () => {
  for (const c of reference.chat_cases) {
    const i = c.inputs;
    for (const [model, key] of MODELS) {
      const expected = (c.outputs as Record<string, { agents: number; prob_wait: { value: number } } | undefined>)[key];
      if (expected === undefined) continue;
      it(`${c.id}, ${model}: ${expected.agents} agents`, () => {
        const r = requiredChatAgents({
          chats: i.chats_per_interval,
          intervalSeconds: i.interval_seconds,
          ahtSecondsByConcurrency: i.aht_seconds_by_concurrency,
          serviceLevel: { target: i.sl_target, answerSeconds: i.target_answer_seconds },
          model,
          ...(i.patience_seconds === null ? {} : { patienceSeconds: i.patience_seconds }),
          ...(model === 'effective-aht' ? { concurrencyFactor: i.concurrency_factor } : {}),
        });
        expect(r.model).toBe(model);
        expect(r.agents).toBe(expected.agents);
        expect(Math.abs(r.probWait - expected.prob_wait.value)).toBeLessThan(1e-10);
      });
    }
  }

  it('h01 balanced: service level, ASA, slots and chats per agent match to 1e-10', () => {
    const o = reference.chat_cases[0]!.outputs.balanced_birth_death as unknown as Record<string, { value: number }>;
    const r = requiredChatAgents({ chats: 9600, intervalSeconds: 3600, ahtSecondsByConcurrency: [240, 300, 360], serviceLevel: { target: 0.8, answerSeconds: 30 }, model: 'balanced' });
    expect(Math.abs(r.serviceLevel - o['service_level']!.value)).toBeLessThan(1e-10);
    expect(Math.abs(r.asaSeconds - o['asa_seconds']!.value)).toBeLessThan(1e-10);
    expect(Math.abs(r.chatsPerAgent - o['chats_per_agent']!.value)).toBeLessThan(1e-10);
    expect(Math.abs(r.slotOccupancy - o['slot_occupancy']!.value)).toBeLessThan(1e-10);
    expect(r.workloadAgents).toBe(reference.chat_cases[0]!.outputs.workload_only_agents);
  });

  it('h03 balanced with abandonment: P(abandon) matches', () => {
    const o = reference.chat_cases[2]!.outputs.balanced_birth_death;
    const r = requiredChatAgents({ chats: 600, intervalSeconds: 1800, ahtSecondsByConcurrency: [240, 300, 360], serviceLevel: { target: 0.8, answerSeconds: 30 }, model: 'balanced', patienceSeconds: 90 });
    expect(Math.abs(r.probAbandon - (o as { prob_abandon: { value: number } }).prob_abandon.value)).toBeLessThan(1e-10);
  });
});

describe('requiredChatAgents behaviour', () => {
  const base: RequiredChatAgentsInput = { chats: 600, intervalSeconds: 1800, ahtSecondsByConcurrency: [240, 300, 360], serviceLevel: { target: 0.8, answerSeconds: 30 }, model: 'balanced' };

  it('with a constant duration list the balanced model equals the slot model', () => {
    const flat = { ...base, ahtSecondsByConcurrency: [300, 300, 300] };
    const balanced = requiredChatAgents(flat);
    const slot = requiredChatAgents({ ...flat, model: 'slot' });
    expect(balanced.agents).toBe(slot.agents);
    expect(balanced.serviceLevel).toBeCloseTo(slot.serviceLevel, 12);
  });

  it('uses the default concurrency factor table for effective-aht when none is given', () => {
    const table = requiredChatAgents({ ...base, model: 'effective-aht' });
    const explicit = requiredChatAgents({ ...base, model: 'effective-aht', concurrencyFactor: 2.5 });
    expect(table.agents).toBe(explicit.agents);
  });

  it('applies an occupancy cap on slots and shrinkage on seats', () => {
    const capped = requiredChatAgents({ ...base, maxOccupancy: 0.7, shrinkage: 0.3 });
    expect(capped.slotOccupancy).toBeLessThanOrEqual(0.7);
    expect(capped.scheduled).toBe(Math.ceil(capped.agents / 0.7 - 1e-9));
  });

  it('needs nobody without chats', () => {
    expect(requiredChatAgents({ ...base, chats: 0 })).toMatchObject({ agents: 0, scheduled: 0, binding: 'none' });
  });

  it('rejects a missing model, an empty duration list and a factor for the wrong model', () => {
    const cases: Array<[unknown, string]> = [
      [{ ...base, model: undefined }, 'model'],
      [{ ...base, model: 'erlang' }, 'model'],
      [{ ...base, ahtSecondsByConcurrency: [] }, 'ahtSecondsByConcurrency'],
      [{ ...base, ahtSecondsByConcurrency: [240, -1] }, 'ahtSecondsByConcurrency.1'],
      [{ ...base, concurrencyFactor: 2 }, 'concurrencyFactor'],
      [{ ...base, model: 'effective-aht', concurrencyFactor: 4 }, 'concurrencyFactor'],
      [{ ...base, model: 'effective-aht', ahtSecondsByConcurrency: [1, 2, 3, 4, 5, 6] }, 'concurrencyFactor'],
      [{ ...base, chats: -2 }, 'chats'],
    ];
    for (const [input, path] of cases) expectInvalidAt(() => requiredChatAgents(input as RequiredChatAgentsInput), path, JSON.stringify(input));
  });
});

// Staffing in a sheet: the funnel (HC-1), Erlang C at a given team, the agents a service-level
// target needs, chat queues. One output row per input row; kefu/headcount does the work.
import {
  erlangC,
  receptionsFromFunnel,
  requiredAgents,
  requiredChatAgents,
  type ErlangCInput,
  type ReceptionsFromFunnelInput,
  type RequiredAgentsInput,
  type RequiredChatAgentsInput,
} from '../headcount/index.ts';
import { compact, fail, sheetFunction, type Cells } from './range.ts';

/**
 * HC-1: the receptions customer service must handle to deliver a buyer target, per row (see
 * `receptionsFromFunnel`): ceil(buyers × csShare ÷ inquiryConversion), the part the bot takes,
 * and the part left to people. Arguments: `buyers` (a whole number), `csShare` (the share of
 * buyers who buy through customer service; blank: 0.4, HC-2), `inquiryConversion`, and
 * optionally `botShare` (default 0). Shares are fractions: 0.4, not 40.
 *
 * Returns rows of `[receptions, botReceptions, humanReceptions]`.
 *
 * @example
 * ```ts
 * KEFU_RECEPTIONS([[10000], [7]], 0.4, 0.25, 0.3); // [[16000, 4800, 11200], [12, 3, 9]]
 * ```
 */
export const KEFU_RECEPTIONS = /* @__PURE__ */ sheetFunction('KEFU_RECEPTIONS', 3, (r) => {
  const f = receptionsFromFunnel(
    compact({
      buyers: r.buyers ?? fail('buyers', 'expected a whole number >= 0, received a blank cell'),
      csShare: r.csShare,
      inquiryConversion: r.inquiryConversion,
      botShare: r.botShare,
    }) as ReceptionsFromFunnelInput,
  );
  return [f.receptions, f.botReceptions, f.humanReceptions];
});

function erlangInput(r: Cells<'KEFU_ERLANG_SL'>): ErlangCInput {
  return compact({ calls: r.calls, ahtSeconds: r.ahtSeconds, intervalSeconds: r.intervalSeconds, agents: r.agents, targetAnswerSeconds: r.targetAnswerSeconds }) as ErlangCInput;
}

/**
 * The service level (the share answered within `targetAnswerSeconds`) of an interval staffed
 * with `agents`, by Erlang C (see `erlangC`). Arguments: `calls`, `ahtSeconds`,
 * `intervalSeconds`, `agents` (may be fractional), `targetAnswerSeconds` (blank: 20). An unstable
 * queue (agents ≤ traffic) gives 0.
 *
 * Returns rows of `[serviceLevel]`, a fraction in [0, 1].
 *
 * @example
 * ```ts
 * KEFU_ERLANG_SL(100, 180, 1800, [[11], [14]], 20); // [[0.3896…], [0.8883…]]
 * ```
 */
export const KEFU_ERLANG_SL = /* @__PURE__ */ sheetFunction('KEFU_ERLANG_SL', 1, (r) => [erlangC(erlangInput(r)).serviceLevel]);

/**
 * Erlang C measures of an interval staffed with `agents` (see `erlangC`), with the arguments of
 * {@link KEFU_ERLANG_SL}: the offered traffic in Erlangs, the share that waits, the service level,
 * the average speed of answer in seconds, occupancy, and whether the queue is stable. When
 * agents ≤ traffic the queue grows without bound: `asaSeconds` is the text `∞` and `stable` FALSE.
 *
 * Returns rows of `[trafficErlangs, probWait, serviceLevel, asaSeconds, occupancy, stable]`.
 *
 * @example
 * ```ts
 * KEFU_ERLANG_C(100, 180, 1800, 10, 20); // [[10, 1, 0, '∞', 1, false]]
 * ```
 */
export const KEFU_ERLANG_C = /* @__PURE__ */ sheetFunction('KEFU_ERLANG_C', 6, (r) => {
  const m = erlangC(erlangInput(r));
  return [m.trafficErlangs, m.probWait, m.serviceLevel, m.asaSeconds, m.occupancy, m.stable];
});

/** The staffing APIs' nested service-level target, named as the sheet's arguments. */
function rename(path: string): string {
  const aht = /^ahtSecondsByConcurrency\.(\d+)$/.exec(path);
  if (aht !== null) return `ahtSecondsByConcurrency (cell ${Number(aht[1]) + 1})`;
  return path === 'serviceLevel.target' ? 'serviceLevel' : path === 'serviceLevel.answerSeconds' ? 'answerSeconds' : path;
}

/**
 * The agents an interval needs (see `requiredAgents`, Erlang C): the smallest team that answers
 * `serviceLevel` of contacts within `answerSeconds`, raised to the occupancy cap, and the seats to
 * schedule after shrinkage, exact (21 Erlangs at a 0.7 cap is 30 agents). Arguments: `calls`,
 * `ahtSeconds`, `intervalSeconds`, `serviceLevel` (in (0, 1): 0.8 for 80%), `answerSeconds`,
 * optionally `maxOccupancy` (default 1: no cap) and `shrinkage` (default 0).
 *
 * Returns rows of `[agents, scheduled]`: productive agents and seats to schedule.
 *
 * @example
 * ```ts
 * KEFU_AGENTS([[100], [1000]], 180, 1800, 0.8, 20, 1, 0.3); // [[14, 20], [107, 153]]
 * ```
 */
export const KEFU_AGENTS = /* @__PURE__ */ sheetFunction(
  'KEFU_AGENTS',
  2,
  (r) => {
    const a = requiredAgents(
      compact({
        calls: r.calls,
        ahtSeconds: r.ahtSeconds,
        intervalSeconds: r.intervalSeconds,
        serviceLevel: { target: r.serviceLevel, answerSeconds: r.answerSeconds },
        maxOccupancy: r.maxOccupancy,
        shrinkage: r.shrinkage,
      }) as RequiredAgentsInput,
    );
    return [a.agents, a.scheduled];
  },
  { rename },
);

/**
 * The agents a chat queue needs when each agent holds up to k chats at once (see
 * `requiredChatAgents`). Arguments: `chats`, `intervalSeconds`, `ahtSecondsByConcurrency` (a row
 * of cells per row, or one row for all: the mean chat duration while its agent holds 1, 2, …, k
 * chats), `serviceLevel`, `answerSeconds`, `model` (`slot`, `balanced` or `effective-aht`: the
 * models differ, so there is no default), optionally `maxOccupancy` and `shrinkage`.
 *
 * Returns rows of `[agents, scheduled, serviceLevel, asaSeconds, chatsPerAgent]`.
 *
 * @example
 * ```ts
 * KEFU_CHAT_AGENTS(9600, 3600, [[240, 300, 360]], 0.8, 30, 'balanced'); // [[324, 324, 0.8133…, 15.22…, 2.938…]]
 * ```
 */
export const KEFU_CHAT_AGENTS = /* @__PURE__ */ sheetFunction(
  'KEFU_CHAT_AGENTS',
  5,
  (r) => {
    const a = requiredChatAgents(
      compact({
        chats: r.chats,
        intervalSeconds: r.intervalSeconds,
        ahtSecondsByConcurrency: r.ahtSecondsByConcurrency,
        serviceLevel: { target: r.serviceLevel, answerSeconds: r.answerSeconds },
        model: r.model,
        maxOccupancy: r.maxOccupancy,
        shrinkage: r.shrinkage,
      }) as RequiredChatAgentsInput,
    );
    return [a.agents, a.scheduled, a.serviceLevel, a.asaSeconds, a.chatsPerAgent];
  },
  { rename, lists: ['ahtSecondsByConcurrency'] },
);

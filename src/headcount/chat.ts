import * as z from 'zod/mini';
import { ceil, div, rational } from '../core/exact.ts';
import { invalid } from '../core/errors.ts';
import { parseInput } from '../core/validate.ts';
import { erlangAAt } from './erlang-a.ts';
import { ErlangBTable } from './erlang-b.ts';
import { erlangCAt } from './erlang-c.ts';
import { load, nonNegative, positive, type Load } from './inputs.ts';
import { queueTail, type QueueTailResult } from './queue-tail.ts';
import { checkTargets, serviceLevelOf, staffingOptions } from './required-agents.ts';
import { smallestMeeting } from './search.ts';
import { agentsForOccupancyCap, scheduledSeats, trafficRational } from './shrinkage.ts';

/**
 * How chat concurrency is modelled. The three answer differently (by about 20% on a Double 11
 * peak hour), so the choice is always explicit:
 * - `slot`: each agent is k independent slots; every chat lasts the AHT at full concurrency
 *   (Erlang C on N·k servers). Conservative when chats run faster at lower concurrency.
 * - `balanced`: chats spread evenly over agents, and a chat's duration depends on how many its
 *   agent holds (`ahtSecondsByConcurrency`), solved as an exact birth–death queue.
 * - `effective-aht`: the industry rule of thumb: Erlang C on N agents with AHT ÷ a concurrency
 *   factor (calibrate it; the default table is 1, 1.7, 2.5, 2.9, 3.5 for k = 1..5).
 *
 * @example
 * ```ts
 * const model: ChatModel = 'balanced';
 * ```
 */
export const ChatModel = /* @__PURE__ */ z.enum(['slot', 'balanced', 'effective-aht']);
/** @inheritDoc ChatModel */
export type ChatModel = z.output<typeof ChatModel>;

/**
 * Rule-of-thumb concurrency factors for the `effective-aht` model, by maximum concurrency
 * 1..5: the average number of chats an agent effectively works at once. Calibrate your own by
 * regressing handled chats on logged-in time.
 *
 * @example
 * ```ts
 * DEFAULT_CONCURRENCY_FACTORS[3]; // 2.5
 * ```
 */
export const DEFAULT_CONCURRENCY_FACTORS: Readonly<Record<number, number>> = /* @__PURE__ */ Object.freeze({ 1: 1, 2: 1.7, 3: 2.5, 4: 2.9, 5: 3.5 });

/**
 * Input of {@link requiredChatAgents}. `ahtSecondsByConcurrency[i]` is the mean chat duration
 * (wall clock, wrap-up included) while its agent holds i + 1 chats; its length is the maximum
 * concurrency k.
 *
 * @example
 * ```ts
 * const input: RequiredChatAgentsInput = {
 *   chats: 9600, intervalSeconds: 3600, ahtSecondsByConcurrency: [240, 300, 360],
 *   serviceLevel: { target: 0.8, answerSeconds: 30 }, model: 'balanced',
 * };
 * ```
 */
export const RequiredChatAgentsInput = /* @__PURE__ */ z.strictObject({
  /** Chats arriving in the interval. */
  chats: nonNegative,
  /** Length of the interval in seconds. */
  intervalSeconds: positive,
  /** Mean chat duration at concurrency 1, 2, …, k, in seconds. */
  ahtSecondsByConcurrency: z.readonly(z.array(positive).check(z.minLength(1), z.maxLength(50))),
  /** The concurrency model: no default, because the models differ by up to 20%. */
  model: ChatModel,
  /** `effective-aht` only: chats an agent effectively works at once (default from the table). */
  concurrencyFactor: z.optional(z.number().check(z.gte(1))),
  ...staffingOptions,
});
/** @inheritDoc RequiredChatAgentsInput */
export type RequiredChatAgentsInput = z.input<typeof RequiredChatAgentsInput>;
type Parsed = z.output<typeof RequiredChatAgentsInput>;

/**
 * The answer of {@link requiredChatAgents}.
 *
 * @example
 * ```ts
 * const result: RequiredChatAgentsResult = requiredChatAgents(input);
 * ```
 */
export interface RequiredChatAgentsResult {
  /** The model used, as given. */
  readonly model: ChatModel;
  /** Maximum concurrency k. */
  readonly maxConcurrency: number;
  /** Productive agents. */
  readonly agents: number;
  /** Seats to schedule after shrinkage, exact. */
  readonly scheduled: number;
  /** Agents if every slot were busy all the time: ceil(chats × AHT_k / interval / k), the no-queue floor. */
  readonly workloadAgents: number;
  /** Which constraint set `agents`. */
  readonly binding: 'serviceLevel' | 'asa' | 'abandonment' | 'occupancy' | 'none';
  /** Service level under the chosen definition at `agents`. */
  readonly serviceLevel: number;
  /** Average speed of answer of answered chats, in seconds. */
  readonly asaSeconds: number;
  /** Share of chats that wait for a free slot. */
  readonly probWait: number;
  /** Share of chats that leave before being answered (0 without `patienceSeconds`). */
  readonly probAbandon: number;
  /** Mean chats held per agent. */
  readonly chatsPerAgent: number;
  /** Mean busy share of the N·k slots. */
  readonly slotOccupancy: number;
}

interface ChatState {
  readonly serviceLevel: number;
  readonly asaSeconds: number;
  readonly probWait: number;
  readonly probAbandon: number;
  readonly busySlots: number;
}

/**
 * Agents for a chat queue where each agent holds up to k chats at once, under an explicitly
 * named concurrency model (see {@link ChatModel}). Occupancy caps apply to slots; shrinkage is
 * exact as in {@link requiredAgents}.
 *
 * @example
 * {@includeCode ../../examples/headcount.example.ts#chat}
 */
export function requiredChatAgents(input: RequiredChatAgentsInput): RequiredChatAgentsResult {
  const v = parseInput(RequiredChatAgentsInput, input, 'requiredChatAgents');
  checkChatTargets(v, '', 'requiredChatAgents');
  return staffChatInterval(v.chats, v);
}

/** Cross-field rules for chat input; `prefix` locates the chat settings (`chat.` in a plan). */
export function checkChatTargets(v: Omit<Parsed, 'chats'>, prefix: string, context: string): void {
  checkTargets(v, context);
  if (v.concurrencyFactor !== undefined && v.model !== 'effective-aht') {
    invalid(`${prefix}concurrencyFactor`, `a concurrency factor belongs to the effective-aht model, received model ${v.model}`, context);
  }
  const k = v.ahtSecondsByConcurrency.length;
  if (v.model === 'effective-aht' && v.concurrencyFactor === undefined && DEFAULT_CONCURRENCY_FACTORS[k] === undefined) {
    invalid(`${prefix}concurrencyFactor`, `expected a concurrency factor: the default table covers concurrency 1 to 5, received ${k}`, context);
  }
  if (v.concurrencyFactor !== undefined && v.concurrencyFactor > k) {
    invalid(`${prefix}concurrencyFactor`, `expected at most the maximum concurrency ${k}, received ${v.concurrencyFactor}`, context);
  }
}

/** Staffs one interval of validated chat settings. */
export function staffChatInterval(chats: number, v: Omit<Parsed, 'chats'>, context = 'requiredChatAgents', path = 'chats'): RequiredChatAgentsResult {
  const ahts = v.ahtSecondsByConcurrency;
  const k = ahts.length;
  const ahtFull = ahts[k - 1] as number;
  // The load at full concurrency bounds the slot and balanced searches; the effective-AHT model
  // checks its own load where it builds it.
  load(chats, ahtFull, v.intervalSeconds, context, path);
  const slotTraffic = trafficRational(chats, ahtFull, v.intervalSeconds);
  const workloadAgents = ceil(div(slotTraffic, rational(k)));
  const state = chatStateFunction(chats, v, context, path);
  if (chats === 0) {
    return { model: v.model, maxConcurrency: k, agents: 0, scheduled: 0, workloadAgents: 0, binding: 'none', serviceLevel: 1, asaSeconds: 0, probWait: 0, probAbandon: 0, chatsPerAgent: 0, slotOccupancy: 0 };
  }
  const guess = Math.max(1, workloadAgents);
  const sl = v.serviceLevel;
  const cap = v.maxAbandonRate;
  const forSl = sl === undefined ? null : smallestMeeting((n) => state(n).serviceLevel >= sl.target, guess, 'serviceLevel.target');
  const forAsa = v.asaSeconds === undefined ? null : smallestMeeting((n) => state(n).asaSeconds <= (v.asaSeconds as number), guess, 'asaSeconds');
  const forAbandon = cap === undefined ? null : smallestMeeting((n) => state(n).probAbandon <= cap, guess, 'maxAbandonRate');
  const forOccupancy = occupancyRequirement(chats, v, state, guess);
  const queue = Math.max(forSl ?? 0, forAsa ?? 0, forAbandon ?? 0);
  const agents = Math.max(queue, forOccupancy);
  const binding = forSl === agents ? 'serviceLevel' : forAsa === agents ? 'asa' : forAbandon === agents ? 'abandonment' : 'occupancy';
  const at = state(agents);
  return {
    model: v.model,
    maxConcurrency: k,
    agents,
    scheduled: scheduledSeats(agents, v.shrinkage),
    workloadAgents,
    binding,
    serviceLevel: at.serviceLevel,
    asaSeconds: at.asaSeconds,
    probWait: at.probWait,
    probAbandon: at.probAbandon,
    chatsPerAgent: at.busySlots / agents,
    slotOccupancy: at.busySlots / (agents * k),
  };
}

/** Slot occupancy within the cap: exact for the two closed-form models, searched for `balanced`. */
function occupancyRequirement(chats: number, v: Omit<Parsed, 'chats'>, state: (n: number) => ChatState, guess: number): number {
  const k = v.ahtSecondsByConcurrency.length;
  const cap = v.maxOccupancy;
  if (v.patienceSeconds === undefined && v.model === 'slot') {
    return agentsForOccupancyCap(div(trafficRational(chats, v.ahtSecondsByConcurrency[k - 1] as number, v.intervalSeconds), rational(k)), cap);
  }
  if (v.patienceSeconds === undefined && v.model === 'effective-aht') {
    const factor = rational(concurrencyFactorOf(v));
    const traffic = div(trafficRational(chats, v.ahtSecondsByConcurrency[0] as number, v.intervalSeconds), factor);
    return agentsForOccupancyCap(traffic, cap);
  }
  if (cap === 1) return 1;
  return smallestMeeting((n) => state(n).busySlots / (n * k) <= cap, guess, 'maxOccupancy');
}

function concurrencyFactorOf(v: Omit<Parsed, 'chats'>): number {
  return v.concurrencyFactor ?? (DEFAULT_CONCURRENCY_FACTORS[v.ahtSecondsByConcurrency.length] as number);
}

/** A memoised N ↦ queue state for the chosen model. */
function chatStateFunction(chats: number, v: Omit<Parsed, 'chats'>, context: string, path: string): (n: number) => ChatState {
  const cache = new Map<number, ChatState>();
  const evaluate = modelEvaluator(chats, v, context, path);
  return (n) => {
    let s = cache.get(n);
    if (s === undefined) {
      s = evaluate(n);
      cache.set(n, s);
    }
    return s;
  };
}

function modelEvaluator(chats: number, v: Omit<Parsed, 'chats'>, context: string, path: string): (n: number) => ChatState {
  const ahts = v.ahtSecondsByConcurrency;
  const k = ahts.length;
  const t = v.serviceLevel?.answerSeconds ?? 0;
  const theta = v.patienceSeconds === undefined ? 0 : 1 / v.patienceSeconds;
  if (v.model === 'balanced') return (n) => balancedState(chats, v.intervalSeconds, ahts, n, theta, t, v);
  // Slot: N·k servers at AHT_k. Effective AHT: N servers at AHT_1 / factor, each holding `factor` chats.
  const servers = v.model === 'slot' ? k : 1;
  const l = load(chats, v.model === 'slot' ? (ahts[k - 1] as number) : (ahts[0] as number) / concurrencyFactorOf(v), v.intervalSeconds, context, path);
  const chatsPerBusyServer = v.model === 'slot' ? 1 : concurrencyFactorOf(v);
  const table = new ErlangBTable(l.traffic);
  return (n) => erlangState(l, n * servers, table, theta, t, v, chatsPerBusyServer);
}

function erlangState(l: Load, servers: number, table: ErlangBTable, theta: number, t: number, v: Omit<Parsed, 'chats'>, chatsPerBusyServer: number): ChatState {
  if (theta === 0) {
    const m = erlangCAt(l, servers, table.at(servers), t);
    return { serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds, probWait: m.probWait, probAbandon: 0, busySlots: Math.min(l.traffic, servers) * chatsPerBusyServer };
  }
  const m = erlangAAt(l, servers, table, theta, t);
  return {
    serviceLevel: serviceLevelOf(m, v.serviceLevelDefinition),
    asaSeconds: m.asaSeconds,
    probWait: m.probWait,
    probAbandon: m.probAbandon,
    busySlots: m.occupancy * servers * chatsPerBusyServer,
  };
}

/**
 * The balanced model: with n chats on N agents spread evenly (q = ⌊n/N⌋ each, r of them one
 * more), the completion rate is r(q+1)/AHT_(q+1) + (N−r)q/AHT_q. Above N·k every slot is busy
 * and the queue behaves like Erlang A's with Nμ replaced by N·k/AHT_k.
 */
function balancedState(chats: number, intervalSeconds: number, ahts: readonly number[], agents: number, theta: number, t: number, v: Omit<Parsed, 'chats'>): ChatState {
  const k = ahts.length;
  const slots = agents * k;
  const lam = chats / intervalSeconds;
  const rate = (n: number): number => {
    const q = Math.floor(n / agents);
    const r = n - q * agents;
    const fuller = r === 0 ? 0 : (r * (q + 1)) / (ahts[q] as number);
    return fuller + (q === 0 ? 0 : ((agents - r) * q) / (ahts[q - 1] as number));
  };
  // Unnormalised weights p_n for n < N·k, rescaled on the fly; `lower` holds Σ p_n and `busy` Σ n·p_n.
  let p = 1;
  let lower = 0;
  let busy = 0;
  for (let n = 0; n < slots; n++) {
    lower += p;
    busy += n * p;
    p *= lam / rate(n + 1);
    if (p > 1e250) {
      p *= 1e-250;
      lower *= 1e-250;
      busy *= 1e-250;
    }
  }
  const tail: QueueTailResult = queueTail({ lower, first: p, arrivalRate: lam, serviceRate: slots / (ahts[k - 1] as number), abandonRate: theta, answerSeconds: t });
  if (!tail.stable) return { serviceLevel: 0, asaSeconds: Number.POSITIVE_INFINITY, probWait: 1, probAbandon: 0, busySlots: slots };
  return {
    serviceLevel: v.serviceLevelDefinition === 'offered' ? tail.slOffered : v.serviceLevelDefinition === 'answered' ? tail.slAnswered : tail.slVirtual,
    asaSeconds: tail.asaSeconds,
    probWait: tail.probWait,
    probAbandon: tail.probAbandon,
    busySlots: busy / tail.normalizer + slots * tail.queueShare,
  };
}


// Headcount for a Double 11 event day, end to end. Every region is shown in the docs and checked here.
import assert from 'node:assert/strict';
// #region funnel
import { receptionsFromFunnel } from 'kefu/headcount';

// HC-1: 10,000 buyers, 40% of them buy through customer service, 25% of consultations convert.
const funnel = receptionsFromFunnel({ buyers: 10_000, csShare: 0.4, inquiryConversion: 0.25, botShare: 0.3 });
// funnel.receptions === 16_000 (a division: 4,000 ÷ 0.25), the bot takes 4,800, agents 11,200
// #endregion funnel
assert.deepEqual(funnel, { buyers: 10_000, csBuyers: 4000, receptions: 16_000, botReceptions: 4800, humanReceptions: 11_200 });

// #region erlang-c
import { erlangC } from 'kefu/headcount';

// 100 calls in a half-hour, 3 minutes each, 14 agents: how long do callers wait?
const queue = erlangC({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14, targetAnswerSeconds: 20 });
// queue.trafficErlangs === 10, queue.probWait ≈ 0.174, queue.serviceLevel ≈ 0.888, queue.asaSeconds ≈ 7.84
// #endregion erlang-c
assert.equal(queue.trafficErlangs, 10);
assert.ok(Math.abs(queue.serviceLevel - 0.8883500191794669) < 1e-12);
assert.ok(Math.abs(queue.asaSeconds - 7.835937011777243) < 1e-12);

// #region required-agents
import { requiredAgents } from 'kefu/headcount';

// 21 Erlangs at 80% in 20 s, occupancy at most 70%, 30% shrinkage.
const need = requiredAgents({
  calls: 252,
  ahtSeconds: 150,
  intervalSeconds: 1800,
  serviceLevel: { target: 0.8, answerSeconds: 20 },
  maxOccupancy: 0.7,
  shrinkage: 0.3,
});
// need.agentsForServiceLevel === 25, need.agents === 30 (the cap binds), need.scheduled === 43
// #endregion required-agents
assert.equal(need.agentsForServiceLevel, 25);
assert.equal(need.agents, 30);
assert.equal(need.scheduled, 43);
assert.equal(need.binding, 'occupancy');

// #region erlang-a
import { erlangA } from 'kefu/headcount';

// The same kind of queue when callers hang up after 2 minutes on average: 96 agents are enough
// where Erlang C asks for 107, and about 6.7% of callers abandon.
const impatient = erlangA({ calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, agents: 96, patienceSeconds: 120, targetAnswerSeconds: 20 });
const withAbandonment = requiredAgents({
  calls: 1000,
  ahtSeconds: 180,
  intervalSeconds: 1800,
  serviceLevel: { target: 0.8, answerSeconds: 20 },
  patienceSeconds: 120,
});
// withAbandonment.agents === 96, impatient.probAbandon ≈ 0.067, impatient.serviceLevel ≈ 0.805
// #endregion erlang-a
assert.equal(withAbandonment.agents, 96);
assert.equal(requiredAgents({ calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 } }).agents, 107);
assert.ok(Math.abs(impatient.probAbandon - 0.06698636231229026) < 1e-10);

// #region chat
import { requiredChatAgents } from 'kefu/headcount';

// Double 11 peak hour on Wangwang: 9,600 chats, up to 3 at once, each chat slower as the agent juggles more.
const chat = requiredChatAgents({
  chats: 9600,
  intervalSeconds: 3600,
  ahtSecondsByConcurrency: [240, 300, 360],
  serviceLevel: { target: 0.8, answerSeconds: 30 },
  model: 'balanced',
});
// chat.agents === 324, chat.chatsPerAgent ≈ 2.94; the slot model says 325, the effective-AHT rule of thumb 261
// #endregion chat
assert.equal(chat.agents, 324);
assert.equal(requiredChatAgents({ chats: 9600, intervalSeconds: 3600, ahtSecondsByConcurrency: [240, 300, 360], serviceLevel: { target: 0.8, answerSeconds: 30 }, model: 'slot' }).agents, 325);
assert.equal(requiredChatAgents({ chats: 9600, intervalSeconds: 3600, ahtSecondsByConcurrency: [240, 300, 360], serviceLevel: { target: 0.8, answerSeconds: 30 }, model: 'effective-aht', concurrencyFactor: 2.5 }).agents, 261);

// #region plan
import { DOUBLE_11_EVENT_DAY_PROFILE, planStaffing } from 'kefu/headcount';

// The event day hour by hour, with 150 people on staff.
const plan = planStaffing({
  date: '2026-11-11',
  timeZone: 'Asia/Shanghai',
  intervalMinutes: 60,
  volumes: { total: funnel.humanReceptions, profile: DOUBLE_11_EVENT_DAY_PROFILE },
  ahtSeconds: 240,
  serviceLevel: { target: 0.8, answerSeconds: 30 },
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  currentStaff: 150,
});
// plan.peakStart === '2026-11-11T00:00:00+08:00': the launch hour needs the most seats (RO-1)
// plan.requiredHeadcount and plan.hiringGap answer HC-5
// #endregion plan
assert.equal(plan.intervals.length, 24);
assert.equal(plan.peakStart, '2026-11-11T00:00:00+08:00');
assert.equal(plan.hiringGap, Math.max(0, plan.requiredHeadcount - 150));
assert.ok(plan.paidAgentHours >= plan.productiveAgentHours);

// #region errors
import { KefuError, toResult } from 'kefu/headcount';

// Bad input never yields NaN: it throws a KefuError that names the field…
try {
  requiredAgents({ calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 80, answerSeconds: 20 } });
} catch (error) {
  if (error instanceof KefuError) {
    // error.code === 'INVALID_INPUT'
    // error.issues[0] → { path: 'serviceLevel.target', message: 'expected a number < 1, received 80' }
  }
}
// …or, wrapped in toResult, comes back as a value.
const result = toResult(() => requiredAgents({ calls: -5, ahtSeconds: 180, intervalSeconds: 1800, asaSeconds: 15 }));
// result.ok === false, result.error.issues[0].path === 'calls'
// #endregion errors
assert.equal(result.ok, false);
if (!result.ok) assert.equal(result.error.issues[0]?.path, 'calls');
assert.throws(
  () => requiredAgents({ calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 80, answerSeconds: 20 } }),
  (error: unknown) => error instanceof KefuError && error.issues[0]?.message === 'expected a number < 1, received 80',
);
// The README's reading of the plan above: the 00:00 seat peak sets the headcount.
assert.equal(plan.peakScheduled, 176);
assert.equal(Math.ceil(plan.fte), 161);
assert.equal(plan.requiredHeadcount, 176);
assert.equal(plan.hiringGap, 26);

// The worked examples of docs/headcount.md. Every region is shown in the guide and every number
// the guide states is asserted after its region.
import assert from 'node:assert/strict';
// #region funnel-money
import { receptionsFromFunnel } from 'kefu/headcount';

// HC-3: a target of ¥3,000,000 at an average order value of ¥199; HC-2's default CS share of 40%.
const fromMoney = receptionsFromFunnel({ salesTarget: '3000000.00', averageOrderValue: '199.00', inquiryConversion: 0.25, botShare: 0.3 });
// fromMoney.buyers === 15_076 (15,075.38… rounded up to whole buyers), fromMoney.csBuyers === 6030.4
// fromMoney.receptions === 24_122, the bot takes 7,236, agents 16,886 (24,122 × 0.7 = 16,885.4, rounded up)
// #endregion funnel-money
assert.deepEqual(fromMoney, { buyers: 15_076, csBuyers: 6030.4, receptions: 24_122, botReceptions: 7236, humanReceptions: 16_886 });
assert.equal(receptionsFromFunnel({ buyers: 10_000, inquiryConversion: 0.25 }).receptions, 16_000); // csShare defaults to 0.4
assert.equal(10_000 * 0.4 * 0.25, 1000); // what the multiplication would claim

// #region funnel-exact
// 2,000 buyers × 35% ÷ 70% is exactly 1,000 receptions; in binary floating point it is 1000.0000000000001.
const exactly = receptionsFromFunnel({ buyers: 2000, csShare: 0.35, inquiryConversion: 0.7 });
// exactly.receptions === 1000, where Math.ceil(2000 * 0.35 / 0.7) is 1001
// #endregion funnel-exact
assert.equal(exactly.receptions, 1000);
assert.equal((2000 * 0.35) / 0.7, 1000.0000000000001);
assert.equal(Math.ceil((2000 * 0.35) / 0.7), 1001);

// #region unstable
import { erlangC } from 'kefu/headcount';

// 100 Erlangs on exactly 100 agents: work arrives as fast as it can be done, so the queue never settles.
const overloaded = erlangC({ calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, agents: 100 });
// overloaded.stable === false, probWait === 1, serviceLevel === 0, asaSeconds === Infinity
// #endregion unstable
assert.equal(overloaded.stable, false);
assert.equal(overloaded.probWait, 1);
assert.equal(overloaded.serviceLevel, 0);
assert.equal(overloaded.asaSeconds, Number.POSITIVE_INFINITY);

// #region fractional
// 10 Erlangs (100 calls of 180 s in a half-hour) on 13, 13.09 and 14 agents.
const levels = [13, 13.09, 14].map((agents) => erlangC({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents }).serviceLevel);
// levels ≈ [0.796, 0.806, 0.888]: the continuous extension fills the gap between whole agents
// #endregion fractional
assert.deepEqual(levels.map((sl) => Math.round(sl * 1000) / 1000), [0.796, 0.806, 0.888]);

// #region exact-counts
import { requiredAgents, scheduledSeats } from 'kefu/headcount';

// Shrinkage: 16.8 Erlangs need 21 agents on the queue; at 30% shrinkage that is exactly 30 seats.
const seats = requiredAgents({ calls: 168, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 }, shrinkage: 0.3 });
// seats.agents === 21, seats.scheduled === 30 (21 ÷ 0.7); in floats Math.ceil(21 / (1 - 0.3)) is 31
const bigFloor = scheduledSeats(5019, 0.3);
// bigFloor === 7170, where floats give 7171

// Search start: 2.6 Erlangs with a generous 600 s threshold need 3 agents, and 0.5 Erlangs need 1.
const small = requiredAgents({ calls: 52, ahtSeconds: 90, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 600 } });
const tiny = requiredAgents({ calls: 6, ahtSeconds: 150, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 600 } });
// small.agents === 3 and tiny.agents === 1; a search that starts at round(A + 1) returns 4 and 2
// #endregion exact-counts
assert.equal(seats.agents, 21);
assert.equal(seats.scheduled, 30);
assert.equal(21 / (1 - 0.3), 30.000000000000004);
assert.equal(Math.ceil(21 / (1 - 0.3)), 31);
assert.equal(Math.ceil(21 * (1 + 0.3)), 28); // N × (1 + s) would schedule 28
assert.equal(21 / 0.7, 30.000000000000004);
assert.equal(bigFloor, 7170);
assert.equal(Math.ceil(5019 / (1 - 0.3)), 7171);
assert.equal(small.trafficErlangs, 2.6);
assert.equal(small.agents, 3);
assert.equal(tiny.agents, 1);
assert.deepEqual([Math.round(2.6 + 1), Math.round(0.5 + 1)], [4, 2]);

// #region margin
// 80% in 20 s, AHT 180 s, half-hour intervals: the agents Erlang C asks for as the queue grows.
const margins = [5, 100, 1000, 10_000, 50_000].map((calls) => {
  const r = requiredAgents({ calls, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 } });
  return [r.trafficErlangs, r.agents];
});
// margins → [[0.5, 2], [10, 14], [100, 107], [1000, 1011], [5000, 5013]]
// #endregion margin
assert.deepEqual(margins, [[0.5, 2], [10, 14], [100, 107], [1000, 1011], [5000, 5013]]);

// #region erlang-a-definitions
// A = 100 Erlangs, mean patience 120 s, 80% in 20 s, under each service-level definition.
const impatientQueue = { calls: 1000, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 }, patienceSeconds: 120 };
const onOffered = requiredAgents({ ...impatientQueue, serviceLevelDefinition: 'offered' }); // 96 agents
const onAnswered = requiredAgents({ ...impatientQueue, serviceLevelDefinition: 'answered' }); // 94
const onVirtual = requiredAgents({ ...impatientQueue, serviceLevelDefinition: 'virtual' }); // 95
// Capping abandonment at 2% raises the answer to 106, and `binding` says why:
const capped = requiredAgents({ ...impatientQueue, maxAbandonRate: 0.02 });
// capped.agents === 106, capped.binding === 'abandonment', capped.requirements.serviceLevel === 96
// #endregion erlang-a-definitions
assert.deepEqual([onOffered.agents, onAnswered.agents, onVirtual.agents], [96, 94, 95]);
assert.equal(onOffered.model, 'erlang-a');
assert.ok(Math.abs(onOffered.metrics.probAbandon - 0.067) < 0.0005);
assert.ok(Math.abs(onAnswered.metrics.probAbandon - 0.081) < 0.0005);
assert.equal(capped.agents, 106);
assert.equal(capped.binding, 'abandonment');
assert.equal(capped.requirements.serviceLevel, 96);
assert.equal(capped.requirements.abandonment, 106);
assert.ok(capped.metrics.probAbandon <= 0.02);

// #region chat-models
import { DEFAULT_CONCURRENCY_FACTORS, requiredChatAgents } from 'kefu/headcount';

// The Double 11 peak hour: 9,600 chats, up to 3 at once, slower chats as an agent holds more.
const peakHour = { chats: 9600, intervalSeconds: 3600, ahtSecondsByConcurrency: [240, 300, 360], serviceLevel: { target: 0.8, answerSeconds: 30 } };
const balanced = requiredChatAgents({ ...peakHour, model: 'balanced' }); // 324 agents
const slots = requiredChatAgents({ ...peakHour, model: 'slot' }); // 325
const effective = requiredChatAgents({ ...peakHour, model: 'effective-aht' }); // 261, with DEFAULT_CONCURRENCY_FACTORS[3] === 2.5
// balanced.workloadAgents === 320: 9,600 × 360 s ÷ 3,600 s ÷ 3 chats, with no room for queueing
// #endregion chat-models
assert.deepEqual([balanced.agents, slots.agents, effective.agents, balanced.workloadAgents], [324, 325, 261, 320]);
assert.equal(DEFAULT_CONCURRENCY_FACTORS[3], 2.5);
assert.deepEqual([1, 2, 3, 4, 5].map((k) => DEFAULT_CONCURRENCY_FACTORS[k]), [1, 1.7, 2.5, 2.9, 3.5]);
assert.equal(Math.round(balanced.chatsPerAgent * 100) / 100, 2.94);
assert.equal(Math.round(balanced.serviceLevel * 1000) / 1000, 0.813);
assert.equal((9600 * (240 / 2.5)) / 3600, 256); // the effective-AHT model's own workload, in Erlangs
// The same peak hour treated as one chat at a time at 360 s each, before any occupancy cap.
assert.equal(requiredAgents({ calls: 9600, ahtSeconds: 360, intervalSeconds: 3600, serviceLevel: { target: 0.8, answerSeconds: 30 } }).agents, 973);

// #region seed-plan
import { planStaffing } from 'kefu/headcount';

// The seed rule's worked example: 100,000 buyers, 40% through CS, 50% inquiry conversion.
const consultations = receptionsFromFunnel({ buyers: 100_000, csShare: 0.4, inquiryConversion: 0.5 }).receptions; // 80,000
// Its six busiest half-hours hold 6%, 5% and 3% of the day from 00:00, and 3%, 3.5% and 3% from 20:00.
// The other half-hours are left at 0 so that the totals cover these six only.
const halfHours = Array<number>(48).fill(0);
halfHours.splice(0, 3, ...[6, 5, 3].map((pct) => (consultations * pct) / 100)); // 4,800, 4,000, 2,400
halfHours.splice(40, 3, ...[3, 3.5, 3].map((pct) => (consultations * pct) / 100)); // 2,400, 2,800, 2,400
const seedPlan = planStaffing({
  date: '2026-11-11',
  intervalMinutes: 30,
  volumes: halfHours,
  ahtSeconds: 240,
  serviceLevel: { target: 0.8, answerSeconds: 30 },
  shrinkage: 0.3,
});
// agents per listed half-hour: 650, 543, 329, 329, 382, 329; seats 929, 776, 470, 470, 546, 470
// seedPlan.productiveAgentHours === 1281, seedPlan.paidAgentHours === 1830, seedPlan.peakScheduled === 929 at 00:00
// #endregion seed-plan
const listed = [0, 1, 2, 40, 41, 42].map((i) => seedPlan.intervals[i]);
assert.equal(consultations, 80_000);
assert.equal(100_000 * 0.4 * 0.5, 20_000); // what the multiplication would claim
assert.deepEqual(listed.map((i) => i?.calls), [4800, 4000, 2400, 2400, 2800, 2400]);
assert.deepEqual(listed.map((i) => i?.start.slice(11, 16)), ['00:00', '00:30', '01:00', '20:00', '20:30', '21:00']);
assert.deepEqual(listed.map((i) => i?.agents), [650, 543, 329, 329, 382, 329]);
assert.deepEqual(listed.map((i) => i?.scheduled), [929, 776, 470, 470, 546, 470]);
assert.deepEqual(listed.map((i) => Math.round((i?.trafficErlangs ?? 0) * 10) / 10), [640, 533.3, 320, 320, 373.3, 320]);
assert.equal(Math.ceil(seedPlan.fte), 229); // 1,830 paid hours ÷ 8, rounded up
assert.equal(seedPlan.requiredHeadcount, 929); // but 929 seats are needed at once at 00:00
assert.equal(seedPlan.productiveAgentHours, 1281);
assert.equal(seedPlan.paidAgentHours, 1830);
assert.equal(seedPlan.peakScheduled, 929);
assert.equal(seedPlan.peakStart, '2026-11-11T00:00:00+08:00');

// #region plan-results
import { DOUBLE_11_EVENT_DAY_PROFILE } from 'kefu/headcount';

// The event day of the README example: 11,200 receptions for agents, spread by the illustrative profile.
const eventDay = planStaffing({
  date: '2026-11-11',
  timeZone: 'Asia/Shanghai',
  intervalMinutes: 60,
  volumes: { total: 11_200, profile: DOUBLE_11_EVENT_DAY_PROFILE },
  ahtSeconds: 240,
  serviceLevel: { target: 0.8, answerSeconds: 30 },
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  currentStaff: 150,
});
// 00:00-01:00 holds 14% of the day: 1,568 receptions, 123 agents, 176 seats (the peak)
// eventDay.productiveAgentHours === 898, eventDay.paidAgentHours ≈ 1,282.9 (898 ÷ 0.7), eventDay.fte ≈ 160.4
// the hours alone need ceil(160.4) = 161 people, but 176 must be seated at once at 00:00, so
// eventDay.requiredHeadcount === 176 (headcountBasis 'peakSeats') and eventDay.hiringGap === 26 (176 − 150)
// #endregion plan-results
const launch = eventDay.intervals[0];
assert.deepEqual([launch?.calls, launch?.agents, launch?.scheduled], [1568, 123, 176]);
assert.equal(eventDay.productiveAgentHours, 898);
assert.equal(Math.round(eventDay.paidAgentHours * 10) / 10, 1282.9);
assert.equal(Math.round(eventDay.fte * 10) / 10, 160.4);
assert.equal(Math.ceil(eventDay.fte), 161);
assert.equal(eventDay.requiredHeadcount, 176);
assert.equal(eventDay.headcountBasis, 'peakSeats');
assert.equal(eventDay.hiringGap, 26);
assert.equal(eventDay.peakScheduled, 176);
assert.equal(eventDay.peakStart, '2026-11-11T00:00:00+08:00');
assert.equal(eventDay.intervals.filter((i) => i.binding === 'occupancy').length, 17);

// #region dst
// A team on New York time: on 1 November 2026 clocks go back an hour, so the local day has 25 hours
// and 01:00 comes twice; on 8 March 2026 they go forward and the day has 23.
const flat = Array<number>(24).fill(1);
const fallBack = planStaffing({ date: '2026-11-01', timeZone: 'America/New_York', intervalMinutes: 60, volumes: { total: 2500, profile: flat }, ahtSeconds: 240, serviceLevel: { target: 0.8, answerSeconds: 30 } });
const springForward = planStaffing({ date: '2026-03-08', timeZone: 'America/New_York', intervalMinutes: 60, volumes: { total: 2300, profile: flat }, ahtSeconds: 240, serviceLevel: { target: 0.8, answerSeconds: 30 } });
// fallBack.intervals.length === 25: starts …T01:00:00-04:00 then …T01:00:00-05:00; 100 contacts each
// springForward.intervals.length === 23: 02:00 does not exist, …T01:00:00-05:00 is followed by …T03:00:00-04:00
// #endregion dst
assert.equal(fallBack.intervals.length, 25);
assert.deepEqual(fallBack.intervals.slice(1, 3).map((i) => i.start), ['2026-11-01T01:00:00-04:00', '2026-11-01T01:00:00-05:00']);
assert.ok(fallBack.intervals.every((i) => i.calls === 100));
assert.equal(springForward.intervals.length, 23);
assert.deepEqual(springForward.intervals.slice(1, 3).map((i) => i.start), ['2026-03-08T01:00:00-05:00', '2026-03-08T03:00:00-04:00']);
assert.ok(springForward.intervals.every((i) => i.calls === 100));

// #region safe-parse
import { KefuError, RequiredAgentsInput } from 'kefu/headcount';

// The exported schema checks a row without throwing, e.g. while a form is being filled in.
const row = RequiredAgentsInput.safeParse({ calls: -5, ahtSeconds: 180, intervalSeconds: 1800 });
// row.success === false, row.error.issues[0].path → ['calls'] (zod's own issue format)

// It checks each field's type and range only; rules across fields are checked by the function.
const noTarget = { calls: 5, ahtSeconds: 180, intervalSeconds: 1800 };
const parsed = RequiredAgentsInput.safeParse(noTarget); // parsed.success === true
// requiredAgents(noTarget) still throws KefuError INVALID_INPUT at 'serviceLevel': no target was given
// #endregion safe-parse
assert.equal(row.success, false);
assert.deepEqual(row.error?.issues[0]?.path, ['calls']);
assert.equal(parsed.success, true);
assert.throws(
  () => requiredAgents(noTarget),
  (error: unknown) => error instanceof KefuError && error.code === 'INVALID_INPUT' && error.issues[0]?.path === 'serviceLevel',
);

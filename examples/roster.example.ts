// A Double 11 roster for a small shop, end to end. Every region is shown in docs/roster.md (and
// `generate` in the TSDoc of generateRoster); every number the comments state is asserted below it.
import assert from 'node:assert/strict';
// #region generate
import { generateRoster, validateRoster, type RosterAgent, type RosterInput } from 'kefu/roster';

// Nine days around Double 11, hour by hour: 2026-11-05 00:00 to 2026-11-14 00:00, Asia/Shanghai.
const dates = Array.from({ length: 9 }, (_, d) => `2026-11-${String(5 + d).padStart(2, '0')}`);

// Agents needed in one hour, per skill (RO-2). Nights are quiet except the launch night of 11.11:
// 8 presale agents at 00:00 and 6 at 01:00 (RO-1). Aftersale doubles once the event is over.
function need(skill: 'presale' | 'aftersale', date: string, hour: number): number {
  const eventDay = date === '2026-11-11';
  const after = date > '2026-11-11';
  if (skill === 'aftersale') return hour < 8 ? 0 : after ? 2 : 1;
  if (eventDay && hour < 2) return hour === 0 ? 8 : 6;
  if (hour < 8) return eventDay && hour < 7 ? 1 : 0;
  const evening = hour >= 18 && hour < 22 ? 2 : 0;
  return (after ? 1 : 2) + evening;
}
const hourly = (skill: 'presale' | 'aftersale') => dates.flatMap((date) => Array.from({ length: 24 }, (_, hour) => need(skill, date, hour)));

const fullTimer = (id: string, skills: string[], allowedShifts = ['early', 'late', 'night']): RosterAgent => ({ id, skills, allowedShifts, kind: 'fulltime' });
const agents: RosterAgent[] = [
  // Presale full-timers may work the night shift: they are the launch team (RO-1). Li is off on 11.11.
  ...['wang', 'zhang', 'liu', 'chen', 'yang'].map((id) => fullTimer(id, ['presale'])),
  { ...fullTimer('li', ['presale']), unavailable: [{ date: '2026-11-11' }] },
  // Two experienced agents back up either skill; aftersale specialists work days only.
  fullTimer('zhao', ['presale', 'aftersale']),
  fullTimer('huang', ['presale', 'aftersale']),
  ...['zhou', 'wu', 'sun'].map((id) => fullTimer(id, ['aftersale'], ['early', 'late'])),
  // Students: presale only, the 4-hour evening shift, at most 4 days in any 7 (RO-6).
  ...['xu', 'hu', 'ma'].map((id): RosterAgent => ({ id, skills: ['presale'], kind: 'student', allowedShifts: ['eve4'], maxDaysPer7Days: 4 })),
];

const input: RosterInput = {
  startDate: '2026-11-05',
  days: dates.length,
  demand: { presale: hourly('presale'), aftersale: hourly('aftersale') },
  shifts: [
    { id: 'early', start: '08:00', hours: 9 },
    { id: 'late', start: '15:00', hours: 9 }, // ends at midnight
    { id: 'night', start: '23:00', hours: 8 }, // runs into the next date (RO-7)
    { id: 'eve4', start: '18:00', hours: 4 },
  ],
  agents, // everyone: at most 5 days in any 7 unless set (RO-5), 11 h rest, one shift a day
  timeLimitMs: 3000,
};
const result = generateRoster(input);
// 75 shifts; result.objective === 157 === result.lowerBound, so result.provenOptimal === true
// validateRoster(input, result.assignments) → [] (every hard rule holds)
// #endregion generate
assert.equal(result.assignments.length, 75);
assert.equal(result.objective, 157);
assert.equal(result.lowerBound, 157);
assert.ok(result.objective >= result.lowerBound);
assert.equal(result.provenOptimal, true);
assert.deepEqual(validateRoster(input, result.assignments), []);
assert.equal(input.demand['presale']?.length, 9 * 24);
assert.ok(result.assignments.filter((a) => ['xu', 'hu', 'ma'].includes(a.agentId)).every((a) => a.shiftId === 'eve4' && a.skill === 'presale'));
assert.ok(!result.assignments.some((a) => a.agentId === 'li' && (a.date === '2026-11-11' || (a.date === '2026-11-10' && a.shiftId === 'night'))));
// The guide's reading of the result.
assert.deepEqual({ ...result.objectiveTerms, fairness: 0 }, { understaff: 80, overstaff: 77, handover: 0, ratio: 0, coreTeam: 0, requests: 0, fairness: 0 });
assert.deepEqual(result.totals, { requiredHours: 523, coveredHours: 515, understaffedHours: 8, overstaffedHours: 77, assignedHours: 592 });
assert.deepEqual(
  result.fairness.byKind.map((k) => [k.kind, k.agents, k.minHours, k.maxHours, k.maxNights]),
  [
    ['fulltime', 11, 45, 54, 1],
    ['student', 3, 20, 24, 0],
  ],
);
assert.equal(result.fairness.byKind[0]?.meanHours, 48);
assert.equal(result.fairness.hoursByAgent['sun'], 45);

// #region explain
// Why is the launch hour short, and what would fix it?
const launch = result.unmet.find((u) => u.skill === 'presale' && u.start === '2026-11-11T00:00:00+08:00');
const nightCrew = result.assignments.filter((a) => a.date === '2026-11-10' && a.shiftId === 'night').map((a) => a.agentId);
// launch.shortfall === 5: 8 needed, 3 on the night shift of 11.10 (huang, yang, zhang)
// launch.reasons → onOtherShift: 6 presale agents work other hours on 11.11;
//                  unavailable: 2 have no shift they may work at 00:00 (li is off, xu is a student)
// result.explanation.summary[1] ===
//   'presale 2026-11-11 00:00–02:00 short by 8 agent-hours: 6 presale agents work other hours that day; …'
const levers = result.explanation.levers.map((l) => `${l.lever}${l.kind ? ` ${l.kind}` : ''} → ${l.objectiveLowerBound}`);
// ['addAgent fulltime → 143', 'addAgent student → 147', 'sixDaysIn7 → 147', 'restOneHourShorter → 157']:
// a fourth full-timer on the night saves 14; shorter rest would not help at all
// #endregion explain
assert.ok(launch !== undefined);
assert.equal(launch.shortfall, 5);
assert.deepEqual(nightCrew, ['huang', 'yang', 'zhang']);
assert.deepEqual(
  launch.reasons.map((r) => [r.rule, r.agents]),
  [
    ['onOtherShift', 6],
    ['unavailable', 2],
  ],
);
assert.deepEqual(
  result.unmet.map((u) => [u.start, u.skill, u.shortfall]),
  [
    ['2026-11-11T00:00:00+08:00', 'presale', 5],
    ['2026-11-11T01:00:00+08:00', 'presale', 3],
  ],
);
assert.equal(result.explanation.summary[0], 'Optimal: no roster under these rules scores below 157.');
assert.ok(result.explanation.summary[1]?.startsWith('presale 2026-11-11 00:00–02:00 short by 8 agent-hours: 6 presale agents work other hours that day; '));
assert.equal(result.explanation.summary.length, 2);
assert.deepEqual(
  result.explanation.bindingRules.map((b) => [b.rule, b.blockedAgentIntervals]),
  [['unavailable', 4]],
);
assert.deepEqual(levers, ['addAgent fulltime → 143', 'addAgent student → 147', 'sixDaysIn7 → 147', 'restOneHourShorter → 157']);
assert.deepEqual(
  result.explanation.levers.map((l) => l.improvement),
  [14, 10, 10, 0],
);
// Who is kept off 00:00 on 11.11, agent by agent.
const workingOn11 = new Set(result.assignments.filter((a) => a.date === '2026-11-11').map((a) => a.agentId));
const presaleHolders = agents.filter((a) => a.skills.includes('presale')).map((a) => a.id);
assert.equal(presaleHolders.filter((id) => workingOn11.has(id)).length, 6);
assert.deepEqual(
  presaleHolders.filter((id) => !workingOn11.has(id) && !nightCrew.includes(id)),
  ['li', 'xu'],
);

// #region what-if
// Levers are bounds from the aggregate model; a re-run shows where a change lands.
const withGao = generateRoster({ ...input, agents: [...agents, fullTimer('gao', ['presale'])] });
// withGao.objective === 143, as promised: 00:00 on 11.11 is now short by 4, 01:00 by 2
const sixDays = generateRoster({ ...input, agents: agents.map((a) => ({ ...a, maxDaysPer7Days: (a.maxDaysPer7Days ?? 5) + 1 })) });
// sixDays.objective === 147, yet 00:00 is still short by 5: the 10 saved are surplus hours elsewhere
// #endregion what-if
assert.equal(withGao.objective, 143);
assert.equal(withGao.provenOptimal, true);
assert.deepEqual(
  withGao.unmet.map((u) => [u.start, u.shortfall]),
  [
    ['2026-11-11T00:00:00+08:00', 4],
    ['2026-11-11T01:00:00+08:00', 2],
  ],
);
assert.equal(sixDays.objective, 147);
assert.deepEqual(
  sixDays.unmet.map((u) => [u.start, u.shortfall]),
  [
    ['2026-11-11T00:00:00+08:00', 5],
    ['2026-11-11T01:00:00+08:00', 3],
  ],
);
assert.deepEqual([sixDays.objectiveTerms.understaff, sixDays.objectiveTerms.overstaff], [80, 67]);

// #region validate
// A roster typed by hand: wang closes at midnight on 11.10 and opens at 08:00 on 11.11;
// zhou is down for both day shifts on 11.12.
const handMade = [
  { agentId: 'wang', date: '2026-11-10', shiftId: 'late', skill: 'presale' },
  { agentId: 'wang', date: '2026-11-11', shiftId: 'early', skill: 'presale' },
  { agentId: 'zhou', date: '2026-11-12', shiftId: 'early', skill: 'aftersale' },
  { agentId: 'zhou', date: '2026-11-12', shiftId: 'late', skill: 'aftersale' },
];
const violations = validateRoster(input, handMade).map((v) => `${v.code} ${v.agentId} ${v.date}`);
// ['REST_TOO_SHORT wang 2026-11-11',      8 h of rest where 11 are required
//  'TWO_SHIFTS_ONE_DAY zhou 2026-11-12',
//  'REST_TOO_SHORT zhou 2026-11-12']      the two shifts overlap: −2 h of rest
// #endregion validate
assert.deepEqual(violations, ['REST_TOO_SHORT wang 2026-11-11', 'TWO_SHIFTS_ONE_DAY zhou 2026-11-12', 'REST_TOO_SHORT zhou 2026-11-12']);
assert.deepEqual(
  validateRoster(input, handMade).map((v) => v.message),
  ['wang rests 8 h before the shift on 2026-11-11, less than 11 h', 'zhou has 2 shifts on 2026-11-12', 'zhou rests -2 h before the shift on 2026-11-12, less than 11 h'],
);

// #region errors
import { KefuError } from 'kefu/roster';

// A day of presale demand is missing: 8 days of values for a 9-day horizon.
try {
  generateRoster({ ...input, demand: { ...input.demand, presale: hourly('presale').slice(24) } });
} catch (error) {
  if (error instanceof KefuError) {
    // error.code === 'INVALID_INPUT'
    // error.issues[0] → { path: 'demand.presale', message: 'expected 216 values (9 days × 24 h ÷ 60 min), received 192' }
  }
}
// #endregion errors
assert.throws(
  () => generateRoster({ ...input, demand: { ...input.demand, presale: hourly('presale').slice(24) } }),
  (error: unknown) =>
    error instanceof KefuError &&
    error.code === 'INVALID_INPUT' &&
    error.issues.length === 1 &&
    error.issues[0]?.path === 'demand.presale' &&
    error.issues[0]?.message === 'expected 216 values (9 days × 24 h ÷ 60 min), received 192',
);

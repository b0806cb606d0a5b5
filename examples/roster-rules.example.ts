// The soft rules of a roster (RO-1, RO-2, RO-4), requests and pinned shifts. Every region is shown
// in docs/roster.md; every number the comments state is asserted below it.
import assert from 'node:assert/strict';
// #region rules
import { generateRoster, validateRoster, type RosterInput } from 'kefu/roster';

// The launch night of Double 11 and the day after: 2026-11-11 00:00 to 2026-11-13 00:00.
const hours = 48;
const presale = Array.from({ length: hours }, (_, h) => (h < 2 ? 3 : h % 24 >= 8 && h % 24 < 24 ? 3 : 0));
const aftersale = Array.from({ length: hours }, (_, h) => (h % 24 >= 8 && h % 24 < 24 ? (h < 24 ? 1 : 2) : 0));

const input: RosterInput = {
  startDate: '2026-11-11',
  days: 2,
  demand: { presale, aftersale },
  shifts: [
    { id: 'launch', start: '00:00', hours: 4 },
    { id: 'early', start: '08:00', hours: 9 },
    { id: 'late', start: '15:00', hours: 9 },
  ],
  agents: [
    ...['wang', 'zhang', 'liu', 'chen'].map((id) => ({ id, skills: ['presale'], kind: 'fulltime' })),
    ...['zhao', 'huang', 'zhou', 'wu', 'sun'].map((id) => ({ id, skills: ['presale', 'aftersale'], kind: 'fulltime' })),
    // Students cover basic presale questions only (RO-6); Xu asked for the launch shift.
    { id: 'xu', skills: ['presale'], kind: 'student', requests: [{ date: '2026-11-11', shiftId: 'launch', weight: 5 }] },
    { id: 'hu', skills: ['presale'], kind: 'student', requests: [{ date: '2026-11-12', off: true }] },
  ],
  rules: {
    // RO-1: three full-timers on duty for the first two hours after 00:00.
    coreTeams: [{ date: '2026-11-11', from: '00:00', to: '02:00', minAgents: 3, kinds: ['fulltime'] }],
    // RO-4: the next shift starts at least an hour before the previous one ends.
    handoverMinutes: 60,
    // RO-2: three presale agents per aftersale agent during the day.
    ratios: [{ skill: 'presale', per: 'aftersale', target: presale.map((_, h) => (h % 24 >= 8 ? 3 : null)) }],
  },
  timeLimitMs: 3000,
};
const result = generateRoster(input);
// result.objectiveTerms → { understaff: 0, overstaff: 24, handover: 0, ratio: 40.5, coreTeam: 0, requests: 5, fairness: … }
// Three full-timers open the event; Xu's wish (weight 5 × requestShift 1) loses to the core team.
// result.objective === 69.5 === result.lowerBound: the sum of every term but fairness, proven optimal.
// #endregion rules
assert.deepEqual(validateRoster(input, result.assignments), []);
assert.equal(result.objectiveTerms.understaff, 0);
assert.equal(result.objectiveTerms.coreTeam, 0);
assert.equal(result.objectiveTerms.requests, 5);
assert.equal(result.objectiveTerms.handover, 0);
assert.equal(result.objectiveTerms.overstaff, 24);
assert.equal(result.objectiveTerms.ratio, 40.5);
assert.equal(result.objective, 69.5);
assert.equal(result.lowerBound, 69.5);
const launch = result.assignments.filter((a) => a.shiftId === 'launch');
assert.equal(launch.length, 3);
assert.ok(launch.every((a) => a.agentId !== 'xu' && a.agentId !== 'hu'));
assert.ok(!result.assignments.some((a) => a.agentId === 'hu' && a.date === '2026-11-12'));

// #region pins
// Pinned shifts are kept as they are; pins that break a hard rule between them are reported.
const pinned = generateRoster({
  ...input,
  agents: input.agents.map((a) => (a.id === 'wang' ? { ...a, fixed: [{ date: '2026-11-11', shiftId: 'late' }, { date: '2026-11-12', shiftId: 'launch' }] } : a)),
});
// pinned.status === 'infeasible'; pinned.assignments → []
// pinned.conflicts → [{ code: 'REST_TOO_SHORT', agentId: 'wang', date: '2026-11-12', message: 'wang rests 0 h before the shift on 2026-11-12, less than 11 h' }]
// #endregion pins
assert.equal(pinned.status, 'infeasible');
assert.deepEqual(pinned.assignments, []);
assert.deepEqual(pinned.conflicts, [{ code: 'REST_TOO_SHORT', agentId: 'wang', date: '2026-11-12', message: 'wang rests 0 h before the shift on 2026-11-12, less than 11 h' }]);

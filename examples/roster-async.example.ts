// generateRosterAsync with HiGHS (the optional peer dependency `highs`). Shown in docs/roster.md
// and in the TSDoc of generateRosterAsync; every number the comments state is asserted below it.
import assert from 'node:assert/strict';
// #region highs
import { generateRosterAsync, type RosterInput } from 'kefu/roster';

// One day, hourly: two presale agents from 08:00 to 24:00, three agents who may work either shift.
const input: RosterInput = {
  startDate: '2026-11-11',
  days: 1,
  demand: { presale: Array.from({ length: 24 }, (_, h) => (h >= 8 ? 2 : 0)) },
  shifts: [
    { id: 'early', start: '08:00', hours: 8 },
    { id: 'late', start: '16:00', hours: 8 },
  ],
  agents: ['wang', 'li', 'zhang'].map((id) => ({ id, skills: ['presale'] })),
};
// npm install highs; the model is solved in a worker thread, stopped at 60% of timeLimitMs.
const result = await generateRosterAsync(input, { engine: 'highs' });
// result.engine → { used: 'highs' }; result.objective === 80 (one agent short for 8 hours, × 10)
// When highs is missing or fails, the built-in engine answers and result.engine.note says why.
// #endregion highs
assert.deepEqual(result.engine, { used: 'highs' });
assert.equal(result.objective, 80);
assert.equal(result.provenOptimal, true);
const fallback = await generateRosterAsync(input, { engine: 'highs', highsFrom: '/nowhere/' });
assert.equal(fallback.engine.used, 'builtin');
assert.equal(fallback.objective, 80);

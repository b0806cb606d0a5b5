// SLA-3 invariants: escalation is total over types and classes for the default matrix and for
// any valid change to it; the solution is due after the report, exactly the cell's minutes later;
// the answer is deterministic.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { toEpochMs } from '../core/time.ts';
import { escalate, escalationMatrix, PROBLEM_TYPES, type EscalationMatrixInput } from './escalate.ts';
import { EMERGENCY_CLASSES, EMERGENCY_PLANS } from './plans.ts';

const id = fc.string({ minLength: 1, maxLength: 12 });
const cellChange = fc.record(
  { owner: id, solveWithinMinutes: fc.integer({ min: 1, max: 43_200 }), notify: fc.array(id, { maxLength: 3 }) },
  { requiredKeys: [] },
);
// A change keeps the default levels, or renames them and then gives every cell one of the new ones.
const matrix: fc.Arbitrary<EscalationMatrixInput> = fc.oneof(
  fc.record({
    timeZone: fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York'),
    cells: fc.record({
      prepared: fc.record({ platformOutage: cellChange, brandIncident: cellChange }, { requiredKeys: [] }),
      sudden: fc.record({ priceOrSpecError: cellChange }, { requiredKeys: [] }),
    }, { requiredKeys: [] }),
  }, { requiredKeys: [] }),
  fc.uniqueArray(id, { minLength: 1, maxLength: 5 }).chain((levels) =>
    fc
      .tuple(...PROBLEM_TYPES.map(() => fc.tuple(...EMERGENCY_CLASSES.map(() => fc.tuple(fc.constantFrom(...levels), cellChange)))))
      .map((rows) => ({
        levels,
        cells: Object.fromEntries(
          PROBLEM_TYPES.map((type, t) => [type, Object.fromEntries(EMERGENCY_CLASSES.map((c, k) => [c, { ...rows[t]?.[k]?.[1], level: rows[t]?.[k]?.[0] as string }]))]),
        ),
      })),
  ),
);
const reportedAt = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });

describe('SLA-3 properties', () => {
  test.prop([matrix, reportedAt], { numRuns: 100 })('SLA-3: every type and class escalates to a level of the matrix, due after the report', (changes, at) => {
    const m = escalationMatrix(changes);
    for (const type of PROBLEM_TYPES) {
      for (const cls of EMERGENCY_CLASSES) {
        const e = escalate({ type, class: cls, reportedAt: at }, changes);
        const cell = m.cells[type][cls];
        expect(m.levels).toContain(e.level);
        expect(e.levelRank).toBe(m.levels.indexOf(e.level) + 1);
        expect(e).toMatchObject({ level: cell.level, owner: cell.owner, notify: cell.notify, solveWithinMinutes: cell.solveWithinMinutes });
        expect(e.solutionDueEpochMs - at).toBe(cell.solveWithinMinutes * 60_000);
        expect(toEpochMs(e.solutionDueAt)).toBe(e.solutionDueEpochMs);
        expect(toEpochMs(e.reportedAt)).toBe(at);
        expect(e.firstActions.length).toBeGreaterThan(0);
        expect(escalate({ type, class: cls, reportedAt: at }, changes)).toEqual(e);
      }
    }
  });

  test.prop([fc.constantFrom(...PROBLEM_TYPES), fc.constantFrom(...EMERGENCY_CLASSES), reportedAt], { numRuns: 100 })(
    'SLA-4: a named situation leads with its own actions, then the class plan',
    (type, cls, at) => {
      for (const situation of EMERGENCY_PLANS[cls].situations) {
        const e = escalate({ type, class: cls, situation: situation.id, reportedAt: at });
        expect(e.firstActions).toEqual([...situation.firstActions, ...EMERGENCY_PLANS[cls].firstActions]);
      }
    },
  );
});

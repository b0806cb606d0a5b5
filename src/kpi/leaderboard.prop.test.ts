// Top-N completeness (reference kpi.md §4.8, invariant 6).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { counters } from '../../test/fixtures/kpi-records.ts';
import { leaderboard } from './leaderboard.ts';
import type { KpiRecord } from './record.ts';

describe('leaderboard properties', () => {
  const cohort = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 0, maxLength: 15 }).map((amounts) =>
    amounts.map((a, i): KpiRecord => ({ agentId: `a${i}`, shopId: 's', period: { start: '2026-11-11', end: '2026-11-11' }, counters: counters({ salesAmount: a, paidBuyers: a > 0 ? 1 : 0 }) })),
  );
  test.prop([cohort, fc.integer({ min: 1, max: 6 })], { numRuns: 200 })('6: the board holds exactly the agents ranked <= top, so at least min(top, cohort) of them', (records, top) => {
    const board = leaderboard(records, 'salesAmount', { top });
    const values = records.map((r) => Number(r.counters.salesAmount));
    const expected = records.filter((_, i) => 1 + values.filter((v) => v > (values[i] as number)).length <= top).map((r) => r.agentId);
    expect(board.map((e) => e.agentId).sort()).toEqual(expected.sort());
    expect(board.length).toBeGreaterThanOrEqual(Math.min(top, records.length));
  });
});

import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { rec } from '../../test/fixtures/kpi-records.ts';
import { groupLeaderboard, leaderboard } from './leaderboard.ts';
import type { KpiRecord } from './record.ts';

const sales = (agentId: string, amount: string, extra: Parameters<typeof rec>[1] = {}): KpiRecord => rec(agentId, { salesAmount: amount, paidBuyers: 1, ...extra });

describe('leaderboard (KPI-6)', () => {
  it('KPI-6: the top 3, everyone tied at the last place included, in rank order', () => {
    const board = leaderboard([sales('e', '10'), sales('d', '50'), sales('c', '50'), sales('b', '70'), sales('a', '90')], 'salesAmount');
    expect(board.map((e) => [e.agentId, e.value, e.rank, e.tieSize])).toEqual([
      ['a', '90.00', 1, 1],
      ['b', '70.00', 2, 1],
      ['c', '50.00', 3, 2],
      ['d', '50.00', 3, 2],
    ]);
  });

  it('KPI-6: a tie for first with top 1 announces both; top larger than the cohort lists everyone', () => {
    expect(leaderboard([sales('x', '5'), sales('y', '5'), sales('z', '1')], 'salesAmount', { top: 1 }).map((e) => e.agentId)).toEqual(['x', 'y']);
    expect(leaderboard([sales('x', '5')], 'salesAmount', { top: 10 })).toHaveLength(1);
  });

  it('KPI-6: lower-is-better metrics rank the smallest first; agents below the minimum sample stay off the board', () => {
    const r = (id: string, seconds: number, replies: number): KpiRecord => rec(id, { firstReplies: replies, firstReplySeconds: seconds * replies });
    const board = leaderboard([r('slow', 40, 20), r('fast', 8, 20), r('lucky', 1, 3), r('mid', 20, 20)], 'firstResponseSeconds');
    expect(board.map((e) => [e.agentId, e.value])).toEqual([
      ['fast', 8],
      ['mid', 20],
      ['slow', 40],
    ]);
    expect(leaderboard([r('lucky', 1, 3), r('fast', 8, 20)], 'firstResponseSeconds', { minSample: 1 })[0]?.agentId).toBe('lucky');
  });

  it('tie-breakers order equal values; input order never does', () => {
    const cohort = [sales('b', '50', { inquiries: 100, inquiryPaidBuyers: 30 }), sales('a', '50', { inquiries: 100, inquiryPaidBuyers: 40 }), sales('c', '50', { inquiries: 100, inquiryPaidBuyers: 30 })];
    const board = leaderboard(cohort, 'salesAmount', { top: 2, tieBreakers: ['inquiryConversion'] });
    expect(board.map((e) => [e.agentId, e.rank, e.tieSize])).toEqual([
      ['a', 1, 1],
      ['b', 2, 2],
      ['c', 2, 2],
    ]);
    expect(leaderboard([...cohort].reverse(), 'salesAmount', { top: 2, tieBreakers: ['inquiryConversion'] })).toEqual(board);
  });

  it('names the field at fault', () => {
    expectInvalidAt(() => leaderboard([sales('a', '1')], 'threeMinuteResponseRate'), 'metricId');
    expectInvalidAt(() => leaderboard([sales('a', '1')], 'sales'), 'metricId');
    expectInvalidAt(() => leaderboard([sales('a', '1')], 'salesAmount', { top: 0 }), 'options.top');
    expectInvalidAt(() => leaderboard([sales('a', '1')], 'salesAmount', { top: 2.5 }), 'options.top');
    expectInvalidAt(() => leaderboard([sales('a', '1'), sales('a', '2')], 'salesAmount'), 'records.1.agentId');
    expectInvalidAt(() => leaderboard([sales('a', '1')], 'salesAmount', { tieBreakers: ['disputeRate'] }), 'options.tieBreakers.0');
  });
});

describe('groupLeaderboard (KPI-6)', () => {
  it('KPI-6: groups compete on the metric of their summed counters, not the mean of members’ rates', () => {
    const cohort = [
      rec('a1', { inquiries: 10, inquiryPaidBuyers: 9 }),
      rec('a2', { inquiries: 90, inquiryPaidBuyers: 9 }),
      rec('b1', { inquiries: 50, inquiryPaidBuyers: 15 }),
      rec('b2', { inquiries: 50, inquiryPaidBuyers: 15 }),
    ];
    // Team A's members average (90% + 10%) / 2 = 50%, but the team converts 18 of 100 = 18%; B converts 30%.
    const board = groupLeaderboard(cohort, { a1: 'A', a2: 'A', b1: 'B', b2: 'B' }, 'inquiryConversion', { minSample: 0 });
    expect(board.map((g) => [g.groupId, g.value, g.rank, g.agents])).toEqual([
      ['B', 0.3, 1, ['b1', 'b2']],
      ['A', 0.18, 2, ['a1', 'a2']],
    ]);
  });

  it('names an agent without a group', () => {
    expectInvalidAt(() => groupLeaderboard([rec('a1'), rec('zz')], { a1: 'A' }, 'salesAmount'), 'records.1.agentId');
  });
});

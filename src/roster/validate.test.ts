import { describe, expect, it } from 'vitest';
import type { RosterInput } from './input.ts';
import { validateRoster, type RosterAssignmentInput } from './validate.ts';

const input: RosterInput = {
  startDate: '2026-11-05',
  days: 10,
  demand: { presale: Array<number>(240).fill(1), aftersale: Array<number>(240).fill(0) },
  shifts: [
    { id: 'early', start: '06:00', hours: 8 },
    { id: 'late', start: '16:00', hours: 8 },
  ],
  agents: [
    { id: 'ana', skills: ['presale'], maxConsecutiveDays: 4, maxHoursPer7Days: 40 },
    { id: 'stu', skills: ['presale'], allowedShifts: ['late'], unavailable: [{ date: '2026-11-06' }] },
  ],
};
const shift = (agentId: string, date: string, shiftId: string, skill = 'presale'): RosterAssignmentInput => ({ agentId, date, shiftId, skill });
const codes = (list: RosterAssignmentInput[]) => validateRoster(input, list).map((v) => `${v.code} ${v.agentId ?? ''} ${v.date ?? ''}`.trim());

describe('validateRoster', () => {
  it('accepts a roster that keeps every rule', () => {
    expect(validateRoster(input, [shift('ana', '2026-11-05', 'early'), shift('ana', '2026-11-06', 'early'), shift('stu', '2026-11-05', 'late')])).toEqual([]);
  });

  it('finds rest, two shifts a day and the agent and date of each', () => {
    expect(codes([shift('ana', '2026-11-05', 'late'), shift('ana', '2026-11-06', 'early')])).toEqual(['REST_TOO_SHORT ana 2026-11-06']);
    expect(codes([shift('ana', '2026-11-05', 'early'), shift('ana', '2026-11-05', 'late')])).toContain('TWO_SHIFTS_ONE_DAY ana 2026-11-05');
  });

  it('finds days in 7 (RO-5), runs of days and hours in 7', () => {
    const days = ['05', '06', '07', '08', '09', '10'].map((d) => shift('ana', `2026-11-${d}`, 'early'));
    const found = codes(days);
    expect(found).toContain('TOO_MANY_CONSECUTIVE_DAYS ana 2026-11-09');
    expect(found.some((c) => c.startsWith('TOO_MANY_HOURS_IN_7 ana'))).toBe(true);
    expect(found.some((c) => c.startsWith('TOO_MANY_DAYS_IN_7 ana'))).toBe(true);
  });

  it('finds unavailability, shifts not allowed and skills not held (RO-6)', () => {
    expect(codes([shift('stu', '2026-11-06', 'late')])).toEqual(['UNAVAILABLE stu 2026-11-06']);
    expect(codes([shift('stu', '2026-11-07', 'early')])).toEqual(['SHIFT_NOT_ALLOWED stu 2026-11-07']);
    expect(codes([shift('stu', '2026-11-07', 'late', 'aftersale')])).toEqual(['SKILL_NOT_HELD stu 2026-11-07']);
  });

  it('names unknown agents, shifts, skills and dates', () => {
    expect(codes([shift('zoe', '2026-11-05', 'early')])).toEqual(['UNKNOWN_AGENT zoe 2026-11-05']);
    expect(codes([shift('ana', '2026-11-05', 'brunch')])).toEqual(['UNKNOWN_SHIFT ana 2026-11-05']);
    expect(codes([shift('ana', '2026-11-05', 'early', 'vip')])).toEqual(['UNKNOWN_SKILL ana 2026-11-05']);
    expect(codes([shift('ana', '2026-12-01', 'early')])).toEqual(['OUTSIDE_HORIZON ana 2026-12-01']);
  });
});

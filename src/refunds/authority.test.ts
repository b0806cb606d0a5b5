import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { compensationAuthority } from './authority.ts';

describe('compensationAuthority', () => {
  it('RF-4: the default ladder is agent 20, supervisor 50, manager 100', () => {
    expect(compensationAuthority(20, 'agent')).toEqual({
      allowed: true,
      reason: 'WITHIN_AUTHORITY',
      amount: '20.00',
      role: 'agent',
      limit: '20.00',
      escalateTo: null,
      rule: 'RF-4',
      message: 'agent may grant 20.00 (limit 20.00).',
    });
    expect(compensationAuthority('20.01', 'agent')).toMatchObject({ allowed: false, reason: 'ESCALATE', escalateTo: 'supervisor' });
    expect(compensationAuthority(51, 'agent').escalateTo).toBe('manager');
    expect(compensationAuthority(50, 'supervisor').allowed).toBe(true);
    expect(compensationAuthority(100, 'manager').allowed).toBe(true);
    expect(compensationAuthority(100.01, 'manager')).toMatchObject({ allowed: false, reason: 'BEYOND_LADDER', escalateTo: null });
    expect(compensationAuthority(0, 'agent').allowed).toBe(true);
  });

  it('RF-4: the ladder is configurable, a role without a limit may grant anything', () => {
    const policy = { ladder: [{ role: '客服', limit: 30 }, { role: '主管', limit: '80.00' }, { role: '店长', limit: null }] };
    expect(compensationAuthority(31, '客服', policy).escalateTo).toBe('主管');
    expect(compensationAuthority(81, '客服', policy).escalateTo).toBe('店长');
    expect(compensationAuthority(1_000_000, '店长', policy)).toMatchObject({ allowed: true, limit: null });
  });

  it('RF-4: some shops let every agent waive the whole order', () => {
    const waiver = { waiveWholeOrder: true };
    expect(compensationAuthority(199, 'agent', waiver, { orderAmount: '199.00' })).toMatchObject({ allowed: true, reason: 'WHOLE_ORDER_WAIVER' });
    expect(compensationAuthority(15, 'agent', waiver)).toMatchObject({ allowed: true, reason: 'WITHIN_AUTHORITY' });
    expect(compensationAuthority(250, 'agent', waiver, { orderAmount: 199 })).toMatchObject({ allowed: false, reason: 'BEYOND_LADDER' });
    expect(compensationAuthority(60, 'agent', waiver, { orderAmount: 40 })).toMatchObject({ allowed: false, escalateTo: 'manager' });
  });

  it('rejects bad amounts, unknown roles and ladders that do not increase, naming the field', () => {
    expectInvalidAt(() => compensationAuthority(-1, 'agent'), 'amount');
    expectInvalidAt(() => compensationAuthority(Number.NaN, 'agent'), 'amount');
    expectInvalidAt(() => compensationAuthority('20元', 'agent'), 'amount');
    expectInvalidAt(() => compensationAuthority(10, 'intern'), 'role');
    expectInvalidAt(() => compensationAuthority(10, 'a', { ladder: [{ role: 'a', limit: 50 }, { role: 'b', limit: 50 }] }), 'policy.ladder.1.limit');
    expectInvalidAt(() => compensationAuthority(10, 'a', { ladder: [{ role: 'a', limit: null }, { role: 'b', limit: 50 }] }), 'policy.ladder.1');
    expectInvalidAt(() => compensationAuthority(10, 'a', { ladder: [{ role: 'a', limit: 5 }, { role: 'a', limit: 50 }] }), 'policy.ladder.1.role');
    expectInvalidAt(() => compensationAuthority(10, 'a', { ladder: [] }), 'policy.ladder');
    expectInvalidAt(() => compensationAuthority(30, 'agent', { waiveWholeOrder: true }), 'context.orderAmount');
    expectInvalidAt(() => compensationAuthority(30, 'agent', { waiveWholeOrder: 'yes' } as never), 'policy.waiveWholeOrder');
    expectInvalidAt(() => compensationAuthority(30, 42 as never), 'role');
  });
});

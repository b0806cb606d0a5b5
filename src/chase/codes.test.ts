import { describe, expect, it } from 'vitest';
import { CHASE_REASON_CODES, CHASE_REASONS, ReasonSet } from './codes.ts';

describe('reason codes', () => {
  it('every code has a kind, a rule and a message; terminal codes come first', () => {
    const kinds = CHASE_REASON_CODES.map((code) => CHASE_REASONS[code].kind);
    expect(kinds.indexOf('transient')).toBeGreaterThan(0);
    expect(kinds.slice(kinds.indexOf('transient')).every((k) => k === 'transient')).toBe(true);
    for (const code of CHASE_REASON_CODES) {
      expect(CHASE_REASONS[code].code).toBe(code);
      expect(CHASE_REASONS[code].rule).toMatch(/^(CH-\d+|policy|law)$/);
      expect(CHASE_REASONS[code].message.length).toBeGreaterThan(10);
    }
    expect(CHASE_REASONS.OUTSIDE_WINDOW.rule).toBe('CH-6');
    expect(CHASE_REASONS.DEDUPED_SAME_BUYER.dependent).toBe(true);
    expect(CHASE_REASONS.TOO_EARLY.dependent).toBe(false);
  });

  it('a reason set keeps every code and lists them in precedence order, the same array for the same set', () => {
    for (const code of CHASE_REASON_CODES) {
      const set = new ReasonSet();
      set.add(code);
      expect(set.toArray()).toEqual([code]);
      expect(set.hasTerminal()).toBe(CHASE_REASONS[code].kind === 'terminal');
    }
    const all = new ReasonSet();
    for (const code of [...CHASE_REASON_CODES].reverse()) all.add(code);
    expect(all.toArray()).toEqual(CHASE_REASON_CODES);
    const again = new ReasonSet();
    for (const code of CHASE_REASON_CODES) again.add(code);
    expect(again.toArray()).toBe(all.toArray());
    expect(Object.isFrozen(all.toArray())).toBe(true);
  });
});

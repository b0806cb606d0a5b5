import { describe, expect, it } from 'vitest';
import { BUCKETS, deriveBucket, isReasonCode, ORDER_STATES, REASON_CODES, REFUND_REASONS, type Bucket, type ReasonCode } from './taxonomy.ts';

// The RF-1 bucket of each code as the reference table lists it (reference/refunds.md §5.1).
const REFERENCE_BUCKETS: Record<ReasonCode, Bucket> = {
  SUSPECTED_ABUSE: 'UNDETERMINED',
  ADVERSE_REACTION: 'REFUND_ONLY',
  EXPIRED_OR_SPOILED: 'AVOIDABLE',
  COUNTERFEIT: 'REFUND_ONLY',
  EMPTY_PACKAGE: 'AVOIDABLE',
  WRONG_ITEM: 'AVOIDABLE',
  MISSING_ITEM: 'AVOIDABLE',
  DAMAGED_IN_TRANSIT: 'AVOIDABLE',
  QUALITY_DEFECT: 'EXCHANGEABLE',
  NOT_AS_DESCRIBED: 'AVOIDABLE',
  PRESALE_MISINFORMATION: 'AVOIDABLE',
  LOST_PARCEL: 'EXCHANGEABLE',
  OUT_OF_STOCK: 'AVOIDABLE',
  LATE_SHIPMENT: 'AVOIDABLE',
  DELIVERY_DELAY: 'REFUND_ONLY',
  PRICE_PROTECTION: 'AVOIDABLE',
  SIZE_FIT: 'EXCHANGEABLE',
  COLOR_STYLE: 'EXCHANGEABLE',
  INCOMPATIBLE: 'EXCHANGEABLE',
  ADDRESS_ERROR: 'AVOIDABLE',
  ORDERED_BY_MISTAKE: 'AVOIDABLE',
  COUPON_NOT_APPLIED: 'AVOIDABLE',
  FOUND_CHEAPER: 'REFUND_ONLY',
  REFUSED_DELIVERY: 'REFUND_ONLY',
  SEVEN_DAY_NO_REASON: 'REFUND_ONLY',
  CHANGED_MIND: 'REFUND_ONLY',
  NEGOTIATED: 'UNDETERMINED',
  OTHER: 'UNDETERMINED',
};

describe('refund taxonomy', () => {
  it('RF-1: has the 28 codes, in the reference priority order, priorities 1..28', () => {
    expect(REASON_CODES).toHaveLength(28);
    expect(Object.keys(REFUND_REASONS)).toEqual([...REASON_CODES]);
    REASON_CODES.forEach((code, i) => {
      expect(REFUND_REASONS[code].code).toBe(code);
      expect(REFUND_REASONS[code].priority).toBe(i + 1);
    });
    expect(Object.keys(REFERENCE_BUCKETS)).toEqual([...REASON_CODES]);
  });

  it('RF-1: every bucket equals the documented derivation and the reference table', () => {
    for (const code of REASON_CODES) {
      const reason = REFUND_REASONS[code];
      expect(reason.bucket, code).toBe(deriveBucket(reason));
      expect(reason.bucket, code).toBe(REFERENCE_BUCKETS[code]);
    }
  });

  it('RF-1: the derivation puts avoidable before exchangeable and META codes apart', () => {
    expect(deriveBucket({ code: 'WRONG_ITEM', group: 'FULFILLMENT', avoidable: true, defaultRemedy: 'exchange' })).toBe('AVOIDABLE');
    expect(deriveBucket({ code: 'LOST_PARCEL', group: 'LOGISTICS', avoidable: false, defaultRemedy: 'reship' })).toBe('EXCHANGEABLE');
    expect(deriveBucket({ code: 'CHANGED_MIND', group: 'BUYER', avoidable: false, defaultRemedy: 'return_refund' })).toBe('REFUND_ONLY');
    expect(deriveBucket({ code: 'OTHER', group: 'META', avoidable: true, defaultRemedy: 'reship' })).toBe('UNDETERMINED');
    expect(deriveBucket({ code: 'SUSPECTED_ABUSE', group: 'RISK', avoidable: true, defaultRemedy: 'exchange' })).toBe('UNDETERMINED');
  });

  it('RF-2: every code has three labels, a preventive action, valid states and a known remedy', () => {
    for (const code of REASON_CODES) {
      const r = REFUND_REASONS[code];
      expect(r.label['zh-CN'].length, code).toBeGreaterThan(0);
      expect(r.label['zh-TW'].length, code).toBeGreaterThan(0);
      expect(r.label.en.length, code).toBeGreaterThan(0);
      expect(r.preventiveAction['zh-CN'].length, code).toBeGreaterThan(0);
      expect(r.preventiveAction.en.length, code).toBeGreaterThan(0);
      expect(r.validStates.length, code).toBeGreaterThan(0);
      for (const s of r.validStates) expect(ORDER_STATES).toContain(s);
      expect(r.alternativeRemedies, code).not.toContain(r.defaultRemedy);
    }
    expect(new Set(REASON_CODES.map((c) => REFUND_REASONS[c].label.en)).size).toBe(28);
    expect(BUCKETS).toEqual(['AVOIDABLE', 'EXCHANGEABLE', 'REFUND_ONLY', 'UNDETERMINED']);
  });

  it('RF-3: damage the buyer did not cause is reshipped, not returned, by default', () => {
    for (const code of ['DAMAGED_IN_TRANSIT', 'MISSING_ITEM', 'EMPTY_PACKAGE', 'LOST_PARCEL'] as const) {
      expect(REFUND_REASONS[code].defaultRemedy, code).toBe('reship');
    }
    expect(REFUND_REASONS.DAMAGED_IN_TRANSIT.responsibleParty).toBe('logistics');
    expect(REFUND_REASONS.DAMAGED_IN_TRANSIT.bearsCostTowardsBuyer).toBe('seller');
  });

  it('reference §5.7: order-state validity', () => {
    expect(REFUND_REASONS.OUT_OF_STOCK.validStates).toEqual(['unshipped']);
    expect(REFUND_REASONS.LATE_SHIPMENT.validStates).toEqual(['unshipped', 'shipped']);
    expect(REFUND_REASONS.DELIVERY_DELAY.validStates).toEqual(['shipped']);
    expect(REFUND_REASONS.QUALITY_DEFECT.validStates).toEqual(['received']);
    expect(REFUND_REASONS.CHANGED_MIND.validStates).toEqual(['unshipped', 'shipped', 'received']);
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(REFUND_REASONS)).toBe(true);
    expect(Object.isFrozen(REFUND_REASONS.WRONG_ITEM)).toBe(true);
    expect(Object.isFrozen(REFUND_REASONS.WRONG_ITEM.label)).toBe(true);
    expect(Object.isFrozen(REFUND_REASONS.WRONG_ITEM.validStates)).toBe(true);
    expect(Object.isFrozen(REASON_CODES)).toBe(true);
    expect(() => {
      (REFUND_REASONS.WRONG_ITEM as { avoidable: boolean }).avoidable = false;
    }).toThrow(TypeError);
  });

  it('isReasonCode accepts exactly the 28 codes', () => {
    expect(isReasonCode('WRONG_ITEM')).toBe(true);
    expect(isReasonCode('wrong_item')).toBe(false);
    expect(isReasonCode('toString')).toBe(false);
    expect(isReasonCode(7)).toBe(false);
  });
});

describe('docs/refunds.md', () => {
  it('RF-1: the taxonomy table in the guide matches the data', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/refunds.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((line) => /^\| \d+ \| `[A-Z_]+` \|/.test(line));
    expect(rows).toHaveLength(28);
    for (const row of rows) {
      const [pri, code, zhCN, zhTW, en, group, party, remedy, payer, team, avoidable, bucket] = row.split('|').slice(1, -1).map((cell) => cell.trim());
      const r = REFUND_REASONS[(code ?? '').replace(/`/g, '') as ReasonCode];
      expect([pri, zhCN, zhTW, en, group, party, remedy, payer, team, avoidable, bucket]).toEqual([
        String(r.priority), r.label['zh-CN'], r.label['zh-TW'], r.label.en, r.group, r.responsibleParty, r.defaultRemedy, r.returnShippingPayer, r.ownerTeam, r.avoidable ? 'yes' : 'no', r.bucket,
      ]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { adviseRemedy } from './remedy.ts';

describe('adviseRemedy', () => {
  it('RF-3: transit damage is reshipped on photo evidence, nothing comes back', () => {
    expect(adviseRemedy('DAMAGED_IN_TRANSIT')).toMatchObject({ remedy: 'reship', takeBack: false, returnShippingPayer: 'none', rules: ['RF-3'], evidence: ['photo', 'unboxing_video'] });
  });

  it('RF-3: missing, empty, lost and spoiled goods: nothing usable to take back', () => {
    expect(adviseRemedy('MISSING_ITEM')).toMatchObject({ remedy: 'reship', takeBack: false });
    expect(adviseRemedy('EMPTY_PACKAGE')).toMatchObject({ remedy: 'reship', takeBack: false });
    expect(adviseRemedy('LOST_PARCEL')).toMatchObject({ remedy: 'reship', takeBack: false });
    expect(adviseRemedy('EXPIRED_OR_SPOILED')).toMatchObject({ remedy: 'refund_only', takeBack: false });
  });

  it('RF-3: a defect or a wrong item worth less than taking it back is written off or reshipped', () => {
    expect(adviseRemedy('QUALITY_DEFECT', { itemValue: 15, returnShippingCost: 12, handlingCost: 5 })).toMatchObject({ remedy: 'write_off', takeBack: false, rules: ['RF-3'] });
    expect(adviseRemedy('WRONG_ITEM', { itemValue: '9.90', returnShippingCost: 10 })).toMatchObject({ remedy: 'reship', takeBack: false });
    expect(adviseRemedy('QUALITY_DEFECT', { itemValue: 300, returnShippingCost: 12, handlingCost: 5 })).toMatchObject({ remedy: 'exchange', takeBack: true, returnShippingPayer: 'seller', rules: [] });
  });

  it('RF-3: the buyer-side reasons keep their default remedy', () => {
    expect(adviseRemedy('SIZE_FIT', { itemValue: 1, returnShippingCost: 10 })).toMatchObject({ remedy: 'exchange', takeBack: true, returnShippingPayer: 'buyer' });
  });

  it('RF-5: refund early for a trusted buyer once the return is on its way', () => {
    expect(adviseRemedy('CHANGED_MIND', { trustedBuyer: true, returnTracking: 'in_transit' }).earlyRefund).toEqual({ advised: true, reason: 'trusted buyer and the return is on its way' });
    expect(adviseRemedy('CHANGED_MIND', { trustedBuyer: true, returnTracking: 'none' }).earlyRefund.advised).toBe(false);
    expect(adviseRemedy('CHANGED_MIND', { returnTracking: 'in_transit' }).earlyRefund).toEqual({ advised: false, reason: 'early refunds are for trusted buyers' });
    expect(adviseRemedy('CHANGED_MIND', { trustedBuyer: true, returnTracking: 'in_transit', riskFlags: ['used_item'] }).earlyRefund).toEqual({ advised: false, reason: 'risk raised (used_item): inspect the return first' });
    expect(adviseRemedy('SUSPECTED_ABUSE', { trustedBuyer: true, returnTracking: 'in_transit' }).earlyRefund.advised).toBe(false);
    expect(adviseRemedy('DAMAGED_IN_TRANSIT', { trustedBuyer: true, returnTracking: 'in_transit' }).earlyRefund).toEqual({ advised: false, reason: 'no return to wait for' });
  });

  it('rejects unknown codes and bad context, naming the field', () => {
    expectInvalidAt(() => adviseRemedy('BROKEN' as never), 'code');
    expectInvalidAt(() => adviseRemedy('QUALITY_DEFECT', { returnShippingCost: 'x' }), 'context.returnShippingCost');
    expectInvalidAt(() => adviseRemedy('QUALITY_DEFECT', { itemValue: -1 }), 'context.itemValue');
    expectInvalidAt(() => adviseRemedy('QUALITY_DEFECT', { returnTracking: 'lost' } as never), 'context.returnTracking');
    expectInvalidAt(() => adviseRemedy('QUALITY_DEFECT', { riskFlags: ['angry'] } as never), 'context.riskFlags.0');
    expectInvalidAt(() => adviseRemedy('QUALITY_DEFECT', { itemValu: 3 } as never), 'context.itemValu');
  });
});

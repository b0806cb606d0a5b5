import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { CHASE_REASONS, defaultChasePolicy, NON_PAYMENT_REASONS, nonPaymentPlaybook } from './index.ts';

describe('defaultChasePolicy', () => {
  it('holds the seeds’ practice: CH-6 phone hours, CH-7 ladder with phone early for first-time buyers, CH-4/CH-5 dedupe and cap', () => {
    const p = defaultChasePolicy();
    expect(p.timeZone).toBe('Asia/Shanghai');
    expect(p.channels.phone.windows.map((w) => `${w.from}-${w.to}`)).toEqual(['11:00-12:00', '16:00-17:00', '19:00-21:00']);
    expect(p.channels.sms.windows).toEqual([{ from: '09:00', to: '22:00' }]);
    expect(p.ladder.map((v) => [v.name, v.steps.map((s) => s.channel).join('>')])).toEqual([
      ['flash', 'im>sms'],
      ['firstTimeBuyer', 'im>phone>sms'],
      ['standard', 'im>sms>phone'],
    ]);
    expect(p.dedupe).toEqual({ key: 'buyer', window: { kind: 'calendarDay' }, scope: 'perChannel' });
    expect(p.buyerDailyCap).toBe(2);
    expect(p.paidOtherOrderLookback).toEqual({ kind: 'calendarDays', days: 1 });
    expect(p.requireKnownDeadline).toBe(true);
    expect(p.sameDayShippingCutoff).toBe('16:00');
    expect(Object.isFrozen(p.channels.phone.windows)).toBe(true);
  });

  it('merges objects field by field and replaces arrays', () => {
    const p = defaultChasePolicy({ channels: { sms: { windows: [{ from: '10:00', to: '20:00' }] } }, dedupe: { scope: 'allChannels' } });
    expect(p.channels.sms.windows).toEqual([{ from: '10:00', to: '20:00' }]);
    expect(p.channels.sms.closeBufferMinutes).toBe(5);
    expect(p.channels.phone.windows).toHaveLength(3);
    expect(p.dedupe).toEqual({ key: 'buyer', window: { kind: 'calendarDay' }, scope: 'allChannels' });
    expect(defaultChasePolicy(p)).toBe(p); // a built policy is recognised, not rebuilt
  });

  it('names the field of bad policies', () => {
    expectInvalidAt(() => defaultChasePolicy({ timeZone: '+08:00' }), 'timeZone');
    expectInvalidAt(() => defaultChasePolicy({ channels: { phone: { windows: [{ from: '19:00', to: '25:00' }] } } }), 'channels.phone.windows.0.to');
    expectInvalidAt(() => defaultChasePolicy({ channels: { phone: { windows: [{ from: '19:00', to: '19:00' }] } } }), 'channels.phone.windows.0.to');
    expectInvalidAt(() => defaultChasePolicy({ channels: { sms: { weekdays: [1, 1] } } }), 'channels.sms.weekdays');
    expectInvalidAt(() => defaultChasePolicy({ channels: { sms: { closeBufferMinutes: -1 } } }), 'channels.sms.closeBufferMinutes');
    expectInvalidAt(() => defaultChasePolicy({ buyerDailyCap: 0 }), 'buyerDailyCap');
    expectInvalidAt(() => defaultChasePolicy({ ladder: [{ name: 'x', steps: [{ channel: 'im', delayMinutes: 1 }, { channel: 'im', delayMinutes: 2 }] }] }), 'ladder.0.steps.1.channel');
    expectInvalidAt(() => defaultChasePolicy({ ladder: [{ name: 'x', steps: [{ channel: 'sms', delayMinutes: Number.NaN }] }] }), 'ladder.0.steps.0.delayMinutes');
    expectInvalidAt(() => defaultChasePolicy({ scope: { minAmount: '10', maxAmount: '5' } }), 'scope.maxAmount');
    expectInvalidAt(() => defaultChasePolicy({ scope: { minAmount: '-1' } }), 'scope.minAmount');
    expectInvalidAt(() => defaultChasePolicy({ overlays: ['US-TX' as 'US-FL'] }), 'overlays.0');
    expectInvalidAt(() => defaultChasePolicy({ templates: [{ id: 'a', channel: 'im', text: 'x' }] }), 'templates');
    expectInvalidAt(() => defaultChasePolicy({ chatSilence: 5 } as never), 'chatSilence');
  });
});

describe('nonPaymentPlaybook (CH-11, CH-9)', () => {
  it('gives each of the six reasons its play, and a template the default policy has', () => {
    const templates = new Set(defaultChasePolicy().templates.map((t) => t.id));
    expect(NON_PAYMENT_REASONS.map((r) => [r, nonPaymentPlaybook(r).play, nonPaymentPlaybook(r).channel])).toEqual([
      ['unfamiliar_checkout', 'guide', 'im'],
      ['payment_trouble', 'guideUrgently', 'im'],
      ['low_intent', 'keepAsProspect', 'im'],
      ['shop_weakness', 'improveShop', null],
      ['bad_service', 'apologise', 'phone'],
      ['price', 'smallDiscount', 'im'],
    ]);
    for (const reason of [...NON_PAYMENT_REASONS, 'cannot_talk' as const]) {
      const play = nonPaymentPlaybook(reason);
      if (play.templateId !== null) expect(templates.has(play.templateId), play.templateId).toBe(true);
    }
    expect(nonPaymentPlaybook('bad_service').differentAgent).toBe(true);
    expect(nonPaymentPlaybook('low_intent').keepChasing).toBe(false);
  });

  it('CH-9: a buyer who cannot talk gets an apology and an SMS follow-up', () => {
    expect(nonPaymentPlaybook('cannot_talk')).toMatchObject({ rule: 'CH-9', channel: 'sms', templateId: 'sms-after-call', label: '不方便接听' });
    expect(CHASE_REASONS.BUYER_REFUSED.rule).toBe('CH-5');
  });

  it('names the argument when the reason is unknown', () => {
    expectInvalidAt(() => nonPaymentPlaybook('lazy' as 'price'), 'reason');
  });
});

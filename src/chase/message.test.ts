import { describe, expect, it } from 'vitest';
import { expectInvalidAt } from '../../test/kefu-error.ts';
import { defaultChasePolicy, renderChaseMessage, smsSegments } from './index.ts';

const order = { orderId: 'T1001', buyerId: 'lin', createdAt: '2026-11-11T10:00:00+08:00', autoCloseAt: '2026-11-12T10:00:00+08:00', amount: 299, itemIds: ['lipstick'] };

describe('chase messages (CH-3, CH-12, CH-13)', () => {
  it('CH-12: before 16:00 the IM says the order ships today if paid by then; after 16:00 that sentence disappears', () => {
    const morning = renderChaseMessage({ now: '2026-11-11T10:30:00+08:00', order, channel: 'im' });
    expect(morning).toEqual({
      templateId: 'im-default',
      channel: 'im',
      text: '亲，您拍下的宝贝还没有付款哦，订单1410分钟后会自动关闭。16:00前付款今天就能发货，有问题随时找我~',
      sms: null,
    });
    const evening = renderChaseMessage({ now: '2026-11-11T16:00:00+08:00', order, channel: 'im' });
    expect(evening.text).toBe('亲，您拍下的宝贝还没有付款哦，订单1080分钟后会自动关闭。有问题随时找我~');
  });

  it('CH-13: a flash order gets the short flash message; SMS is billed by segments', () => {
    const flash = { ...order, kind: 'flash' as const, autoCloseAt: '2026-11-11T10:30:00+08:00' };
    expect(renderChaseMessage({ now: '2026-11-11T10:20:00+08:00', order: flash, channel: 'im' }).text).toBe('亲，活动价宝贝正为您保留，还剩10分钟，付款后马上安排发货哦~');
    const sms = renderChaseMessage({ now: '2026-11-11T10:20:00+08:00', order, channel: 'sms', variables: { shopName: '小店' } });
    expect(sms.text).toBe('【小店】亲，您的订单T1001还未付款，将于11-12 10:00自动关闭，如需帮助请在旺旺联系客服。');
    expect(sms.sms).toEqual({ encoding: 'ucs2', units: 51, segments: 1 });
  });

  it('CH-3: a per-item template wins over the default; a named template is used as is; marketing SMS end with the opt-out text', () => {
    const policy = defaultChasePolicy({
      channels: { sms: { messageClass: 'marketing' } },
      templates: [...defaultChasePolicy().templates, { id: 'im-lipstick', channel: 'im', text: '亲，{itemTitle}还在为您保留哦~', match: { itemIds: ['lipstick'] } }],
    });
    expect(renderChaseMessage({ now: '2026-11-11T10:30:00+08:00', order, channel: 'im', variables: { itemTitle: '丝绒口红' } }, policy).text).toBe('亲，丝绒口红还在为您保留哦~');
    expect(renderChaseMessage({ now: '2026-11-11T10:30:00+08:00', order, channel: 'im', templateId: 'im-price' }, policy).templateId).toBe('im-price');
    expect(renderChaseMessage({ now: '2026-11-11T10:30:00+08:00', order, channel: 'sms', variables: { shopName: '小店' } }, policy).text.endsWith('回T退订')).toBe(true);
  });

  it('a variable the template needs but nobody supplied is an error naming it; unknown variables are refused when the policy is built', () => {
    expectInvalidAt(() => renderChaseMessage({ now: '2026-11-11T10:30:00+08:00', order, channel: 'sms' }), 'variables.shopName');
    expectInvalidAt(() => renderChaseMessage({ now: '2026-11-11T10:30:00+08:00', order, channel: 'im', templateId: 'phone-script' }), 'templateId');
    expectInvalidAt(() => renderChaseMessage({ now: '2026-11-11T10:30:00+08:00', order: { ...order, amount: -1 }, channel: 'im' }), 'order.amount');
    expectInvalidAt(() => defaultChasePolicy({ templates: [{ id: 'x', channel: 'im', text: '亲 {nick}' }] }), 'templates.0.text');
    expectInvalidAt(() => defaultChasePolicy({ templates: [{ id: 'x', channel: 'im', text: '{#minutesLeft}open' }] }), 'templates.0.text');
    expectInvalidAt(() => defaultChasePolicy({ templates: [{ id: 'x', channel: 'im', text: 'a } b' }] }), 'templates.0.text');
  });

  it('counts SMS segments the way carriers bill them', () => {
    expect(smsSegments('')).toEqual({ encoding: 'gsm7', units: 0, segments: 0 });
    expect(smsSegments('a'.repeat(160)).segments).toBe(1);
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('{'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('亲'.repeat(70)).segments).toBe(1);
    expect(smsSegments('亲'.repeat(71)).segments).toBe(2);
    expect(smsSegments('亲'.repeat(134)).segments).toBe(2);
    expect(smsSegments('🧧').units).toBe(2);
  });
});

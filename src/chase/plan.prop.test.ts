// The invariants of reference/chase.md section 6, as properties over random policies, buyers,
// orders and logs in six zones (DST of one hour, half an hour, and a 45-minute offset).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { localDate, toEpochMs } from '../core/time.ts';
import { CHANNELS, closeOf, DAY, epoch, MINUTE, openAt, paidOrSuppressed, scenarioArb, type Scenario } from '../../test/fixtures/chase-scenarios.ts';
import { CHASE_REASON_CODES, CHASE_REASONS, defaultChasePolicy, planChases, type ChaseChannelDecision, type ChaseLogEntry, type ChaseOrder, type ChaseOrderDecision, type ChasePlan, type ChasePolicyInput } from './index.ts';

const run = (s: Scenario, now: number = s.input.now, extra: Partial<Scenario['input']> = {}): ChasePlan => planChases({ ...s.input, ...extra, now }, s.policy);
const buyerOf = (s: Scenario, o: ChaseOrder) => s.input.buyers.find((b) => b.buyerId === o.buyerId);
const isDependent = (c: ChaseChannelDecision) => c.reasons.some((code) => CHASE_REASONS[code].dependent);
// With the input unchanged, only a pending ladder step's time is a projection (the step before is never sent).
const isProjected = (c: ChaseChannelDecision) => c.reasons.includes('LADDER_PREVIOUS_STEP_PENDING');
const byOrder = (p: ChasePlan) => new Map(p.decisions.map((d) => [d.orderId, d]));
const stripDecision = (d: ChaseOrderDecision) => JSON.parse(JSON.stringify(d)) as unknown;

describe('chase invariants', () => {
  test.prop([scenarioArb], { numRuns: 150 })('1: a paid or closed order, or a buyer who paid another order in the look-back, is never chased', (s) => {
    const plan = run(s);
    s.input.orders.forEach((o, i) => {
      if (!paidOrSuppressed(o, s.input.orders, s.policy)) return;
      const d = plan.decisions[i] as ChaseOrderDecision;
      expect(d.channels.every((c) => c.outcome === 'never'), o.orderId).toBe(true);
    });
  });

  test.prop([scenarioArb], { numRuns: 150 })('3 and 4: every send is inside the channel’s windows and overlays, and before the close time minus the buffer', (s) => {
    const plan = run(s);
    s.input.orders.forEach((o, i) => {
      for (const c of (plan.decisions[i] as ChaseOrderDecision).channels) {
        if (c.outcome !== 'send') continue;
        expect(openAt(s.input.now, c.channel, s.policy, buyerOf(s, o)), `${o.orderId} ${c.channel}`).toBe(true);
        const close = closeOf(o, s.policy);
        if (close === undefined) expect(s.policy.requireKnownDeadline).toBe(false);
        else expect(s.input.now).toBeLessThan(close - s.policy.channels[c.channel].closeBufferMinutes * MINUTE);
        if (o.balanceWindow !== undefined) expect(s.input.now).toBeGreaterThanOrEqual(epoch(o.balanceWindow.start) as number);
      }
    });
  });

  test.prop([scenarioArb], { numRuns: 150 })('6: re-planning at nextAllowedAt gives send; no sampled earlier instant does; null exactly for never', (s) => {
    const plan = run(s);
    const now = s.input.now;
    plan.decisions.forEach((d, i) => {
      d.channels.forEach((c, k) => {
        expect(c.nextAllowedAt === null).toBe(c.outcome === 'never');
        if (c.outcome === 'never') return;
        const next = toEpochMs(c.nextAllowedAt as string);
        expect(next).toBeGreaterThanOrEqual(now);
        if (c.outcome === 'send') expect(next).toBe(now);
        if (c.outcome !== 'wait') return;
        const ahead = [now, next - 1, now + Math.floor((next - now) / 2), now + Math.floor((next - now) / 3)];
        for (const t of ahead) {
          if (t < now || t >= next) continue;
          expect(((run(s, t).decisions[i] as ChaseOrderDecision).channels[k] as ChaseChannelDecision).outcome, `${d.orderId} ${c.channel} at ${t}`).not.toBe('send');
        }
        if (!isProjected(c)) {
          expect(((run(s, next).decisions[i] as ChaseOrderDecision).channels[k] as ChaseChannelDecision).outcome, `${d.orderId} ${c.channel} at ${c.nextAllowedAt}`).toBe('send');
        }
      });
    });
  });

  test.prop([scenarioArb, fc.integer()], { numRuns: 100 })('7: deterministic, the same per order whatever the order of the inputs, inputs untouched', (s, seed) => {
    const first = run(s);
    expect(run(s)).toEqual(first);
    const shuffle = <T,>(list: readonly T[]): T[] => {
      const out = [...list];
      let x = seed >>> 0 || 1;
      for (let k = out.length - 1; k > 0; k--) {
        x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
        const j = x % (k + 1);
        [out[k], out[j]] = [out[j] as T, out[k] as T];
      }
      return out;
    };
    const frozen = structuredClone(s.input);
    const deepFreeze = (value: unknown): void => {
      if (value !== null && typeof value === 'object') {
        Object.freeze(value);
        for (const v of Object.values(value)) deepFreeze(v);
      }
    };
    deepFreeze(frozen);
    const shuffled = planChases({ ...frozen, orders: shuffle(frozen.orders), buyers: shuffle(frozen.buyers), log: shuffle(frozen.log) }, s.policy);
    const a = byOrder(first);
    for (const d of shuffled.decisions) expect(stripDecision(d)).toEqual(stripDecision(a.get(d.orderId) as ChaseOrderDecision));
    expect(shuffled.groups).toEqual(first.groups);
    expect(frozen).toEqual(s.input);
  });

  test.prop([scenarioArb, scenarioArb], { numRuns: 60 })('7: a plan carries nothing over to the next (working arrays are reused between plans)', (s, other) => {
    const first = run(s);
    run(other);
    expect(run(s)).toEqual(first);
  });

  test.prop([scenarioArb], { numRuns: 40 })('7: no dependence on the host time zone', (s) => {
    const saved = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const utc = run(s);
      process.env['TZ'] = 'America/Los_Angeles';
      expect(run(s)).toEqual(utc);
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  const blockers = fc.constantFrom('blacklist', 'paid', 'optOutAll', 'logOther', 'excludeWindow', 'delay', 'cap', 'dedupe', 'minGap', 'overlay', 'blockedDate', 'refusal');
  test.prop([scenarioArb, blockers, fc.nat(), fc.integer({ min: 0, max: 47 })], { numRuns: 250 })(
    '8: adding a blocker or tightening the policy never turns a no into a yes, nor moves nextAllowedAt earlier',
    (s, blocker, pick, slot) => {
      // The documented exceptions: maxLatenessMinutes counts from the first window opening after the
      // due time (a narrower window or a later due time can open later), and outsideWindow 'drop'
      // keeps the window occurrence of the due time (a later due time can fall into a window).
      const narrowing = blocker === 'excludeWindow' || blocker === 'overlay' || blocker === 'blockedDate';
      const channels = Object.values(s.policy.channels);
      fc.pre(!narrowing || channels.every((c) => c.maxLatenessMinutes === null));
      fc.pre(blocker !== 'delay' || channels.every((c) => c.maxLatenessMinutes === null && c.outsideWindow === 'defer'));
      const before = run(s);
      const o = s.input.orders[pick % s.input.orders.length] as ChaseOrder;
      const buyer = o.buyerId;
      const input = structuredClone(s.input);
      let policy: ChasePolicyInput = s.policy;
      const now = s.input.now;
      const channel = CHANNELS[pick % 3] as 'im' | 'sms' | 'phone';
      switch (blocker) {
        case 'blacklist':
          input.buyers = [...input.buyers.filter((b) => b.buyerId !== buyer), { ...(input.buyers.find((b) => b.buyerId === buyer) ?? { buyerId: buyer }), blacklisted: true }];
          break;
        case 'paid':
          input.orders.push({ orderId: 'PAID', buyerId: buyer, createdAt: now - MINUTE, paidAt: now });
          break;
        case 'optOutAll':
          input.buyers = [...input.buyers.filter((b) => b.buyerId !== buyer), { ...(input.buyers.find((b) => b.buyerId === buyer) ?? { buyerId: buyer }), optedOutAt: { im: now, sms: now, phone: now } }];
          break;
        case 'logOther':
          input.log.push({ orderId: 'ELSEWHERE', buyerId: buyer, channel, at: now - (pick % 600) * MINUTE, state: 'sent' });
          break;
        case 'refusal':
          input.log.push({ orderId: 'ELSEWHERE', buyerId: buyer, channel, at: now, state: 'answered', outcome: 'refused' });
          break;
        case 'excludeWindow': {
          const from = `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 === 0 ? '00' : '30'}`;
          const to = `${String(Math.floor(((slot + 5) % 48) / 2)).padStart(2, '0')}:${(slot + 5) % 2 === 0 ? '00' : '30'}`;
          policy = defaultChasePolicy({ ...s.policy, channels: { ...s.policy.channels, [channel]: { ...s.policy.channels[channel], excludeWindows: [...s.policy.channels[channel].excludeWindows, { from, to }] } } });
          break;
        }
        case 'delay':
          policy = defaultChasePolicy({ ...s.policy, ladder: s.policy.ladder.map((v) => ({ ...v, steps: v.steps.map((st) => (st.channel === channel ? { ...st, delayMinutes: st.delayMinutes + 1 + (pick % 300) } : st)) })) });
          break;
        case 'cap':
          policy = defaultChasePolicy({ ...s.policy, buyerDailyCap: s.policy.buyerDailyCap === null ? 2 : Math.max(1, s.policy.buyerDailyCap - 1) });
          break;
        case 'dedupe':
          policy = defaultChasePolicy({ ...s.policy, dedupe: { ...s.policy.dedupe, scope: 'allChannels', window: s.policy.dedupe.window.kind === 'rolling' ? { kind: 'rolling', minutes: s.policy.dedupe.window.minutes + 60 } : s.policy.dedupe.window } });
          break;
        case 'minGap':
          policy = defaultChasePolicy({ ...s.policy, channels: { ...s.policy.channels, [channel]: { ...s.policy.channels[channel], minGapMinutes: s.policy.channels[channel].minGapMinutes + 120 } } });
          break;
        case 'overlay':
          policy = defaultChasePolicy({ ...s.policy, overlays: [...new Set([...s.policy.overlays.filter((x) => typeof x === 'string'), 'US-TCPA' as const])] });
          break;
        case 'blockedDate':
          policy = defaultChasePolicy({ ...s.policy, channels: { ...s.policy.channels, [channel]: { ...s.policy.channels[channel], blockedDates: [localDate(now + (pick % 3) * DAY, s.policy.timeZone)] } } });
          break;
      }
      const after = byOrder(planChases(input, policy));
      // A rule tightened on one channel can end that channel's retries, and a later ladder step
      // then stops waiting for them (docs/chase.md, property 8): only that channel is compared.
      const oneChannel = blocker === 'excludeWindow' || blocker === 'blockedDate' || blocker === 'minGap' || blocker === 'delay';
      for (const d of before.decisions) {
        const e = after.get(d.orderId) as ChaseOrderDecision;
        d.channels.forEach((c, k) => {
          if (oneChannel && c.channel !== channel) return;
          const c2 = e.channels[k] as ChaseChannelDecision;
          const label = `${blocker}: ${d.orderId} ${c.channel} ${c.outcome}/${c.reasons.join(',')} -> ${c2.outcome}/${c2.reasons.join(',')}`;
          if (c.outcome !== 'send') expect(c2.outcome, label).not.toBe('send');
          if (c.outcome === 'never') expect(c2.outcome, label).toBe('never');
          if (c.nextAllowedAt !== null && c2.nextAllowedAt !== null) expect(toEpochMs(c2.nextAllowedAt), label).toBeGreaterThanOrEqual(toEpochMs(c.nextAllowedAt));
        });
      }
    },
  );

  test.prop([scenarioArb], { numRuns: 150 })('9: each buyer’s chaseable orders form one group with one representative, chosen by close time, creation, id; only it may send', (s) => {
    const plan = run(s);
    const seen = new Set<string>();
    for (const g of plan.groups) {
      expect(seen.has(g.groupId)).toBe(false);
      seen.add(g.groupId);
      expect(g.memberOrderIds[0]).toBe(g.representativeOrderId);
      const members = g.memberOrderIds.map((id) => s.input.orders.find((o) => o.orderId === id) as ChaseOrder);
      for (const m of members) {
        expect(m.buyerId).toBe(g.groupId);
        expect(m.paidAt === undefined && m.closedAt === undefined).toBe(true);
      }
      const key = (o: ChaseOrder) => [closeOf(o, s.policy) ?? Number.POSITIVE_INFINITY, epoch(o.createdAt) as number, o.orderId] as const;
      for (let k = 1; k < members.length; k++) {
        const [a, b] = [key(members[k - 1] as ChaseOrder), key(members[k] as ChaseOrder)];
        expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))).toBe(true);
      }
    }
    expect(plan.groups.map((g) => g.groupId)).toEqual([...seen].sort());
    plan.decisions.forEach((d) => {
      const group = plan.groups.find((g) => g.groupId === d.groupId);
      expect(d.representativeOrderId).toBe(group?.representativeOrderId ?? null);
      if (d.eligible) expect(d.representativeOrderId).toBe(d.orderId);
    });
  });

  test.prop([scenarioArb], { numRuns: 200 })('11: reason codes are unique and in precedence order; empty exactly for send; never exactly with a terminal code', (s) => {
    const plan = run(s);
    for (const d of plan.decisions) {
      for (const c of d.channels) {
        const idx = c.reasons.map((r) => CHASE_REASON_CODES.indexOf(r));
        expect(idx.every((v, k) => v >= 0 && (k === 0 || v > (idx[k - 1] as number)))).toBe(true);
        expect(c.reasons.length === 0).toBe(c.outcome === 'send');
        expect(c.reasons.some((r) => CHASE_REASONS[r].kind === 'terminal')).toBe(c.outcome === 'never');
      }
      expect(d.eligible).toBe(d.channels.some((c) => c.outcome === 'send'));
      expect(d.outcome).toBe(d.eligible ? 'send' : d.channels.some((c) => c.outcome === 'wait') ? 'wait' : 'never');
      if (d.eligible) expect(d.primaryReason).toBeUndefined();
      else {
        expect(d.primaryReason).toBeDefined();
        const waiting = d.channels.filter((c) => c.outcome === 'wait').sort((a, b) => toEpochMs(a.nextAllowedAt as string) - toEpochMs(b.nextAllowedAt as string));
        if (d.primaryReason !== 'DEDUPED_SAME_BUYER' && waiting.length > 0) expect(d.primaryReason).toBe(waiting[0]?.reasons[0]);
        if (d.primaryReason === 'DEDUPED_SAME_BUYER') expect(d.representativeOrderId).not.toBe(d.orderId);
      }
    }
  });

  test.prop([scenarioArb.filter((s) => s.policy.timeZone === 'Asia/Shanghai' || s.policy.timeZone === 'UTC'), fc.integer({ min: -20, max: 20 })], { numRuns: 100 })(
    '12a: in a zone without DST, shifting every instant by whole weeks shifts every output instant by the same',
    (s, weeks) => {
      fc.pre(s.input.buyers.every((b) => b.recipientTimeZone === undefined || b.recipientTimeZone === 'Asia/Shanghai' || b.recipientTimeZone === 'UTC'));
      const shift = weeks * 7 * DAY;
      const move = (v: string | number | undefined) => (v === undefined ? undefined : (epoch(v) as number) + shift);
      const moved = structuredClone(s.input);
      moved.now = s.input.now + shift;
      for (const o of moved.orders) {
        for (const key of ['createdAt', 'paidAt', 'closedAt', 'payingSince', 'autoCloseAt'] as const) if (o[key] !== undefined) o[key] = move(o[key]) as number;
        if (o.balanceWindow !== undefined) o.balanceWindow = { start: move(o.balanceWindow.start) as number, end: move(o.balanceWindow.end) as number };
        if (o.contact?.phoneExpiresAt !== undefined) o.contact = { ...o.contact, phoneExpiresAt: move(o.contact.phoneExpiresAt) as number };
      }
      for (const b of moved.buyers) {
        if (b.lastInboundChatAt !== undefined) b.lastInboundChatAt = move(b.lastInboundChatAt) as number;
        if (b.optedOutAt !== undefined) b.optedOutAt = Object.fromEntries(Object.entries(b.optedOutAt).map(([k, v]) => [k, move(v) as number]));
      }
      for (const e of moved.log) e.at = move(e.at) as number;
      const a = run(s);
      const b = planChases(moved, s.policy);
      const at = (v: string | null) => (v === null ? null : toEpochMs(v));
      a.decisions.forEach((d, i) => {
        const e = b.decisions[i] as ChaseOrderDecision;
        expect(e.channels.map((c) => [c.outcome, c.reasons])).toEqual(d.channels.map((c) => [c.outcome, c.reasons]));
        e.channels.forEach((c, k) => {
          const x = at((d.channels[k] as ChaseChannelDecision).nextAllowedAt);
          expect(at(c.nextAllowedAt)).toBe(x === null ? null : x + shift);
        });
      });
    },
  );

  test.prop([scenarioArb], { numRuns: 100 })('14: a deadline estimated from a preset carries its source and confidence', (s) => {
    const plan = run(s);
    for (const d of plan.decisions) {
      expect(d.deadlineEstimate !== undefined).toBe(d.deadlineSource === 'preset');
      if (d.deadlineEstimate !== undefined) expect(d.deadlineEstimate.source.length).toBeGreaterThan(0);
    }
  });
});

/**
 * The simulator (invariants 1, 2, 4, 5 and 10, and 6 over time): advances time in random steps,
 * sends every `send`, logs it, and pays or closes orders at random; then checks every send.
 */
describe('chase simulator', () => {
  interface Send {
    readonly at: number;
    readonly order: ChaseOrder;
    readonly channel: 'im' | 'sms' | 'phone';
    readonly ladderStep: number | null;
  }
  const stepArb = fc.array(fc.record({ minutes: fc.constantFrom(1, 5, 20, 60, 180, 600), jump: fc.boolean(), pay: fc.nat(), event: fc.constantFrom('none', 'none', 'none', 'pay', 'close', 'refuse', 'promise') }), {
    minLength: 10,
    maxLength: 30,
  });

  test.prop([scenarioArb, stepArb], { numRuns: 60 })('no simulated send ever breaks a rule', (s, steps) => {
    const orders = structuredClone(s.input.orders);
    const log: ChaseLogEntry[] = structuredClone(s.input.log);
    const sends: Send[] = [];
    const predictions = new Map<string, number>();
    let now = s.input.now;
    for (const step of steps) {
      const plan = planChases({ now, orders, buyers: s.input.buyers, log }, s.policy);
      plan.decisions.forEach((d, i) => {
        const o = orders[i] as ChaseOrder;
        // Ladder order: at most one channel of an order is send at a time.
        expect(d.channels.filter((c) => c.outcome === 'send').length).toBeLessThanOrEqual(1);
        for (const c of d.channels) {
          const key = `${o.orderId}/${c.channel}`;
          if (c.outcome === 'send') {
            expect(now, `${key} sent before its predicted ${predictions.get(key)}`).toBeGreaterThanOrEqual(predictions.get(key) ?? now);
            sends.push({ at: now, order: o, channel: c.channel, ladderStep: c.ladderStep });
            log.push({ orderId: o.orderId, buyerId: o.buyerId, channel: c.channel, at: now, state: 'sent' });
          } else if (c.outcome === 'wait' && !isDependent(c)) {
            predictions.set(key, Math.max(predictions.get(key) ?? 0, toEpochMs(c.nextAllowedAt as string)));
          }
        }
      });
      const target = orders[step.pay % orders.length] as ChaseOrder;
      if (step.event === 'pay' && target.paidAt === undefined && target.closedAt === undefined) target.paidAt = now;
      if (step.event === 'close' && target.paidAt === undefined && target.closedAt === undefined) target.closedAt = now;
      if (step.event === 'refuse' || step.event === 'promise') {
        log.push({ orderId: target.orderId, buyerId: target.buyerId, channel: 'phone', at: now, state: 'answered', outcome: step.event === 'refuse' ? 'refused' : 'promised_to_pay' });
      }
      // Advance: a fixed step, or straight to the soonest instant something may go out.
      const soonest = plan.decisions.map((d) => (d.nextAllowedAt === null ? Number.POSITIVE_INFINITY : toEpochMs(d.nextAllowedAt))).filter((t) => t > now);
      const jump = Math.min(...soonest);
      now = step.jump && Number.isFinite(jump) ? jump : now + step.minutes * MINUTE;
    }

    const policy = s.policy;
    const attemptsBefore = (o: ChaseOrder, channel: string, t: number) => log.filter((e) => e.orderId === o.orderId && e.channel === channel && e.state !== 'failed' && (epoch(e.at) as number) < t).length;
    for (const send of sends) {
      const { at, order: o, channel } = send;
      const rules = policy.channels[channel];
      // Facts as they were when the send was decided (the simulator pays and closes orders after sending).
      const before = (v: string | number | undefined) => (v !== undefined && (epoch(v) as number) < at ? v : undefined);
      const orderAtSend = { ...o, paidAt: before(o.paidAt), closedAt: before(o.closedAt) };
      const othersAtSend = orders.map((p) => ({ ...p, paidAt: before(p.paidAt) }));
      // 1: never a paid or suppressed buyer.
      expect(paidOrSuppressed(orderAtSend, othersAtSend, policy)).toBe(false);
      // 3 and 4: inside the windows, before the close time minus the buffer.
      expect(openAt(at, channel, policy, s.input.buyers.find((b) => b.buyerId === o.buyerId))).toBe(true);
      const close = closeOf(o, policy);
      if (close === undefined) expect(policy.requireKnownDeadline).toBe(false);
      else expect(at).toBeLessThan(close - rules.closeBufferMinutes * MINUTE);
      // 5: attempts per order and channel.
      expect(attemptsBefore(o, channel, at)).toBeLessThan(rules.maxAttemptsPerOrder);
      // 5: the buyer's daily cap, all channels, local day of the shop.
      const day = localDate(at, policy.timeZone);
      const sameDay = log.filter((e) => e.buyerId === o.buyerId && e.state !== 'failed' && localDate(epoch(e.at) as number, policy.timeZone) === day && (epoch(e.at) as number) < at);
      if (policy.buyerDailyCap !== null) expect(sameDay.length).toBeLessThan(policy.buyerDailyCap);
      // 2: the dedupe window, by buyer (the phone key falls back to the buyer without a phone).
      if (policy.dedupe.key === 'buyer' || o.contact?.phoneHash === undefined) {
        const earlier = log.filter((e) => e.buyerId === o.buyerId && e.state !== 'failed' && (epoch(e.at) as number) < at && (policy.dedupe.scope === 'allChannels' || e.channel === channel));
        for (const e of earlier) {
          const t = epoch(e.at) as number;
          if (policy.dedupe.window.kind === 'rolling') expect(at - t).toBeGreaterThanOrEqual(policy.dedupe.window.minutes * MINUTE);
          else expect(localDate(t, policy.timeZone)).not.toBe(day);
        }
      }
      // 5: Florida: at most three calls and texts in any 24 hours.
      const buyer = s.input.buyers.find((b) => b.buyerId === o.buyerId);
      if (channel !== 'im' && buyer?.jurisdiction === 'US-FL' && policy.jurisdictionOverlays['US-FL'] !== undefined) {
        const recent = log.filter((e) => e.buyerId === o.buyerId && e.channel !== 'im' && e.state !== 'failed' && (epoch(e.at) as number) < at && at - (epoch(e.at) as number) < DAY);
        expect(recent.length).toBeLessThan(3);
      }
      // 10: a later ladder step never goes before an earlier one has gone, unless the earlier can no longer go.
      if (send.ladderStep !== null && send.ladderStep > 1) {
        const asThen = orders.map((p) => JSON.parse(JSON.stringify({ ...p, paidAt: before(p.paidAt), closedAt: before(p.closedAt) })) as ChaseOrder);
        const atSend = planChases({ now: at, orders: asThen, buyers: s.input.buyers, log: log.filter((e) => (epoch(e.at) as number) < at) }, policy);
        const d = atSend.decisions.find((x) => x.orderId === o.orderId) as ChaseOrderDecision;
        for (const c of d.channels) {
          if (c.ladderStep === null || c.ladderStep >= send.ladderStep) continue;
          const earlierSent = log.some((e) => e.orderId === o.orderId && e.channel === c.channel && e.state !== 'failed' && (epoch(e.at) as number) < at);
          expect(earlierSent || c.outcome === 'never', `${o.orderId}: step ${send.ladderStep} (${channel}) before step ${c.ladderStep} (${c.channel})`).toBe(true);
        }
      }
    }
  });
});

// The sample shop's event-day counters per agent (as a performance tool exports them), its
// scorecard, day targets, bonus schedule and prizes. Counters are generated with the seeded rng
// from each agent's role, so every run scores the same day.
import { createRng } from '../../core/rng.ts';
import type { KpiRecord, PayoutSchedule, Scorecard } from '../../kpi/index.ts';
import { SAMPLE_AGENTS, type SampleAgent } from './agents.ts';
import { SAMPLE_SHOP } from './shop.ts';

/** Inquiries on the event day by role: presale full-timers take the most, aftersale the fewest. */
function role(agent: SampleAgent): 'presale' | 'senior' | 'aftersale' | 'temp' {
  if (agent.kind !== 'fulltime') return 'temp';
  if (agent.skills.length > 1) return 'senior';
  return agent.skills[0] === 'aftersale' ? 'aftersale' : 'presale';
}

const RANGES = {
  presale: { inquiries: [130, 210], conversion: [0.3, 0.46] },
  senior: { inquiries: [90, 150], conversion: [0.34, 0.48] },
  aftersale: { inquiries: [6, 18], conversion: [0.2, 0.4] },
  temp: { inquiries: [35, 70], conversion: [0.22, 0.38] },
} as const;

/** Each agent's counters for 11.11 (credit rule 付款判定, a 2-day window). */
export function sampleKpiRecords(seed = 1111): KpiRecord[] {
  const rng = createRng(seed).fork('kpi-day');
  const between = (lo: number, hi: number): number => lo + (hi - lo) * rng.next();
  return SAMPLE_AGENTS.map((agent) => {
    const r = RANGES[role(agent)];
    const inquiries = rng.nextInt(r.inquiries[0], r.inquiries[1]);
    const inquiryPaidBuyers = Math.round(inquiries * between(r.conversion[0], r.conversion[1]));
    const inquiryOrderedBuyers = Math.min(inquiries, inquiryPaidBuyers + rng.nextInt(2, 12));
    // Credit reaches back two days, so a few buyers who asked on 11.10 pay on 11.11.
    const paidBuyers = inquiryPaidBuyers + rng.nextInt(0, Math.max(1, Math.round(inquiryPaidBuyers * 0.1)));
    // Sales in fen: an order value between ¥180 and ¥320 per paying buyer.
    const salesFen = paidBuyers * rng.nextInt(18_000, 32_000);
    const refundFen = Math.round(salesFen * between(0, 0.04));
    const aftersaleChats = role(agent) === 'aftersale' ? rng.nextInt(120, 200) : rng.nextInt(5, 30);
    const firstReplies = inquiries + aftersaleChats;
    const replies = firstReplies * rng.nextInt(4, 8);
    const rated = Math.round(firstReplies * between(0.15, 0.3));
    const low = rng.nextInt(0, Math.max(0, Math.round(rated * 0.08)));
    const mid = rng.nextInt(0, Math.max(0, Math.round(rated * 0.1)));
    const four = Math.round((rated - low - mid) * between(0.2, 0.4));
    const ratings: [number, number, number, number, number] = [Math.floor(low / 2), low - Math.floor(low / 2), mid, four, rated - low - mid - four];
    return {
      agentId: agent.id,
      shopId: SAMPLE_SHOP.shopId,
      period: { start: SAMPLE_SHOP.date, end: SAMPLE_SHOP.date },
      creditRule: 'payment',
      windowDays: 2,
      counters: {
        inquiries,
        inquiryPaidBuyers,
        inquiryOrderedBuyers,
        salesAmount: (salesFen / 100).toFixed(2),
        paidBuyers,
        refundAmount: (refundFen / 100).toFixed(2),
        firstReplySeconds: firstReplies * rng.nextInt(6, 28),
        firstReplies,
        replySeconds: replies * rng.nextInt(12, 40),
        replies,
        positiveReviews: Math.round(paidBuyers * between(0.15, 0.35)),
        ratings,
      },
    };
  });
}

/** The shop's event-day scorecard: step tables and a sales target (KPI-2), tie-break on conversion. */
export const SAMPLE_SCORECARD: Scorecard = {
  items: [
    { metric: 'inquiryConversion', weight: 35, normalize: { kind: 'steps', steps: [{ at: 0.3, score: 60 }, { at: 0.35, score: 80 }, { at: 0.4, score: 100 }] } },
    { metric: 'salesAmount', weight: 30, normalize: { kind: 'target', target: 15000, cap: 1.2 } },
    { metric: 'firstResponseSeconds', weight: 20, normalize: { kind: 'steps', steps: [{ at: 30, score: 60 }, { at: 20, score: 80 }, { at: 12, score: 100 }] } },
    { metric: 'satisfaction', weight: 15, normalize: { kind: 'band', zeroAt: 0.8, fullAt: 0.95 } },
  ],
  tieBreakers: ['inquiryConversion'],
};

/** Event-day sales targets by role (base); the challenge is 130% of it (KPI-4, KPI-5). */
export function sampleDayTarget(agent: SampleAgent): string | null {
  const r = role(agent);
  if (r === 'aftersale') return null;
  return r === 'presale' ? '16000.00' : r === 'senior' ? '14000.00' : '4500.00';
}

/** The event-day bonus: nothing below 80% of target, 200 at target, 500 at the challenge, capped at 800. */
export const SAMPLE_BONUS: PayoutSchedule = {
  kind: 'curve',
  points: [
    { attainment: 0.8, amount: 0 },
    { attainment: 1, amount: 200, label: 'base' },
    { attainment: 1.3, amount: 500, label: 'challenge' },
    { attainment: 1.6, amount: 800 },
  ],
};

/** Prizes for the top 3 by sales (KPI-6); a tie splits the tied places' prizes. */
export const SAMPLE_PRIZES: readonly string[] = ['888.00', '666.00', '333.00'];

// Headcount budgets (DESIGN.md §6): requiredAgents at A = 5,000 under 1 ms, one Erlang A evaluation
// at N = 510 with an hour's patience under 5 ms, planStaffing for 30 days × 96 intervals under 100 ms.
import { erlangA, erlangC, planStaffing, requiredAgents, requiredChatAgents } from '../src/headcount/index.ts';
import type { BenchCase } from './harness.ts';

// 30 days of 15-minute volumes whose traffic runs from about 10 to 1,000 Erlangs (AHT 300 s).
const month = Array.from({ length: 30 * 96 }, (_, i) => {
  const hour = (i % 96) / 4;
  const daily = 0.55 + 0.45 * Math.sin(((hour - 6) / 24) * 2 * Math.PI);
  return Math.round(30 + 2970 * daily * (0.8 + 0.2 * ((i * 7919) % 97) / 97));
});

export const cases: readonly BenchCase[] = [
  {
    name: 'headcount/requiredAgents A=5000 99%/5s cap 0.95 shrinkage 0.25',
    budgetMs: 1,
    run: () =>
      requiredAgents({ calls: 30_000, ahtSeconds: 300, intervalSeconds: 1800, serviceLevel: { target: 0.99, answerSeconds: 5 }, maxOccupancy: 0.95, shrinkage: 0.25 }),
  },
  {
    name: 'headcount/erlangA N=510 A=500 patience 3600s',
    budgetMs: 5,
    run: () => erlangA({ calls: 6000, ahtSeconds: 150, intervalSeconds: 1800, agents: 510, patienceSeconds: 3600, targetAnswerSeconds: 20 }),
  },
  {
    name: 'headcount/planStaffing 30 days x 96 intervals, A up to 1000',
    budgetMs: 100,
    runs: 15,
    run: () =>
      planStaffing({ date: '2026-11-01', intervalMinutes: 15, volumes: month, ahtSeconds: 300, serviceLevel: { target: 0.8, answerSeconds: 20 }, maxOccupancy: 0.9, shrinkage: 0.3 }),
  },
  {
    name: 'headcount/erlangC N=6000 A=5900',
    budgetMs: 1,
    run: () => erlangC({ calls: 35_400, ahtSeconds: 300, intervalSeconds: 1800, agents: 6000 }),
  },
  {
    name: 'headcount/requiredAgents Erlang A A=500 patience 60s',
    budgetMs: 10,
    run: () => requiredAgents({ calls: 6000, ahtSeconds: 150, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 }, patienceSeconds: 60 }),
  },
  {
    name: 'headcount/requiredChatAgents balanced 9600 chats k=3',
    budgetMs: 50,
    run: () =>
      requiredChatAgents({ chats: 9600, intervalSeconds: 3600, ahtSecondsByConcurrency: [240, 300, 360], serviceLevel: { target: 0.8, answerSeconds: 30 }, model: 'balanced' }),
  },
];

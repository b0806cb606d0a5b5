// Roster budgets (DESIGN.md §6): on the 63 research instances (7 variants × 20/60/150 agents ×
// seeds 1-3) every roster keeps every hard rule, the mean gap to the proven optimum is at most
// 0.5% and the largest at most 3%, and the 90th percentile time at 150 agents is under 1 s. The
// 500-agent, 28-day, two-skill instance with part-timers runs under 15 s with its gap reported.
import { generateRoster, validateRoster, type RosterInput } from '../src/roster/index.ts';
import type { BenchCase } from './harness.ts';
import optima from './roster-optima.json' with { type: 'json' };
import { labInstance, largeInstance, VARIANTS } from './roster-instances.ts';

interface Outcome {
  readonly objective: number;
  readonly lowerBound: number;
  readonly violations: number;
}

const known = optima.optima as Record<string, number>;
const results: Array<{ key: string; agents: number; gap: number; violations: number; ms: number }> = [];

function solveAndCheck(input: RosterInput): Outcome {
  const r = generateRoster(input);
  return { objective: r.objective, lowerBound: r.lowerBound, violations: validateRoster(input, r.assignments).length };
}

function instanceCase(variant: string, agents: number, seed: number): BenchCase {
  const key = `${variant}/${agents}/${seed}`;
  const input = labInstance(agents, seed, VARIANTS[variant]);
  const optimum = known[key] as number;
  return {
    name: `roster/lab ${key}`,
    budgetMs: 3000,
    warmup: 0,
    runs: 1,
    run: () => solveAndCheck(input),
    extra: (value, ms) => {
      const o = value as Outcome;
      const gap = (o.objective - optimum) / Math.max(optimum, 1);
      results.push({ key, agents, gap, violations: o.violations, ms });
      return { objective: o.objective, optimum, gap_pct: Number((gap * 100).toFixed(3)), violations: o.violations };
    },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
};

export const cases: readonly BenchCase[] = [
  ...Object.keys(VARIANTS).flatMap((variant) => [20, 60, 150].flatMap((agents) => [1, 2, 3].map((seed) => instanceCase(variant, agents, seed)))),
  {
    name: 'roster/lab summary: p90 time at 150 agents',
    budgetMs: 1000,
    warmup: 0,
    runs: 1,
    run: () => percentile(results.filter((r) => r.agents === 150).map((r) => r.ms), 0.9),
    measured: (value) => value as number,
    extra: () => {
      const gaps = results.map((r) => r.gap);
      const mean = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
      const max = Math.max(0, ...gaps);
      const violations = results.reduce((a, r) => a + r.violations, 0);
      return {
        instances: results.length,
        proven_optimal: gaps.filter((g) => g <= 1e-9).length,
        mean_gap_pct: Number((mean * 100).toFixed(3)),
        max_gap_pct: Number((max * 100).toFixed(3)),
        violations,
        quality_ok: violations === 0 && mean <= 0.005 && max <= 0.03,
      };
    },
  },
  {
    name: 'roster/large 500 agents x 28 days, 2 skills, 30% part-timers',
    budgetMs: 15_000,
    warmup: 0,
    runs: 1,
    run: () => solveAndCheck(largeInstance()),
    extra: (value) => {
      const o = value as Outcome;
      return { objective: o.objective, lower_bound: o.lowerBound, gap_to_bound_pct: Number((((o.objective - o.lowerBound) / Math.max(1, o.lowerBound)) * 100).toFixed(2)), violations: o.violations };
    },
  },
];

// A tiny benchmark harness: warm up, time each run, report the median as one JSON line.

/** One benchmark case: `run` is timed; `budgetMs` is the median it must stay under. */
export interface BenchCase {
  readonly name: string;
  readonly budgetMs: number;
  readonly run: () => unknown;
  /** Timed runs (default: as many as fit in about a second, between 5 and 200). */
  readonly runs?: number;
  /** Untimed runs first (default 4: one to size the run count, three to warm the engine). */
  readonly warmup?: number;
  /** When the case reports a figure of its own (a percentile, say) instead of its run time. */
  readonly measured?: (value: unknown) => number;
  /** More fields for the JSON line, from the last run's value and its time. */
  readonly extra?: (value: unknown, ms: number) => Record<string, unknown>;
}

export interface BenchResult {
  readonly case: string;
  readonly median_ms: number;
  readonly budget_ms: number;
  readonly ok: boolean;
  readonly runs: number;
  readonly [field: string]: unknown;
}

let sink: unknown; // keeps the last result alive so the engine cannot skip the work

export function measure(c: BenchCase): BenchResult {
  const warmup = c.warmup ?? 4;
  let first = 1;
  for (let i = 0; i < warmup; i++) {
    sink = undefined;
    const start = performance.now();
    sink = c.run();
    if (i === 0) first = performance.now() - start;
  }
  const runs = c.runs ?? Math.min(200, Math.max(5, Math.floor(1000 / Math.max(first, 0.01))));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Only the result in hand is kept: a run is timed with the live heap a caller would have (its
    // input, not the results of earlier runs, which for a million-row case are hundreds of MB that
    // every full collection during the run would mark again).
    sink = undefined;
    const start = performance.now();
    sink = c.run();
    times.push(performance.now() - start);
  }
  const last = sink;
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? (times[mid] as number) : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  void sink;
  const figure = c.measured === undefined ? median : c.measured(last);
  const extra = c.extra?.(last, times[times.length - 1] as number) ?? {};
  // A case passes on time and, where it reports them, on zero violations and its quality goal.
  const ok = figure < c.budgetMs && (extra['violations'] ?? 0) === 0 && extra['quality_ok'] !== false;
  return { case: c.name, median_ms: Number(figure.toFixed(4)), budget_ms: c.budgetMs, ok, runs, ...extra };
}

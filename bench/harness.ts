// A tiny benchmark harness: warm up, time each run, report the median as one JSON line.

/** One benchmark case: `run` is timed; `budgetMs` is the median it must stay under. */
export interface BenchCase {
  readonly name: string;
  readonly budgetMs: number;
  readonly run: () => unknown;
  /** Timed runs (default: as many as fit in about a second, between 5 and 200). */
  readonly runs?: number;
}

export interface BenchResult {
  readonly case: string;
  readonly median_ms: number;
  readonly budget_ms: number;
  readonly ok: boolean;
  readonly runs: number;
}

let sink: unknown; // keeps results alive so the engine cannot skip the work

export function measure(c: BenchCase): BenchResult {
  const warm = performance.now();
  sink = c.run();
  const first = performance.now() - warm;
  for (let i = 0; i < 3; i++) sink = c.run();
  const runs = c.runs ?? Math.min(200, Math.max(5, Math.floor(1000 / Math.max(first, 0.01))));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink = c.run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? (times[mid] as number) : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  void sink;
  return { case: c.name, median_ms: Number(median.toFixed(4)), budget_ms: c.budgetMs, ok: median < c.budgetMs, runs };
}

import { countsFrom, floorBound, fullAggregateModel, objectiveOfCounts, type AggregateSolution } from './aggregate.ts';
import { toLpFormat } from './lp-format.ts';
import type { Problem } from './problem.ts';

/** The little of node:worker_threads this engine uses (the library itself ships without Node types). */
interface WorkerLike {
  on(event: 'message', listener: (value: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}
type WorkerConstructor = new (code: string, options: { eval: true; workerData: unknown }) => WorkerLike;

/** What the worker posts back. */
interface WorkerReply {
  readonly relaxation: number | null;
  readonly status: string;
  readonly values: ReadonlyArray<readonly [string, number]>;
  readonly error?: string;
}

// Runs in a worker thread, so that an abort of the WebAssembly runtime or a solve past the time
// limit ends the worker, never the caller. It loads `highs` from `from` (the app's folder).
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
(async () => {
  try {
    const highs = await createRequire(workerData.from)('highs')();
    const options = { time_limit: workerData.seconds, mip_rel_gap: 0, output_flag: false };
    const lp = highs.solve(workerData.relaxed, options);
    const relaxation = lp.Status === 'Optimal' ? lp.ObjectiveValue : null;
    const mip = highs.solve(workerData.mip, options);
    const values = [];
    for (const [name, column] of Object.entries(mip.Columns || {})) values.push([name, column.Primal]);
    parentPort.postMessage({ relaxation, status: mip.Status, values });
  } catch (error) {
    parentPort.postMessage({ relaxation: null, status: 'error', values: [], error: String(error && error.message || error) });
  }
})();
`;

/**
 * Solves the full aggregate model (every rest row) with HiGHS in a worker thread. Resolves with
 * the counts and a proven bound (the optimum, or the LP relaxation when the time limit cut the
 * MIP short); rejects with the reason when HiGHS is missing, fails or runs out of time.
 */
export async function solveAggregateWithHighs(problem: Problem, options: { timeLimitMs: number; from: string }): Promise<AggregateSolution> {
  const Worker = workerConstructor();
  const { model, offset } = fullAggregateModel(problem);
  const mip = toLpFormat(model, { integers: true });
  const relaxed = toLpFormat(model, { integers: false });
  const seconds = Math.max(0.1, (options.timeLimitMs * 0.9) / 1000 / 2);
  const reply = await runWorker(Worker, { mip: mip.text, relaxed: relaxed.text, seconds, from: options.from }, options.timeLimitMs);
  if (reply.error !== undefined) throw new Error(`HiGHS failed: ${reply.error}`);
  const counts = countsFrom(reply.values.map(([column, value]) => [mip.names.get(column) ?? '', value] as const));
  if (counts.size === 0 && reply.status !== 'Optimal') throw new Error(`HiGHS found no solution (${reply.status})`);
  const objective = objectiveOfCounts(problem, counts);
  const optimal = reply.status === 'Optimal';
  const lowerBound = optimal ? objective : reply.relaxation === null ? 0 : Math.max(0, floorBound(reply.relaxation + offset));
  return { status: optimal ? 'optimal' : 'timedout', counts, lowerBound, objective };
}

function workerConstructor(): WorkerConstructor {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const threads = process?.getBuiltinModule?.('node:worker_threads') as { Worker?: WorkerConstructor } | undefined;
  if (threads?.Worker === undefined) throw new Error('the highs engine needs Node.js 20.16 or later (worker threads)');
  return threads.Worker;
}

/** Timers exist in every runtime that has worker threads; the library's types leave them out. */
const timers = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(id: unknown): void };

/** Starts the worker and settles on its reply, its crash, or the time limit (which ends it). */
function runWorker(Worker: WorkerConstructor, workerData: unknown, timeLimitMs: number): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(timer);
      void worker.terminate();
      action();
    };
    const timer = timers.setTimeout(() => settle(() => reject(new Error(`HiGHS passed the time limit of ${timeLimitMs} ms`))), timeLimitMs);
    worker.on('message', (value) => settle(() => resolve(value as WorkerReply)));
    worker.on('error', (error) => settle(() => reject(new Error(`HiGHS crashed: ${error.message}`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`HiGHS stopped with exit code ${code}`))));
  });
}

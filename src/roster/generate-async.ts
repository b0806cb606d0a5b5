import { parseInput } from '../core/validate.ts';
import * as z from 'zod/mini';
import { infeasible, solveAndPresent, type RosterResult } from './generate.ts';
import { solveAggregateWithHighs } from './highs-engine.ts';
import { RosterInput } from './input.ts';
import { pinConflicts } from './pins.ts';
import { buildProblem } from './problem.ts';

/**
 * Options of {@link generateRosterAsync}.
 *
 * @example
 * ```ts
 * const options: RosterEngineOptions = { engine: 'highs', highsFrom: '/srv/app/' };
 * ```
 */
export const RosterEngineOptions = /* @__PURE__ */ z.strictObject({
  /** `builtin` (default): yalps in this thread. `highs`: HiGHS (the optional peer `highs`) in a worker thread. */
  engine: z._default(z.union([z.literal('builtin'), z.literal('highs')]), 'builtin'),
  /** A folder or file path from which `highs` is resolved (default: the current working directory). */
  highsFrom: z.optional(z.string().check(z.minLength(1))),
});
/** @inheritDoc RosterEngineOptions */
export type RosterEngineOptions = z.input<typeof RosterEngineOptions>;

/**
 * {@link generateRoster} with a choice of engine for the aggregate model. With `engine: 'highs'`
 * (Node.js only; install the optional peer dependency `highs`) the full model, every rest row
 * included, is solved by HiGHS in a worker thread: a crash of its WebAssembly runtime ends the
 * worker, not your process, and the worker is stopped at 60% of `timeLimitMs`. If HiGHS is
 * missing, fails or runs out of time, the built-in engine solves the roster instead and
 * `engine.note` says why. The rest of the pipeline, and the result, are the same.
 *
 * @example
 * {@includeCode ../../examples/roster-async.example.ts#highs}
 */
export async function generateRosterAsync(input: RosterInput, options: RosterEngineOptions = {}): Promise<RosterResult> {
  const started = Date.now();
  const parsed = parseInput(RosterInput, input, 'generateRosterAsync');
  const { engine, highsFrom } = parseInput(RosterEngineOptions, options, 'generateRosterAsync');
  const problem = buildProblem(parsed, 'generateRosterAsync');
  const conflicts = pinConflicts(problem);
  if (conflicts.length > 0) return infeasible(problem, conflicts);
  if (engine === 'builtin') return solveAndPresent(problem, { used: 'builtin' });
  try {
    const first = await solveAggregateWithHighs(problem, { timeLimitMs: parsed.timeLimitMs * 0.6, from: resolveFrom(highsFrom) });
    return solveAndPresent(problem, { used: 'highs' }, first, started);
  } catch (error) {
    return solveAndPresent(problem, { used: 'builtin', note: `${(error as Error).message}; the built-in engine was used` }, undefined, started);
  }
}

/** createRequire needs a file path; a folder gets a file name that need not exist. */
function resolveFrom(from: string | undefined): string {
  const process = (globalThis as { process?: { cwd?: () => string } }).process;
  const base = from ?? `${process?.cwd?.() ?? '.'}/`;
  return base.endsWith('/') ? `${base}noop.js` : base;
}

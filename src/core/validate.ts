import type * as z from 'zod/mini';
import { KefuError, type KefuIssue } from './errors.ts';

type ZodIssue = z.core.$ZodIssue;

/**
 * Parses `input` with a `zod/mini` schema and returns the typed value, or throws a
 * {@link KefuError} `INVALID_INPUT` whose issues name each field, the value received and what
 * was expected. `context` (the function name) prefixes the message.
 *
 * @example
 * ```ts
 * const Input = z.object({ calls: z.number().check(z.nonnegative()) });
 * parseInput(Input, { calls: -1 }, 'example'); // throws: "example: calls: expected a number >= 0, received -1"
 * ```
 */
export function parseInput<S extends z.core.$ZodType>(schema: S, input: unknown, context: string): z.output<S> {
  const result = schemaParse(schema, input);
  if (result.success) return result.data;
  throw new KefuError('INVALID_INPUT', result.error.issues.flatMap((issue) => toKefuIssues(issue, [])), context);
}

function schemaParse<S extends z.core.$ZodType>(schema: S, input: unknown) {
  // `reportInput` keeps the offending value on each issue so the message can quote it.
  return (schema as unknown as z.ZodMiniType).safeParse(input, { reportInput: true }) as
    | { success: true; data: z.output<S> }
    | { success: false; error: { issues: ZodIssue[] } };
}

function toKefuIssues(issue: ZodIssue, prefix: readonly PropertyKey[]): KefuIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the alternative that got furthest: the one with the fewest issues.
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
    return best.flatMap((inner) => toKefuIssues(inner, path));
  }
  if (issue.code === 'unrecognized_keys') {
    // One issue per stray key, at the key's own path: a typo like `shrinkge` is named where it is.
    return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: 'unknown field (check its spelling)' }));
  }
  return [{ path: formatPath(path), message: `${expectation(issue)}, received ${describe(issue.input)}` }];
}

/** `['volumes', 3]` → `volumes.3`; the empty path is the input itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function expectation(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod rejects NaN and ±Infinity as numbers; say so rather than "expected a number, received NaN".
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'expected a finite number';
      return `expected ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `expected at least ${issue.minimum} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `expected ${issue.origin === 'int' ? 'an integer' : 'a number'} ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `expected at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `expected ${issue.origin === 'int' ? 'an integer' : 'a number'} ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? `text matching ${issue.pattern}` : issue.format}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'an integer';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** A short, safe rendering of any received value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'function') return 'a function';
  return 'an object';
}

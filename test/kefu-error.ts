// Test helpers for kefu's one error type.
import { expect } from 'vitest';
import { KefuError, type KefuErrorCode, type KefuIssue } from '../src/core/errors.ts';

/** Runs `fn`, expects a KefuError with `code`, and returns it. */
export function kefuErrorOf(fn: () => unknown, code: KefuErrorCode = 'INVALID_INPUT'): KefuError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KefuError);
    expect((error as KefuError).code).toBe(code);
    return error as KefuError;
  }
  throw new Error(`expected a KefuError ${code}, but the call returned`);
}

/** The first issue of the INVALID_INPUT error `fn` must throw. */
export function issueOf(fn: () => unknown): KefuIssue | undefined {
  return kefuErrorOf(fn).issues[0];
}

/** Asserts that `fn` throws INVALID_INPUT with an issue at `path` (and, when given, the message prefix). */
export function expectInvalidAt(fn: () => unknown, path: string, label = path): void {
  const paths = kefuErrorOf(fn).issues.map((issue) => issue.path);
  expect(paths, label).toContain(path);
}

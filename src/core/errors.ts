/**
 * One problem found in an input: where it is and what is wrong with it.
 *
 * @example
 * ```ts
 * const issue: KefuIssue = { path: 'serviceLevel.target', message: 'expected a number below 1, received 1' };
 * ```
 */
export interface KefuIssue {
  /** Dotted path of the offending field from the top of the input (`volumes.3`, `serviceLevel.target`). */
  readonly path: string;
  /** What was expected and what was received. */
  readonly message: string;
}

/**
 * The machine-readable kinds of failure.
 *
 * - `INVALID_INPUT`: the input does not satisfy the function's schema or a cross-field rule.
 * - `OUT_OF_RANGE`: the input is valid but the answer lies beyond what the method can reach
 *   (for example a service level that no finite number of agents meets under the given cap).
 * - `CALENDAR_YEAR_UNKNOWN`: a date lies in a year whose holiday data kefu does not have.
 *
 * @example
 * ```ts
 * const code: KefuErrorCode = 'INVALID_INPUT';
 * ```
 */
export type KefuErrorCode = 'INVALID_INPUT' | 'OUT_OF_RANGE' | 'CALENDAR_YEAR_UNKNOWN';

/**
 * The one error type kefu throws. `code` says what kind of failure it is, `issues` name the
 * fields at fault, and `message` joins them for people.
 *
 * @example
 * ```ts
 * try {
 *   requiredAgents({ calls: -1, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 } });
 * } catch (error) {
 *   if (error instanceof KefuError) console.log(error.code, error.issues[0]?.path); // INVALID_INPUT calls
 * }
 * ```
 */
export class KefuError extends Error {
  /** The kind of failure. */
  readonly code: KefuErrorCode;
  /** Every problem found, each naming its field. */
  readonly issues: readonly KefuIssue[];

  /**
   * Builds the error; the message joins the issues as `path: message` pairs.
   *
   * @param code The kind of failure.
   * @param issues The problems, each naming its field.
   * @param context The function that rejected the input; it prefixes the message.
   */
  constructor(code: KefuErrorCode, issues: readonly KefuIssue[], context?: string) {
    const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    super(context ? `${context}: ${summary}` : summary);
    this.name = 'KefuError';
    this.code = code;
    this.issues = issues;
  }
}

/**
 * A result object for callers who prefer values to exceptions (spreadsheets, batch jobs).
 *
 * @example
 * ```ts
 * const result: KefuResult<number> = { ok: false, error: new KefuError('INVALID_INPUT', [{ path: 'calls', message: 'expected a number' }]) };
 * ```
 */
export type KefuResult<T> =
  | {
      /** The call succeeded. */
      readonly ok: true;
      /** What it returned. */
      readonly value: T;
    }
  | {
      /** The call failed on its input. */
      readonly ok: false;
      /** The error, with the fields at fault. */
      readonly error: KefuError;
    };

/** Throws `INVALID_INPUT` for one field. Internal shorthand for cross-field checks. */
export function invalid(path: string, message: string, context?: string): never {
  throw new KefuError('INVALID_INPUT', [{ path, message }], context);
}

/**
 * Runs `fn` and returns its value as `{ ok: true, value }`, or a thrown {@link KefuError} as
 * `{ ok: false, error }`. Any other exception is a bug and is rethrown.
 *
 * @example
 * ```ts
 * const result = toResult(() => requiredAgents(input));
 * if (!result.ok) console.log(result.error.issues);
 * ```
 */
export function toResult<T>(fn: () => T): KefuResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof KefuError) return { ok: false, error };
    throw error;
  }
}

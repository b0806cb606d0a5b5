// Validation shared by the kefu/sla functions: each argument is parsed with its schema, issues
// are gathered under the argument's path (`policy.cutoff`, `reviews.3.receivedAt`) and thrown
// together, so one call reports every field at fault.
import * as z from 'zod/mini';
import { KefuError, type KefuIssue } from '../core/errors.ts';
import { parseInput } from '../core/validate.ts';

/** At most this many issues are listed; the rest are counted in one last issue. */
const MAX_ISSUES = 20;

/** Ids: non-empty text of at most 200 characters. */
export const Id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));

/** Collects issues for one call and throws them as one `INVALID_INPUT`. */
export class Issues {
  private readonly list: KefuIssue[] = [];
  private more = 0;

  constructor(private readonly context: string) {}

  add(path: string, message: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ path, message });
    else this.more++;
  }

  /** Parses `value` with `schema`; on failure its issues join the list under `prefix`. */
  parse<S extends z.core.$ZodType>(schema: S, value: unknown, prefix: string): z.output<S> | undefined {
    try {
      return parseInput(schema, value, this.context);
    } catch (error) {
      if (!(error instanceof KefuError)) throw error;
      for (const issue of error.issues) this.add(prefix === '' ? issue.path : issue.path === '' ? prefix : `${prefix}.${issue.path}`, issue.message);
      return undefined;
    }
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws the gathered issues, if any. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const issues = this.more === 0 ? this.list : [...this.list, { path: '', message: `and ${this.more} more issues` }];
    throw new KefuError('INVALID_INPUT', issues, this.context);
  }
}

/** Reports every repeated value of `key` after its first occurrence, at `path(i)`. */
export function checkUnique<T>(items: readonly T[], key: (item: T) => string | undefined, path: (index: number) => string, what: string, issues: Issues): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const value = key(item);
    if (value === undefined) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else issues.add(path(i), `expected each ${what} once, received ${JSON.stringify(value)} again (first at index ${first})`);
  });
}

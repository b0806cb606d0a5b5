// Invariant 13: memo entries read back as written (for sanitised text), memos stay within the byte
// budget, appending keeps earlier entries unless the budget forces dropping the oldest, and text
// that is not a chase entry is kept.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ZONES } from '../../test/fixtures/chase-zones.ts';
import { KefuError } from '../core/errors.ts';
import { formatInstant } from '../core/time.ts';
import { appendChaseMemo, CHASE_CHANNELS, CHASE_OUTCOMES, formatChaseMemo, parseChaseMemo, type ChaseMemoEntry } from './index.ts';

/** What a free-text field becomes in a memo: separators replaced, white space collapsed, trimmed. */
const sanitised = (text: string): string =>
  text.replace(/[｜|]/g, '/').replace(/[；;]/g, ',').replace(/〔/g, '(').replace(/〕/g, ')').replace(/\s+/g, ' ').trim();

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('小美', '电话', '〔答应付款〕', '第2次', 'a|b；c\nd', '  ', '【催付】', '🧧 红包'));
const entry = fc
  .record({
    // Anywhere in 2024–2027, or inside a 2026 fall-back hour (New York, Paris, Lord Howe, Chatham), where a wall time happens twice.
    at: fc.oneof(
      fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }),
      fc.tuple(fc.constantFrom(Date.UTC(2026, 10, 1, 5), Date.UTC(2026, 9, 25, 0), Date.UTC(2026, 3, 4, 14, 30), Date.UTC(2026, 3, 4, 14)), fc.integer({ min: 0, max: 7_200_000 })).map(([t, d]) => t + d),
    ),
    agent: text,
    count: fc.integer({ min: 1, max: 999 }),
    channel: fc.constantFrom(...CHASE_CHANNELS),
    outcome: fc.option(fc.constantFrom(...CHASE_OUTCOMES), { nil: undefined }),
    feedback: fc.option(text, { nil: undefined }),
  })
  .filter((e) => sanitised(e.agent) !== '' && sanitised(e.agent).length <= 64)
  .map((e): ChaseMemoEntry => ({ at: e.at, agent: e.agent, count: e.count, channel: e.channel, ...(e.outcome === undefined ? {} : { outcome: e.outcome }), ...(e.feedback === undefined ? {} : { feedback: e.feedback }) }));

const bytes = (s: string): number => new TextEncoder().encode(s).length;
const foreign = fc.constantFrom('', '顺丰包邮', '发票抬头：某某公司', '勿放快递柜;周末送', 'VIP客户');

describe('memo properties', () => {
  test.prop([entry, fc.constantFrom(...ZONES)], { numRuns: 300 })('parse(format(e)) is e, sanitised, to the minute, in the shop’s zone', (e, timeZone) => {
    const back = parseChaseMemo(formatChaseMemo(e, { timeZone }), { timeZone });
    const feedback = e.feedback === undefined ? '' : sanitised(e.feedback);
    expect(back.rest).toBe('');
    expect(back.entries).toEqual([
      {
        at: formatInstant(Math.floor((e.at as number) / 60_000) * 60_000, timeZone),
        agent: sanitised(e.agent),
        count: e.count,
        channel: e.channel,
        ...(e.outcome === undefined ? {} : { outcome: e.outcome }),
        ...(feedback === '' ? {} : { feedback }),
      },
    ]);
  });

  test.prop([foreign, fc.array(entry, { minLength: 1, maxLength: 25 }), fc.integer({ min: 150, max: 1000 })], { numRuns: 150 })(
    'appending stays within the budget, keeps the other text, and drops only the oldest entries',
    (other, entries, maxBytes) => {
      let memo: string = other;
      for (const e of entries) {
        const previous = parseChaseMemo(memo).entries;
        // The entry at its shortest (feedback cut) next to the other text: when that is over the
        // budget the call must refuse, naming the side that is too long, and the memo stays as it is.
        const shortest = bytes(formatChaseMemo({ ...e, feedback: '' }));
        if ((other === '' ? 0 : bytes(other) + bytes('；')) + shortest > maxBytes) {
          const error = (() => {
            try {
              appendChaseMemo(memo, e, { maxBytes });
            } catch (caught) {
              return caught as KefuError;
            }
            throw new Error('expected appendChaseMemo to refuse');
          })();
          expect(error).toBeInstanceOf(KefuError);
          expect(error.code).toBe('OUT_OF_RANGE');
          expect(error.issues[0]?.path).toBe(shortest > maxBytes ? 'agent' : 'memo');
          continue;
        }
        const r = appendChaseMemo(memo, e, { maxBytes });
        expect(r.bytes).toBe(bytes(r.memo));
        expect(r.bytes).toBeLessThanOrEqual(maxBytes);
        const now = parseChaseMemo(r.memo);
        expect(now.rest).toBe(other);
        // The previous entries survive, minus the `dropped` oldest ones.
        const kept = now.entries.slice(0, -1);
        expect(kept).toHaveLength(previous.length - r.dropped);
        const byAge = [...previous].map((p, k) => ({ p, k })).sort((a, b) => Date.parse(a.p.at) - Date.parse(b.p.at) || a.k - b.k);
        const droppedSet = new Set(byAge.slice(0, r.dropped).map((x) => x.k));
        expect(kept).toEqual(previous.filter((_, k) => !droppedSet.has(k)));
        expect(now.entries.at(-1)?.count).toBe(e.count);
        memo = r.memo;
      }
    },
  );
});

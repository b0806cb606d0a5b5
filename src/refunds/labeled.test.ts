// Accuracy of the classifier on the hand-written labeled set (test/fixtures/refunds-labeled.json),
// per language and per hard-case tag. The budget (DESIGN.md §6) is over 92%: every group must reach it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyRefundReason, type ClassifyRefundInput } from './classify.ts';
import { REASON_CODES, type ReasonCode } from './taxonomy.ts';

interface Labeled {
  readonly id: string;
  readonly split: 'dev' | 'holdout' | 'holdout2' | 'holdout3';
  readonly lang: 'zh-CN' | 'zh-TW' | 'en' | 'mixed';
  readonly code: ReasonCode;
  readonly tags: readonly string[];
  readonly text: string;
  readonly orderState?: 'unshipped' | 'shipped' | 'received';
  readonly author?: 'buyer' | 'seller' | 'agent';
}

const items = (JSON.parse(readFileSync(new URL('../../test/fixtures/refunds-labeled.json', import.meta.url), 'utf8')) as { items: Labeled[] }).items;
const THRESHOLD = 0.92;

function predict(item: Labeled): ReasonCode {
  const input: ClassifyRefundInput = { text: item.text, ...(item.orderState ? { orderState: item.orderState } : {}), ...(item.author ? { author: item.author } : {}) };
  return classifyRefundReason(input).code;
}

describe('labeled refund texts', () => {
  it('has at least 300 realistic texts over every code, four languages and the hard-case tags', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const code of REASON_CODES) expect(items.some((i) => i.code === code), code).toBe(true);
    for (const lang of ['zh-CN', 'zh-TW', 'en', 'mixed']) expect(items.filter((i) => i.lang === lang).length, lang).toBeGreaterThanOrEqual(30);
    for (const tag of ['typo', 'emoji', 'negation', 'multi', 'colloquial', 'state']) expect(items.filter((i) => i.tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(8);
  });

  it(`accuracy is at least ${THRESHOLD * 100}% overall, per language and per hard-case tag`, () => {
    const groups = new Map<string, { ok: number; n: number; misses: string[] }>();
    const count = (key: string, ok: boolean, item: Labeled, got: ReasonCode): void => {
      const g = groups.get(key) ?? { ok: 0, n: 0, misses: [] };
      g.n++;
      if (ok) g.ok++;
      else g.misses.push(`${item.id} ${item.code}←${got} ${item.text}`);
      groups.set(key, g);
    };
    for (const item of items) {
      const got = predict(item);
      const ok = got === item.code;
      for (const key of ['all', `lang:${item.lang}`, `split:${item.split}`, ...item.tags.map((t) => `tag:${t}`)]) count(key, ok, item, got);
    }
    const report = [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, g]) => `${key.padEnd(16)} ${g.ok}/${g.n} ${((g.ok / g.n) * 100).toFixed(1)}%`);
    console.log(`refund classifier accuracy\n${report.join('\n')}\nmisses:\n${(groups.get('all')?.misses ?? []).join('\n')}`);
    for (const [key, g] of groups) {
      if (key.startsWith('split:')) continue; // reported; the holdout history is in docs/refunds.md
      expect(g.ok / g.n, `${key}: ${g.misses.join('; ')}`).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });
});

// Accuracy of the classifier on the hand-written labeled set (test/fixtures/refunds-labeled.json),
// per language and per hard-case tag. The budget (DESIGN.md §6) is over 92% on the texts the lexicon
// was grown against: every group must reach it. The blind split (blind1) was written before any
// lexicon change and never used to tune it: its floors are the accuracy measured on it (79.4%
// overall with lexicon 2026.11.3, docs/refunds.md section 10) minus a small margin, and its misses
// are counted, not printed, so that it stays blind. dev5 (lexicon 2026.11.3) is a development
// split: its misses are printed with the others.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyRefundReason, type ClassifyRefundInput } from './classify.ts';
import { REASON_CODES, type ReasonCode } from './taxonomy.ts';

type Lang = 'zh-CN' | 'zh-TW' | 'en' | 'mixed';

interface Labeled {
  readonly id: string;
  readonly split: 'dev' | 'holdout' | 'holdout2' | 'holdout3' | 'dev4' | 'dev5' | 'blind1';
  readonly lang: Lang;
  /** For traditional texts of dev5: Taiwan or Hong Kong (Cantonese) usage. */
  readonly region?: 'TW' | 'HK';
  readonly code: ReasonCode;
  readonly tags: readonly string[];
  readonly text: string;
  readonly orderState?: 'unshipped' | 'shipped' | 'received';
  readonly author?: 'buyer' | 'seller' | 'agent';
}

const items = (JSON.parse(readFileSync(new URL('../../test/fixtures/refunds-labeled.json', import.meta.url), 'utf8')) as { items: Labeled[] }).items;
const THRESHOLD = 0.92;
const BLIND = 'blind1';
/** Measured on blind1 with lexicon 2026.11.3 (79.4% overall; en 74.6%, mixed 70.4%, zh-CN 85.2%, zh-TW 81.0%), minus about three points. */
const BLIND_FLOOR: Readonly<Record<'all' | Lang, number>> = { all: 0.76, en: 0.71, mixed: 0.67, 'zh-CN': 0.82, 'zh-TW': 0.78 };
const LANGS: readonly Lang[] = ['zh-CN', 'zh-TW', 'en', 'mixed'];

function predict(item: Labeled): ReasonCode {
  const input: ClassifyRefundInput = { text: item.text, ...(item.orderState ? { orderState: item.orderState } : {}), ...(item.author ? { author: item.author } : {}) };
  return classifyRefundReason(input).code;
}

interface Group {
  ok: number;
  n: number;
  misses: string[];
}

function tally(): Map<string, Group> {
  const groups = new Map<string, Group>();
  const count = (key: string, ok: boolean, item: Labeled, got: ReasonCode): void => {
    const g = groups.get(key) ?? { ok: 0, n: 0, misses: [] };
    g.n++;
    if (ok) g.ok++;
    else g.misses.push(item.split === BLIND ? item.id : `${item.id} ${item.code}←${got} ${item.text}`);
    groups.set(key, g);
  };
  for (const item of items) {
    const got = predict(item);
    const ok = got === item.code;
    const keys = item.split === BLIND ? [`blind:all`, `blind:lang:${item.lang}`, ...item.tags.map((t) => `blind:tag:${t}`)] : ['all', `lang:${item.lang}`, ...item.tags.map((t) => `tag:${t}`)];
    // Per split, language and region, reported only: the thresholds apply to the pooled groups.
    const splitKeys = item.split === BLIND ? [`split:${item.split}`] : [`split:${item.split}`, `split:${item.split}:${item.lang}`, ...(item.region ? [`split:${item.split}:${item.lang}:${item.region}`] : [])];
    for (const key of [...keys, ...splitKeys]) count(key, ok, item, got);
  }
  return groups;
}

const pct = (g: Group): string => `${g.ok}/${g.n} ${((g.ok / g.n) * 100).toFixed(1)}%`;

describe('labeled refund texts', () => {
  const groups = tally();
  const report = [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, g]) => `${key.padEnd(20)} ${pct(g)}`);
  console.log(`refund classifier accuracy\n${report.join('\n')}\nmisses outside ${BLIND}:\n${(groups.get('all')?.misses ?? []).join('\n')}`);

  it('has at least 300 realistic texts over every code, four languages and the hard-case tags', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const code of REASON_CODES) expect(items.some((i) => i.code === code), code).toBe(true);
    for (const lang of LANGS) expect(items.filter((i) => i.lang === lang).length, lang).toBeGreaterThanOrEqual(30);
    for (const tag of ['typo', 'emoji', 'negation', 'multi', 'colloquial', 'state']) expect(items.filter((i) => i.tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(8);
  });

  it(`the blind split ${BLIND} has about 200 texts over every code and four languages`, () => {
    const blind = items.filter((i) => i.split === BLIND);
    expect(blind.length).toBeGreaterThanOrEqual(200);
    for (const code of REASON_CODES) expect(blind.some((i) => i.code === code), code).toBe(true);
    for (const lang of LANGS) expect(blind.filter((i) => i.lang === lang).length, lang).toBeGreaterThanOrEqual(20);
  });

  it(`accuracy is at least ${THRESHOLD * 100}% overall, per language and per hard-case tag on the texts the lexicon was grown against`, () => {
    for (const [key, g] of groups) {
      if (key.startsWith('split:') || key.startsWith('blind:')) continue; // splits are reported; the holdout history is in docs/refunds.md
      expect(g.ok / g.n, `${key}: ${g.misses.join('; ')}`).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });

  it(`accuracy on the blind split ${BLIND} stays at the measured level (overall and per language)`, () => {
    for (const key of ['all', ...LANGS] as const) {
      const g = groups.get(key === 'all' ? 'blind:all' : `blind:lang:${key}`) as Group;
      expect(g.ok / g.n, `${BLIND} ${key}: ${pct(g)}`).toBeGreaterThanOrEqual(BLIND_FLOOR[key]);
    }
  });
});

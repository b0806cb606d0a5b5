// Accuracy of the refund classifier on the development splits of test/fixtures/refunds-labeled.json,
// per split, language and region (Taiwan or Hong Kong for traditional texts), with the misses of
// one split when asked. Blind splits (any split whose name starts with "blind") are skipped
// without being classified, and no other fixture file is read: they stay blind.
//
//   npx tsx scripts/refunds-accuracy.ts            # the table
//   npx tsx scripts/refunds-accuracy.ts dev5       # the table, then dev5's misses
import { readFileSync } from 'node:fs';
import { classifyRefundReason, type ClassifyRefundInput, type ReasonCode } from '../src/refunds/index.ts';

interface Labeled {
  readonly id: string;
  readonly split: string;
  readonly lang: string;
  readonly region?: 'TW' | 'HK';
  readonly code: ReasonCode;
  readonly text: string;
  readonly orderState?: 'unshipped' | 'shipped' | 'received';
  readonly author?: 'buyer' | 'seller' | 'agent';
}

const items = (JSON.parse(readFileSync(new URL('../test/fixtures/refunds-labeled.json', import.meta.url), 'utf8')) as { items: Labeled[] }).items.filter((i) => !i.split.startsWith('blind'));
const missesOf = process.argv[2];
const groups = new Map<string, [ok: number, n: number]>();
const misses: string[] = [];
for (const item of items) {
  const input: ClassifyRefundInput = { text: item.text, ...(item.orderState ? { orderState: item.orderState } : {}), ...(item.author ? { author: item.author } : {}) };
  const got = classifyRefundReason(input).code;
  const ok = got === item.code;
  const keys = ['tuned', `${item.split}`, `${item.split} ${item.lang}`, ...(item.region ? [`${item.split} ${item.lang} ${item.region}`] : [])];
  for (const key of keys) {
    const g = groups.get(key) ?? [0, 0];
    groups.set(key, [g[0] + (ok ? 1 : 0), g[1] + 1]);
  }
  if (!ok && item.split === missesOf) misses.push(`${item.id} ${item.lang}${item.region ? `/${item.region}` : ''} ${item.code}←${got} ${item.text}`);
}
for (const [key, [ok, n]] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) console.log(`${key.padEnd(22)} ${`${ok}/${n}`.padStart(9)} ${((ok / n) * 100).toFixed(1)}%`);
if (missesOf !== undefined) console.log(`\nmisses in ${missesOf} (${misses.length}):\n${misses.join('\n')}`);

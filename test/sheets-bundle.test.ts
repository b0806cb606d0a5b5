// The Google Sheets bundle as Apps Script sees it: dist/kefu.gs.js is built here (into a temporary
// folder, with the same settings as `npm run build`, because `npm test` runs before the build),
// run in a bare node:vm context (no require, process, module, fetch, TextEncoder), and its
// top-level KEFU_* functions are called on ranges.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sheets from '../src/sheets/index.ts';
import { appsScriptFooter, SHEET_FUNCTIONS } from '../src/sheets/spec.ts';
import { gsBundle } from '../tsup.config.ts';

let dir = '';
let code = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-gs-'));
  await build({ ...gsBundle(dir), config: false, silent: true });
  code = readFileSync(join(dir, 'kefu.gs.js'), 'utf8');
}, 120_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** A fresh, bare script context with the bundle loaded, as an Apps Script project with the file pasted in. */
function sheet(): vm.Context {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'kefu.gs.js' });
  return context;
}

/** Runs `expression` in the context and returns its value as JSON (Dates as ISO text, in UTC). */
function run(context: vm.Context, expression: string): unknown {
  return JSON.parse(vm.runInContext(`JSON.stringify(${expression})`, context) as string);
}

// Formulas as a sheet would call them: ranges are arrays of rows, date-time cells are Dates.
const CALLS = [
  'KEFU_RECEPTIONS([[10000], [7], [""], [-1]], 0.4, 0.25, 0.3)',
  'KEFU_ERLANG_SL(100, 180, 1800, [[11], [14]], 20)',
  'KEFU_ERLANG_C(100, 180, 1800, [[14], [10]], 20)',
  'KEFU_AGENTS([[100], [1000], [""], [-5]], 180, 1800, 0.8, 20, 1, 0.3)',
  'KEFU_CHAT_AGENTS(9600, 3600, [[240, 300, 360]], 0.8, 30, "balanced")',
  'KEFU_REFUND_REASON([["发错货了"], ["質量太差"], [""], [12]])',
  'KEFU_REFUND_BUCKET([["WRONG_ITEM"], ["CHANGED_MIND"], ["nope"]])',
  'KEFU_ALLOCATE(100, [[1, 1, 1], [2, "", -1]])',
  'KEFU_ALLOCATE(100, [[1], [1], [1]])',
  'KEFU_PAYOUT([[33750], [60000], [""]], 30000, [[0.8, 0], [1, 500, "base"], [1.3, 1500, "challenge"], [1.6, 2400]])',
  'KEFU_CHASE_NEXT(new Date("2026-11-11T00:20:00+08:00"), [["T1001"], ["T1002"], ["T1006"]], [["lin"], ["lin"], ["chen"]], [[new Date("2026-11-11T00:03:00+08:00")], [new Date("2026-11-11T00:05:00+08:00")], [new Date("2026-11-11T00:02:00+08:00")]], [[new Date("2026-11-12T00:03:00+08:00")], ["2026-11-14T00:05:00+08:00"], [""]], [[""], [""], [true]])',
  'KEFU_REVIEW_DEADLINE([["差评"], ["neutral"]], [[new Date("2026-11-13T20:15:00+08:00")], ["2026-11-12T10:00:00+08:00"]], new Date("2026-11-16T17:45:00+08:00"))',
  'KEFU_ESCALATE([["prepared"], ["sudden"]], [["powerOrNetworkLoss"], ["brandIncident"]], new Date("2026-11-11T00:05:00+08:00"))',
];

describe('dist/kefu.gs.js in a bare script context', () => {
  it('needs no Node or browser API: require, process, module, exports, fetch and TextEncoder are undefined inside', () => {
    const context = sheet();
    expect(run(context, '[typeof require, typeof process, typeof module, typeof exports, typeof fetch, typeof TextEncoder]')).toEqual(new Array(6).fill('undefined'));
    expect(run(context, 'typeof Kefu')).toBe('object');
  });

  it('declares every custom function at the top level, each after a JSDoc block with @customfunction', () => {
    const footer = appsScriptFooter();
    expect(code.endsWith(`${footer}\n`) || code.endsWith(footer)).toBe(true);
    expect(code.indexOf(footer)).toBeGreaterThan(code.indexOf('var Kefu'));
    for (const f of SHEET_FUNCTIONS) {
      expect(code, f.name).toMatch(new RegExp(String.raw` \* @customfunction\n \*/\nfunction ${f.name}\(`));
    }
    const context = sheet();
    expect(run(context, `[${SHEET_FUNCTIONS.map((f) => `typeof ${f.name}`).join(', ')}]`)).toEqual(SHEET_FUNCTIONS.map(() => 'function'));
    expect(run(context, 'Object.keys(Kefu.sheets).filter(function (k) { return /^KEFU_/.test(k); }).sort()')).toEqual(SHEET_FUNCTIONS.map((f) => f.name).sort());
  });

  it('offers the APIs the custom functions stand on as Kefu.<name>', () => {
    const context = sheet();
    const names = ['requiredAgents', 'erlangC', 'receptionsFromFunnel', 'requiredChatAgents', 'classifyRefundReason', 'refundBucket', 'allocate', 'payout', 'planChases', 'reviewDeadline', 'escalate'];
    expect(run(context, `[${names.map((n) => `typeof Kefu.${n}`).join(', ')}]`)).toEqual(names.map(() => 'function'));
    expect(run(context, 'Kefu.requiredAgents({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, serviceLevel: { target: 0.8, answerSeconds: 20 } }).agents')).toBe(14);
    expect(run(context, 'Kefu.allocate(100, { a: 1, b: 1, c: 1 })')).toEqual({ a: '33.34', b: '33.33', c: '33.33' });
  });

  it('every custom function gives in the sandbox what the sources give', () => {
    const context = sheet();
    const names = SHEET_FUNCTIONS.map((f) => f.name);
    const fns = names.map((n) => (sheets as unknown as Record<string, unknown>)[n]);
    for (const call of CALLS) {
      const fromSources: unknown = JSON.parse((new Function(...names, `return JSON.stringify(${call});`) as (...a: unknown[]) => string)(...fns));
      expect(run(context, call), call).toEqual(fromSources);
    }
    // Every declared function is exercised above.
    expect(names.filter((n) => !CALLS.some((c) => c.startsWith(`${n}(`)))).toEqual([]);
  });

  it('computes the numbers of docs/sheets.md on ranges', () => {
    const context = sheet();
    expect(run(context, CALLS[3] as string)).toEqual([[14, 20], [107, 153], ['', ''], ['#KEFU! calls: expected a number >= 0, received -5', '']]);
    expect(run(context, CALLS[2] as string)).toEqual([
      [10, expect.closeTo(0.1741, 4), expect.closeTo(0.8884, 4), expect.closeTo(7.836, 3), expect.closeTo(0.7143, 4), true],
      [10, 1, 0, '∞', 1, false],
    ]);
    expect(run(context, CALLS[5] as string)).toEqual([
      ['WRONG_ITEM', '发错货', 'AVOIDABLE'],
      ['QUALITY_DEFECT', '质量问题', 'EXCHANGEABLE'],
      ['', '', ''],
      ['#KEFU! text: expected a string, received 12', '', ''],
    ]);
    expect(run(context, CALLS[8] as string)).toEqual([['33.34'], ['33.33'], ['33.33']]);
    expect(run(context, CALLS[9] as string)).toEqual([
      ['916.67', 1.125, 'base'],
      ['2400.00', 2, ''],
      ['', '', ''],
    ]);
    // Instants come back as Date cells (shown here in UTC): 00:20 and 00:03 in Shanghai.
    expect(run(context, CALLS[10] as string)).toEqual([
      ['send', 'im', '2026-11-10T16:20:00.000Z', ''],
      ['wait', 'im', '2026-11-11T16:03:00.000Z', 'DEDUPED_SAME_BUYER'],
      ['never', '', '', 'ORDER_PAID'],
    ]);
    expect(run(context, `${CALLS[11] as string}[0]`)).toEqual(['2026-11-16T10:30:00.000Z', 'dueSoon', 45, 'NEXT_SERVICE_DAY_CUTOFF']);
    expect(run(context, CALLS[12] as string)).toEqual([
      ['supervisor', 'it_admin', '2026-11-10T16:20:00.000Z', ''],
      ['director', 'brand_pr', '2026-11-10T18:05:00.000Z', 'legal'],
    ]);
    expect(run(context, 'KEFU_CHASE_NEXT(new Date("2026-11-11T00:20:00+08:00"), [["T1"]], [["a"]], [[new Date("2026-11-11T00:03:00+08:00")]], [[new Date("2026-11-12T00:03:00+08:00")]])[0][2] instanceof Date')).toBe(true);
  });

  it('a malformed call fails the whole formula with a message; a bad row does not', () => {
    const context = sheet();
    const failure = (call: string): unknown => run(context, `(function () { try { ${call}; return 'no error'; } catch (e) { return e.name + ': ' + e.message; } })()`);
    expect(failure('KEFU_AGENTS(100, 180, 1800)')).toBe(
      'KefuError: KEFU_AGENTS: expected 5 to 7 arguments (calls, ahtSeconds, intervalSeconds, serviceLevel, answerSeconds, [maxOccupancy], [shrinkage]), received 3',
    );
    expect(failure('KEFU_AGENTS([[1], [2]], [[180], [180], [180]], 1800, 0.8, 20)')).toBe('KefuError: KEFU_AGENTS: ahtSeconds: expected 2 rows like calls, received 3');
    expect(failure('KEFU_AGENTS([[NaN]], 180, 1800, 0.8, 20)')).toBe('no error');
  });
});

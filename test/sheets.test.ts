// The Google Sheets custom functions, from the sources (no build): the sheet conventions
// (ranges, broadcasting, blank rows, error rows, Dates), each function on single values and
// ranges with the numbers docs/sheets.md quotes, hostile cells, and the footer's single source.
import { fc, test as prop } from '@fast-check/vitest';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { erlangC, requiredChatAgents } from '../src/headcount/index.ts';
import { REFUND_REASONS } from '../src/refunds/index.ts';
import * as sheets from '../src/sheets/index.ts';
import {
  KEFU_AGENTS,
  KEFU_ALLOCATE,
  KEFU_CHASE_NEXT,
  KEFU_CHAT_AGENTS,
  KEFU_ERLANG_C,
  KEFU_ERLANG_SL,
  KEFU_ESCALATE,
  KEFU_PAYOUT,
  KEFU_RECEPTIONS,
  KEFU_REFUND_BUCKET,
  KEFU_REFUND_REASON,
  KEFU_REVIEW_DEADLINE,
  SHEET_SIGNATURES,
  type SheetCell,
  type SheetResult,
} from '../src/sheets/index.ts';
import { appsScriptFooter, SHEET_FUNCTIONS } from '../src/sheets/spec.ts';
import { kefuErrorOf } from './kefu-error.ts';

const at = (iso: string): Date => new Date(iso);
/** A column range from values. */
const col = (...cells: SheetCell[]): SheetCell[][] => cells.map((c) => [c]);
const errorOf = (result: SheetResult, row = 0): string => String(result[row]?.[0]);
const anyCall = (fn: unknown, args: readonly unknown[]): SheetResult => (fn as (...a: unknown[]) => SheetResult)(...args);

describe('the footer and the functions come from one spec', () => {
  const exported = Object.keys(sheets)
    .filter((k) => k.startsWith('KEFU_'))
    .sort();

  it('the footer declares exactly the functions src/sheets exports, each once, with @customfunction', () => {
    const footer = appsScriptFooter();
    const declared = [...footer.matchAll(/^function (KEFU_\w+)\(/gm)].map((m) => m[1]).sort();
    expect(declared).toEqual(exported);
    expect(SHEET_FUNCTIONS.map((f) => f.name).sort()).toEqual(exported);
    expect(Object.keys(SHEET_SIGNATURES).sort()).toEqual(exported);
    for (const name of exported) {
      const block = new RegExp(String.raw`/\*\*\n((?: \*.*\n)+?) \*/\nfunction ${name}\(([^)]*)\) \{\n  return Kefu\.sheets\.${name}\.apply\(null, arguments\);\n\}`).exec(footer);
      expect(block, name).not.toBeNull();
      const [, doc = '', params = ''] = block ?? [];
      expect(doc, name).toContain(' * @customfunction\n');
      const names = SHEET_SIGNATURES[name as keyof typeof SHEET_SIGNATURES].map((p) => p.replace(/^\[(.*)\]$/, '$1'));
      expect(params.split(', '), name).toEqual(names);
      const documented = [...doc.matchAll(/@param \{\w+\} (\[?\w+\]?) \S/g)].map((m) => m[1]);
      expect(documented, name).toEqual([...SHEET_SIGNATURES[name as keyof typeof SHEET_SIGNATURES]]);
    }
  });

  it('the footer is a valid script whose functions pass their arguments to Kefu.sheets', () => {
    const calls: unknown[] = [];
    const context = vm.createContext({ Kefu: { sheets: new Proxy({}, { get: (_t, name) => (...args: unknown[]) => calls.push([name, args.length]) }) } });
    vm.runInContext(appsScriptFooter(), context);
    vm.runInContext('KEFU_AGENTS(1, 2, 3, 4, 5); KEFU_REFUND_REASON("x")', context);
    expect(calls).toEqual([
      ['KEFU_AGENTS', 5],
      ['KEFU_REFUND_REASON', 1],
    ]);
  });

  it('every function has a one-line description and described arguments; optional ones come last', () => {
    for (const f of SHEET_FUNCTIONS) {
      expect(f.description, f.name).toMatch(/^[A-Z].{10,100}\.$/);
      expect(f.returns.length, f.name).toBeGreaterThan(0);
      const firstOptional = f.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional), f.name).toBe(true);
      for (const p of f.params) {
        expect(p.name, f.name).toMatch(/^[a-z][A-Za-z]*$/);
        expect(p.description, `${f.name} ${p.name}`).toMatch(/\S.*\.$/);
        expect(p.type, `${f.name} ${p.name}`).toMatch(/^(number|string|Date|boolean|Array)$/);
      }
    }
  });

  it('a wrong number of arguments fails the whole call, naming the arguments', () => {
    for (const f of SHEET_FUNCTIONS) {
      const fn = (sheets as unknown as Record<string, unknown>)[f.name];
      const required = f.params.filter((p) => !p.optional).length;
      const few = kefuErrorOf(() => anyCall(fn, new Array(required - 1).fill(1)));
      expect(few.message, f.name).toContain(`${f.name}: expected ${required}`);
      expect(few.message, f.name).toContain(f.params[0]?.name);
      kefuErrorOf(() => anyCall(fn, new Array(f.params.length + 1).fill(1)));
    }
  });
});

describe('sheet conventions', () => {
  it('single values broadcast over the rows of the ranges; a one-cell range too', () => {
    expect(KEFU_AGENTS(col(100, 1000), [[180]], 1800, 0.8, 20)).toEqual([
      [14, 14],
      [107, 107],
    ]);
  });

  it('a single value in, one row out', () => {
    expect(KEFU_AGENTS(100, 180, 1800, 0.8, 20)).toEqual([[14, 14]]);
  });

  it('a flat array (from a script) reads as a column', () => {
    expect(KEFU_AGENTS([100, 1000], 180, 1800, 0.8, 20)).toEqual([
      [14, 14],
      [107, 107],
    ]);
  });

  it('ranges of different lengths, or wider than one column, fail the whole call', () => {
    expect(kefuErrorOf(() => KEFU_AGENTS(col(1, 2), col(1, 2, 3), 1800, 0.8, 20)).message).toBe('KEFU_AGENTS: ahtSeconds: expected 2 rows like calls, received 3');
    expect(kefuErrorOf(() => KEFU_AGENTS([[1, 2]], 180, 1800, 0.8, 20)).message).toBe('KEFU_AGENTS: calls: expected a single column, received 2');
    kefuErrorOf(() => KEFU_AGENTS([], 180, 1800, 0.8, 20));
    kefuErrorOf(() => KEFU_AGENTS([[1], 2] as unknown as SheetCell[][], 180, 1800, 0.8, 20));
  });

  it('blank rows give blank rows; a bad row gives its error and the rows around it still compute', () => {
    expect(KEFU_AGENTS(col(100, '', -5, null, 1000), 180, 1800, 0.8, 20)).toEqual([
      [14, 14],
      ['', ''],
      ['#KEFU! calls: expected a number >= 0, received -5', ''],
      ['', ''],
      [107, 107],
    ]);
  });

  it('a row is blank only when every range is blank in it', () => {
    // calls blank but the shrinkage range has a value: the row is not blank, and says why.
    expect(KEFU_AGENTS(col('', 100), 180, 1800, 0.8, 20, 1, col(0.3, 0.3))).toEqual([
      ['#KEFU! calls: expected a number, received nothing', ''],
      [14, 20],
    ]);
  });

  it('percentages arrive as fractions: 80 is refused, not read as 80%', () => {
    expect(errorOf(KEFU_AGENTS(100, 180, 1800, 80, 20))).toBe('#KEFU! serviceLevel: expected a number < 1, received 80');
  });

  it('text that looks like a number is refused (a locale decimal comma arrives as text)', () => {
    expect(errorOf(KEFU_AGENTS('100', 180, 1800, 0.8, 20))).toBe('#KEFU! calls: expected a number, received "100"');
    expect(errorOf(KEFU_AGENTS(100, 180, 1800, '0,8', 20))).toBe('#KEFU! serviceLevel: expected a number, received "0,8"');
  });

  it('Dates from another realm (the Apps Script frame, a sandbox) are read as Dates', () => {
    const foreign = vm.runInNewContext('new Date("2026-11-12T10:00:00+08:00")') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(KEFU_REVIEW_DEADLINE('negative', foreign)).toEqual([[at('2026-11-12T18:30:00+08:00'), '', '', 'SAME_DAY_CUTOFF']]);
  });

  it('a number where a date-time belongs is refused: in a sheet it is a date serial, not epoch milliseconds', () => {
    expect(errorOf(KEFU_REVIEW_DEADLINE('negative', 46338))).toBe(
      '#KEFU! receivedAt: expected a date-time: a date cell, or ISO 8601 text with an offset such as "2026-11-11T00:00:00+08:00", received 46338',
    );
    expect(errorOf(KEFU_REVIEW_DEADLINE('negative', '2026-11-12 10:00'))).toContain('received "2026-11-12 10:00"');
    expect(errorOf(KEFU_REVIEW_DEADLINE('negative', new Date(Number.NaN)))).toContain('received an invalid date');
  });
});

describe('KEFU_RECEPTIONS', () => {
  it('HC-1: receptions = ceil(buyers × csShare ÷ inquiryConversion), exact; the bot share comes off', () => {
    expect(KEFU_RECEPTIONS(col(10000, 7), 0.4, 0.25, 0.3)).toEqual([
      [16000, 4800, 11200],
      [12, 3, 9],
    ]);
    // 7 × 0.3 ÷ 0.7 is exactly 3 (floating point would give 3.0000000000000004 and a ceiling of 4).
    expect(KEFU_RECEPTIONS(7, 0.3, 0.7)).toEqual([[3, 0, 3]]);
  });

  it('HC-2: a blank csShare is 0.4; a blank buyers cell is an error', () => {
    expect(KEFU_RECEPTIONS(10000, '', 0.25)).toEqual([[16000, 0, 16000]]);
    expect(KEFU_RECEPTIONS(col(10000, ''), col(0.4, 0.4), 0.25)).toEqual([
      [16000, 0, 16000],
      ['#KEFU! buyers: expected a whole number >= 0, received a blank cell', '', ''],
    ]);
  });

  it('fractional buyers and a conversion above 1 are errors in their rows', () => {
    expect(KEFU_RECEPTIONS(col(10.5, 10), 0.4, col(0.25, 1.5))).toEqual([
      ['#KEFU! buyers: expected an integer, received 10.5', '', ''],
      ['#KEFU! inquiryConversion: expected a number <= 1, received 1.5', '', ''],
    ]);
  });
});

describe('KEFU_ERLANG_SL and KEFU_ERLANG_C', () => {
  it('the service level at 11 and 14 agents for 100 calls of 180 s per half hour', () => {
    const result = KEFU_ERLANG_SL(100, 180, 1800, col(11, 14), 20);
    expect(result[0]?.[0]).toBeCloseTo(0.3896, 4);
    expect(result[1]?.[0]).toBeCloseTo(0.8884, 4);
    expect(result[1]?.[0]).toBe(erlangC({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14 }).serviceLevel);
  });

  it('a blank threshold is 20 seconds', () => {
    expect(KEFU_ERLANG_SL(100, 180, 1800, 14, '')).toEqual(KEFU_ERLANG_SL(100, 180, 1800, 14, 20));
  });

  it('Erlang C columns match erlangC; an unstable queue shows ∞ and FALSE', () => {
    const m = erlangC({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, agents: 14 });
    expect(KEFU_ERLANG_C(100, 180, 1800, col(14, 10), 20)).toEqual([
      [10, m.probWait, m.serviceLevel, m.asaSeconds, m.occupancy, true],
      [10, 1, 0, '∞', 1, false],
    ]);
    expect(KEFU_ERLANG_SL(100, 180, 1800, 10, 20)).toEqual([[0]]);
  });

  it('hostile agents are errors in their rows', () => {
    expect(KEFU_ERLANG_C(100, 180, 1800, col(-1, Number.NaN, 'x'), 20).map((r) => r[0])).toEqual([
      '#KEFU! agents: expected a number >= 0, received -1',
      '#KEFU! agents: expected a finite number, received NaN',
      '#KEFU! agents: expected a number, received "x"',
    ]);
  });
});

describe('KEFU_AGENTS', () => {
  it('productive agents for 80/20 and seats after 30% shrinkage', () => {
    expect(KEFU_AGENTS(col(100, 1000), 180, 1800, 0.8, 20, 1, 0.3)).toEqual([
      [14, 20],
      [107, 153],
    ]);
  });

  it('HC-5: 21 Erlangs under a 70% occupancy cap need exactly 30 agents (no float ceiling trap)', () => {
    expect(KEFU_AGENTS(420, 180, 3600, 0.8, 20, 0.7)).toEqual([[30, 30]]);
  });

  it('errors name the sheet argument, not the API path', () => {
    expect(KEFU_AGENTS(100, 180, 1800, col(1, 0.8), col(20, -1)).map((r) => r[0])).toEqual([
      '#KEFU! serviceLevel: expected a number < 1, received 1',
      '#KEFU! answerSeconds: expected a number >= 0, received -1',
    ]);
    expect(errorOf(KEFU_AGENTS(100, 180, 1800, 0.8, 20, 1.2))).toBe('#KEFU! maxOccupancy: expected a number <= 1, received 1.2');
  });

  it('a load beyond any team is an error in its row, not a failed sheet', () => {
    expect(errorOf(KEFU_AGENTS(1e12, 180, 1800, 0.8, 20))).toBe('#KEFU! calls: expected an offered load (calls × ahtSeconds ÷ intervalSeconds) of at most 1,000,000 Erlangs, received 100000000000');
  });
});

describe('KEFU_CHAT_AGENTS', () => {
  const direct = requiredChatAgents({ chats: 9600, intervalSeconds: 3600, ahtSecondsByConcurrency: [240, 300, 360], serviceLevel: { target: 0.8, answerSeconds: 30 }, model: 'balanced' });

  it('a row of durations per row, or one row for all, trailing blanks dropped', () => {
    const row = [direct.agents, direct.scheduled, direct.serviceLevel, direct.asaSeconds, direct.chatsPerAgent];
    expect(KEFU_CHAT_AGENTS(9600, 3600, [[240, 300, 360, '']], 0.8, 30, 'balanced')).toEqual([row]);
    expect(KEFU_CHAT_AGENTS(col(9600, 9600), 3600, [[240, 300, 360], [240, 300, 360]], 0.8, 30, 'balanced')).toEqual([row, row]);
    expect(row[0]).toBe(324);
  });

  it('a bad duration names its cell; the model has no default', () => {
    expect(errorOf(KEFU_CHAT_AGENTS(9600, 3600, [[240, -300, 360]], 0.8, 30, 'balanced'))).toBe('#KEFU! ahtSecondsByConcurrency (cell 2): expected a number > 0, received -300');
    expect(errorOf(KEFU_CHAT_AGENTS(9600, 3600, [[240]], 0.8, 30, ''))).toBe('#KEFU! model: expected one of "slot", "balanced", "effective-aht", received nothing');
  });
});

describe('KEFU_REFUND_REASON and KEFU_REFUND_BUCKET', () => {
  it('RF-1, RF-2: code, zh-CN label and bucket per text; blank texts stay blank', () => {
    expect(KEFU_REFUND_REASON(col('发错货了', '', '质量太差，开线了'))).toEqual([
      ['WRONG_ITEM', REFUND_REASONS.WRONG_ITEM.label['zh-CN'], 'AVOIDABLE'],
      ['', '', ''],
      ['QUALITY_DEFECT', REFUND_REASONS.QUALITY_DEFECT.label['zh-CN'], 'EXCHANGEABLE'],
    ]);
    expect(REFUND_REASONS.WRONG_ITEM.label['zh-CN']).toBe('发错货');
  });

  it('RF-2: the order state resolves 没收到; a state beside a blank text is still a blank row', () => {
    expect(KEFU_REFUND_REASON(col('没收到', '没收到', ''), col('unshipped', 'received', 'shipped')).map((r) => r[0])).toEqual(['LATE_SHIPMENT', 'LOST_PARCEL', '']);
    expect(errorOf(KEFU_REFUND_REASON('没收到', 'lost'))).toBe('#KEFU! orderState: expected one of "unshipped", "shipped", "received", received "lost"');
  });

  it('a cell that is not text is an error in its row; text nothing matches is OTHER', () => {
    expect(KEFU_REFUND_REASON(col(12, true, 'zzz')).map((r) => r[0])).toEqual(['#KEFU! text: expected a string, received 12', '#KEFU! text: expected a string, received true', 'OTHER']);
  });

  it('RF-1: buckets of codes; an unknown code is an error in its row', () => {
    expect(KEFU_REFUND_BUCKET(col('WRONG_ITEM', 'CHANGED_MIND', '', 'wrong_item'))).toEqual([
      ['AVOIDABLE'],
      ['REFUND_ONLY'],
      [''],
      ['#KEFU! code: expected one of the 28 reason codes, such as "WRONG_ITEM", received "wrong_item"'],
    ]);
  });
});

describe('KEFU_ALLOCATE', () => {
  it('KPI-4: exact shares as text in the shape of the weights; the earlier cell wins a tie', () => {
    expect(KEFU_ALLOCATE(100, col(1, 1, 1))).toEqual([['33.34'], ['33.33'], ['33.33']]);
    expect(KEFU_ALLOCATE(100, [[1, 1, 1]])).toEqual([['33.34', '33.33', '33.33']]);
    expect(KEFU_ALLOCATE('0.05', [[1, 1]])).toEqual([['0.03', '0.02']]);
  });

  it('KPI-4: a block with blanks; blank weights get blank shares; whole yuan', () => {
    expect(
      KEFU_ALLOCATE(10000, [
        [3, ''],
        [2, 5],
      ]),
    ).toEqual([
      ['3000.00', ''],
      ['2000.00', '5000.00'],
    ]);
    expect(KEFU_ALLOCATE(10, col(1, 1, 1), 1)).toEqual([['4'], ['3'], ['3']]);
    expect(KEFU_ALLOCATE(10, col('', ''))).toEqual([[''], ['']]);
  });

  it('ids keep row-major order past ten rows and columns (ties still go to the earlier cell)', () => {
    const weights = Array.from({ length: 12 }, () => [1]);
    const shares = KEFU_ALLOCATE('0.11', weights).map((r) => r[0]);
    expect(shares).toEqual([...new Array(11).fill('0.01'), '0.00']);
  });

  it('a bad weight, total or unit is written into every share cell, naming the cell', () => {
    const bad = 'weights (row 2, column 2): expected a weight >= 0, received -1';
    expect(
      KEFU_ALLOCATE(100, [
        [1, 2],
        ['', -1],
      ]),
    ).toEqual([
      [`#KEFU! ${bad}`, `#KEFU! ${bad}`],
      ['', `#KEFU! ${bad}`],
    ]);
    expect(errorOf(KEFU_ALLOCATE('100.005', col(1, 1)))).toBe('#KEFU! total: expected a multiple of the unit 0.01, received "100.005"');
    expect(errorOf(KEFU_ALLOCATE(100, col(0, 0)))).toBe('#KEFU! weights: expected weights with a positive sum, received only zero weights');
    expect(errorOf(KEFU_ALLOCATE(100, col(1), 'x'))).toMatch(/^#KEFU! unit: /);
  });

  it('a total must be one value', () => {
    kefuErrorOf(() => KEFU_ALLOCATE(col(1, 2), col(1, 1)));
  });

  prop.prop([fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant('')), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 })], { numRuns: 150 })(
    'KPI-4: the shares sum to the total, in the weights\' shape, blank where the weight is',
    (cents, grid) => {
      const width = grid[0]?.length ?? 1;
      const weights = grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
      const total = (cents / 100).toFixed(2);
      const out = KEFU_ALLOCATE(total, weights);
      expect(out.map((r) => r.length)).toEqual(weights.map((r) => r.length));
      const cells = out.flat();
      weights.flat().forEach((w, i) => {
        if (w === '') expect(cells[i]).toBe('');
      });
      const positive = weights.flat().some((w) => typeof w === 'number' && w > 0);
      if (!positive) {
        expect(cells.every((c) => c === '' || String(c).startsWith('#KEFU! weights: '))).toBe(true);
        return;
      }
      const sum = cells.filter((c) => c !== '').reduce<number>((s, c) => s + Math.round(Number(c) * 100), 0);
      expect(sum).toBe(cents);
    },
  );
});

describe('KEFU_PAYOUT', () => {
  // docs/kpi.md: nothing at 80%, 500 at the base target, 1,500 at the challenge, 2,400 at 160%.
  const curve = [
    [0.8, 0],
    [1, 500, 'base'],
    [1.3, 1500, 'challenge'],
    [1.6, 2400],
  ];

  it('KPI-5: a curve, linear between the points, flat after the last; blank rows blank', () => {
    expect(KEFU_PAYOUT(col('33750.00', 60000, 20000, ''), 30000, curve)).toEqual([
      ['916.67', 1.125, 'base'],
      ['2400.00', 2, ''],
      ['0.00', 2 / 3, ''],
      ['', '', ''],
    ]);
  });

  it('KPI-5: steps and marginal bands, with a cap', () => {
    const steps = [
      [1, 500, 'base'],
      [1.3, 1500, 'challenge'],
    ];
    expect(KEFU_PAYOUT(col('29999.00', 39000), 30000, steps, 'steps').map((r) => r[0])).toEqual(['0.00', '1500.00']);
    const bands = [
      [0, 0.01],
      [1, 0.02],
      [1.3, 0.03, 'challenge'],
    ];
    expect(KEFU_PAYOUT(42000, 30000, bands, 'bands', 2000)).toEqual([['570.00', 1.4, 'challenge']]);
    expect(KEFU_PAYOUT(300000, 30000, bands, 'bands', 2000)[0]?.[0]).toBe('2000.00');
  });

  it('KPI-2: a schedule that pays less for more is an error in every row, naming the schedule row', () => {
    const falling = [
      [0.8, 0],
      ['', ''],
      [1, 500],
      [1.3, 300],
    ];
    expect(KEFU_PAYOUT(col(1, 2), 1, falling).map((r) => r[0])).toEqual([
      '#KEFU! schedule (row 4, amount): expected at least 500: more attainment never pays less (KPI-2), received 300',
      '#KEFU! schedule (row 4, amount): expected at least 500: more attainment never pays less (KPI-2), received 300',
    ]);
    expect(errorOf(KEFU_PAYOUT(1, 1, curve, 'linear'))).toBe('#KEFU! kind: expected one of "curve", "steps", "bands", received "linear"');
    expect(errorOf(KEFU_PAYOUT(1, 0, curve))).toBe('#KEFU! target: expected a target > 0, received 0');
  });

  it('a schedule that is not a range of 2 or 3 columns fails the whole call', () => {
    kefuErrorOf(() => KEFU_PAYOUT(1, 1, 5));
    kefuErrorOf(() => KEFU_PAYOUT(1, 1, [[1, 2, 'a', 4]]));
  });
});

describe('KEFU_CHASE_NEXT', () => {
  // docs/chase.md's 00:20 on Double 11, as a sheet: one order per row.
  const now = at('2026-11-11T00:20:00+08:00');
  const t = (hhmm: string): Date => at(`2026-11-11T${hhmm}:00+08:00`);
  const next = (hhmm: string): Date => at(`2026-11-12T${hhmm}:00+08:00`);

  it('CH-2, CH-4, CH-13: send now, wait for the representative, never after another order was paid', () => {
    const result = KEFU_CHASE_NEXT(
      now,
      col('T1001', 'T1002', 'T1003', '', 'T1005', 'T1006'),
      col('lin', 'lin', 'wang', '', 'chen', 'chen'),
      col(t('00:03'), t('00:05'), t('00:12'), '', t('00:01'), t('00:02')),
      col(next('00:03'), '2026-11-14T00:05:00+08:00', t('00:42'), '', next('00:01'), ''),
      col('', false, '', '', '', t('00:10')),
      col('299.00', 89, 59.9, '', '', ''),
    );
    expect(result).toEqual([
      ['send', 'im', now, ''],
      ['wait', 'im', next('00:03'), 'DEDUPED_SAME_BUYER'],
      ['send', 'im', now, ''],
      ['', '', '', ''],
      ['never', '', '', 'BUYER_PAID_OTHER_ORDER'],
      ['never', '', '', 'ORDER_PAID'],
    ]);
  });

  it('CH-13: an order placed four minutes ago waits for its IM; CH-2: none without a close time', () => {
    expect(KEFU_CHASE_NEXT(now, col('T1004', 'T1010'), col('zhao', 'sun'), col(t('00:16'), t('00:10')), col(next('00:16'), ''))).toEqual([
      ['wait', 'im', t('00:21'), 'TOO_EARLY'],
      ['never', '', '', 'DEADLINE_UNKNOWN'],
    ]);
  });

  it('CH-4: paid TRUE (time unknown) counts as paid at now and stops the buyer\'s other orders', () => {
    expect(KEFU_CHASE_NEXT(now, col('A', 'B'), col('lin', 'lin'), col(t('00:03'), t('00:05')), col(next('00:03'), next('00:05')), col('', true)).map((r) => [r[0], r[3]])).toEqual([
      ['never', 'BUYER_PAID_OTHER_ORDER'],
      ['never', 'ORDER_PAID'],
    ]);
  });

  it('bad rows get their errors and the other rows are still planned together', () => {
    const result = KEFU_CHASE_NEXT(
      now,
      col('T1', 'T2', 'T1', 'T3', 12345678901234567890, 'T5', 'T6'),
      col('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      col(t('00:03'), t('00:30'), t('00:03'), 46338, t('00:03'), t('00:03'), t('00:03')),
      col(next('00:03'), next('00:30'), next('00:03'), next('00:03'), next('00:03'), t('00:01'), next('00:03')),
      col('', '', '', '', '', '', 'yes'),
    );
    expect(result.map((r) => r[0])).toEqual([
      'send',
      '#KEFU! createdAt: expected an instant at or before now (the order cannot be placed in the future)',
      '#KEFU! orderId: expected a unique order id, received "T1" again',
      '#KEFU! createdAt: expected a date-time: a date cell, or ISO 8601 text with an offset such as "2026-11-11T00:00:00+08:00", received 46338',
      '#KEFU! orderId: expected text: 12345678901234567000 has more digits than a number cell keeps (format the column as plain text)',
      '#KEFU! closesAt: expected an instant after createdAt',
      '#KEFU! paid: expected TRUE, FALSE or the payment time, received "yes"',
    ]);
  });

  it('order ids typed as numbers are read as text; rows with different nows are planned apart', () => {
    const result = KEFU_CHASE_NEXT(col(now, at('2026-11-12T00:10:00+08:00')), col(1001, 1002), 'lin', t('00:03'), next('00:03'));
    expect(result.map((r) => r[0])).toEqual(['send', 'never']);
    expect(result[1]?.[3]).toBe('PAST_AUTO_CLOSE');
  });

  it('a blank now is an error in every order row', () => {
    expect(KEFU_CHASE_NEXT('', col('T1'), col('a'), col(t('00:03')), col(next('00:03')))[0]?.[0]).toMatch(/^#KEFU! now: expected a date-time/);
  });
});

describe('KEFU_REVIEW_DEADLINE', () => {
  it('SLA-1: the cut-off, the next service day after a weekend, the state at now', () => {
    expect(
      KEFU_REVIEW_DEADLINE(col('negative', '差评', '中评'), col(at('2026-11-13T20:15:00+08:00'), at('2026-11-12T10:00:00+08:00'), '2026-02-14T19:00:00+08:00'), at('2026-11-16T17:45:00+08:00')),
    ).toEqual([
      [at('2026-11-16T18:30:00+08:00'), 'dueSoon', 45, 'NEXT_SERVICE_DAY_CUTOFF'],
      [at('2026-11-12T18:30:00+08:00'), 'overdue', -5715, 'SAME_DAY_CUTOFF'],
      [at('2026-02-17T19:00:00+08:00'), 'overdue', -391605, 'MAX_DAYS'],
    ]);
    expect(errorOf(KEFU_REVIEW_DEADLINE('negative', at('2026-11-17T10:00:00+08:00'), at('2026-11-16T17:45:00+08:00')))).toBe('#KEFU! receivedAt: expected an instant at or before now (a review cannot arrive after now)');
  });

  it('SLA-1: without now the state is blank; unreachable buyers 3 days; unresolvable before the window closes', () => {
    const received = at('2026-11-12T10:00:00+08:00');
    expect(KEFU_REVIEW_DEADLINE('negative', received, '', col(false, true, ''), col('', '', true))).toEqual([
      [at('2026-11-12T18:30:00+08:00'), '', '', 'SAME_DAY_CUTOFF'],
      [at('2026-11-15T10:00:00+08:00'), '', '', 'MAX_DAYS'],
      [at('2026-12-12T10:00:00+08:00'), '', '', 'REVIEW_WINDOW'],
    ]);
  });

  it('a positive review, a non-boolean flag and a year without holiday data are errors in their rows', () => {
    expect(KEFU_REVIEW_DEADLINE(col('positive', 'negative', 'negative'), col(at('2026-11-12T10:00:00+08:00'), at('2026-11-12T10:00:00+08:00'), at('2027-03-02T10:00:00+08:00')), '', col('', 'yes', '')).map((r) => r[0])).toEqual([
      '#KEFU! rating: expected one of "neutral", "negative", received "positive"',
      '#KEFU! buyerUnreachable: expected TRUE or FALSE, received "yes"',
      expect.stringMatching(/^#KEFU! receivedAt: the cnWorkdays calendar needs 2027-03-02/),
    ]);
  });
});

describe('KEFU_ESCALATE', () => {
  it('SLA-3: level, owner, due instant and who else is told, from the default matrix', () => {
    expect(KEFU_ESCALATE(col('prepared', 'sudden', 'publicOpinion'), col('powerOrNetworkLoss', 'brandIncident', 'warehouseOrCourierFailure'), at('2026-11-11T00:05:00+08:00'), col('', '', 'damaged'))).toEqual([
      ['supervisor', 'it_admin', at('2026-11-11T00:20:00+08:00'), ''],
      ['director', 'brand_pr', at('2026-11-11T02:05:00+08:00'), 'legal'],
      ['director', 'brand_pr', at('2026-11-11T04:05:00+08:00'), 'warehouse_logistics'],
    ]);
  });

  it('errors name the sheet argument', () => {
    expect(KEFU_ESCALATE('sudden', col('flood', 'platformOutage'), '2026-11-11T00:05:00+08:00', col('', 'damaged')).map((r) => r[0])).toEqual([
      expect.stringMatching(/^#KEFU! emergencyClass: expected one of "platformOutage"/),
      expect.stringMatching(/^#KEFU! situation: expected one of /),
    ]);
  });
});

describe('hostile cells never fail the sheet', () => {
  const hostile = fc.oneof(
    fc.constantFrom<SheetCell>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, 1e15, 2 ** 53, 1e-300, '', ' ', 'abc', '1,5', '💥', true, false, null, undefined, new Date(Number.NaN)),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 12 }),
    fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: false }),
  );
  const rows = fc.array(hostile, { minLength: 1, maxLength: 6 });
  const check = (out: SheetResult, n: number, width: number): void => {
    expect(out).toHaveLength(n);
    for (const row of out) {
      expect(row).toHaveLength(width);
      for (const cell of row) {
        if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
        if (typeof cell === 'string') expect(cell).not.toContain('unexpected error');
      }
      if (typeof row[0] === 'string' && row[0].startsWith('#KEFU!')) expect(row[0]).toMatch(/^#KEFU! \S/);
    }
  };

  prop.prop([rows, hostile, hostile], { numRuns: 100 })('staffing: every row is a result, an error text or blank', (calls, aht, share) => {
    check(KEFU_AGENTS(col(...calls), aht, 1800, share, 20, '', ''), calls.length, 2);
    check(KEFU_RECEPTIONS(col(...calls), share, 0.25, ''), calls.length, 3);
    check(KEFU_ERLANG_C(col(...calls), 180, 1800, 15, aht), calls.length, 6);
    check(KEFU_ERLANG_SL(100, aht, 1800, col(...calls.map((c) => (typeof c === 'number' && Math.abs(c) > 1e5 ? 12 : c))), 20), calls.length, 1);
  });

  prop.prop([rows, hostile], { numRuns: 100 })('refunds, payouts and shares', (cells, other) => {
    check(KEFU_REFUND_REASON(col(...cells), other), cells.length, 3);
    check(KEFU_REFUND_BUCKET(col(...cells)), cells.length, 1);
    check(KEFU_PAYOUT(col(...cells), other, [[0.8, 0], [1, 500]]), cells.length, 3);
    check(KEFU_ALLOCATE(other, col(...cells)), cells.length, 1);
  });

  prop.prop([rows, hostile], { numRuns: 100 })('dates: reviews, escalations, chases', (cells, other) => {
    check(KEFU_REVIEW_DEADLINE('negative', col(...cells), other, other), cells.length, 4);
    check(KEFU_ESCALATE('sudden', 'platformOutage', col(...cells)), cells.length, 4);
    check(KEFU_CHASE_NEXT(at('2026-11-11T00:20:00+08:00'), col(...cells.map((_, i) => `o${i}`)), 'b', col(...cells), other, other, other), cells.length, 4);
  });
});

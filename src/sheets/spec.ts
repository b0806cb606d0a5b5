// The one description of the spreadsheet functions: their names and arguments (which every
// KEFU_* function checks its calls against), the line and argument help the sheet's autocomplete
// shows, and the result columns. The Apps Script footer of dist/kefu.gs.js is generated from it
// (tsup.config.ts), so the declarations a sheet sees cannot drift from what the bundle runs; the
// type of the help makes TypeScript reject help that misses or adds an argument. Pure data and
// string building, no imports: the build configuration loads it, and the bundle keeps only the
// signatures (the help text lives in the footer, not twice in the file).

/**
 * The arguments of every spreadsheet function, in order; an optional one is written `[name]`
 * (only trailing arguments are optional).
 *
 * @example
 * ```ts
 * SHEET_SIGNATURES.KEFU_AGENTS; // ['calls', 'ahtSeconds', 'intervalSeconds', 'serviceLevel', 'answerSeconds', '[maxOccupancy]', '[shrinkage]']
 * ```
 */
export const SHEET_SIGNATURES = {
  KEFU_RECEPTIONS: ['buyers', 'csShare', 'inquiryConversion', '[botShare]'],
  KEFU_ERLANG_SL: ['calls', 'ahtSeconds', 'intervalSeconds', 'agents', 'targetAnswerSeconds'],
  KEFU_ERLANG_C: ['calls', 'ahtSeconds', 'intervalSeconds', 'agents', 'targetAnswerSeconds'],
  KEFU_AGENTS: ['calls', 'ahtSeconds', 'intervalSeconds', 'serviceLevel', 'answerSeconds', '[maxOccupancy]', '[shrinkage]'],
  KEFU_CHAT_AGENTS: ['chats', 'intervalSeconds', 'ahtSecondsByConcurrency', 'serviceLevel', 'answerSeconds', 'model', '[maxOccupancy]', '[shrinkage]'],
  KEFU_REFUND_REASON: ['text', '[orderState]'],
  KEFU_REFUND_BUCKET: ['code'],
  KEFU_ALLOCATE: ['total', 'weights', '[unit]'],
  KEFU_PAYOUT: ['actual', 'target', 'schedule', '[kind]', '[cap]'],
  KEFU_CHASE_NEXT: ['now', 'orderId', 'buyerId', 'createdAt', 'closesAt', '[paid]', '[amount]'],
  KEFU_REVIEW_DEADLINE: ['rating', 'receivedAt', '[now]', '[buyerUnreachable]', '[unresolvable]'],
  KEFU_ESCALATE: ['type', 'emergencyClass', 'reportedAt', '[situation]'],
} as const;

/**
 * The name of a spreadsheet function.
 *
 * @example
 * ```ts
 * const name: SheetFunctionName = 'KEFU_AGENTS';
 * ```
 */
export type SheetFunctionName = keyof typeof SHEET_SIGNATURES;

/**
 * An argument name of {@link SHEET_SIGNATURES} without the brackets of an optional one.
 *
 * @example
 * ```ts
 * const name: Unbracket<'[shrinkage]'> = 'shrinkage';
 * ```
 */
export type Unbracket<P extends string> = P extends `[${infer N}]` ? N : P;

/**
 * The argument names of a spreadsheet function, optional ones without their brackets.
 *
 * @example
 * ```ts
 * const name: ParamName<'KEFU_AGENTS'> = 'shrinkage';
 * ```
 */
export type ParamName<F extends SheetFunctionName> = Unbracket<(typeof SHEET_SIGNATURES)[F][number]>;

/** The autocomplete help of one function: its line, each argument's type and line, its result columns. */
interface SheetHelp<F extends SheetFunctionName> {
  readonly description: string;
  readonly params: { readonly [P in ParamName<F>]: readonly [type: string, description: string] };
  readonly returns: readonly string[];
}

const HELP: { readonly [F in SheetFunctionName]: SheetHelp<F> } = {
  KEFU_RECEPTIONS: {
    description: 'Receptions customer service must handle for a buyer target (HC-1).',
    params: {
      buyers: ['number', 'Paying buyers targeted.'],
      csShare: ['number', 'Share of buyers who buy through customer service (blank: 0.4).'],
      inquiryConversion: ['number', 'Inquiry conversion, e.g. 0.25.'],
      botShare: ['number', 'Share the bot takes (default 0).'],
    },
    returns: ['receptions', 'botReceptions', 'humanReceptions'],
  },
  KEFU_ERLANG_SL: {
    description: 'Service level at a given number of agents (Erlang C).',
    params: {
      calls: ['number', 'Contacts in the interval.'],
      ahtSeconds: ['number', 'Average handling time, seconds.'],
      intervalSeconds: ['number', 'Interval length, seconds.'],
      agents: ['number', 'Agents on the queue.'],
      targetAnswerSeconds: ['number', 'Answer-time threshold, seconds (blank: 20).'],
    },
    returns: ['serviceLevel'],
  },
  KEFU_ERLANG_C: {
    description: 'Erlang C queue measures at a given number of agents.',
    params: {
      calls: ['number', 'Contacts in the interval.'],
      ahtSeconds: ['number', 'Average handling time, seconds.'],
      intervalSeconds: ['number', 'Interval length, seconds.'],
      agents: ['number', 'Agents on the queue.'],
      targetAnswerSeconds: ['number', 'Answer-time threshold, seconds (blank: 20).'],
    },
    returns: ['trafficErlangs', 'probWait', 'serviceLevel', 'asaSeconds', 'occupancy', 'stable'],
  },
  KEFU_AGENTS: {
    description: 'Agents an interval needs for a service-level target (Erlang C).',
    params: {
      calls: ['number', 'Contacts in the interval.'],
      ahtSeconds: ['number', 'Average handling time, seconds.'],
      intervalSeconds: ['number', 'Interval length, seconds.'],
      serviceLevel: ['number', 'Target share answered in time, e.g. 0.8.'],
      answerSeconds: ['number', 'Answer-time threshold, seconds.'],
      maxOccupancy: ['number', 'Occupancy cap (default 1).'],
      shrinkage: ['number', 'Share of paid time off the queue (default 0).'],
    },
    returns: ['agents', 'scheduled'],
  },
  KEFU_CHAT_AGENTS: {
    description: 'Agents a chat queue needs when agents hold several chats at once.',
    params: {
      chats: ['number', 'Chats in the interval.'],
      intervalSeconds: ['number', 'Interval length, seconds.'],
      ahtSecondsByConcurrency: ['number', 'Chat duration at 1, 2, … chats at once: a row of cells.'],
      serviceLevel: ['number', 'Target share answered in time, e.g. 0.8.'],
      answerSeconds: ['number', 'Answer-time threshold, seconds.'],
      model: ['string', 'slot, balanced or effective-aht.'],
      maxOccupancy: ['number', 'Occupancy cap (default 1).'],
      shrinkage: ['number', 'Share of paid time off the queue (default 0).'],
    },
    returns: ['agents', 'scheduled', 'serviceLevel', 'asaSeconds', 'chatsPerAgent'],
  },
  KEFU_REFUND_REASON: {
    description: 'Refund reason of a refund text (RF-2).',
    params: {
      text: ['string', 'Refund text or memo.'],
      orderState: ['string', 'unshipped, shipped or received.'],
    },
    returns: ['code', 'label', 'bucket'],
  },
  KEFU_REFUND_BUCKET: {
    description: 'RF-1 bucket of a refund reason code.',
    params: { code: ['string', 'A reason code such as WRONG_ITEM.'] },
    returns: ['bucket'],
  },
  KEFU_ALLOCATE: {
    description: 'Splits a total over weights exactly (KPI-4); shares as text, shaped like the weights.',
    params: {
      total: ['number', 'The amount to split.'],
      weights: ['number', 'The weights: a column, row or block.'],
      unit: ['number', 'Shares are multiples of this (default 0.01).'],
    },
    returns: ['share'],
  },
  KEFU_PAYOUT: {
    description: 'Bonus for actual against target under a payout schedule (KPI-5).',
    params: {
      actual: ['number', 'What was achieved, e.g. sales.'],
      target: ['number', 'The target.'],
      schedule: ['Array', 'Rows of attainment, amount and optional label (bands: from, rate).'],
      kind: ['string', 'curve (default), steps or bands.'],
      cap: ['number', 'The most a payout can be.'],
    },
    returns: ['amount', 'attainment', 'tier'],
  },
  KEFU_CHASE_NEXT: {
    description: 'Whether to chase an unpaid order now, on which channel, or when (CH-1 to CH-8).',
    params: {
      now: ['Date', 'The instant to plan at (a cell, not NOW()).'],
      orderId: ['string', 'Order id.'],
      buyerId: ['string', 'Buyer id.'],
      createdAt: ['Date', 'When the order was placed.'],
      closesAt: ['Date', 'When the platform closes it unpaid.'],
      paid: ['boolean', 'TRUE or the payment time if paid.'],
      amount: ['number', 'Amount payable.'],
    },
    returns: ['outcome', 'channel', 'nextAllowedAt', 'reason'],
  },
  KEFU_REVIEW_DEADLINE: {
    description: 'When a neutral or negative review must be handled (SLA-1).',
    params: {
      rating: ['string', 'neutral or negative (中评, 差评).'],
      receivedAt: ['Date', 'When the review arrived.'],
      now: ['Date', 'The instant to report the state at.'],
      buyerUnreachable: ['boolean', 'TRUE if the buyer cannot be reached.'],
      unresolvable: ['boolean', 'TRUE if it is to be explained publicly.'],
    },
    returns: ['deadline', 'state', 'minutesLeft', 'basis'],
  },
  KEFU_ESCALATE: {
    description: 'Where a reported problem is escalated and when a solution is due (SLA-3).',
    params: {
      type: ['string', 'prepared, sudden or publicOpinion.'],
      emergencyClass: ['string', 'SLA-4 class, e.g. warehouseOrCourierFailure.'],
      reportedAt: ['Date', 'When it was reported.'],
      situation: ['string', 'A situation of the class, e.g. massDelay.'],
    },
    returns: ['level', 'owner', 'solutionDueAt', 'notify'],
  },
};

/**
 * One argument of a spreadsheet function, as the autocomplete shows it.
 *
 * @example
 * ```ts
 * const param: SheetParamSpec = { name: 'calls', type: 'number', description: 'Contacts arriving in the interval.', optional: false };
 * ```
 */
export interface SheetParamSpec {
  /** The argument's name, a JavaScript identifier. */
  readonly name: string;
  /** The JSDoc type of one cell (`number`, `string`, `Date`, `boolean`, `Array`). */
  readonly type: string;
  /** One sentence for the autocomplete. */
  readonly description: string;
  /** True when the argument may be left out. */
  readonly optional: boolean;
}

/**
 * One spreadsheet function: its name, arguments, autocomplete line and result columns.
 *
 * @example
 * ```ts
 * const spec: SheetFunctionSpec | undefined = SHEET_FUNCTIONS.find((f) => f.name === 'KEFU_AGENTS');
 * spec?.returns; // ['agents', 'scheduled']
 * ```
 */
export interface SheetFunctionSpec {
  /** How the function is called in a cell. */
  readonly name: SheetFunctionName;
  /** One line for the autocomplete. */
  readonly description: string;
  /** The arguments, in order. */
  readonly params: readonly SheetParamSpec[];
  /** The result columns, left to right (one output row per input row). */
  readonly returns: readonly string[];
}

function buildSpecs(): readonly SheetFunctionSpec[] {
  return (Object.keys(SHEET_SIGNATURES) as SheetFunctionName[]).map((name) => {
    const help = HELP[name] as SheetHelp<SheetFunctionName>;
    const texts = help.params as Readonly<Record<string, readonly [string, string]>>;
    const params = SHEET_SIGNATURES[name].map((raw: string): SheetParamSpec => {
      const optional = raw.startsWith('[');
      const param = optional ? raw.slice(1, -1) : raw;
      const [type, description] = texts[param] ?? ['', ''];
      return { name: param, type, description, optional };
    });
    return { name, description: help.description, params, returns: help.returns };
  });
}

/**
 * Every spreadsheet function with its help, in the order the footer declares them.
 *
 * @example
 * ```ts
 * SHEET_FUNCTIONS.map((f) => f.name); // ['KEFU_RECEPTIONS', 'KEFU_ERLANG_SL', …]
 * ```
 */
export const SHEET_FUNCTIONS: readonly SheetFunctionSpec[] = /* @__PURE__ */ buildSpecs();

/** JSDoc text must not close its own comment. */
function jsdocText(text: string): string {
  return text.replace(/\*\//g, '*\u2215');
}

/**
 * The Apps Script declarations appended to `dist/kefu.gs.js`: one top-level function per
 * {@link SHEET_FUNCTIONS} entry (Apps Script only offers functions declared at the top level of a
 * script file), each with the JSDoc block the sheet's autocomplete reads (`@customfunction`), each
 * passing its arguments on to `Kefu.sheets`.
 *
 * @example
 * ```ts
 * appsScriptFooter().includes('function KEFU_AGENTS(calls, ahtSeconds'); // true
 * ```
 */
export function appsScriptFooter(functions: readonly SheetFunctionSpec[] = SHEET_FUNCTIONS): string {
  const blocks = functions.map((f) =>
    [
      '/**',
      ` * ${jsdocText(f.description)} Columns: ${f.returns.join(', ')}.`,
      ...f.params.map((p) => ` * @param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} ${jsdocText(p.description)}`),
      ' * @customfunction',
      ' */',
      `function ${f.name}(${f.params.map((p) => p.name).join(', ')}) {`,
      `  return Kefu.sheets.${f.name}.apply(null, arguments);`,
      '}',
    ].join('\n'),
  );
  return ['', '// Google Sheets custom functions (generated from src/sheets/spec.ts).', ...blocks, ''].join('\n');
}

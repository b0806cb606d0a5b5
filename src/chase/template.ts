import { KefuError } from '../core/errors.ts';
import { describe } from '../core/validate.ts';

/**
 * The variables a chase template may use (CH-3), filled by {@link renderChaseMessage}:
 * - `buyerNick`, `receiverName`, `shopName`, `itemTitle`, `agentNick`, `payLink`: given by the caller;
 * - `orderId`, `amount` (2 decimals), `createdAt` and `autoCloseAt` (`MM-DD HH:mm` shop time): from the order;
 * - `minutesLeft`: whole minutes until the order closes;
 * - `shipsTodayIfPaidBy`: the same-day shipping cutoff (`16:00`, CH-12) while it is still ahead today.
 *
 * @example
 * ```ts
 * CHASE_TEMPLATE_VARIABLES.includes('minutesLeft'); // true
 * ```
 */
export const CHASE_TEMPLATE_VARIABLES = [
  'buyerNick',
  'receiverName',
  'shopName',
  'itemTitle',
  'agentNick',
  'payLink',
  'orderId',
  'amount',
  'createdAt',
  'autoCloseAt',
  'minutesLeft',
  'shipsTodayIfPaidBy',
] as const;

/**
 * A template variable name (see {@link CHASE_TEMPLATE_VARIABLES}).
 *
 * @example
 * ```ts
 * const name: ChaseTemplateVariable = 'buyerNick';
 * ```
 */
export type ChaseTemplateVariable = (typeof CHASE_TEMPLATE_VARIABLES)[number];

const KNOWN = new Set<string>(CHASE_TEMPLATE_VARIABLES);

type Token =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'var'; readonly name: ChaseTemplateVariable }
  | { readonly kind: 'section'; readonly name: ChaseTemplateVariable; readonly body: readonly Token[] };

/** A template text checked and split into tokens. */
export interface ParsedTemplate {
  readonly tokens: readonly Token[];
  /** Variables used outside any optional section: they must have a value. */
  readonly required: readonly ChaseTemplateVariable[];
  /** Every variable used. */
  readonly used: readonly ChaseTemplateVariable[];
}

/**
 * Parses template text: `{name}` inserts a variable, `{#name}…{/name}` keeps its content only
 * when `name` has a value, `{{` and `}}` write literal braces. Returns the problem as a string
 * when the text is not a valid template.
 */
export function parseTemplate(text: string): ParsedTemplate | string {
  const root: Token[] = [];
  const stack: Array<{ name: ChaseTemplateVariable; body: Token[] }> = [];
  const required = new Set<ChaseTemplateVariable>();
  const used = new Set<ChaseTemplateVariable>();
  let literal = '';
  const current = (): Token[] => (stack.length === 0 ? root : (stack[stack.length - 1] as { body: Token[] }).body);
  const flush = (): void => {
    if (literal !== '') current().push({ kind: 'text', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '}') {
      if (text[i + 1] !== '}') return `a lone "}" at position ${i} (write "}}" for a literal brace)`;
      literal += '}';
      i++;
      continue;
    }
    if (c !== '{') {
      literal += c;
      continue;
    }
    if (text[i + 1] === '{') {
      literal += '{';
      i++;
      continue;
    }
    const close = text.indexOf('}', i);
    if (close < 0) return `an unclosed "{" at position ${i}`;
    const tag = text.slice(i + 1, close);
    const marker = tag[0] === '#' || tag[0] === '/' ? tag[0] : '';
    const name = tag.slice(marker.length);
    if (!KNOWN.has(name)) return `unknown variable "${name}" at position ${i} (known: ${CHASE_TEMPLATE_VARIABLES.join(', ')})`;
    const variable = name as ChaseTemplateVariable;
    flush();
    if (marker === '#') {
      stack.push({ name: variable, body: [] });
    } else if (marker === '/') {
      const open = stack.pop();
      if (open?.name !== variable) return `"{/${name}}" at position ${i} closes no open "{#${name}}"`;
      current().push({ kind: 'section', name: variable, body: open.body });
    } else {
      current().push({ kind: 'var', name: variable });
      if (stack.length === 0) required.add(variable);
    }
    used.add(variable);
    i = close;
  }
  if (stack.length > 0) return `"{#${(stack[stack.length - 1] as { name: string }).name}}" is never closed`;
  flush();
  return { tokens: root, required: [...required], used: [...used] };
}

/**
 * Renders parsed tokens. A variable without a value is an error naming `variables.<name>`,
 * except inside an optional section, which then disappears.
 */
export function renderTokens(tokens: readonly Token[], values: Readonly<Partial<Record<ChaseTemplateVariable, string>>>, context: string): string {
  let out = '';
  for (const token of tokens) {
    if (token.kind === 'text') out += token.text;
    else if (token.kind === 'var') {
      const value = values[token.name];
      if (value === undefined) {
        throw new KefuError('INVALID_INPUT', [{ path: `variables.${token.name}`, message: `the template uses {${token.name}}, which has no value here` }], context);
      }
      out += value;
    } else if (values[token.name] !== undefined) out += renderTokens(token.body, values, context);
  }
  return out;
}

// GSM 03.38 basic character set (one septet each) and its extension table (two septets each).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

/**
 * How an SMS text is billed: GSM-7 texts take 160 septets in one message and 153 per part when
 * split; any other character switches the whole text to UCS-2, 70 UTF-16 units in one message and
 * 67 per part (so a Chinese SMS over 70 characters is billed as 2 or more).
 *
 * @example
 * ```ts
 * smsSegments('亲，您的订单还未付款哦'); // { encoding: 'ucs2', units: 11, segments: 1 }
 * smsSegments('x'.repeat(161)).segments; // 2
 * ```
 */
export function smsSegments(text: string): { encoding: 'gsm7' | 'ucs2'; units: number; segments: number } {
  if (typeof text !== 'string') throw new KefuError('INVALID_INPUT', [{ path: 'text', message: `expected a string, received ${describe(text)}` }], 'smsSegments');
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENDED.includes(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: 'gsm7', units: septets, segments: septets <= 160 ? (septets === 0 ? 0 : 1) : Math.ceil(septets / 153) };
  const units = text.length;
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

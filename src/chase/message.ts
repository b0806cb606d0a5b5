import * as z from 'zod/mini';
import { KefuError } from '../core/errors.ts';
import { formatMoney } from '../core/money.ts';
import { InstantSchema, toEpochMs } from '../core/time.ts';
import { parseInput } from '../core/validate.ts';
import { MINUTE_MS } from '../core/zone-clock.ts';
import { CHASE_CHANNELS, type ChaseChannel } from './codes.ts';
import { compilePolicy } from './compile.ts';
import { KINDS, readOneOrder } from './input.ts';
import { checkPolicy, parsedTemplate, type ChaseOrderKind, type ChasePolicyInput } from './policy.ts';
import { renderTokens, smsSegments, type ChaseTemplateVariable } from './template.ts';

const text = /* @__PURE__ */ z.optional(z.string().check(z.maxLength(500)));

/**
 * Input of {@link renderChaseMessage}: the instant, the order, the channel, optionally a template
 * id (default: the automatic template for the order), and the variables only the caller knows.
 *
 * @example
 * ```ts
 * const input: RenderChaseMessageInput = { now: '2026-11-11T00:20:00+08:00', order, channel: 'im', variables: { buyerNick: 'lin' } };
 * ```
 */
export const RenderChaseMessageInput = /* @__PURE__ */ z.strictObject({
  /** When the message goes out (for `minutesLeft` and `shipsTodayIfPaidBy`). */
  now: InstantSchema,
  /** The order (as given to `planChases`). */
  order: z.unknown(),
  /** The channel. */
  channel: z.enum(CHASE_CHANNELS),
  /** A template id of the policy; default: the automatic choice for the order. */
  templateId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Caller-supplied values. */
  variables: z._default(
    z.strictObject({ buyerNick: text, receiverName: text, shopName: text, itemTitle: text, agentNick: text, payLink: text }),
    () => ({}),
  ),
});
/** @inheritDoc RenderChaseMessageInput */
export type RenderChaseMessageInput = z.input<typeof RenderChaseMessageInput>;

/**
 * A rendered chase message.
 *
 * @example
 * ```ts
 * const m: ChaseMessage = renderChaseMessage(input);
 * m.text; // '亲，活动价宝贝正为您保留，还剩10分钟，付款后马上安排发货哦~'
 * ```
 */
export interface ChaseMessage {
  /** The template used. */
  readonly templateId: string;
  /** The channel. */
  readonly channel: ChaseChannel;
  /** The text (marketing-class SMS end with the policy's opt-out text). */
  readonly text: string;
  /** For SMS: how it is billed (see `smsSegments`). */
  readonly sms: ReturnType<typeof smsSegments> | null;
}

/**
 * Renders a chase message from the policy's templates (CH-3): the automatic template for the order
 * and channel (item, promotion, kind, default) or the one named. Order variables are filled from
 * the order (`orderId`, `amount`, `createdAt`, `autoCloseAt`), `minutesLeft` from the close time,
 * and `shipsTodayIfPaidBy` from the same-day shipping cutoff while it is ahead (CH-12). A variable
 * the template needs but nobody supplied throws `INVALID_INPUT` at `variables.<name>`; optional
 * `{#name}…{/name}` sections simply disappear.
 *
 * @example
 * {@includeCode ../../examples/chase.example.ts#message}
 */
export function renderChaseMessage(input: RenderChaseMessageInput, policy?: ChasePolicyInput): ChaseMessage {
  const context = 'renderChaseMessage';
  const checked = checkPolicy(policy ?? {}, context);
  const c = compilePolicy(checked);
  const args = parseInput(RenderChaseMessageInput, input, context);
  const order = readOneOrder(args.order, context);
  const kind = KINDS[order.kind[0] as number] as ChaseOrderKind;
  const now = toEpochMs(args.now, 'now');
  const channel = CHASE_CHANNELS.indexOf(args.channel);
  const templateId = args.templateId ?? c.template(channel, order, 0);
  const template = checked.templates.find((t) => t.id === templateId);
  if (template === undefined || template.channel !== args.channel) {
    throw new KefuError(
      'INVALID_INPUT',
      [{ path: 'templateId', message: templateId === null ? `the policy has no automatic ${args.channel} template for this order` : `expected a ${args.channel} template of the policy, received "${templateId}"` }],
      context,
    );
  }
  const shop = c.shop;
  const short = (epochMs: number): string => shop.format(epochMs).slice(5, 16).replace('T', ' ');
  const created = order.created[0] as number;
  const autoClose = order.autoClose[0] as number;
  const balEnd = order.balEnd(0);
  let close: number | undefined = Number.isNaN(autoClose) ? undefined : autoClose;
  if (!Number.isNaN(balEnd) && (close === undefined || balEnd < close)) close = balEnd;
  const preset = checked.deadlinePresets[kind];
  if (close === undefined && preset !== undefined) close = created + preset.minutes * MINUTE_MS;
  const values: Partial<Record<ChaseTemplateVariable, string>> = { orderId: order.id[0] as string, createdAt: short(created) };
  for (const [key, value] of Object.entries(args.variables)) if (value !== undefined) values[key as ChaseTemplateVariable] = value;
  const amount = order.amount(0);
  if (amount !== undefined) values.amount = formatMoney(amount);
  if (close !== undefined) {
    values.autoCloseAt = short(close);
    if (close > now) values.minutesLeft = String(Math.floor((close - now) / MINUTE_MS));
  }
  const cutoff = checked.sameDayShippingCutoff;
  if (cutoff !== null) {
    const minute = Math.floor((now + shop.offset(now) - shop.localDay(now) * 86_400_000) / MINUTE_MS);
    if (minute < Number(cutoff.slice(0, 2)) * 60 + Number(cutoff.slice(3, 5))) values.shipsTodayIfPaidBy = cutoff;
  }
  let message = renderTokens(parsedTemplate(template.text).tokens, values, context);
  const rules = checked.channels[args.channel];
  if (args.channel === 'sms' && rules.messageClass === 'marketing' && checked.smsOptOutText !== '' && !message.endsWith(checked.smsOptOutText)) {
    message += checked.smsOptOutText;
  }
  return { templateId: template.id, channel: args.channel, text: message, sms: args.channel === 'sms' ? smsSegments(message) : null };
}

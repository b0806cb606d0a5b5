import { invalid } from '../core/errors.ts';
import { describe } from '../core/validate.ts';
import type { ChaseChannel } from './codes.ts';

/**
 * Why buyers leave an order unpaid (CH-11): unfamiliar with checkout; trouble paying
 * (certificate, insufficient balance); a casual click with low intent; the shop's own weakness
 * (uncompetitive item, weak page, question not answered); bad service attitude; price.
 *
 * @example
 * ```ts
 * NON_PAYMENT_REASONS.length; // 6
 * ```
 */
export const NON_PAYMENT_REASONS = ['unfamiliar_checkout', 'payment_trouble', 'low_intent', 'shop_weakness', 'bad_service', 'price'] as const;

/**
 * A reason for not paying (see {@link NON_PAYMENT_REASONS}).
 *
 * @example
 * ```ts
 * const reason: NonPaymentReason = 'payment_trouble';
 * ```
 */
export type NonPaymentReason = (typeof NON_PAYMENT_REASONS)[number];

/**
 * What a chase attempt found out, as recorded in the chase log and the memo: a non-payment reason,
 * or `promised_to_pay`, `refused`, `cannot_talk` (CH-9: the buyer could not talk).
 *
 * @example
 * ```ts
 * CHASE_OUTCOMES.includes('cannot_talk'); // true
 * ```
 */
export const CHASE_OUTCOMES = [...NON_PAYMENT_REASONS, 'promised_to_pay', 'refused', 'cannot_talk'] as const;

/**
 * A chase outcome (see {@link CHASE_OUTCOMES}).
 *
 * @example
 * ```ts
 * const outcome: ChaseOutcome = 'promised_to_pay';
 * ```
 */
export type ChaseOutcome = (typeof CHASE_OUTCOMES)[number];

/** Short Chinese labels of the outcomes, as written in memos (CH-10). Unique, so memos parse back. */
export const OUTCOME_LABELS: Readonly<Record<ChaseOutcome, string>> = {
  unfamiliar_checkout: '不会付款',
  payment_trouble: '付款遇到问题',
  low_intent: '随手拍下',
  shop_weakness: '店铺原因',
  bad_service: '服务态度',
  price: '价格原因',
  promised_to_pay: '答应付款',
  refused: '拒绝付款',
  cannot_talk: '不方便接听',
};

/**
 * The play for one outcome: how to follow up, with which message, and what else to do.
 *
 * @example
 * ```ts
 * const play: NonPaymentPlay = nonPaymentPlaybook('bad_service');
 * play.differentAgent; // true
 * ```
 */
export interface NonPaymentPlay {
  /** The outcome this play answers. */
  readonly reason: NonPaymentReason | 'cannot_talk';
  /** The rule it comes from (`CH-11`, or `CH-9` for `cannot_talk`). */
  readonly rule: 'CH-11' | 'CH-9';
  /** Chinese label, as written in memos. */
  readonly label: string;
  /** The channel to follow up on, or `null` when the fix is not a message (the shop's own weakness). */
  readonly channel: ChaseChannel | null;
  /** The default policy's template for that follow-up, or `null`. */
  readonly templateId: string | null;
  /** What the agent does, in a word: guide, guideUrgently, keepAsProspect, improveShop, apologise, smallDiscount, smsFollowUp. */
  readonly play: 'guide' | 'guideUrgently' | 'keepAsProspect' | 'improveShop' | 'apologise' | 'smallDiscount' | 'smsFollowUp';
  /** The agent's action in English. */
  readonly action: string;
  /** The agent's action in Chinese. */
  readonly actionZh: string;
  /** Whether further chase steps still make sense for this order. */
  readonly keepChasing: boolean;
  /** Whether a different agent should take over (bad service). */
  readonly differentAgent: boolean;
}

const PLAYS: Readonly<Record<NonPaymentReason | 'cannot_talk', Omit<NonPaymentPlay, 'reason' | 'label'>>> = {
  unfamiliar_checkout: {
    rule: 'CH-11',
    channel: 'im',
    templateId: 'im-guide-checkout',
    play: 'guide',
    action: 'Walk the buyer through checkout step by step, patiently, with screenshots if needed.',
    actionZh: '耐心引导买家一步步完成付款，必要时发截图。',
    keepChasing: true,
    differentAgent: false,
  },
  payment_trouble: {
    rule: 'CH-11',
    channel: 'im',
    templateId: 'im-payment-help',
    play: 'guideUrgently',
    action: 'Help with the payment problem (certificate, balance, another card or instalments) and say how little time is left.',
    actionZh: '帮买家解决支付问题（证书、余额、换卡或花呗），并强调订单即将关闭。',
    keepChasing: true,
    differentAgent: false,
  },
  low_intent: {
    rule: 'CH-11',
    channel: 'im',
    templateId: 'im-keep-in-touch',
    play: 'keepAsProspect',
    action: 'Chat without pressure, keep the buyer as a prospect, and stop chasing this order.',
    actionZh: '轻松沟通，不施压，把买家留作意向客户，这笔订单不再催付。',
    keepChasing: false,
    differentAgent: false,
  },
  shop_weakness: {
    rule: 'CH-11',
    channel: null,
    templateId: null,
    play: 'improveShop',
    action: 'Do not chase; pass the cause (price, page, unanswered question) to the shop team to fix.',
    actionZh: '不再催付，把原因（价格、详情页、未解答的问题）反馈给店铺改进。',
    keepChasing: false,
    differentAgent: false,
  },
  bad_service: {
    rule: 'CH-11',
    channel: 'phone',
    templateId: 'phone-apology',
    play: 'apologise',
    action: 'Have a different agent phone the buyer and apologise before anything else.',
    actionZh: '换一位客服致电买家，先真诚道歉。',
    keepChasing: true,
    differentAgent: true,
  },
  price: {
    rule: 'CH-11',
    channel: 'im',
    templateId: 'im-price',
    play: 'smallDiscount',
    action: "Offer a small discount within the agent's authority.",
    actionZh: '在权限范围内给一点小优惠。',
    keepChasing: true,
    differentAgent: false,
  },
  cannot_talk: {
    rule: 'CH-9',
    channel: 'sms',
    templateId: 'sms-after-call',
    play: 'smsFollowUp',
    action: 'Apologise, end the call, and follow up by SMS.',
    actionZh: '致歉后结束通话，再用短信跟进。',
    keepChasing: true,
    differentAgent: false,
  },
};

/**
 * The recommended play for a reason the buyer gave for not paying (CH-11), or for a buyer who
 * could not talk on the phone (`cannot_talk`, CH-9): the channel to follow up on, the default
 * policy's template, the agent's action, and whether to keep chasing.
 *
 * @example
 * ```ts
 * nonPaymentPlaybook('payment_trouble').templateId; // 'im-payment-help'
 * nonPaymentPlaybook('cannot_talk').channel; // 'sms'
 * ```
 */
export function nonPaymentPlaybook(reason: NonPaymentReason | 'cannot_talk'): NonPaymentPlay {
  if (typeof reason !== 'string' || !Object.prototype.hasOwnProperty.call(PLAYS, reason)) {
    invalid('reason', `expected one of ${[...NON_PAYMENT_REASONS, 'cannot_talk'].map((r) => `"${r}"`).join(', ')}, received ${describe(reason)}`, 'nonPaymentPlaybook');
  }
  return { reason, label: OUTCOME_LABELS[reason], ...PLAYS[reason] };
}

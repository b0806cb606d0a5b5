// Refund reasons in a sheet: a column of buyer texts in, code, Chinese label and bucket out.
import { describe } from '../core/validate.ts';
import { classifyRefundReason, isReasonCode, REFUND_REASONS, refundBucket, type ClassifyRefundInput } from '../refunds/index.ts';
import { compact, fail, sheetFunction } from './range.ts';

/**
 * RF-1, RF-2: the reason code of each refund text, its zh-CN label and its RF-1 bucket (see
 * `classifyRefundReason`). Every text gets exactly one code (`OTHER` when nothing matches); a
 * cell that is not text (a number, a date) is an error in its row. The optional `orderState`
 * (`unshipped`, `shipped`, `received`) resolves 没收到 and keeps the code among those possible in
 * that state; it does not make an empty text's row non-blank.
 *
 * Returns rows of `[code, label, bucket]`.
 *
 * @example
 * ```ts
 * KEFU_REFUND_REASON([['发错货了'], ['质量太差，开线了']]);
 * // [['WRONG_ITEM', '发错货', 'AVOIDABLE'], ['QUALITY_DEFECT', '质量问题', 'EXCHANGEABLE']]
 * ```
 */
export const KEFU_REFUND_REASON = /* @__PURE__ */ sheetFunction(
  'KEFU_REFUND_REASON',
  3,
  (r) => {
    const c = classifyRefundReason(typeof r.text === 'string' && r.orderState === undefined ? r.text : (compact({ text: r.text, orderState: r.orderState }) as ClassifyRefundInput));
    return [c.code, REFUND_REASONS[c.code].label['zh-CN'], c.bucket];
  },
  { quiet: ['orderState'] },
);

/**
 * RF-1: the bucket of each reason code (see `refundBucket`): `AVOIDABLE`, `EXCHANGEABLE`, `REFUND_ONLY` or `UNDETERMINED`. An unknown code is an error
 * in its row.
 *
 * Returns rows of `[bucket]`.
 *
 * @example
 * ```ts
 * KEFU_REFUND_BUCKET([['WRONG_ITEM'], ['CHANGED_MIND']]); // [['AVOIDABLE'], ['REFUND_ONLY']]
 * ```
 */
export const KEFU_REFUND_BUCKET = /* @__PURE__ */ sheetFunction('KEFU_REFUND_BUCKET', 1, (r) => [
  isReasonCode(r.code) ? refundBucket(r.code) : fail('code', `expected one of the 28 reason codes, such as "WRONG_ITEM", received ${describe(r.code)}`),
]);

import { z } from 'zod';
import { consistencyToken, id, money, text } from '@/server/shared/contract';
import { APPROVER_KINDS } from './domain/domain-events';
import {
  MAX_AMOUNT,
  MAX_COMMENT,
  MAX_JUSTIFICATION,
  MAX_LINE_DESCRIPTION,
  MAX_LINES,
  MAX_PAYMENT_REFERENCE,
  MAX_QUANTITY,
  MAX_REASON,
  MAX_STEPS_PER_TIER,
  MAX_TIERS,
  MAX_TITLE,
  MAX_VENDOR,
} from './domain/limits';

/** HTTP contracts of the procurement context: they validate requests and generate the OpenAPI document. */
const requestId = id();
const departmentId = id();

/** An amount of 1..10^13 minor units in an ISO 4217 currency. */
const amount = (min: 0 | 1) =>
  money.extend({
    amount: z
      .number()
      .int('must be a whole number of minor units')
      .min(min, min ? 'must be at least 1' : 'must not be negative')
      .max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT} minor units`),
  });

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const line = z.strictObject({
  description: text(MAX_LINE_DESCRIPTION),
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
  unitPrice: amount(1).describe('Integer minor units (cents) and the currency; the amount and the total are computed by the server'),
});

const details = {
  title: text(MAX_TITLE),
  justification: optionalText(MAX_JUSTIFICATION),
  vendor: optionalText(MAX_VENDOR),
  neededBy: z.iso.date({ message: 'must be a date like 2030-05-01' }).nullable(),
  lines: z.array(line).min(1, 'must have at least one line').max(MAX_LINES, `must have at most ${MAX_LINES} lines`),
};

export const createRequestInput = z.strictObject({
  title: details.title,
  lines: details.lines,
  justification: details.justification.optional(),
  vendor: details.vendor.optional(),
  neededBy: details.neededBy.optional(),
});

export const updateRequestInput = z.strictObject({
  requestId,
  expectedVersion: z.number().int('must be a whole number').min(1, 'must be at least 1'),
  title: details.title.optional(),
  lines: details.lines.optional(),
  justification: details.justification.optional(),
  vendor: details.vendor.optional(),
  neededBy: details.neededBy.optional(),
});

export const requestIdInput = z.strictObject({ requestId });

export const approveRequestInput = z.strictObject({ requestId, comment: optionalText(MAX_COMMENT).optional() });

export const rejectRequestInput = z.strictObject({
  requestId,
  reason: text(MAX_REASON),
  kind: z
    .enum(['rejected', 'changes-requested'], { message: 'must be rejected or changes-requested' })
    .default('rejected')
    .describe('changes-requested returns the request to its requester for edits; rejected closes it'),
});

export const markAsPaidInput = z.strictObject({ requestId, paymentReference: text(MAX_PAYMENT_REFERENCE) });

const requestStatus = z.enum(['draft', 'submitted', 'changes-requested', 'approved', 'rejected', 'cancelled', 'paid']);

export const requestWritten = z.object({ requestId: z.uuid(), version: z.number().int(), status: requestStatus, consistencyToken });
export const requestSubmitted = requestWritten.extend({
  budgetWarning: z.enum(['threshold-reached', 'over-budget']).nullable().describe('The ledger crossed its warn threshold, or (warn budgets) went over'),
});

const tier = z.strictObject({
  upTo: z
    .number()
    .int('must be a whole number of minor units')
    .min(1, 'must be at least 1')
    .max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`)
    .nullable()
    .describe('Totals up to this amount (inclusive) fall in the tier; null on the last tier: any amount'),
  steps: z
    .array(z.enum(APPROVER_KINDS, { message: `must be one of ${APPROVER_KINDS.join(', ')}` }))
    .min(1, 'must have at least one step')
    .max(MAX_STEPS_PER_TIER, `must have at most ${MAX_STEPS_PER_TIER} steps`),
});

export const setApprovalPolicyInput = z.strictObject({
  departmentId,
  tiers: z
    .array(tier)
    .min(1, 'must have at least one tier')
    .max(MAX_TIERS, `must have at most ${MAX_TIERS} tiers`)
    .nullable()
    .describe('Ascending by upTo, the last unbounded; null: inherit the parent unit’s policy'),
});

export const approvalPolicyWritten = z.object({ departmentId: z.uuid(), version: z.number().int(), consistencyToken });

const fiscalYear = z.number().int('must be a whole number').min(2000, 'must be at least 2000').max(2100, 'must be at most 2100');
const budgetPolicy = z.enum(['stop', 'warn'], { message: 'must be stop or warn' });
const warnThreshold = z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100');

export const allocateBudgetInput = z.strictObject({
  departmentId,
  fiscalYear,
  budget: amount(0),
  policy: budgetPolicy.describe('stop: a submit beyond what is available is refused; warn: it goes through, flagged'),
  warnThreshold: warnThreshold.default(90).describe('Percent of the budget used at which reservations are flagged'),
});

export const adjustBudgetInput = z.strictObject({
  departmentId,
  fiscalYear,
  budget: amount(0).optional(),
  policy: budgetPolicy.optional(),
  warnThreshold: warnThreshold.optional(),
  expectedVersion: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
  reason: text(MAX_REASON),
});

export const budgetWritten = z.object({
  departmentId: z.uuid(),
  fiscalYear: z.number().int(),
  version: z.number().int(),
  available: z.number().int().describe('budget - requested - committed - spent, in minor units'),
  consistencyToken,
});

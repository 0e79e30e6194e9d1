import { defineErrors, type ErrorCodeOf } from '@/server/cqrs/errors';
import { MAX_AMOUNT, MAX_LINES, MAX_QUANTITY } from './limits';

/** Every refusal of the procurement context; commands document the codes their deciders can raise. */
export const procurementErrors = defineErrors({
  'not-found': { status: 404, when: 'no such purchase request' },
  'department-not-found': { status: 404, when: 'no such department' },
  'no-department': { status: 409, when: 'the caller belongs to no department' },
  'not-requester': { status: 403, when: 'the caller did not request it' },
  'request-exists': { status: 409, when: 'a request with this id exists' },
  'invalid-lines': {
    status: 409,
    when: `no lines, more than ${MAX_LINES}, a quantity outside 1..${MAX_QUANTITY} or a unit price outside 1..${MAX_AMOUNT} minor units`,
  },
  'mixed-currencies': { status: 409, when: 'the lines are not all in one currency' },
  'amount-too-large': { status: 409, when: `an amount or the total is above ${MAX_AMOUNT} minor units` },
  'version-conflict': { status: 409, when: 'expectedVersion is not the current version' },
  'not-editable': { status: 409, when: 'the request is neither a draft nor returned for changes' },
  'no-approver': { status: 409, when: 'a step of the approval chain has no one who may approve it' },
  'not-pending': { status: 409, when: 'the request is not waiting for approval' },
  'own-request': { status: 403, when: 'the caller requested it' },
  'not-approver': { status: 403, when: 'the caller is not entitled to the current step' },
  'approver-repeated': { status: 409, when: 'the caller already approved a step of this chain' },
  'reason-required': { status: 409, when: 'the reason is empty' },
  'already-paid': { status: 409, when: 'the request was paid' },
  'request-closed': { status: 409, when: 'the request was rejected' },
  'not-approved': { status: 409, when: 'the request is not fully approved' },
  'budget-not-allocated': { status: 409, when: 'the department has no budget for the fiscal year' },
  'budget-exists': { status: 409, when: 'the department already has a budget for the fiscal year' },
  'insufficient-budget': { status: 409, when: 'the amount exceeds what is available under a stop budget' },
  'budget-below-used': { status: 409, when: 'a stop budget would fall below what is requested, committed and spent' },
  'currency-mismatch': { status: 409, when: 'the amount is not in the budget’s currency' },
  'invalid-threshold': { status: 409, when: 'the warn threshold is not a whole percentage from 1 to 100' },
  'ledger-entry-conflict': { status: 409, when: 'the request’s budget entry is not at the stage this step needs' },
  'invalid-policy': { status: 409, when: 'tiers are not ascending, the last is not unbounded, or a tier has no or repeated steps' },
});

export type ProcurementErrorCode = ErrorCodeOf<typeof procurementErrors>;

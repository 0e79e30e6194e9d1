import type { Decider } from '@/server/cqrs/types';
import { type Money, money, sumMoney, timesMoney } from '@/server/shared/money';
import { approvalChain, type OrgUnit } from './approval-policy';
import type { ChainStep, RejectionKind, RequestDetails, RequestEvent, RequestLine, RequestStatus } from './domain-events';
import { type ProcurementErrorCode, procurementErrors } from './errors';
import { MAX_AMOUNT, MAX_LINES, MAX_QUANTITY } from './limits';

const { refuse } = procurementErrors;

/** A step of the chain with who decided it and when (null while it waits). */
export interface ApprovalStep extends ChainStep {
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface RequestState extends RequestDetails {
  requestId: string;
  requesterId: string;
  departmentId: string;
  status: RequestStatus;
  /** The chain fixed at the last submit (empty before it). */
  chain: ApprovalStep[];
  /** The ledger year the last submit reserved in (null before it). */
  fiscalYear: number | null;
  version: number;
}

export interface RequestDecisionState {
  request: RequestState | null;
}

/** A line as the requester writes it: the amount is the decider's to compute. */
export interface LineInput {
  description: string;
  quantity: number;
  unitPrice: Money;
}

export interface DetailsInput {
  title: string;
  justification: string;
  vendor: string;
  neededBy: string | null;
  lines: LineInput[];
}

export type RequestCommand =
  | {
      type: 'CreatePurchaseRequest';
      data: DetailsInput & { requestId: string; requester: { userId: string; name: string }; departmentId: string | null; now: string };
    }
  | { type: 'UpdateRequest'; data: { actorId: string; expectedVersion: number; changes: Partial<DetailsInput>; now: string } }
  | { type: 'SubmitRequest'; data: { actorId: string; fiscalYear: number; units: OrgUnit[]; now: string } }
  | { type: 'ApproveRequest'; data: { actorId: string; actorRoles: readonly string[]; comment: string; now: string } }
  | { type: 'RejectRequest'; data: { actorId: string; actorRoles: readonly string[]; kind: RejectionKind; reason: string; now: string } }
  | { type: 'CancelRequest'; data: { actorId: string; now: string } }
  | { type: 'MarkAsPaid'; data: { actorId: string; paymentReference: string; now: string } };

/** Where a request may still be edited and (re)submitted by its requester. */
const EDITABLE: readonly RequestStatus[] = ['draft', 'changes-requested'];

/**
 * Rules of a purchase request:
 * - it is created in the requester's department (who has none cannot request); 1..100 lines, each a
 *   whole quantity 1..1,000,000 at a whole unit price 1..10^13 minor units, all in one currency;
 *   amounts and the total are computed here, exactly, and never exceed 10^13;
 * - only the requester edits it, only as a draft or after changes were requested, at the
 *   expectedVersion; the event carries each changed detail before and after;
 * - submitting (the requester, from draft or changes-requested) fixes the approval chain from the
 *   policy in force for the total (server/procurement/domain/approval-policy.ts);
 * - approving or rejecting: only while submitted, only by whoever the current step names (its lead,
 *   or an accountant for an accountant step), never the requester, never someone who already
 *   approved a step of this chain; the last approval approves the request;
 * - a rejection needs a reason; `changes-requested` hands it back to the requester, `rejected`
 *   closes it;
 * - the requester may cancel any time before payment (again: nothing happens); a rejected request
 *   stays rejected;
 * - an accountant marks a fully approved request paid, never their own.
 * The budget moves beside it (budget-decider.ts): reserve on submit, commit on approval, spend on
 * payment, release on reject or cancel.
 */
export const requestDecider: Decider<RequestCommand, RequestEvent, RequestDecisionState, ProcurementErrorCode> = {
  refusals: {
    CreatePurchaseRequest: ['request-exists', 'no-department', 'invalid-lines', 'mixed-currencies', 'amount-too-large'],
    UpdateRequest: ['not-found', 'not-requester', 'version-conflict', 'not-editable', 'invalid-lines', 'mixed-currencies', 'amount-too-large'],
    SubmitRequest: ['not-found', 'not-requester', 'not-editable', 'no-approver'],
    ApproveRequest: ['not-found', 'not-pending', 'own-request', 'approver-repeated', 'not-approver'],
    RejectRequest: ['not-found', 'not-pending', 'own-request', 'approver-repeated', 'not-approver', 'reason-required'],
    CancelRequest: ['not-found', 'not-requester', 'already-paid', 'request-closed'],
    MarkAsPaid: ['not-found', 'own-request', 'not-approved'],
  },

  decide(command, { request }) {
    switch (command.type) {
      case 'CreatePurchaseRequest': {
        const { requestId, requester, departmentId, now, ...input } = command.data;
        if (request) throw refuse('request-exists', 'A request with this id already exists');
        if (!departmentId) throw refuse('no-department', 'You belong to no department: ask an administrator to assign you to one');
        return [{ type: 'PurchaseRequestCreated', data: { requestId, requester, departmentId, ...details(input), createdAt: now } }];
      }
      case 'UpdateRequest': {
        const { actorId, expectedVersion, changes, now } = command.data;
        const current = mustBeRequester(request, actorId);
        if (expectedVersion !== current.version) {
          throw refuse('version-conflict', `The request changed since version ${expectedVersion}; it is at version ${current.version}`);
        }
        mustBeEditable(current);
        const next = details({ ...inputOf(current), ...definedOnly(changes) });
        const before: Partial<RequestDetails> = {};
        const after: Partial<RequestDetails> = {};
        for (const key of ['title', 'justification', 'vendor', 'neededBy', 'lines', 'total'] as const) {
          if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) {
            Object.assign(before, { [key]: current[key] });
            Object.assign(after, { [key]: next[key] });
          }
        }
        if (Object.keys(after).length === 0) return [];
        return [{ type: 'RequestUpdated', data: { requestId: current.requestId, before, after, updatedAt: now } }];
      }
      case 'SubmitRequest': {
        const { actorId, fiscalYear, units, now } = command.data;
        const current = mustBeRequester(request, actorId);
        mustBeEditable(current);
        const { tier, policyDepartmentId, chain } = approvalChain(units, current.total.amount, current.requesterId);
        return [
          {
            type: 'RequestSubmitted',
            data: {
              requestId: current.requestId,
              departmentId: current.departmentId,
              fiscalYear,
              total: current.total,
              tier,
              policyDepartmentId,
              chain,
              submittedAt: now,
            },
          },
        ];
      }
      case 'ApproveRequest': {
        const { actorId, actorRoles, comment, now } = command.data;
        const current = mustExist(request);
        const step = currentStep(current, actorId, actorRoles);
        const approved: RequestEvent = {
          type: 'RequestStepApproved',
          data: { requestId: current.requestId, step, kind: current.chain[step].kind, approverId: actorId, comment, approvedAt: now },
        };
        if (step < current.chain.length - 1) return [approved];
        return [approved, { type: 'RequestApproved', data: { requestId: current.requestId, total: current.total, approvedAt: now } }];
      }
      case 'RejectRequest': {
        const { actorId, actorRoles, kind, reason, now } = command.data;
        const current = mustExist(request);
        const step = currentStep(current, actorId, actorRoles);
        if (reason.trim() === '') throw refuse('reason-required', 'Say why the request is rejected');
        return [{ type: 'RequestRejected', data: { requestId: current.requestId, step, kind, rejectedBy: actorId, reason: reason.trim(), rejectedAt: now } }];
      }
      case 'CancelRequest': {
        const { actorId, now } = command.data;
        const current = mustBeRequester(request, actorId);
        if (current.status === 'cancelled') return [];
        if (current.status === 'paid') throw refuse('already-paid', 'A paid request cannot be cancelled');
        if (current.status === 'rejected') throw refuse('request-closed', 'A rejected request cannot be cancelled');
        return [{ type: 'RequestCancelled', data: { requestId: current.requestId, cancelledBy: actorId, previousStatus: current.status, cancelledAt: now } }];
      }
      case 'MarkAsPaid': {
        const { actorId, paymentReference, now } = command.data;
        const current = mustExist(request);
        if (current.requesterId === actorId) throw refuse('own-request', 'Someone else pays your own request');
        if (current.status !== 'approved') throw refuse('not-approved', 'Only a fully approved request can be paid');
        return [{ type: 'RequestPaid', data: { requestId: current.requestId, paidBy: actorId, paymentReference, total: current.total, paidAt: now } }];
      }
    }
  },

  evolve({ request }, e) {
    const version = (request?.version ?? 0) + 1;
    switch (e.type) {
      case 'PurchaseRequestCreated': {
        const { requester, createdAt: _createdAt, ...rest } = e.data;
        return { request: { ...rest, requesterId: requester.userId, status: 'draft', chain: [], fiscalYear: null, version } };
      }
      case 'RequestUpdated':
        return { request: { ...request!, ...e.data.after, version } };
      case 'RequestSubmitted':
        return {
          request: {
            ...request!,
            status: 'submitted',
            fiscalYear: e.data.fiscalYear,
            chain: e.data.chain.map((s) => ({ ...s, decidedBy: null, decidedAt: null })),
            version,
          },
        };
      case 'RequestStepApproved':
        return {
          request: {
            ...request!,
            chain: request!.chain.map((s, i) => (i === e.data.step ? { ...s, decidedBy: e.data.approverId, decidedAt: e.data.approvedAt } : s)),
            version,
          },
        };
      case 'RequestApproved':
        return { request: { ...request!, status: 'approved', version } };
      case 'RequestRejected':
        return { request: { ...request!, status: e.data.kind === 'rejected' ? 'rejected' : 'changes-requested', version } };
      case 'RequestCancelled':
        return { request: { ...request!, status: 'cancelled', version } };
      case 'RequestPaid':
        return { request: { ...request!, status: 'paid', version } };
    }
  },
};

/** Whether a request in this status holds money in its ledger, and at which stage. */
export const heldInBudget = (status: RequestStatus): 'requested' | 'committed' | null =>
  status === 'submitted' ? 'requested' : status === 'approved' ? 'committed' : null;

function mustExist(request: RequestState | null): RequestState {
  if (!request) throw refuse('not-found', 'Purchase request was not found');
  return request;
}

function mustBeRequester(request: RequestState | null, actorId: string): RequestState {
  const current = mustExist(request);
  if (current.requesterId !== actorId) throw refuse('not-requester', 'Only the requester can do this');
  return current;
}

function mustBeEditable(request: RequestState) {
  if (!EDITABLE.includes(request.status)) throw refuse('not-editable', `A ${request.status} request cannot be changed or submitted`);
}

/** The index of the step waiting for a decision, if the actor may decide it. */
function currentStep(request: RequestState, actorId: string, actorRoles: readonly string[]): number {
  if (request.status !== 'submitted') throw refuse('not-pending', `The request is ${request.status}, not waiting for approval`);
  if (request.requesterId === actorId) throw refuse('own-request', 'You cannot decide your own request');
  if (request.chain.some((s) => s.decidedBy === actorId)) throw refuse('approver-repeated', 'You already approved a step of this request');
  const index = request.chain.findIndex((s) => s.decidedBy === null);
  const step = request.chain[index];
  const entitled = step.kind === 'accountant' ? actorRoles.includes('accountant') : step.approverId === actorId;
  if (!entitled) throw refuse('not-approver', 'The current step waits for someone else');
  return index;
}

/** Computes the amounts and the total exactly, refusing anything outside the limits. */
function details({ lines, ...rest }: DetailsInput): RequestDetails {
  if (lines.length === 0 || lines.length > MAX_LINES) throw refuse('invalid-lines', `A request has 1 to ${MAX_LINES} lines`);
  for (const { quantity, unitPrice } of lines) {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      throw refuse('invalid-lines', `A quantity is a whole number from 1 to ${MAX_QUANTITY}`);
    }
    if (!Number.isInteger(unitPrice.amount) || unitPrice.amount < 1 || unitPrice.amount > MAX_AMOUNT) {
      throw refuse('invalid-lines', `A unit price is a whole number of minor units from 1 to ${MAX_AMOUNT}`);
    }
  }
  const currency = lines[0].unitPrice.currency;
  if (lines.some((l) => l.unitPrice.currency !== currency)) throw refuse('mixed-currencies', 'All lines of a request are in one currency');
  // each product is below 10^19 and compared before it is kept, so a rounded double never slips through
  if (lines.some((l) => l.unitPrice.amount * l.quantity > MAX_AMOUNT)) throw refuse('amount-too-large', `A line's amount is at most ${MAX_AMOUNT} minor units`);
  const priced: RequestLine[] = lines.map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    amount: timesMoney(l.unitPrice, l.quantity),
  }));
  const total = sumMoney(
    priced.map((l) => l.amount),
    currency,
  );
  if (total.amount > MAX_AMOUNT) throw refuse('amount-too-large', `A request's total is at most ${MAX_AMOUNT} minor units`);
  return { ...rest, lines: priced, total: money(total.amount, currency) };
}

const inputOf = ({ title, justification, vendor, neededBy, lines }: RequestState): DetailsInput => ({
  title,
  justification,
  vendor,
  neededBy,
  lines: lines.map(({ description, quantity, unitPrice }) => ({ description, quantity, unitPrice })),
});

const definedOnly = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

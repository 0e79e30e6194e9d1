import type { DomainEvent } from '@/server/cqrs/types';
import type { Money } from '@/server/shared/money';

/** A line as the requester writes it; `amount` (quantity x unit price) is computed by the decider. */
export interface RequestLine {
  description: string;
  quantity: number;
  unitPrice: Money;
  amount: Money;
}

/** What the requester controls; `total` is the sum of the lines' amounts. Times are ISO-8601 strings. */
export interface RequestDetails {
  title: string;
  justification: string;
  vendor: string;
  /** A calendar date (YYYY-MM-DD) or null. */
  neededBy: string | null;
  lines: RequestLine[];
  total: Money;
}

/**
 * Who approves a step: the lead of the request's department, the head of the unit above it, or any
 * accountant. A lead step escalates up the tree past a unit without a lead and past anyone already
 * in the chain (the requester included), so a team lead's own request goes to the head above.
 */
export type ApproverKind = 'department-lead' | 'parent-lead' | 'accountant';
export const APPROVER_KINDS = ['department-lead', 'parent-lead', 'accountant'] as const;

/** Requests up to `upTo` minor units (inclusive; null: any amount) need these steps, in order. */
export interface ApprovalTier {
  upTo: number | null;
  steps: ApproverKind[];
}

/** A step of a submitted request's chain, fixed at submit: a lead step names its approver. */
export interface ChainStep {
  kind: ApproverKind;
  /** The lead who approves; null for an accountant step (any accountant may). */
  approverId: string | null;
  /** The unit whose lead approves; null for an accountant step. */
  departmentId: string | null;
}

export type RejectionKind = 'rejected' | 'changes-requested';
export type BudgetPolicy = 'stop' | 'warn';

export type PurchaseRequestCreated = DomainEvent<
  'PurchaseRequestCreated',
  RequestDetails & { requestId: string; requester: { userId: string; name: string }; departmentId: string; createdAt: string }
>;
/** Only the changed details, before and after (a change of lines carries the totals too). */
export type RequestUpdated = DomainEvent<
  'RequestUpdated',
  { requestId: string; before: Partial<RequestDetails>; after: Partial<RequestDetails>; updatedAt: string }
>;
export type RequestSubmitted = DomainEvent<
  'RequestSubmitted',
  {
    requestId: string;
    departmentId: string;
    fiscalYear: number;
    total: Money;
    /** The tier the total fell in, from the policy of `policyDepartmentId` (null: the default policy). */
    tier: ApprovalTier;
    policyDepartmentId: string | null;
    chain: ChainStep[];
    submittedAt: string;
  }
>;
export type RequestStepApproved = DomainEvent<
  'RequestStepApproved',
  { requestId: string; step: number; kind: ApproverKind; approverId: string; comment: string; approvedAt: string }
>;
/** The last step approved: the reservation becomes a commitment. */
export type RequestApproved = DomainEvent<'RequestApproved', { requestId: string; total: Money; approvedAt: string }>;
/** `changes-requested` returns the request to its requester for edits; `rejected` closes it. */
export type RequestRejected = DomainEvent<
  'RequestRejected',
  { requestId: string; step: number; kind: RejectionKind; rejectedBy: string; reason: string; rejectedAt: string }
>;
export type RequestCancelled = DomainEvent<'RequestCancelled', { requestId: string; cancelledBy: string; previousStatus: RequestStatus; cancelledAt: string }>;
export type RequestPaid = DomainEvent<'RequestPaid', { requestId: string; paidBy: string; paymentReference: string; total: Money; paidAt: string }>;

export type RequestStatus = 'draft' | 'submitted' | 'changes-requested' | 'approved' | 'rejected' | 'cancelled' | 'paid';

export type RequestEvent =
  | PurchaseRequestCreated
  | RequestUpdated
  | RequestSubmitted
  | RequestStepApproved
  | RequestApproved
  | RequestRejected
  | RequestCancelled
  | RequestPaid;

/** A ledger's figures after an event, in its currency's minor units: projections set them, never add. */
export interface LedgerTotals {
  budget: number;
  requested: number;
  committed: number;
  spent: number;
  /** budget - requested - committed - spent; below zero only under `warn`. */
  available: number;
}

export interface LedgerSettings {
  budget: number;
  policy: BudgetPolicy;
  /** Percent of the budget used at which reservations carry a warning (1..100). */
  warnThreshold: number;
}

interface LedgerRef {
  departmentId: string;
  fiscalYear: number;
  currency: string;
}

/** `threshold-reached`: usage crossed the warn threshold; `over-budget`: a `warn` ledger went past its budget. */
export type BudgetWarning = 'threshold-reached' | 'over-budget' | null;

export type BudgetAllocated = DomainEvent<'BudgetAllocated', LedgerRef & LedgerSettings & { allocatedBy: string; totals: LedgerTotals; at: string }>;
export type BudgetAdjusted = DomainEvent<
  'BudgetAdjusted',
  LedgerRef & { before: LedgerSettings; after: LedgerSettings; reason: string; adjustedBy: string; totals: LedgerTotals; at: string }
>;
/** On submit: the request's total is requested (pre-encumbrance). */
export type BudgetReserved = DomainEvent<
  'BudgetReserved',
  LedgerRef & { requestId: string; amount: number; warning: BudgetWarning; totals: LedgerTotals; at: string }
>;
/** On final approval: the reservation becomes a commitment (encumbrance). */
export type BudgetCommitted = DomainEvent<'BudgetCommitted', LedgerRef & { requestId: string; amount: number; totals: LedgerTotals; at: string }>;
/** On payment: the commitment becomes spending. */
export type BudgetSpent = DomainEvent<'BudgetSpent', LedgerRef & { requestId: string; amount: number; totals: LedgerTotals; at: string }>;
/** On reject or cancel: what the request held, requested or committed, is free again. */
export type BudgetReleased = DomainEvent<
  'BudgetReleased',
  LedgerRef & { requestId: string; amount: number; from: 'requested' | 'committed'; totals: LedgerTotals; at: string }
>;

export type BudgetEvent = BudgetAllocated | BudgetAdjusted | BudgetReserved | BudgetCommitted | BudgetSpent | BudgetReleased;

/** `tiers: null` removes a department's own policy: it inherits its parent's again. */
export type ApprovalPolicySet = DomainEvent<
  'ApprovalPolicySet',
  { departmentId: string; tiers: ApprovalTier[] | null; before: ApprovalTier[] | null; setBy: string; at: string }
>;

export type ProcurementDomainEvent = RequestEvent | BudgetEvent | ApprovalPolicySet;

export const requestStreamId = (requestId: string) => `purchase-request-${requestId}`;
export const budgetStreamId = (departmentId: string, fiscalYear: number) => `budget-${departmentId}-${fiscalYear}`;
export const approvalPolicyStreamId = (departmentId: string) => `approval-policy-${departmentId}`;

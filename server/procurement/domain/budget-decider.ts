import type { Decider } from '@/server/cqrs/types';
import type { Money } from '@/server/shared/money';
import type { BudgetEvent, BudgetPolicy, BudgetWarning, LedgerSettings, LedgerTotals } from './domain-events';
import { type ProcurementErrorCode, procurementErrors } from './errors';
import { MAX_AMOUNT } from './limits';

const { refuse } = procurementErrors;

/** A department's ledger for one fiscal year, in minor units of its currency. */
export interface LedgerState extends LedgerSettings {
  departmentId: string;
  fiscalYear: number;
  currency: string;
  requested: number;
  committed: number;
  spent: number;
  version: number;
}

/** What one request holds in the ledger: the stage is where its amount is counted. */
export interface LedgerEntry {
  requestId: string;
  amount: number;
  stage: 'requested' | 'committed' | 'spent' | 'released';
}

/**
 * `departmentExists` matters to allocation only; `entry` is the request's entry for the commands that
 * move one (undefined for the others, null when the request holds none).
 */
export interface BudgetDecisionState {
  departmentExists: boolean;
  ledger: LedgerState | null;
  entry?: LedgerEntry | null;
}

export type BudgetCommand =
  | {
      type: 'AllocateBudget';
      data: { departmentId: string; fiscalYear: number; budget: Money; policy: BudgetPolicy; warnThreshold: number; actorId: string; now: string };
    }
  | {
      type: 'AdjustBudget';
      data: { budget?: Money; policy?: BudgetPolicy; warnThreshold?: number; expectedVersion?: number; reason: string; actorId: string; now: string };
    }
  | { type: 'ReserveBudget'; data: { requestId: string; amount: Money; now: string } }
  | { type: 'CommitBudget'; data: { requestId: string; now: string } }
  | { type: 'SpendBudget'; data: { requestId: string; now: string } }
  | { type: 'ReleaseBudget'; data: { requestId: string; now: string } };

export const totalsOf = ({ budget, requested, committed, spent }: Pick<LedgerState, 'budget' | 'requested' | 'committed' | 'spent'>): LedgerTotals => ({
  budget,
  requested,
  committed,
  spent,
  available: budget - requested - committed - spent,
});

const usedOf = (l: Pick<LedgerState, 'requested' | 'committed' | 'spent'>) => l.requested + l.committed + l.spent;

/**
 * Rules of a budget ledger (one per department and fiscal year; commitment control after
 * PeopleSoft and ERPNext):
 * - an accountant allocates it once, for an existing department, with a policy (`stop` or `warn`)
 *   and a warn threshold (a whole percentage 1..100), in one currency;
 * - adjusting changes the budget, the policy or the threshold (at the expectedVersion, if given);
 *   a `stop` budget never drops below what is requested, committed and spent;
 * - a submit reserves the request's total (requested); under `stop` only what is available:
 *   `available = budget - requested - committed - spent` never goes below zero; under `warn` the
 *   reservation goes through and says it went over; one that leaves usage at or past the warn
 *   threshold is flagged either way;
 * - a request holds one entry: reserve (none, or released before) -> commit on final approval ->
 *   spend on payment; reject or cancel release what it holds, requested or committed. An entry out
 *   of step is refused, so nothing is ever counted twice or released twice;
 * - no submit can bypass it: a department without a budget for the year cannot reserve.
 */
export const budgetDecider: Decider<BudgetCommand, BudgetEvent, BudgetDecisionState, ProcurementErrorCode> = {
  refusals: {
    AllocateBudget: ['department-not-found', 'budget-exists', 'invalid-threshold', 'amount-too-large'],
    AdjustBudget: ['budget-not-allocated', 'version-conflict', 'currency-mismatch', 'invalid-threshold', 'amount-too-large', 'budget-below-used'],
    ReserveBudget: ['budget-not-allocated', 'currency-mismatch', 'ledger-entry-conflict', 'amount-too-large', 'insufficient-budget'],
    CommitBudget: ['budget-not-allocated', 'ledger-entry-conflict'],
    SpendBudget: ['budget-not-allocated', 'ledger-entry-conflict'],
    ReleaseBudget: ['budget-not-allocated', 'ledger-entry-conflict'],
  },

  decide(command, { departmentExists, ledger, entry }) {
    switch (command.type) {
      case 'AllocateBudget': {
        const { departmentId, fiscalYear, budget, policy, warnThreshold, actorId, now } = command.data;
        if (!departmentExists) throw refuse('department-not-found', 'Department was not found');
        if (ledger) throw refuse('budget-exists', `The department already has a budget for ${fiscalYear}: adjust it`);
        checkThreshold(warnThreshold);
        checkBudget(budget.amount);
        const totals = totalsOf({ budget: budget.amount, requested: 0, committed: 0, spent: 0 });
        return [
          {
            type: 'BudgetAllocated',
            data: { departmentId, fiscalYear, currency: budget.currency, budget: budget.amount, policy, warnThreshold, allocatedBy: actorId, totals, at: now },
          },
        ];
      }
      case 'AdjustBudget': {
        const { budget, policy, warnThreshold, expectedVersion, reason, actorId, now } = command.data;
        const current = mustExist(ledger);
        if (expectedVersion !== undefined && expectedVersion !== current.version) {
          throw refuse('version-conflict', `The budget changed since version ${expectedVersion}; it is at version ${current.version}`);
        }
        if (budget && budget.currency !== current.currency) throw refuse('currency-mismatch', `The budget is in ${current.currency}`);
        const before: LedgerSettings = { budget: current.budget, policy: current.policy, warnThreshold: current.warnThreshold };
        const after: LedgerSettings = {
          budget: budget?.amount ?? before.budget,
          policy: policy ?? before.policy,
          warnThreshold: warnThreshold ?? before.warnThreshold,
        };
        checkThreshold(after.warnThreshold);
        checkBudget(after.budget);
        if (after.policy === 'stop' && after.budget < usedOf(current)) {
          throw refuse('budget-below-used', `A stop budget cannot drop below the ${usedOf(current)} already requested, committed and spent`);
        }
        if (JSON.stringify(before) === JSON.stringify(after)) return [];
        const { departmentId, fiscalYear, currency } = current;
        return [
          {
            type: 'BudgetAdjusted',
            data: {
              departmentId,
              fiscalYear,
              currency,
              before,
              after,
              reason,
              adjustedBy: actorId,
              totals: totalsOf({ ...current, budget: after.budget }),
              at: now,
            },
          },
        ];
      }
      case 'ReserveBudget': {
        const { requestId, amount, now } = command.data;
        const current = mustExist(ledger);
        if (amount.currency !== current.currency) throw refuse('currency-mismatch', `The department's budget is in ${current.currency}`);
        if (entry && entry.stage !== 'released') throw refuse('ledger-entry-conflict', 'This request already holds budget');
        const requested = current.requested + amount.amount;
        if (!Number.isSafeInteger(requested + current.committed + current.spent)) throw refuse('amount-too-large', 'The ledger cannot count this much');
        const totals = totalsOf({ ...current, requested });
        if (current.policy === 'stop' && totals.available < 0) {
          throw refuse('insufficient-budget', `Only ${totalsOf(current).available} of the budget is available; the request needs ${amount.amount}`);
        }
        return [{ type: 'BudgetReserved', data: { ...ref(current), requestId, amount: amount.amount, warning: warningFor(current, totals), totals, at: now } }];
      }
      case 'CommitBudget': {
        const current = mustExist(ledger);
        const held = mustHold(entry, 'requested');
        const totals = totalsOf({ ...current, requested: current.requested - held.amount, committed: current.committed + held.amount });
        return [{ type: 'BudgetCommitted', data: { ...ref(current), requestId: held.requestId, amount: held.amount, totals, at: command.data.now } }];
      }
      case 'SpendBudget': {
        const current = mustExist(ledger);
        const held = mustHold(entry, 'committed');
        const totals = totalsOf({ ...current, committed: current.committed - held.amount, spent: current.spent + held.amount });
        return [{ type: 'BudgetSpent', data: { ...ref(current), requestId: held.requestId, amount: held.amount, totals, at: command.data.now } }];
      }
      case 'ReleaseBudget': {
        const current = mustExist(ledger);
        const held = mustHold(entry, 'requested', 'committed');
        const from = held.stage as 'requested' | 'committed';
        const totals = totalsOf({ ...current, [from]: current[from] - held.amount });
        return [{ type: 'BudgetReleased', data: { ...ref(current), requestId: held.requestId, amount: held.amount, from, totals, at: command.data.now } }];
      }
    }
  },

  evolve(state, e) {
    const version = (state.ledger?.version ?? 0) + 1;
    const { departmentId, fiscalYear, currency } = e.data;
    const figures = { budget: e.data.totals.budget, requested: e.data.totals.requested, committed: e.data.totals.committed, spent: e.data.totals.spent };
    switch (e.type) {
      case 'BudgetAllocated':
        return { ...state, ledger: { departmentId, fiscalYear, currency, ...figures, policy: e.data.policy, warnThreshold: e.data.warnThreshold, version } };
      case 'BudgetAdjusted':
        return { ...state, ledger: { ...state.ledger!, ...figures, policy: e.data.after.policy, warnThreshold: e.data.after.warnThreshold, version } };
      case 'BudgetReserved':
        return {
          ...state,
          ledger: { ...state.ledger!, ...figures, version },
          entry: { requestId: e.data.requestId, amount: e.data.amount, stage: 'requested' },
        };
      case 'BudgetCommitted':
        return {
          ...state,
          ledger: { ...state.ledger!, ...figures, version },
          entry: { requestId: e.data.requestId, amount: e.data.amount, stage: 'committed' },
        };
      case 'BudgetSpent':
        return { ...state, ledger: { ...state.ledger!, ...figures, version }, entry: { requestId: e.data.requestId, amount: e.data.amount, stage: 'spent' } };
      case 'BudgetReleased':
        return {
          ...state,
          ledger: { ...state.ledger!, ...figures, version },
          entry: { requestId: e.data.requestId, amount: e.data.amount, stage: 'released' },
        };
    }
  },
};

const ref = ({ departmentId, fiscalYear, currency }: LedgerState) => ({ departmentId, fiscalYear, currency });

function mustExist(ledger: LedgerState | null): LedgerState {
  if (!ledger) throw refuse('budget-not-allocated', 'The department has no budget for this fiscal year');
  return ledger;
}

function mustHold(entry: LedgerEntry | null | undefined, ...stages: LedgerEntry['stage'][]): LedgerEntry {
  if (!entry || !stages.includes(entry.stage)) {
    throw refuse('ledger-entry-conflict', `The request's budget entry is ${entry?.stage ?? 'missing'}, not ${stages.join(' or ')}`);
  }
  return entry;
}

function checkThreshold(threshold: number) {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100)
    throw refuse('invalid-threshold', 'The warn threshold is a whole percentage from 1 to 100');
}

function checkBudget(amount: number) {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT)
    throw refuse('amount-too-large', `A budget is a whole amount from 0 to ${MAX_AMOUNT}`);
}

/** Over the budget (only `warn` gets there), or usage at or past the warn threshold after the reservation. */
function warningFor(before: LedgerState, after: LedgerTotals): BudgetWarning {
  if (after.available < 0) return 'over-budget';
  const reached = (used: number) => used * 100 >= before.budget * before.warnThreshold;
  return reached(usedOf(after)) ? 'threshold-reached' : null;
}

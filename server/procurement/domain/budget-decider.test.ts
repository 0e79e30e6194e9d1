import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@/server/testing/decider-spec';
import { type BudgetCommand, type BudgetDecisionState, budgetDecider, type LedgerEntry, totalsOf } from './budget-decider';
import type { BudgetPolicy } from './domain-events';
import { MAX_AMOUNT } from './limits';

const spec = deciderSpec(budgetDecider);
const decide = budgetDecider.decide;
const NOW = '2030-03-01T09:00:00.000Z';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const REF = { departmentId: 'team', fiscalYear: 2030, currency: 'EUR' };

const allocate = (budget = 1000, policy: BudgetPolicy = 'stop', warnThreshold = 80): BudgetCommand => ({
  type: 'AllocateBudget',
  data: { departmentId: 'team', fiscalYear: 2030, budget: eur(budget), policy, warnThreshold, actorId: 'u-acc', now: NOW },
});
const adjust = (changes: { budget?: number; policy?: BudgetPolicy; warnThreshold?: number; expectedVersion?: number; currency?: string }): BudgetCommand => ({
  type: 'AdjustBudget',
  data: {
    budget: changes.budget === undefined ? undefined : { amount: changes.budget, currency: changes.currency ?? 'EUR' },
    policy: changes.policy,
    warnThreshold: changes.warnThreshold,
    expectedVersion: changes.expectedVersion,
    reason: 'Reforecast',
    actorId: 'u-acc',
    now: NOW,
  },
});
const reserve = (requestId: string, amount: number, currency = 'EUR'): BudgetCommand => ({
  type: 'ReserveBudget',
  data: { requestId, amount: { amount, currency }, now: NOW },
});
const move = (type: 'CommitBudget' | 'SpendBudget' | 'ReleaseBudget', requestId: string): BudgetCommand => ({ type, data: { requestId, now: NOW } });

const empty: BudgetDecisionState = { departmentExists: true, ledger: null };
/** Runs commands, each accepted; `entry` follows the last request touched, as the loader would give it. */
function history(...commands: BudgetCommand[]): BudgetDecisionState {
  let state = empty;
  for (const c of commands) {
    if ('requestId' in c.data && state.entry?.requestId !== c.data.requestId) state = { ...state, entry: null };
    state = decide(c, state).reduce(budgetDecider.evolve, state);
  }
  return state;
}
/** The state the loader gives a command about `requestId`: the ledger and that request's entry. */
const forRequest = (state: BudgetDecisionState, entry: LedgerEntry | null): BudgetDecisionState => ({ ...state, entry });

describe('budget decider: allocate and adjust', () => {
  it('allocates a ledger with its policy and threshold', () => {
    const state = spec
      .given(empty)
      .when(allocate())
      .thenEmits([
        {
          type: 'BudgetAllocated',
          data: {
            ...REF,
            budget: 1000,
            policy: 'stop',
            warnThreshold: 80,
            allocatedBy: 'u-acc',
            totals: totalsOf({ budget: 1000, requested: 0, committed: 0, spent: 0 }),
            at: NOW,
          },
        },
      ]);
    expect(state.ledger).toMatchObject({ budget: 1000, requested: 0, committed: 0, spent: 0, version: 1 });
  });

  it('refuses an unknown department, a second allocation, a bad threshold, an amount beyond 10^13', () => {
    expect(spec.given({ departmentExists: false, ledger: null }).when(allocate()).thenRefuses('department-not-found')).toMatchObject({ kind: 'not-found' });
    spec.given(history(allocate())).when(allocate()).thenRefuses('budget-exists');
    for (const t of [0, 101, 50.5])
      spec
        .given(empty)
        .when(allocate(1000, 'stop', t))
        .thenRefuses('invalid-threshold');
    spec
      .given(empty)
      .when(allocate(MAX_AMOUNT + 1))
      .thenRefuses('amount-too-large');
  });

  it('adjusts with before and after, and keeps a stop budget above what is used', () => {
    const used = history(allocate(), reserve('r-1', 600));
    const [event] = decide(adjust({ budget: 700, warnThreshold: 90 }), used);
    expect(event).toMatchObject({
      type: 'BudgetAdjusted',
      data: {
        before: { budget: 1000, policy: 'stop', warnThreshold: 80 },
        after: { budget: 700, policy: 'stop', warnThreshold: 90 },
        totals: { available: 100 },
      },
    });
    spec
      .given(used)
      .when(adjust({ budget: 599 }))
      .thenRefuses('budget-below-used');
    // a warn budget may go below what is used
    expect(decide(adjust({ budget: 100, policy: 'warn' }), used)[0].data).toMatchObject({ totals: { available: -500 } });
    spec
      .given(used)
      .when(adjust({ budget: 100 }))
      .thenRefuses('budget-below-used');
  });

  it('refuses a stale version, another currency, a bad threshold or amount, a missing ledger; nothing changes nothing', () => {
    const state = history(allocate(), reserve('r-1', 100)); // version 2
    spec
      .given(state)
      .when(adjust({ budget: 900, expectedVersion: 1 }))
      .thenRefuses('version-conflict');
    expect(decide(adjust({ budget: 900, expectedVersion: 2 }), state)).toHaveLength(1);
    spec
      .given(state)
      .when(adjust({ budget: 900, currency: 'USD' }))
      .thenRefuses('currency-mismatch');
    spec
      .given(state)
      .when(adjust({ warnThreshold: 0 }))
      .thenRefuses('invalid-threshold');
    spec
      .given(state)
      .when(adjust({ budget: MAX_AMOUNT + 1 }))
      .thenRefuses('amount-too-large');
    spec
      .given(empty)
      .when(adjust({ budget: 1 }))
      .thenRefuses('budget-not-allocated');
    spec
      .given(state)
      .when(adjust({ budget: 1000, policy: 'stop' }))
      .thenEmitsNothing();
  });
});

describe('budget decider: the ledger of a request', () => {
  it('reserves on submit, commits on approval, spends on payment: each moves the amount along', () => {
    let state = history(allocate());
    state = spec
      .given(forRequest(state, null))
      .when(reserve('r-1', 300))
      .thenEmits([
        {
          type: 'BudgetReserved',
          data: {
            ...REF,
            requestId: 'r-1',
            amount: 300,
            warning: null,
            totals: { budget: 1000, requested: 300, committed: 0, spent: 0, available: 700 },
            at: NOW,
          },
        },
      ]);
    state = spec
      .given(state)
      .when(move('CommitBudget', 'r-1'))
      .thenEmits([
        {
          type: 'BudgetCommitted',
          data: { ...REF, requestId: 'r-1', amount: 300, totals: { budget: 1000, requested: 0, committed: 300, spent: 0, available: 700 }, at: NOW },
        },
      ]);
    state = spec
      .given(state)
      .when(move('SpendBudget', 'r-1'))
      .thenEmits([
        {
          type: 'BudgetSpent',
          data: { ...REF, requestId: 'r-1', amount: 300, totals: { budget: 1000, requested: 0, committed: 0, spent: 300, available: 700 }, at: NOW },
        },
      ]);
    expect(state.entry).toEqual({ requestId: 'r-1', amount: 300, stage: 'spent' });
    expect(state.ledger).toMatchObject({ version: 4 });
  });

  it('releases what a request holds, requested or committed', () => {
    const reserved = history(allocate(), reserve('r-1', 300));
    expect(decide(move('ReleaseBudget', 'r-1'), reserved)[0].data).toMatchObject({ from: 'requested', amount: 300, totals: { requested: 0, available: 1000 } });
    const committed = history(allocate(), reserve('r-1', 300), move('CommitBudget', 'r-1'));
    expect(decide(move('ReleaseBudget', 'r-1'), committed)[0].data).toMatchObject({ from: 'committed', totals: { committed: 0, available: 1000 } });
    // released money can be reserved again (a resubmit after changes were requested)
    const released = history(allocate(), reserve('r-1', 300), move('ReleaseBudget', 'r-1'));
    expect(decide(reserve('r-1', 400), released)[0].data).toMatchObject({ totals: { requested: 400 } });
  });

  it('never counts an entry twice: every move needs the stage before it', () => {
    const reserved = history(allocate(), reserve('r-1', 300));
    spec.given(reserved).when(reserve('r-1', 300)).thenRefuses('ledger-entry-conflict');
    spec.given(reserved).when(move('SpendBudget', 'r-1')).thenRefuses('ledger-entry-conflict');
    const none = forRequest(history(allocate()), null);
    spec.given(none).when(move('CommitBudget', 'r-1')).thenRefuses('ledger-entry-conflict');
    spec.given(none).when(move('ReleaseBudget', 'r-1')).thenRefuses('ledger-entry-conflict');
    const spent = history(allocate(), reserve('r-1', 300), move('CommitBudget', 'r-1'), move('SpendBudget', 'r-1'));
    spec.given(spent).when(move('ReleaseBudget', 'r-1')).thenRefuses('ledger-entry-conflict');
  });

  it('refuses every move on a department without a budget: no submit bypasses it', () => {
    spec.given(empty).when(reserve('r-1', 1)).thenRefuses('budget-not-allocated');
    spec.given(empty).when(move('CommitBudget', 'r-1')).thenRefuses('budget-not-allocated');
    spec.given(empty).when(move('SpendBudget', 'r-1')).thenRefuses('budget-not-allocated');
    spec.given(empty).when(move('ReleaseBudget', 'r-1')).thenRefuses('budget-not-allocated');
  });

  it('refuses another currency', () => {
    spec
      .given(history(allocate()))
      .when(reserve('r-1', 1, 'USD'))
      .thenRefuses('currency-mismatch');
  });

  it('under stop, never lets available go below zero: the last money goes to one request only', () => {
    const state = history(allocate(1000), reserve('r-1', 600), move('CommitBudget', 'r-1'), reserve('r-2', 300));
    expect(totalsOf(state.ledger!).available).toBe(100);
    expect(decide(reserve('r-3', 100), forRequest(state, null))[0].data).toMatchObject({ totals: { available: 0 } });
    expect(spec.given(forRequest(state, null)).when(reserve('r-3', 101)).thenRefuses('insufficient-budget')).toMatchObject({ kind: 'conflict' });
  });

  it('under warn, lets a reservation through past the budget and says so; flags the threshold either way', () => {
    const warn = history(allocate(1000, 'warn', 80));
    expect(decide(reserve('r-1', 1500), forRequest(warn, null))[0].data).toMatchObject({ warning: 'over-budget', totals: { available: -500 } });
    expect(decide(reserve('r-1', 800), forRequest(warn, null))[0].data).toMatchObject({ warning: 'threshold-reached' });
    expect(decide(reserve('r-1', 799), forRequest(warn, null))[0].data).toMatchObject({ warning: null });
    const stop = history(allocate(1000, 'stop', 80));
    expect(decide(reserve('r-1', 900), forRequest(stop, null))[0].data).toMatchObject({ warning: 'threshold-reached' });
  });

  it('refuses a ledger sum no number can hold', () => {
    const warn = history(allocate(1, 'warn'), reserve('a', Number.MAX_SAFE_INTEGER - 10));
    spec.given(forRequest(warn, null)).when(reserve('b', 100)).thenRefuses('amount-too-large');
  });
});

spec.itRaisesEveryDeclaredRefusal();

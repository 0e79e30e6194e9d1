import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/cqrs/errors';
import { type BudgetCommand, type BudgetDecisionState, budgetDecider, type LedgerEntry, totalsOf } from './budget-decider';
import type { BudgetPolicy } from './domain-events';

/**
 * Properties of the ledger over any sequence of commands (fast-check, fixed seed): whatever is
 * refused, the figures are always the sums of the requests' entries by stage, never negative, and
 * under `stop` what is available never goes below zero (adjustments included).
 */
const NOW = '2030-01-01T00:00:00.000Z';
const op = fc.oneof(
  fc.record({ kind: fc.constant('reserve' as const), request: fc.nat(7), amount: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ kind: fc.constantFrom('commit' as const, 'spend' as const, 'release' as const), request: fc.nat(7) }),
  fc.record({ kind: fc.constant('adjust' as const), budget: fc.nat(4000), policy: fc.constantFrom<BudgetPolicy>('stop', 'warn') }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function command(o: Op): BudgetCommand {
  if (o.kind === 'adjust') {
    return { type: 'AdjustBudget', data: { budget: { amount: o.budget, currency: 'EUR' }, policy: o.policy, reason: 'p', actorId: 'u', now: NOW } };
  }
  const requestId = `r-${o.request}`;
  switch (o.kind) {
    case 'reserve':
      return { type: 'ReserveBudget', data: { requestId, amount: { amount: o.amount, currency: 'EUR' }, now: NOW } };
    case 'commit':
      return { type: 'CommitBudget', data: { requestId, now: NOW } };
    case 'spend':
      return { type: 'SpendBudget', data: { requestId, now: NOW } };
    case 'release':
      return { type: 'ReleaseBudget', data: { requestId, now: NOW } };
  }
}

describe('budget ledger properties', () => {
  it.each<BudgetPolicy>(['stop', 'warn'])('under %s: figures are the sums of the entries, never negative; stop never below zero', (policy) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.array(op, { maxLength: 60 }), (budget, ops) => {
        const allocate: BudgetCommand = {
          type: 'AllocateBudget',
          data: { departmentId: 'd', fiscalYear: 2030, budget: { amount: budget, currency: 'EUR' }, policy, warnThreshold: 80, actorId: 'u', now: NOW },
        };
        let state: BudgetDecisionState = budgetDecider.decide(allocate, { departmentExists: true, ledger: null }).reduce(budgetDecider.evolve, {
          departmentExists: true,
          ledger: null,
        });
        const entries = new Map<string, LedgerEntry>();
        for (const o of ops) {
          const c = command(o);
          const requestId = 'requestId' in c.data ? c.data.requestId : null;
          const given: BudgetDecisionState = { ...state, entry: requestId ? (entries.get(requestId) ?? null) : undefined };
          let events: ReturnType<typeof budgetDecider.decide>;
          try {
            events = budgetDecider.decide(c, given);
          } catch (err) {
            expect(err).toBeInstanceOf(DomainError);
            continue;
          }
          state = events.reduce(budgetDecider.evolve, given);
          if (requestId && state.entry) entries.set(requestId, state.entry);
          const ledger = state.ledger!;
          const sum = (stage: LedgerEntry['stage']) => [...entries.values()].filter((e) => e.stage === stage).reduce((s, e) => s + e.amount, 0);
          expect({ requested: ledger.requested, committed: ledger.committed, spent: ledger.spent }).toEqual({
            requested: sum('requested'),
            committed: sum('committed'),
            spent: sum('spent'),
          });
          expect(Math.min(ledger.requested, ledger.committed, ledger.spent, ledger.budget)).toBeGreaterThanOrEqual(0);
          if (ledger.policy === 'stop') expect(totalsOf(ledger).available).toBeGreaterThanOrEqual(0);
        }
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});

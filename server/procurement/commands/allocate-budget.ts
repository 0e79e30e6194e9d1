import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { budgetDecider, totalsOf } from '../domain/budget-decider';
import { procurementErrors } from '../domain/errors';
import { allocateBudgetInput, budgetWritten } from '../schemas';
import { budgetAggregate } from './budget-aggregate';

/** AllocateBudget: an accountant gives a department its budget for a fiscal year, with its policy. */
export const allocateBudget = defineCommand({
  name: 'procurement/allocate-budget',
  summary: 'Allocate a department’s budget for a fiscal year (accountants)',
  access: { roles: ['accountant'] },
  input: allocateBudgetInput,
  output: budgetWritten,
  successStatus: 201,
  errors: procurementErrors.docs(budgetDecider.refusals.AllocateBudget),
  async handle({ departmentId, fiscalYear, budget, policy, warnThreshold }, ctx) {
    const { state } = await runDecider(
      ctx,
      budgetAggregate,
      { departmentId, fiscalYear },
      { type: 'AllocateBudget', data: { departmentId, fiscalYear, budget, policy, warnThreshold, actorId: ctx.actor.userId, now: ctx.now.toISOString() } },
    );
    const ledger = state.ledger!;
    return { status: 201, body: { departmentId, fiscalYear, version: ledger.version, available: totalsOf(ledger).available } };
  },
});

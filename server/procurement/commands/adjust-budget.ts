import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { budgetDecider, totalsOf } from '../domain/budget-decider';
import { procurementErrors } from '../domain/errors';
import { adjustBudgetInput, budgetWritten } from '../schemas';
import { budgetAggregate } from './budget-aggregate';

/** AdjustBudget: an accountant changes a ledger's budget, policy or warn threshold, with a reason. */
export const adjustBudget = defineCommand({
  name: 'procurement/adjust-budget',
  summary: 'Adjust a department’s budget, policy or warn threshold for a fiscal year (accountants)',
  access: { roles: ['accountant'] },
  input: adjustBudgetInput,
  output: budgetWritten,
  successStatus: 200,
  errors: procurementErrors.docs(budgetDecider.refusals.AdjustBudget),
  async handle({ departmentId, fiscalYear, ...changes }, ctx) {
    const { state } = await runDecider(
      ctx,
      budgetAggregate,
      { departmentId, fiscalYear },
      { type: 'AdjustBudget', data: { ...changes, actorId: ctx.actor.userId, now: ctx.now.toISOString() } },
    );
    const ledger = state.ledger!;
    return { status: 200, body: { departmentId, fiscalYear, version: ledger.version, available: totalsOf(ledger).available } };
  },
});

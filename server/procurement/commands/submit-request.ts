import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { budgetDecider } from '../domain/budget-decider';
import { procurementErrors } from '../domain/errors';
import { fiscalYearOf } from '../domain/fiscal-year';
import { requestDecider } from '../domain/request-decider';
import { requestIdInput, requestSubmitted } from '../schemas';
import { budgetAggregate } from './budget-aggregate';
import { lockRequestDepartment, orgUnits } from './department-lock';
import { requestAggregate } from './request-aggregate';

/**
 * SubmitRequest: the requester sends it for approval. One transaction: the department's row is
 * locked, the chain is fixed from the policy and leads in force, and the total is reserved in the
 * department's ledger for the fiscal year; a stop budget without enough left refuses it all.
 */
export const submitRequest = defineCommand({
  name: 'procurement/submit-request',
  summary: 'Submit a purchase request for approval; reserves its total in the budget (its requester)',
  access: 'signed-in',
  input: requestIdInput,
  output: requestSubmitted,
  successStatus: 200,
  errors: procurementErrors.docs([...requestDecider.refusals.SubmitRequest, ...budgetDecider.refusals.ReserveBudget]),
  async handle({ requestId }, ctx) {
    const now = ctx.now.toISOString();
    const fiscalYear = fiscalYearOf(now);
    const departmentId = await lockRequestDepartment(ctx.tx, requestId);
    const units = departmentId ? await orgUnits(ctx.tx, departmentId) : [];
    const { state } = await runDecider(
      ctx,
      requestAggregate,
      { requestId, departmentId },
      { type: 'SubmitRequest', data: { actorId: ctx.actor.userId, fiscalYear, units, now } },
    );
    const request = state.request!;
    const { events } = await runDecider(
      ctx,
      budgetAggregate,
      { departmentId: request.departmentId, fiscalYear, requestId },
      { type: 'ReserveBudget', data: { requestId, amount: request.total, now } },
    );
    const reserved = events.find((e) => e.type === 'BudgetReserved');
    return { status: 200, body: { requestId, version: request.version, status: request.status, budgetWarning: reserved?.data.warning ?? null } };
  },
});

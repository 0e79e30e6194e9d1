import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { budgetDecider } from '../domain/budget-decider';
import { procurementErrors } from '../domain/errors';
import { requestDecider } from '../domain/request-decider';
import { markAsPaidInput, requestWritten } from '../schemas';
import { budgetAggregate } from './budget-aggregate';
import { lockRequestDepartment } from './department-lock';
import { requestAggregate } from './request-aggregate';

/** MarkAsPaid: an accountant records the payment of a fully approved request; the commitment becomes spending. */
export const markAsPaid = defineCommand({
  name: 'procurement/mark-as-paid',
  summary: 'Record the payment of a fully approved purchase request (accountants)',
  access: { roles: ['accountant'] },
  input: markAsPaidInput,
  output: requestWritten,
  successStatus: 200,
  errors: procurementErrors.docs([...requestDecider.refusals.MarkAsPaid, ...budgetDecider.refusals.SpendBudget]),
  async handle({ requestId, paymentReference }, ctx) {
    const now = ctx.now.toISOString();
    const departmentId = await lockRequestDepartment(ctx.tx, requestId);
    const { state } = await runDecider(
      ctx,
      requestAggregate,
      { requestId, departmentId },
      { type: 'MarkAsPaid', data: { actorId: ctx.actor.userId, paymentReference, now } },
    );
    const request = state.request!;
    await runDecider(
      ctx,
      budgetAggregate,
      { departmentId: request.departmentId, fiscalYear: request.fiscalYear!, requestId },
      { type: 'SpendBudget', data: { requestId, now } },
    );
    return { status: 200, body: { requestId, version: request.version, status: request.status } };
  },
});

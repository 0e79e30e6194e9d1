import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { budgetDecider } from '../domain/budget-decider';
import { procurementErrors } from '../domain/errors';
import { requestDecider } from '../domain/request-decider';
import { approveRequestInput, requestWritten } from '../schemas';
import { budgetAggregate } from './budget-aggregate';
import { lockRequestDepartment } from './department-lock';
import { requestAggregate } from './request-aggregate';

/** ApproveRequest: whoever the current step names approves it; the last step commits the budget. */
export const approveRequest = defineCommand({
  name: 'procurement/approve-request',
  summary: 'Approve the current step of a purchase request (the approver it names)',
  access: 'signed-in',
  input: approveRequestInput,
  output: requestWritten,
  successStatus: 200,
  errors: procurementErrors.docs([...requestDecider.refusals.ApproveRequest, ...budgetDecider.refusals.CommitBudget]),
  async handle({ requestId, comment }, ctx) {
    const now = ctx.now.toISOString();
    const departmentId = await lockRequestDepartment(ctx.tx, requestId);
    const { events, state } = await runDecider(
      ctx,
      requestAggregate,
      { requestId, departmentId },
      { type: 'ApproveRequest', data: { actorId: ctx.actor.userId, actorRoles: ctx.actor.roles, comment: comment ?? '', now } },
    );
    const request = state.request!;
    if (events.some((e) => e.type === 'RequestApproved')) {
      await runDecider(
        ctx,
        budgetAggregate,
        { departmentId: request.departmentId, fiscalYear: request.fiscalYear!, requestId },
        { type: 'CommitBudget', data: { requestId, now } },
      );
    }
    return { status: 200, body: { requestId, version: request.version, status: request.status } };
  },
});

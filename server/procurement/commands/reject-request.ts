import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { budgetDecider } from '../domain/budget-decider';
import { procurementErrors } from '../domain/errors';
import { requestDecider } from '../domain/request-decider';
import { rejectRequestInput, requestWritten } from '../schemas';
import { lockRequestDepartment } from './department-lock';
import { releaseBudget } from './release-budget';
import { requestAggregate } from './request-aggregate';

/** RejectRequest: the current step's approver rejects it (or returns it for changes); its reservation is released. */
export const rejectRequest = defineCommand({
  name: 'procurement/reject-request',
  summary: 'Reject a purchase request, or return it for changes, with a reason (the approver of its current step)',
  access: 'signed-in',
  input: rejectRequestInput,
  output: requestWritten,
  successStatus: 200,
  errors: procurementErrors.docs([...requestDecider.refusals.RejectRequest, ...budgetDecider.refusals.ReleaseBudget]),
  async handle({ requestId, reason, kind }, ctx) {
    const departmentId = await lockRequestDepartment(ctx.tx, requestId);
    const { state } = await runDecider(
      ctx,
      requestAggregate,
      { requestId, departmentId },
      { type: 'RejectRequest', data: { actorId: ctx.actor.userId, actorRoles: ctx.actor.roles, kind, reason, now: ctx.now.toISOString() } },
    );
    const request = state.request!;
    await releaseBudget(ctx, request, 'submitted');
    return { status: 200, body: { requestId, version: request.version, status: request.status } };
  },
});

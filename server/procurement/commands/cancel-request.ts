import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { budgetDecider } from '../domain/budget-decider';
import { procurementErrors } from '../domain/errors';
import { requestDecider } from '../domain/request-decider';
import { requestIdInput, requestWritten } from '../schemas';
import { lockRequestDepartment } from './department-lock';
import { releaseBudget } from './release-budget';
import { requestAggregate } from './request-aggregate';

/** CancelRequest: the requester withdraws it any time before payment; what it held in the budget is released. */
export const cancelRequest = defineCommand({
  name: 'procurement/cancel-request',
  summary: 'Cancel a purchase request before it is paid; releases its budget (its requester)',
  access: 'signed-in',
  input: requestIdInput,
  output: requestWritten,
  successStatus: 200,
  errors: procurementErrors.docs([...requestDecider.refusals.CancelRequest, ...budgetDecider.refusals.ReleaseBudget]),
  async handle({ requestId }, ctx) {
    const departmentId = await lockRequestDepartment(ctx.tx, requestId);
    const { events, state } = await runDecider(
      ctx,
      requestAggregate,
      { requestId, departmentId },
      { type: 'CancelRequest', data: { actorId: ctx.actor.userId, now: ctx.now.toISOString() } },
    );
    const request = state.request!;
    const cancelled = events.find((e) => e.type === 'RequestCancelled');
    if (cancelled) await releaseBudget(ctx, request, cancelled.data.previousStatus);
    return { status: 200, body: { requestId, version: request.version, status: request.status } };
  },
});

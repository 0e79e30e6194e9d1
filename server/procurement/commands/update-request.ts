import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { procurementErrors } from '../domain/errors';
import { requestDecider } from '../domain/request-decider';
import { requestWritten, updateRequestInput } from '../schemas';
import { lockRequestDepartment } from './department-lock';
import { requestAggregate } from './request-aggregate';

/** UpdateRequest: the requester edits a draft (or a request returned for changes) at its version. */
export const updateRequest = defineCommand({
  name: 'procurement/update-request',
  summary: 'Edit a draft purchase request, or one returned for changes (its requester)',
  access: 'signed-in',
  input: updateRequestInput,
  output: requestWritten,
  successStatus: 200,
  errors: procurementErrors.docs(requestDecider.refusals.UpdateRequest),
  async handle({ requestId, expectedVersion, ...changes }, ctx) {
    const departmentId = await lockRequestDepartment(ctx.tx, requestId);
    const { state } = await runDecider(
      ctx,
      requestAggregate,
      { requestId, departmentId },
      { type: 'UpdateRequest', data: { actorId: ctx.actor.userId, expectedVersion, changes, now: ctx.now.toISOString() } },
    );
    const request = state.request!;
    return { status: 200, body: { requestId, version: request.version, status: request.status } };
  },
});

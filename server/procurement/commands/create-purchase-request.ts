import { eq } from 'drizzle-orm';
import { users } from '@/db/client';
import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { procurementErrors } from '../domain/errors';
import { requestDecider } from '../domain/request-decider';
import { createRequestInput, requestWritten } from '../schemas';
import { requestAggregate } from './request-aggregate';

/** CreatePurchaseRequest: a draft in the caller's department; the server computes every amount. */
export const createPurchaseRequest = defineCommand({
  name: 'procurement/create-purchase-request',
  summary: 'Create a purchase request (a draft in your department)',
  access: 'signed-in',
  input: createRequestInput,
  output: requestWritten,
  successStatus: 201,
  errors: procurementErrors.docs(requestDecider.refusals.CreatePurchaseRequest),
  async handle(input, ctx) {
    const requestId = ctx.newId();
    const { userId, name } = ctx.actor;
    const [me] = await ctx.tx.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, userId));
    const departmentId = me?.departmentId ?? null;
    const { state } = await runDecider(
      ctx,
      requestAggregate,
      { requestId, departmentId },
      {
        type: 'CreatePurchaseRequest',
        data: {
          requestId,
          requester: { userId, name },
          departmentId,
          title: input.title,
          justification: input.justification ?? '',
          vendor: input.vendor ?? '',
          neededBy: input.neededBy ?? null,
          lines: input.lines,
          now: ctx.now.toISOString(),
        },
      },
    );
    const request = state.request!;
    return { status: 201, body: { requestId, version: request.version, status: request.status } };
  },
});

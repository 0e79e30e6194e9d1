import type { CommandContext } from '@/server/cqrs/handle-command';
import { runDecider } from '@/server/cqrs/run-decider';
import type { RequestStatus } from '../domain/domain-events';
import { heldInBudget, type RequestState } from '../domain/request-decider';
import { budgetAggregate } from './budget-aggregate';

/** Releases what a request held in its ledger when it left `previous` (submitted or approved). */
export async function releaseBudget(ctx: CommandContext, request: RequestState, previous: RequestStatus) {
  if (!heldInBudget(previous) || request.fiscalYear === null) return;
  await runDecider(
    ctx,
    budgetAggregate,
    { departmentId: request.departmentId, fiscalYear: request.fiscalYear, requestId: request.requestId },
    { type: 'ReleaseBudget', data: { requestId: request.requestId, now: ctx.now.toISOString() } },
  );
}

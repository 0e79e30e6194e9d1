import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { approvalPolicyDecider } from '../domain/approval-policy-decider';
import { procurementErrors } from '../domain/errors';
import { approvalPolicyWritten, setApprovalPolicyInput } from '../schemas';
import { approvalPolicyAggregate } from './approval-policy-aggregate';

/** SetApprovalPolicy: an administrator sets a department's approval tiers (inherited below it), or drops them. */
export const setApprovalPolicy = defineCommand({
  name: 'procurement/set-approval-policy',
  summary: 'Set or drop a department’s approval tiers (administrators)',
  access: { roles: ['admin'] },
  input: setApprovalPolicyInput,
  output: approvalPolicyWritten,
  successStatus: 200,
  errors: procurementErrors.docs(approvalPolicyDecider.refusals.SetApprovalPolicy),
  async handle({ departmentId, tiers }, ctx) {
    const { state } = await runDecider(ctx, approvalPolicyAggregate, departmentId, {
      type: 'SetApprovalPolicy',
      data: { departmentId, tiers, actorId: ctx.actor.userId, now: ctx.now.toISOString() },
    });
    return { status: 200, body: { departmentId, version: state.policy?.version ?? 0 } };
  },
});

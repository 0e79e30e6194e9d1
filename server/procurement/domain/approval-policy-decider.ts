import type { Decider } from '@/server/cqrs/types';
import { checkPolicy } from './approval-policy';
import type { ApprovalPolicySet, ApprovalTier } from './domain-events';
import { type ProcurementErrorCode, procurementErrors } from './errors';

const { refuse } = procurementErrors;

export interface ApprovalPolicyState {
  departmentExists: boolean;
  /** The department's own tiers (null: it inherits), and its policy stream's version. */
  policy: { departmentId: string; tiers: ApprovalTier[] | null; version: number } | null;
}

export type ApprovalPolicyCommand = {
  type: 'SetApprovalPolicy';
  data: { departmentId: string; tiers: ApprovalTier[] | null; actorId: string; now: string };
};

/**
 * Rules of a department's approval policy: set by an administrator for an existing department;
 * tiers ascend by amount, the last one takes any amount, each names 1..5 distinct approvers;
 * `null` drops the department's own policy so it inherits its parent's; setting what is already
 * set changes nothing.
 */
export const approvalPolicyDecider: Decider<ApprovalPolicyCommand, ApprovalPolicySet, ApprovalPolicyState, ProcurementErrorCode> = {
  refusals: { SetApprovalPolicy: ['department-not-found', 'invalid-policy'] },

  decide(command, { departmentExists, policy }) {
    const { departmentId, tiers, actorId, now } = command.data;
    if (!departmentExists) throw refuse('department-not-found', 'Department was not found');
    if (tiers) checkPolicy(tiers);
    const before = policy?.tiers ?? null;
    if (JSON.stringify(before) === JSON.stringify(tiers)) return [];
    return [{ type: 'ApprovalPolicySet', data: { departmentId, tiers, before, setBy: actorId, at: now } }];
  },

  evolve(state, e) {
    return { ...state, policy: { departmentId: e.data.departmentId, tiers: e.data.tiers, version: (state.policy?.version ?? 0) + 1 } };
  },
};

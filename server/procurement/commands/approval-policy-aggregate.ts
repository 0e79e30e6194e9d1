import { eq } from 'drizzle-orm';
import { approvalPolicies } from '@/db/client';
import { defineAggregate } from '@/server/cqrs/aggregate';
import { approvalPolicyDecider, type ApprovalPolicyState } from '../domain/approval-policy-decider';
import { type ApprovalTier, approvalPolicyStreamId } from '../domain/domain-events';
import { lockDepartment } from './department-lock';

/** A department's own approval policy: its row, after the department's lock. */
export const approvalPolicyAggregate = defineAggregate({
  decider: approvalPolicyDecider,
  async load(tx, departmentId: string): Promise<ApprovalPolicyState> {
    const departmentExists = await lockDepartment(tx, departmentId);
    if (!departmentExists) return { departmentExists, policy: null };
    const [row] = await tx.select().from(approvalPolicies).where(eq(approvalPolicies.departmentId, departmentId)).for('update');
    return { departmentExists, policy: row ? { departmentId, tiers: row.tiers as ApprovalTier[] | null, version: row.version } : null };
  },
  stream: (departmentId, { policy }) => ({ id: approvalPolicyStreamId(departmentId), version: policy?.version ?? 0 }),
  persist: {
    async ApprovalPolicySet(tx, { data }, { policy }) {
      const row = { tiers: data.tiers, version: policy!.version };
      await tx
        .insert(approvalPolicies)
        .values({ departmentId: data.departmentId, ...row })
        .onConflictDoUpdate({ target: approvalPolicies.departmentId, set: row });
    },
  },
});

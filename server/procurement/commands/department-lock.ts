import { eq, inArray } from 'drizzle-orm';
import { approvalPolicies, type Db, departments, purchaseRequests } from '@/db/client';
import type { OrgUnit } from '../domain/approval-policy';
import type { ApprovalTier } from '../domain/domain-events';

/**
 * Locks a department's row (FOR NO KEY UPDATE, so inserts that reference it still go through).
 * Every procurement command takes this lock FIRST, on the department whose requests, budget or
 * policy it changes: the department row orders all of that department's procurement streams and
 * their transactions, and it serializes the race for a ledger's last money
 * (docs/decisions/0010-procurement-budget-ledger.md). Answers whether the department exists.
 */
export async function lockDepartment(tx: Db, departmentId: string): Promise<boolean> {
  const rows = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId)).for('no key update');
  return rows.length > 0;
}

/** The department a request belongs to (it never changes, so it is read before any lock). */
export async function departmentOfRequest(tx: Db, requestId: string): Promise<string | null> {
  const [row] = await tx.select({ departmentId: purchaseRequests.departmentId }).from(purchaseRequests).where(eq(purchaseRequests.id, requestId));
  return row?.departmentId ?? null;
}

/** Locks the request's department and answers it (null: no such request). */
export async function lockRequestDepartment(tx: Db, requestId: string): Promise<string | null> {
  const departmentId = await departmentOfRequest(tx, requestId);
  if (departmentId) await lockDepartment(tx, departmentId);
  return departmentId;
}

/** The units from a department up to its root, with their leads and own approval policies. */
export async function orgUnits(tx: Db, departmentId: string): Promise<OrgUnit[]> {
  const units: OrgUnit[] = [];
  const seen = new Set<string>();
  let next: string | null = departmentId;
  while (next && !seen.has(next)) {
    seen.add(next);
    const [row] = await tx
      .select({ id: departments.id, parentId: departments.parentId, leadId: departments.leadId })
      .from(departments)
      .where(eq(departments.id, next));
    if (!row) break;
    units.push({ departmentId: row.id, leadId: row.leadId, policy: null });
    next = row.parentId;
  }
  if (units.length === 0) return units;
  const policies = await tx
    .select()
    .from(approvalPolicies)
    .where(
      inArray(
        approvalPolicies.departmentId,
        units.map((u) => u.departmentId),
      ),
    );
  const byId = new Map(policies.map((p) => [p.departmentId, p.tiers as ApprovalTier[] | null]));
  return units.map((u) => ({ ...u, policy: byId.get(u.departmentId) ?? null }));
}

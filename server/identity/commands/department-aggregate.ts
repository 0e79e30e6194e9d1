import { and, eq, ne } from 'drizzle-orm';
import { departments, type Db, userRoles, users } from '@/db/client';
import { defineAggregate } from '@/server/cqrs/aggregate';
import { type DepartmentDecisionState, type DepartmentState, departmentDecider, type MemberState } from '../domain/department-decider';
import { departmentStreamId } from '../domain/domain-events';

/** A department, and for a creation its parent, for an assignment the user assigned. */
export interface DepartmentKey {
  departmentId: string;
  parentId?: string | null;
  userId?: string;
}

export const TEAM_LEAD_ROLE = 'team-lead';

/**
 * Locks a department's row (FOR NO KEY UPDATE: rows that reference it still insert). It is the first
 * lock of every command on the department, procurement's included, so it orders the department's
 * stream and everything decided by it (docs/decisions/0010-procurement-budget-ledger.md).
 */
export async function lockDepartment(tx: Db, departmentId: string): Promise<DepartmentState | null> {
  const [row] = await tx.select().from(departments).where(eq(departments.id, departmentId)).for('no key update');
  if (!row) return null;
  return { departmentId: row.id, name: row.name, parentId: row.parentId, level: row.level, leadId: row.leadId, version: row.version };
}

/** Locks the user's row after the department's, then reads which other department they lead. */
async function lockMember(tx: Db, userId: string, departmentId: string): Promise<MemberState | null> {
  const [user] = await tx.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, userId)).for('no key update');
  if (!user) return null;
  const [led] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.leadId, userId), ne(departments.id, departmentId)));
  return { userId, departmentId: user.departmentId, leadsDepartmentId: led?.id ?? null };
}

async function saveVersion(tx: Db, { department }: DepartmentDecisionState) {
  await tx.update(departments).set({ version: department!.version }).where(eq(departments.id, department!.departmentId));
}

/** The organization tree: one row per department; members are users' `department_id`. */
export const departmentAggregate = defineAggregate({
  decider: departmentDecider,
  async load(tx, { departmentId, parentId, userId }: DepartmentKey): Promise<DepartmentDecisionState> {
    const department = await lockDepartment(tx, departmentId);
    if (userId) return { department, member: department ? await lockMember(tx, userId, departmentId) : null };
    if (!parentId) return { department, parent: null };
    const [parent] = await tx.select({ departmentId: departments.id, level: departments.level }).from(departments).where(eq(departments.id, parentId));
    return { department, parent };
  },
  stream: ({ departmentId }, { department }) => ({ id: departmentStreamId(departmentId), version: department?.version ?? 0 }),
  persist: {
    async DepartmentCreated(tx, { data }, after) {
      await tx.insert(departments).values({
        id: data.departmentId,
        name: data.name,
        parentId: data.parentId,
        level: data.level,
        version: after.department!.version,
        createdAt: new Date(data.createdAt),
      });
    },
    async MemberAssigned(tx, { data }, after) {
      await saveVersion(tx, after);
      await tx.update(users).set({ departmentId: data.departmentId }).where(eq(users.id, data.userId));
    },
    async DepartmentLeadChanged(tx, { data }, after) {
      await tx.update(departments).set({ leadId: data.leadId, version: after.department!.version }).where(eq(departments.id, data.departmentId));
      // a user leads at most one department, so who stops leading this one leads none
      if (data.previousLeadId) await tx.delete(userRoles).where(and(eq(userRoles.userId, data.previousLeadId), eq(userRoles.role, TEAM_LEAD_ROLE)));
      if (data.leadId) await tx.insert(userRoles).values({ userId: data.leadId, role: TEAM_LEAD_ROLE }).onConflictDoNothing();
    },
  },
});

import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { departmentDecider } from '../domain/department-decider';
import { organizationErrors } from '../domain/organization-errors';
import { assignMemberInput, memberAssigned } from '../organization-schemas';
import { departmentAggregate } from './department-aggregate';

/**
 * AssignMember: an administrator moves a user into a department, optionally as its lead. The
 * department's row is locked first, then the user's: two assignments of one user serialize on the
 * user, so nobody ends up leading two departments (a unique index backs it).
 */
export const assignMember = defineCommand({
  name: 'identity/assign-member',
  summary: 'Assign a user to a department, optionally as its lead (administrators)',
  access: { roles: ['admin'] },
  input: assignMemberInput,
  output: memberAssigned,
  successStatus: 200,
  errors: organizationErrors.docs(departmentDecider.refusals.AssignMember),
  async handle({ userId, departmentId, leads }, ctx) {
    const { state } = await runDecider(
      ctx,
      departmentAggregate,
      { departmentId, userId },
      { type: 'AssignMember', data: { userId, leads: leads ?? false, now: ctx.now.toISOString() } },
    );
    return { status: 200, body: { userId, departmentId, leadId: state.department!.leadId } };
  },
});

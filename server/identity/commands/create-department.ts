import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { departmentDecider } from '../domain/department-decider';
import { organizationErrors } from '../domain/organization-errors';
import { createDepartmentInput, departmentWritten } from '../organization-schemas';
import { departmentAggregate } from './department-aggregate';

/** CreateDepartment: an administrator adds a unit to the organization tree, as a root or under a parent. */
export const createDepartment = defineCommand({
  name: 'identity/create-department',
  summary: 'Create a department (administrators)',
  access: { roles: ['admin'] },
  input: createDepartmentInput,
  output: departmentWritten,
  successStatus: 201,
  errors: organizationErrors.docs(departmentDecider.refusals.CreateDepartment),
  async handle({ name, parentId }, ctx) {
    const departmentId = ctx.newId();
    const { state } = await runDecider(
      ctx,
      departmentAggregate,
      { departmentId, parentId: parentId ?? null },
      { type: 'CreateDepartment', data: { departmentId, name, parentId: parentId ?? null, now: ctx.now.toISOString() } },
    );
    return { status: 201, body: { departmentId, version: state.department!.version } };
  },
});

import { defineErrors, type ErrorCodeOf } from '@/server/cqrs/errors';
import { MAX_DEPARTMENT_LEVEL } from './organization-limits';

/** Refusals of the organization (departments and who belongs to and leads them). */
export const organizationErrors = defineErrors({
  'department-not-found': { status: 404, when: 'no such department' },
  'parent-not-found': { status: 404, when: 'no such parent department' },
  'user-not-found': { status: 404, when: 'no such user' },
  'department-exists': { status: 409, when: 'a department with this id exists' },
  'tree-too-deep': { status: 409, when: `the department would sit more than ${MAX_DEPARTMENT_LEVEL} levels below a root` },
  'leads-another-department': { status: 409, when: 'the user leads another department: give it another lead first' },
});

export type OrganizationErrorCode = ErrorCodeOf<typeof organizationErrors>;

import type { Decider } from '@/server/cqrs/types';
import type { DepartmentEvent } from './domain-events';
import { type OrganizationErrorCode, organizationErrors } from './organization-errors';
import { MAX_DEPARTMENT_LEVEL } from './organization-limits';

const { refuse } = organizationErrors;

export interface DepartmentState {
  departmentId: string;
  name: string;
  parentId: string | null;
  level: number;
  leadId: string | null;
  version: number;
}

/** The user an assignment is about: where they belong and which department they lead now. */
export interface MemberState {
  userId: string;
  departmentId: string | null;
  leadsDepartmentId: string | null;
}

/**
 * `parent` for a creation (null: none was named, undefined: the named one does not exist);
 * `member` for an assignment (null: no such user).
 */
export interface DepartmentDecisionState {
  department: DepartmentState | null;
  parent?: { departmentId: string; level: number } | null;
  member?: MemberState | null;
}

export type DepartmentCommand =
  | { type: 'CreateDepartment'; data: { departmentId: string; name: string; parentId: string | null; now: string } }
  | { type: 'AssignMember'; data: { userId: string; leads: boolean; now: string } };

/**
 * Rules of the organization tree:
 * - a department is a root or sits under an existing department, at most 5 levels below its root;
 * - a user belongs to one department; assigning them moves them there;
 * - a department has at most one lead, a member of it; `leads` makes the user its lead (replacing
 *   any other), `leads: false` on its current lead leaves it without one;
 * - a user leads at most one department: one who leads another cannot move or lead here until that
 *   department gets another lead;
 * - assigning what is already so changes nothing.
 */
export const departmentDecider: Decider<DepartmentCommand, DepartmentEvent, DepartmentDecisionState, OrganizationErrorCode> = {
  refusals: {
    CreateDepartment: ['department-exists', 'parent-not-found', 'tree-too-deep'],
    AssignMember: ['department-not-found', 'user-not-found', 'leads-another-department'],
  },

  decide(command, { department, parent, member }) {
    switch (command.type) {
      case 'CreateDepartment': {
        const { departmentId, name, parentId, now } = command.data;
        if (department) throw refuse('department-exists', 'A department with this id already exists');
        if (parentId && !parent) throw refuse('parent-not-found', 'Parent department was not found');
        const level = parent ? parent.level + 1 : 0;
        if (level > MAX_DEPARTMENT_LEVEL) throw refuse('tree-too-deep', `A department sits at most ${MAX_DEPARTMENT_LEVEL} levels below its root`);
        return [{ type: 'DepartmentCreated', data: { departmentId, name, parentId: parent ? parentId : null, level, createdAt: now } }];
      }
      case 'AssignMember': {
        const { userId, leads, now } = command.data;
        if (!department) throw refuse('department-not-found', 'Department was not found');
        if (!member) throw refuse('user-not-found', 'User was not found');
        const { departmentId } = department;
        if (member.leadsDepartmentId && member.leadsDepartmentId !== departmentId) {
          throw refuse('leads-another-department', 'The user leads another department: give it another lead first');
        }
        const events: DepartmentEvent[] = [];
        if (member.departmentId !== departmentId) {
          events.push({ type: 'MemberAssigned', data: { departmentId, userId, previousDepartmentId: member.departmentId, assignedAt: now } });
        }
        const leadId = leads ? userId : department.leadId === userId ? null : department.leadId;
        if (leadId !== department.leadId) {
          events.push({ type: 'DepartmentLeadChanged', data: { departmentId, leadId, previousLeadId: department.leadId, changedAt: now } });
        }
        return events;
      }
    }
  },

  evolve(state, e) {
    const version = (state.department?.version ?? 0) + 1;
    switch (e.type) {
      case 'DepartmentCreated': {
        const { departmentId, name, parentId, level } = e.data;
        return { ...state, department: { departmentId, name, parentId, level, leadId: null, version } };
      }
      case 'MemberAssigned':
        return {
          ...state,
          department: { ...state.department!, version },
          member: state.member && { ...state.member, departmentId: e.data.departmentId },
        };
      case 'DepartmentLeadChanged': {
        const member = state.member && { ...state.member, leadsDepartmentId: e.data.leadId === state.member.userId ? e.data.departmentId : null };
        return { ...state, department: { ...state.department!, leadId: e.data.leadId, version }, member };
      }
    }
  },
};

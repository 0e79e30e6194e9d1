import type { DomainEvent } from '@/server/cqrs/types';

/** Roles every open sign-up gets; other roles are granted, never self-chosen. */
export const DEFAULT_ROLES = ['attendee'] as const;

export type UserCreated = DomainEvent<'UserCreated', { userId: string; email: string; name: string; roles: string[] }>;

export const userStreamId = (userId: string) => `user-${userId}`;

/** A unit of the organization tree (company > division > department...); `level` 0 is a root. */
export type DepartmentCreated = DomainEvent<
  'DepartmentCreated',
  { departmentId: string; name: string; parentId: string | null; level: number; createdAt: string }
>;
/** The user now belongs to the department (a user belongs to one at a time). */
export type MemberAssigned = DomainEvent<'MemberAssigned', { departmentId: string; userId: string; previousDepartmentId: string | null; assignedAt: string }>;
/** The department's lead changed (null: it has none); the lead holds the `team-lead` role while leading. */
export type DepartmentLeadChanged = DomainEvent<
  'DepartmentLeadChanged',
  { departmentId: string; leadId: string | null; previousLeadId: string | null; changedAt: string }
>;

export type DepartmentEvent = DepartmentCreated | MemberAssigned | DepartmentLeadChanged;

export const departmentStreamId = (departmentId: string) => `department-${departmentId}`;

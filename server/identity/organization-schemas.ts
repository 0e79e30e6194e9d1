import { z } from 'zod';
import { consistencyToken, id, text } from '@/server/shared/contract';
import { MAX_DEPARTMENT_NAME } from './domain/organization-limits';

/** HTTP contracts of the organization tree (departments, members, leads). */
export const createDepartmentInput = z.strictObject({
  name: text(MAX_DEPARTMENT_NAME),
  parentId: id().nullable().optional().describe('The unit it sits under; absent or null for a root'),
});

export const departmentWritten = z.object({ departmentId: z.uuid(), version: z.number().int(), consistencyToken });

export const assignMemberInput = z.strictObject({
  userId: id(),
  departmentId: id(),
  leads: z.boolean().optional().describe('Make the user the department’s lead (replacing its lead); false on its lead leaves it without one'),
});

export const memberAssigned = z.object({ userId: z.uuid(), departmentId: z.uuid(), leadId: z.uuid().nullable(), consistencyToken });

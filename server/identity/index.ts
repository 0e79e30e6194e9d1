import { defineContext } from '@/server/cqrs/define-context';
import { assignMember } from './commands/assign-member';
import { createDepartment } from './commands/create-department';
import { createUser } from './commands/create-user';

/** Identity: users, roles, departments. Sign-in itself lives in server/auth. */
export const identityContext = defineContext({ name: 'identity', commands: [createUser, createDepartment, assignMember] });

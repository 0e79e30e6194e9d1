import { createUser } from './commands/create-user';

/** Identity: users, roles, departments. Sign-in itself lives in server/auth. */
export const identityContext = {
  name: 'identity',
  commands: [createUser],
  queries: [],
  projectors: [],
};

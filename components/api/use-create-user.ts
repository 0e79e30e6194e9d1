'use client';

import { useCommand } from './use-command';

export type CreateUserInput = { email: string; name: string; password: string };

/** Open sign-up (identity context). */
export function useCreateUser() {
  return useCommand<CreateUserInput, { userId: string }>('identity/create-user');
}

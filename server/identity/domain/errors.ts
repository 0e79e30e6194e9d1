import { defineErrors, type ErrorCodeOf } from '@/server/cqrs/errors';

/** Every refusal of the identity context. */
export const identityErrors = defineErrors({
  'email-taken': { status: 409, when: 'an account with this email exists' },
});

export type IdentityErrorCode = ErrorCodeOf<typeof identityErrors>;

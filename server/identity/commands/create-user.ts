import { userRoles, users } from '@/db/client';
import { hashPassword } from '@/server/auth/password';
import { defineCommand } from '@/server/cqrs/define';
import type { CommandContext } from '@/server/cqrs/handle-command';
import { identityErrors } from '../domain/errors';
import { DEFAULT_ROLES, userStreamId, type UserCreated } from '../domain/domain-events';
import { createUserInput, userCreated } from '../schemas';

/**
 * CreateUser: open sign-up (also the social context's CreateUser). Email uniqueness is the
 * case-insensitive unique index; the insert's conflict answers 409 without a race window.
 */
export const createUser = defineCommand({
  name: 'identity/create-user',
  summary: 'Sign up',
  access: 'public',
  input: createUserInput,
  output: userCreated,
  successStatus: 201,
  errors: identityErrors.docs(['email-taken']),
  async handle({ email, name, password }, ctx) {
    return createUserWithRoles(ctx, { email, name, password, roles: [...DEFAULT_ROLES] });
  },
});

/** Shared with the demo seed, which also grants other roles. */
export async function createUserWithRoles(
  ctx: CommandContext,
  { email, name, password, roles }: { email: string; name: string; password: string; roles: string[] },
) {
  const userId = ctx.newId();
  const inserted = await ctx.tx
    .insert(users)
    .values({ id: userId, email: email.trim(), name, passwordHash: await hashPassword(password), createdAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (inserted.length === 0) throw identityErrors.refuse('email-taken', 'An account with this email already exists');
  await ctx.tx.insert(userRoles).values(roles.map((role) => ({ userId, role })));
  const event: UserCreated = { type: 'UserCreated', data: { userId, email: email.trim(), name, roles } };
  await ctx.append(userStreamId(userId), 0, [event]);
  return { status: 201 as const, body: { userId } };
}

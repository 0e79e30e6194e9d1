import { eq, sql } from 'drizzle-orm';
import { dbFor, pool, userRoles, users } from '@/db/client';
import { AppError } from '@/server/cqrs/errors';
import type { Actor } from '@/server/cqrs/types';
import { env } from '@/server/env';
import { DUMMY_HASH, verifyPassword } from './password';
import { clearFailures, recordFailure, secondsUntilAllowed } from './throttle';

const badCredentials = () => new AppError('unauthenticated', 'invalid-credentials', 'The email or password is wrong');

/**
 * Checks an email and password. Failures are rate limited per account and per client, and the
 * answer for an unknown email is the same, in content and in time, as for a wrong password.
 */
export async function authenticate(email: string, password: string, clientKey: string): Promise<Actor> {
  const normalized = email.trim().toLowerCase();
  const accountKey = `account:${normalized}`;
  const clientThrottleKey = `client:${clientKey}`;
  const wait = await secondsUntilAllowed([
    { key: accountKey, max: env.AUTH_MAX_FAILURES_PER_ACCOUNT },
    { key: clientThrottleKey, max: env.AUTH_MAX_FAILURES_PER_CLIENT },
  ]);
  if (wait > 0) {
    throw new AppError('rate-limited', 'rate-limited', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds: wait });
  }
  const db = dbFor(pool());
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalized));
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await recordFailure([accountKey, clientThrottleKey]);
    throw badCredentials();
  }
  await clearFailures(accountKey);
  return loadActor(user.id);
}

export async function loadActor(userId: string): Promise<Actor> {
  const db = dbFor(pool());
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw badCredentials();
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return { userId: user.id, email: user.email, name: user.name, roles: roles.map((r) => r.role).sort() };
}

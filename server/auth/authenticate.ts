import { eq, sql } from 'drizzle-orm';
import { dbFor, pool, userRoles, users } from '@/db/client';
import { AppError } from '@/server/cqrs/errors';
import type { Actor } from '@/server/cqrs/types';
import { env } from '@/server/env';
import { DUMMY_HASH, verifyPassword } from './password';
import { clear, emailKey, type Limit, release, take } from './throttle';

const badCredentials = () => new AppError('unauthenticated', 'invalid-credentials', 'The email or password is wrong');

/**
 * The sign-in limits of an email from a client (decision 0009). The tight one is per account and
 * client: guessing one account's password from one address stops after a few tries, and its owner,
 * signing in from anywhere else, never notices. The account-wide one catches guessing spread over
 * many addresses; it is high and its window short, so an attacker who trips it locks the owner out
 * for at most a minute. The per-client one stops one address from spraying many accounts.
 */
function signInLimits(email: string, client: string): Limit[] {
  const account = emailKey(email);
  return [
    { key: `signin:account-client:${account}:${client}`, max: env.AUTH_MAX_FAILURES_PER_ACCOUNT_CLIENT, windowSeconds: env.AUTH_ACCOUNT_CLIENT_WINDOW_SECONDS },
    { key: `signin:account:${account}`, max: env.AUTH_MAX_FAILURES_PER_ACCOUNT, windowSeconds: env.AUTH_ACCOUNT_WINDOW_SECONDS },
    { key: `signin:client:${client}`, max: env.AUTH_MAX_FAILURES_PER_CLIENT, windowSeconds: env.AUTH_CLIENT_WINDOW_SECONDS },
  ];
}

/**
 * Checks an email and password from a client (its address, from the front door). Attempts are
 * counted before the check and a success takes its count back, so the limits count failures and
 * hold under concurrent guesses. An unknown email costs and answers the same as a wrong password.
 */
export async function authenticate(email: string, password: string, clientKey: string): Promise<Actor> {
  const normalized = email.trim().toLowerCase();
  const limits = signInLimits(normalized, clientKey);
  const wait = await take(limits);
  if (wait > 0) {
    throw new AppError('rate-limited', 'rate-limited', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds: wait });
  }
  const db = dbFor(pool());
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalized));
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw badCredentials();
  await clear(limits[0].key);
  await release(limits.slice(1).map((l) => l.key));
  return loadActor(user.id);
}

export async function loadActor(userId: string): Promise<Actor> {
  const db = dbFor(pool());
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw badCredentials();
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return { userId: user.id, email: user.email, name: user.name, roles: roles.map((r) => r.role).sort() };
}

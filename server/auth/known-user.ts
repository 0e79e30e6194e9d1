import { eq } from 'drizzle-orm';
import { dbFor, pool, users } from '@/db/client';
import { unauthenticated } from '@/server/cqrs/errors';
import type { Actor } from '@/server/cqrs/types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Users are never deleted, so a user once found stays found: remember up to this many. */
const MAX_REMEMBERED = 10_000;
const known = new Set<string>();

/**
 * Refuses (401) a validly signed token whose user does not exist, e.g. one signed for another
 * database with the same secret: without this check a command would fail on a foreign key (500).
 * One primary-key lookup per user and process; commands only, as queries touch no user rows.
 * Returns the caller, or null for a public route (which ignores credentials it cannot use).
 */
export async function knownCaller<T extends Actor | null>(actor: T, isPublic: boolean): Promise<T> {
  if (!actor || known.has(actor.userId)) return actor;
  const [row] = UUID.test(actor.userId) ? await dbFor(pool()).select({ id: users.id }).from(users).where(eq(users.id, actor.userId)) : [];
  if (!row) {
    // a public route answers a token that names nobody as it answers no token (check-access.ts)
    if (isPublic) return null as T;
    throw unauthenticated();
  }
  if (known.size >= MAX_REMEMBERED) known.clear();
  known.add(actor.userId);
  return actor;
}

import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { dbFor, pool } from '@/db/client';
import { env } from '@/server/env';

/** One fixed-window counter: at most `max` attempts per `windowSeconds` under `key`. */
export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Keys never hold an email: an HMAC of it under the server's secret, so the table (and any log of
 * it) reveals nobody's address, while the same address always counts under the same key.
 */
export const emailKey = (email: string) => createHmac('sha256', env.NEXTAUTH_SECRET).update(email.trim().toLowerCase()).digest('base64url').slice(0, 22);

/**
 * Fixed-window counters in PostgreSQL, so every web instance sees the same counts. `take` counts
 * one attempt under every limit at once and, when any limit is then exceeded, takes the attempt
 * back from all of them and answers how long to wait: a refused attempt counts nowhere, so one
 * client hammering a limit it has exhausted cannot push another limit (an account's) over.
 * Counting before the work (not after a failure) keeps concurrent attempts within the limit.
 */
export async function take(limits: Limit[]): Promise<number> {
  const db = dbFor(pool());
  let wait = 0;
  for (const { key, max, windowSeconds } of limits) {
    const { rows } = await db.execute<{ attempts: number; remaining: number }>(sql`
      INSERT INTO auth_throttle (key, window_start, failures) VALUES (${key}, now(), 1)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN auth_throttle.window_start <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE auth_throttle.failures + 1 END,
        window_start = CASE WHEN auth_throttle.window_start <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE auth_throttle.window_start END
      RETURNING failures AS attempts, ceil(extract(epoch FROM (window_start + make_interval(secs => ${windowSeconds}) - now())))::int AS remaining`);
    const row = rows[0];
    if (row && row.attempts > max) wait = Math.max(wait, Math.max(1, row.remaining));
  }
  if (wait > 0) await release(limits.map((l) => l.key));
  if (Math.random() < 0.01) void sweep();
  return wait;
}

/** Takes one attempt back (it succeeded, or was refused): the counters keep only what counts. */
export async function release(keys: string[]): Promise<void> {
  const db = dbFor(pool());
  for (const key of keys) await db.execute(sql`UPDATE auth_throttle SET failures = greatest(failures - 1, 0) WHERE key = ${key}`);
}

export async function clear(key: string): Promise<void> {
  await dbFor(pool()).execute(sql`DELETE FROM auth_throttle WHERE key = ${key}`);
}

/** Counters whose window ended a day ago count nothing: drop them now and then. */
async function sweep() {
  await dbFor(pool())
    .execute(sql`DELETE FROM auth_throttle WHERE window_start < now() - interval '1 day'`)
    .catch(() => {});
}

import { sql } from 'drizzle-orm';
import { dbFor, pool } from '@/db/client';
import { env } from '@/server/env';

/**
 * Fixed-window counters of failed sign-ins in PostgreSQL, so every web instance sees the same
 * counts. Keys are `account:<email>` and `client:<ip>`.
 */
export async function secondsUntilAllowed(keys: { key: string; max: number }[]): Promise<number> {
  const db = dbFor(pool());
  let wait = 0;
  for (const { key, max } of keys) {
    const result = await db.execute(sql`
      SELECT failures, extract(epoch FROM (window_start + make_interval(secs => ${env.AUTH_FAILURE_WINDOW_SECONDS}) - now()))::int AS remaining
        FROM auth_throttle WHERE key = ${key}`);
    const row = result.rows[0] as { failures: number; remaining: number } | undefined;
    if (row && row.remaining > 0 && row.failures >= max) wait = Math.max(wait, row.remaining);
  }
  return wait;
}

export async function recordFailure(keys: string[]): Promise<void> {
  const db = dbFor(pool());
  for (const key of keys) {
    await db.execute(sql`
      INSERT INTO auth_throttle (key, window_start, failures) VALUES (${key}, now(), 1)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN auth_throttle.window_start < now() - make_interval(secs => ${env.AUTH_FAILURE_WINDOW_SECONDS}) THEN 1 ELSE auth_throttle.failures + 1 END,
        window_start = CASE WHEN auth_throttle.window_start < now() - make_interval(secs => ${env.AUTH_FAILURE_WINDOW_SECONDS}) THEN now() ELSE auth_throttle.window_start END`);
  }
}

export async function clearFailures(key: string): Promise<void> {
  await dbFor(pool()).execute(sql`DELETE FROM auth_throttle WHERE key = ${key}`);
}

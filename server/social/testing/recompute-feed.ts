import { sql } from 'drizzle-orm';
import { dbFor, pool } from '@/db/client';

/**
 * A user's feed computed from the write model alone: posts by the people they follow (and their
 * own), in event-log order, newest first. Tests compare the projected feed with this.
 */
export async function recomputeFeed(userId: string): Promise<string[]> {
  const { rows } = await dbFor(pool()).execute<{ id: string }>(sql`
    SELECT p.id
      FROM posts p
      JOIN domain_events e ON e.type = 'PostCreated' AND e.data->>'postId' = p.id::text
     WHERE p.author_id = ${userId}
        OR p.author_id IN (SELECT followee_id FROM follows WHERE follower_id = ${userId})
     ORDER BY e.transaction_id DESC, e.position DESC`);
  return rows.map((r) => r.id);
}

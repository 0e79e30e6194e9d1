import { readDb } from '@/db/mongo';
import { readModel } from '@/server/cqrs/read-models';
import { POSTS, PROFILES } from '@/server/social/read-models/read-model-docs';

/** For server components only: it reads the read store directly. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A post or account created a moment ago may not be projected yet (lag is tens of milliseconds):
 * a miss is looked up again for this long before the page answers 404, so "View your post" right
 * after publishing never lands on "not found". Only unknown ids pay it.
 */
const GRACE_MS = 1_000;
const POLL_MS = 100;

export type Existence = 'found' | 'missing' | 'unknown';

async function lookup(logical: string, id: string): Promise<Existence> {
  if (!UUID.test(id)) return 'missing';
  try {
    const db = await readDb();
    const deadline = Date.now() + GRACE_MS;
    for (;;) {
      const collection = await readModel<{ _id: string }>(db, logical);
      if (await collection.findOne({ _id: id }, { projection: { _id: 1 } })) return 'found';
      if (Date.now() >= deadline) return 'missing';
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch {
    // The read store is unreachable: let the page render and its query report the failure (with Retry).
    return 'unknown';
  }
}

/** Whether the social read store knows this post ('missing' also for a malformed id). */
export const postExistence = (postId: string) => lookup(POSTS, postId);

/** Whether the social read store knows this person ('missing' also for a malformed id). */
export const profileExistence = (userId: string) => lookup(PROFILES, userId);

import type { ReadDb } from '@/db/mongo';
import { CHECKPOINTS, type CheckpointDoc } from './checkpoints';
import { comparePositions, type LogPosition } from './consistency-token';

const POLL_MS = 20;

/**
 * Read-your-own-writes without coupling the sides: waits until every named projection's
 * checkpoint has reached the token, for at most `timeoutMs`. Answers whether it got there.
 */
export async function waitForProjections(db: ReadDb, projections: string[], token: LogPosition, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const docs = await db
      .collection<CheckpointDoc>(CHECKPOINTS)
      .find({ _id: { $in: projections } })
      .toArray();
    const caughtUp = projections.every((name) => {
      const doc = docs.find((d) => d._id === name);
      return doc !== undefined && comparePositions(doc, token) >= 0;
    });
    if (caughtUp) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

import { pool } from '@/db/client';
import { readDb } from '@/db/mongo';
import { allProjectors } from '@/server/contexts';
import { catchUp } from '@/server/cqrs/catch-up';
import { liveGenerations, storeFor } from '@/server/cqrs/read-models';

/**
 * Runs every projector to the head of the log in this process, as the worker would. Tests use it
 * instead of waiting for a worker; the worker itself is tested separately by spawning it.
 */
export async function projectAll(): Promise<void> {
  const db = await readDb();
  for (const projector of allProjectors) {
    await projector.setup(storeFor(db, await liveGenerations(db, projector.collections)));
    for (;;) {
      const result = await catchUp(pool(), db, projector, async () => storeFor(db, await liveGenerations(db, projector.collections)));
      if (result.ran) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

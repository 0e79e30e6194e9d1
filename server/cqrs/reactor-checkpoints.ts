import { and, eq, sql } from 'drizzle-orm';
import { reactorCheckpoints, type Db } from '@/db/client';
import { startOfLog, type LogPosition } from './consistency-token';

export async function loadReactorCheckpoint(db: Db, name: string): Promise<LogPosition> {
  const [row] = await db.select().from(reactorCheckpoints).where(eq(reactorCheckpoints.name, name));
  return row ? { transactionId: row.transactionId, position: row.position } : startOfLog;
}

/**
 * Moves a reactor's checkpoint from `from` to `to`, only if it still is at `from` (false
 * otherwise). Run in the reaction's transaction, this makes a second runner that raced past the
 * same event roll its reaction back instead of committing it twice.
 */
export async function advanceReactorCheckpoint(db: Db, name: string, from: LogPosition, to: LogPosition): Promise<boolean> {
  const moved = await db
    .insert(reactorCheckpoints)
    .values({ name, transactionId: to.transactionId, position: to.position, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: reactorCheckpoints.name,
      set: { transactionId: to.transactionId, position: to.position, updatedAt: sql`now()` },
      setWhere: and(eq(reactorCheckpoints.transactionId, from.transactionId), eq(reactorCheckpoints.position, from.position)),
    })
    .returning({ name: reactorCheckpoints.name });
  return moved.length === 1;
}

import type pg from 'pg';
import type { ReadDb } from '@/db/mongo';
import { loadCheckpoint, saveCheckpoint } from './checkpoints';
import { ConsumerError } from './consumer-error';
import type { LogPosition } from './consistency-token';
import { readEventsAfter } from './event-store';
import type { ProjectionStore, Projector } from './projector';

export const BATCH_SIZE = 500;

export interface CatchUpResult {
  /** False when another process holds this projection's lock (it is catching up instead). */
  ran: boolean;
  applied: number;
  checkpoint: LogPosition;
}

/**
 * Applies every committed event after the projection's checkpoint, in projector order, under a
 * PostgreSQL advisory lock so that several workers never run the same projection at once. The
 * lock is tied to the connection: a worker killed mid-batch releases it with its socket.
 */
export async function catchUp(
  pool: pg.Pool,
  db: ReadDb,
  projector: Projector,
  /** Resolved under the lock, so a generation swap never lands in the middle of a pass. */
  storeFor: () => Promise<ProjectionStore>,
  checkpointId: string = projector.name,
): Promise<CatchUpResult> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [checkpointId]);
    if (!rows[0].locked) return { ran: false, applied: 0, checkpoint: await loadCheckpoint(db, checkpointId) };
    try {
      return { ran: true, ...(await applyNewEvents(client, db, projector, await storeFor(), checkpointId)) };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [checkpointId]);
    }
  } finally {
    client.release();
  }
}

/** The catch-up loop itself; the caller holds the projection's lock. */
export async function applyNewEvents(
  client: pg.PoolClient,
  db: ReadDb,
  projector: Projector,
  store: ProjectionStore,
  checkpointId: string,
): Promise<{ applied: number; checkpoint: LogPosition }> {
  let checkpoint = await loadCheckpoint(db, checkpointId);
  let applied = 0;
  for (;;) {
    const batch = await readEventsAfter(client, checkpoint, BATCH_SIZE);
    if (batch.length === 0) return { applied, checkpoint };
    for (const event of batch) {
      if (projector.handles.includes(event.type)) {
        try {
          await projector.apply(event, store);
        } catch (err) {
          // Keep what was applied; the failing event is retried on the next pass.
          await saveCheckpoint(db, checkpointId, checkpoint);
          throw new ConsumerError(projector.name, event.position, err);
        }
        applied++;
      }
      checkpoint = { transactionId: event.transactionId, position: event.position };
    }
    await saveCheckpoint(db, checkpointId, checkpoint);
  }
}

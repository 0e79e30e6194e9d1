import type { ReadDb } from '@/db/mongo';
import { startOfLog, type LogPosition } from './consistency-token';

/**
 * Checkpoints live in the read store, beside the read models, so the query side can tell how far
 * a projection got without touching PostgreSQL. They are written after the documents: a crash in
 * between re-applies a few events, which the projectors' version guards turn into no-ops.
 */
export const CHECKPOINTS = 'projection_checkpoints';

export interface CheckpointDoc extends LogPosition {
  _id: string;
  updatedAt: Date;
}

export async function loadCheckpoint(db: ReadDb, id: string): Promise<LogPosition> {
  const doc = await db.collection<CheckpointDoc>(CHECKPOINTS).findOne({ _id: id });
  return doc ? { transactionId: doc.transactionId, position: doc.position } : startOfLog;
}

export async function saveCheckpoint(db: ReadDb, id: string, at: LogPosition): Promise<void> {
  await db
    .collection<CheckpointDoc>(CHECKPOINTS)
    .updateOne({ _id: id }, { $set: { transactionId: at.transactionId, position: at.position, updatedAt: new Date() } }, { upsert: true });
}

export async function deleteCheckpoint(db: ReadDb, id: string): Promise<void> {
  await db.collection<CheckpointDoc>(CHECKPOINTS).deleteOne({ _id: id });
}

import type pg from 'pg';
import type { ReadDb } from '@/db/mongo';
import { loadCheckpoint } from '@/server/cqrs/checkpoints';
import { encodeToken } from '@/server/cqrs/consistency-token';
import { lagAfter } from '@/server/cqrs/event-store';
import { OPS_PROJECTIONS, OPS_QUEUES, OPS_WORKERS, type OpsProjectionDoc, type OpsQueueDoc, type OpsWorkerDoc } from '@/server/ops/ops-docs';
import { queues } from '@/server/jobs/queues';
import type { ProjectionRunner } from './projection-runner';

/**
 * Writes the ops read models: projection lag measured against the event log, pg-boss queue
 * depth, and this worker's heartbeat. The ops query then never needs PostgreSQL.
 */
export async function publishOpsStatus(pool: pg.Pool, db: ReadDb, runner: ProjectionRunner, worker: { id: string; startedAt: Date }) {
  const now = new Date();
  for (const p of runner.projectors) {
    const checkpoint = await loadCheckpoint(db, p.name);
    const lag = await lagAfter(pool, checkpoint);
    const stats = runner.stats.get(p.name)!;
    const doc: Omit<OpsProjectionDoc, '_id'> = {
      checkpoint: encodeToken(checkpoint),
      lagEvents: lag.events,
      lagMs: lag.oldest ? Math.max(0, now.getTime() - lag.oldest.getTime()) : 0,
      applied: stats.applied,
      lastError: stats.lastError,
      lastErrorAt: stats.lastErrorAt,
      updatedAt: now,
    };
    await db.collection<OpsProjectionDoc>(OPS_PROJECTIONS).updateOne({ _id: p.name }, { $set: doc }, { upsert: true });
  }
  // Only unfinished jobs: pg-boss keeps completed ones for hours, and counting those every second
  // would scan a table that grows with traffic. Failures show up as waiting dead letters.
  const { rows } = await pool.query<{ name: string; state: string; count: number }>(
    `SELECT name, state::text, count(*)::int AS count FROM pgboss.job WHERE state < 'completed' GROUP BY name, state`,
  );
  const names = new Set([...rows.map((r) => r.name), ...Object.values(queues)]);
  for (const name of names) {
    const count = (state: string) => rows.find((r) => r.name === name && r.state === state)?.count ?? 0;
    const doc: Omit<OpsQueueDoc, '_id'> = { queued: count('created'), active: count('active'), retrying: count('retry'), updatedAt: now };
    await db.collection<OpsQueueDoc>(OPS_QUEUES).updateOne({ _id: name }, { $set: doc }, { upsert: true });
  }
  await db
    .collection<OpsWorkerDoc>(OPS_WORKERS)
    .updateOne({ _id: worker.id }, { $set: { pid: process.pid, startedAt: worker.startedAt, heartbeatAt: now } }, { upsert: true });
  // Forget workers that stopped long ago, so the instance count stays honest.
  await db.collection<OpsWorkerDoc>(OPS_WORKERS).deleteMany({ heartbeatAt: { $lt: new Date(now.getTime() - 60_000) } });
}

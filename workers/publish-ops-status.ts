import type pg from 'pg';
import type { ReadDb } from '@/db/mongo';
import { encodeToken } from '@/server/cqrs/consistency-token';
import { lagAfter } from '@/server/cqrs/event-store';
import { OPS_CONSUMERS, OPS_QUEUES, OPS_WORKERS, type OpsConsumerDoc, type OpsQueueDoc, type OpsWorkerDoc } from '@/server/ops/ops-docs';
import type { ConsumerRunner } from './consumer-runner';

const DEAD = '-dead';

/**
 * Writes the ops read models: each projector's and reactor's lag measured against the event log,
 * each queue's depth and dead letters, and this worker's heartbeat. The ops query then never
 * needs PostgreSQL.
 */
export async function publishOpsStatus(pool: pg.Pool, db: ReadDb, runner: ConsumerRunner, worker: { id: string; startedAt: Date }) {
  const now = new Date();
  for (const c of runner.consumers) {
    const checkpoint = await c.checkpoint();
    const lag = await lagAfter(pool, checkpoint);
    const stats = runner.stats.get(c.name)!;
    const doc: Omit<OpsConsumerDoc, '_id'> = {
      kind: c.kind,
      queue: c.queue,
      checkpoint: encodeToken(checkpoint),
      lagEvents: lag.events,
      lagMs: lag.oldest ? Math.max(0, now.getTime() - lag.oldest.getTime()) : 0,
      applied: stats.applied,
      lastError: stats.lastError,
      lastErrorAt: stats.lastErrorAt,
      updatedAt: now,
    };
    await db.collection<OpsConsumerDoc>(OPS_CONSUMERS).updateOne({ _id: c.name }, { $set: doc }, { upsert: true });
  }
  // Only unfinished jobs: pg-boss keeps completed ones for hours, and counting those every second
  // would scan a table that grows with traffic. Failures show up as waiting dead letters.
  const { rows } = await pool.query<{ name: string; state: string | null; count: number }>(
    `SELECT q.name, j.state::text, count(j.id)::int AS count
       FROM pgboss.queue q LEFT JOIN pgboss.job j ON j.name = q.name AND j.state < 'completed'
      GROUP BY q.name, j.state`,
  );
  const count = (name: string, state: string) => rows.find((r) => r.name === name && r.state === state)?.count ?? 0;
  // pg-boss's own `__pgboss__*` queues are its business; dead-letter queues are counted with theirs.
  const names = [...new Set(rows.map((r) => r.name))].filter((name) => !name.endsWith(DEAD) && !name.startsWith('__pgboss__'));
  for (const name of names) {
    const doc: Omit<OpsQueueDoc, '_id'> = {
      queued: count(name, 'created'),
      active: count(name, 'active'),
      retrying: count(name, 'retry'),
      deadLetters: count(`${name}${DEAD}`, 'created'),
      updatedAt: now,
    };
    await db.collection<OpsQueueDoc>(OPS_QUEUES).updateOne({ _id: name }, { $set: doc }, { upsert: true });
  }
  // Queues that migrations removed (e.g. the single `projections` queue of old) leave the page.
  await db.collection<OpsQueueDoc>(OPS_QUEUES).deleteMany({ _id: { $nin: names } });
  await db
    .collection<OpsWorkerDoc>(OPS_WORKERS)
    .updateOne({ _id: worker.id }, { $set: { pid: process.pid, startedAt: worker.startedAt, heartbeatAt: now } }, { upsert: true });
  // Forget workers that stopped long ago, so the instance count stays honest.
  await db.collection<OpsWorkerDoc>(OPS_WORKERS).deleteMany({ heartbeatAt: { $lt: new Date(now.getTime() - 60_000) } });
}

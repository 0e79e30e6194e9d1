import { randomUUID } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { pool } from '@/db/client';
import { closeReadDb, readDb } from '@/db/mongo';
import { allProjectors } from '@/server/contexts';
import { comparePositions, decodeToken, type LogPosition } from '@/server/cqrs/consistency-token';
import { env } from '@/server/env';
import { eventsChannel, queues } from '@/server/jobs/queues';
import { ProjectionRunner } from './projection-runner';
import { publishOpsStatus } from './publish-ops-status';

// A safety net only: NOTIFY wakes us at once, pg-boss redelivers what NOTIFY could not.
const SWEEP_MS = 5000;
const STATUS_MS = 1000;

/**
 * The worker: consumes `projections` jobs and projects the event log into MongoDB. Several
 * copies may run; advisory locks give each projection to one of them at a time.
 */
async function main() {
  const worker = { id: `${process.env.HOSTNAME ?? 'local'}-${process.pid}-${randomUUID().slice(0, 8)}`, startedAt: new Date() };
  const db = await readDb();
  const runner = new ProjectionRunner(pool(), db, allProjectors);
  await runner.setup();

  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 4 });
  boss.on('error', (err) => console.error('[pg-boss]', err.message));
  await boss.start();
  const workId = await boss.work<{ token: string }>(queues.projections, { batchSize: 100, pollingIntervalSeconds: 1 }, async (jobs) => {
    const tokens = jobs.map((j) => decodeToken(String(j.data?.token)));
    // A job we cannot read is a bug upstream: fail it so it ends in the dead-letter queue, visibly.
    if (tokens.includes(null)) throw new Error(`unreadable projections job: ${JSON.stringify(jobs.map((j) => j.data))}`);
    const furthest = (tokens as LogPosition[]).sort(comparePositions).at(-1);
    if (furthest) await runner.ensureCaughtUpTo(furthest);
  });

  const listener = new pg.Client({ connectionString: env.DATABASE_URL });
  await listener.connect();
  listener.on('notification', () => {
    void runner.trigger();
    boss.notifyWorker(workId);
  });
  listener.on('error', (err) => {
    // Without the listener we would fall back to polling; better to restart and listen again.
    console.error('[worker] LISTEN connection lost:', err.message);
    process.exit(1);
  });
  await listener.query(`LISTEN ${eventsChannel}`);

  await runner.trigger();
  const sweep = setInterval(() => void runner.trigger(), SWEEP_MS);
  let stopping = false;
  // Self-scheduling rather than setInterval: a slow round never overlaps the next one.
  let status: NodeJS.Timeout | undefined;
  const publish = async () => {
    await publishOpsStatus(pool(), db, runner, worker).catch((e) => stopping || console.error('[ops]', e.message));
    if (!stopping) status = setTimeout(publish, STATUS_MS);
  };
  await publish();
  console.log(`[worker] ${worker.id} projecting ${runner.projectors.map((p) => p.name).join(', ')}`);

  const stop = async (signal: string) => {
    console.log(`[worker] ${signal}: stopping`);
    stopping = true;
    clearInterval(sweep);
    clearTimeout(status);
    await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => {});
    await listener.end().catch(() => {});
    await pool()
      .end()
      .catch(() => {});
    await closeReadDb();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error('[worker] failed to start:', err);
  process.exit(1);
});

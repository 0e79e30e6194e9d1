import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { pool } from '@/db/client';
import { closeReadDb, readDb } from '@/db/mongo';
import { contexts } from '@/server/contexts';
import { comparePositions } from '@/server/cqrs/consistency-token';
import { env } from '@/server/env';
import type { ContextConsumers } from '@/server/jobs/queue-routes';
import { catchUpJob, eventsChannel } from '@/server/jobs/queues';
import { workJob } from '@/server/jobs/work-job';
import { ConsumerRunner } from './consumer-runner';
import { logConsumers } from './log-consumers';
import { startOpsSampler } from './ops-sampler';
import { publishOpsStatus } from './publish-ops-status';

// A safety net only: NOTIFY wakes us at once, pg-boss redelivers what NOTIFY could not.
const SWEEP_MS = 5000;
const STATUS_MS = 1000;

/**
 * Tests name a module exporting `extraContexts` here to run consumers of their own beside the
 * registry's (e.g. a reactor issuing real commands). Production leaves it unset.
 */
async function extraContexts(): Promise<ContextConsumers[]> {
  const module = process.env.WORKER_EXTRA_CONTEXTS;
  if (!module) return [];
  return ((await import(path.resolve(module))) as { extraContexts: ContextConsumers[] }).extraContexts;
}

/**
 * The worker: runs every context's projectors and reactors over the event log, and consumes each
 * context's queues. Several copies may run; advisory locks give each consumer to one of them at a time.
 */
async function main() {
  const worker = { id: `${process.env.HOSTNAME ?? 'local'}-${process.pid}-${randomUUID().slice(0, 8)}`, startedAt: new Date() };
  const db = await readDb();
  const runner = new ConsumerRunner(logConsumers(pool(), db, [...contexts, ...(await extraContexts())]));
  await runner.setup();

  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 4 });
  boss.on('error', (err) => console.error('[pg-boss]', err.message));
  await boss.start();
  const workIds: string[] = [];
  for (const queue of new Set(runner.consumers.map((c) => c.queue))) {
    const workId = await workJob(boss, catchUpJob(queue), { batchSize: 100, pollingIntervalSeconds: 1 }, async (payloads) => {
      const furthest = payloads.map((p) => p.token).sort(comparePositions);
      await runner.ensureCaughtUpTo(queue, furthest.at(-1)!);
    });
    workIds.push(workId);
  }

  const listener = new pg.Client({ connectionString: env.DATABASE_URL });
  await listener.connect();
  listener.on('notification', () => {
    void runner.trigger();
    for (const id of workIds) boss.notifyWorker(id);
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
  // Ops over time (the last hour, every 10 s) for the /ops charts, from what `publish` keeps.
  const sampler = startOpsSampler(pool(), db);
  console.log(`[worker] ${worker.id} running ${runner.consumers.map((c) => c.name).join(', ')}`);

  const stop = async (signal: string) => {
    console.log(`[worker] ${signal}: stopping`);
    stopping = true;
    clearInterval(sweep);
    clearTimeout(status);
    await sampler.stop();
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

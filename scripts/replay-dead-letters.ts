import PgBoss from 'pg-boss';
import { pool } from '@/db/client';
import { env } from '@/server/env';
import { queues } from '@/server/jobs/queues';

/**
 * npm run jobs:replay-dead -- [--list]
 * Sends every dead-lettered projections job back to the projections queue (once the cause is
 * fixed) and completes the dead letter. Replaying is safe: projections are idempotent.
 */
async function main() {
  if (process.argv.includes('--list')) {
    const { rows } = await pool().query(`SELECT id, created_on, data FROM pgboss.job WHERE name = $1 AND state = 'created' ORDER BY created_on`, [
      queues.projectionsDead,
    ]);
    for (const row of rows) console.log(`${row.id} ${row.created_on.toISOString()} ${JSON.stringify(row.data)}`);
    console.log(`${rows.length} dead letter(s)`);
    await pool().end();
    return;
  }
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 2, supervise: false, schedule: false, migrate: false });
  await boss.start();
  let replayed = 0;
  for (
    let jobs = await boss.fetch<object>(queues.projectionsDead, { batchSize: 100 });
    jobs.length;
    jobs = await boss.fetch<object>(queues.projectionsDead, { batchSize: 100 })
  ) {
    for (const job of jobs) await boss.send(queues.projections, job.data);
    await boss.complete(
      queues.projectionsDead,
      jobs.map((j) => j.id),
    );
    replayed += jobs.length;
  }
  console.log(`${replayed} dead letter(s) replayed`);
  await boss.stop({ graceful: false, wait: true });
  await pool().end();
}

main().catch((err) => {
  console.error('replay failed:', err);
  process.exit(1);
});

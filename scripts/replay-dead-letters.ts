import PgBoss from 'pg-boss';
import { pool } from '@/db/client';
import { env } from '@/server/env';
import type { z } from 'zod';
import { catchUpJob, type logReached } from '@/server/jobs/queues';
import { sendJob } from '@/server/jobs/send-job';

const DEAD = '-dead';

/**
 * npm run jobs:replay-dead -- [--list] [queue ...]
 * Sends every dead-lettered job of the given consumer queues (default: all of them, e.g.
 * `projections.social`) back to its queue, once the cause is fixed, and completes the dead letter.
 * Replaying is safe: projections are idempotent and reactions exactly-once. A payload the job's
 * schema cannot read is not replayed: it is named and marked failed.
 */
async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const { rows: queues } = await pool().query<{ name: string }>(`SELECT name FROM pgboss.queue WHERE name LIKE '%${DEAD}' ORDER BY name`);
  const deadQueues = queues.map((q) => q.name).filter((name) => wanted.length === 0 || wanted.includes(name.slice(0, -DEAD.length)));
  if (process.argv.includes('--list')) {
    const { rows } = await pool().query(
      `SELECT name, id, created_on, data FROM pgboss.job WHERE name = ANY($1) AND state = 'created' ORDER BY name, created_on`,
      [deadQueues],
    );
    for (const row of rows) console.log(`${row.name} ${row.id} ${row.created_on.toISOString()} ${JSON.stringify(row.data)}`);
    console.log(`${rows.length} dead letter(s)`);
    await pool().end();
    return;
  }
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 2, supervise: false, schedule: false, migrate: false });
  await boss.start();
  let replayed = 0;
  for (const dead of deadQueues) {
    const job = catchUpJob(dead.slice(0, -DEAD.length));
    for (let jobs = await boss.fetch<object>(dead, { batchSize: 100 }); jobs.length; jobs = await boss.fetch<object>(dead, { batchSize: 100 })) {
      for (const letter of jobs) {
        if (job.payload.safeParse(letter.data).success) {
          await sendJob(boss, job, letter.data as z.input<typeof logReached>);
          await boss.complete(dead, letter.id);
          replayed++;
        } else {
          console.log(`${dead} ${letter.id}: unreadable payload ${JSON.stringify(letter.data)}, marked failed and kept for inspection`);
          await boss.fail(dead, letter.id, { message: 'unreadable payload, not replayed' });
        }
      }
    }
  }
  console.log(`${replayed} dead letter(s) replayed`);
  await boss.stop({ graceful: false, wait: true });
  await pool().end();
}

main().catch((err) => {
  console.error('replay failed:', err);
  process.exit(1);
});

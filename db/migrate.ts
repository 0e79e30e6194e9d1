import { migrate } from 'drizzle-orm/node-postgres/migrator';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { env } from '@/server/env';
import { ensureQueues } from '@/server/jobs/ensure-queues';

// Any constant works; it only has to be the same for every process that migrates.
const MIGRATION_LOCK = 727_001;

/** Applies Drizzle migrations and pg-boss's schema under an advisory lock, so parallel starts are safe. */
async function main() {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: new URL('./migrations', import.meta.url).pathname });
    const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 2, supervise: false, schedule: false });
    await boss.start();
    await ensureQueues(boss);
    await boss.stop({ graceful: false, wait: true });
    console.log('migrate: database is up to date');
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}

main().catch((err) => {
  console.error('migrate failed:', err);
  process.exit(1);
});

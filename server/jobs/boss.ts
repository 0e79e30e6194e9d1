import PgBoss from 'pg-boss';
import { env } from '@/server/env';
import { projectionsQueueOptions, queues } from './queues';

const globalForBoss = globalThis as unknown as { quadrantBoss?: Promise<PgBoss> };

/**
 * The web process only sends jobs inside command transactions, so it runs pg-boss without
 * maintenance or scheduling; the worker owns supervision.
 */
export function senderBoss(): Promise<PgBoss> {
  globalForBoss.quadrantBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 2, supervise: false, schedule: false, migrate: false });
    boss.on('error', (err) => console.error('[pg-boss]', err));
    await boss.start();
    return boss;
  })();
  return globalForBoss.quadrantBoss;
}

/** Creates or updates the queues (run by migrations, idempotent). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  if (!existing.has(queues.projectionsDead)) await boss.createQueue(queues.projectionsDead, { name: queues.projectionsDead });
  const options = { name: queues.projections, ...projectionsQueueOptions };
  if (existing.has(queues.projections)) await boss.updateQueue(queues.projections, options);
  else await boss.createQueue(queues.projections, options);
}

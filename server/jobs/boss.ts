import PgBoss from 'pg-boss';
import { env } from '@/server/env';

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

import type PgBoss from 'pg-boss';
import { contextRoutes } from '@/server/contexts';
import type { QueueRoute } from './queue-routes';
import { catchUpJob, legacyQueues } from './queues';

/**
 * Creates or updates every consumer queue and its dead-letter queue, and makes the routes pg-boss
 * subscriptions (event type -> queue), which a command's transaction reads to know where to send
 * its job: the core routes without importing any context. Subscriptions no longer in `routes` are
 * removed. Run by migrations (idempotent) with the context registry's routes; a test adding its own
 * consumers passes them too, and puts the registry's back afterwards.
 */
export async function ensureQueues(boss: PgBoss, routes: readonly QueueRoute[] = contextRoutes): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const { queue } of routes) {
    const job = catchUpJob(queue);
    if (!existing.has(job.deadLetter)) await boss.createQueue(job.deadLetter, { name: job.deadLetter });
    const options = { name: job.name, ...job.options, deadLetter: job.deadLetter };
    if (existing.has(job.name)) await boss.updateQueue(job.name, options);
    else await boss.createQueue(job.name, options);
  }
  // Their jobs only said "catch up to here"; the log itself is the truth, so dropping them loses nothing.
  for (const name of legacyQueues) if (existing.has(name)) await dropQueue(boss, name);

  const wanted = routes.flatMap((r) => r.eventTypes.map((event) => ({ event, name: r.queue })));
  const { rows } = await boss.getDb().executeSql('SELECT event, name FROM pgboss.subscription', []);
  for (const stale of rows as { event: string; name: string }[]) {
    if (!wanted.some((w) => w.event === stale.event && w.name === stale.name)) await boss.unsubscribe(stale.event, stale.name);
  }
  for (const { event, name } of wanted) await boss.subscribe(event, name);
}

/** Deletes a queue with its jobs: pg-boss refuses to delete a queue that still holds any. */
export async function dropQueue(boss: PgBoss, name: string): Promise<void> {
  await boss.getDb().executeSql('DELETE FROM pgboss.job WHERE name = $1', [name]);
  await boss.deleteQueue(name);
}

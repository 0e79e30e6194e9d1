import type pg from 'pg';
import type { z } from 'zod';
import { catchUpJob, eventsChannel, type logReached } from './queues';
import { sendJob } from './send-job';
import { senderBoss } from './boss';

/**
 * Inside a command's transaction: sends the job to every queue routed from one of the appended
 * event types (pg-boss subscriptions, written by `ensureQueues`) and NOTIFYs the worker. Both take
 * effect at commit or never; a transaction whose events no consumer handles sends no job.
 */
export async function wakeConsumers(client: pg.PoolClient, eventTypes: readonly string[], payload: z.input<typeof logReached>): Promise<void> {
  const { rows } = await client.query<{ name: string }>('SELECT DISTINCT name FROM pgboss.subscription WHERE event = ANY($1::text[]) ORDER BY name', [
    eventTypes,
  ]);
  if (rows.length) {
    const boss = await senderBoss();
    for (const { name } of rows) await sendJob(boss, catchUpJob(name), payload, client);
  }
  await client.query('SELECT pg_notify($1, $2)', [eventsChannel, payload.token]);
}

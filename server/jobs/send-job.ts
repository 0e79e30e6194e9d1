import type pg from 'pg';
import type PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { JobDefinition } from './define-job';

/** pg-boss's `db` option for a connection inside a transaction: the job commits with it, or not at all. */
export const onConnection = (client: pg.PoolClient) => ({ executeSql: (text: string, values?: unknown[]) => client.query(text, values) });

/**
 * Sends a typed job. The payload is checked against the job's schema first, so a bad one fails the
 * sender (and its transaction) rather than a worker later.
 */
export async function sendJob<S extends z.ZodType>(boss: PgBoss, job: JobDefinition<S>, payload: z.input<S>, client?: pg.PoolClient): Promise<void> {
  job.payload.parse(payload);
  await boss.send(job.name, payload as object, client ? { db: onConnection(client) } : {});
}

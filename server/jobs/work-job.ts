import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { JobDefinition } from './define-job';

/**
 * Consumes a job's queue with decoded payloads. A payload the schema cannot read is a bug upstream:
 * that job alone fails (and so retries, then lands in the dead-letter queue, visibly) while the rest
 * of its batch goes on. pg-boss completes the batch afterwards only where a job is still active.
 */
export function workJob<S extends z.ZodType>(
  boss: PgBoss,
  job: JobDefinition<S>,
  options: PgBoss.WorkOptions,
  handler: (payloads: z.output<S>[]) => Promise<void>,
): Promise<string> {
  return boss.work<unknown>(job.name, options, async (jobs) => {
    const payloads: z.output<S>[] = [];
    for (const j of jobs) {
      const decoded = job.payload.safeParse(j.data);
      if (decoded.success) payloads.push(decoded.data);
      else await boss.fail(job.name, j.id, { message: `unreadable ${job.name} payload ${JSON.stringify(j.data)}: ${z.prettifyError(decoded.error)}` });
    }
    if (payloads.length) await handler(payloads);
  });
}

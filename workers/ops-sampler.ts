import type pg from 'pg';
import type { ReadDb } from '@/db/mongo';
import { OPS_CONSUMERS, OPS_METRICS, OPS_QUEUES, OPS_SAMPLE_SECONDS, type OpsConsumerDoc, type OpsMetricsDoc, type OpsQueueDoc } from '@/server/ops/ops-docs';
import { type OpsReading, toSample } from './ops-sample';

/** Reads the log's head (an index-only lookup on the primary key) and the ops status documents. */
export async function readOps(pool: pg.Pool, db: ReadDb, at = new Date()): Promise<OpsReading> {
  const [{ rows }, consumers, queues] = await Promise.all([
    pool.query<{ head: string | null }>('SELECT max(position) AS head FROM domain_events'),
    db.collection<OpsConsumerDoc>(OPS_CONSUMERS).find().toArray(),
    db.collection<OpsQueueDoc>(OPS_QUEUES).find().toArray(),
  ]);
  return { at, head: Number(rows[0]?.head ?? 0), consumers, queues };
}

/** Writes one sample into its ring slot (an upsert: the slot an hour ago is overwritten). */
export async function writeSample(db: ReadDb, sample: OpsMetricsDoc): Promise<void> {
  const { _id, ...fields } = sample;
  await db.collection<OpsMetricsDoc>(OPS_METRICS).updateOne({ _id }, { $set: fields }, { upsert: true });
}

/**
 * The worker's ops sampler: every `intervalMs` (10 s) it reads the figures the status loop keeps
 * and writes a sample into the hour's ring. A failed round is logged and the next one tries again;
 * `stop()` ends the loop and waits for a round in progress.
 */
export function startOpsSampler(pool: pg.Pool, db: ReadDb, { intervalMs = OPS_SAMPLE_SECONDS * 1000, log = console.error } = {}) {
  let previous: OpsReading | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const reading = await readOps(pool, db);
      await writeSample(db, toSample(reading, previous));
      previous = reading;
    } catch (e) {
      if (!stopped) log('[ops-sampler]', (e as Error).message);
    }
    if (!stopped) timer = setTimeout(() => (round = tick()), intervalMs);
  };
  round = tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}

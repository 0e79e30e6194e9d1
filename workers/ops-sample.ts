import { OPS_SAMPLE_SECONDS, OPS_SLOTS, type OpsConsumerDoc, type OpsMetricsDoc, type OpsQueueDoc } from '@/server/ops/ops-docs';

/** What the sampler reads each round: the log's head and the ops status documents the worker keeps. */
export interface OpsReading {
  at: Date;
  /** The highest position in the event log. */
  head: number;
  consumers: OpsConsumerDoc[];
  queues: OpsQueueDoc[];
}

/** The ring slot of an instant: its 10-second step within the hour, so an hour later it is overwritten. */
export const slotOf = (at: Date) => String(Math.floor(at.getTime() / (OPS_SAMPLE_SECONDS * 1000)) % OPS_SLOTS);

/** Consumers whose status was written this recently are still reported by a running worker. */
const FRESH_MS = 60_000;

/**
 * One sample from a reading and the previous reading of the same worker (pure). The rate is the
 * head's advance over the elapsed time: sequence values a rolled-back command took count too,
 * which a chart of the load can bear. Only projections are charted (reactors' lag is on the status
 * page); consumers and queues not updated in the last minute are left out.
 */
export function toSample(reading: OpsReading, previous: Pick<OpsReading, 'at' | 'head'> | null): OpsMetricsDoc {
  const fresh = (updatedAt: Date) => reading.at.getTime() - updatedAt.getTime() < FRESH_MS;
  const seconds = previous ? (reading.at.getTime() - previous.at.getTime()) / 1000 : 0;
  const eventsPerSecond = previous && seconds > 0 ? Math.round((Math.max(0, reading.head - previous.head) / seconds) * 100) / 100 : null;
  const byName = <T>(rows: T[], name: (t: T) => string) => [...rows].sort((a, b) => (name(a) < name(b) ? -1 : 1));
  return {
    _id: slotOf(reading.at),
    at: reading.at,
    eventsPerSecond,
    projections: byName(
      reading.consumers.filter((c) => c.kind === 'projection' && fresh(c.updatedAt)),
      (c) => c._id,
    ).map((c) => ({ name: c._id, lagMs: c.lagMs, lagEvents: c.lagEvents })),
    queues: byName(
      reading.queues.filter((q) => fresh(q.updatedAt)),
      (q) => q._id,
    ).map((q) => ({ name: q._id, depth: q.queued + q.active + q.retrying, deadLetters: q.deadLetters })),
  };
}

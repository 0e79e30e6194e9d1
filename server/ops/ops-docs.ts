/** Ops read models, written by the worker every second; the ops query reads only these. */
export const OPS_CONSUMERS = 'ops_consumers';
export const OPS_QUEUES = 'ops_queues';
export const OPS_WORKERS = 'ops_workers';

/** A projector or reactor, as last reported by a worker running it. */
export interface OpsConsumerDoc {
  _id: string;
  kind: 'projection' | 'reaction';
  queue: string;
  checkpoint: string;
  lagEvents: number;
  lagMs: number;
  applied: number;
  lastError: string | null;
  lastErrorAt: Date | null;
  updatedAt: Date;
}

/** A consumer queue; `deadLetters` are the jobs waiting in its `<name>-dead` queue. */
export interface OpsQueueDoc {
  _id: string;
  queued: number;
  active: number;
  retrying: number;
  deadLetters: number;
  updatedAt: Date;
}

export interface OpsWorkerDoc {
  _id: string;
  pid: number;
  startedAt: Date;
  heartbeatAt: Date;
}

/** A worker is alive if it wrote a heartbeat this recently. */
export const HEARTBEAT_STALE_MS = 5000;

/**
 * The worker's samples of the ops figures over the last hour: a ring of fixed slots (`_id` is the
 * slot, 0..OPS_SLOTS-1, by time of the hour), so every write is an upsert and the collection never
 * holds more than OPS_SLOTS documents. FerretDB v1 has no TTL indexes; a ring needs none.
 */
export const OPS_METRICS = 'ops_metrics';
export const OPS_SAMPLE_SECONDS = 10;
export const OPS_SLOTS = 3600 / OPS_SAMPLE_SECONDS;

/** Names go in values, not keys: projector and queue names hold dots, which document keys may not. */
export interface OpsMetricsDoc {
  _id: string;
  at: Date;
  /** Events appended to the log per second since the previous sample (null on a worker's first). */
  eventsPerSecond: number | null;
  projections: { name: string; lagMs: number; lagEvents: number }[];
  queues: { name: string; depth: number; deadLetters: number }[];
}

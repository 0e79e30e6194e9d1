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

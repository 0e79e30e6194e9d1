/** Ops read models, written by the worker every second; the ops query reads only these. */
export const OPS_PROJECTIONS = 'ops_projections';
export const OPS_QUEUES = 'ops_queues';
export const OPS_WORKERS = 'ops_workers';

export interface OpsProjectionDoc {
  _id: string;
  checkpoint: string;
  lagEvents: number;
  lagMs: number;
  applied: number;
  lastError: string | null;
  lastErrorAt: Date | null;
  updatedAt: Date;
}

export interface OpsQueueDoc {
  _id: string;
  queued: number;
  active: number;
  retrying: number;
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

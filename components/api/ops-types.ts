/** Shape of GET /api/queries/ops/status. */
export type ProjectionStatus = {
  name: string;
  checkpoint: number | string | null;
  lagEvents: number | null;
  lagMs: number | null;
  deadLetters: number;
  lastError: string | null;
  lastErrorAt: string | null;
  updatedAt: string | null;
};

export type QueueStatus = {
  name: string;
  queued: number;
  active: number;
  retrying?: number;
  /** Jobs that exhausted their retries (the dead-letter side); older servers call it deadLetters. */
  failed?: number;
  deadLetters?: number;
};

/** The server sends `queues`; the first contract draft said `queue`. Both are accepted. */
export type OpsStatus = {
  projections: ProjectionStatus[];
  queues?: QueueStatus[];
  queue?: QueueStatus[];
  worker: { alive: boolean; heartbeatAt: string | null; instances?: number };
};

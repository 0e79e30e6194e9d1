import type { OpsStatus } from '@/components/api/ops-types';

export type OpsFigures = {
  workerAlive: boolean;
  workerInstances: number;
  heartbeatAt: string | null;
  /** The projector furthest behind, or null when there are none. */
  maxLag: { name: string; lagMs: number; lagEvents: number } | null;
  deadLetters: number;
  queued: number;
};

/** The key figures at the top of Ops (and on an administrator's home) from one status answer. */
export function opsFigures(status: OpsStatus): OpsFigures {
  const maxLag = status.projections.reduce<OpsFigures['maxLag']>(
    (worst, p) => (!worst || p.lagMs > worst.lagMs || (p.lagMs === worst.lagMs && p.lagEvents > worst.lagEvents) ? p : worst),
    null,
  );
  return {
    workerAlive: status.worker.alive,
    workerInstances: status.worker.instances,
    heartbeatAt: status.worker.heartbeatAt,
    maxLag: maxLag ? { name: maxLag.name, lagMs: maxLag.lagMs, lagEvents: maxLag.lagEvents } : null,
    deadLetters: status.queues.reduce((sum, q) => sum + q.deadLetters, 0),
    queued: status.queues.reduce((sum, q) => sum + q.queued, 0),
  };
}

/** "34 ms", "2.1 s", "4 min". */
export function formatLag(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

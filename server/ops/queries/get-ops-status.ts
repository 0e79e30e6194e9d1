import { z } from 'zod';
import { defineQuery } from '@/server/cqrs/define';
import { queues } from '@/server/jobs/queues';
import { HEARTBEAT_STALE_MS, OPS_PROJECTIONS, OPS_QUEUES, OPS_WORKERS, type OpsProjectionDoc, type OpsQueueDoc, type OpsWorkerDoc } from '../ops-docs';

const output = z.object({
  projections: z.array(
    z.object({
      name: z.string(),
      checkpoint: z.string(),
      lagEvents: z.number(),
      lagMs: z.number(),
      deadLetters: z.number(),
      lastError: z.string().nullable(),
      lastErrorAt: z.string().nullable(),
      updatedAt: z.string(),
    }),
  ),
  queues: z.array(z.object({ name: z.string(), queued: z.number(), active: z.number(), retrying: z.number() })),
  worker: z.object({ alive: z.boolean(), heartbeatAt: z.string().nullable(), instances: z.number() }),
});

/** Ops status: per projection checkpoint, lag, dead letters and last error; queue depth; worker. */
export const getOpsStatus = defineQuery({
  path: '/api/queries/ops/status',
  summary: 'Projection checkpoints, lag, dead letters, queue depth and worker liveness',
  access: 'signed-in',
  params: z.object({}),
  output,
  projections: [],
  errors: [{ status: 401, code: 'unauthenticated', when: 'not signed in' }],
  async handle(_params, { db }) {
    const [projections, queueDocs, workers] = await Promise.all([
      db.collection<OpsProjectionDoc>(OPS_PROJECTIONS).find().sort({ _id: 1 }).toArray(),
      db.collection<OpsQueueDoc>(OPS_QUEUES).find().sort({ _id: 1 }).toArray(),
      db.collection<OpsWorkerDoc>(OPS_WORKERS).find().toArray(),
    ]);
    const deadLetters = queueDocs.find((q) => q._id === queues.projectionsDead)?.queued ?? 0;
    const latest = workers.map((w) => w.heartbeatAt).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    const alive = workers.filter((w) => Date.now() - w.heartbeatAt.getTime() < HEARTBEAT_STALE_MS);
    return {
      projections: projections.map((p) => ({
        name: p._id,
        checkpoint: p.checkpoint,
        lagEvents: p.lagEvents,
        lagMs: p.lagMs,
        deadLetters,
        lastError: p.lastError,
        lastErrorAt: p.lastErrorAt?.toISOString() ?? null,
        updatedAt: p.updatedAt.toISOString(),
      })),
      queues: queueDocs.map((q) => ({ name: q._id, queued: q.queued, active: q.active, retrying: q.retrying })),
      worker: { alive: alive.length > 0, heartbeatAt: latest?.toISOString() ?? null, instances: alive.length },
    };
  },
});

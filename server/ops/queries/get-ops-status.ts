import { z } from 'zod';
import { defineQuery } from '@/server/cqrs/define';
import { opsErrors } from './ops-errors';
import { HEARTBEAT_STALE_MS, OPS_CONSUMERS, OPS_QUEUES, OPS_WORKERS, type OpsConsumerDoc, type OpsQueueDoc, type OpsWorkerDoc } from '../ops-docs';

const consumer = z.object({
  name: z.string(),
  /** The queue of its context whose jobs wait for it. */
  queue: z.string(),
  checkpoint: z.string(),
  lagEvents: z.number(),
  lagMs: z.number(),
  applied: z.number(),
  /** Dead letters of its queue. */
  deadLetters: z.number(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  updatedAt: z.string(),
});

const output = z.object({
  projections: z.array(consumer),
  reactors: z.array(consumer),
  queues: z.array(z.object({ name: z.string(), queued: z.number(), active: z.number(), retrying: z.number(), deadLetters: z.number() })),
  worker: z.object({ alive: z.boolean(), heartbeatAt: z.string().nullable(), instances: z.number() }),
});

/** Ops status: per projector and reactor checkpoint, lag, dead letters and last error; queues per context; worker. */
export const getOpsStatus = defineQuery({
  path: '/api/queries/ops/status',
  summary: 'Projector and reactor checkpoints, lag, dead letters; queue depth per context; worker liveness',
  access: { roles: ['admin'] },
  params: z.object({}),
  output,
  projections: [],
  errors: opsErrors,
  async handle(_params, { db, now }) {
    const [consumers, queueDocs, workers] = await Promise.all([
      db.collection<OpsConsumerDoc>(OPS_CONSUMERS).find().sort({ _id: 1 }).toArray(),
      db.collection<OpsQueueDoc>(OPS_QUEUES).find().sort({ _id: 1 }).toArray(),
      db.collection<OpsWorkerDoc>(OPS_WORKERS).find().toArray(),
    ]);
    const row = (c: OpsConsumerDoc) => ({
      name: c._id,
      queue: c.queue,
      checkpoint: c.checkpoint,
      lagEvents: c.lagEvents,
      lagMs: c.lagMs,
      applied: c.applied,
      deadLetters: queueDocs.find((q) => q._id === c.queue)?.deadLetters ?? 0,
      lastError: c.lastError,
      lastErrorAt: c.lastErrorAt?.toISOString() ?? null,
      updatedAt: c.updatedAt.toISOString(),
    });
    const latest = workers.map((w) => w.heartbeatAt).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    const alive = workers.filter((w) => now.getTime() - w.heartbeatAt.getTime() < HEARTBEAT_STALE_MS);
    return {
      projections: consumers.filter((c) => c.kind === 'projection').map(row),
      reactors: consumers.filter((c) => c.kind === 'reaction').map(row),
      queues: queueDocs.map((q) => ({ name: q._id, queued: q.queued, active: q.active, retrying: q.retrying, deadLetters: q.deadLetters })),
      worker: { alive: alive.length > 0, heartbeatAt: latest?.toISOString() ?? null, instances: alive.length },
    };
  },
});

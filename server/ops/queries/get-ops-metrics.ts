import { z } from 'zod';
import { defineQuery } from '@/server/cqrs/define';
import { OPS_METRICS, OPS_SAMPLE_SECONDS, type OpsMetricsDoc } from '../ops-docs';
import { opsErrors } from './ops-errors';

const WINDOWS = { '15m': 15 * 60_000, '1h': 60 * 60_000 } as const;

const output = z.object({
  /** Seconds between samples. */
  intervalSeconds: z.number().int(),
  /** Oldest first; a gap means no worker was sampling then. */
  points: z.array(
    z.object({
      at: z.string(),
      eventsPerSecond: z.number().nullable(),
      projections: z.array(z.object({ name: z.string(), lagMs: z.number(), lagEvents: z.number() })),
      queues: z.array(z.object({ name: z.string(), depth: z.number(), deadLetters: z.number() })),
    }),
  ),
});

/**
 * Ops over time: projection lag per projector, events appended per second, queue depth and dead
 * letters per queue, sampled by the worker every 10 s into a ring of the last hour (at most 360
 * small documents, read whole: the ring is the bound).
 */
export const getOpsMetrics = defineQuery({
  path: '/api/queries/ops/metrics',
  summary: 'Projection lag, events per second, queue depth and dead letters over the last hour, every 10 s',
  access: { roles: ['admin'] },
  params: z.object({
    window: z.enum(['15m', '1h'], { message: 'must be 15m or 1h' }).default('1h').describe('How far back: 15m or 1h'),
  }),
  output,
  projections: [],
  errors: [{ status: 400, code: 'invalid-request', when: 'window is not 15m or 1h' }, ...opsErrors],
  async handle({ window }, { db, now }) {
    const since = now.getTime() - WINDOWS[window];
    const docs = await db.collection<OpsMetricsDoc>(OPS_METRICS).find().toArray();
    return {
      intervalSeconds: OPS_SAMPLE_SECONDS,
      points: docs
        .filter((d) => d.at.getTime() > since && d.at.getTime() <= now.getTime())
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .map((d) => ({ at: d.at.toISOString(), eventsPerSecond: d.eventsPerSecond, projections: d.projections, queues: d.queues })),
    };
  },
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readDb } from '@/db/mongo';
import { expectProblem, expectRefusal, invalidRequest, newUser, query } from '@/server/testing/api';
import { OPS_METRICS, type OpsMetricsDoc } from '../ops-docs';
import { slotOf } from '@/workers/ops-sample';
import { writeSample } from '@/workers/ops-sampler';
import { getOpsMetrics } from './get-ops-metrics';

/** This run's samples name a projector of their own: earlier runs and a worker beside the tests write samples too. */
const marker = `test.${randomUUID()}`;
const point = (at: Date, eventsPerSecond: number): OpsMetricsDoc => ({
  _id: slotOf(at),
  at,
  eventsPerSecond,
  projections: [{ name: marker, lagMs: 12, lagEvents: 1 }],
  queues: [{ name: 'projections.events', depth: 2, deadLetters: 0 }],
});

describe('ops metrics over time', () => {
  it('answers the samples of the window, oldest first; a slot written an hour later replaces the old point', async () => {
    const db = await readDb();
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * 60_000);
    await writeSample(db, point(ago(90), 1));
    await writeSample(db, point(ago(70), 7));
    // An hour after the first sample: the same slot, overwritten.
    await writeSample(db, point(ago(30), 3));
    await writeSample(db, point(ago(5), 5));
    expect(slotOf(ago(30))).toBe(slotOf(ago(90)));
    expect(await db.collection<OpsMetricsDoc>(OPS_METRICS).findOne({ _id: slotOf(ago(90)) })).toMatchObject({ eventsPerSecond: 3 });

    const admin = await newUser(['admin']);
    const hour = await query(getOpsMetrics, admin, { window: '1h' });
    expect(hour.status, JSON.stringify(hour.body)).toBe(200);
    expect(hour.body.intervalSeconds).toBe(10);
    type Point = { eventsPerSecond: number; projections: { name: string }[] };
    const ours = (body: { points: Point[] }) => body.points.filter((p) => p.projections[0]?.name === marker);
    expect(ours(hour.body).map((p) => p.eventsPerSecond)).toEqual([3, 5]);
    expect(ours(hour.body)[1]).toEqual({
      at: ago(5).toISOString(),
      eventsPerSecond: 5,
      projections: [{ name: marker, lagMs: 12, lagEvents: 1 }],
      queues: [{ name: 'projections.events', depth: 2, deadLetters: 0 }],
    });
    const quarter = await query(getOpsMetrics, admin, { window: '15m' });
    expect(ours(quarter.body).map((p) => p.eventsPerSecond)).toEqual([5]);
  });

  it('refuses everyone but administrators, and a window it does not keep', async () => {
    expectRefusal(await query(getOpsMetrics, await newUser(['organizer', 'attendee'])), 403, 'forbidden');
    expectProblem(await query(getOpsMetrics, await newUser(['admin']), { window: '1d' }), invalidRequest('window'));
  });
});

import { describe, expect, it } from 'vitest';
import { readDb } from '@/db/mongo';
import { expectProblem, expectRefusal, invalidRequest, newUser, query } from '@/server/testing/api';
import { OPS_METRICS, type OpsMetricsDoc } from '../ops-docs';
import { slotOf } from '@/workers/ops-sample';
import { writeSample } from '@/workers/ops-sampler';
import { getOpsMetrics } from './get-ops-metrics';

const point = (at: Date, eventsPerSecond: number): OpsMetricsDoc => ({
  _id: slotOf(at),
  at,
  eventsPerSecond,
  projections: [{ name: 'events.catalog', lagMs: 12, lagEvents: 1 }],
  queues: [{ name: 'projections.events', depth: 2, deadLetters: 0 }],
});

describe('ops metrics over time', () => {
  it('answers the samples of the window, oldest first; a slot written an hour later replaces the old point', async () => {
    const db = await readDb();
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * 60_000);
    await writeSample(db, point(ago(90), 0.001));
    await writeSample(db, point(ago(70), 0.007));
    // An hour after the first sample: the same slot, overwritten.
    await writeSample(db, point(ago(30), 0.003));
    await writeSample(db, point(ago(5), 0.005));
    expect(slotOf(ago(30))).toBe(slotOf(ago(90)));
    expect(await db.collection<OpsMetricsDoc>(OPS_METRICS).findOne({ _id: slotOf(ago(90)) })).toMatchObject({ eventsPerSecond: 0.003 });

    const admin = await newUser(['admin']);
    const hour = await query(getOpsMetrics, admin, { window: '1h' });
    expect(hour.status, JSON.stringify(hour.body)).toBe(200);
    expect(hour.body.intervalSeconds).toBe(10);
    // A worker running beside the tests may add samples of its own (now, in another slot; its rates are rounded to 0.01).
    const ours = (body: { points: { eventsPerSecond: number }[] }) =>
      body.points.map((p) => p.eventsPerSecond).filter((v) => [0.001, 0.003, 0.005, 0.007].includes(v));
    expect(ours(hour.body)).toEqual([0.003, 0.005]);
    expect(hour.body.points.find((p: { eventsPerSecond: number }) => p.eventsPerSecond === 0.005)).toEqual({
      at: ago(5).toISOString(),
      eventsPerSecond: 0.005,
      projections: [{ name: 'events.catalog', lagMs: 12, lagEvents: 1 }],
      queues: [{ name: 'projections.events', depth: 2, deadLetters: 0 }],
    });
    const quarter = await query(getOpsMetrics, admin, { window: '15m' });
    expect(ours(quarter.body)).toEqual([0.005]);
  });

  it('refuses everyone but administrators, and a window it does not keep', async () => {
    expectRefusal(await query(getOpsMetrics, await newUser(['organizer', 'attendee'])), 403, 'forbidden');
    expectProblem(await query(getOpsMetrics, await newUser(['admin']), { window: '1d' }), invalidRequest('window'));
  });
});

import { describe, expect, it } from 'vitest';
import { readDb } from '@/db/mongo';
import { OPS_WORKERS } from '@/server/ops/ops-docs';
import { healthHandler } from './health';

describe('GET /api/health', () => {
  it('is 503 naming the worker while no worker heartbeat is fresh, and 200 once one is', async () => {
    const db = await readDb();
    await db.collection(OPS_WORKERS).deleteMany({});
    const down = await healthHandler();
    expect(down.status).toBe(503);
    expect((await down.json()).checks).toMatchObject({ web: 'up', postgres: 'up', readStore: 'up', worker: expect.stringMatching(/^down/) });
    await db.collection(OPS_WORKERS).insertOne({ _id: 'test-worker' as never, pid: 1, startedAt: new Date(), heartbeatAt: new Date() });
    const up = await healthHandler();
    expect(up.status).toBe(200);
    expect((await up.json()).status).toBe('up');
    await db.collection(OPS_WORKERS).deleteMany({ _id: 'test-worker' as never });
  });
});

import { pool } from '@/db/client';
import { readDb } from '@/db/mongo';
import { HEARTBEAT_STALE_MS, OPS_WORKERS, type OpsWorkerDoc } from '@/server/ops/ops-docs';

const withTimeout = <T>(p: Promise<T>, ms = 2000) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);

async function check(fn: () => Promise<unknown>): Promise<string> {
  try {
    await withTimeout(fn());
    return 'up';
  } catch (err) {
    return `down: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** GET /api/health: 200 only when web, worker, PostgreSQL and the read store are all up. */
export async function healthHandler(): Promise<Response> {
  const [postgres, readStore, worker] = await Promise.all([
    check(() => pool().query('SELECT 1')),
    check(async () => (await readDb()).command({ ping: 1 })),
    check(async () => {
      const since = new Date(Date.now() - HEARTBEAT_STALE_MS);
      const alive = await (await readDb()).collection<OpsWorkerDoc>(OPS_WORKERS).findOne({ heartbeatAt: { $gte: since } });
      if (!alive) throw new Error('no worker heartbeat in the last 5 s');
    }),
  ]);
  const checks = { web: 'up', postgres, readStore, worker };
  const ok = Object.values(checks).every((v) => v === 'up');
  return Response.json({ status: ok ? 'up' : 'down', checks }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}

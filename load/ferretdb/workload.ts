/**
 * The read-model access patterns the FerretDB backend bench measures, and the two ways it drives
 * them: a closed loop of driver operations, and open-loop PostgreSQL commands on the write cluster
 * (the writes a read flood must not slow down).
 */
import { performance } from 'node:perf_hooks';
import type { Collection } from 'mongodb';
import type pg from 'pg';
import { percentile } from '../harness/open-loop';
import type { ProcSampler } from '../harness/proc-sampler';
import { sleep } from '../harness/settings';

export type StoreGroup = 'ferretdb' | 'readPostgres' | 'postgres';

export interface OpResult {
  opsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Average cores used during the run by FerretDB, its PostgreSQL cluster, the write cluster. */
  cpu: { ferret: number; readPg: number; writePg: number };
}

export const DOCS = 10_000;

export const doc = (i: number) => ({
  _id: `d${i}`,
  userId: `u${i % 500}`, // 500 users x 20 documents: pattern (b)
  ownerId: `o${i % 5}`, // 5 owners x 2,000 documents: pattern (c)
  at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  version: 0,
  count: 0,
  title: `Event number ${i} with a realistic title`,
  venue: { name: 'Main hall', city: 'Amsterdam' },
  tags: ['cqrs', 'demo', `t${i % 7}`],
});

export type BenchDoc = ReturnType<typeof doc>;

export async function loadDocs(col: Collection<BenchDoc>, n: number): Promise<void> {
  await col.drop().catch(() => {});
  for (let i = 0; i < n; i += 1000) await col.insertMany(Array.from({ length: Math.min(1000, n - i) }, (_, k) => doc(i + k)));
  await col.createIndex({ userId: 1 });
  await col.createIndex({ ownerId: 1, at: -1 });
}

/** Latencies of a run and the cores each store used during it (the sampler's open phase). */
function summarize(lat: number[], ms: number, errors: number, sampler: ProcSampler<StoreGroup>): OpResult {
  const s = lat.sort((a, b) => a - b);
  const { cores } = sampler.endPhase();
  return {
    opsPerSec: (s.length / ms) * 1000,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    errors,
    cpu: { ferret: cores.ferretdb, readPg: cores.readPostgres, writePg: cores.postgres },
  };
}

/** Closed loop with `concurrency` operations in flight for `seconds`, after a 1 s warm-up. */
export async function measure(op: (i: number) => Promise<unknown>, concurrency: number, seconds: number, sampler: ProcSampler<StoreGroup>, phase: string) {
  let i = 0;
  const warmEnd = Date.now() + 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < warmEnd) await op(i++).catch(() => {});
    }),
  );
  const lat: number[] = [];
  let errors = 0;
  sampler.beginPhase(phase);
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await op(i++);
          lat.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return summarize(lat, performance.now() - start, errors, sampler);
}

/** Open-loop PostgreSQL commands at `rate`/s; latency counts from the scheduled send time. */
export async function writeLatency(pool: pg.Pool, rate: number, seconds: number, sampler: ProcSampler<StoreGroup>, phase: string): Promise<OpResult> {
  const lat: number[] = [];
  let errors = 0;
  sampler.beginPhase(phase);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let n = 0; n < seconds * rate; n++) {
    const due = start + (n * 1000) / rate;
    await sleep(Math.max(0, due - performance.now()));
    pending.push(
      (async () => {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await c.query('INSERT INTO bench_state(id, v) VALUES ($1, 1) ON CONFLICT (id) DO UPDATE SET v = bench_state.v + 1', [n % 100]);
          await c.query('INSERT INTO bench_events(stream, data) VALUES ($1, $2)', [n % 100, { n }]);
          await c.query('COMMIT');
          lat.push(performance.now() - due);
        } catch {
          errors++;
          await c.query('ROLLBACK').catch(() => {});
        } finally {
          c.release();
        }
      })(),
    );
  }
  await Promise.all(pending);
  return summarize(lat, performance.now() - start, errors, sampler);
}

/**
 * `npm run bench:ferretdb`: FerretDB v1.24.2 backends on Quadrant's read-model access patterns:
 * SQLite, PostgreSQL in the write store's own cluster (separate database), and PostgreSQL in a
 * dedicated second cluster. Not a test: it writes docs/reports/ferretdb-backends.md and .json
 * (BENCH_REPORT_DIR: elsewhere), the evidence for docs/decisions/0002-ferretdb-backend.md. Own ports
 * (PostgreSQL BENCH_BASE_PORT 54350 and 54351, FerretDB 27051..27053) and a throw-away data directory
 * (BENCH_DATA_DIR, default under /var/tmp), so a running `make start` is not touched.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient } from 'mongodb';
import pg from 'pg';
import { startPostgres } from '../scripts/stack/postgres';
import { type Child, consoleLog as log } from '../scripts/stack/processes';
import { ensureFerretdbBinary, startFerretdb } from '../scripts/stack/read-store';
import { type FerretdbReport, type FloodRun, renderFerretdbMarkdown, VARIANTS, type Variant } from './ferretdb/report';
import { FLOOD_READERS } from './ferretdb/read-flood';
import { type BenchDoc, DOCS, doc, loadDocs, measure, type StoreGroup, writeLatency } from './ferretdb/workload';
import { machineState, provenance } from './harness/machine';
import { ProcSampler } from './harness/proc-sampler';
import { writeReport } from './harness/report';
import { num, round, sleep } from './harness/settings';

const config = {
  seconds: num('BENCH_SECONDS', 8),
  concurrency: 20,
  insertConcurrency: 4, // 4 x 1k documents in flight is already 4k documents per round
  writeRate: 100, // PostgreSQL commands per second in the write-isolation experiment
  docs: DOCS,
  floodReaders: FLOOD_READERS,
};
const BASE_PORT = num('BENCH_BASE_PORT', 54350); // PG, PG+1; FerretDB 27051..
const dataDir = process.env.BENCH_DATA_DIR ?? path.join('/var/tmp', `quadrant-bench-${process.pid}`);

interface Procs {
  ferret: Child;
  /** FerretDB's own PostgreSQL cluster (pg-dedicated only: otherwise it is the write cluster or none). */
  readPg?: Child;
  writePg: Child;
}

const sampler = (p: Procs) => new ProcSampler<StoreGroup>(() => ({ ferretdb: p.ferret.pid, readPostgres: p.readPg?.pid, postgres: p.writePg.pid }));

/** FerretDB plus, for the dedicated cluster, its postmaster and backends (never the write cluster). */
function readStorePids(p: Procs): number[] {
  const pids = [p.ferret.pid];
  if (!p.readPg) return pids;
  pids.push(p.readPg.pid);
  for (const n of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (Number(readFileSync(`/proc/${n}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === p.readPg.pid) pids.push(Number(n));
    } catch {
      /* exited */
    }
  }
  return pids;
}

/**
 * Writes alone, then the same writes under a read flood, back to back: on a shared machine the
 * background load drifts, so each flood run gets its own adjacent baseline.
 */
async function writesUnderFlood(url: string, pool: pg.Pool, procs: Procs, reniceReadStore: boolean): Promise<FloodRun> {
  const s = sampler(procs);
  const alone = await writeLatency(pool, config.writeRate, config.seconds, s, 'alone');
  const flood = spawn(process.execPath, [...process.execArgv, path.join(import.meta.dirname, 'ferretdb', 'read-flood.ts'), url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  flood.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const reniced = reniceReadStore ? readStorePids(procs) : [];
  if (reniced.length) execFileSync('renice', ['-n', '10', '-p', ...reniced.map(String)], { stdio: 'ignore' });
  await sleep(1000); // let the flood ramp up
  const t0 = performance.now();
  const writes = await writeLatency(pool, config.writeRate, config.seconds, s, 'with flood');
  flood.kill('SIGTERM');
  await new Promise((r) => flood.on('close', r));
  if (reniced.length) execFileSync('renice', ['-n', '0', '-p', ...readStorePids(procs).map(String)], { stdio: 'ignore' });
  return { alone, writes, readsPerSec: Number(out.trim()) / ((performance.now() - t0 + 1000) / 1000) };
}

const started: Child[] = [];
async function cleanup() {
  for (const c of started.reverse()) await c.stop();
  started.length = 0;
  rmSync(dataDir, { recursive: true, force: true });
}

async function main() {
  const t0 = Date.now();
  const machine = [machineState('before')];
  const prov = provenance('npm run bench:ferretdb (load/bench-ferretdb.ts)');
  // Our servers run in their own process groups, so Ctrl-C reaches only us: stop them ourselves.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().then(() => process.exit(130)));
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  try {
    const writePg = await startPostgres({ dataDir: path.join(dataDir, 'pg'), port: BASE_PORT, log, databases: ['quadrant', 'ferretdb'] });
    started.push(writePg.child);
    const readPg = await startPostgres({ dataDir: path.join(dataDir, 'pg-read'), port: BASE_PORT + 1, log, databases: ['ferretdb'] });
    started.push(readPg.child);
    const binary = await ensureFerretdbBinary(log);
    const pool = new pg.Pool({ connectionString: writePg.urlFor('quadrant'), max: 20 });
    await pool.query('CREATE TABLE IF NOT EXISTS bench_state(id int PRIMARY KEY, v bigint)');
    await pool.query('CREATE TABLE IF NOT EXISTS bench_events(pos bigserial PRIMARY KEY, stream int, data jsonb, at timestamptz DEFAULT now())');

    const results: FerretdbReport['results'] = {};
    const floods: Partial<FerretdbReport['floods']> = {};
    log(`write store alone: ${config.writeRate} commands/s for ${config.seconds} s`);
    const writesAlone = await writeLatency(pool, config.writeRate, config.seconds, sampler({ ferret: writePg.child, writePg: writePg.child }), 'alone');

    let port = 27050;
    for (const variant of Object.keys(VARIANTS) as Variant[]) {
      const backendPg = variant === 'pg-dedicated' ? readPg : writePg;
      const ferret = await startFerretdb({
        binary,
        port: ++port,
        dataDir,
        log,
        name: `ferretdb-${variant}`,
        backend: variant === 'sqlite' ? 'sqlite' : 'postgresql',
        postgresUrl: backendPg.urlFor('ferretdb'),
      });
      started.push(ferret);
      const procs: Procs = { ferret, readPg: variant === 'pg-dedicated' ? readPg.child : undefined, writePg: writePg.child };
      const s = sampler(procs);
      const url = `mongodb://127.0.0.1:${port}/`;
      const client = new MongoClient(url, { maxPoolSize: 50 });
      const db = client.db('bench');
      const rnd = () => Math.floor(Math.random() * DOCS);
      const run = async (name: string, op: (i: number) => Promise<unknown>, c = config.concurrency) => {
        log(`${variant}: ${name}`);
        (results[name] ??= {})[variant] = await measure(op, c, config.seconds, s, name);
      };
      // Same lookup on a collection 10x smaller: shows whether latency depends on collection size.
      const small = db.collection<BenchDoc>('small');
      await loadDocs(small, 1000);
      await run('(a0) findOne by _id, 1k docs', () => small.findOne({ _id: `d${rnd() % 1000}` }));
      log(`${variant}: loading ${DOCS} documents`);
      const col = db.collection<BenchDoc>('docs');
      await loadDocs(col, DOCS);
      await run('(a) findOne by _id, 10k docs', () => col.findOne({ _id: `d${rnd()}` }));
      const expect20 = (r: unknown[]) => {
        if (r.length !== 20) throw new Error(`expected 20, got ${r.length}`);
      };
      await run('(b) find {userId} -> 20 docs', async () => expect20(await col.find({ userId: `u${rnd() % 500}` }).toArray()));
      await run('(c) find {ownerId} sort {at:-1} limit 20, 2k match', async () =>
        expect20(
          await col
            .find({ ownerId: `o${rnd() % 5}` })
            .sort({ at: -1 })
            .limit(20)
            .toArray(),
        ),
      );
      let version = 0;
      await run('(d) updateOne {_id, version:{$lt:n}} $set/$inc', () =>
        col.updateOne({ _id: `d${rnd()}`, version: { $lt: ++version } }, { $set: { version, title: `v${version}` }, $inc: { count: 1 } }),
      );
      const ins = db.collection<BenchDoc>('inserts');
      let batch = 0;
      await run(
        '(e) insertMany 1k docs',
        () => {
          const b = batch++;
          return ins.insertMany(
            Array.from({ length: 1000 }, (_, k) => ({ ...doc(k), _id: `b${b}-${k}` })),
            { ordered: false },
          );
        },
        config.insertConcurrency,
      );
      await client.close();

      // The property that matters for CQRS: does a read flood slow the write store down?
      log(`${variant}: write store under a read flood`);
      const normal = await writesUnderFlood(url, pool, procs, false);
      log(`${variant}: write store under a read flood, read store at nice 10`);
      const niced = await writesUnderFlood(url, pool, procs, true);
      floods[variant] = { normal, niced };
      await ferret.stop();
    }
    await pool.end();
    machine.push(machineState('after'));
    const report: FerretdbReport = {
      generatedAt: new Date().toISOString(),
      durationSec: round((Date.now() - t0) / 1000),
      provenance: prov,
      machine,
      config,
      cpuModel: os.cpus()[0]?.model ?? 'cpu',
      node: process.version,
      results,
      writesAlone,
      floods: floods as FerretdbReport['floods'],
    };
    log(`wrote ${writeReport('ferretdb-backends', report, renderFerretdbMarkdown)}.md and .json`);
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

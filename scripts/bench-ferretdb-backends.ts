/**
 * FerretDB v1.24.2 backends on Quadrant's read-model access patterns: SQLite, PostgreSQL in the
 * write store's own cluster (separate database), and PostgreSQL in a dedicated second cluster.
 * Not a test: `npm run bench:ferretdb` writes docs/reports/ferretdb-backends.md, the evidence for
 * docs/decisions/0002-ferretdb-backend.md. Own ports and a throw-away data directory
 * (BENCH_DATA_DIR, default under /var/tmp), so a running `make start` is not touched.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Collection } from 'mongodb';
import pg from 'pg';
import { startPostgres } from './stack/postgres';
import { consoleLog, type Child } from './stack/processes';
import { ensureFerretdbBinary, startFerretdb } from './stack/read-store';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = 20;
const INSERT_CONCURRENCY = 4; // 4 x 1k documents in flight is already 4k documents per round
const WRITE_RATE = 100; // PostgreSQL commands per second in the write-isolation experiment
const DOCS = 10_000;
const BASE_PORT = Number(process.env.BENCH_BASE_PORT ?? 54350); // PG, PG+1; Mongo ports 27050..
const dataDir = process.env.BENCH_DATA_DIR ?? path.join('/var/tmp', `quadrant-bench-${process.pid}`);
const log = consoleLog;

type Variant = 'sqlite' | 'pg-shared' | 'pg-dedicated';
const VARIANTS: Record<Variant, string> = {
  sqlite: 'SQLite',
  'pg-shared': 'PostgreSQL, write cluster',
  'pg-dedicated': 'PostgreSQL, own cluster',
};

interface Result {
  opsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Average cores used during the run by FerretDB, its PostgreSQL cluster, the write cluster. */
  cpu: { ferret: number; readPg: number; writePg: number };
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;

/** CPU seconds (user+system) of a process, plus its direct children for a postmaster. */
function cpuSeconds(pid: number | undefined, withChildren: boolean): number {
  if (!pid) return 0;
  const read = (p: number) => {
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100 }; // USER_HZ = 100
    } catch {
      return { ppid: -1, cpu: 0 };
    }
  };
  let total = read(pid).cpu;
  if (withChildren) {
    for (const p of readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number)) {
      const r = read(p);
      if (r.ppid === pid) total += r.cpu;
    }
  }
  return total;
}

interface Procs {
  ferret: Child;
  readPg?: Child;
  writePg: Child;
}

function cpuProbe(p: Procs) {
  const sample = () => ({
    ferret: cpuSeconds(p.ferret.pid, false),
    readPg: p.readPg && p.readPg !== p.writePg ? cpuSeconds(p.readPg.pid, true) : 0,
    writePg: cpuSeconds(p.writePg.pid, true),
  });
  const t0 = performance.now();
  const s0 = sample();
  return () => {
    const s1 = sample();
    const secs = (performance.now() - t0) / 1000;
    // Clamp: a backend that exits between samples takes its CPU time out of the sum.
    const rate = (a: number, b: number) => Math.max(0, (b - a) / secs);
    return { ferret: rate(s0.ferret, s1.ferret), readPg: rate(s0.readPg, s1.readPg), writePg: rate(s0.writePg, s1.writePg) };
  };
}

function summarize(lat: number[], ms: number, errors: number, cpu: Result['cpu']): Result {
  const s = lat.sort((a, b) => a - b);
  return { opsPerSec: (s.length / ms) * 1000, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), errors, cpu };
}

/** Closed loop with `concurrency` operations in flight for SECONDS, after a 1 s warm-up. */
async function measure(op: (i: number) => Promise<unknown>, concurrency: number, procs: Procs): Promise<Result> {
  let i = 0;
  const warmEnd = Date.now() + 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < warmEnd) await op(i++).catch(() => {});
    }),
  );
  const lat: number[] = [];
  let errors = 0;
  const cpu = cpuProbe(procs);
  const start = performance.now();
  const end = start + SECONDS * 1000;
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
  return summarize(lat, performance.now() - start, errors, cpu());
}

const doc = (i: number) => ({
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

type BenchDoc = ReturnType<typeof doc>;

async function load(col: Collection<BenchDoc>, n: number) {
  await col.drop().catch(() => {});
  for (let i = 0; i < n; i += 1000) await col.insertMany(Array.from({ length: Math.min(1000, n - i) }, (_, k) => doc(i + k)));
  await col.createIndex({ userId: 1 });
  await col.createIndex({ ownerId: 1, at: -1 });
}

/** Open-loop PostgreSQL commands at WRITE_RATE/s; latency counts from the scheduled send time. */
async function writeLatency(pool: pg.Pool, procs: Procs): Promise<Result> {
  const lat: number[] = [];
  let errors = 0;
  const cpu = cpuProbe(procs);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let n = 0; n < SECONDS * WRITE_RATE; n++) {
    const due = start + (n * 1000) / WRITE_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
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
  return summarize(lat, performance.now() - start, errors, cpu());
}

/**
 * The read flood runs in its own process so its JavaScript does not delay the write timer loop:
 * 20 readers alternating (a) and (c). Prints the number of reads it completed when stopped.
 */
async function floodMain(url: string) {
  const client = new MongoClient(url, { maxPoolSize: 50 });
  const col = client.db('bench').collection<BenchDoc>('docs');
  let reads = 0;
  let running = true;
  process.once('SIGTERM', () => (running = false));
  const rnd = () => Math.floor(Math.random() * DOCS);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, k) => {
      while (running) {
        await (k % 2
          ? col.findOne({ _id: `d${rnd()}` })
          : col
              .find({ ownerId: `o${rnd() % 5}` })
              .sort({ at: -1 })
              .limit(20)
              .toArray()
        ).catch(() => {});
        reads++;
      }
    }),
  );
  await client.close();
  process.stdout.write(`${reads}\n`);
}

/**
 * Writes alone, then the same writes under a read flood, back to back: on a shared machine the
 * background load drifts, so each flood run gets its own adjacent baseline.
 */
async function writesUnderFlood(url: string, pool: pg.Pool, procs: Procs, reniceReadStore: boolean) {
  const alone = await writeLatency(pool, procs);
  const flood = spawn(process.execPath, [...process.execArgv, import.meta.filename, '--flood', url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  flood.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const reniced = reniceReadStore ? readStorePids(procs) : [];
  if (reniced.length) execFileSync('renice', ['-n', '10', '-p', ...reniced.map(String)], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1000)); // let the flood ramp up
  const t0 = performance.now();
  const writes = await writeLatency(pool, procs);
  flood.kill('SIGTERM');
  await new Promise((r) => flood.on('close', r));
  if (reniced.length) execFileSync('renice', ['-n', '0', '-p', ...readStorePids(procs).map(String)], { stdio: 'ignore' });
  const readsPerSec = Number(out.trim()) / ((performance.now() - t0 + 1000) / 1000);
  return { alone, writes, readsPerSec };
}

/** FerretDB plus, for the dedicated cluster, its postmaster and backends (never the write cluster). */
function readStorePids(p: Procs): number[] {
  const pids = [p.ferret.pid];
  if (p.readPg && p.readPg !== p.writePg) {
    pids.push(p.readPg.pid);
    for (const n of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (Number(readFileSync(`/proc/${n}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === p.readPg.pid) pids.push(Number(n));
      } catch {
        /* exited */
      }
    }
  }
  return pids;
}

const started: Child[] = [];
async function cleanup() {
  for (const c of started.reverse()) await c.stop();
  started.length = 0;
  rmSync(dataDir, { recursive: true, force: true });
}

const loadAtStart = os.loadavg();

async function main() {
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

    const results: Record<string, Partial<Record<Variant, Result>>> = {};
    const floods: Partial<Record<Variant, { normal: Awaited<ReturnType<typeof writesUnderFlood>>; niced: Awaited<ReturnType<typeof writesUnderFlood>> }>> = {};
    log(`write store alone: ${WRITE_RATE} commands/s for ${SECONDS} s`);
    const writesAlone = await writeLatency(pool, { ferret: writePg.child, writePg: writePg.child });

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
      const procs: Procs = { ferret: ferret, readPg: variant === 'sqlite' ? undefined : backendPg.child, writePg: writePg.child };
      const url = `mongodb://127.0.0.1:${port}/`;
      const client = new MongoClient(url, { maxPoolSize: 50 });
      const db = client.db('bench');
      const rnd = () => Math.floor(Math.random() * DOCS);
      const run = async (name: string, op: (i: number) => Promise<unknown>, c = CONCURRENCY) => {
        log(`${variant}: ${name}`);
        (results[name] ??= {})[variant] = await measure(op, c, procs);
      };
      // Same lookup on a collection 10x smaller: shows whether latency depends on collection size.
      const small = db.collection<BenchDoc>('small');
      await load(small, 1000);
      await run('(a0) findOne by _id, 1k docs', () => small.findOne({ _id: `d${rnd() % 1000}` }));
      log(`${variant}: loading ${DOCS} documents`);
      const col = db.collection<BenchDoc>('docs');
      await load(col, DOCS);
      await run('(a) findOne by _id, 10k docs', () => col.findOne({ _id: `d${rnd()}` }));
      await run('(b) find {userId} -> 20 docs', async () => {
        const r = await col.find({ userId: `u${rnd() % 500}` }).toArray();
        if (r.length !== 20) throw new Error(`expected 20, got ${r.length}`);
      });
      await run('(c) find {ownerId} sort {at:-1} limit 20, 2k match', async () => {
        const r = await col
          .find({ ownerId: `o${rnd() % 5}` })
          .sort({ at: -1 })
          .limit(20)
          .toArray();
        if (r.length !== 20) throw new Error(`expected 20, got ${r.length}`);
      });
      let version = 0;
      await run('(d) updateOne {_id, version:{$lt:n}} $set/$inc', () =>
        col.updateOne({ _id: `d${rnd()}`, version: { $lt: ++version } }, { $set: { version, title: `v${version}` }, $inc: { count: 1 } }),
      );
      const ins = db.collection<BenchDoc>('inserts');
      let batch = 0;
      await run(
        `(e) insertMany 1k docs`,
        () => {
          const b = batch++;
          return ins.insertMany(
            Array.from({ length: 1000 }, (_, k) => ({ ...doc(k), _id: `b${b}-${k}` })),
            { ordered: false },
          );
        },
        INSERT_CONCURRENCY,
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
    writeReport(results, writesAlone, floods as Required<typeof floods>);
  } finally {
    await cleanup();
  }
}

interface FloodRun {
  alone: Result;
  writes: Result;
  readsPerSec: number;
}

function writeReport(results: Record<string, Partial<Record<Variant, Result>>>, alone: Result, floods: Record<Variant, { normal: FloodRun; niced: FloodRun }>) {
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const variants = Object.keys(VARIANTS) as Variant[];
  const cpu = (r: Result) => `${r.cpu.ferret.toFixed(1)}+${(r.cpu.readPg + r.cpu.writePg).toFixed(1)}`;
  const rows = Object.entries(results).map(
    ([name, r]) => `| ${name} | ${variants.map((v) => `${f(r[v]!.opsPerSec)} | ${f(r[v]!.p50)} / ${f(r[v]!.p99)} | ${cpu(r[v]!)}`).join(' | ')} |`,
  );
  const fl = (label: string, x: FloodRun) =>
    `| ${label} | ${f(x.readsPerSec)} | ${f(x.alone.p95)} | ${f(x.writes.p50)} | ${f(x.writes.p95)} | ${f(x.writes.p99)} | ${(x.writes.p95 / x.alone.p95).toFixed(1)} | ${x.writes.cpu.writePg.toFixed(2)} | ${x.writes.errors} |`;
  const md = `# FerretDB v1.24.2 backends on Quadrant's read patterns

Generated by \`npm run bench:ferretdb\` (scripts/bench-ferretdb-backends.ts), ${new Date().toISOString().slice(0, 10)}.
Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${loadAtStart[0]!.toFixed(1)} at start and
${os.loadavg()[0]!.toFixed(1)} at the end (other work on a shared machine adds noise), embedded PostgreSQL 17.6, FerretDB v1.24.2 built
with CGO_ENABLED=0 (pure-Go SQLite). Variants: **SQLite**; **PostgreSQL, write cluster** = a separate
database \`ferretdb\` in the same PostgreSQL server as the write store; **PostgreSQL, own cluster** = a
second embedded PostgreSQL server used only by FerretDB (what \`make start\` runs, see decision 0002).

Closed loop, ${CONCURRENCY} operations in flight (insertMany: ${INSERT_CONCURRENCY}), ${SECONDS} s per row after a 1 s warm-up,
documents of ~300 bytes, indexes created through the driver on {userId:1} and {ownerId:1, at:-1}.
Latency in ms. CPU = cores used on average by FerretDB + by PostgreSQL (both clusters).

| pattern | ${variants.map((v) => `${VARIANTS[v]} ops/s | p50 / p99 | CPU`).join(' | ')} |
|---|${variants.map(() => '---|---|---|').join('')}
${rows.join('\n')}

(e) counts one insertMany of 1,000 documents as one operation. No errors unless listed below.
${Object.entries(results)
  .flatMap(([n, r]) => variants.filter((v) => r[v]!.errors).map((v) => `- ${n}, ${VARIANTS[v]}: ${r[v]!.errors} errors`))
  .join('\n')}

## Write store under a read flood

Open-loop PostgreSQL commands (BEGIN; upsert a row; insert an event; COMMIT) at ${WRITE_RATE}/s for ${SECONDS} s on the
write cluster, latency from the scheduled send time (no coordinated omission). Each row: the writes alone,
then immediately the same writes while a separate process runs ${CONCURRENCY} closed-loop readers alternating (a) and
(c) against FerretDB. The "nice 10" rows run the read store's processes (FerretDB, and the dedicated
cluster's postmaster and backends) at lower CPU priority. "write-cluster CPU" is the cores the write
server used during the flood: the read work that lands inside it. First baseline of the run, alone:
p50 ${f(alone.p50)}, p95 ${f(alone.p95)}, p99 ${f(alone.p99)} ms.

| read store | reads/s | p95 alone | write p50 | p95 | p99 | p95 / alone | write-cluster CPU | errors |
|---|---|---|---|---|---|---|---|---|
${variants.map((v) => fl(VARIANTS[v], floods[v].normal)).join('\n')}
${variants.map((v) => fl(`${VARIANTS[v]}, read store nice 10`, floods[v].niced)).join('\n')}
`;
  const out = path.resolve(import.meta.dirname, '..', 'docs', 'reports', 'ferretdb-backends.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, md);
  log(md);
  log(`wrote ${out}`);
}

if (process.argv[2] === '--flood') {
  void floodMain(process.argv[3]!);
} else {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}

/**
 * `npm run bench:events`: the events context under load (EV4, EV5). Not a test: it writes
 * docs/reports/events-bench.md and docs/reports/events-bench.json.
 *
 * Self-contained: a fresh data directory, its own ports (PostgreSQL 54349, read store 27049,
 * web 3049; override with BENCH_PG_PORT, BENCH_MONGO_PORT, BENCH_WEB_PORT), migrate, seed, the
 * production build (`next build`, only when the sources changed, same stamp as `make start`),
 * web + worker, 200 events and 300 users prepared through the command handlers (as db/seed does),
 * then the scenarios, then everything it started is stopped (by pid) and the data removed.
 *
 * Scenarios (all latencies open-loop at a stated arrival rate, measured from each request's
 * intended start, i.e. corrected for coordinated omission; see load/open-loop.ts):
 *   0. closed-loop max throughput of details and upcoming (autocannon), labelled closed-loop;
 *   1. mixed: readers (details + upcoming) vs registrants, both open-loop, at the same time;
 *   2. write isolation: registrations at a fixed rate alone, then with a flood of 200 readers;
 *      the same against the CRUD baseline (app/api/baseline, reads from the PostgreSQL write
 *      tables; the web process runs with QUADRANT_BASELINE=1 for the whole run);
 *   3. projection lag: command response -> visible in GET /api/queries/events/{id} (polled);
 *   4. RSS and CPU per process tree, sampled every 500 ms throughout.
 * Knobs: BENCH_* environment variables (see `cfg` below).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { percentile, summarize, type RequestSpec, type StreamResult, type StreamSpec, type Summary } from './open-loop';
import { runStreams } from './run-streams';
import { findPid, ProcSampler, type PhaseUsage } from './proc-sampler';
import { renderMarkdown } from './report';
import { appEnv, nextBuild, npmRun, REPO_ROOT, startWeb, waitForHttp } from '../scripts/stack/app';
import { buildIsCurrent, recordBuild, sourceHash } from '../scripts/stack/build-stamp';
import { consoleLog, spawnChild, stopAll, type Child } from '../scripts/stack/processes';
import { startInfra, type Infra } from '../scripts/stack/start-infra';

const num = (name: string, dflt: number) => (process.env[name] ? Number(process.env[name]) : dflt);

export const cfg = {
  pgPort: num('BENCH_PG_PORT', 54349),
  mongoPort: num('BENCH_MONGO_PORT', 27049),
  /** The read store's own PostgreSQL (FerretDB's backend). */
  readPgPort: num('BENCH_READ_PG_PORT', 54348),
  webPort: num('BENCH_WEB_PORT', 3049),
  events: num('BENCH_EVENTS', 200),
  users: num('BENCH_USERS', 300),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 8),
  closed: { seconds: num('BENCH_CLOSED_SECONDS', 8), connections: num('BENCH_CLOSED_CONNECTIONS', 100) },
  mixed: {
    seconds: num('BENCH_MIXED_SECONDS', 20),
    readers: num('BENCH_MIXED_READERS', 120),
    readRate: num('BENCH_MIXED_READ_RATE', 120),
    upcomingShare: num('BENCH_MIXED_UPCOMING_SHARE', 0.1),
    registrants: num('BENCH_MIXED_REGISTRANTS', 120),
    writeRate: num('BENCH_MIXED_WRITE_RATE', 30),
    /** The lighter second level (0 = skip it). */
    lightReadRate: num('BENCH_LIGHT_READ_RATE', 60),
    lightWriteRate: num('BENCH_LIGHT_WRITE_RATE', 10),
  },
  isolation: {
    seconds: num('BENCH_ISO_SECONDS', 20),
    writeRate: num('BENCH_ISO_WRITE_RATE', 50),
    /** A second, lower write rate (0 = skip): shows whether isolation holds below saturation. */
    lowWriteRate: num('BENCH_ISO_LOW_WRITE_RATE', 25),
    writers: num('BENCH_ISO_WRITERS', 100),
    floodReaders: num('BENCH_FLOOD_READERS', 200),
    /** Open-loop flood rate over floodReaders connections; 0 = floodShareOfCapacity x the
     *  closed-loop details capacity measured in the same run. */
    floodRate: num('BENCH_FLOOD_RATE', 100),
    floodShareOfCapacity: num('BENCH_FLOOD_SHARE', 0.6),
    /** Also run a saturating closed-loop flood (200 connections back to back). */
    closedFlood: process.env.BENCH_CLOSED_FLOOD === '1',
    closedFloodSeconds: num('BENCH_CLOSED_FLOOD_SECONDS', 15),
  },
  lag: { count: num('BENCH_LAG_COUNT', 300), rate: num('BENCH_LAG_RATE', 20), pollMs: num('BENCH_LAG_POLL_MS', 5) },
  timeoutMs: num('BENCH_TIMEOUT_MS', 10_000),
  /**
   * Directory for V8 CPU profiles of the web and worker processes (node --cpu-prof), summarised
   * per phase at the end. Profiling costs CPU: not for the numbers of record.
   */
  cpuProfileDir: process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : undefined,
  /** fsync off in PostgreSQL: not representative, only for quick iterations on the script. */
  pgFast: process.env.BENCH_PG_FAST === '1',
};

export const targets = {
  detailsP99Ms: 30,
  registrationP99Ms: 200,
  writeP95Ratio: 1.5,
  projectionLagP95Ms: 250,
  webRssMb: 400,
  workerRssMb: 200,
};

const say = (line: string) => consoleLog(line.startsWith('[') ? line : `[bench] ${line}`);
/** Child output: only what looks like trouble, so the bench log stays readable; the rest is kept
 * (last 40 lines) and printed if the bench fails. */
const recentChildLines: string[] = [];
const childLog = (line: string) => {
  recentChildLines.push(line);
  if (recentChildLines.length > 40) recentChildLines.shift();
  if (/error|warn|fail|exited|unhandled|panic/i.test(line) && !/\[unhandled\] Error: aborted/.test(line)) consoleLog(line);
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const BASE = `http://127.0.0.1:${cfg.webPort}`;
const DIST_DIR = path.join(REPO_ROOT, process.env.NEXT_DIST_DIR ?? '.next');

/** What else runs on the machine (shared with teammates): load average and the busiest processes. */
function machineState(label: string) {
  const [l1, l5, l15] = os.loadavg().map((n) => round(n, 2));
  let top: string[] = [];
  try {
    top = execFileSync('ps', ['-eo', 'pcpu,rss,args', '--sort=-pcpu'], { encoding: 'utf8' })
      .split('\n')
      .slice(1, 9)
      .map((l) => l.trim().replace(/\s+/g, ' ').slice(0, 140))
      .filter(Boolean);
  } catch {
    /* ps missing */
  }
  return { label, at: new Date().toISOString(), loadavg: [l1, l5, l15], cpus: os.cpus().length, top };
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers (setup and the projection-lag scenario run in the main thread)

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

function request(method: 'GET' | 'POST', p: string, headers: Record<string, string> = {}, body?: unknown) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port: cfg.webPort,
        method,
        path: p,
        headers: { ...headers, ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(cfg.timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

/** Per tag, plus overall. */
function summarizeByTag(r: StreamResult): Record<string, Summary> {
  const tags = [...new Set(r.samples.map((s) => s.tag))];
  const out: Record<string, Summary> = {};
  for (const t of tags)
    out[t] = summarize(
      r.samples.filter((s) => s.tag === t),
      r.elapsedMs,
    );
  return out;
}

function streamInfo(r: StreamResult) {
  return {
    name: r.name,
    mode: r.mode,
    ratePerSec: r.ratePerSec,
    concurrency: r.concurrency,
    connections: r.connections,
    durationSec: r.durationMs / 1000,
    scheduled: r.scheduled,
    maxInFlight: r.maxInFlight,
    schedulerLateP99Ms: round(r.schedulerLateP99),
    schedulerLateMaxMs: round(r.schedulerLateMax),
  };
}

// ---------------------------------------------------------------------------------------------

interface Prepared {
  eventIds: string[];
  users: { userId: string; token: string }[];
  /** Per user, how many of its distinct events it has used: registration pairs never repeat. */
  cursor: number[];
}

/** Next registration for user `u`: an event it has never registered for. */
function nextRegistration(p: Prepared, u: number, base: string): RequestSpec {
  const k = p.cursor[u]++;
  if (k >= p.eventIds.length) throw new Error(`user ${u} ran out of distinct events`);
  const eventId = p.eventIds[(u + k) % p.eventIds.length];
  return {
    method: 'POST',
    path: `${base}/register-participant`,
    headers: { authorization: `Bearer ${p.users[u].token}` },
    body: JSON.stringify({ eventId }),
    tag: 'register',
  };
}

function registrations(p: Prepared, count: number, userPool: number): RequestSpec[] {
  return Array.from({ length: count }, (_, i) => nextRegistration(p, i % Math.min(userPool, p.users.length), '/api/commands/events'));
}

function readRequests(p: Prepared, count: number, upcomingShare: number, prefix: string): RequestSpec[] {
  // Deterministic mix: every 1/share-th request is the upcoming list, the rest details of
  // events spread over all of them (a fixed pseudo-random walk).
  const every = upcomingShare > 0 ? Math.round(1 / upcomingShare) : Infinity;
  let x = 12345;
  return Array.from({ length: count }, (_, i) => {
    if (i % every === every - 1) return { method: 'GET', path: `${prefix}/upcoming`, tag: 'upcoming' } as RequestSpec;
    x = (x * 1103515245 + 12345) % 2147483648;
    return { method: 'GET', path: `${prefix}/${p.eventIds[x % p.eventIds.length]}`, tag: 'details' } as RequestSpec;
  });
}

// ---------------------------------------------------------------------------------------------

let infra: Infra | undefined;
let web: Child | undefined;
let worker: Child | undefined;
let dataDir = '';
let stopping: Promise<void> | undefined;
let profileWindows: { name: string; fromUs: number; toUs: number }[] | undefined;
/** The bench's own database clients (prepare, probes), closed before the servers stop. */
const closers: (() => Promise<unknown>)[] = [];

async function shutdown() {
  stopping ??= (async () => {
    say('stopping web, worker, read store and PostgreSQL (by pid)');
    for (const close of closers) await close().catch(() => {});
    await stopAll();
    await infra?.stop();
    if (dataDir && !process.env.BENCH_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    if (cfg.cpuProfileDir && profileWindows) {
      // The processes wrote their profiles on exit: summarise them per phase.
      const { summarize: top } = await import('./cpuprofile-top');
      const summary: Record<string, unknown> = {};
      // Default names carry the pid (CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile).
      const roles = new Map([
        [String(web?.pid), 'web'],
        [String(worker?.pid), 'worker'],
      ]);
      for (const f of readdirSync(cfg.cpuProfileDir).filter((n) => n.endsWith('.cpuprofile'))) {
        const pid = f.split('.')[3];
        summary[`${roles.get(pid) ?? 'other'} ${f}`] = top(path.join(cfg.cpuProfileDir, f), profileWindows);
      }
      writeFileSync(path.join(cfg.cpuProfileDir, 'summary.json'), JSON.stringify(summary, null, 2));
      say(`CPU profile summary per phase: ${path.join(cfg.cpuProfileDir, 'summary.json')}`);
    }
  })();
  return stopping;
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    say(`${sig}: cleaning up`);
    void shutdown().then(() => process.exit(130));
  });
}

async function main() {
  const started = Date.now();
  const machine = [machineState('before')];
  say(`machine: load average ${machine[0].loadavg.join(' ')} on ${machine[0].cpus} cores`);

  // The bench starts its own stores: never an external server someone set in the environment.
  delete process.env.DATABASE_URL;
  delete process.env.MONGODB_URL;

  // 1. Production build (same stamp as `make start`: skipped when the sources did not change).
  const hash = sourceHash(REPO_ROOT);
  let buildSeconds = 0;
  if (buildIsCurrent(DIST_DIR, hash)) {
    say(`production build in ${path.relative(REPO_ROOT, DIST_DIR)} is up to date`);
  } else {
    say('building the production app (next build; a minute or two)');
    const t = Date.now();
    const code = await nextBuild({ ...process.env }, consoleLog);
    if (code !== 0) throw new Error(`next build failed (exit ${code}); see the [build] lines above. The benchmark needs a production build.`);
    recordBuild(DIST_DIR, hash);
    buildSeconds = round((Date.now() - t) / 1000);
  }

  // 2. Stores, migrations, seed.
  dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join('/var/tmp', 'quadrant-events-bench-'));
  say(`data in ${dataDir}; ports: web ${cfg.webPort}, PostgreSQL ${cfg.pgPort}, read store ${cfg.mongoPort}`);
  infra = await startInfra({ dataDir, pgPort: cfg.pgPort, readPgPort: cfg.readPgPort, mongoPort: cfg.mongoPort, log: say, fast: cfg.pgFast });
  const secret = randomBytes(32).toString('base64url');
  const env = appEnv({
    databaseUrl: infra.databaseUrl,
    mongodbUrl: infra.mongodbUrl,
    port: cfg.webPort,
    publicUrl: BASE,
    secret,
    demo: true,
    extra: { QUADRANT_BASELINE: '1', MONGODB_DB: 'quadrant' } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv,
  });
  if (cfg.cpuProfileDir) {
    mkdirSync(cfg.cpuProfileDir, { recursive: true });
    say(`CPU profiling web and worker into ${cfg.cpuProfileDir} (numbers are not representative)`);
  }
  // Node refuses --cpu-prof in NODE_OPTIONS: profiled processes get it on their command line.
  const profFlags = cfg.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cfg.cpuProfileDir}`] : [];
  const step = async (name: string) => {
    const code = await npmRun(name, env, childLog, infra!.marker);
    if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
  };
  say('migrate + seed');
  await step('migrate');
  await step('seed');

  // 3. Worker (one node process, no npm wrapper, so its RSS is the worker's own) and web.
  worker = spawnChild('worker', process.execPath, [...profFlags, '--import', 'tsx', 'workers/index.ts'], {
    env,
    cwd: REPO_ROOT,
    log: childLog,
    marker: infra.marker,
  });
  web = cfg.cpuProfileDir
    ? spawnChild(
        'web',
        process.execPath,
        [...profFlags, path.join(REPO_ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(cfg.webPort), '-H', '127.0.0.1'],
        {
          env: { ...env, PORT: String(cfg.webPort), NEXT_TELEMETRY_DISABLED: '1' },
          cwd: REPO_ROOT,
          log: childLog,
          marker: infra.marker,
        },
      )
    : startWeb(env, cfg.webPort, '127.0.0.1', childLog, infra.marker);
  await waitForHttp(`${BASE}/api/health`, 120_000, () => web!.isRunning());
  say('web and worker are up');

  // Trailing space: "-D <dir>/pg " must not match the read store's "-D <dir>/pg-read ".
  const pgPid = findPid(`-D ${path.join(dataDir, 'pg')} `);
  const readPgPid = findPid(`-D ${path.join(dataDir, 'pg-read')} `);
  const ferretPid = findPid(`--state-dir=${path.join(dataDir, 'ferretdb-state')}`) ?? findPid(path.join(dataDir, 'mongod'));
  say(`pids: web ${web.pid}, worker ${worker.pid}, postgres ${pgPid}, read-store postgres ${readPgPid ?? '-'}, ferretdb ${ferretPid}`);
  sampler = new ProcSampler(() => ({ web: web?.pid, worker: worker?.pid, postgres: pgPid, readPostgres: readPgPid, ferretdb: ferretPid, bench: process.pid }));
  sampler.start(500);

  // 4. Data, through the same command handlers as db/seed (server modules read env at import).
  Object.assign(process.env, { DATABASE_URL: infra.databaseUrl, MONGODB_URL: infra.mongodbUrl, MONGODB_DB: 'quadrant', NEXTAUTH_SECRET: secret });
  const prepared = await prepare();

  // Sanity: the real token endpoint works for a bench user, and the minted tokens are accepted.
  const tokenRes = await request('POST', '/api/auth/token', {}, { email: 'bench-user-0@bench.test', password: 'bench-password' });
  if (tokenRes.status !== 200) throw new Error(`POST /api/auth/token answered ${tokenRes.status}: ${tokenRes.body}`);

  const results: Record<string, unknown> = {};
  const notes: string[] = [];

  // Warm-up (not measured): route modules load, JIT, connection pools fill.
  say(`warm-up ${cfg.warmupSeconds} s`);
  await runStreams([
    {
      name: 'warmup-reads',
      baseUrl: BASE,
      mode: 'open',
      ratePerSec: 100,
      durationMs: cfg.warmupSeconds * 1000,
      requests: [...readRequests(prepared, 400, 0.2, '/api/queries/events'), ...readRequests(prepared, 400, 0.2, '/api/baseline/events')],
      connections: 50,
      timeoutMs: cfg.timeoutMs,
    },
    {
      name: 'warmup-writes',
      baseUrl: BASE,
      mode: 'open',
      ratePerSec: 20,
      durationMs: cfg.warmupSeconds * 1000,
      requests: registrations(prepared, 20 * cfg.warmupSeconds, prepared.users.length),
      connections: 50,
      timeoutMs: cfg.timeoutMs,
    },
  ]);
  await settle(prepared);

  // 5. Store-level and unloaded latencies: where a request's time goes.
  say('unloaded probes (sequential, one connection)');
  results.unloaded = await unloadedProbes(prepared);
  await settle(prepared);

  // 6. Closed-loop max throughput (labelled closed-loop).
  results.closedLoop = {};
  for (const [name, p] of [
    ['details', () => `/api/queries/events/${prepared.eventIds[Math.floor(Math.random() * prepared.eventIds.length)]}`],
    ['upcoming', () => '/api/queries/events/upcoming'],
    ['baseline-details', () => `/api/baseline/events/${prepared.eventIds[Math.floor(Math.random() * prepared.eventIds.length)]}`],
    ['baseline-upcoming', () => '/api/baseline/events/upcoming'],
  ] as const) {
    say(`closed-loop max throughput: ${name}, ${cfg.closed.connections} connections, ${cfg.closed.seconds} s`);
    sampler.beginPhase(`closed-${name}`);
    const r = await autocannon({
      url: BASE,
      connections: cfg.closed.connections,
      duration: cfg.closed.seconds,
      requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: p() }) }],
    });
    const usage = sampler.endPhase();
    const total = r.requests.total;
    say(
      `  -> ${round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, cores web ${usage.cores.web} ferretdb ${usage.cores.ferretdb} read-pg ${usage.cores.readPostgres} pg ${usage.cores.postgres} others ${usage.cores.others}`,
    );
    (results.closedLoop as Record<string, unknown>)[name] = {
      label: 'closed-loop (autocannon): max throughput, latency NOT corrected for coordinated omission',
      connections: cfg.closed.connections,
      seconds: cfg.closed.seconds,
      requestsPerSec: round(r.requests.average),
      latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      cpuMsPerRequest: perRequestCpu(usage, total),
      usage,
    };
    await settle(prepared); // a saturated run leaves queued requests behind: drain them first
  }

  // 7. Mixed: readers vs registrants, open loop; the stated level (judged against the targets),
  // then a lighter one that shows what this machine sustains.
  const mixedRun = async (phase: string, readRate: number, writeRate: number) => {
    const m = cfg.mixed;
    say(`${phase}: ${m.readers} readers at ${readRate}/s total vs ${m.registrants} registrants at ${writeRate}/s total, ${m.seconds} s`);
    sampler!.beginPhase(phase);
    const [reads, writes] = await runStreams([
      {
        name: `${phase}-reads`,
        baseUrl: BASE,
        mode: 'open',
        ratePerSec: readRate,
        durationMs: m.seconds * 1000,
        requests: readRequests(prepared, readRate * m.seconds, m.upcomingShare, '/api/queries/events'),
        connections: m.readers,
        timeoutMs: cfg.timeoutMs,
      },
      {
        name: `${phase}-registrations`,
        baseUrl: BASE,
        mode: 'open',
        ratePerSec: writeRate,
        durationMs: m.seconds * 1000,
        requests: registrations(prepared, writeRate * m.seconds, m.registrants),
        connections: m.registrants,
        timeoutMs: cfg.timeoutMs,
      },
    ]);
    const usage = sampler!.endPhase();
    for (const [tag, t] of [...Object.entries(summarizeByTag(reads)), ...Object.entries(summarizeByTag(writes))]) say(`  -> ${brief(tag, t)}`);
    say(`  -> cores: ${JSON.stringify(usage.cores)}`);
    await settle(prepared);
    return {
      label: 'open-loop, latency from intended start (coordinated omission corrected)',
      readers: { ...streamInfo(reads), perSecondPerReader: round(readRate / m.readers, 2), ...summarizeByTag(reads) },
      registrants: { ...streamInfo(writes), perSecondPerRegistrant: round(writeRate / m.registrants, 2), ...summarizeByTag(writes) },
      usage,
    };
  };
  results.mixed = await mixedRun('mixed', cfg.mixed.readRate, cfg.mixed.writeRate);
  if (cfg.mixed.lightReadRate > 0) results.mixedLight = await mixedRun('mixed-light', cfg.mixed.lightReadRate, cfg.mixed.lightWriteRate);

  // 8. Write isolation: same write rate alone, then with the read flood; CQRS, then CRUD baseline.
  {
    const iso = cfg.isolation;
    // Default flood rate: a fixed share of the read capacity measured above (closed loop, CQRS
    // details), so the flood is heavy but the same for both read paths. BENCH_FLOOD_RATE overrides.
    const capacity = (results.closedLoop as Record<string, { requestsPerSec: number }>).details?.requestsPerSec ?? 200;
    const floodRate = iso.floodRate > 0 ? iso.floodRate : Math.max(50, Math.round((capacity * iso.floodShareOfCapacity) / 10) * 10);
    const isolation: Record<string, unknown> = {
      floodRate,
      floodRateRule: iso.floodRate > 0 ? 'BENCH_FLOOD_RATE' : `${iso.floodShareOfCapacity} x closed-loop details capacity (${capacity} req/s)`,
    };
    const writeStream = (seconds = iso.seconds, rate = iso.writeRate): StreamSpec => ({
      name: 'writes',
      baseUrl: BASE,
      mode: 'open',
      ratePerSec: rate,
      durationMs: seconds * 1000,
      requests: registrations(prepared, rate * seconds, prepared.users.length),
      connections: iso.writers,
      timeoutMs: cfg.timeoutMs,
    });
    const flood = (prefix: string, mode: 'open' | 'closed', upcomingShare: number, seconds = iso.seconds): StreamSpec => ({
      name: `flood-${mode}`,
      baseUrl: BASE,
      mode,
      ratePerSec: mode === 'open' ? floodRate : undefined,
      concurrency: mode === 'closed' ? iso.floodReaders : undefined,
      durationMs: seconds * 1000,
      requests: readRequests(prepared, Math.max(5000, floodRate * seconds), upcomingShare, prefix),
      connections: iso.floodReaders,
      timeoutMs: cfg.timeoutMs,
    });
    const share = cfg.mixed.upcomingShare;
    const phases: [string, () => StreamSpec[]][] = [
      ['cqrs-alone', () => [writeStream()]],
      ['cqrs-with-reads', () => [writeStream(), flood('/api/queries/events', 'open', share)]],
      ['crud-alone', () => [writeStream()]],
      ['crud-with-reads', () => [writeStream(), flood('/api/baseline/events', 'open', share)]],
      ['cqrs-with-details-flood', () => [writeStream(), flood('/api/queries/events', 'open', 0)]],
      ['crud-with-details-flood', () => [writeStream(), flood('/api/baseline/events', 'open', 0)]],
    ];
    if (iso.lowWriteRate > 0) {
      const low = iso.lowWriteRate;
      phases.push(
        [`cqrs-alone-${low}`, () => [writeStream(iso.seconds, low)]],
        [`cqrs-with-reads-${low}`, () => [writeStream(iso.seconds, low), flood('/api/queries/events', 'open', share)]],
        [`crud-alone-${low}`, () => [writeStream(iso.seconds, low)]],
        [`crud-with-reads-${low}`, () => [writeStream(iso.seconds, low), flood('/api/baseline/events', 'open', share)]],
      );
    }
    if (iso.closedFlood) {
      phases.push(
        ['cqrs-with-closed-flood', () => [writeStream(iso.closedFloodSeconds), flood('/api/queries/events', 'closed', 0, iso.closedFloodSeconds)]],
        ['crud-with-closed-flood', () => [writeStream(iso.closedFloodSeconds), flood('/api/baseline/events', 'closed', 0, iso.closedFloodSeconds)]],
      );
    }
    for (const [name, specs] of phases) {
      say(`write isolation: ${name}`);
      sampler.beginPhase(`iso-${name}`);
      const [w, f] = await runStreams(specs());
      const usage = sampler.endPhase();
      say(`  -> ${brief('writes', summarize(w.samples, w.elapsedMs))}${f ? `; ${brief('reads', summarize(f.samples, f.elapsedMs))}` : ''}`);
      isolation[name] = {
        writes: { ...streamInfo(w), ...summarize(w.samples, w.elapsedMs) },
        ...(f
          ? {
              reads: {
                ...streamInfo(f),
                label: f.mode === 'closed' ? 'closed-loop flood' : 'open-loop flood',
                ...summarizeByTag(f),
                all: summarize(f.samples, f.elapsedMs),
              },
            }
          : {}),
        usage,
      };
      await settle(prepared);
    }
    const p95 = (k: string) => (isolation[k] as { writes: Summary } | undefined)?.writes.p95 ?? NaN;
    isolation.ratios = {
      cqrs: round(p95('cqrs-with-reads') / p95('cqrs-alone'), 2),
      crud: round(p95('crud-with-reads') / p95('crud-alone'), 2),
      cqrsDetailsFlood: round(p95('cqrs-with-details-flood') / p95('cqrs-alone'), 2),
      crudDetailsFlood: round(p95('crud-with-details-flood') / p95('crud-alone'), 2),
      ...(iso.lowWriteRate > 0
        ? {
            cqrsLowRate: round(p95(`cqrs-with-reads-${iso.lowWriteRate}`) / p95(`cqrs-alone-${iso.lowWriteRate}`), 2),
            crudLowRate: round(p95(`crud-with-reads-${iso.lowWriteRate}`) / p95(`crud-alone-${iso.lowWriteRate}`), 2),
          }
        : {}),
      ...(iso.closedFlood
        ? {
            cqrsClosedFlood: round(p95('cqrs-with-closed-flood') / p95('cqrs-alone'), 2),
            crudClosedFlood: round(p95('crud-with-closed-flood') / p95('crud-alone'), 2),
          }
        : {}),
    };
    results.isolation = isolation;
  }

  // 9. Projection lag.
  say(`projection lag: ${cfg.lag.count} registrations at ${cfg.lag.rate}/s, polling every ${cfg.lag.pollMs} ms`);
  sampler.beginPhase('projection-lag');
  results.projectionLag = { ...(await projectionLag(prepared)), usage: sampler.endPhase() };
  say(`  -> lag ${JSON.stringify((results.projectionLag as { lagMs: unknown }).lagMs)}`);

  // 10. Evidence for the bottleneck hunt: plans of the hot SQL, sizes.
  results.sql = await sqlEvidence();

  sampler.stop();
  machine.push(machineState('after'));
  const rss = {
    points: sampler.points.length,
    peakTreeMb: peakOf(sampler.points.map((p) => p.tree)),
    peakLargestProcessMb: peakOf(sampler.points.map((p) => p.largest)),
    /** One point every ~5 s, for the report's timeline. */
    timeline: sampler.points.filter((_, i) => i % 10 === 0),
  };

  const report = {
    generatedAt: new Date().toISOString(),
    durationSec: round((Date.now() - started) / 1000),
    buildSeconds,
    config: cfg,
    targets,
    setup: {
      node: process.version,
      readStore: readPgPid
        ? 'FerretDB v1.24.2, postgresql backend in its own PostgreSQL 17 cluster (the stack default)'
        : ferretPid
          ? 'FerretDB v1.24.2, sqlite backend'
          : 'mongod',
      postgres: `embedded PostgreSQL 17${cfg.pgFast ? ' (fsync off)' : ' (fsync on, default durability)'}`,
      webEnv: 'next start (production build), QUADRANT_BASELINE=1, PG_POOL_SIZE default 20, Mongo maxPoolSize 50',
      worker: 'node --import tsx workers/index.ts (one process)',
      loadGenerator: 'load/open-loop.ts in worker threads (one per stream) + autocannon for closed-loop runs, same machine',
    },
    machine,
    results,
    rss,
    phases: sampler.phases,
    notes,
  };
  const verdicts = judge(report);
  const outDir = path.join(REPO_ROOT, 'docs', 'reports');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'events-bench.json'), `${JSON.stringify({ ...report, verdicts }, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'events-bench.md'), renderMarkdown({ ...report, verdicts }));
  say(`wrote docs/reports/events-bench.md and .json (${report.durationSec} s)`);
  for (const v of verdicts) say(`${v.met ? 'MET   ' : 'MISSED'} ${v.target}: ${v.value}`);
  if (cfg.cpuProfileDir) profileWindows = sampler.phases.map((p) => ({ name: p.phase, fromUs: p.monoFromUs, toUs: p.monoToUs }));
}

const brief = (tag: string, t: Summary) =>
  `${tag}: ${t.count} req, ${t.throughputPerSec} ok/s, p50 ${t.p50} p95 ${t.p95} p99 ${t.p99} max ${t.max} ms, errors ${JSON.stringify(t.errors)}`;

function peakOf(rows: Record<string, number>[]) {
  const out: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}

function perRequestCpu(u: PhaseUsage, requests: number) {
  const ms = (cores: number) => round((cores * u.seconds * 1000) / Math.max(1, requests), 2);
  return {
    web: ms(u.cores.web),
    ferretdb: ms(u.cores.ferretdb),
    readPostgres: ms(u.cores.readPostgres),
    postgres: ms(u.cores.postgres),
    worker: ms(u.cores.worker),
    bench: ms(u.cores.bench),
  };
}

export interface Verdict {
  target: string;
  value: string;
  met: boolean;
}

function judge(report: { results: Record<string, any>; rss: { peakTreeMb: Record<string, number>; peakLargestProcessMb: Record<string, number> } }): Verdict[] {
  const r = report.results;
  const v: Verdict[] = [];
  const details = r.mixed.readers.details as Summary;
  const reg = r.mixed.registrants.register as Summary;
  const light = r.mixedLight as { readers: { details: Summary }; registrants: { register: Summary } } | undefined;
  const lightNote = (t: Summary | undefined) => (t ? ` (light level: ${t.p99} ms)` : '');
  v.push({
    target: `details p99 <= ${targets.detailsP99Ms} ms (${cfg.mixed.readers} readers at ${cfg.mixed.readRate}/s, mixed)`,
    value: `${details.p99} ms${lightNote(light?.readers.details)}`,
    met: details.p99 <= targets.detailsP99Ms,
  });
  v.push({
    target: `registration p99 <= ${targets.registrationP99Ms} ms (${cfg.mixed.registrants} registrants at ${cfg.mixed.writeRate}/s, mixed)`,
    value: `${reg.p99} ms${lightNote(light?.registrants.register)}`,
    met: reg.p99 <= targets.registrationP99Ms,
  });
  const ratio = r.isolation.ratios.cqrs as number;
  v.push({
    target: `write p95 ratio with/without a ${cfg.isolation.floodReaders}-reader flood (${r.isolation.floodRate}/s) <= ${targets.writeP95Ratio} (CQRS)`,
    value:
      `${ratio} at ${cfg.isolation.writeRate} writes/s (CRUD baseline: ${r.isolation.ratios.crud}; details-only flood: CQRS ${r.isolation.ratios.cqrsDetailsFlood}, CRUD ${r.isolation.ratios.crudDetailsFlood})` +
      (r.isolation.ratios.cqrsLowRate !== undefined
        ? `; at ${cfg.isolation.lowWriteRate} writes/s: CQRS ${r.isolation.ratios.cqrsLowRate}, CRUD ${r.isolation.ratios.crudLowRate}`
        : ''),
    met: ratio <= targets.writeP95Ratio,
  });
  const lag = r.projectionLag.lagMs as Summary;
  v.push({ target: `projection lag p95 <= ${targets.projectionLagP95Ms} ms`, value: `${lag.p95} ms`, met: lag.p95 <= targets.projectionLagP95Ms });
  const webRss = report.rss.peakTreeMb.web;
  v.push({
    target: `web RSS <= ${targets.webRssMb} MB (process tree, peak)`,
    value: `${webRss} MB (server process alone ${report.rss.peakLargestProcessMb.web} MB)`,
    met: webRss <= targets.webRssMb,
  });
  const workerRss = report.rss.peakTreeMb.worker;
  v.push({ target: `worker RSS <= ${targets.workerRssMb} MB (peak)`, value: `${workerRss} MB`, met: workerRss <= targets.workerRssMb });
  return v;
}

// ---------------------------------------------------------------------------------------------

async function prepare(): Promise<Prepared> {
  const { eq } = await import('drizzle-orm');
  const { dbFor, pool, users } = await import('@/db/client');
  const { loadActor } = await import('@/server/auth/authenticate');
  const { issueToken } = await import('@/server/auth/actor-from-request');
  const { handleCommand } = await import('@/server/cqrs/handle-command');
  const { createEvent } = await import('@/server/events/commands/create-event');
  const { createUserWithRoles } = await import('@/server/identity/commands/create-user');
  const { DEFAULT_ROLES } = await import('@/server/identity/domain/user-events');

  pool().on('error', () => {}); // servers stop at the end; idle clients must not crash us
  closers.push(async () => (await import('@/server/jobs/boss')).senderBoss().then((b) => b.stop({ graceful: false, wait: true })));
  closers.push(async () => (await import('@/db/mongo')).closeReadDb());
  closers.push(() => pool().end());
  const db = dbFor(pool());
  const [org] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'organizer@demo.test'));
  if (!org) throw new Error('the seed did not create organizer@demo.test');
  const organizer = await loadActor(org.id);

  const t0 = Date.now();
  const DAY = 86_400_000;
  const eventIds: string[] = new Array(cfg.events);
  let lastToken: string | null = null;
  await pooled(cfg.events, 8, async (i) => {
    const startsAt = new Date(Date.now() + (3 + (i % 180)) * DAY + i * 60_000);
    const res = await handleCommand({
      command: createEvent.name,
      input: {
        title: `Bench event ${i}: ${['CQRS', 'PostgreSQL', 'MongoDB', 'Next.js', 'Event sourcing'][i % 5]} day`,
        description: `Load-test event number ${i}. `.repeat(6),
        venue: ['Seoul, Hall A', 'Busan, Room 2', 'Online', 'Incheon, Lab 5'][i % 4],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        capacity: 5000,
      },
      actor: organizer,
      idempotencyKey: null,
      handler: createEvent.handle,
    });
    eventIds[i] = res.body.eventId;
    lastToken = res.body.consistencyToken;
  });
  say(`prepared ${cfg.events} events in ${round((Date.now() - t0) / 1000)} s`);

  // Users: half through the sign-up API (the web process hashes), half through the same command
  // handler in this process, at once: bcrypt (cost 10) is the slow part and this uses both cores.
  // Tokens are minted with the function POST /api/auth/token uses (issueToken), skipping 300 more
  // bcrypt checks; one real POST /api/auth/token is checked after.
  const t1 = Date.now();
  const benchUsers: { userId: string; token: string }[] = new Array(cfg.users);
  const viaApi = Array.from({ length: cfg.users }, (_, i) => i).filter((i) => i % 2 === 0);
  const viaHandler = Array.from({ length: cfg.users }, (_, i) => i).filter((i) => i % 2 === 1);
  const finish = async (i: number, email: string, name: string, userId: string) => {
    const { token } = await issueToken({ userId, email, name, roles: [...DEFAULT_ROLES] });
    benchUsers[i] = { userId, token };
  };
  const person = (i: number) => ({ email: `bench-user-${i}@bench.test`, name: `Bench User ${i}`, password: 'bench-password' });
  await Promise.all([
    pooled(viaApi.length, 4, async (j) => {
      const i = viaApi[j];
      const u = person(i);
      const res = await request('POST', '/api/commands/identity/create-user', {}, u);
      if (res.status !== 201) throw new Error(`create-user ${u.email}: ${res.status} ${res.body}`);
      await finish(i, u.email, u.name, (JSON.parse(res.body) as { userId: string }).userId);
    }),
    pooled(viaHandler.length, 4, async (j) => {
      const i = viaHandler[j];
      const u = person(i);
      const res = await handleCommand({
        command: 'identity/create-user',
        input: { email: u.email, name: u.name },
        actor: null,
        idempotencyKey: null,
        handler: (_input, ctx) => createUserWithRoles(ctx, { ...u, roles: [...DEFAULT_ROLES] }),
      });
      await finish(i, u.email, u.name, res.body.userId);
    }),
  ]);
  say(`prepared ${cfg.users} users with bearer tokens in ${round((Date.now() - t1) / 1000)} s`);
  const prepared: Prepared = { eventIds, users: benchUsers, cursor: new Array(cfg.users).fill(0) };
  if (lastToken) await waitFresh(`/api/queries/events/${eventIds[eventIds.length - 1]}`, lastToken);
  return prepared;
}

async function pooled(n: number, concurrency: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

async function waitFresh(p: string, token: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const r = await request('GET', p, { 'x-consistency-token': token }).catch(() => null); // overloaded: retry
    if (r?.status === 200 && r.headers['x-consistency'] === 'fresh') return;
    await sleep(500);
  }
  throw new Error(`the projection did not catch up with ${token} within 120 s`);
}

let sampler: ProcSampler | undefined;

/**
 * Between phases: let the worker drain what the last phase wrote, then wait until the servers are
 * idle (a saturated phase leaves queued requests behind in the web process and the read store that
 * would otherwise be billed to the next phase), then a short pause.
 */
async function settle(p: Prepared) {
  const { pool } = await import('@/db/client');
  const { rows } = await pool().query<{ t: string; p: string }>(
    'SELECT transaction_id::text AS t, position::text AS p FROM domain_events ORDER BY transaction_id DESC, position DESC LIMIT 1',
  );
  if (rows[0]) await waitFresh(`/api/queries/events/${p.eventIds[0]}`, `${rows[0].t}.${rows[0].p}`);
  const deadline = Date.now() + 30_000;
  while (sampler && Date.now() < deadline) {
    const c = await sampler.measure(1000);
    const busy = c.web + c.worker + c.postgres + c.readPostgres + c.ferretdb;
    if (busy < 0.25) break;
  }
  await sleep(1000);
}

// ---------------------------------------------------------------------------------------------

async function unloadedProbes(p: Prepared) {
  const { MongoClient } = await import('mongodb');
  const { getEventDetails } = await import('@/server/events/queries/get-event-details');
  const { listUpcomingEvents } = await import('@/server/events/queries/list-upcoming-events');
  const { crudEventDetails, crudUpcomingEvents } = await import('@/server/baseline/crud-event-queries');
  const id = (i: number) => p.eventIds[(i * 7) % p.eventIds.length];
  const time = async (fn: (i: number) => Promise<unknown>, N = 300) => {
    const t: number[] = [];
    for (let i = 0; i < N; i++) {
      const s = performance.now();
      await fn(i);
      t.push(performance.now() - s);
    }
    t.sort((a, b) => a - b);
    return { n: N, p50: round(percentile(t, 50), 2), p95: round(percentile(t, 95), 2), p99: round(percentile(t, 99), 2) };
  };
  // The product's own query handlers, on a client that records the commands they send.
  const client = await new MongoClient(process.env.MONGODB_URL!, { monitorCommands: true, maxPoolSize: 4 }).connect();
  closers.unshift(() => client.close());
  const db = client.db(process.env.MONGODB_DB ?? 'quadrant');
  type Find = { requestId: number; collection: string; filter: unknown; sort: unknown; limit: unknown; returned?: number };
  let finds: Find[] | null = null;
  client.on('commandStarted', (e) => {
    if (finds && e.commandName === 'find')
      finds.push({ requestId: e.requestId, collection: e.command.find, filter: e.command.filter, sort: e.command.sort, limit: e.command.limit });
  });
  client.on('commandSucceeded', (e) => {
    const f = finds?.find((x) => x.requestId === e.requestId);
    if (f) f.returned = (e.reply as { cursor?: { firstBatch?: unknown[] } }).cursor?.firstBatch?.length;
  });
  const upcomingParams = listUpcomingEvents.params.parse({});
  const upcoming = () => listUpcomingEvents.handle(upcomingParams, { db, actor: null });
  await upcoming(); // alias cache warm
  finds = [];
  await upcoming();
  const recorded = finds.filter((f) => String(f.collection).startsWith('events_event_details'));
  finds = null;
  const explain = recorded[0]
    ? ((await db.command({
        explain: { find: recorded[0].collection, filter: recorded[0].filter, sort: recorded[0].sort, limit: recorded[0].limit },
      })) as Record<string, unknown>)
    : {};
  const httpGet = async (path: string) => {
    const r = await request('GET', path);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
  };
  return {
    label: 'sequential, one at a time, nothing else running from the bench (ms); n = 300 (details) or 100 (lists, health)',
    store: {
      ferretdbDetailsHandler: await time((i) => getEventDetails.handle({ eventId: id(i) }, { db, actor: null })),
      ferretdbUpcomingHandler: await time(upcoming, 100),
      postgresDetails: await time((i) => crudEventDetails(id(i))),
      postgresUpcoming: await time(() => crudUpcomingEvents({ limit: 20 }), 100),
    },
    upcomingQueryShape: {
      label: "the find commands one first-page upcoming request sends to the read store, and the read store's explain of the first",
      finds: recorded.map((f) => ({ filter: f.filter, sort: f.sort, limit: f.limit, returned: f.returned })),
      pushdown: Object.fromEntries(Object.entries(explain).filter(([k]) => /pushdown/i.test(k))),
      plan: (explain.queryPlanner as { Plan?: Record<string, unknown> } | undefined)?.Plan ?? null,
    },
    http: {
      details: await time((i) => httpGet(`/api/queries/events/${id(i)}`)),
      upcoming: await time(() => httpGet('/api/queries/events/upcoming'), 100),
      baselineDetails: await time((i) => httpGet(`/api/baseline/events/${id(i)}`)),
      baselineUpcoming: await time(() => httpGet('/api/baseline/events/upcoming'), 100),
      health: await time(() => httpGet('/api/health'), 100),
    },
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Registrations at a moderate fixed rate; after each 201, GET the event's details (no token)
 * every `pollMs` until its version reaches the one this registration produced. Lag = first
 * response showing it - command response received (an upper bound, by up to one poll).
 */
async function projectionLag(p: Prepared) {
  const { count, rate, pollMs } = cfg.lag;
  // Current versions (the read model is caught up: settle() ran before).
  const version = new Map<string, number>();
  await pooled(p.eventIds.length, 16, async (i) => {
    const r = await request('GET', `/api/queries/events/${p.eventIds[i]}`);
    version.set(p.eventIds[i], (JSON.parse(r.body) as { version: number }).version);
  });
  const regs = registrations(p, count, p.users.length);
  const lags: number[] = [];
  const commandLat: number[] = [];
  const errors: Record<string, number> = {};
  let polls = 0;
  let timeouts = 0;
  const t0 = performance.now();
  const tasks: Promise<void>[] = [];
  for (let i = 0; i < regs.length; i++) {
    const due = t0 + (i * 1000) / rate;
    await sleep(Math.max(0, due - performance.now()));
    const spec = regs[i];
    const eventId = (JSON.parse(spec.body!) as { eventId: string }).eventId;
    tasks.push(
      (async () => {
        let r: Awaited<ReturnType<typeof request>>;
        try {
          r = await request('POST', spec.path, spec.headers, JSON.parse(spec.body!));
        } catch (_e) {
          errors.network = (errors.network ?? 0) + 1;
          return;
        }
        const committed = performance.now();
        commandLat.push(committed - due);
        if (r.status !== 201) {
          errors[String(r.status)] = (errors[String(r.status)] ?? 0) + 1;
          return;
        }
        // Registrations of one event are spaced (distinct events in turn), so versions advance by one.
        const expected = (version.get(eventId) ?? 0) + 1;
        version.set(eventId, expected);
        const deadline = committed + 5000;
        for (;;) {
          polls++;
          const g = await request('GET', `/api/queries/events/${eventId}`);
          if (g.status === 200 && (JSON.parse(g.body) as { version: number }).version >= expected) {
            lags.push(performance.now() - committed);
            return;
          }
          if (performance.now() > deadline) {
            timeouts++;
            return;
          }
          await sleep(pollMs);
        }
      })(),
    );
  }
  await Promise.all(tasks);
  const sorted = [...lags].sort((a, b) => a - b);
  const cmd = [...commandLat].sort((a, b) => a - b);
  return {
    label: `open-loop ${rate}/s registrations; lag = command response received -> first GET /api/queries/events/{id} (no token) showing it; polled every ${pollMs} ms`,
    registrations: count,
    ratePerSec: rate,
    measured: lags.length,
    notVisibleWithin5s: timeouts,
    errors,
    polls,
    lagMs: {
      count: sorted.length,
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? NaN),
      mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    },
    commandLatencyMs: { p50: round(percentile(cmd, 50)), p95: round(percentile(cmd, 95)), p99: round(percentile(cmd, 99)) },
  };
}

async function sqlEvidence() {
  const { pool } = await import('@/db/client');
  const q = async (sql: string, params: unknown[] = []) => (await pool().query(sql, params)).rows;
  const plan = async (sql: string, params: unknown[] = []) =>
    (await q(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${sql}`, params)).map((r) => r['QUERY PLAN'] as string);
  const [last] = await q('SELECT transaction_id, position FROM domain_events ORDER BY position DESC LIMIT 1 OFFSET 50');
  return {
    rows: await q(
      `SELECT relname AS table, n_live_tup::int AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size
         FROM pg_stat_user_tables WHERE schemaname IN ('public','pgboss') ORDER BY n_live_tup DESC LIMIT 8`,
    ),
    // The worker runs this every second (ops status: queue depth).
    opsQueueDepth: await plan('SELECT name, state, count(*)::int AS count FROM pgboss.job GROUP BY name, state'),
    // The worker runs this every second per projection (ops status: lag).
    opsLag: await plan('SELECT count(*)::int AS events, min(occurred_at) AS oldest FROM domain_events WHERE (transaction_id, position) > ($1, $2)', [
      last?.transaction_id ?? 0,
      last?.position ?? 0,
    ]),
    // The projector's read.
    readEventsAfter: await plan(
      `SELECT position FROM domain_events WHERE (transaction_id, position) > ($1, $2)
          AND transaction_id < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint ORDER BY transaction_id, position LIMIT 500`,
      [last?.transaction_id ?? 0, last?.position ?? 0],
    ),
    commits: (
      await q(`SELECT xact_commit::int, xact_rollback::int, blks_read::int, blks_hit::int FROM pg_stat_database WHERE datname = current_database()`)
    )[0],
  };
}

main()
  .catch((e: Error) => {
    if (recentChildLines.length) say(`last lines of the servers' output:\n${recentChildLines.join('\n')}`);
    say(`error: ${e.stack ?? e.message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await shutdown();
    process.exit(process.exitCode ?? 0);
  });

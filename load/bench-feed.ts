/**
 * `npm run bench:feed`: the social feed at volume (SF6, SF8). Not a test: it writes
 * docs/reports/feed-bench.md and docs/reports/feed-bench.json.
 *
 * Self-contained like bench:events: a fresh data directory under /var/tmp, its own ports
 * (PostgreSQL 54359, the read store's PostgreSQL 54358, FerretDB 27059, web 3059; BENCH_* overrides),
 * migrate, the production build (only when sources changed), then:
 *   1. bulk load of the write side and the event log (load/feed/bulk-load.ts): 60,000 users,
 *      200,000 posts over 30 days, ~870,000 follows, as the commands would have written them;
 *   2. per strategy (push, hybrid at 1000 followers, pull): the read side built from the log by
 *      server/social/projections/bulk-build.ts into fresh generations (the strategy-independent
 *      collections are written once and reused), web + worker started with SOCIAL_FEED_STRATEGY /
 *      SOCIAL_PULL_THRESHOLD, then
 *      - feed first page and a deep page (page 10 of 20, via nextCursor) for personas following
 *        10, 1,000 and 5,000 accounts and for ordinary users who follow the 3 celebrities: open loop
 *        at a stated arrival rate per group, all groups at once, coordinated omission corrected;
 *      - fan-out lag: posts through the HTTP API by authors with ~10, ~500 and ~950 followers;
 *      - one celebrity post (50,000 followers) and an ordinary post right after it;
 *      - storage per user (collStats) and CPU/RSS per process (load/proc-sampler.ts);
 *   3. everything it started is stopped by pid and the data directory removed.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Document } from 'mongodb';
import { percentile, summarize, type RequestSpec, type StreamSpec, type Summary } from './open-loop';
import { runStreams } from './run-streams';
import { findPid, ProcSampler, type PhaseUsage } from './proc-sampler';
import { bulkLoad, defaultPlan, type Loaded } from './feed/bulk-load';
import { renderFeedMarkdown } from './feed/report';
import { appEnv, nextBuild, REPO_ROOT, startWeb, waitForHttp, npmRun } from '../scripts/stack/app';
import { buildIsCurrent, recordBuild, sourceHash } from '../scripts/stack/build-stamp';
import { consoleLog, spawnChild, type Child } from '../scripts/stack/processes';
import { startInfra, type Infra } from '../scripts/stack/start-infra';

const num = (name: string, dflt: number) => (process.env[name] ? Number(process.env[name]) : dflt);
type Strategy = 'push' | 'hybrid' | 'pull';

export const cfg = {
  pgPort: num('BENCH_PG_PORT', 54359),
  readPgPort: num('BENCH_READ_PG_PORT', 54358),
  mongoPort: num('BENCH_MONGO_PORT', 27059),
  webPort: num('BENCH_WEB_PORT', 3059),
  users: num('BENCH_FEED_USERS', defaultPlan.users),
  posts: num('BENCH_FEED_POSTS', defaultPlan.posts),
  celebrityFollowers: num('BENCH_FEED_CELEBRITY_FOLLOWERS', defaultPlan.celebrityFollowers),
  threshold: num('BENCH_FEED_THRESHOLD', 1000),
  /** Push last: its celebrity fan-out runs for minutes and is the bench's last act. */
  strategies: (process.env.BENCH_FEED_STRATEGIES ?? 'hybrid,pull,push').split(',') as Strategy[],
  read: {
    /** Requests per second per persona group (all groups at once). */
    rate: num('BENCH_FEED_RATE', 2.5),
    /** Pull reads every followed author's profile: a far lower rate is all it can take. */
    pullRate: num('BENCH_FEED_PULL_RATE', 0.5),
    seconds: num('BENCH_FEED_SECONDS', 20),
    pullSeconds: num('BENCH_FEED_PULL_SECONDS', 10),
    limit: 20,
    deepPage: 10,
    connections: 64,
  },
  lag: {
    posts: num('BENCH_LAG_POSTS', 24),
    rate: num('BENCH_LAG_RATE', 0.2),
    pullRate: num('BENCH_LAG_PULL_RATE', 1),
    pollMs: 10,
    timeoutMs: 60_000,
    celebrityTimeoutMs: num('BENCH_CELEB_TIMEOUT_MS', 180_000),
  },
  timeoutMs: 30_000,
  pgFast: process.env.BENCH_PG_FAST === '1',
};

export const targets = { p99At5000Ms: 50, p99At5000BriefMs: 1000, ratio5000to10: 1.2, lagP99Ms: 2000 };

const T0 = Date.now();
const say = (line: string) => consoleLog(line.startsWith('[') ? line : `[bench:feed ${Math.round((Date.now() - T0) / 1000)}s] ${line}`);
const recentChildLines: string[] = [];
const childLog = (line: string) => {
  recentChildLines.push(line);
  if (recentChildLines.length > 40) recentChildLines.shift();
  if (/error|warn|fail|exited|unhandled|panic/i.test(line) && !/E11000|23505/.test(line)) consoleLog(line);
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const BASE = `http://127.0.0.1:${cfg.webPort}`;
const DIST_DIR = path.join(REPO_ROOT, process.env.NEXT_DIST_DIR ?? '.next');

function machineState(label: string) {
  let top: string[] = [];
  try {
    top = execFileSync('ps', ['-eo', 'pcpu,rss,args', '--sort=-pcpu'], { encoding: 'utf8' })
      .split('\n')
      .slice(1, 7)
      .map((l) => l.trim().replace(/\s+/g, ' ').slice(0, 140))
      .filter(Boolean);
  } catch {
    /* no ps */
  }
  return { label, at: new Date().toISOString(), loadavg: os.loadavg().map((n) => round(n, 2)), cpus: os.cpus().length, top };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function request(method: 'GET' | 'POST', p: string, headers: Record<string, string> = {}, body?: unknown) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
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
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(cfg.timeoutMs * 4, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------

let infra: Infra | undefined;
let web: Child | undefined;
let worker: Child | undefined;
let dataDir = '';
let stopping: Promise<void> | undefined;
const closers: (() => Promise<unknown>)[] = [];

async function stopApp() {
  // Web and worker only (the stores stay): by pid, through the Child handles we spawned.
  await Promise.all([web?.stop(), worker?.stop()]);
  web = worker = undefined;
}

async function shutdown() {
  stopping ??= (async () => {
    say('stopping web, worker, read store and PostgreSQL (by pid)');
    for (const close of closers) await close().catch(() => {});
    await stopApp();
    await infra?.stop();
    if (dataDir && !process.env.BENCH_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  })();
  return stopping;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    say(`${sig}: cleaning up`);
    void shutdown().then(() => process.exit(130));
  });
}

let sampler: ProcSampler | undefined;

interface Persona {
  group: string;
  index: number;
  token: string;
  deepCursor?: string | null;
  deepPageReached?: number;
}

async function main() {
  const started = Date.now();
  const machine = [machineState('before')];
  say(`machine: load average ${machine[0].loadavg.join(' ')} on ${machine[0].cpus} cores`);
  delete process.env.DATABASE_URL;
  delete process.env.MONGODB_URL;

  // 1. Production build (same stamp as `make start`).
  const hash = sourceHash(REPO_ROOT);
  let buildSeconds = 0;
  if (buildIsCurrent(DIST_DIR, hash)) say('production build is up to date');
  else {
    say('building the production app (next build)');
    const t = Date.now();
    const code = await nextBuild({ ...process.env }, consoleLog);
    if (code !== 0) throw new Error(`next build failed (exit ${code})`);
    recordBuild(DIST_DIR, hash);
    buildSeconds = round((Date.now() - t) / 1000);
  }

  // 2. Stores and migrations (no demo seed: the bench's data is all it reads).
  dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join('/var/tmp', 'quadrant-feed-bench-'));
  say(`data in ${dataDir}; ports: web ${cfg.webPort}, PostgreSQL ${cfg.pgPort}, read store ${cfg.mongoPort} (its PostgreSQL ${cfg.readPgPort})`);
  infra = await startInfra({ dataDir, pgPort: cfg.pgPort, readPgPort: cfg.readPgPort, mongoPort: cfg.mongoPort, log: say, fast: cfg.pgFast });
  const secret = randomBytes(32).toString('base64url');
  const baseEnv = appEnv({
    databaseUrl: infra.databaseUrl,
    mongodbUrl: infra.mongodbUrl,
    port: cfg.webPort,
    publicUrl: BASE,
    secret,
    demo: false,
    extra: { MONGODB_DB: 'quadrant' } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv,
  });
  const code = await npmRun('migrate', baseEnv, childLog, infra.marker);
  if (code !== 0) throw new Error(`migrate failed (exit ${code})`);
  Object.assign(process.env, { DATABASE_URL: infra.databaseUrl, MONGODB_URL: infra.mongodbUrl, MONGODB_DB: 'quadrant', NEXTAUTH_SECRET: secret });

  const pgPid = findPid(`-D ${path.join(dataDir, 'pg')} `);
  const readPgPid = findPid(`-D ${path.join(dataDir, 'pg-read')} `);
  const ferretPid = findPid(`--state-dir=${path.join(dataDir, 'ferretdb-state')}`);
  sampler = new ProcSampler(() => ({ web: web?.pid, worker: worker?.pid, postgres: pgPid, readPostgres: readPgPid, ferretdb: ferretPid, bench: process.pid }));
  sampler.start(500);

  const { pool } = await import('@/db/client');
  const { readDb, closeReadDb } = await import('@/db/mongo');
  const { hashPassword } = await import('@/server/auth/password');
  const { issueToken } = await import('@/server/auth/actor-from-request');
  pool().on('error', () => {});
  closers.push(() => closeReadDb());
  closers.push(() => pool().end());
  const db = await readDb();

  // 3. Bulk load of the write side + event log.
  say(`bulk load: ${cfg.users} users, ${cfg.posts} posts (one bcrypt hash for all)`);
  sampler.beginPhase('bulk-load (PostgreSQL)');
  const plan = { ...defaultPlan, users: cfg.users, posts: cfg.posts, celebrityFollowers: Math.min(cfg.celebrityFollowers, cfg.users - 200) };
  const loaded = await bulkLoad(pool(), await hashPassword('bench-password'), plan, say);
  const loadUsage = sampler.endPhase();
  say(
    `  loaded ${JSON.stringify(loaded.counts)} in ${round(loaded.ms / 1000)} s; feed posts per persona group ${JSON.stringify(loaded.stats.personaFeedPosts)}`,
  );
  const dbSize = (await pool().query<{ s: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0].s;

  // The events catalog projector handles none of these events: it only has to skip them. Put its
  // checkpoint at the end of the log, after checking that nothing it handles lies in between.
  await fastForwardOtherProjectors(db, pool());

  const token = async (i: number) => {
    const u = loaded.users[i];
    return (await issueToken({ userId: u.userId, email: u.email, name: u.name, roles: ['attendee'] })).token;
  };
  const groups: Record<string, number[]> = { ...loaded.personas, celebrityFans: loaded.fans };
  const personas: Record<string, Persona[]> = {};
  for (const [g, ids] of Object.entries(groups)) personas[g] = await Promise.all(ids.map(async (index) => ({ group: g, index, token: await token(index) })));

  const results: Record<string, any> = {
    load: {
      counts: loaded.counts,
      seconds: round(loaded.ms / 1000),
      writeDatabaseSize: dbSize,
      personaFeedPosts: loaded.stats.personaFeedPosts,
      usage: loadUsage,
    },
    strategies: {},
  };
  const { bulkBuildSocial, STRATEGY_INDEPENDENT } = await import('@/server/social/projections/bulk-build');
  let shared: Record<string, number> | undefined;
  let firstCursors: Record<string, (string | null)[]> | undefined;

  for (const strategy of cfg.strategies) {
    try {
      say(`=== strategy ${strategy}${strategy === 'hybrid' ? ` (threshold ${cfg.threshold})` : ''}`);
      const r: Record<string, any> = {};
      results.strategies[strategy] = r;
      await stopApp();
      sampler.beginPhase(`${strategy}: bulk build`);
      const build = await bulkBuildSocial(pool(), db, { strategy, threshold: cfg.threshold, reuse: shared, log: (l) => say(`  ${l}`) });
      r.build = { ...build, usage: sampler.endPhase() };
      shared ??= Object.fromEntries(STRATEGY_INDEPENDENT.map((n) => [n, build.generations[n]]));
      // The fresh generations are big new tables in the read store's PostgreSQL: analyze and vacuum
      // them now, or autovacuum does it during the measurements.
      const tv = Date.now();
      await vacuumReadStore();
      r.build.vacuumSeconds = round((Date.now() - tv) / 1000);
      say(`  VACUUM ANALYZE of the read store in ${r.build.vacuumSeconds} s`);
      r.storage = await storage(db, build.generations, cfg.users);
      say(`  storage: ${JSON.stringify(r.storage.perUserBytes)} bytes per user`);

      // Web and worker for this strategy.
      const env = { ...baseEnv, SOCIAL_FEED_STRATEGY: strategy, SOCIAL_PULL_THRESHOLD: String(cfg.threshold) };
      worker = spawnChild('worker', process.execPath, ['--import', 'tsx', 'workers/index.ts'], { env, cwd: REPO_ROOT, log: childLog, marker: infra.marker });
      web = startWeb(env, cfg.webPort, '127.0.0.1', childLog, infra.marker);
      await waitForHttp(`${BASE}/api/health`, 120_000, () => web!.isRunning());
      const feedPath = (cursor?: string | null) => `/api/queries/social/feed?limit=${cfg.read.limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const get = async (p: Persona, cursor?: string | null) => {
        const res = await request('GET', feedPath(cursor), { authorization: `Bearer ${p.token}` });
        if (res.status !== 200) throw new Error(`feed for ${p.group}: ${res.status} ${res.body.slice(0, 300)}`);
        return JSON.parse(res.body) as { items: { postId: string }[]; nextCursor: string | null; stats: Record<string, number | string> };
      };

      // Warm-up and the deep-page cursors (page 10 = follow nextCursor 9 times).
      const t = Date.now();
      const pageStats: Record<string, unknown> = {};
      const work: [string, Persona[], number, Persona][] = [];
      for (const [g, list] of Object.entries(personas)) for (const [k, p] of list.entries()) work.push([g, list, k, p]);
      let nextWork = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (nextWork < work.length) {
            const [g, , k, p] = work[nextWork++];
            if (strategy === 'pull' && firstCursors) {
              // Pull reads cost ~1 ms per followed author: reuse the cursors found under push/hybrid (a cursor is a log key; pull ignores the page hint).
              p.deepCursor = firstCursors[g][k];
              continue;
            }
            let cursor: string | null = null;
            let page = 1;
            let first: Awaited<ReturnType<typeof get>> | null = null;
            for (; page < cfg.read.deepPage; page++) {
              const res = await get(p, cursor);
              first ??= res;
              if (!res.nextCursor) break;
              cursor = res.nextCursor;
            }
            p.deepCursor = cursor;
            p.deepPageReached = page;
            if (k === 0) pageStats[g] = { firstPage: first?.stats, deepPage: page };
          }
        }),
      );
      if (strategy !== 'pull' && !firstCursors)
        firstCursors = Object.fromEntries(Object.entries(personas).map(([g, l]) => [g, l.map((p) => p.deepCursor ?? null)]));
      r.deepPage = Object.fromEntries(
        Object.entries(personas).map(([g, l]) => [g, { reached: l.map((p) => p.deepPageReached ?? null), withCursor: l.filter((p) => p.deepCursor).length }]),
      );
      r.firstPageStats = pageStats;
      say(`  cursors for page ${cfg.read.deepPage} found in ${round((Date.now() - t) / 1000)} s`);

      // Unloaded: one at a time, a few per group (where a request's time goes without queueing).
      r.unloaded = {};
      for (const [g, list] of Object.entries(personas)) {
        const times: number[] = [];
        const n = strategy === 'pull' ? 5 : 40;
        for (let i = 0; i < n; i++) {
          const s = performance.now();
          await get(list[i % list.length]);
          times.push(performance.now() - s);
        }
        times.sort((a, b) => a - b);
        r.unloaded[g] = { n, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times[times.length - 1]) };
      }
      say(`  unloaded first page: ${JSON.stringify(r.unloaded)}`);
      await settle();

      // Open-loop reads: every group at once, first page then deep page.
      const rate = strategy === 'pull' ? cfg.read.pullRate : cfg.read.rate;
      const seconds = strategy === 'pull' ? cfg.read.pullSeconds : cfg.read.seconds;
      for (const page of ['first', 'deep'] as const) {
        const specs: StreamSpec[] = Object.entries(personas).map(([g, list]) => {
          const requests: RequestSpec[] = list
            .filter((p) => page === 'first' || p.deepCursor)
            .map((p) => ({ method: 'GET', path: feedPath(page === 'first' ? null : p.deepCursor), headers: { authorization: `Bearer ${p.token}` }, tag: g }));
          return {
            name: `${strategy}-${page}-${g}`,
            baseUrl: BASE,
            mode: 'open',
            ratePerSec: rate,
            durationMs: seconds * 1000,
            requests,
            connections: cfg.read.connections,
            timeoutMs: cfg.timeoutMs,
          };
        });
        const specsWithRequests = specs.filter((s) => s.requests.length > 0);
        say(`  ${page} page: ${specsWithRequests.length} groups at ${rate}/s each for ${seconds} s`);
        sampler.beginPhase(`${strategy}: ${page} page`);
        const streams = await runStreams(specsWithRequests);
        const usage = sampler.endPhase();
        const byGroup: Record<string, Summary & { ratePerSec: number; maxInFlight: number; schedulerLateP99Ms: number }> = {};
        for (const s of streams)
          byGroup[s.samples[0]?.tag ?? s.name] = {
            ...summarize(s.samples, s.elapsedMs),
            ratePerSec: rate,
            maxInFlight: s.maxInFlight,
            schedulerLateP99Ms: round(s.schedulerLateP99),
          };
        const total = streams.reduce((n, s) => n + s.samples.length, 0);
        r[`${page}Page`] = { rate, seconds, groups: byGroup, usage, cpuMsPerRequest: cpuPerRequest(usage, total) };
        for (const [g, s] of Object.entries(byGroup))
          say(`    ${g}: p50 ${s.p50} p95 ${s.p95} p99 ${s.p99} max ${s.max} ms, errors ${JSON.stringify(s.errors)}`);
        const f10 = byGroup.follows10?.p99;
        const f5000 = byGroup.follows5000?.p99;
        if (f10 && f5000) r[`${page}Page`].ratio5000to10 = round(f5000 / f10, 2);
        await settle();
      }

      // Fan-out lag.
      sampler.beginPhase(`${strategy}: fan-out lag`);
      try {
        r.lag = await fanOutLag(db, loaded, token, strategy);
        r.lag.usage = sampler.endPhase();
        r.lag.writeCost = writeCost(r.lag, r.lag.usage, strategy);
        for (const [cls, s] of Object.entries(r.lag.byClass as Record<string, any>)) say(`    lag ${cls}: ${JSON.stringify(s.lagMs)}`);
      } catch (e) {
        sampler.endPhase();
        r.lagError = (e as Error).stack ?? String(e);
        say(`  fan-out lag failed: ${r.lagError}`);
      }
      await settle();

      // One celebrity post, then an ordinary post right after it (push vs hybrid).
      if (strategy !== 'pull' || process.env.BENCH_CELEB_PULL === '1') {
        sampler.beginPhase(`${strategy}: celebrity post`);
        try {
          r.celebrity = await celebrityPost(db, loaded, token, strategy);
          r.celebrity.usage = sampler.endPhase();
          say(`    celebrity: ${JSON.stringify({ celebrity: r.celebrity.celebrityLagMs, ordinaryAfter: r.celebrity.ordinaryLagMs })}`);
        } catch (e) {
          sampler.endPhase();
          r.celebrityError = (e as Error).stack ?? String(e);
          say(`  celebrity post failed: ${r.celebrityError}`);
        }
        // After the last strategy nothing else is measured: do not wait for a fan-out still running.
        if (strategy !== cfg.strategies[cfg.strategies.length - 1]) await settle();
      }
    } catch (e) {
      results.strategies[strategy] = { ...(results.strategies[strategy] ?? {}), error: (e as Error).stack ?? String(e) };
      say(`strategy ${strategy} failed: ${(e as Error).stack ?? e}`);
    }
  }
  await stopApp();

  sampler.stop();
  machine.push(machineState('after'));
  const report = {
    generatedAt: new Date().toISOString(),
    durationSec: round((Date.now() - started) / 1000),
    buildSeconds,
    config: cfg,
    targets,
    plan,
    setup: {
      node: process.version,
      readStore: 'FerretDB v1.24.2, postgresql backend in its own PostgreSQL 17 cluster (the stack default)',
      postgres: `embedded PostgreSQL 17${cfg.pgFast ? ' (fsync off)' : ' (fsync on)'}`,
      web: 'next start (production build), one process; worker: node --import tsx workers/index.ts (one process)',
      loadGenerator: 'load/open-loop.ts in worker threads (one per persona group), same machine',
    },
    machine,
    results,
    phases: sampler.phases,
    rssPeakMb: peakOf(sampler.points.map((p) => p.tree)),
  };
  const verdicts = judge(report);
  const outDir = path.join(REPO_ROOT, 'docs', 'reports');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'feed-bench.json'), `${JSON.stringify({ ...report, verdicts }, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'feed-bench.md'), renderFeedMarkdown({ ...report, verdicts }));
  say(`wrote docs/reports/feed-bench.md and .json (${report.durationSec} s)`);
  for (const v of verdicts) say(`${v.met ? 'MET   ' : 'MISSED'} ${v.target}: ${v.value}`);
}

// ---------------------------------------------------------------------------------------------

async function fastForwardOtherProjectors(db: import('mongodb').Db, pg: import('pg').Pool) {
  const { allProjectors } = await import('@/server/contexts');
  const { loadCheckpoint, saveCheckpoint } = await import('@/server/cqrs/checkpoints');
  const { rows } = await pg.query<{ t: number; p: number }>(
    'SELECT transaction_id AS t, position AS p FROM domain_events ORDER BY transaction_id DESC, position DESC LIMIT 1',
  );
  for (const p of allProjectors) {
    if (p.name === 'social.feed') continue;
    const at = await loadCheckpoint(db, p.name);
    const pending = await pg.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM domain_events WHERE (transaction_id, position) > ($1, $2) AND type = ANY($3)',
      [at.transactionId, at.position, [...p.handles]],
    );
    if (pending.rows[0].n === 0) await saveCheckpoint(db, p.name, { transactionId: rows[0].t, position: rows[0].p });
    else say(`  ${p.name}: ${pending.rows[0].n} events to project; left to the worker`);
  }
}

/** Waits until the social projection is at the end of the log and the machine is quiet. */
async function settle() {
  const { pool } = await import('@/db/client');
  const { readDb } = await import('@/db/mongo');
  const { loadCheckpoint } = await import('@/server/cqrs/checkpoints');
  const db = await readDb();
  const { rows } = await pool().query<{ t: number; p: number }>(
    'SELECT transaction_id AS t, position AS p FROM domain_events ORDER BY transaction_id DESC, position DESC LIMIT 1',
  );
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const c = await loadCheckpoint(db, 'social.feed');
    if (c.transactionId > rows[0].t || (c.transactionId === rows[0].t && c.position >= rows[0].p)) break;
    await sleep(250);
  }
  const quiet = Date.now() + 30_000;
  while (sampler && Date.now() < quiet) {
    const c = await sampler.measure(1000);
    if (c.web + c.worker + c.postgres + c.readPostgres + c.ferretdb < 0.25) break;
  }
  await sleep(500);
}

async function vacuumReadStore() {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${cfg.readPgPort}/ferretdb` });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
}

async function storage(db: import('mongodb').Db, generations: Record<string, number>, users: number) {
  const { physicalName } = await import('@/server/cqrs/read-models');
  const { BSON } = await import('mongodb');
  const out: Record<string, { count: number; bsonBytes: number; sizeBytes: number; storageBytes: number; indexBytes: number; source: string }> = {};
  for (const [name, g] of Object.entries(generations)) {
    const coll = physicalName(name, g);
    // Documents as BSON (count x average of a sample), the size a MongoDB would hold...
    const count = await db.collection(coll).estimatedDocumentCount();
    const sample = await db.collection(coll).find().limit(200).toArray();
    const bsonBytes = Math.round((sample.reduce((n, d) => n + BSON.calculateObjectSize(d), 0) / Math.max(1, sample.length)) * count);
    // ...and what the read store reports (FerretDB: its PostgreSQL tables and indexes).
    try {
      const s = (await db.command({ collStats: coll })) as Document;
      out[name] = {
        count,
        bsonBytes,
        sizeBytes: Number(s.size ?? 0),
        storageBytes: Number(s.storageSize ?? 0),
        indexBytes: Number(s.totalIndexSize ?? 0),
        source: 'collStats',
      };
    } catch {
      out[name] = { count, bsonBytes, sizeBytes: bsonBytes, storageBytes: 0, indexBytes: 0, source: 'no collStats: BSON estimate only' };
    }
  }
  const feed = ['social_feed_heads', 'social_feed_pages'];
  const sum = (keys: string[], f: 'bsonBytes' | 'sizeBytes' | 'storageBytes' | 'indexBytes') => keys.reduce((n, k) => n + (out[k]?.[f] ?? 0), 0);
  const all = Object.keys(out);
  return {
    collections: out,
    perUserBytes: {
      feedBson: Math.round(sum(feed, 'bsonBytes') / users),
      allBson: Math.round(sum(all, 'bsonBytes') / users),
      feedDocuments: Math.round(sum(feed, 'sizeBytes') / users),
      feedOnDisk: Math.round((sum(feed, 'storageBytes') + sum(feed, 'indexBytes')) / users),
      allDocuments: Math.round(sum(all, 'sizeBytes') / users),
      allOnDisk: Math.round((sum(all, 'storageBytes') + sum(all, 'indexBytes')) / users),
    },
  };
}

interface LagSample {
  cls: string;
  author: number;
  followers: number;
  lagMs: number | null;
  sampledMs: number | null;
  exact: boolean;
  commandMs: number;
  verified: number;
  missing: number;
}

/**
 * Posts through the HTTP API at a fixed rate; lag = from the 201 to the social projection's
 * checkpoint reaching the post's consistency token. The projector saves the checkpoint only after
 * `apply` returned, i.e. after every follower's head was written, so this is when the post is in
 * ALL its followers' feeds (an upper bound by one checkpoint write). Then, as a check, the feed
 * query (the product's readFeed + the post loader, from this process) of 3 sampled followers must
 * show the post on its first page.
 */
async function fanOutLag(db: import('mongodb').Db, loaded: Loaded, token: (i: number) => Promise<string>, strategy: Strategy) {
  const classes: [string, number[]][] = [
    ['~10 followers', loaded.smallAuthors],
    ['~500 followers', loaded.mid.followers500],
    ['~950 followers', loaded.mid.followers950],
  ];
  const plan: { cls: string; author: number }[] = [];
  for (let i = 0; i < cfg.lag.posts; i++) {
    const [cls, authors] = classes[i % classes.length];
    plan.push({ cls, author: authors[Math.floor(i / classes.length) % authors.length] });
  }
  const tokens = new Map<number, string>();
  for (const p of plan) if (!tokens.has(p.author)) tokens.set(p.author, await token(p.author));
  const samples: LagSample[] = [];
  const t0 = performance.now();
  const tasks: Promise<void>[] = [];
  for (const [i, p] of plan.entries()) {
    const due = t0 + (i * 1000) / (strategy === 'pull' ? cfg.lag.pullRate : cfg.lag.rate);
    await sleep(Math.max(0, due - performance.now()));
    tasks.push(
      (async () => {
        const sample = await postAndWait(db, loaded, p.author, tokens.get(p.author)!, `lag probe ${i} (${p.cls})`, cfg.lag.timeoutMs, strategy);
        samples.push({ cls: p.cls, ...sample });
      })(),
    );
  }
  await Promise.all(tasks);
  const byClass: Record<string, unknown> = {};
  for (const [cls] of classes) {
    const s = samples.filter((x) => x.cls === cls);
    const lags = s
      .map((x) => x.lagMs)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    const followers = s.map((x) => x.followers);
    byClass[cls] = {
      posts: s.length,
      followersAvg: round(followers.reduce((a, b) => a + b, 0) / Math.max(1, followers.length)),
      followersMax: Math.max(...followers),
      notVisibleInTime: s.length - lags.length,
      lagMs: { p50: round(percentile(lags, 50)), p95: round(percentile(lags, 95)), p99: round(percentile(lags, 99)), max: round(lags[lags.length - 1] ?? NaN) },
      sampledLagMs: (() => {
        const x = s
          .map((y) => y.sampledMs)
          .filter((y): y is number => y !== null)
          .sort((a, b) => a - b);
        return {
          exactForAllFollowers: s.every((y) => y.exact),
          n: x.length,
          p50: round(percentile(x, 50)),
          p95: round(percentile(x, 95)),
          p99: round(percentile(x, 99)),
          max: round(x[x.length - 1] ?? NaN),
        };
      })(),
      commandP99Ms: round(
        percentile(
          s.map((x) => x.commandMs).sort((a, b) => a - b),
          99,
        ),
      ),
      sampledFollowersVerified: s.reduce((n, x) => n + x.verified, 0),
      sampledFollowersMissing: s.reduce((n, x) => n + x.missing, 0),
    };
  }
  return {
    label: `${cfg.lag.posts} posts via POST /api/commands/social/create-post at ${strategy === 'pull' ? cfg.lag.pullRate : cfg.lag.rate}/s (open loop), authors in turn from each class`,
    byClass,
    samples,
  };
}

/** Followers whose heads are polled per post (all of them for authors with up to this many). */
const SAMPLE = 12;

async function postAndWait(db: import('mongodb').Db, loaded: Loaded, author: number, bearer: string, text: string, timeoutMs: number, strategy: Strategy) {
  const { loadCheckpoint } = await import('@/server/cqrs/checkpoints');
  const { decodeToken, comparePositions } = await import('@/server/cqrs/consistency-token');
  const s = performance.now();
  const res = await request('POST', '/api/commands/social/create-post', { authorization: `Bearer ${bearer}` }, { text });
  const committed = performance.now();
  if (res.status !== 201) throw new Error(`create-post: ${res.status} ${res.body}`);
  const body = JSON.parse(res.body) as { postId: string; consistencyToken: string };
  const at = decodeToken(body.consistencyToken)!;
  const followers = loaded.followersOf(author);
  // Exact for up to SAMPLE followers (for the ~10-follower authors: all of them): poll their heads
  // (push, hybrid) or the author's profile (pull: followers merge its `recent` at read time).
  const { readModel } = await import('@/server/cqrs/read-models');
  const heads = await readModel<{ _id: string; items?: { postId: string }[] }>(db, 'social_feed_heads');
  const profiles = await readModel<{ _id: string; recent?: { postId: string }[] }>(db, 'social_profiles');
  const pending = new Set([author, ...followers.slice(0, SAMPLE)].map((i) => loaded.users[i].userId));
  const pulledAuthor = strategy === 'pull' || (followers.length >= cfg.threshold && strategy === 'hybrid');
  let sampledMs: number | null = null;
  let lagMs: number | null = null;
  let lastSampled = 0;
  while (performance.now() - committed < timeoutMs && (lagMs === null || sampledMs === null)) {
    if (lagMs === null && comparePositions(await loadCheckpoint(db, 'social.feed'), at) >= 0) lagMs = performance.now() - committed;
    if (sampledMs === null && performance.now() - lastSampled >= 50) {
      lastSampled = performance.now();
      if (pulledAuthor) {
        const p = await profiles.findOne({ _id: loaded.users[author].userId });
        if (p?.recent?.some((e) => e.postId === body.postId)) sampledMs = performance.now() - committed;
      } else {
        for (const owner of [...pending]) {
          const h = await heads.findOne({ _id: owner });
          if (h?.items?.some((e) => e.postId === body.postId)) pending.delete(owner);
        }
        if (pending.size === 0) sampledMs = performance.now() - committed;
      }
    }
    await sleep(cfg.lag.pollMs);
  }
  let verified = 0;
  let missing = 0;
  if (lagMs !== null) {
    const { readFeed } = await import('@/server/social/queries/read-feed');
    for (const f of followers.slice(0, 3)) {
      const read = await readFeed(db, loaded.users[f].userId, { limit: 20, filter: {}, strategy });
      if (read.entries.some((e) => e.postId === body.postId)) verified++;
      else missing++;
    }
  }
  return {
    author,
    followers: followers.length,
    lagMs,
    sampledMs,
    exact: followers.length <= SAMPLE,
    commandMs: committed - s,
    verified,
    missing,
    postId: body.postId,
  };
}

async function celebrityPost(db: import('mongodb').Db, loaded: Loaded, token: (i: number) => Promise<string>, strategy: Strategy) {
  const celeb = loaded.celebrities[0];
  const small = loaded.smallAuthors[loaded.smallAuthors.length - 1];
  const [celebToken, smallToken] = [await token(celeb), await token(small)];
  const t = performance.now();
  const celebrityRun = postAndWait(db, loaded, celeb, celebToken, 'celebrity post', cfg.lag.celebrityTimeoutMs, strategy);
  await sleep(50);
  const ordinary = await postAndWait(db, loaded, small, smallToken, 'ordinary post right after a celebrity post', cfg.lag.celebrityTimeoutMs, strategy);
  const celebrity = await celebrityRun;
  return {
    label: `a post by a celebrity (${celebrity.followers} followers), then 50 ms later one by an author with ${ordinary.followers} followers; lag as in the fan-out lag phase`,
    celebrityFollowers: celebrity.followers,
    celebrityLagMs: celebrity.lagMs === null ? `not done within ${cfg.lag.celebrityTimeoutMs / 1000} s` : round(celebrity.lagMs),
    ordinaryFollowers: ordinary.followers,
    ordinaryLagMs: ordinary.lagMs === null ? `not done within ${cfg.lag.celebrityTimeoutMs / 1000} s` : round(ordinary.lagMs),
    ordinaryAllFollowersHeadsMs: ordinary.sampledMs === null ? `not done within ${cfg.lag.celebrityTimeoutMs / 1000} s` : round(ordinary.sampledMs),
    wallSeconds: round((performance.now() - t) / 1000),
  };
}

/** Documents written per post (post, timeline, profile, and one head per owner) and time per write. */
function writeCost(lag: { byClass: Record<string, any>; samples: LagSample[] }, usage: PhaseUsage, strategy: Strategy) {
  const out: Record<string, unknown> = {};
  let docs = 0;
  for (const [cls, c] of Object.entries(lag.byClass)) {
    const perPost = strategy === 'pull' ? 3 : c.followersAvg + 1 + 3;
    docs += perPost * c.posts;
    out[cls] = { documentsPerPost: round(perPost), msPerFanOutWrite: strategy === 'pull' ? null : round(c.lagMs.p50 / (c.followersAvg + 1), 2) };
  }
  const cpuMs = (usage.cores.worker + usage.cores.ferretdb + usage.cores.readPostgres) * usage.seconds * 1000;
  return {
    byClass: out,
    documentsWritten: Math.round(docs),
    cpuMsPerDocument: round(cpuMs / Math.max(1, docs), 2),
    note: 'documents per post = 1 post + 1 timeline bucket + 1 profile (+ a read of it) + one head per follower and the author (push authors; a head that outgrew 80 entries also writes a page). CPU per document = (worker + FerretDB + read-store PostgreSQL CPU over the phase) / documents written.',
  };
}

function cpuPerRequest(u: PhaseUsage, requests: number) {
  const ms = (cores: number) => round((cores * u.seconds * 1000) / Math.max(1, requests), 2);
  return { web: ms(u.cores.web), ferretdb: ms(u.cores.ferretdb), readPostgres: ms(u.cores.readPostgres), bench: ms(u.cores.bench) };
}

function peakOf(rows: Record<string, number>[]) {
  const out: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}

export interface Verdict {
  target: string;
  value: string;
  met: boolean;
}

function judge(report: { results: Record<string, any> }): Verdict[] {
  const v: Verdict[] = [];
  for (const [strategy, r] of Object.entries(report.results.strategies as Record<string, any>)) {
    for (const page of ['firstPage', 'deepPage']) {
      const p = r[page];
      if (!p?.groups?.follows5000) continue;
      const at = `${strategy}, ${page === 'firstPage' ? 'first page' : `page ${cfg.read.deepPage}`}, ${p.rate}/s per group`;
      const p99 = p.groups.follows5000.p99 as number;
      v.push({
        target: `feed p99 <= ${targets.p99At5000Ms} ms following 5,000 (${at})`,
        value: `${p99} ms (errors ${JSON.stringify(p.groups.follows5000.errors)})`,
        met: p99 <= targets.p99At5000Ms && p.groups.follows5000.ok === p.groups.follows5000.count,
      });
      v.push({
        target: `brief (SF6): feed under 1 s following 1,000+ (${at})`,
        value: `p99 ${p99} ms following 5,000, ${p.groups.follows1000?.p99} ms following 1,000`,
        met: p99 < targets.p99At5000BriefMs && (p.groups.follows1000?.p99 ?? Infinity) < targets.p99At5000BriefMs,
      });
      if (p.ratio5000to10 !== undefined)
        v.push({
          target: `p99(follows 5,000) / p99(follows 10) <= ${targets.ratio5000to10} (${at})`,
          value: `${p.ratio5000to10} (${p99} / ${p.groups.follows10.p99} ms)`,
          met: p.ratio5000to10 <= targets.ratio5000to10,
        });
    }
    if (strategy !== 'pull' && r.lag) {
      for (const [cls, c] of Object.entries(r.lag.byClass as Record<string, any>)) {
        const exact = c.sampledLagMs?.exactForAllFollowers;
        const p99 = exact ? c.sampledLagMs.p99 : c.lagMs.p99;
        v.push({
          target: `fan-out lag p99 <= ${targets.lagP99Ms} ms, authors ${cls} (${strategy})`,
          value: exact
            ? `${p99} ms over ${c.posts} posts: every follower's head polled (checkpoint-based: ${c.lagMs.p99} ms)`
            : `${p99} ms over ${c.posts} posts: projection checkpoint (upper bound); first ${SAMPLE} followers' heads: ${c.sampledLagMs?.p99} ms`,
          met: p99 <= targets.lagP99Ms && c.notVisibleInTime === 0,
        });
      }
    }
  }
  return v;
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

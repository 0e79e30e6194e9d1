import { spawn, type ChildProcess } from 'node:child_process';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll } from 'vitest';
import { env } from '@/server/env';
import { routeTestingContext } from './worker-test-contexts';

const children = new Set<ChildProcess>();

/**
 * The real worker as a separate OS process, so it can be killed like a crashed one.
 * `extraContexts` loads the test-only `testing` context beside the registry's (see workers/index.ts).
 */
export function startWorker({ extraContexts = false } = {}): ChildProcess {
  const env = { ...process.env, ...(extraContexts ? { WORKER_EXTRA_CONTEXTS: 'server/testing/worker-test-contexts.ts' } : {}) };
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

export async function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** For afterAll: no worker outlives its test file. */
export async function killAllWorkers() {
  for (const child of children) await kill(child, 'SIGKILL');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * For a test file that spawns workers with the `testing` context: routes its queues for the file's
 * duration, and kills every worker it started at the end.
 */
export function prepareTestingContextWorkers() {
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 1, supervise: false, schedule: false, migrate: false });
  let unroute: () => Promise<void>;
  beforeAll(async () => {
    await boss.start();
    unroute = await routeTestingContext(boss);
  });
  afterAll(async () => {
    await killAllWorkers();
    await unroute();
    await boss.stop({ graceful: false, wait: true });
  });
}

import path from 'node:path';
import { runStep, sleep, spawnChild, supervise, type Child, type Log, type Supervised } from './processes';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const bin = (name: string) => path.join(REPO_ROOT, 'node_modules', '.bin', name);

export interface AppEnv {
  databaseUrl: string;
  mongodbUrl: string;
  port: number;
  /** Browser-facing origin; next-auth builds callback URLs and cookie names from it. */
  publicUrl: string;
  secret: string;
  demo: boolean;
  extra?: NodeJS.ProcessEnv;
}

/** The environment every app process gets (web, worker, migrate, seed, tests). */
export function appEnv(a: AppEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: a.databaseUrl,
    MONGODB_URL: a.mongodbUrl,
    MONGODB_DB: process.env.MONGODB_DB ?? 'quadrant',
    NEXTAUTH_URL: a.publicUrl,
    NEXTAUTH_SECRET: a.secret,
    ...(a.demo ? { QUADRANT_DEMO: '1', SEED_DEMO: '1' } : {}),
    ...a.extra,
  };
}

/** `npm run <script>` to completion; npm is the single place that says what each script runs. */
export function npmRun(script: string, env: NodeJS.ProcessEnv, log: Log, marker?: string): Promise<number> {
  return runStep(script, 'npm', ['run', '--silent', script], { env, log, cwd: REPO_ROOT, marker });
}

export function nextBuild(env: NodeJS.ProcessEnv, log: Log, marker?: string): Promise<number> {
  return runStep('build', bin('next'), ['build'], { env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, log, cwd: REPO_ROOT, marker });
}

export function startWeb(env: NodeJS.ProcessEnv, port: number, host: string, log: Log, marker?: string): Child {
  return spawnChild('web', bin('next'), ['start', '-p', String(port), '-H', host], {
    env: { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
    log,
    cwd: REPO_ROOT,
    marker,
  });
}

/** The worker is restarted when it dies (projections must keep up); see supervise(). */
export function startWorker(env: NodeJS.ProcessEnv, log: Log, marker?: string): Supervised {
  return supervise(() => spawnChild('worker', 'npm', ['run', '--silent', 'worker'], { env, log, cwd: REPO_ROOT, marker }), log);
}

/**
 * Polls until `url` answers 200. Fails fast when `alive()` turns false (the server crashed) and
 * otherwise after `timeoutMs`, saying what it got last.
 */
export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the web process exited before ${url} answered (see the [web] lines above)`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(500);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

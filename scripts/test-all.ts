/**
 * `make test`: every suite against real servers, on a private stack (own DATA_DIR under /var/tmp
 * and own ports) so a running `make start` is never touched. The last line printed is
 * `N passed, N failed`, totalled over all suites; a suite that crashes or cannot report counts as
 * (at least) 1 failed. Later suites still run after a failure, so one run shows everything.
 *
 * `--only=lint,typecheck,unit,int,e2e` runs a subset (make test-unit / test-int / e2e) with just the
 * setup those suites need. TEST_PG_PORT / TEST_MONGO_PORT / TEST_PORT move the ports,
 * KEEP_TEST_DATA=1 keeps the data directory for a post-mortem.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appEnv, nextBuild, npmRun, REPO_ROOT, startWeb, startWorker, waitForHttp } from './stack/app';
import { consoleLog, spawnChild, stopAll, type ChildOptions, type Supervised } from './stack/processes';
import { startInfra, type Infra } from './stack/start-infra';

const PG_PORT = Number(process.env.TEST_PG_PORT ?? 54339);
const MONGO_PORT = Number(process.env.TEST_MONGO_PORT ?? 27039);
const PORT = Number(process.env.TEST_PORT ?? 3039);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const CHROMIUM = '/usr/bin/chromium';
// A separate build folder, so building for the tests does not replace the one `make start` serves
// (needs next.config to honour NEXT_DIST_DIR; see docs/decisions).
const NEXT_DIST_DIR = process.env.TEST_NEXT_DIST_DIR ?? '.next-test';

const SUITES = ['lint', 'typecheck', 'unit', 'int', 'e2e'] as const;
type Suite = (typeof SUITES)[number];
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const selected = new Set<Suite>(onlyArg ? (onlyArg.split(',') as Suite[]) : SUITES);
for (const s of selected) if (!SUITES.includes(s)) throw new Error(`unknown suite ${s}; use ${SUITES.join(',')}`);
const needsInfra = selected.has('int') || selected.has('e2e');

const say = (line: string) => consoleLog(line.startsWith('[') ? line : `[test] ${line}`);

interface Row {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
  note: string;
}
const rows: Row[] = [];
const record = (name: string, passed: number, failed: number, started: number, note = '') => {
  rows.push({ name, passed, failed, seconds: (Date.now() - started) / 1000, note });
  say(`${name}: ${failed ? 'FAILED' : 'ok'}${note ? ` (${note})` : ''}`);
};

const dataDir = mkdtempSync('/var/tmp/quadrant-test-');
// mkdtemp makes it 0700; PostgreSQL runs as the `postgres` user and must be able to enter it.
chmodSync(dataDir, 0o755);
const reports = path.join(dataDir, 'reports');

let infra: Infra | undefined;
let worker: Supervised | undefined;

/** Runs a command with a time limit (a hung suite must not eat CI's 90 minutes). */
async function timed(name: string, cmd: string, args: string[], opts: ChildOptions, minutes: number): Promise<{ code: number; timedOut: boolean }> {
  const child = spawnChild(name, cmd, args, { cwd: REPO_ROOT, log: say, marker: infra?.marker, ...opts });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    say(`[${name}] still running after ${minutes} min: stopping it`);
    void child.stop();
  }, minutes * 60_000);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  return { code: code ?? (signal ? 128 : 1), timedOut };
}

function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function vitest(project: 'unit' | 'int', env: NodeJS.ProcessEnv) {
  const t = Date.now();
  const out = path.join(reports, `${project}.json`);
  const { code, timedOut } = await timed(
    project,
    path.join(REPO_ROOT, 'node_modules', '.bin', 'vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    { env },
    project === 'unit' ? 10 : 25,
  );
  const r = readJson(out);
  if (!r) return record(project, 0, 1, t, timedOut ? 'timed out' : `no report (exit ${code})`);
  let failed = Number(r.numFailedTests ?? 0);
  // A file that fails to load has no failed tests, only a failed suite: still a failure.
  if (code !== 0 && failed === 0) failed = Math.max(1, Number(r.numFailedTestSuites ?? 0));
  record(project, Number(r.numPassedTests ?? 0), failed, t, timedOut ? 'timed out' : code ? `exit ${code}` : '');
}

async function playwright(env: NodeJS.ProcessEnv) {
  const t = Date.now();
  const out = path.join(reports, 'e2e.json');
  const { code, timedOut } = await timed(
    'e2e',
    path.join(REPO_ROOT, 'node_modules', '.bin', 'playwright'),
    ['test', '--reporter=list,json'],
    { env: { ...env, BASE_URL, CHROMIUM_PATH: CHROMIUM, PLAYWRIGHT_JSON_OUTPUT_NAME: out } },
    25,
  );
  const s = readJson(out)?.stats;
  if (!s) return record('e2e', 0, 1, t, timedOut ? 'timed out' : `no report (exit ${code})`);
  let failed = Number(s.unexpected ?? 0);
  if (code !== 0 && failed === 0) failed = 1; // global setup error, no tests found, ...
  record(
    'e2e',
    Number(s.expected ?? 0) + Number(s.flaky ?? 0),
    failed,
    t,
    [s.flaky ? `${s.flaky} flaky` : '', timedOut ? 'timed out' : ''].filter(Boolean).join(', '),
  );
}

/** A setup step: counts as 1 failed when it fails, nothing when it works. */
async function setup(name: string, run: () => Promise<number | void>): Promise<boolean> {
  const t = Date.now();
  try {
    const code = await run();
    if (typeof code === 'number' && code !== 0) {
      record(name, 0, 1, t, `exit ${code}`);
      return false;
    }
    record(name, 0, 0, t);
    return true;
  } catch (e) {
    record(name, 0, 1, t, (e as Error).message);
    return false;
  }
}

function skip(name: string, why: string) {
  rows.push({ name, passed: 0, failed: 0, seconds: 0, note: `not run: ${why}` });
  say(`${name}: not run (${why})`);
}

/** Debian's Chromium for Playwright (the bundled browser download is not reachable here). */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    say(`${CHROMIUM} is missing and we are not root: install it with apt-get install chromium`);
    return;
  }
  say('installing Chromium for the e2e tests (apt-get; first run only)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      say(`apt-get ${args.join(' ')} failed (exit ${r.status}); e2e will fail`);
      return;
    }
  }
}

async function cleanup() {
  const w = worker?.stop();
  await stopAll();
  await w;
  await infra?.stop();
  if (process.env.KEEP_TEST_DATA) say(`test data kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    say(`${sig}: stopping everything`);
    void cleanup().then(() => process.exit(130));
  });
}

async function main() {
  const started = Date.now();
  say(`suites: ${[...selected].join(', ')}; data in ${dataDir}`);
  if (selected.has('e2e')) ensureChromium();

  let env: NodeJS.ProcessEnv = { ...process.env };
  let infraOk = false;
  if (needsInfra) {
    infraOk = await setup('infra', async () => {
      infra = await startInfra({ dataDir, pgPort: PG_PORT, mongoPort: MONGO_PORT, log: say, fast: true });
    });
    if (infra) {
      env = appEnv({ ...infra, port: PORT, publicUrl: BASE_URL, secret: `test-${process.pid}-${Date.now()}`, demo: true });
      await setup('migrate', () => npmRun('migrate', env, say, infra?.marker));
    } else skip('migrate', 'infra failed');
  }

  if (selected.has('lint')) {
    const t = Date.now();
    const { code, timedOut } = await timed('lint', path.join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['check', '--max-diagnostics=50', '.'], { env }, 5);
    record('lint', code === 0 ? 1 : 0, code === 0 ? 0 : 1, t, timedOut ? 'timed out' : '');
  }
  if (selected.has('typecheck')) {
    const t = Date.now();
    const { code, timedOut } = await timed('typecheck', path.join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], { env }, 10);
    record('typecheck', code === 0 ? 1 : 0, code === 0 ? 0 : 1, t, timedOut ? 'timed out' : '');
  }
  if (selected.has('unit')) await vitest('unit', env);
  if (selected.has('int')) {
    if (infraOk) await vitest('int', env);
    else skip('int', 'infra failed');
  }

  if (selected.has('e2e')) {
    const buildEnv = { ...env, NEXT_DIST_DIR };
    const built = await setup('build', () => nextBuild(buildEnv, say, infra?.marker));
    if (!infraOk) skip('e2e', 'infra failed');
    else if (!built) skip('e2e', 'build failed');
    else {
      await setup('seed', () => npmRun('seed', env, say, infra?.marker));
      worker = startWorker(buildEnv, say, infra?.marker);
      const web = startWeb(buildEnv, PORT, '127.0.0.1', say, infra?.marker);
      const up = await setup('web', () => waitForHttp(`${BASE_URL}/api/health`, 120_000, () => web.isRunning()));
      if (up) await playwright(env);
      else skip('e2e', `${BASE_URL}/api/health never answered 200`);
    }
  }

  await cleanup();
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  say('');
  say(`summary (${((Date.now() - started) / 60_000).toFixed(1)} min):`);
  for (const r of rows) {
    say(
      `  ${r.name.padEnd(10)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${r.seconds.toFixed(0).padStart(5)} s  ${r.note}`,
    );
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch(async (e: Error) => {
  say(`test orchestrator error: ${e.stack ?? e.message}`);
  await cleanup().catch(() => {});
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  process.stdout.write(`${passed} passed, ${rows.reduce((n, r) => n + r.failed, 0) + 1} failed\n`);
  process.exit(1);
});

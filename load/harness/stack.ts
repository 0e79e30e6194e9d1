/**
 * A benchmark's own stack, started and stopped by the benchmark: the production build (in its own
 * dist dir, only when the sources changed), a fresh data directory under /var/tmp, PostgreSQL and the
 * read store on the bench's ports (scripts/stack), migrate and optionally the demo seed, then web and
 * worker as separate processes so each one's CPU and RSS can be sampled. Everything it started is
 * stopped by pid at the end, on failure and on Ctrl-C, and the data directory removed.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appEnv, nextBuild, npmRun, REPO_ROOT, startWeb, waitForHttp } from '../../scripts/stack/app';
import { buildIsCurrent, recordBuild, sourceHash } from '../../scripts/stack/build-stamp';
import { type Child, consoleLog, spawnChild, stopAll } from '../../scripts/stack/processes';
import { type Infra, startInfra } from '../../scripts/stack/start-infra';
import { summarize as summarizeProfile } from './cpu-profile';
import { httpClient, type Request } from './http-client';
import { type MachineState, machineState, type Provenance, provenance } from './machine';
import { findPid, type GroupName, ProcSampler } from './proc-sampler';
import { round, sleep } from './settings';

export interface StackPorts {
  pg: number;
  /** The read store's own PostgreSQL (FerretDB's backend). */
  readPg: number;
  mongo: number;
  web: number;
}

export interface StackOptions {
  /** Names the log prefix and the data directory (quadrant-<name>-bench-*). */
  name: string;
  /** How the bench is run, for the report (e.g. `npm run bench:events`). */
  command: string;
  ports: StackPorts;
  /** fsync off in PostgreSQL: not representative, only for quick iterations on a bench. */
  pgFast: boolean;
  /** Run the demo seed after the migrations (the events bench's organizer account). */
  seed: boolean;
  /** Extra environment for every app process (migrate, seed, web, worker). */
  appEnv?: Record<string, string>;
  /** Web and worker write V8 CPU profiles here, summarised per phase at the end. */
  cpuProfileDir?: string;
  /** Timeout of the bench's own HTTP calls (setup, probes, polling). */
  requestTimeoutMs: number;
}

/** Output that is expected under load (aborted bodies, duplicate keys a retry resolves). */
const EXPECTED_NOISE = /\[unhandled\] Error: aborted|E11000|23505/;
const TROUBLE = /error|warn|fail|exited|unhandled|panic/i;

export class BenchStack {
  readonly base: string;
  readonly request: Request;
  readonly machine: MachineState[] = [machineState('before')];
  readonly provenance: Provenance;
  readonly sampler: ProcSampler;
  /** Environment of the app processes (set by start()). */
  env: NodeJS.ProcessEnv = { ...process.env };
  buildSeconds = 0;
  web: Child | undefined;
  worker: Child | undefined;
  private infra: Infra | undefined;
  private dataDir = '';
  private readonly pids: { postgres?: number; readPostgres?: number; ferretdb?: number } = {};
  private readonly started = Date.now();
  private readonly closers: (() => Promise<unknown>)[] = [];
  private readonly recentChildLines: string[] = [];
  /** pid -> web or worker, for naming CPU profiles (their file names carry the pid). */
  private readonly roles = new Map<string, string>();
  private stopping: Promise<void> | undefined;

  constructor(readonly opts: StackOptions) {
    this.base = `http://127.0.0.1:${opts.ports.web}`;
    this.request = httpClient(opts.ports.web, opts.requestTimeoutMs);
    this.provenance = provenance(opts.command);
    this.sampler = new ProcSampler<GroupName>(
      () => ({
        web: this.web?.pid,
        worker: this.worker?.pid,
        postgres: this.pids.postgres,
        readPostgres: this.pids.readPostgres,
        ferretdb: this.pids.ferretdb,
        bench: process.pid,
      }),
      ['bench'],
    );
  }

  say = (line: string) => consoleLog(line.startsWith('[') ? line : `[bench:${this.opts.name} ${Math.round((Date.now() - this.started) / 1000)}s] ${line}`);

  /** Child output: only what looks like trouble is printed; the last 40 lines are kept for a failure. */
  private childLog = (line: string) => {
    this.recentChildLines.push(line);
    if (this.recentChildLines.length > 40) this.recentChildLines.shift();
    if (TROUBLE.test(line) && !EXPECTED_NOISE.test(line)) consoleLog(line);
  };

  /** Build, stores, migrations (and seed); the sampler runs from here on. Web and worker: startApp(). */
  async start(): Promise<void> {
    const { ports } = this.opts;
    this.say(`machine: load average ${this.machine[0].loadavg.join(' ')} on ${this.machine[0].cpus} cores (shared)`);
    this.say(`code: commit ${this.provenance.commit}, ${this.provenance.uncommitted.length} file(s) differ from it`);
    // The bench starts its own stores: never an external server someone set in the environment.
    delete process.env.DATABASE_URL;
    delete process.env.MONGODB_URL;
    await this.build();

    this.dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join('/var/tmp', `quadrant-${this.opts.name}-bench-`));
    this.say(`data in ${this.dataDir}; ports: web ${ports.web}, PostgreSQL ${ports.pg}, read store ${ports.mongo} (its PostgreSQL ${ports.readPg})`);
    this.infra = await startInfra({
      dataDir: this.dataDir,
      pgPort: ports.pg,
      readPgPort: ports.readPg,
      mongoPort: ports.mongo,
      log: this.say,
      fast: this.opts.pgFast,
    });
    const secret = randomBytes(32).toString('base64url');
    this.env = appEnv({
      databaseUrl: this.infra.databaseUrl,
      mongodbUrl: this.infra.mongodbUrl,
      port: ports.web,
      publicUrl: this.base,
      secret,
      demo: this.opts.seed,
      extra: {
        MONGODB_DB: 'quadrant',
        NEXT_DIST_DIR: path.relative(REPO_ROOT, distDir()),
        // every bench user signs up from this one address on purpose (decision 0009's limit is per client)
        PUBLIC_COMMANDS_PER_CLIENT: '1000000',
        ...this.opts.appEnv,
      } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv,
    });
    for (const step of this.opts.seed ? ['migrate', 'seed'] : ['migrate']) {
      this.say(step);
      const code = await npmRun(step, this.env, this.childLog, this.infra.marker);
      if (code !== 0) throw new Error(`${step} failed (exit ${code})`);
    }
    // Server modules imported by the bench itself (data preparation, probes) read these at import.
    Object.assign(process.env, { DATABASE_URL: this.infra.databaseUrl, MONGODB_URL: this.infra.mongodbUrl, MONGODB_DB: 'quadrant', NEXTAUTH_SECRET: secret });

    // Trailing space: "-D <dir>/pg " must not match the read store's "-D <dir>/pg-read ".
    this.pids.postgres = findPid(`-D ${path.join(this.dataDir, 'pg')} `);
    this.pids.readPostgres = findPid(`-D ${path.join(this.dataDir, 'pg-read')} `);
    this.pids.ferretdb = findPid(`--state-dir=${path.join(this.dataDir, 'ferretdb-state')}`) ?? findPid(path.join(this.dataDir, 'mongod'));
    this.sampler.start(500);
  }

  /** The production build, skipped when its stamp matches the sources (same stamp as `make start`). */
  private async build() {
    const dir = distDir();
    const hash = sourceHash(REPO_ROOT, [dir]);
    if (buildIsCurrent(dir, hash)) {
      this.say(`production build in ${path.relative(REPO_ROOT, dir)} is up to date`);
      return;
    }
    this.say(`building the production app into ${path.relative(REPO_ROOT, dir)} (next build; a few minutes on a busy machine)`);
    const t = Date.now();
    const code = await nextBuild({ ...process.env, NEXT_DIST_DIR: path.relative(REPO_ROOT, dir) }, consoleLog);
    if (code !== 0) throw new Error(`next build failed (exit ${code}); see the [build] lines above. The benchmark needs a production build.`);
    recordBuild(dir, hash);
    this.buildSeconds = round((Date.now() - t) / 1000);
  }

  /** Worker (one node process, no npm wrapper, so its RSS is the worker's own) and web. */
  async startApp(extraEnv: Record<string, string> = {}): Promise<void> {
    const env = { ...this.env, ...extraEnv };
    const child = { cwd: REPO_ROOT, log: this.childLog, marker: this.infra!.marker };
    const { cpuProfileDir } = this.opts;
    // Node refuses --cpu-prof in NODE_OPTIONS: profiled processes get it on their command line.
    const prof = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
    if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
    const port = String(this.opts.ports.web);
    this.worker = spawnChild('worker', process.execPath, [...prof, '--import', 'tsx', 'workers/index.ts'], { env, ...child });
    this.web = cpuProfileDir
      ? spawnChild('web', process.execPath, [...prof, path.join(REPO_ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', port, '-H', '127.0.0.1'], {
          env: { ...env, PORT: port, NEXT_TELEMETRY_DISABLED: '1' },
          ...child,
        })
      : startWeb(env, this.opts.ports.web, '127.0.0.1', this.childLog, this.infra!.marker);
    this.roles.set(String(this.web.pid), 'web').set(String(this.worker.pid), 'worker');
    await waitForHttp(`${this.base}/api/health`, 120_000, () => this.web?.isRunning() ?? false);
    this.say(
      `web ${this.web.pid} and worker ${this.worker.pid} are up; postgres ${this.pids.postgres}, read store ${this.pids.ferretdb} (its postgres ${this.pids.readPostgres ?? '-'})`,
    );
  }

  /** Web and worker only (the stores stay), by pid. */
  async stopApp(): Promise<void> {
    await Promise.all([this.web?.stop(), this.worker?.stop()]);
    this.web = this.worker = undefined;
  }

  /**
   * Between phases: `caughtUp` waits until the projections have applied what the last phase wrote,
   * then the stack must be idle (a saturated phase leaves queued requests behind in the web process
   * and the read store that would be billed to the next phase), then a short pause.
   */
  async settle(caughtUp: () => Promise<void>, pauseMs: number): Promise<void> {
    await caughtUp();
    await this.sampler.waitQuiet(['bench']);
    await sleep(pauseMs);
  }

  /** Closes one of the bench's own clients before the servers stop. */
  onShutdown(close: () => Promise<unknown>): void {
    this.closers.push(close);
  }

  readStore(): string {
    if (this.pids.readPostgres) return 'FerretDB v1.24.2, postgresql backend in its own PostgreSQL 17 cluster (the stack default)';
    return this.pids.ferretdb ? 'FerretDB v1.24.2, sqlite backend' : 'mongod';
  }

  /** The end of the measurements: the report's common part. */
  finish() {
    this.sampler.stop();
    this.machine.push(machineState('after'));
    return {
      generatedAt: new Date().toISOString(),
      durationSec: round((Date.now() - this.started) / 1000),
      buildSeconds: this.buildSeconds,
      provenance: this.provenance,
      machine: this.machine,
      phases: this.sampler.phases,
    };
  }

  printRecentOutput(): void {
    if (this.recentChildLines.length) this.say(`last lines of the servers' output:\n${this.recentChildLines.join('\n')}`);
  }

  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      this.say('stopping web, worker, read store and PostgreSQL (by pid)');
      for (const close of this.closers) await close().catch(() => {});
      await stopAll();
      await this.infra?.stop();
      if (this.dataDir && !process.env.BENCH_KEEP_DATA) rmSync(this.dataDir, { recursive: true, force: true });
      if (this.opts.cpuProfileDir) this.summarizeProfiles(this.opts.cpuProfileDir);
    })();
    return this.stopping;
  }

  /** The processes wrote their profiles on exit: self time per phase, by function and package. */
  private summarizeProfiles(dir: string) {
    const windows = this.sampler.phases.map((p) => ({ name: p.phase, fromUs: p.monoFromUs, toUs: p.monoToUs }));
    const summary: Record<string, unknown> = {};
    // Default names carry the pid: CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile.
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile')))
      summary[`${this.roles.get(f.split('.')[3]) ?? 'other'} ${f}`] = summarizeProfile(path.join(dir, f), windows);
    writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
    this.say(`CPU profile summary per phase: ${path.join(dir, 'summary.json')}`);
  }
}

/** The bench's own build output, so a bench never replaces someone else's `.next`. */
export const distDir = () => path.join(REPO_ROOT, process.env.NEXT_DIST_DIR ?? '.next-bench');

/**
 * Runs a benchmark against its stack: stops everything it started when the bench ends, fails, or
 * gets Ctrl-C / SIGTERM, and prints the servers' last output lines on failure.
 */
export function runBench(opts: StackOptions, bench: (stack: BenchStack) => Promise<void>): void {
  const stack = new BenchStack(opts);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      stack.say(`${sig}: cleaning up`);
      void stack.shutdown().then(() => process.exit(130));
    });
  }
  bench(stack)
    .catch((e: Error) => {
      stack.printRecentOutput();
      stack.say(`error: ${e.stack ?? e.message}`);
      process.exitCode = 1;
    })
    .finally(async () => {
      await stack.shutdown();
      process.exit(process.exitCode ?? 0);
    });
}

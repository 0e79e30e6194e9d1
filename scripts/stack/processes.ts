import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** Where status lines and prefixed child output go. */
export type Log = (line: string) => void;

export const consoleLog: Log = (line) => process.stdout.write(`${line}\n`);

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  log?: Log;
  /** Signal that asks the program for a clean shutdown (postgres: SIGINT = "fast" shutdown). */
  stopSignal?: NodeJS.Signals;
  /**
   * Signal the whole process group (npm/next spawn helpers) or only the leader. The postmaster
   * must be signalled alone: it shuts its backends down in order itself.
   */
  signalGroup?: boolean;
  /**
   * Tags the process (and everything it forks) with QUADRANT_STACK=<marker> in its environment,
   * so a later run on the same data directory can find what a crashed run left behind.
   */
  marker?: string;
  /** Output lines to drop (expected noise). */
  quiet?: RegExp;
}

export interface Child {
  name: string;
  pid: number;
  exited: Promise<ExitInfo>;
  isRunning(): boolean;
  /** Ask for a clean stop, escalate to SIGKILL after `timeoutMs`; resolves once it is gone. */
  stop(timeoutMs?: number): Promise<ExitInfo>;
}

/**
 * Spawns a long-lived process in its own process group. Own group because a terminal Ctrl-C goes
 * to the whole foreground group: children in it would all die at once (PostgreSQL before the web
 * app and worker that use it); in their own group only the orchestrator sees the signal and stops
 * them in order.
 */
export function spawnChild(name: string, command: string, args: string[], opts: ChildOptions = {}): Child {
  const log = opts.log ?? consoleLog;
  const spawnOpts: SpawnOptions = {
    cwd: opts.cwd,
    env: opts.marker ? { ...(opts.env ?? process.env), QUADRANT_STACK: opts.marker } : (opts.env ?? process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    uid: opts.uid,
    gid: opts.gid,
  };
  const proc = spawn(command, args, spawnOpts);
  let running = true;
  const exited = new Promise<ExitInfo>((resolve) => {
    proc.on('error', (err) => {
      log(`[${name}] failed to start ${command}: ${err.message}`);
      running = false;
      resolve({ code: 127, signal: null });
    });
    proc.on('exit', (code, signal) => {
      running = false;
      // Let the last buffered output lines through (bounded: a surviving grandchild may hold
      // the pipe open) so nothing prints after a caller's final summary.
      const done = () => resolve({ code, signal });
      const t = setTimeout(done, 1000);
      proc.once('close', () => {
        clearTimeout(t);
        done();
      });
    });
  });
  for (const stream of [proc.stdout, proc.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (l) => opts.quiet?.test(l) || log(`[${name}] ${l}`));
  }
  const pid = proc.pid ?? -1;
  const signal = (sig: NodeJS.Signals) => {
    if (pid <= 0) return; // never spawned: kill(-(-1)) would signal init
    try {
      process.kill(opts.signalGroup === false ? pid : -pid, sig);
    } catch {
      /* already gone */
    }
  };
  let stopping: Promise<ExitInfo> | undefined;
  const child: Child = {
    name,
    pid,
    exited,
    isRunning: () => running,
    stop(timeoutMs = 15_000) {
      stopping ??= (async () => {
        if (running) signal(opts.stopSignal ?? 'SIGTERM');
        const timer = setTimeout(() => {
          log(`[${name}] did not stop within ${timeoutMs} ms, sending SIGKILL`);
          signal('SIGKILL');
        }, timeoutMs);
        const info = await exited;
        clearTimeout(timer);
        // A group leader can exit before its helpers (npm -> node); do not leave them behind.
        if (opts.signalGroup !== false && pid > 0 && groupAlive(pid)) signal('SIGKILL');
        return info;
      })();
      return stopping;
    },
  };
  live.add(child);
  void exited.then(() => live.delete(child));
  return child;
}

/** Every child still running, so a Ctrl-C during a one-shot step (next build) stops it too. */
const live = new Set<Child>();
export const liveChildren = (): Child[] => [...live];

/**
 * Stops every child still running, in dependency order: app processes and one-shot steps first
 * (they hold connections), then the read store, then PostgreSQL. Works at any point of a start-up,
 * also before startInfra() has returned.
 */
export async function stopAll(): Promise<void> {
  const tier = (c: Child) => (c.name.startsWith('postgres') ? 2 : /^(ferretdb|mongod)/.test(c.name) ? 1 : 0);
  for (const t of [0, 1, 2])
    await Promise.all(
      liveChildren()
        .filter((c) => tier(c) === t)
        .map((c) => c.stop()),
    );
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * Stops a server a killed run left behind (kill -9, closed terminal) so its port and data are
 * free again. Only a live pid whose command line still contains `expect` is touched.
 */
export async function reapLeftover(pid: number, expect: string, log: Log, stopSignal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!(pid > 0 && pidAlive(pid) && cmdline(pid).includes(expect))) return;
  log(`stopping ${expect} (pid ${pid}) left running by an earlier run`);
  await stopPids([pid], stopSignal);
}

/**
 * Finds processes tagged with our marker (see ChildOptions.marker) that an earlier run left
 * running, and stops them. PostgreSQL is not among them: it overwrites its environment with its
 * process title, so startPostgres reaps it through postmaster.pid instead.
 */
export async function reapMarked(marker: string, log: Log): Promise<void> {
  const tag = `QUADRANT_STACK=${marker}`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(tag)) pids.push(pid);
    } catch {
      /* exited or not ours to read */
    }
  }
  if (pids.length === 0) return;
  log(
    `stopping ${pids.length} process(es) an earlier run left behind: ${pids.map((p) => `${p} (${path.basename(cmdline(p).split(' ')[0] ?? '')})`).join(', ')}`,
  );
  // Same order as a clean stop: clients first, then PostgreSQL with SIGINT (fast shutdown; its
  // default SIGTERM would wait for clients that may never disconnect).
  const isPg = (p: number) => {
    try {
      return readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'postgres';
    } catch {
      return false;
    }
  };
  await stopPids(
    pids.filter((p) => !isPg(p)),
    'SIGTERM',
  );
  await stopPids(pids.filter(isPg), 'SIGINT', 60_000);
}

async function stopPids(pids: number[], sig: NodeJS.Signals, timeoutMs = 15_000): Promise<void> {
  const send = (s: NodeJS.Signals) =>
    pids.forEach((p) => {
      try {
        process.kill(p, s);
      } catch {
        /* gone */
      }
    });
  send(sig);
  const deadline = Date.now() + timeoutMs;
  while (pids.some(pidAlive) && Date.now() < deadline) await sleep(100);
  if (pids.some(pidAlive)) send('SIGKILL');
}

/**
 * One orchestrator per data directory: a second `make start` on the same DATA_DIR would
 * otherwise fight over ports and files (and reap the first one's processes as leftovers).
 */
export function claimDataDir(runDir: string): () => void {
  const file = path.join(runDir, 'owner.pid');
  if (existsSync(file)) {
    const [pidLine = '', cmd = ''] = readFileSync(file, 'utf8').split('\n');
    const pid = Number(pidLine);
    if (pid !== process.pid && pidAlive(pid) && cmdline(pid) === cmd) {
      throw new Error(`${path.dirname(runDir)} is in use by pid ${pid} (${cmd.trim()}); stop it, or set DATA_DIR (and ports) for a second stack`);
    }
  }
  mkdirSync(runDir, { recursive: true });
  writeFileSync(file, `${process.pid}\n${cmdline(process.pid)}`);
  return () => rmSync(file, { force: true });
}

export interface Supervised {
  current(): Child | undefined;
  stop(): Promise<void>;
}

/**
 * Keeps a process running: when it dies unexpectedly it is started again after a backoff
 * (1 s doubling to 30 s, reset after a minute of healthy running) so a crash loop does not burn
 * the CPU the rest of the stack needs.
 */
export function supervise(start: () => Child, log: Log): Supervised {
  let child: Child | undefined;
  let stopped = false;
  let backoffMs = 1000;
  let timer: NodeJS.Timeout | undefined;
  const launch = () => {
    const startedAt = Date.now();
    const c = start();
    child = c;
    void c.exited.then(({ code, signal }) => {
      if (stopped) return;
      if (Date.now() - startedAt > 60_000) backoffMs = 1000;
      log(`[${c.name}] exited (${signal ?? `code ${code}`}); restarting in ${backoffMs / 1000} s`);
      timer = setTimeout(launch, backoffMs);
      backoffMs = Math.min(backoffMs * 2, 30_000);
    });
  };
  launch();
  return {
    current: () => child,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (child) await child.stop();
    },
  };
}

/** Runs a command to completion with prefixed output; resolves with its exit code. */
export async function runStep(name: string, command: string, args: string[], opts: ChildOptions = {}): Promise<number> {
  const child = spawnChild(name, command, args, opts);
  const { code, signal } = await child.exited;
  return code ?? (signal ? 128 : 1);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Fails early with the variable to change, instead of a bind error deep in a server log. */
export function assertPortFree(port: number, envName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () => reject(new Error(`port ${port} on 127.0.0.1 is already in use; stop what holds it or set ${envName}=<another port>`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

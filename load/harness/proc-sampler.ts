/**
 * Samples memory (VmRSS from /proc/<pid>/status) and CPU time (/proc/<pid>/stat) of named groups
 * of process trees every 500 ms. A bench stack's groups: the web app (`next start` forks a server
 * child, so the whole tree counts), the worker, the write PostgreSQL (postmaster + backends), the
 * read store (FerretDB and, with its postgresql backend, its own PostgreSQL cluster) and this load
 * generator; other benches name their own (the FerretDB backend bench: the stores). Also reads
 * the machine's total busy CPU from /proc/stat, so "everything else" (teammates' work on a shared
 * machine) shows up per phase as cores used by other processes.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SEC = 100; // USER_HZ on Linux

/** The process groups of a benchmark stack (load/harness/stack.ts); other benches name their own. */
export type GroupName = 'web' | 'worker' | 'postgres' | 'readPostgres' | 'ferretdb' | 'bench';

interface ProcInfo {
  pid: number;
  ppid: number;
  ticks: number;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function machineBusyTicks(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  return cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7];
}

/** pid -> its descendants (and itself), from one /proc scan. */
function trees(roots: Record<string, number | undefined>, single: Set<string>): { members: Record<string, number[]>; all: Map<number, ProcInfo> } {
  const all = new Map<number, ProcInfo>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const p = readProc(Number(e));
    if (p) all.set(p.pid, p);
  }
  const children = new Map<number, number[]>();
  for (const p of all.values()) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const members: Record<string, number[]> = {};
  for (const [name, root] of Object.entries(roots)) {
    const out: number[] = [];
    if (root && all.has(root)) {
      const stack = [root];
      while (stack.length) {
        const pid = stack.pop()!;
        out.push(pid);
        if (!single.has(name)) stack.push(...(children.get(pid) ?? []));
      }
    }
    members[name] = out;
  }
  return { members, all };
}

export interface RssPoint<G extends string = GroupName> {
  t: number;
  /** MB per group: whole tree. */
  tree: Record<G, number>;
  /** MB of the biggest single process of the group (for web: the next-server child). */
  largest: Record<G, number>;
}

interface CpuSnapshot<G extends string> {
  wall: number;
  groups: Record<G, number>;
  machine: number;
}

export interface PhaseUsage<G extends string = GroupName> {
  phase: string;
  seconds: number;
  /** CLOCK_MONOTONIC window in microseconds (matches V8 .cpuprofile timestamps). */
  monoFromUs: number;
  monoToUs: number;
  /** Average cores used per group over the phase (1.0 = one core busy). */
  cores: Record<G | 'others', number>;
  /** Peak RSS (MB) of each group's tree and of its biggest process during the phase. */
  peakRssMb: Record<G, number>;
  peakLargestRssMb: Record<G, number>;
}

export class ProcSampler<G extends string = GroupName> {
  private timer: NodeJS.Timeout | undefined;
  readonly points: RssPoint<G>[] = [];
  private phaseStart: { name: string; cpu: CpuSnapshot<G>; from: number; mono: number } | null = null;
  readonly phases: PhaseUsage<G>[] = [];
  private readonly t0 = Date.now();
  private readonly groups: G[];
  /** Tree ticks of pids that exited: keeps per-group CPU monotonic when a backend disconnects. */
  private readonly seen = new Map<number, { group: G; ticks: number }>();
  private readonly exitedTicks: Record<G, number>;

  /**
   * @param roots the root pid of each group, asked at every sample (processes come and go)
   * @param single groups counted as their root process alone, not its tree (the load generator is
   *   the parent of everything it started)
   */
  constructor(
    private readonly roots: () => Record<G, number | undefined>,
    private readonly single: G[] = [],
  ) {
    this.groups = Object.keys(roots()) as G[];
    this.exitedTicks = this.zeros();
  }

  private zeros(): Record<G, number> {
    return Object.fromEntries(this.groups.map((g) => [g, 0])) as Record<G, number>;
  }

  start(intervalMs = 500): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private snapshot(): { cpu: CpuSnapshot<G>; point: RssPoint<G> } {
    const { members, all } = trees(this.roots(), new Set<string>(this.single));
    const groups = this.zeros();
    const tree = this.zeros();
    const largest = this.zeros();
    const alive = new Set<number>();
    for (const [name, pids] of Object.entries(members) as [G, number[]][]) {
      for (const pid of pids) {
        const ticks = all.get(pid)!.ticks;
        alive.add(pid);
        this.seen.set(pid, { group: name, ticks });
        groups[name] += ticks;
        const mb = rssKb(pid) / 1024;
        tree[name] += mb;
        largest[name] = Math.max(largest[name], mb);
      }
    }
    for (const [pid, s] of this.seen) {
      if (!alive.has(pid)) {
        this.exitedTicks[s.group] += s.ticks;
        this.seen.delete(pid);
      }
    }
    for (const g of this.groups) groups[g] = (groups[g] + this.exitedTicks[g]) / TICKS_PER_SEC;
    const round = (o: Record<G, number>) => Object.fromEntries(Object.entries<number>(o).map(([k, v]) => [k, Math.round(v * 10) / 10])) as Record<G, number>;
    return {
      cpu: { wall: Date.now(), groups, machine: machineBusyTicks() / TICKS_PER_SEC },
      point: { t: Date.now() - this.t0, tree: round(tree), largest: round(largest) },
    };
  }

  private sample(): void {
    this.points.push(this.snapshot().point);
  }

  /** Cores used per group over the next `ms` (outside any phase bookkeeping). */
  async measure(ms: number): Promise<Record<G, number>> {
    const a = this.snapshot().cpu;
    await new Promise((r) => setTimeout(r, ms));
    const b = this.snapshot().cpu;
    const secs = (b.wall - a.wall) / 1000;
    return Object.fromEntries(this.groups.map((g) => [g, (b.groups[g] - a.groups[g]) / secs])) as Record<G, number>;
  }

  /**
   * Waits (up to `timeoutMs`) until the groups other than `ignore` use less than `cores` together:
   * a saturated phase leaves queued work behind that would otherwise be billed to the next one.
   */
  async waitQuiet(ignore: G[], cores = 0.25, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const c = await this.measure(1000);
      if (this.groups.filter((g) => !ignore.includes(g)).reduce((n, g) => n + c[g], 0) < cores) return;
    }
  }

  beginPhase(name: string): void {
    this.phaseStart = { name, cpu: this.snapshot().cpu, from: this.points.length, mono: Number(process.hrtime.bigint() / 1000n) };
  }

  endPhase(): PhaseUsage<G> {
    const start = this.phaseStart!;
    const { cpu: end, point } = this.snapshot();
    this.points.push(point);
    const seconds = (end.wall - start.cpu.wall) / 1000;
    const cores = {} as Record<G | 'others', number>;
    let ours = 0;
    for (const g of this.groups) {
      const used = end.groups[g] - start.cpu.groups[g];
      ours += used;
      cores[g] = Math.round((used / seconds) * 100) / 100;
    }
    cores.others = Math.max(0, Math.round(((end.machine - start.cpu.machine - ours) / seconds) * 100) / 100);
    const window = this.points.slice(start.from);
    const peak = (key: 'tree' | 'largest') =>
      Object.fromEntries(this.groups.map((g) => [g, Math.max(0, ...window.map((p) => p[key][g]))])) as Record<G, number>;
    const usage: PhaseUsage<G> = {
      phase: start.name,
      seconds: Math.round(seconds * 10) / 10,
      monoFromUs: start.mono,
      monoToUs: Number(process.hrtime.bigint() / 1000n),
      cores,
      peakRssMb: peak('tree'),
      peakLargestRssMb: peak('largest'),
    };
    this.phases.push(usage);
    this.phaseStart = null;
    return usage;
  }
}

/** Finds a process whose command line contains `needle` (e.g. the data directory of a server). */
export function findPid(needle: string, exclude: (cmd: string) => boolean = () => false): number | undefined {
  let best: { pid: number; ppid: number } | undefined;
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (!cmd.includes(needle) || exclude(cmd)) continue;
      const p = readProc(Number(e));
      // The root of the matching processes: prefer the one whose parent does not match.
      if (p && (!best || p.pid < best.pid)) best = p;
    } catch {
      /* gone */
    }
  }
  return best?.pid;
}

/** Highest value of each key over the samples (peak RSS per group). */
export function peakOf<K extends string>(rows: Record<K, number>[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const r of rows) for (const [k, v] of Object.entries<number>(r)) out[k as K] = Math.max(out[k as K] ?? 0, v);
  return out;
}

/** CPU milliseconds each group spent per request over a phase. */
export function cpuMsPerRequest<G extends string>(u: PhaseUsage<G>, requests: number, groups: G[]): Record<G, number> {
  return Object.fromEntries(groups.map((g) => [g, Math.round(((u.cores[g] * u.seconds * 1000) / Math.max(1, requests)) * 100) / 100])) as Record<G, number>;
}

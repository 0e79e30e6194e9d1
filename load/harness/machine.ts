/**
 * What a report needs to be read correctly: the code that ran (commit, and the files that differed
 * from it: the checkout is shared, so a run often includes teammates' uncommitted work), the knobs
 * that were set, and how busy the machine was before and after (it is shared with teammates).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { round } from './settings';

export interface MachineState {
  label: string;
  at: string;
  loadavg: number[];
  /** /proc/loadavg as read: 1, 5, 15 min, running/total tasks, last pid. */
  procLoadavg: string;
  cpus: number;
  /** Busiest processes (ps: lifetime-average %CPU, RSS kB, command line). */
  top: string[];
}

export function machineState(label: string): MachineState {
  let top: string[] = [];
  try {
    top = execFileSync('ps', ['-eo', 'pcpu,rss,args', '--sort=-pcpu'], { encoding: 'utf8' })
      .split('\n')
      .slice(1, 9)
      .map((l) => l.trim().replace(/\s+/g, ' ').slice(0, 140))
      .filter(Boolean);
  } catch {
    /* no ps: the load average still says how busy the machine was */
  }
  let procLoadavg = '';
  try {
    procLoadavg = readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    /* not Linux */
  }
  return { label, at: new Date().toISOString(), loadavg: os.loadavg().map((n) => round(n, 2)), procLoadavg, cpus: os.cpus().length, top };
}

export interface Provenance {
  /** `npm run ...` and the entry file. */
  command: string;
  commit: string;
  /** Tracked files (reports aside) that differed from the commit when the run started (`git status --porcelain`). */
  uncommitted: string[];
  /** Every BENCH_* variable that was set: the settings that differ from the defaults. */
  env: Record<string, string>;
  sharedMachine: string;
}

const git = (args: string[]) => {
  try {
    // trimEnd: porcelain lines start with a status column that may be a space.
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return '';
  }
};

export function provenance(command: string): Provenance {
  const uncommitted = git(['status', '--porcelain', '--untracked-files=no'])
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3))
    // The reports are the benches' output, not code that ran.
    .filter((f) => !f.startsWith('docs/reports/'));
  return {
    command,
    commit: git(['rev-parse', '--short=12', 'HEAD']) || 'unknown (no git)',
    uncommitted,
    env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('BENCH_') && e[1] !== undefined)),
    sharedMachine:
      'The machine was shared with other engineers running builds and tests during this run: the load averages (and, where ' +
      'reported, the "others" CPU column) say how much, and the numbers are noisier than on a dedicated machine.',
  };
}

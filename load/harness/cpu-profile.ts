/**
 * Summarises V8 .cpuprofile files (node --cpu-prof) per time window: self time by function and by
 * package, so a phase's CPU can be pinned on code. V8 sample timestamps are CLOCK_MONOTONIC
 * microseconds, the same clock as process.hrtime in the benchmark, so the phases' windows apply.
 * Used by the bench stack (stack.ts) when BENCH_CPU_PROFILE=<dir> is set; also runnable by hand:
 *   npx tsx load/harness/cpu-profile.ts <file.cpuprofile>
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Window {
  name: string;
  fromUs: number;
  toUs: number;
}

export interface TopEntry {
  what: string;
  ms: number;
  share: number;
}

const pkgOf = (url: string) => {
  if (!url) return '(native/idle/gc)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node core';
  if (/\.next\/server/.test(url)) return 'app bundle (.next/server)';
  return url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
};

export function summarize(file: string, windows: Window[], top = 12) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const out: Record<string, { totalMs: number; idleMs: number; functions: TopEntry[]; packages: TopEntry[] }> = {};
  for (const w of windows.length ? windows : [{ name: 'whole profile', fromUs: p.startTime, toUs: p.endTime }]) {
    const fn = new Map<string, number>();
    const pkg = new Map<string, number>();
    let t = p.startTime;
    let total = 0;
    let idle = 0;
    for (let i = 0; i < p.samples.length; i++) {
      t += p.timeDeltas[i];
      if (t < w.fromUs || t > w.toUs) continue;
      const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
      const node = byId.get(p.samples[i])!;
      const name = node.callFrame.functionName || '(anonymous)';
      if (name === '(idle)' || name === '(program)') {
        idle += name === '(idle)' ? dt : 0;
        if (name === '(idle)') continue;
      }
      total += dt;
      const key = `${name} ${pkgOf(node.callFrame.url)}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
      fn.set(key, (fn.get(key) ?? 0) + dt);
      const k2 = name === '(garbage collector)' ? 'garbage collector' : name === '(program)' ? 'V8/native (program)' : pkgOf(node.callFrame.url);
      pkg.set(k2, (pkg.get(k2) ?? 0) + dt);
    }
    const list = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([what, ms]) => ({ what, ms: Math.round(ms), share: Math.round((ms / Math.max(1, total)) * 1000) / 10 }));
    out[w.name] = { totalMs: Math.round(total), idleMs: Math.round(idle), functions: list(fn), packages: list(pkg) };
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  console.log(JSON.stringify(summarize(process.argv[2], []), null, 2));
}

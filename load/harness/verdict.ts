/**
 * A verdict compares a measured value with its target. When the target is missed it names the
 * bottleneck from the CPU the phase used: the busiest process group, and whether the machine as a
 * whole was out of cores (then the fix is capacity or cost per request, not that one process).
 */
import type { PhaseUsage } from './proc-sampler';

export interface Verdict {
  target: string;
  value: string;
  met: boolean;
  /** Only when missed and the phase's CPU is known. */
  bottleneck?: string;
}

/** Share of all cores busy (ours and others') from which the machine counts as saturated. */
const SATURATED = 0.85;

export function bottleneck<G extends string>(u: PhaseUsage<G>, cpus: number): string {
  const entries = Object.entries<number>(u.cores).filter(([g]) => g !== 'others');
  const ours = entries.reduce((n, [, c]) => n + c, 0);
  const busy = ours + u.cores.others;
  const [top, cores] = entries.sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  const where = `${top} (${cores} cores in phase "${u.phase}")`;
  const load = `${Math.round(busy * 100) / 100} of ${cpus} cores busy, ${u.cores.others} by processes outside the benchmark`;
  if (busy < SATURATED * cpus) return `${where}; ${load}`;
  return u.cores.others >= ours
    ? `CPU: the machine was saturated (${load}), mostly by work outside the benchmark; our busiest: ${where}`
    : `CPU: the machine was saturated (${load}); busiest: ${where}`;
}

export interface VerdictInput<G extends string> {
  target: string;
  value: string;
  met: boolean;
  /** The phase the value was measured in: names the bottleneck when the target is missed. */
  usage?: PhaseUsage<G>;
  cpus: number;
}

export function verdict<G extends string>({ target, value, met, usage, cpus }: VerdictInput<G>): Verdict {
  return met || !usage ? { target, value, met } : { target, value, met, bottleneck: bottleneck(usage, cpus) };
}

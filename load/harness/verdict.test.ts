import { describe, expect, it } from 'vitest';
import type { PhaseUsage } from './proc-sampler';
import { verdict } from './verdict';

const usage = (cores: Record<string, number>): PhaseUsage<'web' | 'worker'> => ({
  phase: 'mixed',
  seconds: 20,
  monoFromUs: 0,
  monoToUs: 20_000_000,
  cores: { web: 0, worker: 0, others: 0, ...cores },
  peakRssMb: { web: 0, worker: 0 },
  peakLargestRssMb: { web: 0, worker: 0 },
});

describe('verdict', () => {
  it('names no bottleneck when the target is met', () => {
    expect(verdict({ target: 't', value: 'v', met: true, usage: usage({ web: 1.9 }), cpus: 2 }).bottleneck).toBeUndefined();
  });

  it('names the busiest group when missed on a machine with cores to spare', () => {
    const v = verdict({ target: 't', value: 'v', met: false, usage: usage({ web: 0.3, worker: 0.6, others: 0.1 }), cpus: 2 });
    expect(v.bottleneck).toBe('worker (0.6 cores in phase "mixed"); 1 of 2 cores busy, 0.1 by processes outside the benchmark');
  });

  it('says the machine was saturated when ours and others together used nearly every core', () => {
    const v = verdict({ target: 't', value: 'v', met: false, usage: usage({ web: 1.1, worker: 0.2, others: 0.5 }), cpus: 2 });
    expect(v.bottleneck).toMatch(/^CPU: the machine was saturated \(1\.8 of 2 cores busy, 0\.5 by processes outside the benchmark\); busiest: web/);
  });

  it('blames work outside the benchmark when it used more of the saturated machine than the benchmark did', () => {
    const v = verdict({ target: 't', value: 'v', met: false, usage: usage({ web: 0.2, worker: 0.1, others: 1.6 }), cpus: 2 });
    expect(v.bottleneck).toMatch(/mostly by work outside the benchmark; our busiest: web \(0\.2 cores/);
  });

  it('cannot name a bottleneck without the phase usage', () => {
    expect(verdict({ target: 't', value: 'v', met: false, cpus: 2 })).toEqual({ target: 't', value: 'v', met: false });
  });
});

import { describe, expect, it } from 'vitest';
import type { MachineState } from './machine';
import { type RunRecord, runHeader } from './markdown';

const machine = (label: string, procLoadavg: string): MachineState => ({ label, at: '', loadavg: [1, 2, 3], procLoadavg, cpus: 2, top: [] });

const run = (over: Partial<RunRecord> = {}): RunRecord => ({
  generatedAt: '2026-12-03T09:00:00.000Z',
  durationSec: 400,
  buildSeconds: 0,
  machine: [machine('before', '0.50 0.40 0.30 1/100 7'), machine('after', '3.10 2.00 1.00 2/120 9')],
  provenance: {
    command: 'npm run bench:x',
    commit: 'abc123',
    uncommitted: [],
    env: { BENCH_USERS: '30' },
    sharedMachine: 'Shared with teammates.',
  },
  ...over,
});

describe('runHeader', () => {
  it('says which commit, settings and load averages produced the report, and that the machine was shared', () => {
    const text = runHeader(run(), 'the bench').join('\n');
    expect(text).toContain('commit `abc123`, no uncommitted changes');
    expect(text).toContain('`BENCH_USERS=30`');
    expect(text).toContain('/proc/loadavg before: `0.50 0.40 0.30 1/100 7`; after: `3.10 2.00 1.00 2/120 9`');
    expect(text).toContain('Shared with teammates.');
  });

  it('lists the files that differed from the commit', () => {
    const r = run();
    r.provenance!.uncommitted = ['server/a.ts', 'server/b.ts'];
    expect(runHeader(r, 'the bench').join('\n')).toContain('uncommitted changes to 2 file(s) (server/a.ts, server/b.ts)');
  });

  it('renders a report written before provenance was recorded without inventing a commit', () => {
    const text = runHeader(run({ provenance: undefined, buildSeconds: undefined }), 'the bench').join('\n');
    expect(text).toContain('commit not recorded by this run');
    expect(text).toContain('none (defaults)');
    expect(text).not.toContain('production build');
  });
});

/**
 * Write isolation (EV5): registrations at a fixed rate alone, then under a read flood; against the
 * CQRS read side and against the CRUD baseline (reads from the PostgreSQL write tables). The writes
 * are the same commands in every phase; only where the flood reads from changes.
 */
import { type StreamSpec, summarize } from '../harness/open-loop';
import { runStreams } from '../harness/run-streams';
import { round } from '../harness/settings';
import { brief, streamInfo, summarizeByTag } from '../harness/stream-summary';
import { CQRS, CRUD, readRequests, registrations } from './requests';
import type { EventsBench, IsolationPhase, IsolationResult } from './types';

/** @param detailsCapacity closed-loop req/s of CQRS details measured in the same run (the default flood is a share of it). */
export async function isolation({ stack, cfg, data, settle }: EventsBench, detailsCapacity: number | undefined): Promise<IsolationResult> {
  const iso = cfg.isolation;
  const capacity = detailsCapacity ?? 200;
  const floodRate = iso.floodRate > 0 ? iso.floodRate : Math.max(50, Math.round((capacity * iso.floodShareOfCapacity) / 10) * 10);
  const writes = (seconds = iso.seconds, rate = iso.writeRate): StreamSpec => ({
    name: 'writes',
    baseUrl: stack.base,
    mode: 'open',
    ratePerSec: rate,
    durationMs: seconds * 1000,
    requests: registrations(data, rate * seconds, data.users.length),
    connections: iso.writers,
    timeoutMs: cfg.timeoutMs,
  });
  const flood = (prefix: string, mode: 'open' | 'closed', upcomingShare: number, seconds = iso.seconds): StreamSpec => ({
    name: `flood-${mode}`,
    baseUrl: stack.base,
    mode,
    ratePerSec: mode === 'open' ? floodRate : undefined,
    concurrency: mode === 'closed' ? iso.floodReaders : undefined,
    durationMs: seconds * 1000,
    requests: readRequests(data, Math.max(5000, floodRate * seconds), upcomingShare, prefix),
    connections: iso.floodReaders,
    timeoutMs: cfg.timeoutMs,
  });
  const share = cfg.mixed.upcomingShare;
  const low = iso.lowWriteRate;
  const closed = iso.closedFloodSeconds;
  const plan: [string, () => StreamSpec[]][] = [
    ['cqrs-alone', () => [writes()]],
    ['cqrs-with-reads', () => [writes(), flood(CQRS, 'open', share)]],
    ['crud-alone', () => [writes()]],
    ['crud-with-reads', () => [writes(), flood(CRUD, 'open', share)]],
    ['cqrs-with-details-flood', () => [writes(), flood(CQRS, 'open', 0)]],
    ['crud-with-details-flood', () => [writes(), flood(CRUD, 'open', 0)]],
    ...(low > 0
      ? ([
          [`cqrs-alone-${low}`, () => [writes(iso.seconds, low)]],
          [`cqrs-with-reads-${low}`, () => [writes(iso.seconds, low), flood(CQRS, 'open', share)]],
          [`crud-alone-${low}`, () => [writes(iso.seconds, low)]],
          [`crud-with-reads-${low}`, () => [writes(iso.seconds, low), flood(CRUD, 'open', share)]],
        ] as [string, () => StreamSpec[]][])
      : []),
    ...(iso.closedFlood
      ? ([
          ['cqrs-with-closed-flood', () => [writes(closed), flood(CQRS, 'closed', 0, closed)]],
          ['crud-with-closed-flood', () => [writes(closed), flood(CRUD, 'closed', 0, closed)]],
        ] as [string, () => StreamSpec[]][])
      : []),
  ];
  const phases: Record<string, IsolationPhase> = {};
  for (const [name, specs] of plan) {
    stack.say(`write isolation: ${name}`);
    stack.sampler.beginPhase(`iso-${name}`);
    const [w, f] = await runStreams(specs());
    const usage = stack.sampler.endPhase();
    const ws = summarize(w.samples, w.elapsedMs);
    const fs = f && summarize(f.samples, f.elapsedMs);
    stack.say(`  -> ${brief('writes', ws)}${fs ? `; ${brief('reads', fs)}` : ''}`);
    const tags = f && summarizeByTag(f);
    phases[name] = {
      writes: { ...streamInfo(w), ...ws },
      ...(f && fs && tags
        ? {
            reads: {
              ...streamInfo(f),
              label: f.mode === 'closed' ? 'closed-loop flood' : 'open-loop flood',
              details: tags.details,
              upcoming: tags.upcoming,
              all: fs,
            },
          }
        : {}),
      usage,
    };
    await settle();
  }
  const ratio = (withReads: string, alone: string) => round((phases[withReads]?.writes.p95 ?? NaN) / (phases[alone]?.writes.p95 ?? NaN), 2);
  return {
    floodRate,
    floodRateRule: iso.floodRate > 0 ? 'BENCH_FLOOD_RATE' : `${iso.floodShareOfCapacity} x closed-loop details capacity (${capacity} req/s)`,
    phases,
    ratios: {
      cqrs: ratio('cqrs-with-reads', 'cqrs-alone'),
      crud: ratio('crud-with-reads', 'crud-alone'),
      cqrsDetailsFlood: ratio('cqrs-with-details-flood', 'cqrs-alone'),
      crudDetailsFlood: ratio('crud-with-details-flood', 'crud-alone'),
      ...(low > 0
        ? { cqrsLowRate: ratio(`cqrs-with-reads-${low}`, `cqrs-alone-${low}`), crudLowRate: ratio(`crud-with-reads-${low}`, `crud-alone-${low}`) }
        : {}),
      ...(iso.closedFlood
        ? { cqrsClosedFlood: ratio('cqrs-with-closed-flood', 'cqrs-alone'), crudClosedFlood: ratio('crud-with-closed-flood', 'crud-alone') }
        : {}),
    },
  };
}

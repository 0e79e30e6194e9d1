/**
 * `npm run bench:events`: the events context under load (EV4, EV5). Not a test: it writes
 * docs/reports/events-bench.md and docs/reports/events-bench.json (BENCH_REPORT_DIR: elsewhere).
 *
 * Self-contained (load/harness/stack.ts): its own production build (.next-bench), a fresh data
 * directory, its own ports (PostgreSQL 54349, the read store's PostgreSQL 54348, read store 27049,
 * web 3049), migrate, seed, web + worker (the web process runs with QUADRANT_BASELINE=1 for the
 * whole run), 200 events and 300 users prepared through the command handlers, then the scenarios
 * (load/events/*), then everything it started is stopped (by pid) and the data removed.
 *
 * Scenarios (latencies open-loop at a stated arrival rate, measured from each request's intended
 * start, i.e. corrected for coordinated omission; see load/harness/open-loop.ts):
 *   0. closed-loop max throughput of details and upcoming (autocannon), labelled closed-loop;
 *   1. mixed: readers (details + upcoming) vs registrants, both open-loop, at the same time;
 *   2. write isolation: registrations at a fixed rate alone, then with a flood of 200 readers;
 *      the same against the CRUD baseline (app/api/baseline, reads from the PostgreSQL write tables);
 *   3. projection lag: command response -> visible in GET /api/queries/events/{id} (polled);
 *   4. RSS and CPU per process tree, sampled every 500 ms throughout.
 * Knobs: BENCH_* environment variables (load/events/settings.ts).
 */
import { peakOf } from './harness/proc-sampler';
import { writeReport } from './harness/report';
import { runStreams } from './harness/run-streams';
import { runBench } from './harness/stack';
import { closedLoop } from './events/closed-loop';
import { isolation } from './events/isolation';
import { mixed } from './events/mixed';
import { caughtUp, prepare } from './events/prepare';
import { projectionLag } from './events/projection-lag';
import { renderEventsMarkdown } from './events/report';
import { CQRS, CRUD, readRequests, registrations } from './events/requests';
import { eventsSettings, eventsTargets } from './events/settings';
import { sqlEvidence } from './events/sql-evidence';
import type { EventsBench, EventsReport } from './events/types';
import { unloadedProbes } from './events/unloaded-probes';
import { judgeEvents } from './events/verdicts';

const cfg = eventsSettings();

runBench(
  {
    name: 'events',
    command: 'npm run bench:events (load/bench-events.ts)',
    ports: cfg.ports,
    pgFast: cfg.pgFast,
    seed: true,
    appEnv: { QUADRANT_BASELINE: '1' },
    cpuProfileDir: cfg.cpuProfileDir,
    requestTimeoutMs: cfg.timeoutMs,
  },
  async (stack) => {
    await stack.start();
    if (cfg.cpuProfileDir) stack.say(`CPU profiling web and worker into ${cfg.cpuProfileDir} (numbers are not representative)`);
    await stack.startApp();
    const data = await prepare(stack, cfg);
    const bench: EventsBench = { stack, cfg, data, settle: () => stack.settle(() => caughtUp(stack, data), 1000) };

    // Warm-up (not measured): route modules load, JIT, connection pools fill.
    stack.say(`warm-up ${cfg.warmupSeconds} s`);
    const warm = { baseUrl: stack.base, mode: 'open' as const, durationMs: cfg.warmupSeconds * 1000, connections: 50, timeoutMs: cfg.timeoutMs };
    await runStreams([
      { ...warm, name: 'warmup-reads', ratePerSec: 100, requests: [...readRequests(data, 400, 0.2, CQRS), ...readRequests(data, 400, 0.2, CRUD)] },
      { ...warm, name: 'warmup-writes', ratePerSec: 20, requests: registrations(data, 20 * cfg.warmupSeconds, data.users.length) },
    ]);
    await bench.settle();

    stack.say('unloaded probes (sequential, one connection)');
    const unloaded = await unloadedProbes(bench);
    await bench.settle();
    const closed = await closedLoop(bench);
    // The stated level (judged against the targets), then a lighter one that shows what this machine sustains.
    const mixedStated = await mixed(bench, { phase: 'mixed', readRate: cfg.mixed.readRate, writeRate: cfg.mixed.writeRate });
    const mixedLight =
      cfg.mixed.lightReadRate > 0
        ? await mixed(bench, { phase: 'mixed-light', readRate: cfg.mixed.lightReadRate, writeRate: cfg.mixed.lightWriteRate })
        : undefined;
    const iso = await isolation(bench, closed.details?.requestsPerSec);
    const lag = await projectionLag(bench);
    const sql = await sqlEvidence();

    const run = stack.finish();
    const points = stack.sampler.points;
    const report: Omit<EventsReport, 'verdicts'> = {
      ...run,
      config: cfg,
      targets: eventsTargets,
      setup: {
        node: process.version,
        readStore: stack.readStore(),
        postgres: `embedded PostgreSQL 17${cfg.pgFast ? ' (fsync off)' : ' (fsync on, default durability)'}`,
        webEnv: 'next start (production build), QUADRANT_BASELINE=1, PG_POOL_SIZE default 20, Mongo maxPoolSize 50',
        worker: 'node --import tsx workers/index.ts (one process)',
        loadGenerator: 'load/harness/open-loop.ts in worker threads (one per stream) + autocannon for closed-loop runs, same machine',
      },
      results: { unloaded, closedLoop: closed, mixed: mixedStated, mixedLight, isolation: iso, projectionLag: lag, sql },
      rss: {
        points: points.length,
        peakTreeMb: peakOf(points.map((p) => p.tree)),
        peakLargestProcessMb: peakOf(points.map((p) => p.largest)),
        /** One point every ~5 s, for the report's timeline. */
        timeline: points.filter((_, i) => i % 10 === 0),
      },
    };
    const verdicts = judgeEvents(report, run.machine[0].cpus);
    const written = writeReport('events-bench', { ...report, verdicts }, renderEventsMarkdown);
    stack.say(`wrote ${written}.md and .json (${report.durationSec} s)`);
    for (const v of verdicts) stack.say(`${v.met ? 'MET   ' : 'MISSED'} ${v.target}: ${v.value}${v.bottleneck ? ` [bottleneck: ${v.bottleneck}]` : ''}`);
  },
);

/** Renders docs/reports/events-bench.md from the benchmark's JSON report (see load/bench-events.ts). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cpuTable, errs, runHeader, table, targetsTable } from '../harness/markdown';
import type { Summary } from '../harness/open-loop';
import { rerenderWhenRun } from '../harness/report';
import type { StreamInfo } from '../harness/stream-summary';
import type { EventsReport, IsolationPhase, PlanNode } from './types';

const lat = (s: Summary) => [s.p50, s.p95, s.p99, s.max];

export function renderEventsMarkdown(r: EventsReport): string {
  const res = r.results;
  const out: string[] = [];
  const before = r.machine[0];
  const after = r.machine[r.machine.length - 1];
  out.push('# Events benchmark (EV4, EV5)');
  out.push('');
  out.push(...runHeader(r, '`npm run bench:events` (load/bench-events.ts)'));
  out.push('');
  out.push(
    'The "others" column below is CPU used by processes that are not part of this benchmark (teammates\' builds and tests): ' +
      'numbers from phases where it is high are noisier.',
  );
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(targetsTable(r.verdicts));
  out.push('');
  out.push('## Setup');
  out.push('');
  for (const [k, v] of Object.entries(r.setup)) out.push(`- ${k}: ${v}`);
  out.push(
    `- data: ${r.config.events} events (capacity 5000), ${r.config.users} users with bearer tokens, created through the command handlers; ` +
      'every registration is a distinct (user, event) pair, so no request is refused by a business rule.',
  );
  out.push(
    "- latency: open-loop at the stated arrival rate, measured from each request's intended start (coordinated omission " +
      'corrected); "connections" caps concurrent requests per stream (the concurrent users), and a request waiting for a ' +
      'free connection is still on the clock. Closed-loop numbers are labelled as such.',
  );
  out.push('');

  // Mixed
  out.push(`## 1. Mixed: readers vs registrants (open loop, at the same time, ${r.config.mixed.seconds} s each level)`);
  out.push('');
  const mixedRows: unknown[][] = [];
  for (const [level, m] of [
    ['stated (judged)', res.mixed],
    ['light', res.mixedLight],
  ] as const) {
    if (!m) continue;
    const streams: [string, StreamInfo, number, [string, Summary | undefined][]][] = [
      [
        'readers',
        m.readers,
        m.readers.perSecondPerReader,
        [
          ['details', m.readers.details],
          ['upcoming', m.readers.upcoming],
        ],
      ],
      ['registrants', m.registrants, m.registrants.perSecondPerRegistrant, [['register', m.registrants.register]]],
    ];
    for (const [who, s, each, tags] of streams) {
      for (const [tag, t] of tags) {
        if (!t) continue;
        mixedRows.push([
          level,
          `${tag} (${who})`,
          `${s.ratePerSec}/s total (${each}/s each)`,
          `${s.connections} (max in flight ${s.maxInFlight})`,
          t.count,
          t.throughputPerSec,
          ...lat(t),
          errs(t.errors),
        ]);
      }
    }
  }
  out.push(table(['level', 'request', 'arrival rate', 'concurrent users', 'requests', 'ok/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'], mixedRows));
  out.push('');
  out.push(
    `Reads: ${Math.round((1 - r.config.mixed.upcomingShare) * 100)} % event details (random among ${r.config.events}), ${Math.round(r.config.mixed.upcomingShare * 100)} % the upcoming list (first page). ` +
      `Load generator timer lateness p99 (stated level): reads ${res.mixed.readers.schedulerLateP99Ms} ms, writes ${res.mixed.registrants.schedulerLateP99Ms} ms (counted in the latencies).`,
  );
  out.push('');

  // Isolation
  const iso = res.isolation;
  out.push('## 2. Write isolation (EV5): registrations at a fixed rate, alone vs under a read flood');
  out.push('');
  const isoRows: unknown[][] = [];
  for (const [name, ph] of Object.entries<IsolationPhase>(iso.phases)) {
    const w = ph.writes;
    const f = ph.reads;
    isoRows.push([
      name,
      `${w.ratePerSec}/s`,
      f ? `${f.label}: ${f.mode === 'open' ? `${f.ratePerSec}/s over ${f.connections} conns` : `${f.concurrency} conns`}` : 'none',
      f ? f.all.throughputPerSec : '',
      f ? `${f.details?.p99 ?? ''} / ${f.upcoming?.p99 ?? ''}` : '',
      ...lat(w),
      errs(w.errors),
    ]);
  }
  out.push(
    table(
      ['phase', 'write rate', 'read flood', 'reads ok/s', 'read p99 ms details / upcoming', 'write p50', 'write p95', 'write p99', 'write max', 'write errors'],
      isoRows,
    ),
  );
  out.push('');
  out.push(
    `Flood: ${r.config.isolation.floodReaders} connections, open loop at ${iso.floodRate} req/s (${iso.floodRateRule}); ` +
      `"with-reads" floods use the mixed read mix (${Math.round(r.config.mixed.upcomingShare * 100)} % upcoming), "details-flood" only event details.`,
  );
  out.push('');
  out.push(
    `Ratio p95(with reads) / p95(alone): **CQRS ${iso.ratios.cqrs}**, CRUD baseline ${iso.ratios.crud}; ` +
      `details-only flood: CQRS ${iso.ratios.cqrsDetailsFlood}, CRUD ${iso.ratios.crudDetailsFlood}` +
      (iso.ratios.cqrsLowRate !== undefined
        ? `; at ${r.config.isolation.lowWriteRate} writes/s: CQRS ${iso.ratios.cqrsLowRate}, CRUD ${iso.ratios.crudLowRate}`
        : '') +
      (iso.ratios.cqrsClosedFlood !== undefined
        ? `; saturating closed-loop flood: CQRS ${iso.ratios.cqrsClosedFlood}, CRUD ${iso.ratios.crudClosedFlood}.`
        : '.'),
  );
  out.push('');
  out.push(
    'CRUD baseline: `GET /api/baseline/events/{id}` and `/upcoming` (server/baseline/, benchmark-only, 404 unless ' +
      'QUADRANT_BASELINE=1) answer the same JSON from the PostgreSQL write tables with Drizzle; the writes are the same ' +
      'CQRS commands in every phase, only where the flood reads from changes.',
  );
  out.push('');

  // Lag
  const lagR = res.projectionLag;
  out.push('## 3. Projection lag');
  out.push('');
  out.push(`${lagR.label}.`);
  out.push('');
  out.push(
    table(
      ['registrations', 'measured', 'not visible in 5 s', 'errors', 'lag p50 ms', 'lag p95 ms', 'lag p99 ms', 'lag max ms', 'command p99 ms'],
      [
        [
          lagR.registrations,
          lagR.measured,
          lagR.notVisibleWithin5s,
          errs(lagR.errors),
          lagR.lagMs.p50,
          lagR.lagMs.p95,
          lagR.lagMs.p99,
          lagR.lagMs.max,
          lagR.commandLatencyMs.p99,
        ],
      ],
    ),
  );
  out.push('');

  // Closed loop
  out.push('## 4. Closed-loop max throughput (autocannon; latency NOT corrected for coordinated omission)');
  out.push('');
  out.push(
    table(
      ['route', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'CPU ms per request: web / ferretdb / read-store pg / write pg / load gen'],
      Object.entries(res.closedLoop).map(([name, c]) => [
        name,
        c.connections,
        c.requestsPerSec,
        c.latencyMs.p50,
        c.latencyMs.p99,
        c.non2xx + c.errors,
        `${c.cpuMsPerRequest.web} / ${c.cpuMsPerRequest.ferretdb} / ${c.cpuMsPerRequest.readPostgres} / ${c.cpuMsPerRequest.postgres} / ${c.cpuMsPerRequest.bench}`,
      ]),
    ),
  );
  out.push('');

  // Unloaded
  const u = res.unloaded;
  out.push('## 5. Unloaded latency, one request at a time (where the time goes)');
  out.push('');
  out.push('"store" rows call the product\'s query handlers (and the baseline\'s SQL) directly from the bench process, without HTTP or Next.js.');
  out.push('');
  out.push(
    table(
      ['what', 'p50 ms', 'p95 ms', 'p99 ms'],
      [
        ...Object.entries(u.store).map(([k, v]) => [`store: ${k}`, v.p50, v.p95, v.p99]),
        ...Object.entries(u.http).map(([k, v]) => [`HTTP: ${k}`, v.p50, v.p95, v.p99]),
      ],
    ),
  );
  out.push('');

  const shape = u.upcomingQueryShape;
  if (shape) {
    const nodes: string[] = [];
    const walk = (n: PlanNode | null | undefined) => {
      if (!n) return;
      nodes.push(`${n['Node Type']}${n['Index Name'] ? ` (${n['Index Name']})` : ''}`);
      for (const c of n.Plans ?? []) walk(c);
    };
    walk(shape.plan);
    const plan = nodes.length ? nodes.join(' > ') : 'n/a';
    out.push(
      `One first-page upcoming request sends ${shape.finds.length} find command(s) to the read store ` +
        `(documents returned: ${shape.finds.map((f) => f.returned).join(', ')}); the first one: \`${JSON.stringify(shape.finds[0]?.filter ?? {})}\`, ` +
        `pushdown ${JSON.stringify(shape.pushdown)}, PostgreSQL plan under FerretDB: ${plan}.`,
    );
    out.push('');
  }

  // CPU and RSS
  out.push('## 6. CPU (cores, averaged over each phase) and memory');
  out.push('');
  out.push(cpuTable(r.phases));
  out.push('');
  const webShape =
    r.rss.peakTreeMb.web === r.rss.peakLargestProcessMb.web
      ? '`next start` runs as one process here'
      : `\`next start\` parent + server child; largest single process ${r.rss.peakLargestProcessMb.web} MB`;
  out.push(
    `Peak RSS over the whole run (sampled every 500 ms from /proc/<pid>/status VmRSS, summed over each process tree): ` +
      `web ${r.rss.peakTreeMb.web} MB (${webShape}), worker ${r.rss.peakTreeMb.worker} MB, FerretDB ${r.rss.peakTreeMb.ferretdb} MB, ` +
      `load generator ${r.rss.peakTreeMb.bench} MB. The PostgreSQL sums (write ${r.rss.peakTreeMb.postgres} MB, read store ` +
      `${r.rss.peakTreeMb.readPostgres} MB) count shared buffers once per backend, so they overstate; their largest single ` +
      `process was ${r.rss.peakLargestProcessMb.postgres} / ${r.rss.peakLargestProcessMb.readPostgres} MB.`,
  );
  out.push('');

  // SQL evidence
  out.push('## 7. SQL evidence (after the run)');
  out.push('');
  out.push(
    table(
      ['table', 'rows', 'size'],
      res.sql.rows.map((t) => [t.table, t.rows, t.size]),
    ),
  );
  out.push('');
  for (const k of ['opsQueueDepth', 'opsLag', 'readEventsAfter'] as const) {
    const lines = res.sql[k];
    out.push(`${k}:`);
    out.push('```');
    out.push(...lines);
    out.push('```');
  }
  out.push('');

  const findings = path.join(import.meta.dirname, 'findings.md');
  if (existsSync(findings)) {
    const notes = readFileSync(findings, 'utf8').trim().split('\n');
    // The notes are hand-written for one run: say so, so their numbers are not read as this run's.
    out.push(
      notes[0],
      '',
      `> Kept for their reasoning: the numbers quoted below are from the run named in this heading, not from the run of ${r.generatedAt} above.`,
    );
    out.push(...notes.slice(1));
    out.push('');
  }
  out.push(`Busiest processes just before the run (ps, lifetime-average %CPU, includes this benchmark): ${before.top.slice(0, 6).join('; ')}`);
  out.push('');
  out.push(`Busiest processes at the end (this benchmark's stack still running): ${after.top.slice(0, 6).join('; ')}`);
  out.push('');
  return out.join('\n');
}

// `npx tsx load/events/report.ts` re-renders the markdown from the JSON (e.g. after editing the findings).
rerenderWhenRun(import.meta, 'events-bench', renderEventsMarkdown);

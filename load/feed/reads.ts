/** Feed reads: a few one at a time (where the time goes), then every persona group at once, open loop. */
import { performance } from 'node:perf_hooks';
import { percentile, type RequestSpec, type StreamSpec, summarize } from '../harness/open-loop';
import { cpuMsPerRequest } from '../harness/proc-sampler';
import { runStreams } from '../harness/run-streams';
import { round } from '../harness/settings';
import { feedPath, readPage } from './personas';
import type { Strategy } from './settings';
import type { FeedBench, GroupSummary, PageReads, StrategyResult } from './types';

export async function unloadedReads(bench: FeedBench, strategy: Strategy): Promise<NonNullable<StrategyResult['unloaded']>> {
  const out: NonNullable<StrategyResult['unloaded']> = {};
  for (const [g, list] of Object.entries(bench.personas)) {
    const times: number[] = [];
    const n = strategy === 'pull' ? 5 : 40;
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await readPage(bench, list[i % list.length]);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    out[g] = { n, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times[times.length - 1]) };
  }
  bench.stack.say(`  unloaded first page: ${JSON.stringify(out)}`);
  return out;
}

/** The first page or the deep page, one open-loop stream per persona group, all at once. */
export async function pageReads({ stack, cfg, personas }: FeedBench, strategy: Strategy, page: 'first' | 'deep'): Promise<PageReads> {
  const rate = strategy === 'pull' ? cfg.read.pullRate : cfg.read.rate;
  const seconds = strategy === 'pull' ? cfg.read.pullSeconds : cfg.read.seconds;
  const specs: StreamSpec[] = Object.entries(personas)
    .map(([g, list]): StreamSpec => {
      const requests: RequestSpec[] = list
        .filter((p) => page === 'first' || p.deepCursor)
        .map((p) => ({
          method: 'GET',
          path: feedPath(cfg.read.limit, page === 'first' ? null : p.deepCursor),
          headers: { authorization: `Bearer ${p.token}` },
          tag: g,
        }));
      return {
        name: `${strategy}-${page}-${g}`,
        baseUrl: stack.base,
        mode: 'open',
        ratePerSec: rate,
        durationMs: seconds * 1000,
        requests,
        connections: cfg.read.connections,
        timeoutMs: cfg.timeoutMs,
      };
    })
    .filter((s) => s.requests.length > 0);
  stack.say(`  ${page} page: ${specs.length} groups at ${rate}/s each for ${seconds} s`);
  stack.sampler.beginPhase(`${strategy}: ${page} page`);
  const streams = await runStreams(specs);
  const usage = stack.sampler.endPhase();
  const groups: Record<string, GroupSummary> = {};
  for (const s of streams)
    groups[s.samples[0]?.tag ?? s.name] = {
      ...summarize(s.samples, s.elapsedMs),
      ratePerSec: rate,
      maxInFlight: s.maxInFlight,
      schedulerLateP99Ms: round(s.schedulerLateP99),
    };
  for (const [g, s] of Object.entries(groups))
    stack.say(`    ${g}: p50 ${s.p50} p95 ${s.p95} p99 ${s.p99} max ${s.max} ms, errors ${JSON.stringify(s.errors)}`);
  const total = streams.reduce((n, s) => n + s.samples.length, 0);
  const f10 = groups.follows10?.p99;
  const f5000 = groups.follows5000?.p99;
  return {
    rate,
    seconds,
    groups,
    usage,
    cpuMsPerRequest: cpuMsPerRequest(usage, total, ['web', 'ferretdb', 'readPostgres', 'bench']),
    ...(f10 && f5000 ? { ratio5000to10: round(f5000 / f10, 2) } : {}),
  };
}

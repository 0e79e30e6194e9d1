/** What the reports keep of an open-loop stream: its shape, and its latencies per request tag. */
import { type StreamResult, type Summary, summarize } from './open-loop';
import { round } from './settings';

export interface StreamInfo {
  name: string;
  mode: 'open' | 'closed';
  ratePerSec?: number;
  concurrency?: number;
  connections: number;
  durationSec: number;
  scheduled: number;
  maxInFlight: number;
  schedulerLateP99Ms: number;
  schedulerLateMaxMs: number;
}

export function streamInfo(r: StreamResult): StreamInfo {
  return {
    name: r.name,
    mode: r.mode,
    ratePerSec: r.ratePerSec,
    concurrency: r.concurrency,
    connections: r.connections,
    durationSec: r.durationMs / 1000,
    scheduled: r.scheduled,
    maxInFlight: r.maxInFlight,
    schedulerLateP99Ms: round(r.schedulerLateP99),
    schedulerLateMaxMs: round(r.schedulerLateMax),
  };
}

/** One summary per request tag (e.g. details, upcoming). */
export function summarizeByTag(r: StreamResult): Record<string, Summary> {
  const out: Record<string, Summary> = {};
  for (const tag of new Set(r.samples.map((s) => s.tag)))
    out[tag] = summarize(
      r.samples.filter((s) => s.tag === tag),
      r.elapsedMs,
    );
  return out;
}

/** One log line for a summary. */
export const brief = (tag: string, t: Summary) =>
  `${tag}: ${t.count} req, ${t.throughputPerSec} ok/s, p50 ${t.p50} p95 ${t.p95} p99 ${t.p99} max ${t.max} ms, errors ${JSON.stringify(t.errors)}`;

/**
 * A small open-loop HTTP load generator, corrected for coordinated omission.
 *
 * Open loop: request i is due at `start + i / rate`, whatever happened to the requests before it;
 * a slow answer never delays the next send (a closed loop would wait, and so hide the queue that
 * built up while it waited). Latency is measured from the request's INTENDED start, so time spent
 * waiting for a free connection, or behind a late timer, counts against the system as a real
 * client would feel it. `service` (from the actual send) is kept too, to show how much of the
 * latency was queueing.
 *
 * `connections` caps the sockets (the "concurrent users"); requests beyond it wait for a socket,
 * and that wait is part of their latency. A `closed` mode (N loops sending back to back) exists
 * for floods and max-throughput runs; its numbers are labelled closed-loop wherever reported.
 *
 * Plain node:http with a keep-alive agent: cheaper per request than fetch on Node 20, and the pool
 * size is explicit. Designed to run inside a worker thread (load/load-worker.ts) so that each load
 * stream has its own event loop and one stream's response handling does not delay another's sends.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Groups results (e.g. "details", "upcoming"). */
  tag: string;
}

export interface StreamSpec {
  name: string;
  baseUrl: string;
  mode: 'open' | 'closed';
  /** open: requests per second (constant arrival rate). */
  ratePerSec?: number;
  /** closed: number of loops sending back to back. */
  concurrency?: number;
  durationMs: number;
  /** Cycled in order: request i uses requests[i % length]. */
  requests: RequestSpec[];
  /** Socket pool size (open mode); closed mode uses `concurrency`. */
  connections: number;
  timeoutMs: number;
  /** Wall-clock (Date.now()) time to start at, so streams in different threads line up. */
  startAtEpochMs?: number;
  /** Keep response bodies (only for small runs that need them). */
  keepBodies?: boolean;
}

export interface Sample {
  /** Intended start, ms after the stream's start. */
  t: number;
  /** ms from intended start to the end of the response body (open loop; closed: from send). */
  latency: number;
  /** ms from the actual send to the end of the response body. */
  service: number;
  /** HTTP status; 0 = network error or timeout. */
  status: number;
  tag: string;
  index: number;
  body?: string;
  error?: string;
}

export interface StreamResult {
  name: string;
  mode: 'open' | 'closed';
  ratePerSec?: number;
  concurrency?: number;
  connections: number;
  durationMs: number;
  /** Wall time from the first send to the last answer. */
  elapsedMs: number;
  scheduled: number;
  samples: Sample[];
  /** Most requests in flight (sent or waiting for a socket) at once. */
  maxInFlight: number;
  /** How late the scheduler fired requests (ms): shows whether the load generator kept up. */
  schedulerLateP99: number;
  schedulerLateMax: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function doRequest(agent: http.Agent, base: URL, spec: RequestSpec, timeoutMs: number, keepBody: boolean) {
  return new Promise<{ status: number; sentAt: number; body?: string; error?: string }>((resolve) => {
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = Buffer.byteLength(spec.body);
    }
    let sentAt = performance.now();
    let done = false;
    const finish = (r: { status: number; body?: string; error?: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...r, sentAt });
    };
    const req = http.request({ agent, host: base.hostname, port: base.port, method: spec.method, path: spec.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => keepBody && chunks.push(c));
      res.on('end', () => finish({ status: res.statusCode ?? 0, body: keepBody ? Buffer.concat(chunks).toString('utf8') : undefined }));
      res.on('error', (e) => finish({ status: 0, error: e.message }));
    });
    // The socket is assigned when the agent has a free one: that is the actual send.
    req.on('socket', () => (sentAt = performance.now()));
    req.on('error', (e) => finish({ status: 0, error: e.message }));
    const timer = setTimeout(() => {
      finish({ status: 0, error: `timeout after ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    if (spec.body !== undefined) req.write(spec.body);
    req.end();
  });
}

export async function runStream(spec: StreamSpec): Promise<StreamResult> {
  const base = new URL(spec.baseUrl);
  const sockets = spec.mode === 'closed' ? (spec.concurrency ?? 1) : spec.connections;
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, scheduling: 'fifo' });
  if (spec.startAtEpochMs) await sleep(Math.max(0, spec.startAtEpochMs - Date.now()));
  const samples: Sample[] = [];
  const late: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const t0 = performance.now();
  let lastEnd = t0;
  const pending = new Set<Promise<void>>();

  const fire = (index: number, intended: number) => {
    const req = spec.requests[index % spec.requests.length];
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const p = doRequest(agent, base, req, spec.timeoutMs, spec.keepBodies ?? false).then((r) => {
      const end = performance.now();
      lastEnd = Math.max(lastEnd, end);
      inFlight--;
      samples.push({
        t: intended - t0,
        latency: end - intended,
        service: end - r.sentAt,
        status: r.status,
        tag: req.tag,
        index,
        ...(r.body !== undefined ? { body: r.body } : {}),
        ...(r.error ? { error: r.error } : {}),
      });
    });
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p;
  };

  let scheduled = 0;
  if (spec.mode === 'open') {
    const rate = spec.ratePerSec ?? 1;
    const intervalMs = 1000 / rate;
    const total = Math.floor((spec.durationMs / 1000) * rate);
    while (scheduled < total) {
      const now = performance.now();
      // Fire everything that is due (several at once if the timer woke late).
      while (scheduled < total && t0 + scheduled * intervalMs <= now) {
        const intended = t0 + scheduled * intervalMs;
        late.push(now - intended);
        fire(scheduled, intended);
        scheduled++;
      }
      if (scheduled < total) await sleep(Math.max(0, t0 + scheduled * intervalMs - performance.now()));
    }
  } else {
    const deadline = t0 + spec.durationMs;
    let next = 0;
    const loop = async () => {
      while (performance.now() < deadline) {
        const i = next++;
        await fire(i, performance.now());
      }
    };
    await Promise.all(Array.from({ length: spec.concurrency ?? 1 }, loop));
    scheduled = next;
  }
  await Promise.all([...pending]);
  agent.destroy();
  late.sort((a, b) => a - b);
  samples.sort((a, b) => a.index - b.index);
  return {
    name: spec.name,
    mode: spec.mode,
    ratePerSec: spec.ratePerSec,
    concurrency: spec.concurrency,
    connections: sockets,
    durationMs: spec.durationMs,
    elapsedMs: lastEnd - t0,
    scheduled,
    samples,
    maxInFlight,
    schedulerLateP99: late.length ? late[Math.min(late.length - 1, Math.floor(late.length * 0.99))] : 0,
    schedulerLateMax: late.length ? late[late.length - 1] : 0,
  };
}

/** Percentile by nearest rank over a sorted array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Summary {
  count: number;
  ok: number;
  /** Non-2xx answers by status, plus "network" for errors and timeouts. */
  errors: Record<string, number>;
  throughputPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** p99 of the time from the actual send (no queueing in the client pool). */
  serviceP99: number;
}

/** Summarises samples (all answers, errors included, count in the latency distribution). */
export function summarize(samples: Sample[], elapsedMs: number): Summary {
  const lat = samples.map((s) => s.latency).sort((a, b) => a - b);
  const svc = samples.map((s) => s.service).sort((a, b) => a - b);
  const errors: Record<string, number> = {};
  let ok = 0;
  for (const s of samples) {
    if (s.status >= 200 && s.status < 300) ok++;
    else {
      const k = s.status === 0 ? 'network' : String(s.status);
      errors[k] = (errors[k] ?? 0) + 1;
    }
  }
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    count: samples.length,
    ok,
    errors,
    throughputPerSec: r(ok / (elapsedMs / 1000)),
    p50: r(percentile(lat, 50)),
    p95: r(percentile(lat, 95)),
    p99: r(percentile(lat, 99)),
    max: r(lat[lat.length - 1] ?? NaN),
    mean: r(lat.reduce((a, b) => a + b, 0) / Math.max(1, lat.length)),
    serviceP99: r(percentile(svc, 99)),
  };
}

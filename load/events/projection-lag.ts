/**
 * Registrations at a moderate fixed rate; after each 201, GET the event's details (no token)
 * every `pollMs` until its version reaches the one this registration produced. Lag = first
 * response showing it - command response received (an upper bound, by up to one poll).
 */
import { performance } from 'node:perf_hooks';
import { percentile } from '../harness/open-loop';
import { pooled, round, sleep } from '../harness/settings';
import { registrations } from './requests';
import type { EventsBench, ProjectionLagResult } from './types';

export async function projectionLag({ stack, cfg, data }: EventsBench): Promise<ProjectionLagResult> {
  const { count, rate, pollMs } = cfg.lag;
  stack.say(`projection lag: ${count} registrations at ${rate}/s, polling every ${pollMs} ms`);
  // Current versions (the read model is caught up: the bench settled before).
  const version = new Map<string, number>();
  await pooled(data.eventIds.length, 16, async (i) => {
    const r = await stack.request('GET', `/api/queries/events/${data.eventIds[i]}`);
    version.set(data.eventIds[i], (JSON.parse(r.body) as { version: number }).version);
  });
  const regs = registrations(data, count, data.users.length);
  const lags: number[] = [];
  const commandLat: number[] = [];
  const errors: Record<string, number> = {};
  let polls = 0;
  let timeouts = 0;
  stack.sampler.beginPhase('projection-lag');
  const t0 = performance.now();
  const tasks: Promise<void>[] = [];
  for (let i = 0; i < regs.length; i++) {
    const due = t0 + (i * 1000) / rate;
    await sleep(Math.max(0, due - performance.now()));
    const spec = regs[i];
    const body = JSON.parse(spec.body!) as { eventId: string };
    tasks.push(
      (async () => {
        const r = await stack.request('POST', spec.path, spec.headers, body).catch(() => null);
        if (!r) {
          errors.network = (errors.network ?? 0) + 1;
          return;
        }
        const committed = performance.now();
        commandLat.push(committed - due);
        if (r.status !== 201) {
          errors[String(r.status)] = (errors[String(r.status)] ?? 0) + 1;
          return;
        }
        // Registrations of one event are spaced (distinct events in turn), so versions advance by one.
        const expected = (version.get(body.eventId) ?? 0) + 1;
        version.set(body.eventId, expected);
        const deadline = committed + 5000;
        for (;;) {
          polls++;
          const g = await stack.request('GET', `/api/queries/events/${body.eventId}`);
          if (g.status === 200 && (JSON.parse(g.body) as { version: number }).version >= expected) {
            lags.push(performance.now() - committed);
            return;
          }
          if (performance.now() > deadline) {
            timeouts++;
            return;
          }
          await sleep(pollMs);
        }
      })(),
    );
  }
  await Promise.all(tasks);
  const usage = stack.sampler.endPhase();
  const sorted = [...lags].sort((a, b) => a - b);
  const cmd = [...commandLat].sort((a, b) => a - b);
  const result: ProjectionLagResult = {
    label: `open-loop ${rate}/s registrations; lag = command response received -> first GET /api/queries/events/{id} (no token) showing it; polled every ${pollMs} ms`,
    registrations: count,
    ratePerSec: rate,
    measured: lags.length,
    notVisibleWithin5s: timeouts,
    errors,
    polls,
    lagMs: {
      count: sorted.length,
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? NaN),
      mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    },
    commandLatencyMs: { p50: round(percentile(cmd, 50)), p95: round(percentile(cmd, 95)), p99: round(percentile(cmd, 99)) },
    usage,
  };
  stack.say(`  -> lag ${JSON.stringify(result.lagMs)}`);
  return result;
}

/** Closed-loop max throughput per read route (autocannon), labelled closed-loop: not corrected for coordinated omission. */
import autocannon from 'autocannon';
import { cpuMsPerRequest } from '../harness/proc-sampler';
import { round } from '../harness/settings';
import type { ClosedLoopRoute, ClosedLoopRun, EventsBench } from './types';

export async function closedLoop({ stack, cfg, data, settle }: EventsBench): Promise<Partial<Record<ClosedLoopRoute, ClosedLoopRun>>> {
  const anyEvent = () => data.eventIds[Math.floor(Math.random() * data.eventIds.length)];
  const routes: [ClosedLoopRoute, () => string][] = [
    ['details', () => `/api/queries/events/${anyEvent()}`],
    ['upcoming', () => '/api/queries/events/upcoming'],
    ['baseline-details', () => `/api/baseline/events/${anyEvent()}`],
    ['baseline-upcoming', () => '/api/baseline/events/upcoming'],
  ];
  const out: Partial<Record<ClosedLoopRoute, ClosedLoopRun>> = {};
  const { connections, seconds } = cfg.closed;
  for (const [name, path] of routes) {
    stack.say(`closed-loop max throughput: ${name}, ${connections} connections, ${seconds} s`);
    stack.sampler.beginPhase(`closed-${name}`);
    const r = await autocannon({
      url: stack.base,
      connections,
      duration: seconds,
      requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: path() }) }],
    });
    const usage = stack.sampler.endPhase();
    stack.say(
      `  -> ${round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, cores ${JSON.stringify(usage.cores)}`,
    );
    out[name] = {
      label: 'closed-loop (autocannon): max throughput, latency NOT corrected for coordinated omission',
      connections,
      seconds,
      requestsPerSec: round(r.requests.average),
      latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      cpuMsPerRequest: cpuMsPerRequest(usage, r.requests.total, ['web', 'ferretdb', 'readPostgres', 'postgres', 'worker', 'bench']),
      usage,
    };
    await settle(); // a saturated run leaves queued requests behind: drain them first
  }
  return out;
}

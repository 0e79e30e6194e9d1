/** The events benchmark's verdicts: each target against what was measured, with the phase that measured it. */
import type { Summary } from '../harness/open-loop';
import { type Verdict, verdict } from '../harness/verdict';
import { eventsTargets as targets } from './settings';
import type { EventsReport } from './types';

export function judgeEvents(r: Omit<EventsReport, 'verdicts'>, cpus: number): Verdict[] {
  const { results: res, config: cfg } = r;
  const iso = res.isolation;
  const lag = res.projectionLag.lagMs;
  // A ratio or a percentile over the requests that succeeded says nothing when many did not.
  const isoFailed = ['cqrs-alone', 'cqrs-with-reads'].reduce((n, k) => n + ((iso.phases[k]?.writes.count ?? 0) - (iso.phases[k]?.writes.ok ?? 0)), 0);
  const lagMissing = res.projectionLag.registrations - res.projectionLag.measured;
  const webRss = r.rss.peakTreeMb.web;
  const workerRss = r.rss.peakTreeMb.worker;
  /** A p99 of the stated mixed level, with the light level's beside it. */
  const mixedP99 = (what: string, limitMs: number, stated: Summary | undefined, light: Summary | undefined) => {
    const p99 = stated?.p99 ?? NaN;
    return verdict({
      target: `${what} p99 <= ${limitMs} ms (${what === 'details' ? `${cfg.mixed.readers} readers at ${cfg.mixed.readRate}` : `${cfg.mixed.registrants} registrants at ${cfg.mixed.writeRate}`}/s, mixed)`,
      value: `${p99} ms${light ? ` (light level: ${light.p99} ms)` : ''}`,
      met: p99 <= limitMs,
      usage: res.mixed.usage,
      cpus,
    });
  };
  return [
    mixedP99('details', targets.detailsP99Ms, res.mixed.readers.details, res.mixedLight?.readers.details),
    mixedP99('registration', targets.registrationP99Ms, res.mixed.registrants.register, res.mixedLight?.registrants.register),
    verdict({
      target: `write p95 ratio with/without a ${cfg.isolation.floodReaders}-reader flood (${iso.floodRate}/s) <= ${targets.writeP95Ratio} (CQRS)`,
      value:
        `${iso.ratios.cqrs} at ${cfg.isolation.writeRate} writes/s (CRUD baseline: ${iso.ratios.crud}; details-only flood: CQRS ${iso.ratios.cqrsDetailsFlood}, CRUD ${iso.ratios.crudDetailsFlood})` +
        (iso.ratios.cqrsLowRate !== undefined
          ? `; at ${cfg.isolation.lowWriteRate} writes/s: CQRS ${iso.ratios.cqrsLowRate}, CRUD ${iso.ratios.crudLowRate}`
          : '') +
        (isoFailed ? `; ${isoFailed} of the judged writes failed or timed out, so the ratio compares timeouts, not latencies` : ''),
      met: iso.ratios.cqrs <= targets.writeP95Ratio && isoFailed === 0,
      usage: iso.phases['cqrs-with-reads']?.usage,
      cpus,
    }),
    verdict({
      target: `projection lag p95 <= ${targets.projectionLagP95Ms} ms`,
      value: `${lag.p95} ms${lagMissing ? ` (${lagMissing} of ${res.projectionLag.registrations} registrations failed or were not visible within 5 s)` : ''}`,
      met: lag.p95 <= targets.projectionLagP95Ms && lagMissing === 0,
      usage: res.projectionLag.usage,
      cpus,
    }),
    verdict({
      target: `web RSS <= ${targets.webRssMb} MB (process tree, peak)`,
      value: `${webRss} MB (server process alone ${r.rss.peakLargestProcessMb.web} MB)`,
      met: webRss <= targets.webRssMb,
      cpus,
    }),
    verdict({ target: `worker RSS <= ${targets.workerRssMb} MB (peak)`, value: `${workerRss} MB`, met: workerRss <= targets.workerRssMb, cpus }),
  ];
}

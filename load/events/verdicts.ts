/** The events benchmark's verdicts: each target against what was measured, with the phase that measured it. */
import type { Summary } from '../harness/open-loop';
import { type Verdict, verdict } from '../harness/verdict';
import { eventsTargets as targets } from './settings';
import type { EventsReport } from './types';

export function judgeEvents(r: Omit<EventsReport, 'verdicts'>, cpus: number): Verdict[] {
  const { results: res, config: cfg } = r;
  const details = res.mixed.readers.details as Summary;
  const reg = res.mixed.registrants.register as Summary;
  const lightNote = (t: Summary | undefined) => (t ? ` (light level: ${t.p99} ms)` : '');
  const iso = res.isolation;
  const lag = res.projectionLag.lagMs;
  const webRss = r.rss.peakTreeMb.web;
  const workerRss = r.rss.peakTreeMb.worker;
  return [
    verdict({
      target: `details p99 <= ${targets.detailsP99Ms} ms (${cfg.mixed.readers} readers at ${cfg.mixed.readRate}/s, mixed)`,
      value: `${details.p99} ms${lightNote(res.mixedLight?.readers.details)}`,
      met: details.p99 <= targets.detailsP99Ms,
      usage: res.mixed.usage,
      cpus,
    }),
    verdict({
      target: `registration p99 <= ${targets.registrationP99Ms} ms (${cfg.mixed.registrants} registrants at ${cfg.mixed.writeRate}/s, mixed)`,
      value: `${reg.p99} ms${lightNote(res.mixedLight?.registrants.register)}`,
      met: reg.p99 <= targets.registrationP99Ms,
      usage: res.mixed.usage,
      cpus,
    }),
    verdict({
      target: `write p95 ratio with/without a ${cfg.isolation.floodReaders}-reader flood (${iso.floodRate}/s) <= ${targets.writeP95Ratio} (CQRS)`,
      value:
        `${iso.ratios.cqrs} at ${cfg.isolation.writeRate} writes/s (CRUD baseline: ${iso.ratios.crud}; details-only flood: CQRS ${iso.ratios.cqrsDetailsFlood}, CRUD ${iso.ratios.crudDetailsFlood})` +
        (iso.ratios.cqrsLowRate !== undefined
          ? `; at ${cfg.isolation.lowWriteRate} writes/s: CQRS ${iso.ratios.cqrsLowRate}, CRUD ${iso.ratios.crudLowRate}`
          : ''),
      met: iso.ratios.cqrs <= targets.writeP95Ratio,
      usage: iso.phases['cqrs-with-reads']?.usage,
      cpus,
    }),
    verdict({
      target: `projection lag p95 <= ${targets.projectionLagP95Ms} ms`,
      value: `${lag.p95} ms`,
      met: lag.p95 <= targets.projectionLagP95Ms,
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

/** Readers (details + upcoming) and registrants at the same time, both open loop, at one level of load. */
import { runStreams } from '../harness/run-streams';
import { round } from '../harness/settings';
import { brief, streamInfo, summarizeByTag } from '../harness/stream-summary';
import { CQRS, readRequests, registrations } from './requests';
import type { EventsBench, MixedLevel } from './types';

export interface MixedInput {
  phase: string;
  readRate: number;
  writeRate: number;
}

export async function mixed({ stack, cfg, data, settle }: EventsBench, { phase, readRate, writeRate }: MixedInput): Promise<MixedLevel> {
  const m = cfg.mixed;
  stack.say(`${phase}: ${m.readers} readers at ${readRate}/s total vs ${m.registrants} registrants at ${writeRate}/s total, ${m.seconds} s`);
  const stream = { baseUrl: stack.base, mode: 'open' as const, durationMs: m.seconds * 1000, timeoutMs: cfg.timeoutMs };
  stack.sampler.beginPhase(phase);
  const [reads, writes] = await runStreams([
    {
      ...stream,
      name: `${phase}-reads`,
      ratePerSec: readRate,
      requests: readRequests(data, readRate * m.seconds, m.upcomingShare, CQRS),
      connections: m.readers,
    },
    {
      ...stream,
      name: `${phase}-registrations`,
      ratePerSec: writeRate,
      requests: registrations(data, writeRate * m.seconds, m.registrants),
      connections: m.registrants,
    },
  ]);
  const usage = stack.sampler.endPhase();
  const r = summarizeByTag(reads);
  const w = summarizeByTag(writes);
  for (const [tag, t] of [...Object.entries(r), ...Object.entries(w)]) stack.say(`  -> ${brief(tag, t)}`);
  stack.say(`  -> cores: ${JSON.stringify(usage.cores)}`);
  await settle();
  return {
    label: 'open-loop, latency from intended start (coordinated omission corrected)',
    readers: { ...streamInfo(reads), perSecondPerReader: round(readRate / m.readers, 2), details: r.details, upcoming: r.upcoming },
    registrants: { ...streamInfo(writes), perSecondPerRegistrant: round(writeRate / m.registrants, 2), register: w.register },
    usage,
  };
}

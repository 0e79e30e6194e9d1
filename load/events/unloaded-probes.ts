/**
 * Where a request's time goes without queueing: the product's query handlers and the baseline's SQL
 * called directly from the bench (no HTTP, no Next.js), then the same routes over HTTP, one at a
 * time; plus the find commands one upcoming page sends to the read store and its plan.
 */
import { performance } from 'node:perf_hooks';
import { percentile } from '../harness/open-loop';
import { round } from '../harness/settings';
import type { EventsBench, Latency, PlanNode, UnloadedResult } from './types';

async function time(fn: (i: number) => Promise<unknown>, n = 300): Promise<Latency> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn(i);
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { n, p50: round(percentile(t, 50), 2), p95: round(percentile(t, 95), 2), p99: round(percentile(t, 99), 2) };
}

export async function unloadedProbes({ stack, data }: EventsBench): Promise<UnloadedResult> {
  const { MongoClient } = await import('mongodb');
  const { getEventDetails } = await import('@/server/events/queries/get-event-details');
  const { listUpcomingEvents } = await import('@/server/events/queries/list-upcoming-events');
  const { crudEventDetails, crudUpcomingEvents } = await import('@/server/baseline/crud-event-queries');
  const id = (i: number) => data.eventIds[(i * 7) % data.eventIds.length];
  // The product's own query handlers, on a client that records the commands they send.
  const client = await new MongoClient(process.env.MONGODB_URL!, { monitorCommands: true, maxPoolSize: 4 }).connect();
  stack.onShutdown(() => client.close());
  const db = client.db(process.env.MONGODB_DB ?? 'quadrant');
  type Find = { requestId: number; collection: string; filter: unknown; sort: unknown; limit: unknown; returned?: number };
  let finds: Find[] | null = null;
  client.on('commandStarted', (e) => {
    if (finds && e.commandName === 'find')
      finds.push({ requestId: e.requestId, collection: e.command.find, filter: e.command.filter, sort: e.command.sort, limit: e.command.limit });
  });
  client.on('commandSucceeded', (e) => {
    const f = finds?.find((x) => x.requestId === e.requestId);
    if (f) f.returned = (e.reply as { cursor?: { firstBatch?: unknown[] } }).cursor?.firstBatch?.length;
  });
  // A variable, not a literal: the context's fields are the query definition's business.
  const ctx = { db, actor: null, now: new Date() };
  const upcomingParams = listUpcomingEvents.params.parse({});
  const upcoming = () => listUpcomingEvents.handle(upcomingParams, ctx);
  await upcoming(); // alias cache warm
  finds = [];
  await upcoming();
  const recorded = finds.filter((f) => String(f.collection).startsWith('events_event_details'));
  finds = null;
  const explain = recorded[0]
    ? ((await db.command({
        explain: { find: recorded[0].collection, filter: recorded[0].filter, sort: recorded[0].sort, limit: recorded[0].limit },
      })) as Record<string, unknown>)
    : {};
  const httpGet = async (path: string) => {
    const r = await stack.request('GET', path);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
  };
  return {
    label: 'sequential, one at a time, nothing else running from the bench (ms); n = 300 (details) or 100 (lists, health)',
    store: {
      ferretdbDetailsHandler: await time((i) => getEventDetails.handle({ eventId: id(i) }, ctx)),
      ferretdbUpcomingHandler: await time(upcoming, 100),
      postgresDetails: await time((i) => crudEventDetails(id(i))),
      postgresUpcoming: await time(() => crudUpcomingEvents({ limit: 20 }), 100),
    },
    upcomingQueryShape: {
      label: "the find commands one first-page upcoming request sends to the read store, and the read store's explain of the first",
      finds: recorded.map((f) => ({ filter: f.filter, sort: f.sort, limit: f.limit, returned: f.returned })),
      pushdown: Object.fromEntries(Object.entries(explain).filter(([k]) => /pushdown/i.test(k))),
      plan: (explain.queryPlanner as { Plan?: PlanNode } | undefined)?.Plan ?? null,
    },
    http: {
      details: await time((i) => httpGet(`/api/queries/events/${id(i)}`)),
      upcoming: await time(() => httpGet('/api/queries/events/upcoming'), 100),
      baselineDetails: await time((i) => httpGet(`/api/baseline/events/${id(i)}`)),
      baselineUpcoming: await time(() => httpGet('/api/baseline/events/upcoming'), 100),
      health: await time(() => httpGet('/api/health'), 100),
    },
  };
}

// Shared setup for the k6 scripts: creates events (as the demo organizer) and users with bearer
// tokens through the public API, exactly like a client would. See README.md.
import http from 'k6/http';
import { check, fail } from 'k6';

export const BASE_URL = __ENV.BASE_URL || 'http://localhost:3000';
export const EVENTS = Number(__ENV.EVENTS || 200);
export const USERS = Number(__ENV.USERS || 300);
const ORGANIZER_EMAIL = __ENV.ORGANIZER_EMAIL || 'organizer@demo.test';
const ORGANIZER_PASSWORD = __ENV.ORGANIZER_PASSWORD || 'demo-password';
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const BATCH = 20;

function token(email, password) {
  const res = http.post(`${BASE_URL}/api/auth/token`, JSON.stringify({ email, password }), { headers: JSON_HEADERS, tags: { name: 'setup' } });
  if (res.status !== 200) fail(`POST /api/auth/token for ${email}: ${res.status} ${res.body}`);
  return res.json('token');
}

/** Runs `requests` (http.batch entries) in batches of BATCH; returns the responses in order. */
function batched(requests) {
  const out = [];
  for (let i = 0; i < requests.length; i += BATCH) out.push(...http.batch(requests.slice(i, i + BATCH)));
  return out;
}

/** Creates EVENTS events and USERS users (fresh emails per run); returns ids and tokens. */
export function prepare() {
  const runId = `${Date.now()}`;
  const organizer = token(ORGANIZER_EMAIL, ORGANIZER_PASSWORD);
  const day = 86400000;
  const eventReqs = [];
  for (let i = 0; i < EVENTS; i++) {
    const startsAt = new Date(Date.now() + (3 + (i % 180)) * day + i * 60000);
    eventReqs.push({
      method: 'POST',
      url: `${BASE_URL}/api/commands/events/create-event`,
      body: JSON.stringify({
        title: `k6 event ${runId}-${i}`,
        description: `Load-test event ${i}.`,
        venue: 'Online',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3600000).toISOString(),
        capacity: 5000,
      }),
      params: { headers: { ...JSON_HEADERS, Authorization: `Bearer ${organizer}` }, tags: { name: 'setup' } },
    });
  }
  const eventIds = batched(eventReqs).map((res, i) => {
    if (res.status !== 201) fail(`create-event ${i}: ${res.status} ${res.body}`);
    return res.json('eventId');
  });

  const userReqs = [];
  const credentials = [];
  for (let i = 0; i < USERS; i++) {
    const email = `k6-${runId}-${i}@bench.test`;
    credentials.push({ email, password: 'k6-bench-password' });
    userReqs.push({
      method: 'POST',
      url: `${BASE_URL}/api/commands/identity/create-user`,
      body: JSON.stringify({ email, name: `k6 user ${i}`, password: 'k6-bench-password' }),
      params: { headers: JSON_HEADERS, tags: { name: 'setup' } },
    });
  }
  batched(userReqs).forEach((res, i) => {
    if (res.status !== 201) fail(`create-user ${i}: ${res.status} ${res.body}`);
  });
  const tokens = batched(
    credentials.map((c) => ({
      method: 'POST',
      url: `${BASE_URL}/api/auth/token`,
      body: JSON.stringify(c),
      params: { headers: JSON_HEADERS, tags: { name: 'setup' } },
    })),
  ).map((res, i) => {
    if (res.status !== 200) fail(`token ${i}: ${res.status} ${res.body}`);
    return res.json('token');
  });
  return { eventIds, tokens };
}

/**
 * Registration number `n` of a run: user n % USERS registers for an event it has never
 * registered for ((user + round) % EVENTS), so no request is refused as already-registered.
 */
export function registration(data, n) {
  const users = data.tokens.length;
  const u = n % users;
  const round = Math.floor(n / users);
  if (round >= data.eventIds.length) fail('ran out of distinct (user, event) pairs: raise EVENTS');
  return { token: data.tokens[u], eventId: data.eventIds[(u + round) % data.eventIds.length] };
}

export function register(data, n) {
  const { token: t, eventId } = registration(data, n);
  const res = http.post(`${BASE_URL}/api/commands/events/register-participant`, JSON.stringify({ eventId }), {
    headers: { ...JSON_HEADERS, Authorization: `Bearer ${t}` },
    tags: { name: 'register' },
  });
  check(res, { 'register: 201': (r) => r.status === 201 });
  return { res, eventId };
}

/** Reads: every 10th request the upcoming list, otherwise a random event's details (as the bench). */
export function read(data, n, prefix) {
  const p = prefix || __ENV.READ_PREFIX || '/api/queries/events';
  if (n % 10 === 9) {
    const res = http.get(`${BASE_URL}${p}/upcoming`, { tags: { name: 'upcoming' } });
    check(res, { 'upcoming: 200': (r) => r.status === 200 });
    return;
  }
  const id = data.eventIds[Math.floor(Math.random() * data.eventIds.length)];
  const res = http.get(`${BASE_URL}${p}/${id}`, { tags: { name: 'details' } });
  check(res, { 'details: 200': (r) => r.status === 200 });
}

/** A compact text summary (no remote jslib import, so it works offline). */
export function lines(data, names) {
  const out = [];
  for (const name of names) {
    const m = data.metrics[name];
    if (!m) continue;
    const v = m.values;
    const fmt = (x) => (x === undefined ? '-' : Number(x).toFixed(1));
    out.push(`${name}: count=${v.count ?? '-'} avg=${fmt(v.avg)} p(50)=${fmt(v.med)} p(95)=${fmt(v['p(95)'])} p(99)=${fmt(v['p(99)'])} max=${fmt(v.max)}`);
  }
  const dropped = data.metrics.dropped_iterations;
  out.push(`dropped_iterations: ${dropped ? dropped.values.count : 0} (must be 0: otherwise add VUs, the arrival rate was not met)`);
  const failed = data.metrics.http_req_failed;
  if (failed) out.push(`http_req_failed: ${(failed.values.rate * 100).toFixed(2)}%`);
  return `${out.join('\n')}\n`;
}

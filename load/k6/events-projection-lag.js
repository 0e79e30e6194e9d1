// Scenario 3: projection lag, from the command's response to the change being visible in the
// query side. Each iteration reads the event's version, registers, then polls
// GET /api/queries/events/{id} (no consistency token) until the version moved.
import http from 'k6/http';
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import { BASE_URL, lines, prepare, register, registration } from './lib.js';

const RATE = Number(__ENV.RATE || 20);
const COUNT = Number(__ENV.COUNT || 300);
const POLL_MS = Number(__ENV.POLL_MS || 5);

const lag = new Trend('projection_lag', true);
const notVisible = new Counter('projection_not_visible_5s');

export const options = {
  setupTimeout: '5m',
  summaryTrendStats: ['count', 'avg', 'min', 'med', 'max', 'p(95)', 'p(99)'],
  scenarios: {
    lag: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: `${Math.ceil(COUNT / RATE)}s`,
      preAllocatedVUs: 20,
      maxVUs: 100,
    },
  },
  thresholds: {
    projection_lag: ['p(95)<=250'],
    projection_not_visible_5s: ['count==0'],
    'http_req_duration{name:register}': ['p(99)>=0'], // no target here; declared so the summary shows it
  },
};

export function setup() {
  return prepare();
}

const details = (eventId) => http.get(`${BASE_URL}/api/queries/events/${eventId}`, { tags: { name: 'lag-poll' } });

export default function (data) {
  const n = exec.scenario.iterationInTest;
  const { eventId } = registration(data, n);
  // Consecutive iterations use different events, so nobody else moves this event's version meanwhile.
  const before = details(eventId).json('version');
  const { res } = register(data, n);
  if (res.status !== 201) return;
  const committed = Date.now();
  while (Date.now() - committed < 5000) {
    const r = details(eventId);
    if (r.status === 200 && r.json('version') > before) {
      lag.add(Date.now() - committed);
      return;
    }
    sleep(POLL_MS / 1000);
  }
  notVisible.add(1);
  check(null, { 'visible within 5 s': () => false });
}

export function handleSummary(data) {
  return {
    stdout: `\nevents-projection-lag: ${RATE}/s registrations, polling every ${POLL_MS} ms\n${lines(data, ['projection_lag', 'http_req_duration{name:register}'])}`,
    'events-projection-lag-summary.json': JSON.stringify(data, null, 2),
  };
}

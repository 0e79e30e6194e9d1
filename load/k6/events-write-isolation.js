// Scenario 2 (EV5): registrations at a fixed rate alone, then the same rate under a flood of 200+
// readers, in one run; reports p95(with reads) / p95(alone). READ_PREFIX=/api/baseline/events
// points the flood at the CRUD baseline (web started with QUADRANT_BASELINE=1; see README.md).
import exec from 'k6/execution';
import { lines, prepare, read, register } from './lib.js';

const SECONDS = Number(__ENV.SECONDS || 20);
const WRITE_RATE = Number(__ENV.WRITE_RATE || 50);
const FLOOD_VUS = Number(__ENV.FLOOD_VUS || 200);
const FLOOD_RATE = Number(__ENV.FLOOD_RATE || 100); // 0 = closed loop: FLOOD_VUS readers back to back
const GAP = 5;
const READ_PREFIX = __ENV.READ_PREFIX || '/api/queries/events';

const writes = (startTime, offset) => ({
  executor: 'constant-arrival-rate',
  exec: 'writer',
  rate: WRITE_RATE,
  timeUnit: '1s',
  duration: `${SECONDS}s`,
  startTime,
  preAllocatedVUs: 100,
  maxVUs: 200,
  env: { OFFSET: String(offset) }, // distinct (user, event) pairs in each phase
});

const flood =
  FLOOD_RATE > 0
    ? { executor: 'constant-arrival-rate', rate: FLOOD_RATE, timeUnit: '1s', preAllocatedVUs: FLOOD_VUS, maxVUs: FLOOD_VUS * 2 }
    : { executor: 'constant-vus', vus: FLOOD_VUS };

export const options = {
  setupTimeout: '5m',
  summaryTrendStats: ['count', 'avg', 'min', 'med', 'max', 'p(95)', 'p(99)'],
  scenarios: {
    writes_alone: writes('0s', 0),
    writes_with_reads: writes(`${SECONDS + GAP}s`, WRITE_RATE * SECONDS),
    read_flood: { ...flood, exec: 'reader', duration: `${SECONDS}s`, startTime: `${SECONDS + GAP}s` },
  },
  thresholds: {
    // Declared so that the per-scenario sub-metrics exist in handleSummary (the ratio is the result).
    'http_req_duration{scenario:writes_alone}': ['p(95)>=0'],
    'http_req_duration{scenario:writes_with_reads}': ['p(95)>=0'],
    'http_req_duration{scenario:read_flood}': ['p(95)>=0'],
    'checks{scenario:writes_alone}': ['rate>0.99'],
    'checks{scenario:writes_with_reads}': ['rate>0.99'],
  },
};

export function setup() {
  return prepare();
}

export function writer(data) {
  register(data, Number(__ENV.OFFSET) + exec.scenario.iterationInTest);
}

export function reader(data) {
  read(data, exec.scenario.iterationInTest, READ_PREFIX);
}

export function handleSummary(data) {
  const p95 = (s) => data.metrics[`http_req_duration{scenario:${s}}`].values['p(95)'];
  const ratio = p95('writes_with_reads') / p95('writes_alone');
  const text = lines(data, [
    'http_req_duration{scenario:writes_alone}',
    'http_req_duration{scenario:writes_with_reads}',
    'http_req_duration{scenario:read_flood}',
  ]);
  const flood = FLOOD_RATE > 0 ? `${FLOOD_RATE}/s over up to ${FLOOD_VUS * 2} VUs` : `${FLOOD_VUS} VUs closed loop`;
  const verdict = ratio <= 1.5 ? 'met' : 'MISSED';
  return {
    stdout: `\nevents-write-isolation: writes ${WRITE_RATE}/s, flood ${flood} on ${READ_PREFIX}\n${text}write p95 ratio (with reads / alone): ${ratio.toFixed(2)} (target <= 1.5: ${verdict})\n`,
    'events-write-isolation-summary.json': JSON.stringify({ ratio, readPrefix: READ_PREFIX, metrics: data.metrics }, null, 2),
  };
}

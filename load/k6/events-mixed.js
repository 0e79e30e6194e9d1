// Scenario 1 (EV4): readers (event details + upcoming) vs registrants at the same time, both at a
// constant arrival rate (open model: k6 starts iterations on schedule whether or not earlier ones
// finished). Run against `make start`:  k6 run load/k6/events-mixed.js   (see README.md)
import exec from 'k6/execution';
import { lines, prepare, read, register } from './lib.js';

const DURATION = __ENV.DURATION || '20s';
const READERS = Number(__ENV.READERS || 120);
const READ_RATE = Number(__ENV.READ_RATE || 120); // requests per second, all readers together
const REGISTRANTS = Number(__ENV.REGISTRANTS || 120);
const WRITE_RATE = Number(__ENV.WRITE_RATE || 30); // registrations per second, all registrants together

export const options = {
  setupTimeout: '5m',
  summaryTrendStats: ['count', 'avg', 'min', 'med', 'max', 'p(95)', 'p(99)'],
  scenarios: {
    readers: {
      executor: 'constant-arrival-rate',
      exec: 'reader',
      rate: READ_RATE,
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: READERS,
      maxVUs: READERS,
    },
    registrants: {
      executor: 'constant-arrival-rate',
      exec: 'registrant',
      rate: WRITE_RATE,
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: REGISTRANTS,
      maxVUs: REGISTRANTS,
    },
  },
  thresholds: {
    // The targets on the reference 2-core machine.
    'http_req_duration{name:details}': ['p(99)<=30'],
    'http_req_duration{name:upcoming}': ['p(99)>=0'], // no target; declared so the summary shows it
    'http_req_duration{name:register}': ['p(99)<=200'],
    'checks{scenario:readers}': ['rate>0.99'],
    'checks{scenario:registrants}': ['rate>0.99'],
  },
};

export function setup() {
  return prepare();
}

export function reader(data) {
  read(data, exec.scenario.iterationInTest);
}

export function registrant(data) {
  register(data, exec.scenario.iterationInTest);
}

export function handleSummary(data) {
  const text = lines(data, ['http_req_duration{name:details}', 'http_req_duration{name:upcoming}', 'http_req_duration{name:register}']);
  return {
    stdout: `\nevents-mixed: ${READ_RATE}/s reads over ${READERS} VUs, ${WRITE_RATE}/s registrations over ${REGISTRANTS} VUs\n${text}`,
    'events-mixed-summary.json': JSON.stringify(data, null, 2),
  };
}

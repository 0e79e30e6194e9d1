// Feed reads per persona group (SF6): the first page and page PAGE (default 10, via nextCursor)
// for personas following 10, FOLLOWS_MID and FOLLOWS_BIG accounts, each group its own
// constant-arrival-rate scenario, all at once (as `npm run bench:feed`).
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { BASE_URL, lines } from './lib.js';
import { FOLLOWS, cursorForPage, prepareFeeds } from './feed-lib.js';

const RATE = Number(__ENV.RATE || 10);
const DURATION = __ENV.DURATION || '20s';
const PAGE = Number(__ENV.PAGE || 10);
const LIMIT = 20;
const GROUPS = FOLLOWS.map((f) => `follows${f}`);

const scenario = (group, page, startTime) => ({
  executor: 'constant-arrival-rate',
  rate: RATE,
  timeUnit: '1s',
  duration: DURATION,
  startTime,
  preAllocatedVUs: 20,
  maxVUs: 200,
  exec: 'read',
  env: { GROUP: group, PAGE_KIND: page },
  tags: { group, page },
});

const deepStart = `${parseInt(DURATION, 10) + 5}s`;
const scenarios = {};
for (const g of GROUPS) {
  scenarios[`${g}_first`] = scenario(g, 'first', '0s');
  scenarios[`${g}_deep`] = scenario(g, 'deep', deepStart);
}

const thresholds = {};
for (const g of GROUPS)
  for (const p of ['first', 'deep']) thresholds[`http_req_duration{group:${g},page:${p}}`] = g === GROUPS[2] ? ['p(99)<=50'] : ['p(99)>=0'];

export const options = {
  setupTimeout: '30m',
  summaryTrendStats: ['count', 'avg', 'min', 'med', 'max', 'p(95)', 'p(99)'],
  scenarios,
  thresholds,
};

export function setup() {
  const { groups } = prepareFeeds();
  const deep = {};
  for (const g of GROUPS) deep[g] = groups[g].map((t) => cursorForPage(t, PAGE, LIMIT));
  return { groups, deep };
}

export function read(data) {
  const g = __ENV.GROUP;
  const tokens = data.groups[g];
  const i = exec.scenario.iterationInTest % tokens.length;
  const cursor = __ENV.PAGE_KIND === 'deep' ? data.deep[g][i] : null;
  if (__ENV.PAGE_KIND === 'deep' && !cursor) return; // this persona's feed has no page PAGE
  const res = http.get(`${BASE_URL}/api/queries/social/feed?limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
    headers: { Authorization: `Bearer ${tokens[i]}` },
    tags: { name: 'feed' },
  });
  check(res, { 'feed: 200': (r) => r.status === 200 });
}

export function handleSummary(data) {
  const names = [];
  for (const g of GROUPS) for (const p of ['first', 'deep']) names.push(`http_req_duration{group:${g},page:${p}}`);
  const p99 = (g) => data.metrics[`http_req_duration{group:${g},page:first}`]?.values['p(99)'];
  const ratio = p99(GROUPS[2]) / p99(GROUPS[0]);
  return {
    stdout: `\nfeed-read: ${RATE}/s per group and page\n${lines(data, names)}p99 ratio ${GROUPS[2]} / ${GROUPS[0]} (first page): ${ratio.toFixed(2)} (target <= 1.2)\n`,
    'feed-read-summary.json': JSON.stringify(data, null, 2),
  };
}

// Fan-out lag (SF5, SF8): authors with ~10 and ~FOLLOWERS_BIG followers post at RATE; after each
// 201, polls the feed of SAMPLE followers (first page, no consistency token) every POLL_MS until
// all of them show the post. The bench (`npm run bench:feed`) measures the same from the
// projection checkpoint at 60,000 users; this one only needs the public API.
import http from 'k6/http';
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import { BASE_URL, lines } from './lib.js';
import { follow, signUp } from './feed-lib.js';

const RATE = Number(__ENV.RATE || 1);
const COUNT = Number(__ENV.COUNT || 60);
const POLL_MS = Number(__ENV.POLL_MS || 20);
const SAMPLE = Number(__ENV.SAMPLE || 3);
const FOLLOWERS = [10, Number(__ENV.FOLLOWERS_BIG || 500)];
const JSON_HEADERS = { 'Content-Type': 'application/json' };

const lag = {};
for (const f of FOLLOWERS) lag[f] = new Trend(`fanout_lag_${f}_followers`, true);
const notVisible = new Counter('fanout_not_visible_30s');

export const options = {
  setupTimeout: '30m',
  summaryTrendStats: ['count', 'avg', 'min', 'med', 'max', 'p(95)', 'p(99)'],
  scenarios: {
    lag: { executor: 'constant-arrival-rate', rate: RATE, timeUnit: '1s', duration: `${Math.ceil(COUNT / RATE)}s`, preAllocatedVUs: 10, maxVUs: 60 },
  },
  thresholds: Object.fromEntries([...FOLLOWERS.map((f) => [`fanout_lag_${f}_followers`, ['p(99)<=2000']]), ['fanout_not_visible_30s', ['count==0']]]),
};

/** One author per follower count, each followed by that many fresh users. */
export function setup() {
  const authors = signUp(FOLLOWERS.length, 'lag-author');
  const fans = signUp(Math.max(...FOLLOWERS), 'lag-follower');
  const groups = FOLLOWERS.map((f, i) => {
    for (const fan of fans.slice(0, f)) follow(fan, [authors[i].userId]);
    return {
      followers: f,
      author: authors[i].token,
      sample: fans
        .slice(0, f)
        .slice(-SAMPLE)
        .map((x) => x.token),
    };
  });
  return { groups };
}

const inFeed = (token, postId) => {
  const res = http.get(`${BASE_URL}/api/queries/social/feed?limit=20`, { headers: { Authorization: `Bearer ${token}` }, tags: { name: 'lag-poll' } });
  return res.status === 200 && res.json('items').some((i) => i.postId === postId);
};

export default function (data) {
  const g = data.groups[exec.scenario.iterationInTest % data.groups.length];
  const res = http.post(`${BASE_URL}/api/commands/social/create-post`, JSON.stringify({ text: `k6 lag probe ${exec.scenario.iterationInTest}` }), {
    headers: { ...JSON_HEADERS, Authorization: `Bearer ${g.author}` },
    tags: { name: 'create-post' },
  });
  if (!check(res, { 'create-post: 201': (r) => r.status === 201 })) return;
  const committed = Date.now();
  const postId = res.json('postId');
  let pending = [...g.sample];
  while (Date.now() - committed < 30000) {
    pending = pending.filter((t) => !inFeed(t, postId));
    if (pending.length === 0) {
      lag[g.followers].add(Date.now() - committed);
      return;
    }
    sleep(POLL_MS / 1000);
  }
  notVisible.add(1);
}

export function handleSummary(data) {
  return {
    stdout: `\nfeed-fanout-lag: ${RATE}/s posts, ${SAMPLE} sampled followers polled every ${POLL_MS} ms\n${lines(data, [...FOLLOWERS.map((f) => `fanout_lag_${f}_followers`), 'http_req_duration{name:create-post}'])}`,
    'feed-fanout-lag-summary.json': JSON.stringify(data, null, 2),
  };
}

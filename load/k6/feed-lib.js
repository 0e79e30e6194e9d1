// Shared setup for the feed k6 scripts: authors, posts and personas following 10 / FOLLOWS_MID /
// FOLLOWS_BIG of them, created through the public API like a client would. See README.md.
import http from 'k6/http';
import { fail } from 'k6';
import { BASE_URL } from './lib.js';

export const AUTHORS = Number(__ENV.AUTHORS || 1000);
export const POSTS_PER_AUTHOR = Number(__ENV.POSTS_PER_AUTHOR || 3);
export const PERSONAS = Number(__ENV.PERSONAS || 5);
export const FOLLOWS = [10, Number(__ENV.FOLLOWS_MID || 100), Number(__ENV.FOLLOWS_BIG || AUTHORS)];
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const BATCH = 20;
const PASSWORD = 'k6-feed-password';

function batched(requests) {
  const out = [];
  for (let i = 0; i < requests.length; i += BATCH) out.push(...http.batch(requests.slice(i, i + BATCH)));
  return out;
}

const post = (url, body, token) => ({
  method: 'POST',
  url: `${BASE_URL}${url}`,
  body: JSON.stringify(body),
  params: { headers: token ? { ...JSON_HEADERS, Authorization: `Bearer ${token}` } : JSON_HEADERS, tags: { name: 'setup' } },
});

/** Signs up `n` users (fresh emails per run) and returns [{userId, token}]. */
export function signUp(n, prefix) {
  const runId = `${Date.now()}`;
  const creds = Array.from({ length: n }, (_, i) => ({ email: `k6-${prefix}-${runId}-${i}@bench.test`, name: `k6 ${prefix} ${i}`, password: PASSWORD }));
  const ids = batched(creds.map((c) => post('/api/commands/identity/create-user', c))).map((res, i) => {
    if (res.status !== 201) fail(`create-user ${prefix} ${i}: ${res.status} ${res.body}`);
    return res.json('userId');
  });
  const tokens = batched(creds.map((c) => post('/api/auth/token', { email: c.email, password: c.password }))).map((res, i) => {
    if (res.status !== 200) fail(`token ${prefix} ${i}: ${res.status} ${res.body}`);
    return res.json('token');
  });
  return ids.map((userId, i) => ({ userId, token: tokens[i] }));
}

export function follow(who, userIds) {
  batched(userIds.map((userId) => post('/api/commands/social/follow-user', { userId }, who.token))).forEach((res, i) => {
    if (res.status !== 200) fail(`follow ${i}: ${res.status} ${res.body}`);
  });
}

export function createPosts(author, n, label) {
  return batched(Array.from({ length: n }, (_, i) => post('/api/commands/social/create-post', { text: `${label} ${i}`, tags: ['k6'] }, author.token))).map(
    (res) => {
      if (res.status !== 201) fail(`create-post: ${res.status} ${res.body}`);
      return res.json();
    },
  );
}

/**
 * AUTHORS authors with POSTS_PER_AUTHOR posts each (the first 10 post 25, so the 10-follow
 * personas have a page 10), then PERSONAS personas per group following 10, FOLLOWS_MID and
 * FOLLOWS_BIG of them. Returns { groups: { follows10: [token], ... } }.
 */
export function prepareFeeds() {
  const authors = signUp(AUTHORS, 'author');
  for (const [i, a] of authors.entries()) createPosts(a, i < 10 ? 25 : POSTS_PER_AUTHOR, `k6 post by author ${i}`);
  const groups = {};
  for (const f of FOLLOWS) {
    const people = signUp(PERSONAS, `follows${f}`);
    for (const p of people)
      follow(
        p,
        authors.slice(0, Math.min(f, authors.length)).map((a) => a.userId),
      );
    groups[`follows${f}`] = people.map((p) => p.token);
  }
  return { groups };
}

/** Follows nextCursor (page - 1) times; null when the feed is shorter. */
export function cursorForPage(token, page, limit) {
  let cursor = null;
  for (let i = 1; i < page; i++) {
    const res = http.get(`${BASE_URL}/api/queries/social/feed?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      headers: { Authorization: `Bearer ${token}` },
      tags: { name: 'setup' },
    });
    if (res.status !== 200) fail(`feed: ${res.status} ${res.body}`);
    cursor = res.json('nextCursor');
    if (!cursor) return null;
  }
  return cursor;
}

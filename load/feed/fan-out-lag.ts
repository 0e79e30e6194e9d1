/**
 * Fan-out lag: posts through the HTTP API at a fixed rate; lag = from the 201 to the social
 * projection's checkpoint reaching the post's consistency token. The projector saves the checkpoint
 * only after `apply` returned, i.e. after every follower's head was written, so this is when the post
 * is in ALL its followers' feeds (an upper bound by one checkpoint write). Then, as a check, the feed
 * query (the product's readFeed + the post loader, from this process) of 3 sampled followers must
 * show the post on its first page.
 */
import { performance } from 'node:perf_hooks';
import { percentile } from '../harness/open-loop';
import type { PhaseUsage } from '../harness/proc-sampler';
import { round, sleep } from '../harness/settings';
import { SAMPLED_FOLLOWERS, type Strategy } from './settings';
import type { FeedBench, LagClass, LagResult, LagSample, WriteCost } from './types';

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s[s.length - 1] ?? NaN) };
};

export async function fanOutLag(bench: FeedBench, strategy: Strategy): Promise<LagResult> {
  const { stack, cfg, loaded } = bench;
  const classes: [string, number[]][] = [
    ['~10 followers', loaded.smallAuthors],
    ['~500 followers', loaded.mid.followers500],
    ['~950 followers', loaded.mid.followers950],
  ];
  const plan = Array.from({ length: cfg.lag.posts }, (_, i) => {
    const [cls, authors] = classes[i % classes.length];
    return { cls, author: authors[Math.floor(i / classes.length) % authors.length] };
  });
  const tokens = new Map<number, string>();
  for (const p of plan) if (!tokens.has(p.author)) tokens.set(p.author, await bench.token(p.author));
  const rate = strategy === 'pull' ? cfg.lag.pullRate : cfg.lag.rate;
  const samples: LagSample[] = [];
  stack.sampler.beginPhase(`${strategy}: fan-out lag`);
  try {
    const t0 = performance.now();
    const tasks: Promise<void>[] = [];
    for (const [i, p] of plan.entries()) {
      await sleep(Math.max(0, t0 + (i * 1000) / rate - performance.now()));
      tasks.push(
        postAndWait(bench, p.author, tokens.get(p.author)!, `lag probe ${i} (${p.cls})`, cfg.lag.timeoutMs, strategy).then((s) => {
          samples.push({ cls: p.cls, ...s });
        }),
      );
    }
    await Promise.all(tasks);
  } finally {
    stack.sampler.endPhase();
  }
  const usage = stack.sampler.phases[stack.sampler.phases.length - 1];
  const byClass: Record<string, LagClass> = {};
  for (const [cls] of classes) {
    const s = samples.filter((x) => x.cls === cls);
    const lags = s.map((x) => x.lagMs).filter((x): x is number => x !== null);
    const sampled = s.map((y) => y.sampledMs).filter((y): y is number => y !== null);
    const followers = s.map((x) => x.followers);
    byClass[cls] = {
      posts: s.length,
      followersAvg: round(followers.reduce((a, b) => a + b, 0) / Math.max(1, followers.length)),
      followersMax: Math.max(...followers),
      notVisibleInTime: s.length - lags.length,
      lagMs: stats(lags),
      sampledLagMs: { exactForAllFollowers: s.every((y) => y.exact), n: sampled.length, ...stats(sampled) },
      commandP99Ms: stats(s.map((x) => x.commandMs)).p99,
      sampledFollowersVerified: s.reduce((n, x) => n + x.verified, 0),
      sampledFollowersMissing: s.reduce((n, x) => n + x.missing, 0),
    };
    stack.say(`    lag ${cls}: ${JSON.stringify(byClass[cls].lagMs)}`);
  }
  return {
    label: `${cfg.lag.posts} posts via POST /api/commands/social/create-post at ${rate}/s (open loop), authors in turn from each class`,
    byClass,
    samples,
    usage,
    writeCost: writeCost(byClass, usage, strategy),
  };
}

/** Posts as `author` and waits until the post is in its followers' feeds (see the file comment). */
export async function postAndWait(
  { stack, cfg, db, loaded }: FeedBench,
  author: number,
  bearer: string,
  text: string,
  timeoutMs: number,
  strategy: Strategy,
): Promise<Omit<LagSample, 'cls'>> {
  const { loadCheckpoint } = await import('@/server/cqrs/checkpoints');
  const { decodeToken, comparePositions } = await import('@/server/cqrs/consistency-token');
  const { readModel } = await import('@/server/cqrs/read-models');
  const s = performance.now();
  const res = await stack.request('POST', '/api/commands/social/create-post', { authorization: `Bearer ${bearer}` }, { text });
  const committed = performance.now();
  if (res.status !== 201) throw new Error(`create-post: ${res.status} ${res.body}`);
  const body = JSON.parse(res.body) as { postId: string; consistencyToken: string };
  const at = decodeToken(body.consistencyToken)!;
  const followers = loaded.followersOf(author);
  // Exact for up to SAMPLED_FOLLOWERS followers (for the ~10-follower authors: all of them): poll
  // their heads (push, hybrid) or the author's profile (pull: followers merge its `recent` at read time).
  const heads = await readModel<{ _id: string; items?: { postId: string }[] }>(db, 'social_feed_heads');
  const profiles = await readModel<{ _id: string; recent?: { postId: string }[] }>(db, 'social_profiles');
  const pending = new Set([author, ...followers.slice(0, SAMPLED_FOLLOWERS)].map((i) => loaded.users[i].userId));
  const pulledAuthor = strategy === 'pull' || (followers.length >= cfg.threshold && strategy === 'hybrid');
  let sampledMs: number | null = null;
  let lagMs: number | null = null;
  let lastSampled = 0;
  while (performance.now() - committed < timeoutMs && (lagMs === null || sampledMs === null)) {
    if (lagMs === null && comparePositions(await loadCheckpoint(db, 'social.feed'), at) >= 0) lagMs = performance.now() - committed;
    if (sampledMs === null && performance.now() - lastSampled >= 50) {
      lastSampled = performance.now();
      if (pulledAuthor) {
        const p = await profiles.findOne({ _id: loaded.users[author].userId });
        if (p?.recent?.some((e) => e.postId === body.postId)) sampledMs = performance.now() - committed;
      } else {
        for (const owner of [...pending]) {
          const h = await heads.findOne({ _id: owner });
          if (h?.items?.some((e) => e.postId === body.postId)) pending.delete(owner);
        }
        if (pending.size === 0) sampledMs = performance.now() - committed;
      }
    }
    await sleep(cfg.lag.pollMs);
  }
  let verified = 0;
  let missing = 0;
  if (lagMs !== null) {
    const { readFeed } = await import('@/server/social/queries/read-feed');
    for (const f of followers.slice(0, 3)) {
      const read = await readFeed(db, loaded.users[f].userId, { limit: 20, filter: {}, strategy });
      if (read.entries.some((e) => e.postId === body.postId)) verified++;
      else missing++;
    }
  }
  return {
    author,
    followers: followers.length,
    lagMs,
    sampledMs,
    exact: followers.length <= SAMPLED_FOLLOWERS,
    commandMs: committed - s,
    verified,
    missing,
    postId: body.postId,
  };
}

/** Documents written per post (post, timeline, profile, and one head per owner) and time per write. */
function writeCost(byClass: Record<string, LagClass>, usage: PhaseUsage, strategy: Strategy): WriteCost {
  const out: WriteCost['byClass'] = {};
  let docs = 0;
  for (const [cls, c] of Object.entries(byClass)) {
    const perPost = strategy === 'pull' ? 3 : c.followersAvg + 1 + 3;
    docs += perPost * c.posts;
    out[cls] = { documentsPerPost: round(perPost), msPerFanOutWrite: strategy === 'pull' ? null : round(c.lagMs.p50 / (c.followersAvg + 1), 2) };
  }
  const cpuMs = (usage.cores.worker + usage.cores.ferretdb + usage.cores.readPostgres) * usage.seconds * 1000;
  return {
    byClass: out,
    documentsWritten: Math.round(docs),
    cpuMsPerDocument: round(cpuMs / Math.max(1, docs), 2),
    note: 'documents per post = 1 post + 1 timeline bucket + 1 profile (+ a read of it) + one head per follower and the author (push authors; a head that outgrew 80 entries also writes a page). CPU per document = (worker + FerretDB + read-store PostgreSQL CPU over the phase) / documents written.',
  };
}

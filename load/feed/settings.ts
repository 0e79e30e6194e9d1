/** The feed benchmark's settings (BENCH_* environment variables) and targets (SF6, SF8). */
import { flag, num } from '../harness/settings';
import { defaultPlan } from './bulk-load';

export type Strategy = 'push' | 'hybrid' | 'pull';

export const feedSettings = () => ({
  ports: {
    pg: num('BENCH_PG_PORT', 54359),
    readPg: num('BENCH_READ_PG_PORT', 54358),
    mongo: num('BENCH_MONGO_PORT', 27059),
    web: num('BENCH_WEB_PORT', 3059),
  },
  users: num('BENCH_FEED_USERS', defaultPlan.users),
  posts: num('BENCH_FEED_POSTS', defaultPlan.posts),
  celebrityFollowers: num('BENCH_FEED_CELEBRITY_FOLLOWERS', defaultPlan.celebrityFollowers),
  threshold: num('BENCH_FEED_THRESHOLD', 1000),
  /** Push last: its celebrity fan-out runs for minutes and is the bench's last act. */
  strategies: (process.env.BENCH_FEED_STRATEGIES ?? 'hybrid,pull,push').split(',') as Strategy[],
  read: {
    /** Requests per second per persona group (all groups at once). */
    rate: num('BENCH_FEED_RATE', 2.5),
    /** Pull reads every followed author's profile: a far lower rate is all it can take. */
    pullRate: num('BENCH_FEED_PULL_RATE', 0.5),
    seconds: num('BENCH_FEED_SECONDS', 20),
    pullSeconds: num('BENCH_FEED_PULL_SECONDS', 10),
    limit: 20,
    deepPage: 10,
    connections: 64,
  },
  lag: {
    posts: num('BENCH_LAG_POSTS', 24),
    rate: num('BENCH_LAG_RATE', 0.2),
    pullRate: num('BENCH_LAG_PULL_RATE', 1),
    pollMs: 10,
    timeoutMs: 60_000,
    celebrityTimeoutMs: num('BENCH_CELEB_TIMEOUT_MS', 180_000),
  },
  /** Also measure a celebrity post under pull (BENCH_CELEB_PULL=1). */
  celebrityUnderPull: flag('BENCH_CELEB_PULL'),
  timeoutMs: 30_000,
  pgFast: flag('BENCH_PG_FAST'),
});

export type FeedSettings = ReturnType<typeof feedSettings>;

export const feedTargets = { p99At5000Ms: 50, p99At5000BriefMs: 1000, ratio5000to10: 1.2, lagP99Ms: 2000 };

/** Followers whose heads are polled per post (all of them for authors with up to this many). */
export const SAMPLED_FOLLOWERS = 12;

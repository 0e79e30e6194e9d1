/**
 * `npm run bench:feed`: the social feed at volume (SF6, SF8). Not a test: it writes
 * docs/reports/feed-bench.md and docs/reports/feed-bench.json (BENCH_REPORT_DIR: elsewhere).
 *
 * Self-contained like bench:events (load/harness/stack.ts): its own production build (.next-bench),
 * a fresh data directory under /var/tmp, its own ports (PostgreSQL 54359, the read store's
 * PostgreSQL 54358, FerretDB 27059, web 3059), migrate (no demo seed), then:
 *   1. bulk load of the write side and the event log (load/feed/bulk-load.ts): 60,000 users,
 *      200,000 posts over 30 days, ~870,000 follows, as the commands would have written them
 *      (BENCH_FEED_USERS=3000 BENCH_FEED_POSTS=10000 ... for a run of minutes instead of ~50);
 *   2. per strategy (push, hybrid at 1000 followers, pull; load/feed/strategy.ts): the read side
 *      built from the log, web + worker with SOCIAL_FEED_STRATEGY / SOCIAL_PULL_THRESHOLD, feed
 *      reads per persona group (open loop), fan-out lag, a celebrity post, storage per user;
 *   3. everything it started is stopped by pid and the data directory removed.
 * A smaller run shows the earlier full-size run's verdicts beside its own (BENCH_FEED_EARLIER).
 * Knobs: BENCH_* environment variables (load/feed/settings.ts).
 */
import { peakOf } from './harness/proc-sampler';
import { REPORTS_OF_RECORD, readReport, writeReport } from './harness/report';
import { round } from './harness/settings';
import { runBench } from './harness/stack';
import { bulkLoad, defaultPlan } from './feed/bulk-load';
import { fastForwardOtherProjectors, socialCaughtUp } from './feed/catch-up';
import { makePersonas } from './feed/personas';
import { renderFeedMarkdown } from './feed/report';
import { feedSettings, feedTargets, type Strategy } from './feed/settings';
import { type Carry, measureStrategy } from './feed/strategy';
import type { EarlierRun, FeedBench, FeedReport, LoadResult, StrategyResult } from './feed/types';
import { judgeFeed } from './feed/verdicts';

const cfg = feedSettings();
const headline = ({ generatedAt, provenance, plan, config, machine, verdicts }: FeedReport): EarlierRun => ({
  generatedAt,
  provenance,
  plan,
  config,
  machine,
  verdicts,
});
const EARLIER = process.env.BENCH_FEED_EARLIER ?? 'feed-bench-60000-users';

runBench(
  {
    name: 'feed',
    command: 'npm run bench:feed (load/bench-feed.ts)',
    ports: cfg.ports,
    pgFast: cfg.pgFast,
    seed: false,
    requestTimeoutMs: cfg.timeoutMs * 4,
  },
  async (stack) => {
    await stack.start();
    const { pool } = await import('@/db/client');
    const { readDb, closeReadDb } = await import('@/db/mongo');
    const { hashPassword } = await import('@/server/auth/password');
    const { issueToken } = await import('@/server/auth/actor-from-request');
    pool().on('error', () => {}); // servers stop at the end; idle clients must not crash us
    stack.onShutdown(() => closeReadDb());
    stack.onShutdown(() => pool().end());
    const db = await readDb();

    stack.say(`bulk load: ${cfg.users} users, ${cfg.posts} posts (one bcrypt hash for all)`);
    stack.sampler.beginPhase('bulk-load (PostgreSQL)');
    const plan = { ...defaultPlan, users: cfg.users, posts: cfg.posts, celebrityFollowers: Math.min(cfg.celebrityFollowers, cfg.users - 200) };
    const loaded = await bulkLoad(pool(), await hashPassword('bench-password'), plan, stack.say);
    const load: LoadResult = {
      counts: loaded.counts,
      seconds: round(loaded.ms / 1000),
      writeDatabaseSize: (await pool().query<{ s: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0].s,
      personaFeedPosts: loaded.stats.personaFeedPosts,
      usage: stack.sampler.endPhase(),
    };
    stack.say(`  loaded ${JSON.stringify(loaded.counts)} in ${load.seconds} s; feed posts per persona group ${JSON.stringify(load.personaFeedPosts)}`);
    await fastForwardOtherProjectors(db, pool(), stack.say);

    const token = async (i: number) => {
      const u = loaded.users[i];
      return (await issueToken({ userId: u.userId, email: u.email, name: u.name, roles: ['attendee'] })).token;
    };
    const personas = await makePersonas(loaded, token);
    const bench: FeedBench = { stack, cfg, db, loaded, personas, token, settle: () => stack.settle(() => socialCaughtUp(db, pool()), 500) };
    const strategies: Partial<Record<Strategy, StrategyResult>> = {};
    const carry: Carry = {};
    for (const [i, strategy] of cfg.strategies.entries()) {
      const r: StrategyResult = {};
      strategies[strategy] = r;
      await measureStrategy(bench, pool(), strategy, carry, i === cfg.strategies.length - 1, r).catch((e: Error) => {
        r.error = e.stack ?? String(e);
        stack.say(`strategy ${strategy} failed: ${r.error}`);
      });
    }
    await stack.stopApp();

    const run = stack.finish();
    const earlier = readReport<FeedReport>(EARLIER, REPORTS_OF_RECORD);
    const report: Omit<FeedReport, 'verdicts'> = {
      ...run,
      config: cfg,
      targets: feedTargets,
      plan,
      setup: {
        node: process.version,
        readStore: stack.readStore(),
        postgres: `embedded PostgreSQL 17${cfg.pgFast ? ' (fsync off)' : ' (fsync on)'}`,
        web: 'next start (production build), one process; worker: node --import tsx workers/index.ts (one process)',
        loadGenerator: 'load/harness/open-loop.ts in worker threads (one per persona group), same machine',
      },
      results: { load, strategies },
      rssPeakMb: peakOf(stack.sampler.points.map((p) => p.tree)),
      ...(earlier && earlier.plan.users !== plan.users ? { earlier: { file: `${EARLIER}.md`, report: headline(earlier) } } : {}),
    };
    const verdicts = judgeFeed(report, run.machine[0].cpus);
    const written = writeReport('feed-bench', { ...report, verdicts }, renderFeedMarkdown);
    stack.say(`wrote ${written}.md and .json (${report.durationSec} s)`);
    for (const v of verdicts) stack.say(`${v.met ? 'MET   ' : 'MISSED'} ${v.target}: ${v.value}${v.bottleneck ? ` [bottleneck: ${v.bottleneck}]` : ''}`);
  },
);

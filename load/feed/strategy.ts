/**
 * One feed strategy measured end to end: its read side built from the log, web and worker started
 * with it, then deep-page cursors, unloaded reads, open-loop reads of the first and the deep page,
 * fan-out lag and a celebrity post. A failed lag or celebrity phase is recorded and the rest still runs.
 */
import type pg from 'pg';
import { celebrityPost } from './celebrity';
import { fanOutLag } from './fan-out-lag';
import { cursorsOf, findDeepCursors } from './personas';
import { buildReadSide, storage } from './read-side';
import { pageReads, unloadedReads } from './reads';
import type { Strategy } from './settings';
import type { FeedBench, StrategyResult } from './types';

/** What one strategy hands the next: the reusable generations and the deep-page cursors. */
export interface Carry {
  shared?: Record<string, number>;
  cursors?: Record<string, (string | null)[]>;
}

const failure = (e: unknown) => (e as Error).stack ?? String(e);

export async function measureStrategy(bench: FeedBench, pool: pg.Pool, strategy: Strategy, carry: Carry, last: boolean, r: StrategyResult): Promise<void> {
  const { stack, cfg, db } = bench;
  stack.say(`=== strategy ${strategy}${strategy === 'hybrid' ? ` (threshold ${cfg.threshold})` : ''}`);
  await stack.stopApp();
  r.build = await buildReadSide(bench, pool, strategy, carry.shared);
  const { STRATEGY_INDEPENDENT } = await import('@/server/social/projections/bulk-build');
  const { generations } = r.build;
  carry.shared ??= Object.fromEntries(STRATEGY_INDEPENDENT.map((n) => [n, generations[n]]));
  r.storage = await storage(db, generations, cfg.users);
  stack.say(`  storage: ${JSON.stringify(r.storage.perUserBytes)} bytes per user`);

  await stack.startApp({ SOCIAL_FEED_STRATEGY: strategy, SOCIAL_PULL_THRESHOLD: String(cfg.threshold) });
  Object.assign(r, await findDeepCursors(bench, strategy, carry.cursors));
  if (strategy !== 'pull') carry.cursors ??= cursorsOf(bench.personas);
  r.unloaded = await unloadedReads(bench, strategy);
  await bench.settle();
  r.firstPage = await pageReads(bench, strategy, 'first');
  await bench.settle();
  r.deepPage = await pageReads(bench, strategy, 'deep');
  await bench.settle();

  try {
    r.lag = await fanOutLag(bench, strategy);
  } catch (e) {
    r.lagError = failure(e);
    stack.say(`  fan-out lag failed: ${r.lagError}`);
  }
  await bench.settle();

  if (strategy === 'pull' && !cfg.celebrityUnderPull) return;
  try {
    r.celebrity = await celebrityPost(bench, strategy);
  } catch (e) {
    r.celebrityError = failure(e);
    stack.say(`  celebrity post failed: ${r.celebrityError}`);
  }
  // After the last strategy nothing else is measured: do not wait for a fan-out still running.
  if (!last) await bench.settle();
}

/**
 * The measured readers: per persona group, users with bearer tokens, and the cursor of their deep
 * page (page 10 = follow nextCursor 9 times), found by reading the feed page by page.
 */
import { round } from '../harness/settings';
import type { Loaded } from './bulk-load';
import type { Strategy } from './settings';
import type { FeedBench, Persona, StrategyResult } from './types';

export async function makePersonas(loaded: Loaded, token: (i: number) => Promise<string>): Promise<Record<string, Persona[]>> {
  const groups: Record<string, number[]> = { ...loaded.personas, celebrityFans: loaded.fans };
  const out: Record<string, Persona[]> = {};
  for (const [group, ids] of Object.entries(groups)) out[group] = await Promise.all(ids.map(async (index) => ({ group, index, token: await token(index) })));
  return out;
}

export interface FeedPage {
  items: { postId: string }[];
  nextCursor: string | null;
  stats: Record<string, number | string>;
}

export const feedPath = (limit: number, cursor?: string | null) =>
  `/api/queries/social/feed?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

/** One feed page as persona `p` (through the web app). */
export async function readPage({ stack, cfg }: FeedBench, p: Persona, cursor?: string | null): Promise<FeedPage> {
  const res = await stack.request('GET', feedPath(cfg.read.limit, cursor), { authorization: `Bearer ${p.token}` });
  if (res.status !== 200) throw new Error(`feed for ${p.group}: ${res.status} ${res.body.slice(0, 300)}`);
  return JSON.parse(res.body) as FeedPage;
}

/**
 * Sets each persona's deepCursor (also the warm-up of this strategy's web process). Pull reads cost
 * ~1 ms per followed author: under pull the cursors found under push/hybrid are reused (a cursor is
 * a log key; pull ignores the page hint), passed as `earlier`.
 */
export async function findDeepCursors(
  bench: FeedBench,
  strategy: Strategy,
  earlier: Record<string, (string | null)[]> | undefined,
): Promise<Pick<StrategyResult, 'deepPageCursors' | 'firstPageStats'>> {
  const { stack, cfg, personas } = bench;
  const t = Date.now();
  const firstPageStats: NonNullable<StrategyResult['firstPageStats']> = {};
  const work = Object.values(personas).flatMap((list) => list.map((p, k) => [k, p] as const));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < work.length) {
        const [k, p] = work[next++];
        if (strategy === 'pull' && earlier) {
          p.deepCursor = earlier[p.group][k];
          continue;
        }
        let cursor: string | null = null;
        let page = 1;
        let first: FeedPage | null = null;
        for (; page < cfg.read.deepPage; page++) {
          const res = await readPage(bench, p, cursor);
          first ??= res;
          if (!res.nextCursor) break;
          cursor = res.nextCursor;
        }
        p.deepCursor = cursor;
        p.deepPageReached = page;
        if (k === 0) firstPageStats[p.group] = { firstPage: first?.stats, deepPage: page };
      }
    }),
  );
  stack.say(`  cursors for page ${cfg.read.deepPage} found in ${round((Date.now() - t) / 1000)} s`);
  return {
    deepPageCursors: Object.fromEntries(
      Object.entries(personas).map(([g, l]) => [g, { reached: l.map((p) => p.deepPageReached ?? null), withCursor: l.filter((p) => p.deepCursor).length }]),
    ),
    firstPageStats,
  };
}

/** The cursors found under a push or hybrid strategy, for pull to reuse. */
export const cursorsOf = (personas: Record<string, Persona[]>) =>
  Object.fromEntries(Object.entries(personas).map(([g, l]) => [g, l.map((p) => p.deepCursor ?? null)]));

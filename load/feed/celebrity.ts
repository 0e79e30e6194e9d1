/** One celebrity post, then 50 ms later an ordinary post: how long the big fan-out holds the small one back. */
import { performance } from 'node:perf_hooks';
import { round, sleep } from '../harness/settings';
import { postAndWait } from './fan-out-lag';
import type { Strategy } from './settings';
import type { CelebrityResult, FeedBench } from './types';

export async function celebrityPost(bench: FeedBench, strategy: Strategy): Promise<CelebrityResult> {
  const { stack, cfg, loaded } = bench;
  const celeb = loaded.celebrities[0];
  const small = loaded.smallAuthors[loaded.smallAuthors.length - 1];
  const [celebToken, smallToken] = [await bench.token(celeb), await bench.token(small)];
  const timeout = cfg.lag.celebrityTimeoutMs;
  const notDone = `not done within ${timeout / 1000} s`;
  stack.sampler.beginPhase(`${strategy}: celebrity post`);
  try {
    const t = performance.now();
    const celebrityRun = postAndWait(bench, celeb, celebToken, 'celebrity post', timeout, strategy);
    await sleep(50);
    const ordinary = await postAndWait(bench, small, smallToken, 'ordinary post right after a celebrity post', timeout, strategy);
    const celebrity = await celebrityRun;
    const result: Omit<CelebrityResult, 'usage'> = {
      label: `a post by a celebrity (${celebrity.followers} followers), then 50 ms later one by an author with ${ordinary.followers} followers; lag as in the fan-out lag phase`,
      celebrityFollowers: celebrity.followers,
      celebrityLagMs: celebrity.lagMs === null ? notDone : round(celebrity.lagMs),
      ordinaryFollowers: ordinary.followers,
      ordinaryLagMs: ordinary.lagMs === null ? notDone : round(ordinary.lagMs),
      ordinaryAllFollowersHeadsMs: ordinary.sampledMs === null ? notDone : round(ordinary.sampledMs),
      wallSeconds: round((performance.now() - t) / 1000),
    };
    stack.say(`    celebrity: ${JSON.stringify({ celebrity: result.celebrityLagMs, ordinaryAfter: result.ordinaryLagMs })}`);
    return { ...result, usage: stack.sampler.endPhase() };
  } catch (e) {
    stack.sampler.endPhase();
    throw e;
  }
}

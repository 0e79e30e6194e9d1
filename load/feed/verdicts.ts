/** The feed benchmark's verdicts per strategy: read latency at 5,000 follows, its ratio to 10, fan-out lag. */
import { type Verdict, verdict } from '../harness/verdict';
import { feedTargets as targets, SAMPLED_FOLLOWERS } from './settings';
import type { FeedReport, PageReads } from './types';

export function judgeFeed(r: Omit<FeedReport, 'verdicts'>, cpus: number): Verdict[] {
  const v: Verdict[] = [];
  for (const [strategy, s] of Object.entries(r.results.strategies)) {
    for (const [page, p] of [
      ['first page', s.firstPage],
      [`page ${r.config.read.deepPage}`, s.deepPage],
    ] as [string, PageReads | undefined][]) {
      const f5000 = p?.groups.follows5000;
      if (!p || !f5000) continue;
      const at = `${strategy}, ${page}, ${p.rate}/s per group`;
      const f1000 = p.groups.follows1000?.p99 ?? Infinity;
      v.push(
        verdict({
          target: `feed p99 <= ${targets.p99At5000Ms} ms following 5,000 (${at})`,
          value: `${f5000.p99} ms (errors ${JSON.stringify(f5000.errors)})`,
          met: f5000.p99 <= targets.p99At5000Ms && f5000.ok === f5000.count,
          usage: p.usage,
          cpus,
        }),
        verdict({
          target: `brief (SF6): feed under 1 s following 1,000+ (${at})`,
          value: `p99 ${f5000.p99} ms following 5,000, ${p.groups.follows1000?.p99} ms following 1,000`,
          met: f5000.p99 < targets.p99At5000BriefMs && f1000 < targets.p99At5000BriefMs,
          usage: p.usage,
          cpus,
        }),
      );
      if (p.ratio5000to10 !== undefined)
        v.push(
          verdict({
            target: `p99(follows 5,000) / p99(follows 10) <= ${targets.ratio5000to10} (${at})`,
            value: `${p.ratio5000to10} (${f5000.p99} / ${p.groups.follows10.p99} ms)`,
            met: p.ratio5000to10 <= targets.ratio5000to10,
            usage: p.usage,
            cpus,
          }),
        );
    }
    if (strategy === 'pull' || !s.lag) continue;
    for (const [cls, c] of Object.entries(s.lag.byClass)) {
      const exact = c.sampledLagMs.exactForAllFollowers;
      const p99 = exact ? c.sampledLagMs.p99 : c.lagMs.p99;
      v.push(
        verdict({
          target: `fan-out lag p99 <= ${targets.lagP99Ms} ms, authors ${cls} (${strategy})`,
          value: exact
            ? `${p99} ms over ${c.posts} posts: every follower's head polled (checkpoint-based: ${c.lagMs.p99} ms)`
            : `${p99} ms over ${c.posts} posts: projection checkpoint (upper bound); first ${SAMPLED_FOLLOWERS} followers' heads: ${c.sampledLagMs.p99} ms`,
          met: p99 <= targets.lagP99Ms && c.notVisibleInTime === 0,
          usage: s.lag.usage,
          cpus,
        }),
      );
    }
  }
  return v;
}

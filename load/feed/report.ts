/** Renders docs/reports/feed-bench.md from the feed benchmark's JSON (see load/bench-feed.ts). */
import { cpuTable, errs, runHeader, table, targetsTable } from '../harness/markdown';
import { rerenderWhenRun } from '../harness/report';
import type { Strategy } from './settings';
import type { EarlierRun, FeedReport, PageReads, StrategyResult } from './types';

const kb = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`);
const GROUP_LABEL: Record<string, string> = {
  follows10: 'follows 10',
  follows1000: 'follows 1,000',
  follows5000: 'follows 5,000',
  celebrityFans: 'ordinary user following ~10 + the 3 celebrities',
};

/** The headline of an earlier run at another size, kept beside this one (its full report is its own file). */
function earlierRun(file: string, e: EarlierRun): string[] {
  const p = e.provenance;
  return [
    `## Earlier run at ${e.plan.users.toLocaleString('en-US')} users (not this run)`,
    '',
    `From [${file}](${file}): generated on ${e.generatedAt} by ${p?.command ?? 'the benchmark'}; code: ${p?.commit ?? 'commit not recorded'}; ` +
      `settings: ${e.plan.users.toLocaleString('en')} users, ${e.plan.posts.toLocaleString('en')} posts, celebrities with ${e.plan.celebrityFollowers.toLocaleString('en')} followers, ` +
      `strategies ${e.config.strategies.join(', ')}, ${e.config.read.rate}/s per group for ${e.config.read.seconds} s (pull ${e.config.read.pullRate}/s for ${e.config.read.pullSeconds} s), ` +
      `${e.config.lag.posts} lag posts; load average ${e.machine[0].loadavg.join(' / ')} before and ${e.machine[e.machine.length - 1].loadavg.join(' / ')} after, on the same shared 2-core machine.`,
    '',
    targetsTable(e.verdicts),
    '',
  ];
}

export function renderFeedMarkdown(r: FeedReport): string {
  const res = r.results;
  const out: string[] = [];
  const before = r.machine[0];
  const strategies = Object.keys(res.strategies) as Strategy[];
  const st = (s: Strategy): StrategyResult => res.strategies[s] ?? {};
  out.push(`# Feed benchmark (SF6, SF8): push vs pull vs hybrid at ${r.plan.users.toLocaleString('en-US')} users`);
  out.push('');
  out.push(...runHeader(r, '`npm run bench:feed` (load/bench-feed.ts)'));
  out.push('');
  out.push('The "others" CPU column is work by processes outside this benchmark.');
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(targetsTable(r.verdicts));
  out.push('');
  if (r.earlier) out.push(...earlierRun(r.earlier.file, r.earlier.report));
  out.push('## Data and method');
  out.push('');
  const c = res.load.counts;
  out.push(
    `- Write side: ${c.users.toLocaleString('en')} users, ${c.posts.toLocaleString('en')} posts over the last 30 days, ${c.follows.toLocaleString('en')} follows; ` +
      `${c.events.toLocaleString('en')} domain events (UserCreated, UserFollowed, PostCreated with the handlers' shapes, stream versions and metadata), ` +
      `bulk-loaded in ${res.load.seconds} s (load/feed/bulk-load.ts; one bcrypt hash shared by all accounts; write database ${res.load.writeDatabaseSize}). ` +
      'Log order: users, then the follows (shuffled), then the posts in created_at order, authors interleaved.',
  );
  out.push(
    `- Graph: ordinary users follow ${r.plan.ordinaryFollows} random ordinary accounts; ${r.plan.personasPerGroup} personas per group follow exactly ${r.plan.personaFollows.join(' / ')} accounts ` +
      `(the 10-follow personas follow prolific accounts, so that they have a page ${r.config.read.deepPage}; average posts in their followees' timelines: ${JSON.stringify(res.load.personaFeedPosts)}); ` +
      `${r.plan.celebrities} celebrities with ${r.plan.celebrityFollowers.toLocaleString('en')} followers each and ${r.plan.celebrityPosts} posts; ` +
      `${r.plan.mid.map(([f, n]: [number, number]) => `${n} authors with ~${f} followers`).join(', ')}; ${r.plan.fans} ordinary users who also follow the celebrities; ` +
      `${r.plan.activeAuthors} prolific accounts write ${Math.round(r.plan.activeShare * 100)} % of the posts. Personas do not follow celebrities (the "celebrity fans" group does).`,
  );
  out.push(
    '- Read side per strategy: `bulkBuildSocial` (server/social/projections/bulk-build.ts) reads the log once and writes every read model with insertMany into fresh ' +
      'generations, then swaps the aliases and saves the checkpoint; it lays out windows with the same rules and shapes as the incremental projector ' +
      '(bulk-build.int.test.ts proves whole feeds equal). Posts, timelines, follows, likes and comments do not depend on the strategy and are written ' +
      'once, by the first build, and reused. push: no threshold; hybrid: authors with >= ' +
      `${r.config.threshold} followers are merged at read time; pull: no feed documents at all, every followed author merged at read time.`,
  );
  out.push(
    `- Reads: \`GET /api/queries/social/feed?limit=${r.config.read.limit}\` with each persona's bearer token, the first page and page ${r.config.read.deepPage} ` +
      '(its cursor found beforehand by following nextCursor; under pull the cursors found under push are reused: a cursor is a log key). ' +
      'All groups at once, each its own open-loop stream at the stated rate, latency from the intended start (coordinated omission corrected), ' +
      `${r.config.read.connections} connections per group.`,
  );
  out.push(
    "- Fan-out lag: from the 201 of `POST /api/commands/social/create-post` until the social projection's checkpoint reaches the post's consistency token " +
      '(the projector saves it only after every follower\'s head was written, so this is "in ALL followers\' feeds"), polled every ' +
      `${r.config.lag.pollMs} ms. The checkpoint moves once per batch of events, so a small post batched with a big fan-out is billed the whole batch: it is an upper bound. ` +
      'Exact for the first 12 followers (all followers of the ~10-follower authors): their head documents are polled every 50 ms until all contain the post ' +
      "(under pull, and for hybrid authors past the threshold, the author's profile `recent` list, which is what followers merge). " +
      'Then, as a check, the first feed page of 3 followers (readFeed from the bench process) must contain the post.',
  );
  out.push('');

  // Reads.
  out.push('## 1. Feed reads (open loop)');
  out.push('');
  const readRows: unknown[][] = [];
  for (const s of strategies) {
    for (const page of ['firstPage', 'deepPage'] as const) {
      const p = st(s)[page];
      if (!p) continue;
      for (const [g, x] of Object.entries(p.groups)) {
        readRows.push([
          s,
          page === 'firstPage' ? 'first' : `page ${r.config.read.deepPage}`,
          GROUP_LABEL[g] ?? g,
          `${x.ratePerSec}/s for ${p.seconds} s`,
          x.count,
          x.p50,
          x.p95,
          x.p99,
          x.max,
          errs(x.errors),
        ]);
      }
    }
  }
  out.push(table(['strategy', 'page', 'persona group', 'arrival rate', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'], readRows));
  out.push('');
  out.push(
    table(
      [
        'strategy',
        'p99 ratio 5,000 / 10, first page',
        'p99 ratio, deep page',
        'CPU ms per request (first page): web / FerretDB / read-store PG',
        'same, deep page',
      ],
      strategies.map((s) => {
        const { firstPage, deepPage } = st(s);
        const cpu = (p: PageReads | undefined) => (p ? `${p.cpuMsPerRequest.web} / ${p.cpuMsPerRequest.ferretdb} / ${p.cpuMsPerRequest.readPostgres}` : '');
        return [s, firstPage?.ratio5000to10, deepPage?.ratio5000to10, cpu(firstPage), cpu(deepPage)];
      }),
    ),
  );
  out.push('');
  out.push('Unloaded (one request at a time, first page, ms):');
  out.push('');
  out.push(
    table(
      ['strategy', ...Object.keys(GROUP_LABEL).map((g) => `${GROUP_LABEL[g]} p50 / p95 / max`)],
      strategies.map((s) => [
        s,
        ...Object.keys(GROUP_LABEL).map((g) => {
          const u = st(s).unloaded?.[g];
          return u ? `${u.p50} / ${u.p95} / ${u.max} (n=${u.n})` : '';
        }),
      ]),
    ),
  );
  out.push('');
  const statsLines = strategies
    .map(
      (s) =>
        `${s}: ${Object.entries(st(s).firstPageStats ?? {})
          .map(([g, x]) => `${GROUP_LABEL[g] ?? g} ${JSON.stringify(x.firstPage)}`)
          .join('; ')}`,
    )
    .filter((l) => !l.endsWith(': '));
  if (statsLines.length) {
    out.push("How the first page was assembled (the response's `stats`, one persona per group):");
    out.push('');
    for (const l of statsLines) out.push(`- ${l}`);
    out.push('');
  }

  // Lag.
  out.push('## 2. Fan-out lag and write cost');
  out.push('');
  const lagRows: unknown[][] = [];
  for (const s of strategies) {
    const l = st(s).lag;
    if (!l) continue;
    for (const [cls, x] of Object.entries(l.byClass)) {
      const wc = l.writeCost?.byClass?.[cls];
      const sl = x.sampledLagMs ?? {};
      lagRows.push([
        s,
        cls,
        x.posts,
        x.followersAvg,
        `${x.lagMs.p50} / ${x.lagMs.p95} / ${x.lagMs.p99} / ${x.lagMs.max}`,
        `${sl.p50} / ${sl.p95} / ${sl.p99} / ${sl.max}${sl.exactForAllFollowers ? ' (all followers)' : ''}`,
        x.notVisibleInTime,
        `${x.sampledFollowersVerified} / ${x.sampledFollowersMissing}`,
        wc?.documentsPerPost,
        wc?.msPerFanOutWrite ?? '',
      ]);
    }
  }
  out.push(
    table(
      [
        'strategy',
        'authors',
        'posts',
        'followers (avg)',
        'checkpoint lag p50 / p95 / p99 / max ms (all followers, upper bound)',
        'polled heads of the author + first 12 followers: p50 / p95 / p99 / max ms',
        'not visible in time',
        'feed query check: followers ok / missing',
        'documents written per post',
        'ms per fan-out write (p50 checkpoint lag / owners)',
      ],
      lagRows,
    ),
  );
  out.push('');
  const lagNotes = strategies
    .filter((s) => st(s).lag?.writeCost)
    .map((s) => `${s}: ${st(s).lag?.writeCost.cpuMsPerDocument} ms CPU per document written (${st(s).lag?.writeCost.documentsWritten} documents)`);
  const anyLag = strategies.map((s) => st(s).lag).find((l) => l?.writeCost);
  out.push(`${anyLag?.label ?? ''}. CPU per document (worker + FerretDB + its PostgreSQL): ${lagNotes.join('; ')}. ${anyLag?.writeCost.note ?? ''}`);
  out.push('');
  const celebRows = strategies
    .filter((s) => st(s).celebrity)
    .map((s) => {
      const x = st(s).celebrity!;
      return [
        s,
        x.celebrityFollowers,
        x.celebrityLagMs,
        x.ordinaryFollowers,
        x.ordinaryLagMs,
        x.ordinaryAllFollowersHeadsMs,
        `${x.usage.cores.worker} / ${x.usage.cores.ferretdb} / ${x.usage.cores.readPostgres}`,
      ];
    });
  if (celebRows.length) {
    out.push('A celebrity post, and an ordinary post sent 50 ms after it:');
    out.push('');
    out.push(
      table(
        [
          'strategy',
          'celebrity followers',
          'celebrity post lag ms (checkpoint)',
          'ordinary author followers',
          'ordinary post lag ms (checkpoint)',
          "ordinary post in all its followers' heads ms",
          'cores: worker / FerretDB / read-store PG',
        ],
        celebRows,
      ),
    );
    out.push('');
  }

  // Build and storage.
  out.push('## 3. Bulk build and storage per user');
  out.push('');
  out.push(
    table(
      ['strategy', 'events read', 'read ms', 'feeds laid out ms', 'insertMany ms', 'indexes ms', 'total s', 'documents written', 'authors in pull mode'],
      strategies
        .filter((s) => st(s).build)
        .map((s) => {
          const b = st(s).build!;
          const docs = Object.entries(b.documents)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k.replace('social_', '')} ${n.toLocaleString('en')}`)
            .join(', ');
          return [s, b.events.toLocaleString('en'), b.ms.read, b.ms.feeds, b.ms.write, b.ms.indexes, (b.ms.total / 1000).toFixed(1), docs, b.pullAuthors];
        }),
    ),
  );
  out.push('');
  out.push(
    table(
      [
        'strategy',
        'feed (heads + pages) per user, as BSON',
        'feed per user, collStats size',
        'feed on disk per user (storage + indexes)',
        'all social read models per user, BSON',
        'all, collStats size',
        'all on disk',
      ],
      strategies
        .filter((s) => st(s).storage)
        .map((s) => {
          const p = st(s).storage!.perUserBytes;
          return [s, kb(p.feedBson), kb(p.feedDocuments), kb(p.feedOnDisk), kb(p.allBson), kb(p.allDocuments), kb(p.allOnDisk)];
        }),
    ),
  );
  out.push('');
  const withStorage = strategies.find((s) => st(s).storage?.collections);
  const st0 = (withStorage && st(withStorage).storage?.collections) || ({} as NonNullable<StrategyResult['storage']>['collections']);
  out.push(
    `Per collection (${strategies[0]}, source: ${Object.values(st0)[0]?.source}): ` +
      Object.entries(st0)
        .map(
          ([k, x]) =>
            `${k} ${x.count.toLocaleString('en')} docs, ${kb(x.bsonBytes)} BSON, collStats size ${kb(x.sizeBytes)}, storage ${kb(x.storageBytes)} + indexes ${kb(x.indexBytes)}`,
        )
        .join('; ') +
      '.',
  );
  out.push('');

  // CPU.
  out.push('## 4. CPU (cores, averaged over each phase) and memory');
  out.push('');
  out.push(cpuTable(r.phases));
  out.push('');
  out.push(
    `Peak RSS over the run (process trees, MB): ${JSON.stringify(r.rssPeakMb)}. The bench process holds the bulk build's in-memory model of the whole log.`,
  );
  out.push('');
  const failures = strategies.flatMap((s) =>
    (['error', 'lagError', 'celebrityError'] as const).filter((k) => st(s)[k]).map((k) => `- ${s} ${k}: \`${String(st(s)[k]).split('\n')[0]}\``),
  );
  if (failures.length) {
    out.push('## Failures during the run');
    out.push('');
    out.push(...failures);
    out.push('');
  }
  if (r.findings) {
    out.push('## Findings');
    out.push('');
    out.push(r.findings);
    out.push('');
  }
  out.push(`Busiest processes before the run: ${before.top.slice(0, 5).join('; ')}`);
  out.push('');
  return out.join('\n');
}

// `npx tsx load/feed/report.ts` re-renders the markdown from the JSON.
rerenderWhenRun(import.meta, 'feed-bench', renderFeedMarkdown);

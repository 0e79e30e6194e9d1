/**
 * Loads the feed benchmark's data into the WRITE side in bulk: users, roles, posts, follows, the
 * social_members counters, and the matching domain_events (UserCreated, UserFollowed, PostCreated)
 * with the shapes, stream ids, stream versions and metadata the command handlers write. The
 * commands would take hours at this volume (one transaction per follow, bcrypt per sign-up); the
 * read side is then built from this log by server/social/projections/bulk-build.ts.
 *
 * Multi-row INSERT ... SELECT FROM unnest(...) in a few transactions. domain_events.transaction_id
 * keeps its default (the writer's xid), so every row of one transaction shares it and the log order
 * is (transaction, position): users first, then follows (shuffled, 60..30 days ago), then posts in
 * created_at order over the last 30 days (authors interleaved as they would be).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { UserCreated } from '@/server/identity/domain/domain-events';
import type { PostCreated, UserFollowed } from '@/server/social/domain/domain-events';
import { FIRST, LAST, rng, TAGS, WORDS } from './sample-content';

export interface LoadPlan {
  users: number;
  posts: number;
  /** Random ordinary accounts each ordinary user follows. */
  ordinaryFollows: number;
  personasPerGroup: number;
  personaFollows: number[];
  celebrities: number;
  celebrityFollowers: number;
  celebrityPosts: number;
  /** [follower count, authors] of the "mid" authors (fan-out lag just below the threshold). */
  mid: [number, number][];
  /** Ordinary users who follow every celebrity and are measured (the hybrid's pulled-author read). */
  fans: number;
  /** Prolific ordinary accounts (40 posts each) and the share of all posts they write. */
  activeAuthors: number;
  activeShare: number;
}

export const defaultPlan: LoadPlan = {
  users: 60_000,
  posts: 200_000,
  ordinaryFollows: 10,
  personasPerGroup: 20,
  personaFollows: [10, 1000, 5000],
  celebrities: 3,
  celebrityFollowers: 50_000,
  celebrityPosts: 20,
  mid: [
    [500, 20],
    [950, 20],
  ],
  fans: 20,
  activeAuthors: 3000,
  activeShare: 0.6,
};

export interface BenchUser {
  userId: string;
  email: string;
  name: string;
}

export interface Loaded {
  users: BenchUser[];
  personas: Record<string, number[]>;
  celebrities: number[];
  mid: Record<string, number[]>;
  fans: number[];
  /** Ordinary users with at least one follower and few (the "~10 followers" authors). */
  smallAuthors: number[];
  followersOf: (i: number) => number[];
  counts: { users: number; posts: number; follows: number; events: number };
  ms: number;
  stats: { followersOfSmall: number[]; personaFeedPosts: Record<string, number> };
}

/**
 * @param passwordHash one bcrypt hash, computed once by the caller and shared by every account.
 */
export async function bulkLoad(pool: pg.Pool, passwordHash: string, plan: LoadPlan = defaultPlan, log: (l: string) => void = () => {}): Promise<Loaded> {
  const t0 = Date.now();
  const rand = rng(20240601);
  const pick = (n: number) => Math.floor(rand() * n);
  const N = plan.users;
  const now = Date.now();
  const DAY = 86_400_000;

  // Roles by index range.
  let next = 0;
  const range = (n: number) => Array.from({ length: n }, () => next++);
  const celebrities = range(plan.celebrities);
  const mid: Record<string, number[]> = {};
  for (const [followers, n] of plan.mid) mid[`followers${followers}`] = range(n);
  const personas: Record<string, number[]> = {};
  for (const f of plan.personaFollows) personas[`follows${f}`] = range(plan.personasPerGroup);
  const firstOrdinary = next;
  const fans = range(plan.fans);
  const ordinaryCount = N - firstOrdinary;
  const ordinary = () => firstOrdinary + pick(ordinaryCount);
  const personaSet = new Set(Object.values(personas).flat());
  const active = Array.from({ length: Math.min(plan.activeAuthors, Math.floor(N / 20)) }, (_, i) => firstOrdinary + plan.fans + 100 + i);

  const users: BenchUser[] = Array.from({ length: N }, (_, i) => ({
    userId: randomUUID(),
    email: `feed-${i}@bench.test`,
    name: `${FIRST[pick(FIRST.length)]} ${LAST[pick(LAST.length)]} ${i}`,
  }));

  // Follow edges (follower index -> followee index), no duplicates, no self-follows.
  const following: Set<number>[] = Array.from({ length: N }, () => new Set());
  const followers: number[][] = Array.from({ length: N }, () => []);
  const edges: [number, number][] = [];
  const addEdge = (a: number, b: number) => {
    if (a === b || following[a].has(b)) return false;
    following[a].add(b);
    followers[b].push(a);
    edges.push([a, b]);
    return true;
  };
  for (let u = firstOrdinary; u < N; u++) for (let k = 0; k < plan.ordinaryFollows; ) if (addEdge(u, ordinary())) k++;
  for (const [count] of plan.mid) for (const a of mid[`followers${count}`]) for (let k = 0; k < count; ) if (addEdge(ordinary(), a)) k++;
  for (const c of celebrities) {
    for (const f of fans) addEdge(f, c);
    // Any non-persona account except the celebrities themselves.
    while (followers[c].length < plan.celebrityFollowers) {
      const f = plan.celebrities + pick(N - plan.celebrities);
      if (!personaSet.has(f)) addEdge(f, c);
    }
  }
  for (const f of plan.personaFollows) {
    for (const p of personas[`follows${f}`]) {
      // The 10-follow personas follow prolific accounts, so their feed has a page 10 too.
      const pool = f <= 10 ? () => active[pick(active.length)] : ordinary;
      for (let k = 0; k < Math.min(f, Math.floor(ordinaryCount / 2)); ) if (addEdge(p, pool())) k++;
    }
  }
  // Shuffle: counts in the events then grow the way they would have.
  for (let i = edges.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [edges[i], edges[j]] = [edges[j], edges[i]];
  }

  // Posts: celebrities a fixed number, prolific accounts a share, the rest anywhere.
  const postAuthors: number[] = [];
  for (const c of celebrities) for (let k = 0; k < plan.celebrityPosts; k++) postAuthors.push(c);
  const activePosts = Math.round(plan.posts * plan.activeShare);
  for (let k = 0; k < activePosts; k++) postAuthors.push(active[k % active.length]);
  while (postAuthors.length < plan.posts) postAuthors.push(plan.celebrities + pick(N - plan.celebrities));
  const postTimes = postAuthors.map(() => now - 30 * DAY + Math.floor(rand() * (30 * DAY - 60_000)));
  const order = postAuthors.map((_, i) => i).sort((a, b) => postTimes[a] - postTimes[b]);

  // Per member stream: version, counters.
  const version = new Int32Array(N);
  const postCount = new Int32Array(N);
  const followerCount = new Int32Array(N);
  const followingCount = new Int32Array(N);
  const countsVersion = new Int32Array(N);

  const client = await pool.connect();
  let eventsWritten = 0;
  try {
    await client.query('SET synchronous_commit = off');
    const tx = async (label: string, fn: () => Promise<void>) => {
      const t = Date.now();
      await client.query('BEGIN');
      try {
        await fn();
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      log(`  ${label} in ${Date.now() - t} ms`);
    };
    const insertEvents = async (rows: { stream: string; version: number; type: string; data: unknown; metadata: unknown; at: Date }[]) => {
      for (let i = 0; i < rows.length; i += 10_000) {
        const slice = rows.slice(i, i + 10_000);
        await client.query(
          `INSERT INTO domain_events (stream_id, stream_version, type, data, metadata, occurred_at)
           SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[])`,
          [
            slice.map((r) => r.stream),
            slice.map((r) => r.version),
            slice.map((r) => r.type),
            slice.map((r) => JSON.stringify(r.data)),
            slice.map((r) => JSON.stringify(r.metadata)),
            slice.map((r) => r.at),
          ],
        );
      }
      eventsWritten += rows.length;
    };
    const meta = (actorId: string | null, command: string) => ({ actorId, correlationId: randomUUID(), command, idempotencyKey: null });

    // 1. Users (the trigger creates their social_members rows) and UserCreated.
    await tx(`${N} users + UserCreated`, async () => {
      const created = new Date(now - 61 * DAY);
      for (let i = 0; i < N; i += 10_000) {
        const slice = users.slice(i, i + 10_000);
        await client.query(
          `INSERT INTO users (id, email, name, password_hash, created_at) SELECT u.id, u.email, u.name, $4, $5 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, email, name)`,
          [slice.map((u) => u.userId), slice.map((u) => u.email), slice.map((u) => u.name), passwordHash, created],
        );
        await client.query(`INSERT INTO user_roles (user_id, role) SELECT id, 'attendee' FROM unnest($1::uuid[]) AS id`, [slice.map((u) => u.userId)]);
      }
      await insertEvents(
        users.map((u) => ({
          stream: `user-${u.userId}`,
          version: 1,
          type: 'UserCreated',
          data: { userId: u.userId, email: u.email, name: u.name, roles: ['attendee'] } satisfies UserCreated['data'],
          metadata: meta(null, 'identity/create-user'),
          at: created,
        })),
      );
    });

    // 2. Follows, 60..30 days ago, in a few transactions.
    const FOLLOW_TX = 150_000;
    for (let s = 0; s < edges.length; s += FOLLOW_TX) {
      const slice = edges.slice(s, s + FOLLOW_TX);
      await tx(`${slice.length} follows + UserFollowed`, async () => {
        const rows = slice.map(([a, b], k) => {
          const at = new Date(now - 60 * DAY + Math.floor(((s + k) / edges.length) * 30 * DAY));
          followerCount[b]++;
          followingCount[a]++;
          countsVersion[a]++;
          countsVersion[b]++;
          version[a]++;
          const data: UserFollowed['data'] = {
            followerId: users[a].userId,
            followeeId: users[b].userId,
            followerCount: followerCount[b],
            followingCount: followingCount[a],
            followerCountsVersion: countsVersion[a],
            followeeCountsVersion: countsVersion[b],
            followedAt: at.toISOString(),
          };
          return {
            stream: `social-member-${users[a].userId}`,
            version: version[a],
            type: 'UserFollowed',
            data,
            metadata: meta(users[a].userId, 'social/follow-user'),
            at,
          };
        });
        for (let i = 0; i < slice.length; i += 10_000) {
          const part = slice.slice(i, i + 10_000);
          await client.query(`INSERT INTO follows (follower_id, followee_id, created_at) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])`, [
            part.map(([a]) => users[a].userId),
            part.map(([, b]) => users[b].userId),
            rows.slice(i, i + 10_000).map((r) => r.at),
          ]);
        }
        await insertEvents(rows);
      });
    }

    // 3. Posts in created_at order.
    const POST_TX = 50_000;
    for (let s = 0; s < order.length; s += POST_TX) {
      const slice = order.slice(s, s + POST_TX);
      await tx(`${slice.length} posts + PostCreated`, async () => {
        const rows = slice.map((p) => {
          const a = postAuthors[p];
          const seq = ++postCount[a];
          version[a]++;
          const text = Array.from({ length: 6 + pick(14) }, () => WORDS[pick(WORDS.length)]).join(' ');
          const tags = rand() < 0.5 ? [TAGS[pick(TAGS.length)]] : [];
          const createdAt = new Date(postTimes[p]);
          const data: PostCreated['data'] = {
            postId: randomUUID(),
            author: { userId: users[a].userId, name: users[a].name },
            authorSeq: seq,
            text,
            tags,
            createdAt: createdAt.toISOString(),
            postCount: seq,
          };
          return {
            stream: `social-member-${users[a].userId}`,
            version: version[a],
            type: 'PostCreated',
            data,
            metadata: meta(users[a].userId, 'social/create-post'),
            at: createdAt,
          };
        });
        for (let i = 0; i < rows.length; i += 10_000) {
          const part = rows.slice(i, i + 10_000);
          await client.query(
            `INSERT INTO posts (id, author_id, author_seq, text, tags, created_at, version)
             SELECT p.id, p.author_id, p.seq, p.text, ARRAY(SELECT jsonb_array_elements_text(p.tags)), p.created_at, 0
               FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::jsonb[], $6::timestamptz[]) AS p(id, author_id, seq, text, tags, created_at)`,
            [
              part.map((r) => r.data.postId),
              part.map((r) => r.data.author.userId),
              part.map((r) => r.data.authorSeq),
              part.map((r) => r.data.text),
              part.map((r) => JSON.stringify(r.data.tags)),
              part.map((r) => r.at),
            ],
          );
        }
        await insertEvents(rows);
      });
    }

    // 4. The member rows the trigger created get their counters and stream versions.
    await tx('social_members counters', async () => {
      for (let i = 0; i < N; i += 10_000) {
        const idx = Array.from({ length: Math.min(10_000, N - i) }, (_, k) => i + k);
        await client.query(
          `UPDATE social_members m SET post_count = v.p, follower_count = v.fr, following_count = v.fg, counts_version = v.cv, version = v.ver
             FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[]) AS v(id, p, fr, fg, cv, ver) WHERE m.user_id = v.id`,
          [
            idx.map((k) => users[k].userId),
            idx.map((k) => postCount[k]),
            idx.map((k) => followerCount[k]),
            idx.map((k) => followingCount[k]),
            idx.map((k) => countsVersion[k]),
            idx.map((k) => version[k]),
          ],
        );
      }
    });
    await client.query('ANALYZE');
  } finally {
    client.release();
  }

  // Authors with "about ten" followers: the ordinary accounts closest to 10 followers.
  const smallAuthors = Array.from({ length: N - firstOrdinary - plan.fans }, (_, k) => firstOrdinary + plan.fans + k)
    .filter((u) => !personaSet.has(u) && followers[u].length > 0)
    .sort((a, b) => Math.abs(followers[a].length - 10) - Math.abs(followers[b].length - 10) || a - b)
    .slice(0, 200);
  const personaFeedPosts: Record<string, number> = {};
  for (const [g, ids] of Object.entries(personas)) {
    personaFeedPosts[g] = Math.round(ids.reduce((s, p) => s + [...following[p]].reduce((t, f) => t + postCount[f], 0), 0) / ids.length);
  }
  return {
    users,
    personas,
    celebrities,
    mid,
    fans,
    smallAuthors,
    followersOf: (i) => followers[i],
    counts: { users: N, posts: postAuthors.length, follows: edges.length, events: eventsWritten },
    ms: Date.now() - t0,
    stats: { followersOfSmall: smallAuthors.slice(0, 10).map((a) => followers[a].length), personaFeedPosts },
  };
}

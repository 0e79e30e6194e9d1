import type { Document } from 'mongodb';
import type pg from 'pg';
import type { ReadDb } from '@/db/mongo';
import { saveCheckpoint } from '@/server/cqrs/checkpoints';
import { startOfLog, type LogPosition } from '@/server/cqrs/consistency-token';
import { readEventsAfter } from '@/server/cqrs/event-store';
import { liveGenerations, physicalName, storeFor, swapGenerations } from '@/server/cqrs/read-models';
import type { StoredEvent } from '@/server/cqrs/types';
import type { UserCreated } from '@/server/identity/domain/user-events';
import type { SocialEvent } from '../domain/social-events';
import { chunkWindow, dedupe, entryKey, newestFirst, RECENT_POSTS, TIMELINE_BUCKET, WINDOW_ENTRIES } from './feed-window';
import {
  COMMENTS,
  FEED_HEADS,
  FEED_PAGES,
  FOLLOWS,
  LIKES,
  POSTS,
  PROFILES,
  TIMELINES,
  type CommentDoc,
  type FeedEntry,
  type FeedHeadDoc,
  type FeedPageDoc,
  type FollowDoc,
  type LikeDoc,
  type PostDoc,
  type ProfileDoc,
  type TimelineDoc,
} from './read-model-docs';
import { socialProjector } from './social-projector';

export type FeedStrategy = 'push' | 'pull' | 'hybrid';

/** Read models whose documents do not depend on the feed strategy (a bench may reuse them). */
export const STRATEGY_INDEPENDENT = [POSTS, TIMELINES, FOLLOWS, LIKES, COMMENTS] as const;

export interface BulkBuildOptions {
  strategy: FeedStrategy;
  /** Hybrid only: followers at which an author is merged at read time (as SOCIAL_PULL_THRESHOLD). */
  threshold: number;
  /**
   * Logical names to take from an existing generation instead of writing them (only the
   * strategy-independent ones make sense: `STRATEGY_INDEPENDENT`). They must already hold the
   * same log prefix, e.g. a previous bulk build of the same log.
   */
  reuse?: Partial<Record<string, number>>;
  /** Point the aliases at the new generations and save the checkpoint (default true). */
  swap?: boolean;
  /** Events read per round trip (default 5000). */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface BulkBuildResult {
  strategy: FeedStrategy;
  threshold: number;
  generations: Record<string, number>;
  /** Documents written per logical collection (0 for reused ones). */
  documents: Record<string, number>;
  events: number;
  checkpoint: LogPosition;
  /** Milliseconds per step. */
  ms: { read: number; feeds: number; write: number; indexes: number; total: number };
  pullAuthors: number;
}

/** The projector's state for one member, kept in memory during the build. */
interface Member {
  profile: ProfileDoc | null;
  /** Their posts in log order (oldest first). */
  posts: FeedEntry[];
  following: Set<string>;
}

/**
 * Builds every social read model from the event log in one pass, in memory, and writes each
 * collection with `insertMany` into fresh generations: the projection rebuild for volumes where
 * replaying one event at a time (a findOneAndUpdate per follower per post) takes hours.
 *
 * It applies the same rules as `socialProjector` (same document shapes, `entryKey`, `dedupe`,
 * RECENT_POSTS, TIMELINE_BUCKET, the `mode: 'pull'` flip when a follow reaches the threshold, the
 * version guards of likes and comments), except that feeds are laid out once at the end instead of
 * per event: each owner's window is exactly the entries of the followed push-mode authors and of
 * their own posts, newest first, capped at WINDOW_ENTRIES, with `floor` = the newest dropped key
 * ('' when nothing was dropped), which is the invariant `rewindow` keeps (feed-window.ts). The
 * incremental projector may hold more history in a window (entries pushed before an author
 * turned pull, a head of 40..80 entries), so the documents can differ while every feed read from
 * them is the same (bulk-build.int.test.ts compares whole feeds).
 *
 * Holds the projection's advisory lock from the first read to the swap, so the worker's catch-up
 * waits (it answers `ran: false`) and resumes from the checkpoint saved here.
 */
export async function bulkBuildSocial(pool: pg.Pool, db: ReadDb, opts: BulkBuildOptions): Promise<BulkBuildResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const projector = socialProjector(opts.strategy, opts.threshold);
  const pullAt = opts.strategy === 'push' ? Infinity : opts.strategy === 'pull' ? 0 : opts.threshold;
  const materialize = opts.strategy !== 'pull';
  const reuse = opts.reuse ?? {};

  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [projector.name]);
    try {
      // 1. Replay the log into memory.
      const members = new Map<string, Member>();
      const member = (id: string) => {
        let m = members.get(id);
        if (!m) members.set(id, (m = { profile: null, posts: [], following: new Set() }));
        return m;
      };
      const posts = new Map<string, PostDoc>();
      const timelines = new Map<string, TimelineDoc>();
      const likes = new Map<string, LikeDoc>();
      const comments = new Map<string, CommentDoc>();
      let checkpoint = startOfLog;
      let events = 0;
      for (;;) {
        const batch = await readEventsAfter(client, checkpoint, opts.batchSize ?? 5000);
        if (batch.length === 0) break;
        for (const stored of batch) {
          events++;
          checkpoint = { transactionId: stored.transactionId, position: stored.position };
          const event = stored as StoredEvent<SocialEvent | UserCreated>;
          switch (event.type) {
            case 'UserCreated': {
              const { userId, name } = event.data;
              const nameLower = name.toLowerCase();
              const m = member(userId);
              m.profile = {
                ...(m.profile ?? { _id: userId, postCount: 0, followerCount: 0, followingCount: 0, mode: 'push' }),
                name,
                nameLower,
                initial: nameLower.charAt(0),
              };
              break;
            }
            case 'PostCreated': {
              const { postId, author, authorSeq, text, tags, createdAt, postCount } = event.data;
              const entry: FeedEntry = {
                key: entryKey(event.transactionId, event.position),
                postId,
                authorId: author.userId,
                createdAt: new Date(createdAt),
                tags,
              };
              const earlier = posts.get(postId);
              posts.set(postId, {
                likeCount: 0,
                commentCount: 0,
                version: 0,
                ...earlier,
                _id: postId,
                key: entry.key,
                author,
                text,
                tags,
                createdAt: entry.createdAt,
              });
              const bucket = Math.floor((authorSeq - 1) / TIMELINE_BUCKET);
              const timelineId = `${author.userId}:${bucket}`;
              const timeline = timelines.get(timelineId) ?? { _id: timelineId, authorId: author.userId, bucket, items: [] };
              if (!timeline.items.some((e) => sameEntry(e, entry))) timeline.items.push(entry);
              timelines.set(timelineId, timeline);
              const m = member(author.userId);
              if (m.profile) m.profile = { ...m.profile, recent: dedupe([entry, ...(m.profile.recent ?? [])]).slice(0, RECENT_POSTS), postCount };
              m.posts.push(entry);
              break;
            }
            case 'UserFollowed':
            case 'UserUnfollowed': {
              const { followerId, followeeId, followerCount, followingCount, followerCountsVersion, followeeCountsVersion } = event.data;
              const follower = member(followerId);
              const followee = member(followeeId);
              if (event.type === 'UserFollowed') follower.following.add(followeeId);
              else follower.following.delete(followeeId);
              // Each count only from a newer revision of its member's counts (the projector's versionGuard).
              if (follower.profile && !(follower.profile.followingCountAt! >= followerCountsVersion)) {
                follower.profile = { ...follower.profile, followingCount, followingCountAt: followerCountsVersion };
              }
              if (followee.profile && !(followee.profile.followerCountAt! >= followeeCountsVersion)) {
                followee.profile = { ...followee.profile, followerCount, followerCountAt: followeeCountsVersion };
              }
              if (event.type === 'UserFollowed' && materialize && followee.profile?.mode === 'push' && followerCount >= pullAt) {
                followee.profile = { ...followee.profile, mode: 'pull' };
              }
              break;
            }
            case 'PostLiked':
            case 'PostUnliked': {
              const { postId, userId, likeCount } = event.data;
              const post = posts.get(postId);
              if (post && post.version < event.streamVersion) posts.set(postId, { ...post, likeCount, version: event.streamVersion });
              if (event.type === 'PostLiked') likes.set(`${postId}:${userId}`, { _id: `${postId}:${userId}`, postId, userId });
              else likes.delete(`${postId}:${userId}`);
              break;
            }
            case 'CommentAdded': {
              const { postId, commentId, author, text, createdAt, commentCount } = event.data;
              comments.set(commentId, {
                _id: commentId,
                key: entryKey(event.transactionId, event.position),
                postId,
                author,
                text,
                createdAt: new Date(createdAt),
              });
              const post = posts.get(postId);
              if (post && post.version < event.streamVersion) posts.set(postId, { ...post, commentCount, version: event.streamVersion });
              break;
            }
          }
        }
      }
      const tRead = Date.now();
      log(`read ${events} events in ${tRead - t0} ms (${members.size} members, ${posts.size} posts)`);

      // 2. Generations: one past every generation that exists (live or left over), unless reused.
      const logicals = projector.collections;
      const live = await liveGenerations(db, logicals);
      const existing = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name as string);
      const generations: Record<string, number> = {};
      for (const name of logicals) {
        if (reuse[name] !== undefined) {
          generations[name] = reuse[name]!;
          continue;
        }
        const taken = existing
          .map((c) => new RegExp(`^${name}_v(\\d+)$`).exec(c))
          .filter(Boolean)
          .map((m) => Number(m![1]));
        generations[name] = Math.max(live[name], ...taken) + 1;
      }
      const documents: Record<string, number> = Object.fromEntries(logicals.map((n) => [n, 0]));
      let writeMs = 0;
      const write = async (name: string, docs: Iterable<Document>) => {
        if (reuse[name] !== undefined) return;
        const t = Date.now();
        const collection = db.collection(physicalName(name, generations[name]));
        await collection.drop().catch(() => {});
        documents[name] += await insertAll(collection, docs);
        writeMs += Date.now() - t;
      };

      let pullAuthors = 0;
      const profileDocs = function* () {
        for (const m of members.values()) {
          if (!m.profile) continue;
          if (m.profile.mode === 'pull') pullAuthors++;
          yield m.profile;
        }
      };
      await write(PROFILES, profileDocs());
      await write(POSTS, posts.values());
      await write(TIMELINES, timelines.values());
      await write(
        FOLLOWS,
        (function* () {
          for (const [followerId, m] of members)
            for (const followeeId of m.following) yield { _id: `${followerId}:${followeeId}`, followerId, followeeId } satisfies FollowDoc;
        })(),
      );
      await write(LIKES, likes.values());
      await write(COMMENTS, comments.values());

      // 3. Feeds: laid out per owner from the final follow graph and modes (see the invariant above).
      let feedMs = 0;
      if (materialize) {
        const newestFirstOf = new Map<string, FeedEntry[]>();
        const byAuthor = (id: string) => {
          let list = newestFirstOf.get(id);
          if (!list) newestFirstOf.set(id, (list = [...(members.get(id)?.posts ?? [])].reverse()));
          return list;
        };
        const isPull = (id: string) => members.get(id)?.profile?.mode === 'pull';
        const feedsOf = function* (): Generator<[FeedHeadDoc, FeedPageDoc[]]> {
          for (const [owner, m] of members) {
            const pulled: string[] = [];
            const lists: FeedEntry[][] = [byAuthor(owner)];
            for (const followee of m.following) {
              if (isPull(followee)) pulled.push(followee);
              else lists.push(byAuthor(followee));
            }
            const window = topEntries(lists, WINDOW_ENTRIES + 1);
            if (window.length === 0 && pulled.length === 0) continue;
            const floor = window.length > WINDOW_ENTRIES ? window[WINDOW_ENTRIES].key : '';
            const chunks = chunkWindow(window.slice(0, WINDOW_ENTRIES));
            const archived = chunks.pages.length;
            yield [
              { _id: owner, items: chunks.head, archived, floor, pulled },
              chunks.pages.map((items, i) => ({ _id: `${owner}:${archived - 1 - i}`, owner, index: archived - 1 - i, items })),
            ];
          }
        };
        const headsCollection = db.collection<FeedHeadDoc>(physicalName(FEED_HEADS, generations[FEED_HEADS]));
        const pagesCollection = db.collection<FeedPageDoc>(physicalName(FEED_PAGES, generations[FEED_PAGES]));
        for (const c of [headsCollection, pagesCollection]) await c.drop().catch(() => {});
        // Written in slices, so memory holds a few thousand feeds, not all of them.
        const heads: FeedHeadDoc[] = [];
        const pages: FeedPageDoc[] = [];
        const flush = async () => {
          const w = Date.now();
          documents[FEED_HEADS] += await insertAll(headsCollection, heads.splice(0));
          documents[FEED_PAGES] += await insertAll(pagesCollection, pages.splice(0));
          writeMs += Date.now() - w;
        };
        let t = Date.now();
        for (const [head, ownerPages] of feedsOf()) {
          heads.push(head);
          pages.push(...ownerPages);
          if (heads.length >= 5000) {
            feedMs += Date.now() - t;
            await flush();
            t = Date.now();
          }
        }
        feedMs += Date.now() - t;
        await flush();
      } else {
        // Pull reads no feed documents: empty generations, so a later strategy change is a rebuild.
        for (const name of [FEED_HEADS, FEED_PAGES])
          await db
            .collection(physicalName(name, generations[name]))
            .drop()
            .catch(() => {});
      }
      log(`wrote ${JSON.stringify(documents)} in ${writeMs} ms (feeds laid out in ${feedMs} ms)`);

      // 4. Indexes, then the swap and the checkpoint (under the lock, so the worker resumes here).
      const tIdx = Date.now();
      await projector.setup(storeFor(db, generations));
      const indexMs = Date.now() - tIdx;
      if (opts.swap ?? true) {
        await swapGenerations(db, generations);
        await saveCheckpoint(db, projector.name, checkpoint);
        log(`swapped to ${JSON.stringify(generations)}; checkpoint ${checkpoint.transactionId}.${checkpoint.position}`);
      }
      return {
        strategy: opts.strategy,
        threshold: opts.threshold,
        generations,
        documents,
        events,
        checkpoint,
        ms: { read: tRead - t0, feeds: feedMs, write: writeMs, indexes: indexMs, total: Date.now() - t0 },
        pullAuthors,
      };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [projector.name]);
    }
  } finally {
    client.release();
  }
}

/** `$addToSet` equality: the same entry twice (a replayed event) is stored once. */
const sameEntry = (a: FeedEntry, b: FeedEntry) =>
  a.key === b.key &&
  a.postId === b.postId &&
  a.authorId === b.authorId &&
  a.createdAt.getTime() === b.createdAt.getTime() &&
  a.tags.join('\n') === b.tags.join('\n');

/** The newest `n` entries of several newest-first lists, one per post. */
export function topEntries(lists: FeedEntry[][], n: number): FeedEntry[] {
  const all: FeedEntry[] = [];
  // Each list is newest first: only its first n can make it.
  for (const list of lists) for (let i = 0; i < list.length && i < n; i++) all.push(list[i]);
  return dedupe(all.sort(newestFirst)).slice(0, n);
}

/** insertMany in slices bounded by count and size (FerretDB v1 is fast with inserts, not updates). */
async function insertAll(collection: import('mongodb').Collection<any>, docs: Iterable<Document>): Promise<number> {
  const MAX_DOCS = 5000;
  const MAX_BYTES = 8 * 1024 * 1024;
  let batch: Document[] = [];
  let bytes = 0;
  let written = 0;
  let inFlight: Promise<unknown> | null = null;
  const send = async () => {
    const docsToSend = batch;
    batch = [];
    bytes = 0;
    if (docsToSend.length === 0) return;
    // One slice in flight while the next one is collected and encoded.
    if (inFlight) await inFlight;
    inFlight = collection.insertMany(docsToSend, { ordered: false });
    written += docsToSend.length;
  };
  for (const doc of docs) {
    batch.push(doc);
    bytes += approxSize(doc);
    if (batch.length >= MAX_DOCS || bytes >= MAX_BYTES) await send();
  }
  await send();
  if (inFlight) await inFlight;
  return written;
}

/** Rough BSON size, enough to keep a slice under the 48 MB message limit. */
function approxSize(doc: Document): number {
  const items = (doc as { items?: unknown[] }).items;
  return 200 + (Array.isArray(items) ? items.length * 160 : 0) + (Array.isArray((doc as ProfileDoc).recent) ? (doc as ProfileDoc).recent!.length * 160 : 0);
}

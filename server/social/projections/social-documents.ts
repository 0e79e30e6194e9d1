import type { ApplyDocuments, DocumentChange, DocumentProjection, KeyedDoc } from '@/server/cqrs/document-projector';
import type { DomainEvent, StoredEvent } from '@/server/cqrs/types';
import type { UserCreated } from '@/server/identity/domain/domain-events';
import type { CommentAdded, PostCreated, PostLiked, PostUnliked, UserFollowed, UserUnfollowed } from '../domain/domain-events';
import { dedupe, entryKey, type FeedStrategy, RECENT_POSTS, timelineBucket } from '../read-models/feed-layout';
import {
  COMMENTS,
  type CommentDoc,
  type FeedEntry,
  FOLLOWS,
  type FollowDoc,
  followId,
  initialOf,
  LIKES,
  type LikeDoc,
  likeId,
  namePrefixesOf,
  POSTS,
  type PostDoc,
  PROFILES,
  type ProfileDoc,
  TIMELINES,
  type TimelineDoc,
  timelineId,
} from '../read-models/read-model-docs';

/**
 * The social read models that are one document per key, as pure projections: the worker applies
 * them one event at a time (social-projector.ts), a bulk build folds the whole log through them in
 * memory (bulk-build.ts). Counts come from the events and are set, never added; sets are keyed, so
 * applying an event again changes nothing. Feeds are not here (see update-feeds.ts).
 */

const entries = new WeakMap<StoredEvent<PostCreated>, FeedEntry>();

/**
 * A post as feeds and timelines hold it: its key is the PostCreated's place in the log. One object
 * per event, shared by the profile, the timeline and the feeds (a bulk build holds them all in memory).
 */
export function feedEntryOf(event: StoredEvent<PostCreated>): FeedEntry {
  let entry = entries.get(event);
  if (!entry) {
    const { data, transactionId, position } = event;
    entry = { key: entryKey(transactionId, position), postId: data.postId, authorId: data.author.userId, createdAt: new Date(data.createdAt), tags: data.tags };
    entries.set(event, entry);
  }
  return entry;
}

type ProfileEvent = UserCreated | PostCreated | UserFollowed | UserUnfollowed;

/**
 * Profiles: names, counts (each set only by a newer revision of its member's counts, see
 * domain-events.ts), the newest posts for pull reads, and the flip to `mode: 'pull'` when a follow
 * brings an author to `pullAt` followers.
 */
export function profileProjection(pullAt: number): DocumentProjection<ProfileDoc, ProfileEvent> {
  return {
    collection: PROFILES,
    handles: ['UserCreated', 'PostCreated', 'UserFollowed', 'UserUnfollowed'],
    select: (event) => {
      if (event.type === 'UserCreated') return [event.data.userId];
      if (event.type === 'PostCreated') return [event.data.author.userId];
      return [event.data.followerId, event.data.followeeId];
    },
    evolve(doc, event) {
      if (event.type === 'UserCreated') {
        const { userId, name, email } = event.data;
        const nameLower = name.toLowerCase();
        const named = { name, email, nameLower, initial: initialOf(nameLower), namePrefixes: namePrefixesOf(name) };
        return { _id: userId, postCount: 0, followerCount: 0, followingCount: 0, mode: 'push', ...doc, ...named };
      }
      if (!doc) return null;
      if (event.type === 'PostCreated')
        return { ...doc, recent: dedupe([feedEntryOf(event), ...(doc.recent ?? [])]).slice(0, RECENT_POSTS), postCount: event.data.postCount };
      const d = event.data;
      let next = doc;
      if (doc._id === d.followerId && (doc.followingCountAt ?? -1) < d.followerCountsVersion) {
        next = { ...next, followingCount: d.followingCount, followingCountAt: d.followerCountsVersion };
      }
      if (doc._id === d.followeeId && (doc.followerCountAt ?? -1) < d.followeeCountsVersion) {
        next = { ...next, followerCount: d.followerCount, followerCountAt: d.followeeCountsVersion };
      }
      if (doc._id === d.followeeId && event.type === 'UserFollowed' && next.mode === 'push' && d.followerCount >= pullAt) next = { ...next, mode: 'pull' };
      return next;
    },
  };
}

/** Followers at which an author turns pull: only the hybrid strategy flips authors. */
export const pullThreshold = (strategy: FeedStrategy, threshold: number) => (strategy === 'hybrid' ? threshold : Infinity);

/** Posts: the immutable part from PostCreated, counts from the post stream (guarded by its version). */
export const postProjection: DocumentProjection<PostDoc, PostCreated | PostLiked | PostUnliked | CommentAdded> = {
  collection: POSTS,
  handles: ['PostCreated', 'PostLiked', 'PostUnliked', 'CommentAdded'],
  select: (event) => [event.data.postId],
  // PostCreated is on the author's stream: its version says nothing about the post's.
  guard: (event) => (event.type === 'PostCreated' ? null : 'version'),
  evolve(doc, event) {
    if (event.type === 'PostCreated') {
      const { postId, author, text, tags } = event.data;
      const entry = feedEntryOf(event);
      return { likeCount: 0, commentCount: 0, version: 0, ...doc, _id: postId, key: entry.key, author, text, tags, createdAt: entry.createdAt };
    }
    if (!doc || doc.version >= event.streamVersion) return doc;
    const counts = event.type === 'CommentAdded' ? { commentCount: event.data.commentCount } : { likeCount: event.data.likeCount };
    return { ...doc, ...counts, version: event.streamVersion };
  },
};

/** Author timelines in buckets of TIMELINE_BUCKET posts, log order; an entry is added once. */
export const timelineProjection: DocumentProjection<TimelineDoc, PostCreated> = {
  collection: TIMELINES,
  handles: ['PostCreated'],
  select: (event) => [timelineId(event.data.author.userId, timelineBucket(event.data.authorSeq))],
  evolve(doc, event) {
    const entry = feedEntryOf(event);
    if (doc?.items.some((e) => e.key === entry.key)) return doc;
    const bucket = timelineBucket(event.data.authorSeq);
    return { _id: timelineId(entry.authorId, bucket), authorId: entry.authorId, bucket, items: [...(doc?.items ?? []), entry] };
  },
};

/** A keyed set: one document per member, there after the `add` event, gone after the `remove` one. */
function keyedSet<A extends DomainEvent, R extends DomainEvent, D extends KeyedDoc>(
  collection: string,
  add: A['type'],
  remove: R['type'],
  docOf: (data: (A | R)['data']) => D,
): DocumentProjection<D, A | R> {
  return {
    collection,
    handles: [add, remove],
    select: (event) => [docOf(event.data)._id],
    evolve: (doc, event) => (event.type === remove ? null : (doc ?? docOf(event.data))),
    blind: true,
  };
}

/** The follow graph, one document per edge. */
export const followProjection = keyedSet<UserFollowed, UserUnfollowed, FollowDoc>(FOLLOWS, 'UserFollowed', 'UserUnfollowed', ({ followerId, followeeId }) => ({
  _id: followId(followerId, followeeId),
  followerId,
  followeeId,
}));

/** Who liked what, one document per like. */
export const likeProjection = keyedSet<PostLiked, PostUnliked, LikeDoc>(LIKES, 'PostLiked', 'PostUnliked', ({ postId, userId }) => ({
  _id: likeId(postId, userId),
  postId,
  userId,
}));

/** Comments, keyed by log position so a post lists them in the order they were accepted. */
export const commentProjection: DocumentProjection<CommentDoc, CommentAdded> = {
  collection: COMMENTS,
  handles: ['CommentAdded'],
  select: (event) => [event.data.commentId],
  blind: true,
  evolve(doc, event) {
    const { postId, commentId, author, text, createdAt } = event.data;
    return doc ?? { _id: commentId, key: entryKey(event.transactionId, event.position), postId, author, text, createdAt: new Date(createdAt) };
  },
};

/** Every per-key social document for one event; the profile changes are what feeds react to. */
export function socialDocuments(strategy: FeedStrategy, threshold: number) {
  const profiles = profileProjection(pullThreshold(strategy, threshold));
  return async (apply: ApplyDocuments, event: StoredEvent): Promise<DocumentChange<ProfileDoc>[]> => {
    // Each read model is its own collection and none reads another: they load and write side by side.
    const [changes] = await Promise.all([
      apply(profiles, event),
      apply(postProjection, event),
      apply(timelineProjection, event),
      apply(followProjection, event),
      apply(likeProjection, event),
      apply(commentProjection, event),
    ]);
    return changes;
  };
}

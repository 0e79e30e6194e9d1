/** Read models of the social context: shapes and ids shared by the projector that writes them (projections/social-projector.ts) and the queries. */
export const PROFILES = 'social_profiles';
export const POSTS = 'social_posts';
export const TIMELINES = 'social_timelines';
export const FOLLOWS = 'social_follows';
export const FEED_HEADS = 'social_feed_heads';
export const FEED_PAGES = 'social_feed_pages';
export const LIKES = 'social_likes';
export const COMMENTS = 'social_comments';

/**
 * One post as it sits in feeds and timelines: only what never changes, so a like never rewrites
 * thousands of feed entries. `key` is the post's place in the event log (transaction id, then
 * position, zero-padded): the order the projector saw it, which is what makes SSE resume exact.
 */
export interface FeedEntry {
  key: string;
  postId: string;
  authorId: string;
  createdAt: Date;
  tags: string[];
}

export interface ProfileDoc {
  _id: string;
  name: string;
  /** Lower-cased first letter: the people directory's equality bucket. */
  initial: string;
  nameLower: string;
  postCount: number;
  followerCount: number;
  followingCount: number;
  /** The member's counts version each count was set at (see domain-events.ts). */
  followerCountAt?: number;
  followingCountAt?: number;
  /** 'pull' once the author reached the follower threshold: their posts are merged at read time. */
  mode: 'push' | 'pull';
  /**
   * The author's newest posts, newest first: a pull read needs only this document per author.
   * Absent until the first post (FerretDB v1 drops empty arrays from `$setOnInsert`).
   */
  recent?: FeedEntry[];
}

export interface PostDoc {
  _id: string;
  key: string;
  author: { userId: string; name: string };
  text: string;
  tags: string[];
  createdAt: Date;
  likeCount: number;
  commentCount: number;
  /** The post stream's version (likes and comments). */
  version: number;
}

/** `_id` is `<authorId>:<bucket>`, bucket = floor((authorSeq - 1) / TIMELINE_BUCKET). */
export interface TimelineDoc {
  _id: string;
  authorId: string;
  bucket: number;
  items: FeedEntry[];
}

export const timelineId = (authorId: string, bucket: number) => `${authorId}:${bucket}`;

/** `_id` is `<followerId>:<followeeId>`. */
export interface FollowDoc {
  _id: string;
  followerId: string;
  followeeId: string;
}

export const followId = (followerId: string, followeeId: string) => `${followerId}:${followeeId}`;

/**
 * The newest part of a user's materialized feed, and its bookkeeping. Pages `archived - 1`,
 * `archived - 2`... hold older entries. Every post with key > `floor` by an author the owner
 * follows in push mode is materialized; older ones are pulled from timelines when scrolled to.
 */
export interface FeedHeadDoc {
  _id: string;
  items: FeedEntry[];
  archived: number;
  floor: string;
  /** Followed authors in pull mode: merged at read time instead of fanned out. */
  pulled: string[];
}

/** A head with every field present (FerretDB v1 drops empty arrays from `$setOnInsert`). */
export const asHead = (owner: string, doc: Partial<FeedHeadDoc> | null): FeedHeadDoc => ({
  _id: owner,
  items: doc?.items ?? [],
  archived: doc?.archived ?? 0,
  floor: doc?.floor ?? '',
  pulled: doc?.pulled ?? [],
});

/** `_id` is `<ownerId>:<index>`. */
export interface FeedPageDoc {
  _id: string;
  owner: string;
  index: number;
  items: FeedEntry[];
}

export const feedPageId = (owner: string, index: number) => `${owner}:${index}`;

/** `_id` is `<postId>:<userId>`. */
export interface LikeDoc {
  _id: string;
  postId: string;
  userId: string;
}

export const likeId = (postId: string, userId: string) => `${postId}:${userId}`;

export interface CommentDoc {
  _id: string;
  /** Log order (as feed entries): comments are listed in the order they were accepted. */
  key: string;
  postId: string;
  author: { userId: string; name: string };
  text: string;
  createdAt: Date;
}

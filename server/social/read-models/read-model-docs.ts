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
  /**
   * The member's sign-in email, shown in the people directory (as a company directory does) so
   * two people with the same name can be told apart: it is unique, and it says who they are.
   */
  email: string;
  /** `a`..`z` for names starting with that letter, `#` for any other: the directory's equality bucket when nothing is searched. */
  initial: string;
  nameLower: string;
  /**
   * Every prefix (1..NAME_PREFIX_MAX characters) of every word of the lower-cased name: "Ada Lee"
   * holds a, ad, ada, l, le, lee. A search is one indexed equality on it (an array matches any of
   * its elements), so "lee" finds "Ada Lee" without scanning everyone.
   */
  namePrefixes: string[];
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

export const NAME_PREFIX_MAX = 20;
export const PEOPLE_BUCKETS = [...'abcdefghijklmnopqrstuvwxyz', '#'] as const;

/** The words of a name or a search, lower-cased: letters and digits, split at anything else ("O'Neil" -> o, neil). */
export const nameWords = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The directory bucket of a lower-cased name. */
export const initialOf = (nameLower: string) => (/^[a-z]/.test(nameLower) ? nameLower.charAt(0) : '#');

/** Every prefix of every word, without repeats. */
export function namePrefixesOf(name: string): string[] {
  const prefixes = new Set<string>();
  for (const word of nameWords(name)) for (let i = 1; i <= Math.min(word.length, NAME_PREFIX_MAX); i++) prefixes.add(word.slice(0, i));
  return [...prefixes];
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

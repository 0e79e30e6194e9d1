import type { FeedEntry } from './read-model-docs';

/**
 * How feeds and timelines are laid out in the read store: sizes, the log-order key and the order
 * every list is kept in. Projections write by these rules and queries read by them.
 */

/** push: fan-out on write; pull: merge every followee at read time; hybrid: pull only for big authors. */
export type FeedStrategy = 'push' | 'pull' | 'hybrid';

/**
 * Entries per archived feed page; the head holds between this and twice this many. Small enough
 * that a head stays under 8 kB, the size the read store keeps inline (ferretdb-inline-documents.sql).
 */
export const PAGE_SIZE = 20;
/** Archived pages kept per feed: with the head, about 420 materialized entries (Mastodon keeps 400). */
export const WINDOW_PAGES = 20;
export const WINDOW_ENTRIES = PAGE_SIZE * (WINDOW_PAGES + 1);
/** Posts per author timeline document, and how many a profile carries for pull reads. */
export const TIMELINE_BUCKET = 50;
export const RECENT_POSTS = 20;

/** The log order as a string that sorts like (transaction id, position). */
export const entryKey = (transactionId: number, position: number) => `${String(transactionId).padStart(12, '0')}${String(position).padStart(12, '0')}`;

export const KEY_PATTERN = /^\d{24}$/;

export const newestFirst = (a: { key: string }, b: { key: string }) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);

/** Newest first, one entry per post. */
export function dedupe(entries: FeedEntry[]): FeedEntry[] {
  const seen = new Set<string>();
  return [...entries].sort(newestFirst).filter((e) => !seen.has(e.postId) && seen.add(e.postId));
}

/** The timeline bucket holding an author's `authorSeq`-th post (1-based). */
export const timelineBucket = (authorSeq: number) => Math.floor((authorSeq - 1) / TIMELINE_BUCKET);

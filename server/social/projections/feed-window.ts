import type { FeedEntry } from './read-model-docs';

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

/**
 * When the head outgrows two pages, its newest PAGE_SIZE entries stay and the rest become one
 * archived page. Returns null while the head is small enough.
 */
export function rollHead(items: FeedEntry[]): { keep: FeedEntry[]; archive: FeedEntry[] } | null {
  if (items.length <= 2 * PAGE_SIZE) return null;
  const sorted = dedupe(items);
  return { keep: sorted.slice(0, PAGE_SIZE), archive: sorted.slice(PAGE_SIZE) };
}

export interface WindowChange {
  add?: FeedEntry[];
  removeAuthor?: string;
  /** Entries at or below this key may be missing from `add` (the followee has older posts). */
  raiseFloor?: string;
}

/**
 * A feed window after a follow or unfollow. Invariant: the window holds exactly the entries of
 * followed push-mode authors with key > floor (newest WINDOW_ENTRIES of them); when entries must be
 * dropped, the floor rises to the newest dropped one, and reads pull below it.
 */
export function rewindow(items: FeedEntry[], floor: string, change: WindowChange): { items: FeedEntry[]; floor: string } {
  let nextFloor = change.raiseFloor && change.raiseFloor > floor ? change.raiseFloor : floor;
  let merged = dedupe([...items, ...(change.add ?? [])]).filter((e) => e.authorId !== change.removeAuthor && e.key > nextFloor);
  if (merged.length > WINDOW_ENTRIES) {
    nextFloor = merged[WINDOW_ENTRIES].key;
    merged = merged.slice(0, WINDOW_ENTRIES);
  }
  return { items: merged, floor: nextFloor };
}

/** Splits a window (newest first) into the head and archived pages, newest page first. */
export function chunkWindow(items: FeedEntry[]): { head: FeedEntry[]; pages: FeedEntry[][] } {
  const pages: FeedEntry[][] = [];
  for (let i = PAGE_SIZE; i < items.length; i += PAGE_SIZE) pages.push(items.slice(i, i + PAGE_SIZE));
  return { head: items.slice(0, PAGE_SIZE), pages };
}

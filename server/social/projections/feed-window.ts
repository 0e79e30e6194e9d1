import { dedupe, PAGE_SIZE, WINDOW_ENTRIES } from '../read-models/feed-layout';
import type { FeedEntry } from '../read-models/read-model-docs';

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

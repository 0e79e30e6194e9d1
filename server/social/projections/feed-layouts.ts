import type { DocumentsInMemory } from '@/server/cqrs/document-projector';
import { dedupe, newestFirst, WINDOW_ENTRIES } from '../read-models/feed-layout';
import {
  FOLLOWS,
  type FeedEntry,
  type FeedHeadDoc,
  type FeedPageDoc,
  type FollowDoc,
  feedPageId,
  PROFILES,
  type ProfileDoc,
  TIMELINES,
  type TimelineDoc,
} from '../read-models/read-model-docs';
import { chunkWindow } from './feed-window';

/** One owner's feed documents. */
export interface FeedLayout {
  head: FeedHeadDoc;
  pages: FeedPageDoc[];
}

/**
 * Every owner's feed laid out once from the final profiles, follows and timelines of a bulk
 * build, instead of per event: the window is exactly the entries of the followed push-mode
 * authors and of the owner's own posts, newest first, capped at WINDOW_ENTRIES, with `floor` =
 * the newest dropped key ('' when nothing was dropped), which is the invariant `rewindow` keeps
 * (feed-window.ts). The incremental projector may hold more history in a window (entries pushed
 * before an author turned pull, a head of 40..80 entries), so the documents can differ while
 * every feed read from them is the same (bulk-build.int.test.ts compares whole feeds).
 */
export function* feedLayouts(memory: DocumentsInMemory): Generator<FeedLayout> {
  const postsOf = groupBy(
    memory.documents<TimelineDoc>(TIMELINES),
    (t) => t.authorId,
    (t) => t.items,
  );
  for (const posts of postsOf.values()) posts.sort(newestFirst);
  const following = groupBy(
    memory.documents<FollowDoc>(FOLLOWS),
    (f) => f.followerId,
    (f) => [f.followeeId],
  );
  const isPull = (id: string) => memory.get<ProfileDoc>(PROFILES, id)?.mode === 'pull';

  for (const owner of new Set([...postsOf.keys(), ...following.keys()])) {
    const pulled: string[] = [];
    const lists = [postsOf.get(owner) ?? []];
    for (const followee of following.get(owner) ?? []) {
      if (isPull(followee)) pulled.push(followee);
      else lists.push(postsOf.get(followee) ?? []);
    }
    const window = topEntries(lists, WINDOW_ENTRIES + 1);
    if (window.length === 0 && pulled.length === 0) continue;
    const floor = window.length > WINDOW_ENTRIES ? window[WINDOW_ENTRIES].key : '';
    const chunks = chunkWindow(window.slice(0, WINDOW_ENTRIES));
    const archived = chunks.pages.length;
    yield {
      head: { _id: owner, items: chunks.head, archived, floor, pulled },
      pages: chunks.pages.map((items, i) => ({ _id: feedPageId(owner, archived - 1 - i), owner, index: archived - 1 - i, items })),
    };
  }
}

function groupBy<T, V>(items: Iterable<T>, key: (item: T) => string, values: (item: T) => V[]): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(...values(item));
    else groups.set(key(item), [...values(item)]);
  }
  return groups;
}

/** The newest `n` entries of several newest-first lists, one per post. */
function topEntries(lists: FeedEntry[][], n: number): FeedEntry[] {
  const all: FeedEntry[] = [];
  // Each list is newest first: only its first n can make it.
  for (const list of lists) for (let i = 0; i < list.length && i < n; i++) all.push(list[i]);
  return dedupe(all.sort(newestFirst)).slice(0, n);
}

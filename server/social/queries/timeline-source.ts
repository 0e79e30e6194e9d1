import type { Collection } from 'mongodb';
import { forEachConcurrent } from '@/server/cqrs/for-each-concurrent';
import { newestFirst, TIMELINE_BUCKET } from '../read-models/feed-layout';
import { type FeedEntry, type ProfileDoc, type TimelineDoc, timelineId } from '../read-models/read-model-docs';

/** Entries newest first, produced lazily: the k-way merge only reads what it uses. */
export interface EntrySource {
  peek(): Promise<FeedEntry | null>;
  advance(): void;
  /** No entry of this source is newer than this: it is not even opened while others have newer. */
  ceiling?: string;
}

/** A source over an in-memory list, followed by more lists loaded on demand. */
export function chunkedSource(first: FeedEntry[], loadNext: () => Promise<FeedEntry[] | null>, accept: (key: string) => boolean): EntrySource {
  let buffer = first.filter((e) => accept(e.key)).sort(newestFirst);
  let last: string | null = null;
  let done = false;
  return {
    async peek() {
      while (buffer.length === 0 && !done) {
        const more = await loadNext();
        if (more === null) done = true;
        else buffer = more.filter((e) => accept(e.key) && (last === null || e.key < last)).sort(newestFirst);
      }
      return buffer[0] ?? null;
    },
    advance() {
      last = buffer.shift()?.key ?? last;
    },
  };
}

/**
 * One author's posts: the profile's `recent` list first (one document for the newest posts),
 * then the timeline buckets, newest first.
 */
export function timelineSource(profile: ProfileDoc, timelines: Collection<TimelineDoc>, accept: (key: string) => boolean): EntrySource {
  const recent = profile.recent ?? [];
  let bucket = Math.floor((profile.postCount - recent.length - 1) / TIMELINE_BUCKET);
  return chunkedSource(
    recent,
    async () => {
      if (bucket < 0) return null;
      const doc = await timelines.findOne({ _id: timelineId(profile._id, bucket--) });
      return doc?.items ?? [];
    },
    accept,
  );
}

/** Merges sources by key, newest first, one entry per post, until `take` says stop. */
export async function mergeSources(sources: EntrySource[], take: (entry: FeedEntry) => Promise<boolean>): Promise<void> {
  // First peeks may each read a document: do them in parallel.
  await forEachConcurrent(
    sources.filter((s) => s.ceiling === undefined),
    16,
    (s) => s.peek(),
  );
  const seen = new Set<string>();
  const lazyLast = [...sources].sort((a, b) => (a.ceiling === undefined ? -1 : b.ceiling === undefined ? 1 : 0));
  for (;;) {
    let best: EntrySource | null = null;
    let bestEntry: FeedEntry | null = null;
    for (const s of lazyLast) {
      if (s.ceiling !== undefined && bestEntry && bestEntry.key > s.ceiling) continue;
      const e = await s.peek();
      if (e && (!bestEntry || e.key > bestEntry.key)) [best, bestEntry] = [s, e];
    }
    if (!best || !bestEntry) return;
    best.advance();
    if (seen.has(bestEntry.postId)) continue;
    seen.add(bestEntry.postId);
    if (!(await take(bestEntry))) return;
  }
}

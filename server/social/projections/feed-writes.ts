import { forEachConcurrent } from '@/server/cqrs/for-each-concurrent';
import type { ProjectionStore } from '@/server/cqrs/projector';
import { newestFirst, PAGE_SIZE, TIMELINE_BUCKET, WINDOW_ENTRIES, WINDOW_PAGES } from '../read-models/feed-layout';
import {
  asHead,
  FEED_HEADS,
  FEED_PAGES,
  type FeedEntry,
  type FeedHeadDoc,
  type FeedPageDoc,
  feedPageId,
  type ProfileDoc,
  TIMELINES,
  type TimelineDoc,
  timelineId,
} from '../read-models/read-model-docs';
import { chunkWindow, rewindow, rollHead, type WindowChange } from './feed-window';

/** FerretDB spends ~1 ms of CPU per write; 8 in flight keep both cores busy without queueing. */
const FAN_OUT_CONCURRENCY = 8;

/**
 * Push: one `$addToSet` per follower's head (idempotent, so a replay cannot duplicate), which
 * answers the head; the rare head that outgrew two pages rolls its older half into a page.
 * FerretDB v1 hangs on multi-statement update commands, hence single updates in parallel.
 */
export async function fanOut(store: ProjectionStore, entry: FeedEntry, owners: string[]): Promise<void> {
  const heads = store.collection<FeedHeadDoc>(FEED_HEADS);
  await forEachConcurrent(owners, FAN_OUT_CONCURRENCY, async (owner) => {
    const head = await heads.findOneAndUpdate({ _id: owner }, { $addToSet: { items: entry } }, { upsert: true, returnDocument: 'after' });
    if (head && head.items.length > 2 * PAGE_SIZE) await rollHeadOf(store, asHead(owner, head));
  });
}

async function rollHeadOf(store: ProjectionStore, head: FeedHeadDoc): Promise<void> {
  const rolled = rollHead(head.items);
  if (!rolled) return;
  const pages = store.collection<FeedPageDoc>(FEED_PAGES);
  const index = head.archived;
  await pages.replaceOne({ _id: feedPageId(head._id, index) }, { owner: head._id, index, items: rolled.archive }, { upsert: true });
  let floor = head.floor;
  const dropIndex = index - WINDOW_PAGES;
  if (dropIndex >= 0) {
    const dropped = await pages.findOneAndDelete({ _id: feedPageId(head._id, dropIndex) });
    for (const e of dropped?.items ?? []) if (e.key > floor) floor = e.key;
  }
  await store.collection<FeedHeadDoc>(FEED_HEADS).updateOne({ _id: head._id }, { $set: { items: rolled.keep, archived: index + 1, floor } });
}

/**
 * Rewrites one owner's whole window (head and pages) after a follow or unfollow: read it, apply
 * the pure `rewindow`, write it back. Only the projector writes feeds, one event at a time, so
 * read-modify-write is safe; a replay recomputes the same window.
 */
export async function rewriteWindow(store: ProjectionStore, owner: string, change: WindowChange): Promise<void> {
  const heads = store.collection<FeedHeadDoc>(FEED_HEADS);
  const pagesCol = store.collection<FeedPageDoc>(FEED_PAGES);
  const head = asHead(owner, await heads.findOne({ _id: owner }));
  const pages = await pagesCol.find({ owner }).toArray();
  const next = rewindow([...head.items, ...pages.flatMap((p) => p.items)], head.floor, change);
  const chunks = chunkWindow(next.items);
  const archived = Math.max(head.archived, chunks.pages.length);
  const keep = new Set<number>();
  for (const [i, items] of chunks.pages.entries()) {
    const index = archived - 1 - i;
    keep.add(index);
    await pagesCol.replaceOne({ _id: feedPageId(owner, index) }, { owner, index, items }, { upsert: true });
  }
  for (const page of pages) if (!keep.has(page.index)) await pagesCol.deleteOne({ _id: page._id });
  await heads.updateOne({ _id: owner }, { $set: { items: chunks.head, archived, floor: next.floor } }, { upsert: true });
}

/** The followee's posts newer than `floor`, newest first, up to a window's worth. */
export async function postsToBackfill(store: ProjectionStore, followee: ProfileDoc, floor: string): Promise<WindowChange> {
  const recent = followee.recent ?? [];
  const collected = new Map(recent.filter((e) => e.key > floor).map((e) => [e.postId, e]));
  let complete = recent.length >= followee.postCount || recent.some((e) => e.key <= floor);
  // `recent` is only the newest few: walk the timeline buckets back to the floor.
  const timelines = store.collection<TimelineDoc>(TIMELINES);
  let bucket = Math.floor((followee.postCount - 1) / TIMELINE_BUCKET);
  while (!complete && collected.size < WINDOW_ENTRIES) {
    const doc = await timelines.findOne({ _id: timelineId(followee._id, bucket--) });
    for (const e of doc?.items ?? []) {
      if (e.key > floor) collected.set(e.postId, e);
      else complete = true;
    }
    if (bucket < 0) complete = true;
  }
  const add = [...collected.values()].sort(newestFirst);
  // Stopped with older posts left: they lie at or below the new floor, where reads pull.
  return { add, raiseFloor: complete || add.length === 0 ? undefined : add[add.length - 1].key };
}

/** Marks `author` as merged at read time in each owner's feed. */
export async function addPulledAuthor(store: ProjectionStore, author: string, owners: string[]): Promise<void> {
  const heads = store.collection<FeedHeadDoc>(FEED_HEADS);
  await forEachConcurrent(owners, FAN_OUT_CONCURRENCY, (owner) => heads.updateOne({ _id: owner }, { $addToSet: { pulled: author } }, { upsert: true }));
}

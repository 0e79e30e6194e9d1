import type { ReadDb } from '@/db/mongo';
import { readModel } from '@/server/cqrs/read-models';
import { env } from '@/server/env';
import { forEachConcurrent } from '@/server/cqrs/for-each-concurrent';
import { WINDOW_PAGES } from '../read-models/feed-layout';
import {
  FEED_HEADS,
  FEED_PAGES,
  FOLLOWS,
  PROFILES,
  TIMELINES,
  asHead,
  type FeedEntry,
  type FeedHeadDoc,
  type FeedPageDoc,
  type FollowDoc,
  type ProfileDoc,
  type TimelineDoc,
} from '../read-models/read-model-docs';
import { chunkedSource, mergeSources, timelineSource, type EntrySource } from './timeline-source';

export interface FeedFilter {
  author?: string;
  tag?: string;
  since?: Date;
  until?: Date;
  /** Needs the post's text: checked by the caller after hydration (see `matches`). */
  q?: string;
}

export interface FeedRead {
  /** Entries in feed order; with `q`, still to be checked against the text. */
  entries: FeedEntry[];
  /** The last entry looked at, with the page it came from: where the next page starts. */
  resumeAt: string | null;
  stats: { strategy: 'push' | 'pull' | 'hybrid'; materialized: number; pulledAuthors: number; scanned: number };
}

/** Entries examined per request before a filtered page is returned short (with a cursor). */
export const SCAN_BUDGET = 2000;

/**
 * Reads one page of a user's feed. Push entries come from the materialized window (the head
 * document, then archived pages: one _id lookup each); authors in pull mode and everything below
 * the window's floor are merged from the authors' timelines at read time. With the pull strategy
 * every followed author is merged. Filters run over the entries, never over a changed structure.
 */
export async function readFeed(
  db: ReadDb,
  owner: string,
  {
    cursor,
    limit,
    filter,
    newerThan,
    strategy = env.SOCIAL_FEED_STRATEGY,
  }: {
    cursor?: string;
    limit: number;
    filter: FeedFilter;
    /** Only entries after this key (the SSE stream's last id): the read stops at the first older one. */
    newerThan?: string;
    strategy?: 'push' | 'pull' | 'hybrid';
  },
  /** Keeps the entries that pass checks needing the post itself (the `q` text filter). */
  keep: (entries: FeedEntry[]) => Promise<FeedEntry[]> = async (e) => e,
): Promise<FeedRead> {
  const [cursorKey, hint] = cursor ? cursor.split('.') : [undefined, undefined];
  const below = (key: string) => cursorKey === undefined || key < cursorKey;
  const profiles = await readModel<ProfileDoc>(db, PROFILES);
  const timelines = await readModel<TimelineDoc>(db, TIMELINES);
  const stats: FeedRead['stats'] = { strategy, materialized: 0, pulledAuthors: 0, scanned: 0 };

  const authorSources = async (authorIds: string[], accept: (key: string) => boolean) => {
    const sources: EntrySource[] = [];
    await forEachConcurrent(authorIds, 16, async (id) => {
      const profile = await profiles.findOne({ _id: id });
      if (profile) sources.push(timelineSource(profile, timelines, accept));
    });
    stats.pulledAuthors += sources.length;
    return sources;
  };
  const followees = async () => {
    const follows = await readModel<FollowDoc>(db, FOLLOWS);
    return [owner, ...(await follows.find({ followerId: owner }, { projection: { followeeId: 1 } }).toArray()).map((f) => f.followeeId)];
  };

  let sources: EntrySource[];
  let pageOf: (entry: FeedEntry) => number | null = () => null;
  let fromWindow: (entry: FeedEntry) => boolean = () => false;
  if (filter.author) {
    // One author: their timeline, if the owner follows them (or is them).
    const follows = await readModel<FollowDoc>(db, FOLLOWS);
    const followed = filter.author === owner || (await follows.findOne({ _id: `${owner}:${filter.author}` })) !== null;
    sources = followed ? await authorSources([filter.author], below) : [];
  } else if (strategy === 'pull') {
    sources = await authorSources(await followees(), below);
  } else {
    const head = asHead(owner, await (await readModel<FeedHeadDoc>(db, FEED_HEADS)).findOne({ _id: owner }));
    const window = await windowSource(db, head, below, hint === undefined ? null : Number(hint));
    ({ pageOf, fromWindow } = window);
    sources = [window.source, ...(await authorSources(head.pulled, below))];
    if (head.floor) {
      // Below the window: every followed author's older posts, merged only when scrolled to.
      let deep: EntrySource[] | null = null;
      const atOrBelowFloor = (key: string) => key <= head.floor && below(key);
      sources.push({
        ceiling: head.floor,
        ...chunkedSource(
          [],
          async () => {
            if (deep) return null;
            deep = await authorSources(await followees(), atOrBelowFloor);
            const entries: FeedEntry[] = [];
            await mergeSources(deep, async (e) => entries.push(e) < 200);
            return entries;
          },
          atOrBelowFloor,
        ),
      });
    }
  }

  const matchesEntry = (e: FeedEntry) =>
    (!filter.author || e.authorId === filter.author) && (!filter.tag || e.tags.includes(filter.tag)) && (!filter.until || e.createdAt <= filter.until);
  const result: FeedEntry[] = [];
  let batch: FeedEntry[] = [];
  let last: FeedEntry | null = null;
  const flush = async () => {
    result.push(...(await keep(batch)).slice(0, limit - result.length));
    batch = [];
  };
  await mergeSources(sources, async (entry) => {
    if (filter.since && entry.createdAt < filter.since) return false;
    if (newerThan !== undefined && entry.key <= newerThan) return false;
    stats.scanned++;
    last = entry;
    if (fromWindow(entry)) stats.materialized++;
    if (matchesEntry(entry)) batch.push(entry);
    if (batch.length >= limit - result.length) await flush();
    return result.length < limit && stats.scanned < SCAN_BUDGET;
  });
  if (batch.length) await flush();
  const end = result.length < limit && stats.scanned < SCAN_BUDGET;
  const lastSeen = last as FeedEntry | null;
  const resumeFrom = result.length === limit ? result[result.length - 1] : lastSeen;
  const page = resumeFrom ? pageOf(resumeFrom) : null;
  return {
    entries: result,
    resumeAt: end || !resumeFrom ? null : page === null ? resumeFrom.key : `${resumeFrom.key}.${page}`,
    stats,
  };
}

/** The materialized window: head, then archived pages newest first (from a hinted page if given). */
async function windowSource(db: ReadDb, head: FeedHeadDoc, below: (key: string) => boolean, hint: number | null) {
  const pages = await readModel<FeedPageDoc>(db, FEED_PAGES);
  const oldest = Math.max(0, head.archived - WINDOW_PAGES);
  // A follow may have re-laid the pages since the hint was given: start one page newer.
  let index = hint === null ? head.archived - 1 : Math.min(head.archived - 1, hint + 1);
  // Which page each entry came from (-1: the head), for the next cursor's hint.
  const origin = new Map<string, number>(hint === null ? head.items.map((e) => [e.key, -1]) : []);
  const source = chunkedSource(
    hint === null ? head.items : [],
    async () => {
      if (index < oldest) return null;
      const page = await pages.findOne({ _id: `${head._id}:${index}` });
      for (const e of page?.items ?? []) origin.set(e.key, index);
      index--;
      return page?.items ?? [];
    },
    (key) => below(key) && key > head.floor,
  );
  return {
    source,
    fromWindow: (e: FeedEntry) => origin.has(e.key),
    pageOf: (e: FeedEntry) => {
      const index = origin.get(e.key);
      return index === undefined || index < 0 ? null : index;
    },
  };
}

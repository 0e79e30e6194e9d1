import type { ReadDb } from '@/db/mongo';
import { forEachConcurrent } from '@/server/cqrs/for-each-concurrent';
import { readModel } from '@/server/cqrs/read-models';
import { type FeedStrategy, WINDOW_PAGES } from '../read-models/feed-layout';
import {
  asHead,
  FEED_HEADS,
  FEED_PAGES,
  type FeedEntry,
  type FeedHeadDoc,
  type FeedPageDoc,
  FOLLOWS,
  type FollowDoc,
  feedPageId,
  followId,
  PROFILES,
  type ProfileDoc,
  TIMELINES,
  type TimelineDoc,
} from '../read-models/read-model-docs';
import { chunkedSource, type EntrySource, mergeSources, timelineSource } from './timeline-source';

/** Where one page of a feed comes from, and what the page's assembly needs to know about it. */
export interface FeedSources {
  sources: EntrySource[];
  /** Whether an entry came from the materialized window (for stats). */
  fromWindow(entry: FeedEntry): boolean;
  /** The archived page an entry came from, for the next cursor's hint (null: the head, or not the window). */
  pageOf(entry: FeedEntry): number | null;
  /** Authors whose timelines were opened so far (the ones below the floor open while the page is assembled). */
  pulledAuthors(): number;
}

export interface SourceRequest {
  strategy: FeedStrategy;
  /** Only this author's posts (if the owner follows them, or is them). */
  author?: string;
  /** Entries strictly below this key (the cursor), or all. */
  before?: string;
  /** The archived page the cursor's entry came from. */
  hint: number | null;
}

/**
 * Which documents feed this request. One author: their timeline. Pull: every followee's timeline.
 * Push and hybrid: the materialized window (the head, then archived pages: one _id lookup each),
 * the timelines of followed authors in pull mode, and, below the window's floor, every followee's
 * timeline, opened only when a reader scrolls that far.
 */
export async function feedSources(db: ReadDb, owner: string, { strategy, author, before, hint }: SourceRequest): Promise<FeedSources> {
  const below = (key: string) => before === undefined || key < before;
  const profiles = await readModel<ProfileDoc>(db, PROFILES);
  const timelines = await readModel<TimelineDoc>(db, TIMELINES);
  const follows = await readModel<FollowDoc>(db, FOLLOWS);
  let pulledAuthors = 0;
  const timelinesOf = async (authorIds: string[], accept: (key: string) => boolean) => {
    const sources: EntrySource[] = [];
    await forEachConcurrent(authorIds, 16, async (id) => {
      const profile = await profiles.findOne({ _id: id });
      if (profile) sources.push(timelineSource(profile, timelines, accept));
    });
    pulledAuthors += sources.length;
    return sources;
  };
  const followees = async () => [owner, ...(await follows.find({ followerId: owner }, { projection: { followeeId: 1 } }).toArray()).map((f) => f.followeeId)];
  const notFromWindow = { fromWindow: () => false, pageOf: () => null, pulledAuthors: () => pulledAuthors };

  if (author) {
    const followed = author === owner || (await follows.findOne({ _id: followId(owner, author) })) !== null;
    return { sources: followed ? await timelinesOf([author], below) : [], ...notFromWindow };
  }
  if (strategy === 'pull') return { sources: await timelinesOf(await followees(), below), ...notFromWindow };
  const head = asHead(owner, await (await readModel<FeedHeadDoc>(db, FEED_HEADS)).findOne({ _id: owner }));
  const window = await windowSource(db, head, below, hint);
  const sources = [window.source, ...(await timelinesOf(head.pulled, below))];
  if (head.floor) {
    const atOrBelowFloor = (key: string) => key <= head.floor && below(key);
    let opened = false;
    const deep = chunkedSource(
      [],
      async () => {
        if (opened) return null;
        opened = true;
        const entries: FeedEntry[] = [];
        await mergeSources(await timelinesOf(await followees(), atOrBelowFloor), async (e) => entries.push(e) < 200);
        return entries;
      },
      atOrBelowFloor,
    );
    sources.push({ ceiling: head.floor, ...deep });
  }
  return { sources, fromWindow: window.fromWindow, pageOf: window.pageOf, pulledAuthors: () => pulledAuthors };
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
      const page = await pages.findOne({ _id: feedPageId(head._id, index) });
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

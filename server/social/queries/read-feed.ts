import type { ReadDb } from '@/db/mongo';
import { env } from '@/server/env';
import type { FeedStrategy } from '../read-models/feed-layout';
import type { FeedEntry } from '../read-models/read-model-docs';
import { type FeedSources, feedSources } from './feed-sources';
import { mergeSources } from './timeline-source';

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
  stats: { strategy: FeedStrategy; materialized: number; pulledAuthors: number; scanned: number };
}

export interface FeedRequest {
  cursor?: string;
  limit: number;
  filter: FeedFilter;
  /** Only entries after this key (the SSE stream's last id): the read stops at the first older one. */
  newerThan?: string;
  strategy?: FeedStrategy;
}

/** Entries examined per request before a filtered page is returned short (with a cursor). */
export const SCAN_BUDGET = 2000;

/**
 * Reads one page of a user's feed: `feedSources` picks the documents (window, pulled authors,
 * timelines below the floor), `assemblePage` merges them newest first and filters. Filters run
 * over the entries, never over a changed structure.
 */
export async function readFeed(
  db: ReadDb,
  owner: string,
  { cursor, limit, filter, newerThan, strategy = env.SOCIAL_FEED_STRATEGY }: FeedRequest,
  /** Keeps the entries that pass checks needing the post itself (the `q` text filter). */
  keep: (entries: FeedEntry[]) => Promise<FeedEntry[]> = async (e) => e,
): Promise<FeedRead> {
  const [before, hint] = cursor ? cursor.split('.') : [undefined, undefined];
  const from = await feedSources(db, owner, { strategy, author: filter.author, before, hint: hint === undefined ? null : Number(hint) });
  const page = await assemblePage(from, { limit, filter, newerThan }, keep);
  return { entries: page.entries, resumeAt: page.resumeAt, stats: { strategy, ...page.stats, pulledAuthors: from.pulledAuthors() } };
}

/**
 * Merges the sources newest first into at most `limit` entries that pass the filter (looking at
 * no more than SCAN_BUDGET), and says where the next page resumes: the last entry returned on a
 * full page, else the last one looked at, with its archived page as a hint (`<key>.<page>`).
 */
async function assemblePage(
  from: FeedSources,
  { limit, filter, newerThan }: Pick<FeedRequest, 'limit' | 'filter' | 'newerThan'>,
  keep: (entries: FeedEntry[]) => Promise<FeedEntry[]>,
) {
  const stats = { materialized: 0, scanned: 0 };
  const matches = (e: FeedEntry) =>
    (!filter.author || e.authorId === filter.author) && (!filter.tag || e.tags.includes(filter.tag)) && (!filter.until || e.createdAt <= filter.until);
  const result: FeedEntry[] = [];
  let batch: FeedEntry[] = [];
  let last: FeedEntry | null = null;
  const flush = async () => {
    result.push(...(await keep(batch)).slice(0, limit - result.length));
    batch = [];
  };
  await mergeSources(from.sources, async (entry) => {
    if (filter.since && entry.createdAt < filter.since) return false;
    if (newerThan !== undefined && entry.key <= newerThan) return false;
    stats.scanned++;
    last = entry;
    if (from.fromWindow(entry)) stats.materialized++;
    if (matches(entry)) batch.push(entry);
    if (batch.length >= limit - result.length) await flush();
    return result.length < limit && stats.scanned < SCAN_BUDGET;
  });
  if (batch.length) await flush();
  const end = result.length < limit && stats.scanned < SCAN_BUDGET;
  const resumeFrom = result.length === limit ? result[result.length - 1] : (last as FeedEntry | null);
  const page = resumeFrom ? from.pageOf(resumeFrom) : null;
  const resumeAt = end || !resumeFrom ? null : page === null ? resumeFrom.key : `${resumeFrom.key}.${page}`;
  return { entries: result, resumeAt, stats };
}

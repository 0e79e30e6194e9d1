import type { Document } from 'mongodb';
import type pg from 'pg';
import type { ReadDb } from '@/db/mongo';
import { saveCheckpoint } from '@/server/cqrs/checkpoints';
import { type LogPosition, startOfLog } from '@/server/cqrs/consistency-token';
import { DocumentsInMemory } from '@/server/cqrs/document-projector';
import { readEventsAfter } from '@/server/cqrs/event-store';
import { liveGenerations, physicalName, storeFor, swapGenerations } from '@/server/cqrs/read-models';
import type { FeedStrategy } from '../read-models/feed-layout';
import {
  COMMENTS,
  FEED_HEADS,
  FEED_PAGES,
  type FeedHeadDoc,
  type FeedPageDoc,
  FOLLOWS,
  LIKES,
  POSTS,
  PROFILES,
  type ProfileDoc,
  TIMELINES,
} from '../read-models/read-model-docs';
import { feedLayouts } from './feed-layouts';
import { insertAll } from './insert-all';
import { socialDocuments } from './social-documents';
import { socialProjector } from './social-projector';

/** Read models whose documents do not depend on the feed strategy (a bench may reuse them). */
export const STRATEGY_INDEPENDENT = [POSTS, TIMELINES, FOLLOWS, LIKES, COMMENTS] as const;

export interface BulkBuildOptions {
  strategy: FeedStrategy;
  /** Hybrid only: followers at which an author is merged at read time (as SOCIAL_PULL_THRESHOLD). */
  threshold: number;
  /**
   * Logical names to take from an existing generation instead of writing them (only the
   * strategy-independent ones make sense: `STRATEGY_INDEPENDENT`). They must already hold the
   * same log prefix, e.g. a previous bulk build of the same log.
   */
  reuse?: Partial<Record<string, number>>;
  /** Point the aliases at the new generations and save the checkpoint (default true). */
  swap?: boolean;
  /** Events read per round trip (default 5000). */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface BulkBuildResult {
  strategy: FeedStrategy;
  threshold: number;
  generations: Record<string, number>;
  /** Documents written per logical collection (0 for reused ones). */
  documents: Record<string, number>;
  events: number;
  checkpoint: LogPosition;
  /** Milliseconds per step. */
  ms: { read: number; feeds: number; write: number; indexes: number; total: number };
  pullAuthors: number;
}

/**
 * Builds every social read model from the event log in one pass and writes each collection with
 * `insertMany` into fresh generations: the projection rebuild for volumes where replaying one
 * event at a time (a findOneAndUpdate per follower per post) takes hours. The per-key documents
 * are a fold of the log over the very projections the worker applies (social-documents.ts), so
 * the two cannot disagree; only feeds are laid out once at the end (feed-layouts.ts).
 *
 * Holds the projection's advisory lock from the first read to the swap, so the worker's catch-up
 * waits (it answers `ran: false`) and resumes from the checkpoint saved here.
 */
export async function bulkBuildSocial(pool: pg.Pool, db: ReadDb, opts: BulkBuildOptions): Promise<BulkBuildResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const projector = socialProjector(opts.strategy, opts.threshold);
  return withLock(pool, projector.name, async (client) => {
    const { memory, events, checkpoint } = await replay(client, socialDocuments(opts.strategy, opts.threshold), opts.batchSize ?? 5000);
    const tRead = Date.now();
    log(`read ${events} events in ${tRead - t0} ms`);

    const generations = await nextGenerations(db, projector.collections, opts.reuse ?? {});
    const out = new BulkWriter(db, generations, opts.reuse ?? {});
    for (const name of [PROFILES, ...STRATEGY_INDEPENDENT]) await out.write(name, memory.documents(name));
    // Pull reads no feed documents: empty generations, so a later strategy change is a rebuild.
    const feedMs = await out.writeFeeds(opts.strategy === 'pull' ? [] : feedLayouts(memory));
    log(`wrote ${JSON.stringify(out.documents)} in ${out.writeMs} ms (feeds laid out in ${feedMs} ms)`);

    // Indexes, then the swap and the checkpoint (under the lock, so the worker resumes here).
    const tIdx = Date.now();
    await projector.setup(storeFor(db, generations));
    const indexMs = Date.now() - tIdx;
    if (opts.swap ?? true) {
      await swapGenerations(db, generations);
      await saveCheckpoint(db, projector.name, checkpoint);
      log(`swapped to ${JSON.stringify(generations)}; checkpoint ${checkpoint.transactionId}.${checkpoint.position}`);
    }
    return {
      strategy: opts.strategy,
      threshold: opts.threshold,
      generations,
      documents: out.documents,
      events,
      checkpoint,
      ms: { read: tRead - t0, feeds: feedMs, write: out.writeMs, indexes: indexMs, total: Date.now() - t0 },
      pullAuthors: [...memory.documents<ProfileDoc>(PROFILES)].filter((p) => p.mode === 'pull').length,
    };
  });
}

async function withLock<T>(pool: pg.Pool, name: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  } finally {
    client.release();
  }
}

/** The whole log folded through the per-key projections, in memory. */
async function replay(client: pg.PoolClient, step: ReturnType<typeof socialDocuments>, batchSize: number) {
  const memory = new DocumentsInMemory();
  let checkpoint = startOfLog;
  let events = 0;
  for (;;) {
    const batch = await readEventsAfter(client, checkpoint, batchSize);
    if (batch.length === 0) return { memory, events, checkpoint };
    for (const event of batch) await step(memory.apply, event);
    events += batch.length;
    const last = batch[batch.length - 1];
    checkpoint = { transactionId: last.transactionId, position: last.position };
  }
}

/** One generation past every one that exists (live or left over), unless reused. */
async function nextGenerations(db: ReadDb, logicals: string[], reuse: Partial<Record<string, number>>): Promise<Record<string, number>> {
  const live = await liveGenerations(db, logicals);
  const existing = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name as string);
  const generations: Record<string, number> = {};
  for (const name of logicals) {
    const taken = existing.map((c) => new RegExp(`^${name}_v(\\d+)$`).exec(c)).flatMap((m) => (m ? [Number(m[1])] : []));
    generations[name] = reuse[name] ?? Math.max(live[name], ...taken) + 1;
  }
  return generations;
}

/** Writes fresh generations with insertMany, counting documents and time. */
class BulkWriter {
  readonly documents: Record<string, number>;
  writeMs = 0;

  constructor(
    private readonly db: ReadDb,
    private readonly generations: Record<string, number>,
    private readonly reuse: Partial<Record<string, number>>,
  ) {
    this.documents = Object.fromEntries(Object.keys(generations).map((n) => [n, 0]));
  }

  async write(name: string, docs: Iterable<Document>): Promise<void> {
    if (this.reuse[name] !== undefined) return;
    const t = Date.now();
    this.documents[name] += await insertAll(await this.fresh(name), docs);
    this.writeMs += Date.now() - t;
  }

  /** Heads and pages in slices of 5,000 owners, so memory holds a few thousand feeds, not all. Returns the layout time. */
  async writeFeeds(layouts: Iterable<{ head: FeedHeadDoc; pages: FeedPageDoc[] }>): Promise<number> {
    const [headsOut, pagesOut] = [await this.fresh(FEED_HEADS), await this.fresh(FEED_PAGES)];
    const heads: FeedHeadDoc[] = [];
    const pages: FeedPageDoc[] = [];
    const flush = async () => {
      const t = Date.now();
      this.documents[FEED_HEADS] += await insertAll(headsOut, heads.splice(0));
      this.documents[FEED_PAGES] += await insertAll(pagesOut, pages.splice(0));
      this.writeMs += Date.now() - t;
      return Date.now() - t;
    };
    const t0 = Date.now();
    let flushing = 0;
    for (const layout of layouts) {
      heads.push(layout.head);
      pages.push(...layout.pages);
      if (heads.length >= 5000) flushing += await flush();
    }
    flushing += await flush();
    return Date.now() - t0 - flushing;
  }

  private async fresh(name: string) {
    const collection = this.db.collection(physicalName(name, this.generations[name]));
    await collection.drop().catch(() => {});
    return collection;
  }
}

/**
 * The read side for one strategy, built from the log by the product's bulk build into fresh
 * generations (the strategy-independent collections are written once and reused), then vacuumed
 * and measured: storage per user as BSON and as the read store reports it (collStats).
 */
import type { Db, Document } from 'mongodb';
import type pg from 'pg';
import { round } from '../harness/settings';
import type { Strategy } from './settings';
import type { BuildResult, CollectionStorage, FeedBench, StorageResult } from './types';

export async function buildReadSide(
  { stack, cfg, db }: FeedBench,
  pool: pg.Pool,
  strategy: Strategy,
  reuse: Record<string, number> | undefined,
): Promise<BuildResult> {
  const { bulkBuildSocial } = await import('@/server/social/projections/bulk-build');
  stack.sampler.beginPhase(`${strategy}: bulk build`);
  const build = await bulkBuildSocial(pool, db, { strategy, threshold: cfg.threshold, reuse, log: (l) => stack.say(`  ${l}`) });
  const usage = stack.sampler.endPhase();
  // The fresh generations are big new tables in the read store's PostgreSQL: analyze and vacuum
  // them now, or autovacuum does it during the measurements.
  const t = Date.now();
  const client = new (await import('pg')).default.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${cfg.ports.readPg}/ferretdb` });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
  const vacuumSeconds = round((Date.now() - t) / 1000);
  stack.say(`  VACUUM ANALYZE of the read store in ${vacuumSeconds} s`);
  return { ...build, usage, vacuumSeconds };
}

export async function storage(db: Db, generations: Record<string, number>, users: number): Promise<StorageResult> {
  const { physicalName } = await import('@/server/cqrs/read-models');
  const { BSON } = await import('mongodb');
  const out: Record<string, CollectionStorage> = {};
  for (const [name, g] of Object.entries(generations)) {
    const coll = physicalName(name, g);
    // Documents as BSON (count x average of a sample), the size a MongoDB would hold...
    const count = await db.collection(coll).estimatedDocumentCount();
    const sample = await db.collection(coll).find().limit(200).toArray();
    const bsonBytes = Math.round((sample.reduce((n, d) => n + BSON.calculateObjectSize(d), 0) / Math.max(1, sample.length)) * count);
    // ...and what the read store reports (FerretDB: its PostgreSQL tables and indexes).
    try {
      const s = (await db.command({ collStats: coll })) as Document;
      out[name] = {
        count,
        bsonBytes,
        sizeBytes: Number(s.size ?? 0),
        storageBytes: Number(s.storageSize ?? 0),
        indexBytes: Number(s.totalIndexSize ?? 0),
        source: 'collStats',
      };
    } catch {
      out[name] = { count, bsonBytes, sizeBytes: bsonBytes, storageBytes: 0, indexBytes: 0, source: 'no collStats: BSON estimate only' };
    }
  }
  const feed = ['social_feed_heads', 'social_feed_pages'];
  const all = Object.keys(out);
  const sum = (keys: string[], f: 'bsonBytes' | 'sizeBytes' | 'storageBytes' | 'indexBytes') => keys.reduce((n, k) => n + (out[k]?.[f] ?? 0), 0);
  const perUser = (n: number) => Math.round(n / users);
  return {
    collections: out,
    perUserBytes: {
      feedBson: perUser(sum(feed, 'bsonBytes')),
      allBson: perUser(sum(all, 'bsonBytes')),
      feedDocuments: perUser(sum(feed, 'sizeBytes')),
      feedOnDisk: perUser(sum(feed, 'storageBytes') + sum(feed, 'indexBytes')),
      allDocuments: perUser(sum(all, 'sizeBytes')),
      allOnDisk: perUser(sum(all, 'storageBytes') + sum(all, 'indexBytes')),
    },
  };
}

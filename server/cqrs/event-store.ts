import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { domainEvents, type Db } from '@/db/client';
import type { LogPosition } from './consistency-token';
import type { DomainEvent, EventMetadata, StoredEvent } from './types';

/**
 * Appends events to a stream at the versions after `fromVersion`. The unique (stream, version)
 * constraint turns a concurrent writer that skipped the row lock into an error instead of a fork.
 */
export async function appendToStream(
  tx: Db,
  streamId: string,
  fromVersion: number,
  events: DomainEvent[],
  metadata: EventMetadata,
  occurredAt: Date,
): Promise<LogPosition[]> {
  if (events.length === 0) return [];
  const rows = await tx
    .insert(domainEvents)
    .values(
      events.map((e, i) => ({
        streamId,
        streamVersion: fromVersion + i + 1,
        type: e.type,
        data: e.data as object,
        metadata,
        occurredAt,
      })),
    )
    .returning({ position: domainEvents.position, transactionId: domainEvents.transactionId });
  return rows;
}

interface EventRow {
  position: number;
  transaction_id: number;
  stream_id: string;
  stream_version: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  occurred_at: Date;
}

const toStored = (r: EventRow): StoredEvent => ({
  position: r.position,
  transactionId: r.transaction_id,
  streamId: r.stream_id,
  streamVersion: r.stream_version,
  type: r.type,
  data: r.data,
  metadata: r.metadata,
  // Drizzle's execute() hands timestamps over as text where the pool's own queries give a Date.
  occurredAt: new Date(r.occurred_at),
});

/**
 * Reads events after `from` in projector order. Only transactions older than the snapshot's xmin
 * are read: every one of them has committed or aborted, so nothing can later appear behind the
 * returned events (the sequence-gap trap). The price: one long-running transaction holds back
 * projections until it ends (visible as lag on the ops page), never silently.
 */
export async function readEventsAfter(client: pg.Pool | pg.PoolClient, from: LogPosition, limit: number): Promise<StoredEvent[]> {
  const { rows } = await client.query<EventRow>(
    `SELECT position, transaction_id, stream_id, stream_version, type, data, metadata, occurred_at
       FROM domain_events
      WHERE (transaction_id, position) > ($1, $2)
        AND transaction_id < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
      ORDER BY transaction_id, position
      LIMIT $3`,
    [from.transactionId, from.position, limit],
  );
  return rows.map(toStored);
}

/** How many committed events a projector at `from` has not applied yet, and the oldest one's time. */
export async function lagAfter(client: pg.Pool, from: LogPosition): Promise<{ events: number; oldest: Date | null }> {
  const { rows } = await client.query<{ events: number; oldest: Date | null }>(
    `SELECT count(*)::int AS events, min(occurred_at) AS oldest FROM domain_events WHERE (transaction_id, position) > ($1, $2)`,
    [from.transactionId, from.position],
  );
  return rows[0];
}

/** Reads one stream in version order (history queries, tests). */
export async function readStream(db: Db, streamId: string): Promise<StoredEvent[]> {
  const result = await db.execute(
    sql`SELECT position, transaction_id, stream_id, stream_version, type, data, metadata, occurred_at
          FROM domain_events WHERE stream_id = ${streamId} ORDER BY stream_version`,
  );
  return (result.rows as unknown as EventRow[]).map(toStored);
}

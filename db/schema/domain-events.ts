import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

/**
 * The append-only event log shared by every context. `transactionId` is the writer's xid: readers
 * only take events from transactions older than their snapshot's xmin and order by
 * (transaction_id, position), so an event whose transaction commits late is never skipped
 * (sequence values are handed out at insert, but become visible at commit).
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    position: bigserial('position', { mode: 'number' }).primaryKey(),
    transactionId: bigint('transaction_id', { mode: 'number' }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
    streamId: text('stream_id').notNull(),
    streamVersion: integer('stream_version').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    metadata: jsonb('metadata').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('domain_events_stream_version').on(t.streamId, t.streamVersion), index('domain_events_tx_position').on(t.transactionId, t.position)],
);

/** Answers already given for an Idempotency-Key, per caller and command. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('idempotency_keys_scope_key').on(t.scope, t.key)],
);

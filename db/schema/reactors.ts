import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * How far each reactor got in the event log. Unlike projection checkpoints (in the read store),
 * these live in the write store: a reaction's commands and its checkpoint commit in one
 * transaction, which is what makes the reaction's effect exactly-once.
 */
export const reactorCheckpoints = pgTable('reactor_checkpoints', {
  name: text('name').primaryKey(),
  transactionId: bigint('transaction_id', { mode: 'number' }).notNull(),
  position: bigint('position', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

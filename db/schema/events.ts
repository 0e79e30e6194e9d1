import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';

/** The events context's write model; `version` is the event's stream version. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    organizerId: uuid('organizer_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    venue: text('venue').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }),
    capacity: integer('capacity').notNull(),
    registeredCount: integer('registered_count').notNull().default(0),
    status: text('status', { enum: ['scheduled', 'deleted'] }).notNull(),
    version: integer('version').notNull(),
  },
  (t) => [index('events_organizer').on(t.organizerId)],
);

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['registered', 'cancelled'] }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
  },
  // The database backs the domain rule: one active registration per user and event.
  (t) => [uniqueIndex('registrations_one_active').on(t.eventId, t.userId).where(sql`${t.status} = 'registered'`), index('registrations_user').on(t.userId)],
);

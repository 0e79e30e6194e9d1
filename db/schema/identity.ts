import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The organization tree (company > division > department...): each row is a department aggregate,
 * locked by every command that changes it or decides by it (procurement locks it first, see
 * docs/decisions/0010-procurement-budget-ledger.md). `version` is its stream's version.
 */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => departments.id),
    /** 0 for a root, one more per level below it. */
    level: integer('level').notNull().default(0),
    /** Who leads it (holds the team-lead role while leading); a user leads at most one department. */
    leadId: uuid('lead_id').references((): AnyPgColumn => users.id),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('departments_lead').on(t.leadId), check('departments_level', sql`${t.level} >= 0`)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('users_email_lower').on(sql`lower(${t.email})`)],
);

/** One row per role a user holds; later contexts add their roles here. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Failed sign-in counters per key ("account:<email>" or "client:<ip>") in a fixed window. */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull(),
});

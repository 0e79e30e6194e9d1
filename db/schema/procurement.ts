import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { departments, users } from './identity';

/**
 * The procurement write model, normalized. Amounts are integer minor units (bigint, read as exact
 * JavaScript numbers: at most 10^13 each). Every rule the deciders keep under concurrency has a
 * constraint here as a second line: a stop ledger's available never below zero, no negative stage,
 * one budget entry per request.
 */
export const purchaseRequests = pgTable(
  'purchase_requests',
  {
    id: uuid('id').primaryKey(),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    title: text('title').notNull(),
    justification: text('justification').notNull(),
    vendor: text('vendor').notNull(),
    neededBy: date('needed_by', { mode: 'string' }),
    currency: text('currency').notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    /** The ledger year of the last submit (null before it). */
    fiscalYear: integer('fiscal_year'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    index('purchase_requests_department').on(t.departmentId),
    index('purchase_requests_requester').on(t.requesterId),
    check('purchase_requests_total', sql`${t.total} between 1 and 10000000000000`),
    check('purchase_requests_status', sql`${t.status} in ('draft', 'submitted', 'changes-requested', 'approved', 'rejected', 'cancelled', 'paid')`),
  ],
);

export const purchaseRequestLines = pgTable(
  'purchase_request_lines',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => purchaseRequests.id),
    lineNo: integer('line_no').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.lineNo] }),
    check('purchase_request_lines_amount', sql`${t.quantity} >= 1 and ${t.unitPrice} >= 1 and ${t.amount} = ${t.quantity}::bigint * ${t.unitPrice}`),
  ],
);

/** The approval chain fixed at the last submit, one row per step. */
export const approvalSteps = pgTable(
  'approval_steps',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => purchaseRequests.id),
    step: integer('step').notNull(),
    kind: text('kind').notNull(),
    approverId: uuid('approver_id').references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.step] })],
);

/** A department's budget ledger for a fiscal year (the row whose lock serializes its money). */
export const budgets = pgTable(
  'budgets',
  {
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    fiscalYear: integer('fiscal_year').notNull(),
    currency: text('currency').notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    requested: bigint('requested', { mode: 'number' }).notNull(),
    committed: bigint('committed', { mode: 'number' }).notNull(),
    spent: bigint('spent', { mode: 'number' }).notNull(),
    policy: text('policy').notNull(),
    warnThreshold: integer('warn_threshold').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.fiscalYear] }),
    check('budgets_figures', sql`${t.budget} >= 0 and ${t.requested} >= 0 and ${t.committed} >= 0 and ${t.spent} >= 0`),
    check('budgets_stop', sql`${t.policy} = 'warn' or ${t.budget} - ${t.requested} - ${t.committed} - ${t.spent} >= 0`),
    check('budgets_policy', sql`${t.policy} in ('stop', 'warn') and ${t.warnThreshold} between 1 and 100`),
  ],
);

/** What one request holds in its ledger, and at which stage. */
export const budgetEntries = pgTable(
  'budget_entries',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => purchaseRequests.id),
    departmentId: uuid('department_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    stage: text('stage').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.departmentId, t.fiscalYear], foreignColumns: [budgets.departmentId, budgets.fiscalYear] }),
    check('budget_entries_stage', sql`${t.stage} in ('requested', 'committed', 'spent', 'released') and ${t.amount} >= 1`),
  ],
);

/** A department's own approval tiers (JSON: [{ upTo, steps }]); null tiers: it inherits. */
export const approvalPolicies = pgTable('approval_policies', {
  departmentId: uuid('department_id')
    .primaryKey()
    .references(() => departments.id),
  tiers: jsonb('tiers'),
  version: integer('version').notNull(),
});

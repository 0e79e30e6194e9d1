import { and, eq } from 'drizzle-orm';
import { budgetEntries, budgets, type Db } from '@/db/client';
import { defineAggregate, type RowWriter } from '@/server/cqrs/aggregate';
import { type BudgetDecisionState, budgetDecider, type LedgerEntry, type LedgerState } from '../domain/budget-decider';
import { type BudgetEvent, budgetStreamId } from '../domain/domain-events';
import { lockDepartment } from './department-lock';

/** A department's ledger for a fiscal year, and for the commands that move money the request's entry. */
export interface BudgetKey {
  departmentId: string;
  fiscalYear: number;
  requestId?: string;
}

async function lockLedger(tx: Db, departmentId: string, fiscalYear: number): Promise<LedgerState | null> {
  const [row] = await tx
    .select()
    .from(budgets)
    .where(and(eq(budgets.departmentId, departmentId), eq(budgets.fiscalYear, fiscalYear)))
    .for('update');
  if (!row) return null;
  return { ...row, policy: row.policy as LedgerState['policy'] };
}

async function entryOf(tx: Db, requestId: string): Promise<LedgerEntry | null> {
  const [row] = await tx.select().from(budgetEntries).where(eq(budgetEntries.requestId, requestId));
  return row ? { requestId, amount: row.amount, stage: row.stage as LedgerEntry['stage'] } : null;
}

const ledgerRow = (l: LedgerState) => ({
  currency: l.currency,
  budget: l.budget,
  requested: l.requested,
  committed: l.committed,
  spent: l.spent,
  policy: l.policy,
  warnThreshold: l.warnThreshold,
  version: l.version,
});

/** Writes the ledger's figures and the moved entry as the event left them. */
const saveLedger: RowWriter<BudgetEvent, BudgetDecisionState> = async (tx, _event, { ledger, entry }) => {
  const l = ledger!;
  await tx
    .update(budgets)
    .set(ledgerRow(l))
    .where(and(eq(budgets.departmentId, l.departmentId), eq(budgets.fiscalYear, l.fiscalYear)));
  if (!entry) return;
  const row = { departmentId: l.departmentId, fiscalYear: l.fiscalYear, amount: entry.amount, stage: entry.stage };
  await tx
    .insert(budgetEntries)
    .values({ requestId: entry.requestId, ...row })
    .onConflictDoUpdate({ target: budgetEntries.requestId, set: row });
};

/**
 * A budget ledger (one row per department and fiscal year) and its entries. The department's row
 * is locked first (a no-op when the request's command already holds it), then the ledger's.
 */
export const budgetAggregate = defineAggregate({
  decider: budgetDecider,
  async load(tx, { departmentId, fiscalYear, requestId }: BudgetKey): Promise<BudgetDecisionState> {
    const departmentExists = await lockDepartment(tx, departmentId);
    const ledger = departmentExists ? await lockLedger(tx, departmentId, fiscalYear) : null;
    if (!requestId) return { departmentExists, ledger };
    return { departmentExists, ledger, entry: await entryOf(tx, requestId) };
  },
  stream: ({ departmentId, fiscalYear }, { ledger }) => ({ id: budgetStreamId(departmentId, fiscalYear), version: ledger?.version ?? 0 }),
  persist: {
    async BudgetAllocated(tx, { data }, { ledger }) {
      await tx.insert(budgets).values({ departmentId: data.departmentId, fiscalYear: data.fiscalYear, ...ledgerRow(ledger!) });
    },
    BudgetAdjusted: saveLedger,
    BudgetReserved: saveLedger,
    BudgetCommitted: saveLedger,
    BudgetSpent: saveLedger,
    BudgetReleased: saveLedger,
  },
});

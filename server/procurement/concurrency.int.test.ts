import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetEntries, budgets, dbFor, pool, purchaseRequests } from '@/db/client';
import { readStream } from '@/server/cqrs/event-store';
import type { StoredEvent } from '@/server/cqrs/types';
import { type ApiResponse, command, type Member } from '@/server/testing/api';
import { approveRequest } from './commands/approve-request';
import { cancelRequest } from './commands/cancel-request';
import { markAsPaid } from './commands/mark-as-paid';
import { rejectRequest } from './commands/reject-request';
import { submitRequest } from './commands/submit-request';
import { type BudgetDecisionState, budgetDecider, totalsOf } from './domain/budget-decider';
import { type BudgetEvent, budgetStreamId, type RequestEvent, requestStreamId } from './domain/domain-events';
import { type RequestDecisionState, requestDecider } from './domain/request-decider';
import { draft, makeOrg, type Org } from './testing/organization';

/**
 * The budget ledger under simultaneous commands: the race for the last money of a stop budget, and
 * a mix of submits, approvals, rejections, cancellations and payments on one department. After each,
 * the rows equal a fold of the event log with the deciders' own `evolve`, every stream's versions
 * are 1..n without a gap, and the log's reading order (transaction id, position) is each stream's
 * version order: the department lock that every command takes first orders both
 * (docs/decisions/0010-procurement-budget-ledger.md).
 */
const db = () => dbFor(pool());
const tally = (answers: ApiResponse[]) =>
  answers.reduce<Record<string, number>>((acc, a) => {
    const k = a.status < 300 ? String(a.status) : `${a.status} ${a.body.code}`;
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

async function ledgerRow(org: Org) {
  const [row] = await db()
    .select()
    .from(budgets)
    .where(and(eq(budgets.departmentId, org.team), eq(budgets.fiscalYear, org.fiscalYear)));
  return row;
}

/** Versions 1..n, and the order projectors read (transaction id, position) is the version order. */
function expectOrderedStream(events: StoredEvent[]) {
  expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
  const readOrder = [...events].sort((a, b) => a.transactionId - b.transactionId || a.position - b.position);
  expect(readOrder.map((e) => e.streamVersion)).toEqual(events.map((e) => e.streamVersion));
}

/** The ledger row and every entry equal the fold of the budget stream. */
async function expectLedgerIsFoldOfLog(org: Org, requestIds: string[]) {
  const events = await readStream(db(), budgetStreamId(org.team, org.fiscalYear));
  expectOrderedStream(events);
  const folded = (events as unknown as BudgetEvent[]).reduce(budgetDecider.evolve, { departmentExists: true, ledger: null } as BudgetDecisionState);
  const row = await ledgerRow(org);
  expect(row).toEqual({ ...folded.ledger, departmentId: org.team, fiscalYear: org.fiscalYear });
  expect(totalsOf(row).available).toBeGreaterThanOrEqual(0);
  // each request's entry is the last budget event about it
  for (const requestId of requestIds) {
    const mine = (events as unknown as BudgetEvent[]).filter((e) => 'requestId' in e.data && e.data.requestId === requestId);
    const entry = mine.reduce(budgetDecider.evolve, folded).entry;
    const [stored] = await db().select().from(budgetEntries).where(eq(budgetEntries.requestId, requestId));
    if (mine.length === 0) expect(stored).toBeUndefined();
    else expect({ amount: stored.amount, stage: stored.stage }).toEqual({ amount: entry!.amount, stage: entry!.stage });
  }
  return row;
}

/** Each request's row equals the fold of its stream. */
async function expectRequestsAreFoldsOfLog(requestIds: string[]) {
  for (const requestId of requestIds) {
    const events = await readStream(db(), requestStreamId(requestId));
    expectOrderedStream(events);
    const { request } = (events as unknown as RequestEvent[]).reduce(requestDecider.evolve, { request: null } as RequestDecisionState);
    const [row] = await db().select().from(purchaseRequests).where(eq(purchaseRequests.id, requestId));
    expect({ status: row.status, version: row.version, total: row.total, fiscalYear: row.fiscalYear }).toEqual({
      status: request!.status,
      version: request!.version,
      total: request!.total.amount,
      fiscalYear: request!.fiscalYear,
    });
  }
}

describe('the race for the last money', () => {
  const BUDGET = 1_000_000;
  let org: Org;
  beforeAll(async () => {
    org = await makeOrg({ budget: BUDGET, policy: 'stop' });
  });

  it('50 simultaneous submits of 10 % of the budget under stop: exactly 10 accepted, never above the budget', async () => {
    const requesters: Member[] = [org.requester, org.colleague];
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => draft(requesters[i % 2], BUDGET / 10, `Race ${i}`)));
    const answers = await Promise.all(ids.map((requestId, i) => command(submitRequest, requesters[i % 2], { requestId })));
    expect(tally(answers)).toEqual({ '200': 10, '409 insufficient-budget': 40 });
    const accepted = ids.filter((_, i) => answers[i].status === 200);
    const row = await expectLedgerIsFoldOfLog(org, ids);
    expect(row).toMatchObject({ budget: BUDGET, requested: 10 * (BUDGET / 10), committed: 0, spent: 0 });
    expect(totalsOf(row).available).toBe(0);
    await expectRequestsAreFoldsOfLog(ids);
    const submitted = await db().select().from(purchaseRequests).where(eq(purchaseRequests.departmentId, org.team));
    expect(
      submitted
        .filter((r) => r.status === 'submitted')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...accepted].sort());
    console.info(`[procurement race] 50 submits of ${BUDGET / 10} against ${BUDGET} (stop): ${JSON.stringify(tally(answers))}, requested ${row.requested}`);
  });

  it('submits, approvals, rejections, cancellations and payments racing on one ledger keep rows equal to the log', async () => {
    const o = await makeOrg({ budget: 2_000_000, policy: 'stop' });
    const amounts = Array.from({ length: 30 }, (_, i) => 50_000 + i * 7_919);
    const ids = await Promise.all(amounts.map((amount, i) => draft(i % 2 ? o.requester : o.colleague, amount, `Mix ${i}`)));
    const owner = (i: number) => (i % 2 ? o.requester : o.colleague);
    // first wave: everyone submits; second wave: approvals, rejections, cancellations and new submits at once
    await Promise.all(ids.slice(0, 20).map((requestId, i) => command(submitRequest, owner(i), { requestId })));
    const wave = ids.map((requestId, i) => {
      if (i >= 20) return command(submitRequest, owner(i), { requestId });
      if (i % 4 === 0) return command(approveRequest, o.lead, { requestId });
      if (i % 4 === 1) return command(rejectRequest, o.lead, { requestId, reason: 'Not now' });
      if (i % 4 === 2) return command(cancelRequest, owner(i), { requestId });
      return command(rejectRequest, o.lead, { requestId, reason: 'Fewer', kind: 'changes-requested' });
    });
    const answers = await Promise.all(wave);
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBeLessThan(500);
    // third wave: pay what was approved while cancelling others
    const approved = (await db().select().from(purchaseRequests).where(eq(purchaseRequests.departmentId, o.team))).filter((r) => r.status === 'approved');
    await Promise.all([
      ...approved.map((r) => command(markAsPaid, o.accountant, { requestId: r.id, paymentReference: `PAY-${r.id.slice(0, 8)}` })),
      ...ids.slice(20).map((requestId, i) => command(cancelRequest, owner(20 + i), { requestId })),
    ]);
    const row = await expectLedgerIsFoldOfLog(o, ids);
    await expectRequestsAreFoldsOfLog(ids);
    // the ledger's figures are the sums of what the requests hold, by stage
    const entries = await db().select().from(budgetEntries).where(eq(budgetEntries.departmentId, o.team));
    const sum = (stage: string) => entries.filter((e) => e.stage === stage).reduce((s, e) => s + e.amount, 0);
    expect({ requested: row.requested, committed: row.committed, spent: row.spent }).toEqual({
      requested: sum('requested'),
      committed: sum('committed'),
      spent: sum('spent'),
    });
    expect(row.spent).toBeGreaterThan(0);
  });
});

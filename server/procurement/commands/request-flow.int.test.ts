import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvalSteps, budgetEntries, budgets, dbFor, pool, purchaseRequestLines, purchaseRequests } from '@/db/client';
import { command, expectProblem, expectRefusal, invalidRequest, newUser } from '@/server/testing/api';
import { MAX_AMOUNT, MAX_LINES } from '../domain/limits';
import { draft, eur, makeOrg, type Org } from '../testing/organization';
import { adjustBudget } from './adjust-budget';
import { allocateBudget } from './allocate-budget';
import { approveRequest } from './approve-request';
import { cancelRequest } from './cancel-request';
import { createPurchaseRequest } from './create-purchase-request';
import { markAsPaid } from './mark-as-paid';
import { rejectRequest } from './reject-request';
import { setApprovalPolicy } from './set-approval-policy';
import { submitRequest } from './submit-request';
import { updateRequest } from './update-request';

const db = () => dbFor(pool());
let org: Org;
beforeAll(async () => {
  org = await makeOrg({ budget: 100_000_000 });
});

const ledger = async (departmentId = org.team) => {
  const [row] = await db()
    .select()
    .from(budgets)
    .where(and(eq(budgets.departmentId, departmentId), eq(budgets.fiscalYear, org.fiscalYear)));
  return row;
};
const requestRow = async (requestId: string) => (await db().select().from(purchaseRequests).where(eq(purchaseRequests.id, requestId)))[0];
const streamOf = async (streamId: string) =>
  (await db().execute<{ type: string }>(sql`SELECT type FROM domain_events WHERE stream_id = ${streamId} ORDER BY stream_version`)).rows.map((r) => r.type);
/** Every write a command can make, to compare before and after a refusal. */
const snapshot = async (requestId?: string) => ({
  events: (await db().execute(sql`SELECT count(*)::int AS n FROM domain_events`)).rows[0].n,
  ledger: await ledger(),
  request: requestId ? await requestRow(requestId) : null,
  entries: (await db().execute(sql`SELECT count(*)::int AS n FROM budget_entries`)).rows[0].n,
});

describe('procurement: a request from draft to paid', () => {
  it('creates, edits, submits (reserving), approves in two tiers (committing), pays (spending)', async () => {
    const before = await ledger();
    const created = await command(createPurchaseRequest, org.requester, {
      title: 'Servers',
      justification: 'Capacity',
      vendor: 'Acme',
      neededBy: '2031-01-15',
      lines: [
        { description: 'Server', quantity: 2, unitPrice: eur(2_000_000) },
        { description: 'Rack', quantity: 1, unitPrice: eur(500_001) },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { requestId } = created.body;
    expect(created.body).toMatchObject({ version: 1, status: 'draft' });
    expect(await requestRow(requestId)).toMatchObject({ total: 4_500_001, currency: 'EUR', departmentId: org.team, status: 'draft', neededBy: '2031-01-15' });
    expect(await db().select().from(purchaseRequestLines).where(eq(purchaseRequestLines.requestId, requestId))).toHaveLength(2);

    const updated = await command(updateRequest, org.requester, { requestId, expectedVersion: 1, title: 'Two servers and a rack' });
    expect(updated.body).toMatchObject({ version: 2, status: 'draft' });

    const submitted = await command(submitRequest, org.requester, { requestId });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ version: 3, status: 'submitted', budgetWarning: null });
    expect(await ledger()).toMatchObject({ requested: before.requested + 4_500_001, version: before.version + 1 });
    const chain = await db().select().from(approvalSteps).where(eq(approvalSteps.requestId, requestId)).orderBy(approvalSteps.step);
    expect(chain.map((s) => [s.kind, s.approverId])).toEqual([
      ['department-lead', org.lead.actor.userId],
      ['parent-lead', org.head.actor.userId],
    ]);

    // the head cannot jump the queue; the lead approves, then the head
    expectRefusal(await command(approveRequest, org.head, { requestId }), 403, 'not-approver');
    expect((await command(approveRequest, org.lead, { requestId, comment: 'Fine' })).body).toMatchObject({ status: 'submitted' });
    expect((await command(approveRequest, org.head, { requestId })).body).toMatchObject({ status: 'approved' });
    expect(await ledger()).toMatchObject({ requested: before.requested, committed: before.committed + 4_500_001 });

    const paid = await command(markAsPaid, org.accountant, { requestId, paymentReference: 'WIRE-2031-001' });
    expect(paid.body).toMatchObject({ status: 'paid' });
    expect(await ledger()).toMatchObject({ committed: before.committed, spent: before.spent + 4_500_001 });
    expect((await db().select().from(budgetEntries).where(eq(budgetEntries.requestId, requestId)))[0]).toMatchObject({ stage: 'spent', amount: 4_500_001 });
    expect(await streamOf(`purchase-request-${requestId}`)).toEqual([
      'PurchaseRequestCreated',
      'RequestUpdated',
      'RequestSubmitted',
      'RequestStepApproved',
      'RequestStepApproved',
      'RequestApproved',
      'RequestPaid',
    ]);
    expect((await streamOf(`budget-${org.team}-${org.fiscalYear}`)).slice(-3)).toEqual(['BudgetReserved', 'BudgetCommitted', 'BudgetSpent']);
  });

  it('releases the reservation on a rejection, and on changes requested lets the requester edit and resubmit', async () => {
    const base = (await ledger()).requested;
    const requestId = await draft(org.requester, 300_000);
    await command(submitRequest, org.requester, { requestId });
    expect((await ledger()).requested).toBe(base + 300_000);
    const returned = await command(rejectRequest, org.lead, { requestId, reason: 'Cheaper vendor please', kind: 'changes-requested' });
    expect(returned.body).toMatchObject({ status: 'changes-requested' });
    expect((await ledger()).requested).toBe(base);
    const edited = await command(updateRequest, org.requester, { requestId, expectedVersion: returned.body.version, vendor: 'Bolt' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await command(submitRequest, org.requester, { requestId });
    expect((await ledger()).requested).toBe(base + 300_000);
    expectRefusal(await command(rejectRequest, org.lead, { requestId, reason: '   ' }), 400, 'invalid-request');
    expect((await command(rejectRequest, org.lead, { requestId, reason: 'No' })).body).toMatchObject({ status: 'rejected' });
    expect((await ledger()).requested).toBe(base);
    expectRefusal(await command(cancelRequest, org.requester, { requestId }), 409, 'request-closed');
  });

  it('cancels at any stage before payment, releasing what it held', async () => {
    const base = await ledger();
    const drafted = await draft(org.requester, 1000);
    expect((await command(cancelRequest, org.requester, { requestId: drafted })).body).toMatchObject({ status: 'cancelled' });
    const approved = await draft(org.requester, 2000);
    await command(submitRequest, org.requester, { requestId: approved });
    await command(approveRequest, org.lead, { requestId: approved });
    expect((await ledger()).committed).toBe(base.committed + 2000);
    expectRefusal(await command(cancelRequest, org.colleague, { requestId: approved }), 403, 'not-requester');
    expect((await command(cancelRequest, org.requester, { requestId: approved })).body).toMatchObject({ status: 'cancelled' });
    expect(await ledger()).toMatchObject({ requested: base.requested, committed: base.committed, spent: base.spent });
    // again: nothing happens, nothing is released twice
    const again = await command(cancelRequest, org.requester, { requestId: approved });
    expect(again.body).toMatchObject({ status: 'cancelled', consistencyToken: null });
    expect(await ledger()).toMatchObject({ committed: base.committed });
  });
});

describe('procurement: a retried submit reserves once', () => {
  it('replays the first answer for the same Idempotency-Key, and refuses a second submit without one', async () => {
    const base = (await ledger()).requested;
    const requestId = await draft(org.requester, 4321);
    const key = { 'idempotency-key': randomUUID() };
    const [first, retry] = await Promise.all([
      command(submitRequest, org.requester, { requestId }, key),
      command(submitRequest, org.requester, { requestId }, key),
    ]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body).toEqual(first.body);
    expectRefusal(await command(submitRequest, org.requester, { requestId }), 409, 'not-editable');
    expect((await ledger()).requested).toBe(base + 4321);
    expect(await streamOf(`purchase-request-${requestId}`)).toEqual(['PurchaseRequestCreated', 'RequestSubmitted']);
    await command(cancelRequest, org.requester, { requestId });
    expect((await ledger()).requested).toBe(base);
  });
});

describe('procurement: refusals write nothing', () => {
  it('refuses the approval rules: own request, twice in a chain, not pending, not approved to pay', async () => {
    const lead = org.lead;
    // the lead's own big request goes to the head, then the chief; the lead cannot approve it
    const own = await draft(lead, 5_000_000);
    const submitted = await command(submitRequest, lead, { requestId: own });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const before = await snapshot(own);
    expectRefusal(await command(approveRequest, lead, { requestId: own }), 403, 'own-request');
    expectRefusal(await command(markAsPaid, org.accountant, { requestId: own, paymentReference: 'x' }), 409, 'not-approved');
    expect(await snapshot(own)).toEqual(before);
    await command(approveRequest, org.head, { requestId: own });
    expectRefusal(await command(approveRequest, org.head, { requestId: own }), 409, 'approver-repeated');
    expect((await command(approveRequest, org.ceo, { requestId: own })).body).toMatchObject({ status: 'approved' });
    expectRefusal(await command(approveRequest, org.ceo, { requestId: own }), 409, 'not-pending');
    expectRefusal(await command(markAsPaid, org.requester, { requestId: own, paymentReference: 'x' }), 403, 'forbidden');
    expectRefusal(await command(approveRequest, org.lead, { requestId: randomUUID() }), 404, 'not-found');
  });

  it('refuses a stale version and an edit after submit, with 409 and nothing written', async () => {
    const requestId = await draft(org.requester, 1000);
    const before = await snapshot(requestId);
    expectRefusal(await command(updateRequest, org.requester, { requestId, expectedVersion: 2, title: 'x' }), 409, 'version-conflict');
    expectRefusal(await command(updateRequest, org.colleague, { requestId, expectedVersion: 1, title: 'x' }), 403, 'not-requester');
    expectRefusal(await command(submitRequest, org.colleague, { requestId }), 403, 'not-requester');
    expect(await snapshot(requestId)).toEqual(before);
    await command(submitRequest, org.requester, { requestId });
    expectRefusal(await command(updateRequest, org.requester, { requestId, expectedVersion: 2, title: 'x' }), 409, 'not-editable');
    await command(cancelRequest, org.requester, { requestId });
  });

  it('refuses a submit beyond a stop budget, and one without any budget, writing nothing', async () => {
    const small = await makeOrg({ budget: 1000 });
    const requestId = await draft(small.requester, 1001);
    const before = { request: await requestRow(requestId), ledger: await ledger(small.team) };
    expectRefusal(await command(submitRequest, small.requester, { requestId }), 409, 'insufficient-budget');
    expect({ request: await requestRow(requestId), ledger: await ledger(small.team) }).toEqual(before);
    expect(await streamOf(`purchase-request-${requestId}`)).toEqual(['PurchaseRequestCreated']);

    const none = await makeOrg({ budget: null });
    const unbudgeted = await draft(none.requester, 1);
    expectRefusal(await command(submitRequest, none.requester, { requestId: unbudgeted }), 409, 'budget-not-allocated');
    expect((await requestRow(unbudgeted)).status).toBe('draft');
  });

  it('refuses a request by someone without a department, and bad input with a 400 naming the field', async () => {
    const loner = await newUser(['employee']);
    expectRefusal(
      await command(createPurchaseRequest, loner, { title: 'x', lines: [{ description: 'x', quantity: 1, unitPrice: eur(1) }] }),
      409,
      'no-department',
    );
    const line = { description: 'x', quantity: 1, unitPrice: eur(1) };
    const cases: [unknown, string][] = [
      [{ title: 'x', lines: [] }, 'lines'],
      [{ title: 'x', lines: Array.from({ length: MAX_LINES + 1 }, () => line) }, 'lines'],
      [{ title: 'x', lines: [{ ...line, quantity: -1 }] }, 'lines.0.quantity'],
      [{ title: 'x', lines: [{ ...line, quantity: 1.5 }] }, 'lines.0.quantity'],
      [{ title: 'x', lines: [{ ...line, unitPrice: eur(MAX_AMOUNT + 1) }] }, 'lines.0.unitPrice.amount'],
      [{ title: 'x', lines: [{ ...line, unitPrice: eur(0.5) }] }, 'lines.0.unitPrice.amount'],
      [{ title: 'x', lines: [line], neededBy: '2030-13-45' }, 'neededBy'],
      [{ title: '', lines: [line] }, 'title'],
    ];
    for (const [body, path] of cases) expectProblem(await command(createPurchaseRequest, org.requester, body), invalidRequest(path));
  });
});

describe('procurement: budgets and policies', () => {
  it('allocates once, adjusts with a reason, never below what is used under stop', async () => {
    const o = await makeOrg({ budget: null });
    const res = await command(allocateBudget, o.accountant, { departmentId: o.team, fiscalYear: o.fiscalYear, budget: eur(10_000), policy: 'stop' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ version: 1, available: 10_000 });
    expectRefusal(
      await command(allocateBudget, o.accountant, { departmentId: o.team, fiscalYear: o.fiscalYear, budget: eur(1), policy: 'stop' }),
      409,
      'budget-exists',
    );
    expectRefusal(
      await command(allocateBudget, o.accountant, { departmentId: randomUUID(), fiscalYear: o.fiscalYear, budget: eur(1), policy: 'stop' }),
      404,
      'department-not-found',
    );
    const requestId = await draft(o.requester, 6000);
    expect((await command(submitRequest, o.requester, { requestId })).body).toMatchObject({ budgetWarning: null });
    const adjust = (body: object) => command(adjustBudget, o.accountant, { departmentId: o.team, fiscalYear: o.fiscalYear, reason: 'Reforecast', ...body });
    expectRefusal(await adjust({ budget: eur(5999) }), 409, 'budget-below-used');
    expectRefusal(await adjust({ budget: eur(7000), expectedVersion: 1 }), 409, 'version-conflict');
    expect((await adjust({ budget: eur(7000), expectedVersion: 2 })).body).toMatchObject({ version: 3, available: 1000 });
    expect((await adjust({ policy: 'warn' })).status).toBe(200);
    const over = await draft(o.colleague, 2000);
    expect((await command(submitRequest, o.colleague, { requestId: over })).body).toMatchObject({ status: 'submitted', budgetWarning: 'over-budget' });
    expect(await ledger(o.team)).toMatchObject({ budget: 7000, requested: 8000, policy: 'warn' });
    expectRefusal(await adjust({ policy: 'stop' }), 409, 'budget-below-used');
    expectRefusal(await command(adjustBudget, o.requester, { departmentId: o.team, fiscalYear: o.fiscalYear, reason: 'x' }), 403, 'forbidden');
  });

  it('submits by the policy in force: a division’s own tiers reach its teams, a team can override them', async () => {
    const o = await makeOrg();
    const set = (departmentId: string, tiers: unknown) => command(setApprovalPolicy, o.admin, { departmentId, tiers });
    expect((await set(o.division, [{ upTo: null, steps: ['department-lead', 'accountant'] }])).body).toMatchObject({ version: 1 });
    const chainOf = async (requestId: string) =>
      (await db().select().from(approvalSteps).where(eq(approvalSteps.requestId, requestId)).orderBy(approvalSteps.step)).map((s) => s.kind);
    const first = await draft(o.requester, 100);
    await command(submitRequest, o.requester, { requestId: first });
    expect(await chainOf(first)).toEqual(['department-lead', 'accountant']);
    await set(o.team, [{ upTo: null, steps: ['parent-lead'] }]);
    const second = await draft(o.requester, 100);
    await command(submitRequest, o.requester, { requestId: second });
    expect(await chainOf(second)).toEqual(['parent-lead']);
    // the accountant step: any accountant but the requester
    await command(approveRequest, o.lead, { requestId: first });
    expect((await command(approveRequest, o.accountant, { requestId: first })).body).toMatchObject({ status: 'approved' });
    expectRefusal(await set(o.team, [{ upTo: 5, steps: ['accountant'] }]), 409, 'invalid-policy');
    expectRefusal(await set(randomUUID(), null), 404, 'department-not-found');
    expectRefusal(await command(setApprovalPolicy, o.accountant, { departmentId: o.team, tiers: null }), 403, 'forbidden');
  });
});

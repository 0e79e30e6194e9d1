import { and, asc, eq } from 'drizzle-orm';
import { approvalSteps, type Db, purchaseRequestLines, purchaseRequests } from '@/db/client';
import { defineAggregate, type RowWriter } from '@/server/cqrs/aggregate';
import { type RequestEvent, requestStreamId } from '../domain/domain-events';
import { type RequestDecisionState, type RequestState, requestDecider } from '../domain/request-decider';
import { lockDepartment } from './department-lock';

/**
 * A purchase request, and the department whose row is locked before it: the requester's for a
 * creation, the request's own otherwise (null when there is none).
 */
export interface RequestKey {
  requestId: string;
  departmentId: string | null;
}

async function lockRequest(tx: Db, requestId: string): Promise<RequestState | null> {
  const [row] = await tx.select().from(purchaseRequests).where(eq(purchaseRequests.id, requestId)).for('update');
  if (!row) return null;
  const lines = await tx.select().from(purchaseRequestLines).where(eq(purchaseRequestLines.requestId, requestId)).orderBy(asc(purchaseRequestLines.lineNo));
  const steps = await tx.select().from(approvalSteps).where(eq(approvalSteps.requestId, requestId)).orderBy(asc(approvalSteps.step));
  const money = (amount: number) => ({ amount, currency: row.currency });
  return {
    requestId: row.id,
    requesterId: row.requesterId,
    departmentId: row.departmentId,
    title: row.title,
    justification: row.justification,
    vendor: row.vendor,
    neededBy: row.neededBy,
    lines: lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: money(l.unitPrice), amount: money(l.amount) })),
    total: money(row.total),
    status: row.status as RequestState['status'],
    chain: steps.map((s) => ({
      kind: s.kind as RequestState['chain'][number]['kind'],
      approverId: s.approverId,
      departmentId: s.departmentId,
      decidedBy: s.decidedBy,
      decidedAt: s.decidedAt?.toISOString() ?? null,
    })),
    fiscalYear: row.fiscalYear,
    version: row.version,
  };
}

const requestRow = (r: RequestState, at: Date) => ({
  title: r.title,
  justification: r.justification,
  vendor: r.vendor,
  neededBy: r.neededBy,
  currency: r.total.currency,
  total: r.total.amount,
  status: r.status,
  fiscalYear: r.fiscalYear,
  updatedAt: at,
  version: r.version,
});

async function writeLines(tx: Db, r: RequestState) {
  await tx.delete(purchaseRequestLines).where(eq(purchaseRequestLines.requestId, r.requestId));
  await tx.insert(purchaseRequestLines).values(
    r.lines.map((l, i) => ({
      requestId: r.requestId,
      lineNo: i + 1,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice.amount,
      amount: l.amount.amount,
    })),
  );
}

/** Writes the request's row as the events left it (status, totals, version). */
const saveRequest: RowWriter<RequestEvent, RequestDecisionState> = async (tx, _event, { request }, at) => {
  await tx.update(purchaseRequests).set(requestRow(request!, at)).where(eq(purchaseRequests.id, request!.requestId));
};

/** A purchase request: its row, its lines and its approval chain, under the request row's lock. */
export const requestAggregate = defineAggregate({
  decider: requestDecider,
  async load(tx, { requestId, departmentId }: RequestKey): Promise<RequestDecisionState> {
    if (departmentId) await lockDepartment(tx, departmentId);
    return { request: await lockRequest(tx, requestId) };
  },
  stream: ({ requestId }, { request }) => ({ id: requestStreamId(requestId), version: request?.version ?? 0 }),
  persist: {
    async PurchaseRequestCreated(tx, { data }, { request }) {
      const at = new Date(data.createdAt);
      await tx.insert(purchaseRequests).values({
        id: data.requestId,
        requesterId: data.requester.userId,
        departmentId: data.departmentId,
        createdAt: at,
        ...requestRow(request!, at),
      });
      await writeLines(tx, request!);
    },
    async RequestUpdated(tx, event, after, at) {
      await saveRequest(tx, event, after, at);
      if (event.data.after.lines) await writeLines(tx, after.request!);
    },
    async RequestSubmitted(tx, event, after, at) {
      await saveRequest(tx, event, after, at);
      await tx.delete(approvalSteps).where(eq(approvalSteps.requestId, event.data.requestId));
      await tx
        .insert(approvalSteps)
        .values(
          event.data.chain.map((s, step) => ({ requestId: event.data.requestId, step, kind: s.kind, approverId: s.approverId, departmentId: s.departmentId })),
        );
    },
    async RequestStepApproved(tx, event, after, at) {
      await saveRequest(tx, event, after, at);
      await tx
        .update(approvalSteps)
        .set({ decidedBy: event.data.approverId, decidedAt: new Date(event.data.approvedAt) })
        .where(and(eq(approvalSteps.requestId, event.data.requestId), eq(approvalSteps.step, event.data.step)));
    },
    RequestApproved: saveRequest,
    RequestRejected: saveRequest,
    RequestCancelled: saveRequest,
    RequestPaid: saveRequest,
  },
});

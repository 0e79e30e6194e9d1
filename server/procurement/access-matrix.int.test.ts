import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { assignMember } from '@/server/identity/commands/assign-member';
import { createDepartment } from '@/server/identity/commands/create-department';
import { type Caller, command, type Member, newUser } from '@/server/testing/api';
import { accessMatrix, type MatrixRequest } from '@/server/testing/access-matrix';
import { procurementContext } from '.';
import { allocateBudget } from './commands/allocate-budget';
import { approveRequest } from './commands/approve-request';
import { submitRequest } from './commands/submit-request';
import { fiscalYearOf } from './domain/fiscal-year';
import { draft, eur } from './testing/organization';

/**
 * Every procurement command for every kind of caller; the statuses come from each route's declared
 * access, and the cells below are the ones ownership and the organization decide: `requester` is an
 * employee of the team, `lead` leads it; the standard `accountant` and `admin` belong to no
 * department. Each cell acts on a request made fresh for it (`before`), so one cell cannot change
 * the next.
 */
interface Fixture {
  requester: Member;
  lead: Member;
  admin: Member;
  accountant: Member;
  team: string;
  fiscalYear: number;
  /** The request (or department) the current cell acts on. */
  current: string;
}

async function ok(res: Promise<{ status: number; body: any }>, status = 200) {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

const NO_DEPARTMENT = { status: 409, code: 'no-department' };
const NOT_REQUESTER = { status: 403, code: 'not-requester' };
const NOT_APPROVER = { status: 403, code: 'not-approver' };

const onCurrent = (f: Fixture) => ({ requestId: f.current });
const unknownRequest: MatrixRequest<Fixture> = { label: 'unknown request', input: () => ({ requestId: randomUUID() }), allowed: 404 };
const aDraft = async (_c: Caller, f: Fixture) => {
  f.current = await draft(f.requester, 1000);
};
const submitted = async (c: Caller, f: Fixture) => {
  await aDraft(c, f);
  await ok(command(submitRequest, f.requester, { requestId: f.current }));
};
const approved = async (c: Caller, f: Fixture) => {
  await submitted(c, f);
  await ok(command(approveRequest, f.lead, { requestId: f.current }));
};

accessMatrix<Fixture>({
  context: procurementContext,
  callers: { requester: ['employee'], lead: ['employee'] },
  async fixture(callers) {
    const { requester, lead, admin, accountant } = callers as Record<string, Member>;
    const [head, ceo] = await Promise.all([newUser(['employee']), newUser(['employee'])]);
    const company = (await ok(command(createDepartment, admin, { name: 'Matrix Co' }), 201)).departmentId;
    const division = (await ok(command(createDepartment, admin, { name: 'Matrix Division', parentId: company }), 201)).departmentId;
    const team = (await ok(command(createDepartment, admin, { name: 'Matrix Team', parentId: division }), 201)).departmentId;
    const assign = (m: Member, departmentId: string, leads = false) => ok(command(assignMember, admin, { userId: m.actor.userId, departmentId, leads }));
    await assign(ceo, company, true);
    await assign(head, division, true);
    await assign(lead, team, true);
    await assign(requester, team);
    const fiscalYear = fiscalYearOf(new Date().toISOString());
    await ok(command(allocateBudget, accountant, { departmentId: team, fiscalYear, budget: eur(10_000_000_000), policy: 'stop' }), 201);
    return { requester, lead, admin, accountant, team, fiscalYear, current: '' };
  },
  requests: {
    'procurement/create-purchase-request': {
      input: () => ({ title: 'Matrix', lines: [{ description: 'x', quantity: 1, unitPrice: eur(1) }] }),
      allowed: NO_DEPARTMENT,
      cells: { requester: 201, lead: 201 },
    },
    'procurement/update-request': [
      { before: aDraft, input: (f) => ({ requestId: f.current, expectedVersion: 1, title: 'Edited' }), allowed: NOT_REQUESTER, cells: { requester: 200 } },
      { ...unknownRequest, input: () => ({ requestId: randomUUID(), expectedVersion: 1, title: 'x' }) },
    ],
    'procurement/submit-request': [{ before: aDraft, input: onCurrent, allowed: NOT_REQUESTER, cells: { requester: 200 } }, unknownRequest],
    'procurement/cancel-request': [{ before: submitted, input: onCurrent, allowed: NOT_REQUESTER, cells: { requester: 200 } }, unknownRequest],
    'procurement/approve-request': [
      { before: submitted, input: onCurrent, allowed: NOT_APPROVER, cells: { lead: 200, requester: { status: 403, code: 'own-request' } } },
      unknownRequest,
    ],
    'procurement/reject-request': [
      {
        before: submitted,
        input: (f) => ({ requestId: f.current, reason: 'No' }),
        allowed: NOT_APPROVER,
        cells: { lead: 200, requester: { status: 403, code: 'own-request' } },
      },
      { ...unknownRequest, input: () => ({ requestId: randomUUID(), reason: 'No' }) },
    ],
    'procurement/mark-as-paid': [
      { before: approved, input: (f) => ({ requestId: f.current, paymentReference: 'PAY-1' }) },
      { ...unknownRequest, input: () => ({ requestId: randomUUID(), paymentReference: 'PAY-1' }) },
    ],
    'procurement/set-approval-policy': [
      { input: (f) => ({ departmentId: f.team, tiers: null }) },
      { label: 'unknown department', input: () => ({ departmentId: randomUUID(), tiers: null }), allowed: { status: 404, code: 'department-not-found' } },
    ],
    'procurement/allocate-budget': [
      {
        before: async (_c, f) => {
          f.current = (await ok(command(createDepartment, f.admin, { name: 'Matrix budgeted' }), 201)).departmentId;
        },
        input: (f) => ({ departmentId: f.current, fiscalYear: f.fiscalYear, budget: eur(1000), policy: 'warn' }),
      },
      {
        label: 'unknown department',
        input: (f) => ({ departmentId: randomUUID(), fiscalYear: f.fiscalYear, budget: eur(1000), policy: 'warn' }),
        allowed: { status: 404, code: 'department-not-found' },
      },
    ],
    'procurement/adjust-budget': [
      { input: (f) => ({ departmentId: f.team, fiscalYear: f.fiscalYear, reason: 'Matrix', warnThreshold: 90 }) },
      {
        label: 'no budget that year',
        input: (f) => ({ departmentId: f.team, fiscalYear: 2099, reason: 'Matrix' }),
        allowed: { status: 409, code: 'budget-not-allocated' },
      },
    ],
  },
});

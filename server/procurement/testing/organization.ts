import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { assignMember } from '@/server/identity/commands/assign-member';
import { createDepartment } from '@/server/identity/commands/create-department';
import { command, type Member, newUser } from '@/server/testing/api';
import { allocateBudget } from '../commands/allocate-budget';
import { createPurchaseRequest } from '../commands/create-purchase-request';
import { fiscalYearOf } from '../domain/fiscal-year';

/** A small organization made through the commands: company > division > team, with people in it. */
export interface Org {
  admin: Member;
  accountant: Member;
  company: string;
  division: string;
  team: string;
  /** An employee of the team. */
  requester: Member;
  /** Another employee of the team. */
  colleague: Member;
  /** Leads the team. */
  lead: Member;
  /** Leads the division (the team's parent unit). */
  head: Member;
  /** Leads the company. */
  ceo: Member;
  fiscalYear: number;
}

export const eur = (amount: number) => ({ amount, currency: 'EUR' });

async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/** Builds the organization; `budget` (EUR minor units, stop) is the team's for this fiscal year (none when null). */
export async function makeOrg({ budget = 100_000_000, policy = 'stop' }: { budget?: number | null; policy?: 'stop' | 'warn' } = {}): Promise<Org> {
  const [admin, accountant, requester, colleague, lead, head, ceo] = await Promise.all([
    newUser(['admin']),
    newUser(['accountant']),
    newUser(['employee'], 'Rita Requester'),
    newUser(['employee'], 'Cole Colleague'),
    newUser(['employee'], 'Lee Lead'),
    newUser(['employee'], 'Hana Head'),
    newUser(['employee'], 'Cora Chief'),
  ]);
  const tag = randomUUID().slice(0, 8);
  const company = (await ok(command(createDepartment, admin, { name: `Company ${tag}` }), 201)).departmentId;
  const division = (await ok(command(createDepartment, admin, { name: `Division ${tag}`, parentId: company }), 201)).departmentId;
  const team = (await ok(command(createDepartment, admin, { name: `Team ${tag}`, parentId: division }), 201)).departmentId;
  const assign = (m: Member, departmentId: string, leads = false) => ok(command(assignMember, admin, { userId: m.actor.userId, departmentId, leads }));
  await assign(ceo, company, true);
  await assign(head, division, true);
  await assign(lead, team, true);
  await assign(requester, team);
  await assign(colleague, team);
  const fiscalYear = fiscalYearOf(new Date().toISOString());
  if (budget !== null) {
    await ok(command(allocateBudget, accountant, { departmentId: team, fiscalYear, budget: eur(budget), policy, warnThreshold: 80 }), 201);
  }
  return { admin, accountant, company, division, team, requester, colleague, lead, head, ceo, fiscalYear };
}

/** A draft of one line of `amount` minor units by `who`. */
export async function draft(who: Member, amount: number, title = 'Laptops'): Promise<string> {
  const body = await ok(command(createPurchaseRequest, who, { title, lines: [{ description: 'Item', quantity: 1, unitPrice: eur(amount) }] }), 201);
  return body.requestId;
}

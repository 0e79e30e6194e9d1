import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, departments, pool, userRoles, users } from '@/db/client';
import { command, expectProblem, expectRefusal, invalidRequest, type Member, newUser } from '@/server/testing/api';
import { MAX_DEPARTMENT_LEVEL } from '../domain/organization-limits';
import { assignMember } from './assign-member';
import { createDepartment } from './create-department';

const db = () => dbFor(pool());
let admin: Member;
beforeAll(async () => {
  admin = await newUser(['admin']);
});

const create = async (name: string, parentId?: string) => {
  const res = await command(createDepartment, admin, { name, parentId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.departmentId as string;
};
const eventsOf = async (streamId: string) =>
  (await db().execute<{ type: string }>(sql`SELECT type FROM domain_events WHERE stream_id = ${streamId} ORDER BY stream_version`)).rows.map((r) => r.type);
const rolesOf = async (userId: string) => (await db().select().from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();

describe('identity/create-department', () => {
  it('builds a tree: company > division > department, one level each', async () => {
    const company = await create('Company');
    const division = await create('Division', company);
    const department = await create('Department', division);
    const rows = await db()
      .select({ id: departments.id, level: departments.level, parentId: departments.parentId, version: departments.version })
      .from(departments)
      .where(sql`${departments.id} in (${company}, ${division}, ${department})`);
    expect(rows.find((r) => r.id === department)).toEqual({ id: department, level: 2, parentId: division, version: 1 });
    expect(rows.find((r) => r.id === company)).toMatchObject({ level: 0, parentId: null });
    expect(await eventsOf(`department-${department}`)).toEqual(['DepartmentCreated']);
  });

  it('refuses an unknown parent (404) and a tree too deep (409), writing nothing', async () => {
    const before = await db().execute(sql`SELECT count(*)::int AS n FROM departments`);
    expectRefusal(await command(createDepartment, admin, { name: 'Orphan', parentId: randomUUID() }), 404, 'parent-not-found');
    let parent = await create('Level 0');
    for (let level = 1; level <= MAX_DEPARTMENT_LEVEL; level++) parent = await create(`Level ${level}`, parent);
    const mid = await db().execute(sql`SELECT count(*)::int AS n FROM departments`);
    expectRefusal(await command(createDepartment, admin, { name: 'Too deep', parentId: parent }), 409, 'tree-too-deep');
    expect((await db().execute(sql`SELECT count(*)::int AS n FROM departments`)).rows[0]).toEqual(mid.rows[0]);
    expect(Number(mid.rows[0].n) - Number(before.rows[0].n)).toBe(MAX_DEPARTMENT_LEVEL + 1);
  });

  it('refuses an empty name and a bad parent id with a 400 naming the field', async () => {
    expectProblem(await command(createDepartment, admin, { name: '  ' }), invalidRequest('name'));
    expectProblem(await command(createDepartment, admin, { name: 'x', parentId: 'nope' }), invalidRequest('parentId'));
  });
});

describe('identity/assign-member', () => {
  it('moves a user in, makes a lead (with the team-lead role), replaces and removes leads', async () => {
    const [sales, ops] = [await create('Sales'), await create('Ops')];
    const [ann, bob] = [await newUser(['employee']), await newUser(['employee'])];
    const assign = (who: Member, departmentId: string, leads?: boolean) => command(assignMember, admin, { userId: who.actor.userId, departmentId, leads });

    const first = await assign(ann, sales, true);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ userId: ann.actor.userId, departmentId: sales, leadId: ann.actor.userId });
    expect(await rolesOf(ann.actor.userId)).toEqual(['employee', 'team-lead']);
    const [row] = await db().select().from(users).where(eq(users.id, ann.actor.userId));
    expect(row.departmentId).toBe(sales);

    // Bob replaces Ann as lead: Ann stays a member without the role
    expect((await assign(bob, sales, true)).body.leadId).toBe(bob.actor.userId);
    expect(await rolesOf(ann.actor.userId)).toEqual(['employee']);
    expect(await rolesOf(bob.actor.userId)).toEqual(['employee', 'team-lead']);

    // Bob leads Sales, so he cannot move to Ops until Sales has another lead
    expectRefusal(await assign(bob, ops), 409, 'leads-another-department');
    expect((await assign(bob, sales, false)).body.leadId).toBeNull();
    expect((await assign(bob, ops)).status).toBe(200);
    expect(await eventsOf(`department-${sales}`)).toEqual([
      'DepartmentCreated',
      'MemberAssigned',
      'DepartmentLeadChanged',
      'MemberAssigned',
      'DepartmentLeadChanged',
      'DepartmentLeadChanged',
    ]);
    // assigning what is already so writes nothing
    const res = await assign(bob, ops);
    expect(res.status).toBe(200);
    expect(res.body.consistencyToken).toBeNull();
  });

  it('refuses an unknown department or user with 404 and non-admins with 403', async () => {
    const sales = await create('Sales 2');
    const ann = await newUser(['employee']);
    expectRefusal(await command(assignMember, admin, { userId: ann.actor.userId, departmentId: randomUUID() }), 404, 'department-not-found');
    expectRefusal(await command(assignMember, admin, { userId: randomUUID(), departmentId: sales }), 404, 'user-not-found');
    expectRefusal(await command(assignMember, ann, { userId: ann.actor.userId, departmentId: sales }), 403, 'forbidden');
    expect(await eventsOf(`department-${sales}`)).toEqual(['DepartmentCreated']);
  });

  it('never lets one user lead two departments, however the assignments race', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => create(`Race ${i}`)));
    const carol = await newUser(['employee']);
    const results = await Promise.all(ids.map((departmentId) => command(assignMember, admin, { userId: carol.actor.userId, departmentId, leads: true })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const led = await db().select().from(departments).where(eq(departments.leadId, carol.actor.userId));
    expect(led).toHaveLength(1);
    const [row] = await db().select().from(users).where(eq(users.id, carol.actor.userId));
    expect(row.departmentId).toBe(led[0].id);
  });
});

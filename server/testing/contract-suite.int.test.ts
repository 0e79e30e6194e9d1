import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dbFor, pool } from '@/db/client';
import { contexts } from '@/server/contexts';
import type { Access } from '@/server/cqrs/define';
import { env } from '@/server/env';
import { DEFAULT_ROLES } from '@/server/identity/domain/domain-events';
import { anonymous, badToken, type Caller, expectProblem, expectRefusal, forgedToken, invalidRequest, newUser, type TestHeaders } from './api';
import { registeredRoutes, type QueryRoute, type Route, send, validInput } from './registered-routes';

/**
 * The HTTP contract every registered command and query keeps, whatever its context: a new context
 * gets these tests by being listed in server/contexts.ts. Each request is sent by a caller the
 * route's access lets through (unless the test is about access), with the route's smallest valid
 * input where a check runs after validation. A context's own tests keep only its field rules.
 */
const routes = contexts.flatMap((context) => registeredRoutes(context));
const commands = routes.filter((r) => r.kind === 'command');
const queries = routes.filter((r): r is QueryRoute => r.kind === 'query');

const accessKey = (access: Access) => (typeof access === 'object' ? access.roles.join('|') : access);
const permitted = new Map<string, Caller>();
let outsider: Caller;
const WAIT_MS = 100;
const defaultWait = env.CONSISTENCY_WAIT_MS;

beforeAll(async () => {
  outsider = await newUser();
  for (const { access } of routes) {
    if (permitted.has(accessKey(access))) continue;
    permitted.set(accessKey(access), access === 'public' ? anonymous : access === 'signed-in' ? outsider : await newUser([access.roles[0]]));
  }
  // a well-formed token ahead of the log makes a query wait this long; env is read per request
  env.CONSISTENCY_WAIT_MS = WAIT_MS;
});
afterAll(() => {
  env.CONSISTENCY_WAIT_MS = defaultWait;
});

const callerFor = (route: Route) => permitted.get(accessKey(route.access))!;
const needsRoleOutsiderLacks = (access: Access) => typeof access === 'object' && !access.roles.some((r) => (DEFAULT_ROLES as readonly string[]).includes(r));
const refusedCallers = [
  ['an anonymous caller', anonymous],
  ['a bad token', badToken],
  ['a forged token', forgedToken],
] as const;

/** Refused requests write nothing: no event, no Idempotency-Key record. */
async function writes() {
  const { rows } = await dbFor(pool()).execute<{ events: number; keys: number }>(
    sql`SELECT (SELECT count(*) FROM domain_events)::int AS events, (SELECT count(*) FROM idempotency_keys)::int AS keys`,
  );
  return rows[0];
}

interface CommandCase {
  title: string;
  /** A raw string is sent as is; anything else as JSON. */
  body: (route: Route) => unknown;
  headers?: TestHeaders;
  paths: (route: Route) => string[];
}

const nonObjects = ['[]', 'null', '"text"', '42', 'true'];
const badKeys = ['has spaces', 'k'.repeat(201), '', 'clé'];
const wrongTypes = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null];
const stringFields = (route: Route) => Object.keys(validInput(route)).filter((k) => typeof validInput(route)[k] === 'string');
const withNul = (route: Route) => ({
  ...Object.fromEntries(Object.entries(validInput(route)).map(([k, v]) => [k, typeof v === 'string' ? `${v}\u0000` : v])),
  deep: { list: ['fine', 'a\u0000b'] },
});

const commandCases: CommandCase[] = [
  { title: 'malformed JSON', body: () => '{"field": ', paths: () => ['(body)'] },
  { title: 'an empty body', body: () => '', paths: () => ['(body)'] },
  ...nonObjects.map((raw) => ({ title: `a JSON ${raw} body, not an object`, body: () => raw, paths: () => ['(body)'] })),
  { title: 'a body over 64 KiB', body: (r: Route) => ({ ...validInput(r), padding: 'x'.repeat(70_000) }), paths: () => ['(body)'] },
  {
    title: 'unknown fields, each named',
    body: (r) => ({ ...validInput(r), unexpectedField: 1, another: { nested: true } }),
    paths: () => ['unexpectedField', 'another'],
  },
  { title: 'a NUL character in any string, named by its path', body: withNul, paths: (r) => [...stringFields(r), 'deep.list.1'] },
  { title: 'a NUL character in a string body', body: () => '"nul\\u0000"', paths: () => ['(body)'] },
  ...wrongTypes.map((type) => ({
    title: `Content-Type ${type ?? 'missing'}`,
    body: (r: Route) => JSON.stringify(validInput(r)),
    headers: { 'content-type': type },
    paths: () => ['Content-Type'],
  })),
  ...badKeys.map((key) => ({
    title: `Idempotency-Key ${JSON.stringify(key.length > 20 ? `${key.slice(0, 5)}... (${key.length})` : key)}`,
    body: validInput,
    headers: { 'idempotency-key': key },
    paths: () => ['Idempotency-Key'],
  })),
];

describe.each(commands.map((route) => [route.key, route] as const))('POST /api/commands/%s', (_key, route) => {
  it.each(commandCases)('refuses $title with a 400 naming it, and writes nothing', async (c) => {
    const before = await writes();
    const res = await send(route, callerFor(route), c.body(route), c.headers);
    expectProblem(res, invalidRequest(c.paths(route)));
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(c.paths(route).sort());
    expect(await writes()).toEqual(before);
  });

  if (route.access === 'public') {
    it('lets anonymous callers through (a bad Idempotency-Key is what refuses them)', async () => {
      expectProblem(await send(route, anonymous, validInput(route), { 'idempotency-key': 'has spaces' }), invalidRequest('Idempotency-Key'));
    });
  } else {
    it.each(refusedCallers)('answers 401 to %s before reading the body', async (_name, caller) => {
      expectRefusal(await send(route, caller, '{"field": '), 401, 'unauthenticated');
    });
  }
  if (needsRoleOutsiderLacks(route.access)) {
    it('answers 403 to a signed-in user without the role', async () => {
      expectRefusal(await send(route, outsider, validInput(route)), 403, 'forbidden');
    });
  }
});

/** Values a parameter's contract may refuse; each one it refuses must be a 400 naming it, any other no 5xx. */
const PARAM_VALUES = ['', 'not-valid', '-1', '0', '1.5', 'x'.repeat(1001), 'null', 'nul\u0000', '../x', '2030-01-01', '%'];
const paramNames = (route: QueryRoute) =>
  Object.keys((z.toJSONSchema(route.def.params, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {});
const refuses = (route: QueryRoute, name: string, value: string) => {
  const parsed = route.def.params.safeParse({ ...validInput(route), [name]: value });
  return !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === name);
};
const GARBLED_TOKENS = ['garbage', '1.2.3', '12', '-1.5', '1.x', `${'1'.repeat(19)}.1`, 'eyJhbGciOiJIUzI1NiJ9.e30'];

describe.each(queries.map((route) => [route.key, route] as const))('GET %s', (_key, route) => {
  if (route.access === 'public') {
    it('lets anonymous callers through', async () => {
      const res = await send(route, anonymous, validInput(route));
      expect(res.status, JSON.stringify(res.body)).not.toBe(401);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    });
    it('still refuses a token that names nobody', async () => {
      expectRefusal(await send(route, badToken, validInput(route)), 401, 'unauthenticated');
    });
  } else {
    it.each(refusedCallers)('answers 401 to %s before reading the parameters', async (_name, caller) => {
      expectRefusal(await send(route, caller, {}), 401, 'unauthenticated');
    });
  }
  if (needsRoleOutsiderLacks(route.access)) {
    it('answers 403 to a signed-in user without the role', async () => {
      expectRefusal(await send(route, outsider, validInput(route)), 403, 'forbidden');
    });
  }

  it.each(GARBLED_TOKENS)('refuses the X-Consistency-Token %s with a 400 naming it', async (token) => {
    const res = await send(route, callerFor(route), validInput(route), { 'x-consistency-token': token });
    expectProblem(res, invalidRequest('X-Consistency-Token'));
  });

  it('answers a well-formed token ahead of the log after a bounded wait, stale where it waits for projections', async () => {
    const res = await send(route, callerFor(route), validInput(route), { 'x-consistency-token': '999999999999.999999999' });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    expect(res.headers.get('x-consistency')).toBe(route.def.projections.length > 0 ? 'stale' : 'fresh');
  });

  const pathParams = [...route.key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  it.each(paramNames(route))('answers a bad %s with a 400 naming it, and copes with any other value', async (name) => {
    const refused = PARAM_VALUES.filter((value) => refuses(route, name, value));
    if (pathParams.includes(name)) expect(refused, `the path parameter ${name} accepts anything`).not.toEqual([]);
    for (const value of PARAM_VALUES) {
      const res = await send(route, callerFor(route), { ...validInput(route), [name]: value });
      if (refused.includes(value)) expectProblem(res, invalidRequest(name));
      else expect(res.status, `${name}=${JSON.stringify(value)}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    }
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dbFor, pool } from '@/db/client';
import { contexts } from '@/server/contexts';
import type { Access } from '@/server/cqrs/define';
import { env } from '@/server/env';
import { DEFAULT_ROLES } from '@/server/identity/domain/domain-events';
import { issueToken } from '@/server/auth/actor-from-request';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { commandRoute } from '@/server/http/command-route';
import { queryRoute } from '@/server/http/query-route';
import { MAX_JSON_DEPTH } from '@/server/http/json-shape';
import { MAX_COMMAND_BODY_BYTES } from '@/server/http/request-body';
import { NextRequest } from 'next/server';
import {
  anonymous,
  type ApiResponse,
  badToken,
  type Caller,
  expectProblem,
  expectRefusal,
  forgedToken,
  invalidRequest,
  newUser,
  randomClient,
  type TestHeaders,
} from './api';
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

/** A token this server signed for a user id that exists nowhere. */
const ghost = async (roles: readonly string[] = []): Promise<Caller> => ({
  actor: null,
  token: (
    await issueToken({
      userId: '00000000-0000-4000-8000-000000000000',
      email: 'ghost@test.quadrant',
      name: 'Ghost',
      roles: ['attendee', 'organizer', ...roles],
    })
  ).token,
});

const parse = async (res: Response): Promise<ApiResponse> => {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
};

/** A command request with any body (bytes, a stream), as the HTTP server would hand it over. */
async function sendRaw(route: Route, caller: Caller, body: BodyInit): Promise<ApiResponse> {
  if (route.kind !== 'command') throw new Error('commands only');
  const req = new NextRequest(`http://localhost/api/commands/${route.key}`, {
    method: 'POST',
    headers: {
      [CLIENT_ADDRESS_HEADER]: randomClient(),
      'content-type': 'application/json',
      ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
    },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
  return parse(await commandRoute(route.def)(req));
}

/** A query with a raw query string, as sent on the wire (the kit's `query` encodes for us). */
async function queryRaw(route: QueryRoute, caller: Caller, search: string): Promise<ApiResponse> {
  const params = validInput(route) as Record<string, string>;
  let path = route.key;
  for (const [k, v] of Object.entries(params)) path = path.replace(`{${k}}`, encodeURIComponent(v));
  const req = new NextRequest(`http://localhost${path}?${search}`, {
    headers: { [CLIENT_ADDRESS_HEADER]: randomClient(), ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}) },
  });
  const pathParams = Object.fromEntries(Object.entries(params).filter(([k]) => route.key.includes(`{${k}}`)));
  return parse(await queryRoute(route.def)(req, { params: Promise.resolve(pathParams) }));
}

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
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const stringFields = (route: Route) => Object.keys(validInput(route)).filter((k) => typeof validInput(route)[k] === 'string');
const withNul = (route: Route) => ({
  ...Object.fromEntries(Object.entries(validInput(route)).map(([k, v]) => [k, typeof v === 'string' ? `${v}\u0000` : v])),
  deep: { list: ['fine', 'a\u0000b'] },
});

const commandCases: CommandCase[] = [
  { title: 'malformed JSON', body: () => '{"field": ', paths: () => ['(body)'] },
  { title: 'an empty body', body: () => '', paths: () => ['(body)'] },
  ...nonObjects.map((raw) => ({ title: `a JSON ${raw} body, not an object`, body: () => raw, paths: () => ['(body)'] })),
  ...[MAX_JSON_DEPTH + 1, 10_000].map((depth) => ({ title: `a body nested ${depth} levels deep`, body: () => deep(depth), paths: () => ['(body)'] })),
  {
    title: `a nested field ${MAX_JSON_DEPTH + 1} levels deep`,
    body: (r: Route) => JSON.stringify({ ...validInput(r), x: JSON.parse(deep(MAX_JSON_DEPTH)) }),
    paths: () => ['(body)'],
  },
  {
    title: 'unknown fields, each named',
    body: (r) => ({ ...validInput(r), unexpectedField: 1, another: { nested: true } }),
    paths: () => ['unexpectedField', 'another'],
  },
  { title: 'a NUL character in any string, named by its path', body: withNul, paths: (r) => [...stringFields(r), 'deep.list.1'] },
  { title: 'a NUL character in a string body', body: () => '"nul\\u0000"', paths: () => ['(body)'] },
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
    it.each([...refusedCallers, ['a token naming nobody', ghost]] as const)(
      'answers %s as an anonymous caller (a bad Idempotency-Key is what refuses them)',
      async (_name, caller) => {
        const c = typeof caller === 'function' ? await caller() : caller;
        expectProblem(await send(route, c, validInput(route), { 'idempotency-key': 'has spaces' }), invalidRequest('Idempotency-Key'));
      },
    );
  } else {
    it.each(refusedCallers)('answers 401 to %s before reading the body', async (_name, caller) => {
      expectRefusal(await send(route, caller, '{"field": '), 401, 'unauthenticated');
    });
    it('answers 401 to a validly signed token whose user does not exist, and writes nothing', async () => {
      const before = await writes();
      // the token claims the route's roles, so only the missing user can refuse it
      expectRefusal(await send(route, await ghost(typeof route.access === 'object' ? route.access.roles : []), validInput(route)), 401, 'unauthenticated');
      expect(await writes()).toEqual(before);
    });
  }

  it.each([
    'text/plain',
    'text/plain; charset=application/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=iso-8859-1',
    'application/jsonp',
    null,
  ])('refuses Content-Type %s with a 415 naming it, and writes nothing', async (type) => {
    const before = await writes();
    const res = await send(route, callerFor(route), JSON.stringify(validInput(route)), { 'content-type': type });
    expectProblem(res, { status: 415, code: 'unsupported-media-type', paths: ['Content-Type'] });
    expect(await writes()).toEqual(before);
  });

  it.each(['APPLICATION/JSON', 'application/json; charset=UTF-8', 'application/json;charset="utf-8"', 'application/vnd.quadrant+json'])(
    'reads Content-Type %s as JSON',
    async (type) => {
      const res = await send(route, callerFor(route), JSON.stringify({ ...validInput(route), unexpectedField: 1 }), { 'content-type': type });
      expectProblem(res, invalidRequest('unexpectedField'));
    },
  );

  it('refuses a body over the cap with 413, declared or streamed, reading no further than the cap', async () => {
    const before = await writes();
    const big = JSON.stringify({ ...validInput(route), padding: 'x'.repeat(MAX_COMMAND_BODY_BYTES) });
    expectProblem(await send(route, callerFor(route), big), { status: 413, code: 'body-too-large', paths: ['(body)'] });
    // an endless stream with no Content-Length: refused once the cap is passed, the rest never pulled
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    expectProblem(await sendRaw(route, callerFor(route), endless), { status: 413, code: 'body-too-large', paths: ['(body)'] });
    expect(pulled).toBeLessThan(MAX_COMMAND_BODY_BYTES + 4 * 16 * 1024);
    expect(await writes()).toEqual(before);
  });

  it('refuses bytes that are not UTF-8 with a 400, instead of storing U+FFFD', async () => {
    const before = await writes();
    const json = Buffer.from(JSON.stringify({ ...validInput(route) }));
    const broken = Buffer.concat([json.subarray(0, 2), Buffer.from([0xff, 0xfe]), json.subarray(2)]);
    const res = await sendRaw(route, callerFor(route), broken);
    expectProblem(res, invalidRequest('(body)'));
    expect(res.body.errors[0].message).toMatch(/UTF-8/);
    expect(await writes()).toEqual(before);
  });
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
    it.each([['an anonymous caller', anonymous], ...refusedCallers] as const)('answers %s as it answers an anonymous one', async (_name, caller) => {
      const res = await send(route, caller, validInput(route));
      expect(res.status, JSON.stringify(res.body)).not.toBe(401);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
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

  it.each(paramNames(route))('refuses U+0000 or malformed percent-encoding in %s with a 400 naming it', async (name) => {
    const res = await send(route, callerFor(route), { ...validInput(route), [name]: 'a\u0000b' });
    expectProblem(res, invalidRequest(name));
    if (!route.key.includes(`{${name}}`)) {
      const raw = await queryRaw(route, callerFor(route), `${name}=%ff%fe`);
      expectProblem(raw, invalidRequest(name));
    }
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

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@/server/auth/actor-from-request';
import { issueTokenHandler } from '@/server/auth/token-handler';
import { contexts } from '@/server/contexts';
import { env } from '@/server/env';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { commandRoute } from '@/server/http/command-route';
import { healthHandler } from '@/server/http/health';
import { buildOpenApi, openApiHandler } from '@/server/http/openapi';
import { problemSchema } from '@/server/http/problem';
import { queryRoute } from '@/server/http/query-route';
import { streamRoute } from '@/server/http/stream-route';
import { createEvent } from '@/server/events/commands/create-event';
import { createUser } from '@/server/identity/commands/create-user';
import { createPost } from '@/server/social/commands/create-post';
import { CONSISTENCY_TOKEN_PATTERN } from '@/server/shared/contract';
import { anonymous, badToken, type Caller, command, forgedToken, newUser, randomClient } from './api';
import { projectAll } from './projections';
import { headerValue, invalid, type JsonSchema, type Known, nastyString, urlSafe, valid } from './openapi-arbitraries';
import { sampleInput } from './sample-input';

/**
 * The contract fuzzer (issue 10): requests generated from the OpenAPI document, valid and invalid
 * bodies, parameters and headers for every operation, sent to the real route handlers (real
 * PostgreSQL and read store) by every kind of caller: anonymous, garbage and forged tokens, a
 * validly signed token naming nobody, and a signed-in user of each role. It fails on any 5xx and
 * on any answer the document does not describe: a status it does not list for the operation, a
 * media type it does not give, a body its schema (the zod schema it was generated from) refuses,
 * a problem code not listed for that status, a 429 without Retry-After.
 *
 * Bounded and repeatable: CONTRACT_FUZZ_RUNS runs per operation (default 60) from CONTRACT_FUZZ_SEED
 * (default fixed); a failure prints the seed, the path to the smallest failing request and the request.
 * What only the HTTP server sees (methods, raw paths, streaming bodies) is in e2e/api-contract.spec.ts.
 */
const RUNS = Number(process.env.CONTRACT_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.CONTRACT_FUZZ_SEED ?? 20_251_210);

type Operation = {
  id: string;
  method: 'get' | 'post';
  path: string;
  op: any;
  send: (req: NextRequest, params: Record<string, string>) => Promise<Response>;
  output?: { safeParse: (v: unknown) => { success: boolean; error?: unknown } };
};

const doc = buildOpenApi() as any;

function operations(): Operation[] {
  const list: Operation[] = [];
  for (const context of contexts) {
    for (const c of context.commands) {
      const path = `/api/commands/${c.name}`;
      const handler = commandRoute(c);
      list.push({ id: `POST ${path}`, method: 'post', path, op: doc.paths[path].post, send: (req) => handler(req), output: c.output });
    }
    for (const q of context.queries) {
      const handler = queryRoute(q);
      list.push({
        id: `GET ${q.path}`,
        method: 'get',
        path: q.path,
        op: doc.paths[q.path].get,
        send: (req, params) => handler(req, { params: Promise.resolve(params) }),
        output: q.output,
      });
    }
    for (const s of context.streams) {
      const handler = streamRoute(s);
      list.push({ id: `GET ${s.path}`, method: 'get', path: s.path, op: doc.paths[s.path].get, send: (req) => handler(req) });
    }
  }
  list.push({
    id: 'POST /api/auth/token',
    method: 'post',
    path: '/api/auth/token',
    op: doc.paths['/api/auth/token'].post,
    send: (req) => issueTokenHandler(req),
  });
  list.push({ id: 'GET /api/health', method: 'get', path: '/api/health', op: doc.paths['/api/health'].get, send: () => healthHandler() });
  list.push({ id: 'GET /api/openapi.json', method: 'get', path: '/api/openapi.json', op: doc.paths['/api/openapi.json'].get, send: () => openApiHandler() });
  return list;
}

const known: Known = { ids: [] };
const callers: [string, Caller][] = [
  ['anonymous', anonymous],
  ['a garbage token', badToken],
  ['a forged token', forgedToken],
];
const credentials: { email: string; password: string }[] = [];
const defaultWait = env.CONSISTENCY_WAIT_MS;

beforeAll(async () => {
  env.CONSISTENCY_WAIT_MS = 50;
  const roles = new Set<string>(['attendee']);
  for (const c of contexts) {
    for (const { access } of [...c.commands, ...c.queries, ...c.streams]) {
      if (typeof access === 'object') for (const role of access.roles) roles.add(role);
    }
  }
  for (const role of roles) callers.push([`a signed-in ${role}`, await newUser([role])]);
  const ghost = await issueToken({ userId: randomUUID(), email: 'ghost@test.quadrant', name: 'Ghost', roles: [...roles] });
  callers.push(['a signed token naming nobody', { actor: null, token: ghost.token }]);
  // real things to point at, so valid requests get past "not found"
  const organizer = callers.find(([name]) => name.endsWith('organizer'))![1];
  const attendee = callers.find(([name]) => name.endsWith('attendee'))![1];
  const event = await command(createEvent, organizer, sampleInput(createEvent.input, createEvent.name));
  const post = await command(createPost, attendee, sampleInput(createPost.input, createPost.name));
  known.ids.push(event.body.eventId, post.body.postId, organizer.actor!.userId, attendee.actor!.userId);
  const email = `${randomUUID()}@test.quadrant`;
  await command(createUser, anonymous, { email, name: 'Fuzzed', password: 'fuzz-password' });
  credentials.push({ email, password: 'fuzz-password' });
  await projectAll();
});
/** Statuses seen per operation, printed at the end: what the generated requests reached. */
const seen = new Map<string, Map<number, number>>();
afterAll(async () => {
  env.CONSISTENCY_WAIT_MS = defaultWait;
  // what the generated commands wrote is projected, as a worker would: later tests compare read models with the log
  await projectAll();
  const lines = [...seen].map(
    ([id, counts]) =>
      `  ${id}: ${[...counts]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}x${n}`)
        .join(' ')}`,
  );
  console.log(`contract fuzzer (seed ${SEED}, ${RUNS} runs per operation), statuses seen:\n${lines.join('\n')}`);
});

interface Generated {
  caller: number;
  /** A raw string body, or a value sent as JSON. */
  body?: { raw: string } | { json: unknown };
  contentType?: string | null;
  params: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
}

/** What fetch's Headers can carry (the server never sees anything else). */
const byteString = (v: string) => /^[\x20-\x7e\x80-\xff]*$/.test(v);

const CONTENT_TYPES = [
  'application/json',
  'APPLICATION/JSON; charset=UTF-8',
  'application/vnd.fuzz+json',
  'text/plain',
  'text/plain; charset=application/json',
  'application/json; charset=latin1',
  null,
];

function bodyArbitrary(o: Operation): fc.Arbitrary<Generated['body']> {
  const schema = o.op.requestBody?.content['application/json'].schema as JsonSchema | undefined;
  if (!schema) return fc.constant(undefined);
  const good = o.path === '/api/auth/token' ? fc.oneof(valid(schema, known), fc.constantFrom(...credentials)) : valid(schema, known);
  return fc.oneof(
    { weight: 5, arbitrary: good.map((json) => ({ json })) },
    { weight: 4, arbitrary: invalid(schema, known).map((json) => ({ json })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom('', '{', '{"a":', '[]', 'null', `${'['.repeat(5000)}${']'.repeat(5000)}`, '"\\u0000"'),
          nastyString,
          fc.jsonValue().map((v) => JSON.stringify(v)),
        )
        .map((raw) => ({ raw })),
    },
  );
}

function paramsArbitrary(o: Operation): fc.Arbitrary<Record<string, string | undefined>> {
  const params = ((o.op.parameters ?? []) as any[]).filter((p) => p.in === 'path' || p.in === 'query');
  return fc.record(
    Object.fromEntries(
      params.map((p) => {
        const good = valid(p.schema, known)
          .map((v) => (v === undefined || v === null ? undefined : String(v)))
          .filter((v) => v === undefined || urlSafe(v));
        const value = fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: nastyString.filter((s) => s.length < 5000 && urlSafe(s)) });
        return [p.name, p.in === 'path' ? value.map((v) => v ?? '') : fc.option(value, { nil: undefined })];
      }),
    ),
  );
}

function headersArbitrary(o: Operation): fc.Arbitrary<Record<string, string | undefined>> {
  const headers = ((o.op.parameters ?? []) as any[]).filter((p) => p.in === 'header');
  return fc.record(
    Object.fromEntries(
      headers.map((p) => [p.name, fc.option(fc.oneof(valid(p.schema, known).map(String), headerValue).filter(byteString), { nil: undefined, freq: 2 })]),
    ),
  );
}

function requestFor(o: Operation, g: Generated): { req: NextRequest; pathParams: Record<string, string>; abort: AbortController } {
  const caller = callers[g.caller][1];
  const pathParams: Record<string, string> = {};
  const search = new URLSearchParams();
  let path = o.path;
  for (const [k, v] of Object.entries(g.params)) {
    if (v === undefined) continue;
    if (path.includes(`{${k}}`)) {
      path = path.replace(`{${k}}`, encodeURIComponent(v));
      pathParams[k] = v;
    } else search.set(k, v);
  }
  const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: randomClient() };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  for (const [k, v] of Object.entries(g.headers)) if (v !== undefined) headers[k] = v;
  if (g.contentType) headers['content-type'] = g.contentType;
  const abort = new AbortController();
  const body = g.body === undefined ? undefined : 'raw' in g.body ? g.body.raw : JSON.stringify(g.body.json);
  const req = new NextRequest(`http://localhost${path}${search.size ? `?${search}` : ''}`, {
    method: o.method.toUpperCase(),
    headers,
    body,
    signal: abort.signal,
  });
  return { req, pathParams, abort };
}

/** What the document says about an answer; null when it agrees. */
async function disagreement(o: Operation, res: Response): Promise<string | null> {
  const documented = o.op.responses[String(res.status)];
  // a fault is never an answer to a request; only /api/health documents a 5xx (503: something is down)
  if (res.status >= 500 && (res.status === 500 || !documented)) return `a ${res.status}: ${await res.text()}`;
  if (!documented) return `status ${res.status} is not documented (documented: ${Object.keys(o.op.responses).join(', ')}): ${await res.text()}`;
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  const types = Object.keys(documented.content ?? {});
  if (types.length && !types.includes(type)) return `content type ${type} for ${res.status}; documented: ${types.join(', ')}`;
  if (type === 'text/event-stream') {
    await res.body?.cancel();
    return null;
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return `a body that is not JSON: ${text.slice(0, 200)}`;
  }
  if (type === 'application/problem+json') {
    const parsed = problemSchema.safeParse(body);
    if (!parsed.success) return `a problem the Problem schema refuses: ${text}`;
    if (parsed.data.status !== res.status) return `a problem whose status ${parsed.data.status} is not the answer's ${res.status}`;
    const codes: string[] = documented.content['application/problem+json'].schema.allOf[1].properties.code.enum;
    if (!codes.includes(parsed.data.code)) return `code ${parsed.data.code} is not documented for ${res.status} (documented: ${codes.join(', ')})`;
    if (res.status === 429 && !(Number(res.headers.get('retry-after')) >= 1)) return 'a 429 without Retry-After';
    return null;
  }
  if (res.status < 300 && o.output) {
    const parsed = o.output.safeParse(body);
    if (!parsed.success) return `a ${res.status} body its schema refuses: ${text.slice(0, 500)} ${String(parsed.error)}`;
    const token = res.headers.get('x-consistency-token');
    if (token !== null && !CONSISTENCY_TOKEN_PATTERN.test(token)) return `X-Consistency-Token ${token} does not match its documented pattern`;
  }
  return null;
}

describe(`the API answers what its OpenAPI document says (fast-check, ${RUNS} runs per operation, seed ${SEED})`, () => {
  it('documents every operation the fuzzer sends to', () => {
    for (const o of operations()) expect(o.op, o.id).toBeDefined();
  });

  it.each(operations().map((o) => [o.id, o] as const))('%s', async (_id, o) => {
    const generated = fc.record<Generated>({
      // signed-in callers three times as often: they get past access to the checks behind it
      caller: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(...callers.keys()).filter((i) => !callers[i][0].startsWith('a signed-in')) },
        { weight: 3, arbitrary: fc.constantFrom(...callers.keys()).filter((i) => callers[i][0].startsWith('a signed-in')) },
      ),
      body: bodyArbitrary(o),
      contentType:
        o.method === 'post'
          ? fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) })
          : fc.constant(undefined),
      params: paramsArbitrary(o),
      headers: headersArbitrary(o),
    });
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const { req, pathParams, abort } = requestFor(o, g);
        try {
          const res = await o.send(req, pathParams);
          const counts = seen.get(o.id) ?? new Map<number, number>();
          seen.set(o.id, counts.set(res.status, (counts.get(res.status) ?? 0) + 1));
          const problem = await disagreement(o, res);
          if (problem) throw new Error(`${o.id} as ${callers[g.caller][0]}: ${problem}`);
        } finally {
          abort.abort();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
  });
});

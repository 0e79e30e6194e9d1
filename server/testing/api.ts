import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { expect } from 'vitest';
import { issueToken } from '@/server/auth/actor-from-request';
import { loadActor } from '@/server/auth/authenticate';
import type { CommandDefinition, QueryDefinition } from '@/server/cqrs/define';
import { handleCommand } from '@/server/cqrs/handle-command';
import type { Actor } from '@/server/cqrs/types';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { commandRoute } from '@/server/http/command-route';
import { queryRoute } from '@/server/http/query-route';
import { createUserWithRoles } from '@/server/identity/commands/create-user';
import { DEFAULT_ROLES } from '@/server/identity/domain/domain-events';

/**
 * Integration tests call the real route handlers with real requests (no HTTP server needed):
 * parsing, auth, validation, problem+json and the databases are all the production code.
 */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

async function toResult(res: Response): Promise<ApiResponse> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

export interface Caller {
  actor: Actor | null;
  token: string | null;
}

/** A caller with an account, as `newUser` makes them. */
export interface Member extends Caller {
  actor: Actor;
  token: string;
}

export const anonymous: Caller = { actor: null, token: null };
/** A bearer token that is not a JWT at all. */
export const badToken: Caller = { actor: null, token: 'not-a-jwt' };
/** A well-formed JWT shape that this server did not sign. */
export const forgedToken: Caller = { actor: null, token: `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.e30.sig` };

/** Creates a user with the given roles (an open sign-up's by default) and a bearer token for them. */
export async function newUser(roles: readonly string[] = DEFAULT_ROLES, name = 'Test User'): Promise<Member> {
  const email = `${randomUUID()}@test.quadrant`;
  const result = await handleCommand({
    command: 'identity/create-user',
    input: { email },
    actor: null,
    idempotencyKey: null,
    handler: (_input, ctx) => createUserWithRoles(ctx, { email, name, password: 'test-password', roles: [...roles] }),
  });
  const actor = await loadActor(result.body.userId);
  return { actor, token: (await issueToken(actor)).token };
}

/**
 * A client address as the front door stamps it (server/http/front-door.ts): a fresh one per request
 * unless a test sends its own, so per-client rate limits never join unrelated tests.
 */
export const randomClient = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 256)).join('.')}`;

/** Request headers; `null` leaves out one the helper would send (e.g. Content-Type). */
export type TestHeaders = Record<string, string | null>;

const withoutNulls = (headers: TestHeaders) => Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== null));

export async function command<I, O>(definition: CommandDefinition<I, O>, caller: Caller, body: unknown, headers: TestHeaders = {}): Promise<ApiResponse> {
  const req = new NextRequest(`http://localhost/api/commands/${definition.name}`, {
    method: 'POST',
    headers: withoutNulls({
      [CLIENT_ADDRESS_HEADER]: randomClient(),
      'content-type': 'application/json',
      ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
      ...headers,
    }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return toResult(await commandRoute(definition)(req));
}

export async function query<P, O>(
  definition: QueryDefinition<P, O>,
  caller: Caller,
  params: Record<string, string> = {},
  headers: TestHeaders = {},
): Promise<ApiResponse> {
  const pathParams: Record<string, string> = {};
  const search = new URLSearchParams();
  let path = definition.path;
  for (const [k, v] of Object.entries(params)) {
    if (path.includes(`{${k}}`)) {
      path = path.replace(`{${k}}`, encodeURIComponent(v));
      pathParams[k] = v;
    } else search.set(k, v);
  }
  const req = new NextRequest(`http://localhost${path}?${search}`, {
    headers: withoutNulls({ [CLIENT_ADDRESS_HEADER]: randomClient(), ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}), ...headers }),
  });
  return toResult(await queryRoute(definition)(req, { params: Promise.resolve(pathParams) }));
}

/** A refusal is problem+json with the given status and stable code. */
export function expectRefusal(res: ApiResponse, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body.code).toBe(code);
}

/** The 400 of a malformed request, naming each bad field (for `expectProblem`). */
export const invalidRequest = (paths: string | string[]) => ({ status: 400, code: 'invalid-request', paths: [paths].flat() });

/** The whole RFC 9457 shape of a refusal; `paths` must each be named in `errors`, each with a message. */
export function expectProblem(res: ApiResponse, { status, code, paths = [] }: { status: number; code: string; paths?: string[] }) {
  expectRefusal(res, status, code);
  expect(res.body).toMatchObject({ status, code, type: expect.stringContaining(code), detail: expect.any(String) });
  if (paths.length === 0) return;
  expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
  for (const e of res.body.errors) expect(e.message).toEqual(expect.any(String));
}

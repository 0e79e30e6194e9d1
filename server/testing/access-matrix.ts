import { beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/server/cqrs/define';
import { DEFAULT_ROLES } from '@/server/identity/domain/domain-events';
import { type ApiResponse, anonymous, badToken, type Caller, expectRefusal, forgedToken, newUser } from './api';
import { type ContextRoutes, registeredRoutes, type Route, send, validInput } from './registered-routes';

/** A cell's answer: a status (with its usual code for 400, 401, 403 and 404) or a status and its code. */
export type Outcome = number | { status: number; code: string };

/** One request to a route; a route may have several (an unknown id, a bad field...). */
export interface MatrixRequest<F> {
  /** Tells this request apart from the route's others in the test name. */
  label?: string;
  /** The command body or query parameters; by default the smallest valid input (`sampleInput`). */
  input?: (fixture: F, caller: Caller) => unknown;
  /** Runs as the caller first, e.g. registering before cancelling. */
  before?: (caller: Caller, fixture: F) => Promise<unknown>;
  /** The answer of every caller the declared access lets through; by default the route's success. */
  allowed?: Outcome;
  /** Answers that ownership decides, by caller name: the only cells a context writes by hand. */
  cells?: Record<string, Outcome>;
}

/** A route that is not a command or query definition (e.g. an SSE stream), with its declared access. */
export interface ExtraRoute<F> {
  key: string;
  access: Access;
  call(caller: Caller, fixture: F): Promise<ApiResponse>;
  allowed?: Outcome;
}

export interface AccessMatrixSpec<F> {
  context: ContextRoutes;
  /** Users beyond the standard callers (see `accessMatrix`) by their roles, e.g. an organizer who does not own the fixture. */
  callers?: Record<string, readonly string[]>;
  /** What the requests act on (an event, a post), made by the standard and extra callers. */
  fixture(callers: Record<string, Caller>): Promise<F>;
  /** A fresh fixture for every cell, for contexts whose requests change it (an edit, a delete). */
  fixturePerCell?: boolean;
  /** Requests by route key (command name or query path). */
  requests?: Record<string, MatrixRequest<F> | MatrixRequest<F>[]>;
  extraRoutes?: ExtraRoute<F>[];
}

const USUAL_CODES: Record<number, string> = { 400: 'invalid-request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' };

/** `past-access`: a route nobody wrote a request for; the smallest valid input may name nothing, so any answer but 401/403/5xx. */
type Expected = { status: number; code?: string } | 'past-access';

function expected(outcome: Outcome, where: string): Expected {
  if (typeof outcome === 'object') return outcome;
  if (outcome >= 400 && !USUAL_CODES[outcome]) throw new Error(`${where}: a ${outcome} needs its code ({ status, code })`);
  return { status: outcome, code: USUAL_CODES[outcome] };
}

/** A matrix caller as the expectations see it: a user's roles, or no user (with or without a token). */
interface Who {
  roles: readonly string[] | null;
  token: boolean;
  make(): Promise<Caller>;
}
const user = (roles: readonly string[]): Who => ({ roles, token: true, make: () => newUser(roles) });
const nobody = (caller: Caller): Who => ({ roles: null, token: caller.token !== null, make: async () => caller });

/** What the declared access alone says about a caller: refused (401/403) or let through. */
function byAccess(access: Access, who: Who): 401 | 403 | 'allowed' {
  // public routes ignore a token they cannot verify and answer as to anonymous callers (decision 0009)
  if (access === 'public') return 'allowed';
  if (who.token && !who.roles) return 401;
  if (!who.roles) return 401;
  if (access === 'signed-in' || access.roles.some((role) => who.roles!.includes(role))) return 'allowed';
  return 403;
}

const shown = (want: Expected) => (want === 'past-access' ? 'let through' : `${want.status}${want.code ? ` ${want.code}` : ''}`);

interface Row<F> {
  title: string;
  access: Access;
  allowed: Expected;
  cells: Record<string, Outcome>;
  call(caller: Caller, fixture: F): Promise<ApiResponse>;
}

function routeRows<F>(route: Route, requests: MatrixRequest<F>[]): Row<F>[] {
  const success = route.kind === 'command' ? route.def.successStatus : 200;
  if (requests.length === 0) {
    return [{ title: route.key, access: route.access, allowed: 'past-access', cells: {}, call: (caller) => send(route, caller, validInput(route)) }];
  }
  return requests.map((r) => {
    const title = r.label ? `${route.key} (${r.label})` : route.key;
    return {
      title,
      access: route.access,
      allowed: expected(r.allowed ?? success, title),
      cells: r.cells ?? {},
      async call(caller, fixture) {
        await r.before?.(caller, fixture);
        return send(route, caller, r.input ? r.input(fixture, caller) : validInput(route));
      },
    };
  });
}

/**
 * Generates the role x route matrix of a context: every registered command and query (plus
 * `extraRoutes`) for every caller, each cell's status derived from the route's declared `access`.
 * Standard callers: `anonymous`, `bad token`, `forged token`, `signed-in` (an open sign-up) and one
 * user per role the context's routes name; `spec.callers` adds more. A route without a request is
 * still covered: refusals exactly, the callers let through with its smallest valid input.
 */
export function accessMatrix<F>(spec: AccessMatrixSpec<F>): void {
  const routes = registeredRoutes(spec.context);
  const requests = spec.requests ?? {};
  const unknown = Object.keys(requests).filter((key) => !routes.some((r) => r.key === key));
  if (unknown.length) throw new Error(`accessMatrix(${spec.context.name}): no registered route ${unknown.join(', ')}`);

  const roles = [...new Set(routes.flatMap((r) => (typeof r.access === 'object' ? r.access.roles : [])))];
  const makers: Record<string, Who> = {
    anonymous: nobody(anonymous),
    'bad token': nobody(badToken),
    'forged token': nobody(forgedToken),
    'signed-in': user(DEFAULT_ROLES),
    ...Object.fromEntries(roles.map((role) => [role, user([role])])),
    ...Object.fromEntries(Object.entries(spec.callers ?? {}).map(([name, its]) => [name, user(its)])),
  };
  const rows: Row<F>[] = [
    ...routes.flatMap((route) => routeRows(route, [requests[route.key] ?? []].flat())),
    ...(spec.extraRoutes ?? []).map((extra) => ({
      title: extra.key,
      access: extra.access,
      allowed: expected(extra.allowed ?? 200, extra.key),
      cells: {},
      call: extra.call,
    })),
  ];
  for (const row of rows) {
    const strangers = Object.keys(row.cells).filter((name) => !makers[name]);
    if (strangers.length) throw new Error(`accessMatrix(${spec.context.name}): ${row.title} names unknown callers ${strangers.join(', ')}`);
  }

  const callers: Record<string, Caller> = {};
  let shared: F;
  describe(`${spec.context.name} access matrix`, () => {
    beforeAll(async () => {
      const made = await Promise.all(Object.entries(makers).map(async ([name, who]) => [name, await who.make()] as const));
      Object.assign(callers, Object.fromEntries(made));
      if (!spec.fixturePerCell) shared = await spec.fixture(callers);
    });

    for (const row of rows) {
      for (const [name, who] of Object.entries(makers)) {
        const where = `${name} → ${row.title}`;
        const cell = row.cells[name];
        const access = byAccess(row.access, who);
        const want = cell !== undefined ? expected(cell, where) : access === 'allowed' ? row.allowed : expected(access, where);
        it(`${where}: ${shown(want)}`, async () => {
          const fixture = spec.fixturePerCell ? await spec.fixture(callers) : shared;
          expectOutcome(await row.call(callers[name], fixture), want, where);
        });
      }
    }
  });
}

function expectOutcome(res: ApiResponse, want: Expected, title: string) {
  if (want === 'past-access') {
    expect([401, 403], `${title} must pass the access check: ${JSON.stringify(res.body)}`).not.toContain(res.status);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  } else if (want.code) expectRefusal(res, want.status, want.code);
  else expect(res.status, `${title}: ${JSON.stringify(res.body)}`).toBe(want.status);
}

import type { NextRequest } from 'next/server';
import { readDb } from '@/db/mongo';
import { decodeToken } from '@/server/cqrs/consistency-token';
import { type Clock, systemClock } from '@/server/cqrs/clock';
import type { Access, QueryDefinition } from '@/server/cqrs/define';
import { type FieldError, invalid } from '@/server/cqrs/errors';
import { waitForProjections } from '@/server/cqrs/wait-for-projections';
import { env } from '@/server/env';
import { callerOf } from './check-access';
import { problemResponse } from './problem';
import { fromZodError } from './zod-errors';

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * Adapts a query definition to a Next.js GET handler. With `X-Consistency-Token` it first waits
 * (bounded) for the query's projections and says in `X-Consistency` whether the answer is fresh.
 */
export function queryRoute<P, O, A extends Access>(query: QueryDefinition<P, O, A>, clock: Pick<Clock, 'now'> = systemClock) {
  return async function GET(req: NextRequest, context: RouteContext): Promise<Response> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
    try {
      const actor = await callerOf(query.access, req);
      const raw = { ...searchParamsOf(req.url), ...((await context?.params) ?? {}) };
      const params = query.params.safeParse(raw);
      if (!params.success) throw fromZodError(params.error, 'The query parameters are invalid');
      const db = await readDb();
      const tokenHeader = req.headers.get('x-consistency-token');
      if (tokenHeader) {
        const token = decodeToken(tokenHeader);
        if (!token) throw invalid([{ path: 'X-Consistency-Token', message: 'is not a token this API issued' }]);
        const fresh = await waitForProjections(db, query.projections, token, env.CONSISTENCY_WAIT_MS);
        headers['X-Consistency'] = fresh ? 'fresh' : 'stale';
      }
      const body = await query.handle(params.data, { actor, db, now: clock.now() });
      return new Response(JSON.stringify(body), { status: 200, headers });
    } catch (err) {
      // Keep X-Consistency on errors too: a stale 404 means "not projected yet", not "no such thing".
      const problem = problemResponse(err, req.nextUrl.pathname);
      if (headers['X-Consistency']) problem.headers.set('X-Consistency', headers['X-Consistency']);
      return problem;
    }
  };
}

/**
 * The query string's parameters, refusing (400, naming each) what no contract could mean: malformed
 * percent-encoding or bytes that are not UTF-8 (URLSearchParams would quietly turn them into
 * U+FFFD) and U+0000. A repeated parameter keeps its last value, as URLSearchParams would.
 */
export function searchParamsOf(url: string): Record<string, string> {
  const search = new URL(url).search.slice(1);
  const params: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const pair of search ? search.split('&') : []) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const [rawName, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const name = decodeOrNull(rawName);
    const value = decodeOrNull(rawValue);
    const label = name ?? rawName;
    if (name === null || value === null) errors.push({ path: label, message: 'must be percent-encoded UTF-8' });
    else if (name.includes('\u0000') || value.includes('\u0000'))
      errors.push({ path: label.replaceAll('\u0000', '\\u0000'), message: 'must not contain NUL characters' });
    else params[name] = value;
  }
  if (errors.length) throw invalid(errors, 'The query parameters are invalid');
  return params;
}

function decodeOrNull(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

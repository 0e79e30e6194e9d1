import type { NextRequest } from 'next/server';
import { readDb } from '@/db/mongo';
import { actorFromRequest } from '@/server/auth/actor-from-request';
import { decodeToken } from '@/server/cqrs/consistency-token';
import { type Clock, systemClock } from '@/server/cqrs/clock';
import type { Access, QueryDefinition } from '@/server/cqrs/define';
import { invalid } from '@/server/cqrs/errors';
import { waitForProjections } from '@/server/cqrs/wait-for-projections';
import { env } from '@/server/env';
import { checkAccess } from './check-access';
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
      const actor = checkAccess(query.access, await actorFromRequest(req));
      const raw = { ...Object.fromEntries(req.nextUrl.searchParams), ...((await context?.params) ?? {}) };
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

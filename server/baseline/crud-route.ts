/**
 * BENCHMARK-ONLY: wraps a CRUD-baseline read (see crud-event-queries.ts) as a GET handler with the
 * product's validation and problem+json errors. 404 unless QUADRANT_BASELINE=1.
 */
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { notFound } from '@/server/cqrs/errors';
import { problemResponse } from '@/server/http/problem';
import { fromZodError } from '@/server/http/zod-errors';
import { baselineEnabled } from './crud-event-queries';

type RouteContext = { params: Promise<Record<string, string>> };

export function crudRoute<P>(params: z.ZodType<P>, handle: (p: P) => Promise<unknown>) {
  return async function GET(req: NextRequest, context: RouteContext): Promise<Response> {
    try {
      if (!baselineEnabled()) throw notFound('Route');
      const raw = { ...Object.fromEntries(req.nextUrl.searchParams), ...((await context?.params) ?? {}) };
      const parsed = params.safeParse(raw);
      if (!parsed.success) throw fromZodError(parsed.error, 'The query parameters are invalid');
      const body = await handle(parsed.data);
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Benchmark-Baseline': 'crud' },
      });
    } catch (err) {
      return problemResponse(err, req.nextUrl.pathname);
    }
  };
}

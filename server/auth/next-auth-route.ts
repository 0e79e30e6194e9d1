import { NextRequest } from 'next/server';
import { problemResponse } from '@/server/http/problem';
import { readCapped } from '@/server/http/request-body';

/** next-auth's forms (sign-in, sign-out, CSRF) are a few hundred bytes. */
export const MAX_AUTH_FORM_BYTES = 8 * 1024;

type Handler = (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/**
 * next-auth reads the whole body before looking at it: read it here first, capped while streaming
 * (413 past the cap), and hand next-auth a copy of what was read.
 */
export function nextAuthRoute(handler: unknown): Handler {
  const inner = handler as Handler;
  return async (req, ctx) => {
    if (req.method === 'GET' || req.method === 'HEAD') return inner(req, ctx);
    try {
      const body = await readCapped(req, MAX_AUTH_FORM_BYTES);
      return inner(new NextRequest(req.url, { method: req.method, headers: req.headers, body: body as BodyInit }), ctx);
    } catch (err) {
      return problemResponse(err, new URL(req.url).pathname);
    }
  };
}

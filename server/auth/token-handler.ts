import type { NextRequest } from 'next/server';
import { problemResponse } from '@/server/http/problem';
import { readJsonBody } from '@/server/http/request-body';
import { fromZodError } from '@/server/http/zod-errors';
import { tokenInput } from '@/server/identity/schemas';
import { issueToken } from './actor-from-request';
import { authenticate } from './authenticate';
import { clientKeyOf } from './client-key';

/** An email and a password need well under this; the cap applies while reading. */
export const MAX_TOKEN_BODY_BYTES = 4 * 1024;

/**
 * POST /api/auth/token: email + password -> bearer token, for k6, curl and tests. The body is read
 * as commands' are (JSON only, capped while streaming, UTF-8, no NUL), and the email must be one
 * sign-up would accept, so nothing malformed reaches the database or the logs.
 */
export async function issueTokenHandler(req: NextRequest): Promise<Response> {
  try {
    const input = tokenInput.safeParse(await readJsonBody(req, MAX_TOKEN_BODY_BYTES));
    if (!input.success) throw fromZodError(input.error);
    const actor = await authenticate(input.data.email, input.data.password, clientKeyOf(req.headers));
    return Response.json(await issueToken(actor), { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return problemResponse(err, '/api/auth/token');
  }
}

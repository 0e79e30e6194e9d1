import type { NextRequest } from 'next/server';
import { invalid } from '@/server/cqrs/errors';
import { problemResponse } from '@/server/http/problem';
import { fromZodError } from '@/server/http/zod-errors';
import { tokenInput } from '@/server/identity/schemas';
import { issueToken } from './actor-from-request';
import { authenticate } from './authenticate';
import { clientKeyOf } from './client-key';

/** POST /api/auth/token: email + password -> bearer token, for k6, curl and tests. */
export async function issueTokenHandler(req: NextRequest): Promise<Response> {
  try {
    const body = await req.json().catch(() => {
      throw invalid([{ path: '(body)', message: 'is not valid JSON' }], 'The body is not valid JSON');
    });
    const input = tokenInput.safeParse(body);
    if (!input.success) throw fromZodError(input.error);
    const actor = await authenticate(input.data.email, input.data.password, clientKeyOf(req.headers));
    return Response.json(await issueToken(actor));
  } catch (err) {
    return problemResponse(err, '/api/auth/token');
  }
}

import type { NextRequest } from 'next/server';
import { actorFromRequest } from '@/server/auth/actor-from-request';
import { type Clock, systemClock } from '@/server/cqrs/clock';
import type { Access, CommandDefinition } from '@/server/cqrs/define';
import { invalid } from '@/server/cqrs/errors';
import { handleCommand } from '@/server/cqrs/handle-command';
import { checkAccess } from './check-access';
import { problemResponse } from './problem';
import { fromZodError } from './zod-errors';

const MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Adapts a command definition to a Next.js POST handler: parse -> validate -> auth -> handle.
 * `clock` is for tests; routes use the system's.
 */
export function commandRoute<I, O, A extends Access>(command: CommandDefinition<I, O, A>, clock: Clock = systemClock) {
  return async function POST(req: NextRequest): Promise<Response> {
    const instance = `/api/commands/${command.name}`;
    try {
      const actor = checkAccess(command.access, await actorFromRequest(req));
      const input = command.input.safeParse(await readJson(req));
      if (!input.success) throw fromZodError(input.error);
      const idempotencyKey = req.headers.get('idempotency-key');
      if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw invalid([{ path: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
      }
      const result = await handleCommand({ command: command.name, input: input.data, actor, idempotencyKey, clock, handler: command.handle });
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (result.body.consistencyToken) headers['X-Consistency-Token'] = result.body.consistencyToken;
      if (result.replayed) headers['Idempotent-Replayed'] = 'true';
      return new Response(JSON.stringify(result.body), { status: result.status, headers });
    } catch (err) {
      return problemResponse(err, instance);
    }
  };
}

async function readJson(req: NextRequest): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw invalid([{ path: 'Content-Type', message: 'must be application/json' }], 'Send a JSON body');
  }
  // A client that hangs up mid-body is not a server fault: answer 400 (nobody reads it) and log nothing.
  const text = await req.text().catch(() => {
    throw invalid([{ path: '(body)', message: 'could not be read (the client aborted)' }], 'The request body could not be read');
  });
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw invalid([{ path: '(body)', message: `must be at most ${MAX_BODY_BYTES} bytes` }], 'The body is too large');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid([{ path: '(body)', message: 'is not valid JSON' }], 'The body is not valid JSON');
  }
  // PostgreSQL text cannot hold U+0000: refuse it here for every command, naming where it is.
  const withNul = pathsWithNul(body);
  if (withNul.length) throw invalid(withNul.map((path) => ({ path, message: 'must not contain NUL characters' })));
  return body;
}

function pathsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || '(body)'] : [];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => pathsWithNul(v, path ? `${path}.${k}` : k));
  }
  return [];
}

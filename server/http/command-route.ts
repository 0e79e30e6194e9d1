import type { NextRequest } from 'next/server';
import { knownCaller } from '@/server/auth/known-user';
import { clientKeyOf } from '@/server/auth/client-key';
import { take } from '@/server/auth/throttle';
import { type Clock, systemClock } from '@/server/cqrs/clock';
import type { Access, CommandDefinition } from '@/server/cqrs/define';
import { AppError, invalid } from '@/server/cqrs/errors';
import { handleCommand } from '@/server/cqrs/handle-command';
import { env } from '@/server/env';
import { callerOf } from './check-access';
import { problemResponse } from './problem';
import { readJsonBody } from './request-body';
import { fromZodError } from './zod-errors';

/** RFC 9110 visible ASCII (no spaces, no controls), 1 to 200 characters. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Adapts a command definition to a Next.js POST handler: auth -> body (JSON, capped, streamed) ->
 * validate -> throttle (public commands) -> handle. `clock` is for tests; routes use the system's.
 */
export function commandRoute<I, O, A extends Access>(command: CommandDefinition<I, O, A>, clock: Clock = systemClock) {
  return async function POST(req: NextRequest): Promise<Response> {
    const instance = `/api/commands/${command.name}`;
    try {
      const actor = await knownCaller(await callerOf(command.access, req), command.access === 'public');
      const input = command.input.safeParse(await readJsonBody(req));
      if (!input.success) throw fromZodError(input.error);
      const idempotencyKey = req.headers.get('idempotency-key');
      if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw invalid([{ path: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
      }
      if (command.access === 'public') await throttlePublic(command.name, clientKeyOf(req.headers));
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

/**
 * Public commands (open sign-up) write without an account, so each client address gets a budget
 * of them per window; a valid request counts whatever its outcome (an email-taken 409 too, which
 * would otherwise let anyone probe for accounts without limit).
 */
async function throttlePublic(command: string, client: string) {
  const wait = await take([{ key: `public:${command}:${client}`, max: env.PUBLIC_COMMANDS_PER_CLIENT, windowSeconds: env.PUBLIC_COMMANDS_WINDOW_SECONDS }]);
  if (wait > 0) {
    throw new AppError('rate-limited', 'rate-limited', 'Too many requests from this address; try again later', { retryAfterSeconds: wait });
  }
}

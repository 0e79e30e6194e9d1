import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { eventDecider } from '../domain/event-decider';
import { eventsErrors } from '../domain/errors';
import { eventIdInput, registrationWritten } from '../schemas';
import { eventAggregate } from './event-aggregate';

/**
 * RegisterParticipant: the caller takes a seat. The event row lock makes "count < capacity" and
 * "not yet registered" hold under any concurrency; a partial unique index backs the second rule.
 */
export const registerParticipant = defineCommand({
  name: 'events/register-participant',
  summary: 'Register the caller for an event',
  access: 'signed-in',
  input: eventIdInput,
  output: registrationWritten,
  successStatus: 201,
  errors: eventsErrors.docs(eventDecider.refusals.RegisterParticipant),
  async handle({ eventId }, ctx) {
    const { userId, name } = ctx.actor;
    const registrationId = ctx.newId();
    await runDecider(
      ctx,
      eventAggregate,
      { eventId, participantId: userId },
      {
        type: 'RegisterParticipant',
        data: { registrationId, userId, name, now: ctx.now.toISOString() },
      },
    );
    return { status: 201, body: { registrationId } };
  },
});

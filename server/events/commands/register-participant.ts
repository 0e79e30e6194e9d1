import { registrations } from '@/db/client';
import { defineCommand } from '@/server/cqrs/define';
import { eventIdInput, registrationWritten } from '../schemas';
import { decideAndSave } from './decide-and-save';
import { activeRegistration, lockEvent } from './event-rows';

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
  errors: [
    { status: 404, code: 'not-found', when: 'no such event' },
    { status: 409, code: 'event-full', when: 'no seats are left' },
    { status: 409, code: 'already-registered', when: 'the caller holds a registration' },
    { status: 409, code: 'event-deleted', when: 'the event was deleted' },
    { status: 409, code: 'event-past', when: 'the event has started' },
  ],
  async handle({ eventId }, ctx) {
    const userId = ctx.actor!.userId;
    const event = await lockEvent(ctx.tx, eventId);
    const registrationId = event ? await activeRegistration(ctx.tx, eventId, userId) : null;
    const newId = ctx.newId();
    await decideAndSave(
      ctx,
      { type: 'RegisterParticipant', data: { registrationId: newId, userId, now: ctx.now.toISOString() } },
      { event, participant: { userId, registrationId } },
    );
    await ctx.tx.insert(registrations).values({ id: newId, eventId, userId, status: 'registered', registeredAt: ctx.now });
    return { status: 201, body: { registrationId: newId } };
  },
});

import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { eventDecider } from '../domain/event-decider';
import { eventsErrors } from '../domain/errors';
import { eventIdInput, registrationCancelled } from '../schemas';
import { eventAggregate } from './event-aggregate';

/** CancelRegistration: the caller gives their seat back, before the event starts. */
export const cancelRegistration = defineCommand({
  name: 'events/cancel-registration',
  summary: 'Cancel the caller’s registration',
  access: 'signed-in',
  input: eventIdInput,
  output: registrationCancelled,
  successStatus: 200,
  errors: eventsErrors.docs(eventDecider.refusals.CancelRegistration),
  async handle({ eventId }, ctx) {
    const { userId } = ctx.actor;
    await runDecider(ctx, eventAggregate, { eventId, participantId: userId }, { type: 'CancelRegistration', data: { userId, now: ctx.now.toISOString() } });
    return { status: 200, body: { eventId } };
  },
});

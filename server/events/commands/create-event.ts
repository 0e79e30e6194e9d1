import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { eventDecider } from '../domain/event-decider';
import { eventsErrors } from '../domain/errors';
import { createEventInput, eventWritten } from '../schemas';
import { eventAggregate } from './event-aggregate';

/** CreateEvent: an organizer publishes an event with a capacity. */
export const createEvent = defineCommand({
  name: 'events/create-event',
  summary: 'Create an event (organizers)',
  access: { roles: ['organizer'] },
  input: createEventInput,
  output: eventWritten,
  successStatus: 201,
  errors: eventsErrors.docs(eventDecider.refusals.CreateEvent),
  async handle(input, ctx) {
    const eventId = ctx.newId();
    const { actor } = ctx;
    const { state } = await runDecider(
      ctx,
      eventAggregate,
      { eventId },
      {
        type: 'CreateEvent',
        data: {
          eventId,
          organizer: { userId: actor.userId, name: actor.name },
          title: input.title,
          description: input.description ?? '',
          venue: input.venue ?? '',
          startsAt: new Date(input.startsAt).toISOString(),
          endsAt: input.endsAt ? new Date(input.endsAt).toISOString() : null,
          capacity: input.capacity,
          now: ctx.now.toISOString(),
        },
      },
    );
    return { status: 201, body: { eventId, version: state.event!.version } };
  },
});

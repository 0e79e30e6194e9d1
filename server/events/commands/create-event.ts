import { defineCommand } from '@/server/cqrs/define';
import { createEventInput, eventWritten } from '../schemas';
import { decideAndSave } from './decide-and-save';

/** CreateEvent: an organizer publishes an event with a capacity. */
export const createEvent = defineCommand({
  name: 'events/create-event',
  summary: 'Create an event (organizers)',
  access: { roles: ['organizer'] },
  input: createEventInput,
  output: eventWritten,
  successStatus: 201,
  errors: [
    { status: 409, code: 'starts-in-past', when: 'startsAt is not in the future' },
    { status: 409, code: 'ends-before-start', when: 'endsAt is not after startsAt' },
  ],
  async handle(input, ctx) {
    const actor = ctx.actor!;
    const eventId = ctx.newId();
    const { next } = await decideAndSave(
      ctx,
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
      { event: null },
    );
    return { status: 201, body: { eventId, version: next.event!.version } };
  },
});

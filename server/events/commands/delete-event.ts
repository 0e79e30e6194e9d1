import { defineCommand } from '@/server/cqrs/define';
import { eventIdInput, eventWritten } from '../schemas';
import { decideAndSave } from './decide-and-save';
import { lockEvent } from './event-rows';

/** DeleteEvent: the event leaves the upcoming list; its registrations show as cancelled. */
export const deleteEvent = defineCommand({
  name: 'events/delete-event',
  summary: 'Delete an event (its organizer); repeating it is harmless',
  access: { roles: ['organizer'] },
  input: eventIdInput,
  output: eventWritten,
  successStatus: 200,
  errors: [
    { status: 403, code: 'not-organizer', when: 'the caller does not organize this event' },
    { status: 404, code: 'not-found', when: 'no such event' },
  ],
  async handle({ eventId }, ctx) {
    const event = await lockEvent(ctx.tx, eventId);
    const { next } = await decideAndSave(ctx, { type: 'DeleteEvent', data: { actorId: ctx.actor!.userId } }, { event });
    return { status: 200, body: { eventId, version: next.event!.version } };
  },
});

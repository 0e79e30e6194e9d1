import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { eventDecider } from '../domain/event-decider';
import { eventsErrors } from '../domain/errors';
import { eventIdInput, eventWritten } from '../schemas';
import { eventAggregate } from './event-aggregate';

/** DeleteEvent: the event leaves the upcoming list; its attendees' registrations show as event-deleted. */
export const deleteEvent = defineCommand({
  name: 'events/delete-event',
  summary: 'Delete an event (its organizer); repeating it is harmless',
  access: { roles: ['organizer'] },
  input: eventIdInput,
  output: eventWritten,
  successStatus: 200,
  errors: eventsErrors.docs(eventDecider.refusals.DeleteEvent),
  async handle({ eventId }, ctx) {
    const { state } = await runDecider(ctx, eventAggregate, { eventId }, { type: 'DeleteEvent', data: { actorId: ctx.actor.userId } });
    return { status: 200, body: { eventId, version: state.event!.version } };
  },
});

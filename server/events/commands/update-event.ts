import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { eventDecider } from '../domain/event-decider';
import { eventsErrors } from '../domain/errors';
import { eventWritten, updateEventInput } from '../schemas';
import { eventAggregate } from './event-aggregate';

const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : value);

/** UpdateEvent: the organizer changes details; capacity never drops below the registrations. */
export const updateEvent = defineCommand({
  name: 'events/update-event',
  summary: 'Update an event (its organizer)',
  access: { roles: ['organizer'] },
  input: updateEventInput,
  output: eventWritten,
  successStatus: 200,
  errors: eventsErrors.docs(eventDecider.refusals.UpdateEvent),
  async handle({ eventId, expectedVersion, startsAt, endsAt, ...changes }, ctx) {
    const { state } = await runDecider(
      ctx,
      eventAggregate,
      { eventId },
      {
        type: 'UpdateEvent',
        data: { ...changes, startsAt: iso(startsAt) ?? undefined, endsAt: iso(endsAt), actorId: ctx.actor.userId, expectedVersion, now: ctx.now.toISOString() },
      },
    );
    return { status: 200, body: { eventId, version: state.event!.version } };
  },
});

import { defineCommand } from '@/server/cqrs/define';
import { eventWritten, updateEventInput } from '../schemas';
import { decideAndSave } from './decide-and-save';
import { lockEvent } from './event-rows';

const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : value);

/** UpdateEvent: the organizer changes details; capacity never drops below the registrations. */
export const updateEvent = defineCommand({
  name: 'events/update-event',
  summary: 'Update an event (its organizer)',
  access: { roles: ['organizer'] },
  input: updateEventInput,
  output: eventWritten,
  successStatus: 200,
  errors: [
    { status: 403, code: 'not-organizer', when: 'the caller does not organize this event' },
    { status: 404, code: 'not-found', when: 'no such event' },
    { status: 409, code: 'version-conflict', when: 'expectedVersion is not the current version' },
    { status: 409, code: 'capacity-below-registrations', when: 'capacity is below the current registrations' },
    { status: 409, code: 'event-deleted', when: 'the event was deleted' },
  ],
  async handle({ eventId, expectedVersion, startsAt, endsAt, ...changes }, ctx) {
    const event = await lockEvent(ctx.tx, eventId);
    const { next } = await decideAndSave(
      ctx,
      {
        type: 'UpdateEvent',
        data: {
          ...changes,
          startsAt: iso(startsAt) ?? undefined,
          endsAt: iso(endsAt),
          actorId: ctx.actor!.userId,
          expectedVersion,
          now: ctx.now.toISOString(),
        },
      },
      { event },
    );
    return { status: 200, body: { eventId, version: next.event!.version } };
  },
});

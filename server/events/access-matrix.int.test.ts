import { randomUUID } from 'node:crypto';
import { command } from '@/server/testing/api';
import { accessMatrix, type MatrixRequest } from '@/server/testing/access-matrix';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { eventsContext } from '.';
import { createEvent } from './commands/create-event';
import { registerParticipant } from './commands/register-participant';

/**
 * Every events command and query for every kind of caller; the statuses come from each route's
 * declared access. The event belongs to `organizer`; `other organizer` has the role but not the
 * event, the one rule (ownership) written here by hand. Each cell gets a fresh, projected event,
 * so a delete or an edit in one cell cannot change the next; on an unknown event id, access is
 * checked first, then existence.
 */
const notOwner = { 'other organizer': { status: 403, code: 'not-organizer' } };
/** Who registered is the organizer's alone: every other signed-in caller is refused by ownership. */
const organizerOnly = { ...notOwner, 'signed-in': { status: 403, code: 'not-organizer' } };
const unknownEvent: MatrixRequest<string> = { label: 'unknown event', input: () => ({ eventId: randomUUID() }), allowed: 404 };
const onTheEvent = (eventId: string) => ({ eventId });

accessMatrix({
  context: eventsContext,
  callers: { 'other organizer': ['organizer'] },
  fixturePerCell: true,
  async fixture({ organizer }) {
    const res = await command(createEvent, organizer, { title: `Matrix ${randomUUID()}`, startsAt: inDays(3), capacity: 5 });
    await projectAll();
    return res.body.eventId as string;
  },
  requests: {
    'events/create-event': { input: () => ({ title: `Matrix ${randomUUID()}`, startsAt: inDays(3), capacity: 5 }) },
    'events/update-event': [{ input: (eventId) => ({ eventId, title: 'Edited' }), cells: notOwner }, unknownEvent],
    'events/delete-event': [{ input: onTheEvent, cells: notOwner }, unknownEvent],
    'events/register-participant': [{ input: onTheEvent }, unknownEvent],
    'events/cancel-registration': [
      { label: 'after registering', before: (caller, eventId) => command(registerParticipant, caller, { eventId }), input: onTheEvent },
      unknownEvent,
    ],
    '/api/queries/events/{eventId}': [{ input: onTheEvent }, unknownEvent],
    '/api/queries/events/upcoming': { input: () => ({ limit: '1' }) },
    '/api/queries/events/my-registrations': { input: () => ({}) },
    '/api/queries/events/organized': { input: () => ({}) },
    '/api/queries/events/{eventId}/attendees': [{ input: onTheEvent, cells: organizerOnly }, unknownEvent],
    '/api/queries/events/{eventId}/registrations-by-day': [{ input: onTheEvent, cells: organizerOnly }, unknownEvent],
  },
});

import type { ReadDb } from '@/db/mongo';
import { notFound } from '@/server/cqrs/errors';
import { readModel } from '@/server/cqrs/read-models';
import type { Actor } from '@/server/cqrs/types';
import { eventsErrors } from '../domain/errors';
import { EVENT_DETAILS, type EventDetailsDoc } from '../read-models/read-model-docs';

/** Answers of the organizer-only queries on one event. */
export const organizerOnlyErrors = [
  { status: 400 as const, code: 'invalid-request', when: 'eventId or a parameter is malformed' },
  { status: 401 as const, code: 'unauthenticated', when: 'not signed in' },
  ...eventsErrors.docs(['not-organizer', 'not-found']),
];

/**
 * The event's details document if the caller organizes it: 404 for an unknown event (existence
 * first, as commands do), 403 `not-organizer` for anyone else, deleted events included.
 */
export async function organizedEvent(db: ReadDb, eventId: string, actor: Actor): Promise<EventDetailsDoc> {
  const event = await (await readModel<EventDetailsDoc>(db, EVENT_DETAILS)).findOne({ _id: eventId }, { projection: { search: 0, description: 0 } });
  if (!event) throw notFound('Event');
  if (event.organizerId !== actor.userId) throw eventsErrors.refuse('not-organizer', 'Only the event’s organizer sees who registered');
  return event;
}

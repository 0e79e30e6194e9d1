/** Read-model documents of the events context (MongoDB): shapes and ids shared by projections/ and queries/. */
export const EVENT_DETAILS = 'events_event_details';
export const REGISTRATIONS = 'events_registrations';

/** One document per event: the details page and the upcoming/organized lists read it as is. */
export interface EventDetailsDoc {
  _id: string;
  title: string;
  description: string;
  venue: string;
  startsAt: Date;
  endsAt: Date | null;
  capacity: number;
  registeredCount: number;
  organizer: { userId: string; name: string };
  /** Top-level copy of organizer.userId: FerretDB v1 pushes down only top-level equality. */
  organizerId: string;
  status: 'scheduled' | 'deleted';
  /** `YYYY-MM` of startsAt (UTC): the bucket the upcoming list walks with equality lookups. */
  month: string;
  /** Lower-cased title, venue and description, for the text filter. */
  search: string;
  /** Stream version of the last event applied: the idempotency guard. */
  version: number;
}

export const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/** One document per (event, participant): "my registrations" is an equality lookup on userId. */
export interface RegistrationDoc {
  _id: string;
  eventId: string;
  userId: string;
  title: string;
  venue: string;
  startsAt: Date;
  status: 'registered' | 'cancelled' | 'event-deleted';
  registeredAt: Date;
  eventVersion: number;
}

export const registrationDocId = (eventId: string, userId: string) => `${eventId}:${userId}`;

/** Read-model documents of the events context (MongoDB): shapes and ids shared by projections/ and queries/. */
export const EVENT_DETAILS = 'events_event_details';
export const REGISTRATIONS = 'events_registrations';
export const REGISTRATIONS_BY_DAY = 'events_registrations_by_day';

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

/**
 * One document per (event, participant): "my registrations" is an equality lookup on userId, the
 * organizer's attendee list one on eventId. A participant who cancels and registers again keeps
 * one document (the latest registration).
 */
export interface RegistrationDoc {
  _id: string;
  eventId: string;
  userId: string;
  /** The participant's display name when they registered (empty for registrations logged before names were). */
  name: string;
  /** Lower-cased name: the attendee list's sort key. */
  nameLower: string;
  title: string;
  venue: string;
  startsAt: Date;
  status: 'registered' | 'cancelled' | 'event-deleted';
  registeredAt: Date;
  /** When the registration was cancelled; null while it stands (or the event was deleted). */
  cancelledAt: Date | null;
  eventVersion: number;
}

export const registrationDocId = (eventId: string, userId: string) => `${eventId}:${userId}`;

/** Registrations and cancellations of one event on one UTC day. */
export interface DayCount {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  registered: number;
  cancelled: number;
}

/** One document per event (`_id` is the event id): its registrations per day, for the organizer's chart. */
export interface RegistrationsByDayDoc {
  _id: string;
  /** Days with any registration or cancellation, oldest first. */
  days: DayCount[];
  eventVersion: number;
}

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

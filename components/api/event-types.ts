/** Read-model shapes of the events context, as the query API returns them. */

export type OrganizerRef = { userId: string; name: string };

export type EventStatus = "scheduled" | "deleted";

export type EventDetails = {
  eventId: string;
  title: string;
  description: string;
  venue: string;
  startsAt: string;
  endsAt: string | null;
  capacity: number;
  registeredCount: number;
  seatsLeft: number;
  organizer: OrganizerRef;
  status: EventStatus;
  version: number;
};

export type EventSummary = {
  eventId: string;
  title: string;
  venue: string;
  startsAt: string;
  endsAt: string | null;
  capacity: number;
  registeredCount: number;
  seatsLeft: number;
  organizer: OrganizerRef;
};

export type OrganizedEvent = EventSummary & { status: EventStatus };

export type Page<T> = { items: T[]; nextCursor: string | null };

export type RegistrationStatus = "registered" | "cancelled" | "event-deleted";

export type MyRegistration = {
  eventId: string;
  title: string;
  startsAt: string;
  venue: string | null;
  status: RegistrationStatus;
  registeredAt: string;
};

/** Fields an organizer edits; the command bodies of create-event and update-event. */
export type EventInput = {
  title: string;
  description?: string;
  venue?: string;
  startsAt: string;
  endsAt?: string | null;
  capacity: number;
};

export type UpdateEventInput = Partial<EventInput> & { eventId: string; expectedVersion?: number };

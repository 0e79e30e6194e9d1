import type { DomainEvent } from '@/server/cqrs/types';

/** The details an organizer controls. Times are ISO-8601 strings: domain events are JSON. */
export interface EventDetails {
  title: string;
  description: string;
  venue: string;
  startsAt: string;
  endsAt: string | null;
  capacity: number;
}

export type EventCreated = DomainEvent<'EventCreated', EventDetails & { eventId: string; organizer: { userId: string; name: string } }>;
/** Carries the full details after the change, so projecting it is a plain overwrite. */
export type EventUpdated = DomainEvent<'EventUpdated', EventDetails & { eventId: string }>;
export type EventDeleted = DomainEvent<'EventDeleted', { eventId: string }>;
/**
 * `registeredCount` is the count after this registration: projections set it, never add to it.
 * `name` is the participant's display name at registration, so the organizer's attendee list needs
 * no join; it is absent from events logged before it was added (they project as an empty name).
 */
export type ParticipantRegistered = DomainEvent<
  'ParticipantRegistered',
  { eventId: string; registrationId: string; userId: string; name?: string; registeredAt: string; registeredCount: number }
>;
export type RegistrationCancelled = DomainEvent<
  'RegistrationCancelled',
  { eventId: string; registrationId: string; userId: string; cancelledAt: string; registeredCount: number }
>;

export type EventsDomainEvent = EventCreated | EventUpdated | EventDeleted | ParticipantRegistered | RegistrationCancelled;

export const eventStreamId = (eventId: string) => `event-${eventId}`;

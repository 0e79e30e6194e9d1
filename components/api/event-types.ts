import type { z } from 'zod';
import type {
  attendeePage,
  attendeesParams,
  createEventInput,
  eventDetails,
  eventSummary,
  myRegistrations,
  registrationsByDay,
  updateEventInput,
} from '@/server/events/schemas';

/**
 * The events API's shapes, inferred from the same zod contracts the server validates with
 * (type-only imports: nothing from the server reaches the browser bundle).
 */
export type EventDetails = z.infer<typeof eventDetails>;
export type EventSummary = z.infer<typeof eventSummary>;
export type OrganizedEvent = EventSummary;
export type OrganizerRef = EventSummary['organizer'];
export type EventStatus = EventSummary['status'];
export type MyRegistration = z.infer<typeof myRegistrations>['items'][number];
export type RegistrationStatus = MyRegistration['status'];
export type EventInput = z.input<typeof createEventInput>;
export type UpdateEventInput = z.input<typeof updateEventInput>;
export type Page<T> = { items: T[]; nextCursor: string | null };
/** GET /api/queries/events/{eventId}/attendees: one page of who registered (the organizer only). */
export type AttendeePage = z.infer<typeof attendeePage>;
export type Attendee = AttendeePage['items'][number];
export type AttendeeStatus = Attendee['status'];
/** registeredAt (oldest first), -registeredAt (newest first) or name (A-Z). */
export type AttendeeSort = z.infer<typeof attendeesParams>['sort'];
/** GET /api/queries/events/{eventId}/registrations-by-day: one entry per UTC day, quiet days as zeros. */
export type RegistrationsByDay = z.infer<typeof registrationsByDay>['registrationsByDay'];
export type RegistrationDay = RegistrationsByDay[number];

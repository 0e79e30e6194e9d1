import type { z } from 'zod';
import type { createEventInput, eventDetails, eventSummary, myRegistrations, updateEventInput } from '@/server/events/schemas';

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

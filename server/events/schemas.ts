import { z } from 'zod';
import { consistencyToken, cursor, id, isoDateTime, limit, text } from '@/server/shared/contract';
import { MAX_CAPACITY, MAX_DESCRIPTION, MAX_TITLE, MAX_VENUE } from './domain/limits';

/** HTTP contracts of the events context: they validate requests and generate the OpenAPI document. */
const eventId = id();
const title = text(MAX_TITLE);
const description = z.string().max(MAX_DESCRIPTION, `must be at most ${MAX_DESCRIPTION} characters`);
const venue = z.string().trim().max(MAX_VENUE, `must be at most ${MAX_VENUE} characters`);
const capacity = z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_CAPACITY, `must be at most ${MAX_CAPACITY}`);

export const createEventInput = z.strictObject({
  title,
  description: description.optional(),
  venue: venue.optional(),
  startsAt: isoDateTime(),
  endsAt: isoDateTime().nullable().optional(),
  capacity,
});

export const updateEventInput = z.strictObject({
  eventId,
  expectedVersion: z.number().int().min(1).optional(),
  title: title.optional(),
  description: description.optional(),
  venue: venue.optional(),
  startsAt: isoDateTime().optional(),
  endsAt: isoDateTime().nullable().optional(),
  capacity: capacity.optional(),
});

export const eventIdInput = z.strictObject({ eventId });

export const eventWritten = z.object({ eventId: z.uuid(), version: z.number().int(), consistencyToken });
export const registrationWritten = z.object({ registrationId: z.uuid(), consistencyToken });
export const registrationCancelled = z.object({ eventId: z.uuid(), consistencyToken });

const organizer = z.object({ userId: z.uuid(), name: z.string() });

export const eventSummary = z.object({
  eventId: z.uuid(),
  title: z.string(),
  venue: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  capacity: z.number().int(),
  registeredCount: z.number().int(),
  seatsLeft: z.number().int(),
  organizer,
  status: z.enum(['scheduled', 'deleted']),
});

export const eventDetails = eventSummary.extend({ description: z.string(), version: z.number().int() });

export const upcomingParams = z.object({
  limit: limit(100),
  cursor: cursor(),
  q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
});

export const eventPage = z.object({ items: z.array(eventSummary), nextCursor: z.string().nullable() });

export const myRegistrations = z.object({
  items: z.array(
    z.object({
      eventId: z.uuid(),
      title: z.string(),
      venue: z.string(),
      startsAt: z.string(),
      status: z.enum(['registered', 'cancelled', 'event-deleted']),
      registeredAt: z.string(),
    }),
  ),
});

export const eventList = z.object({ items: z.array(eventSummary) });
export const noParams = z.object({});
export const eventIdParams = z.object({ eventId });

export const attendeeStatus = z.enum(['registered', 'cancelled', 'event-deleted']);

export const attendeesParams = z.object({
  eventId,
  limit: limit(200, 50),
  cursor: cursor(),
  status: attendeeStatus.optional(),
  sort: z
    .enum(['registeredAt', '-registeredAt', 'name'], { message: 'must be registeredAt, -registeredAt or name' })
    .default('registeredAt')
    .describe('registeredAt (oldest first), -registeredAt (newest first) or name (A-Z)'),
});

export const attendeePage = z.object({
  items: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      status: attendeeStatus,
      registeredAt: z.string(),
      cancelledAt: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
  /** Attendees matching the status filter, over every page. */
  total: z.number().int(),
});

export const registrationsByDay = z.object({
  registrationsByDay: z.array(z.object({ day: z.string(), registered: z.number().int(), cancelled: z.number().int() })),
});

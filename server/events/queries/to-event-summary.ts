import type { EventDetailsDoc } from '../read-models/read-model-docs';

/** Read-model document -> API shape; `seatsLeft` is derived here, never stored twice. */
export function toEventSummary(doc: EventDetailsDoc) {
  return {
    eventId: doc._id,
    title: doc.title,
    venue: doc.venue,
    startsAt: doc.startsAt.toISOString(),
    endsAt: doc.endsAt?.toISOString() ?? null,
    capacity: doc.capacity,
    registeredCount: doc.registeredCount,
    seatsLeft: Math.max(0, doc.capacity - doc.registeredCount),
    organizer: doc.organizer,
    status: doc.status,
  };
}

import Link from 'next/link';
import type { EventSummary } from '@/components/api/event-types';
import { formatEventRange } from './format-event-date';
import { SeatsLeft } from './seats-left';

/** One upcoming event in a list. */
export function EventCard({ event }: { event: EventSummary }) {
  return (
    <li className="event-card" data-testid="event-card">
      <div className="event-card-main">
        <h2 className="event-card-title">
          <Link href={`/events/${encodeURIComponent(event.eventId)}`}>{event.title}</Link>
        </h2>
        <p className="event-card-meta">
          <time dateTime={event.startsAt}>{formatEventRange(event.startsAt, event.endsAt)}</time>
          {event.venue ? <span> · {event.venue}</span> : null}
        </p>
        <p className="event-card-organizer">Organized by {event.organizer.name}</p>
      </div>
      <div className="event-card-side">
        <SeatsLeft seatsLeft={event.seatsLeft} capacity={event.capacity} />
        <span className="muted small">
          {event.registeredCount} / {event.capacity} registered
        </span>
      </div>
    </li>
  );
}

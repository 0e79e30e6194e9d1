import { CalendarIcon, MapPinIcon } from 'lucide-react';
import Link from 'next/link';
import type { EventSummary } from '@/components/api/event-types';
import { formatEventRange } from './format-event-date';
import { SeatsLeft } from './seats-left';

/** One upcoming event in a list: the whole card is the link's target area, the title is the link. */
export function EventCard({ event }: { event: EventSummary }) {
  return (
    <li
      className="group relative flex min-w-0 flex-col gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-xs transition-colors hover:border-foreground/20 hover:bg-accent/40 sm:flex-row sm:items-start sm:justify-between"
      data-testid="event-card"
    >
      <div className="flex min-w-0 flex-col gap-1.5">
        <h2 className="font-semibold leading-snug [overflow-wrap:anywhere]">
          <Link
            href={`/events/${encodeURIComponent(event.eventId)}`}
            className="text-foreground no-underline outline-none after:absolute after:inset-0 after:rounded-xl focus-visible:after:ring-[3px] focus-visible:after:ring-ring/50"
          >
            {event.title}
          </Link>
        </h2>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-muted-foreground text-sm">
          <span className="inline-flex items-center gap-1.5">
            <CalendarIcon aria-hidden className="size-3.5 shrink-0" />
            <time dateTime={event.startsAt}>{formatEventRange(event.startsAt, event.endsAt)}</time>
          </span>
          {event.venue ? (
            <span className="inline-flex min-w-0 items-center gap-1.5">
              <MapPinIcon aria-hidden className="size-3.5 shrink-0" />
              <span className="[overflow-wrap:anywhere]">{event.venue}</span>
            </span>
          ) : null}
        </p>
        <p className="text-muted-foreground text-xs">Organized by {event.organizer.name}</p>
      </div>
      <div className="flex shrink-0 items-center gap-3 sm:flex-col sm:items-end sm:gap-1.5">
        <SeatsLeft seatsLeft={event.seatsLeft} capacity={event.capacity} deleted={event.status === 'deleted'} />
        <span className="text-muted-foreground text-xs tabular-nums">
          {event.registeredCount} / {event.capacity} registered
        </span>
      </div>
    </li>
  );
}

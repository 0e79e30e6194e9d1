'use client';

import Link from 'next/link';
import { useOrganizedEvents } from '@/components/api/use-organized-events';
import { useProjectionState } from '@/components/api/use-projection-state';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { eventErrorMessage } from './event-error-message';
import { formatEventDate } from './format-event-date';

/** The organizer's own events, past and deleted included. */
export function OrganizedEvents() {
  const query = useOrganizedEvents();
  const { updating } = useProjectionState(query.data);
  const now = Date.now();

  if (query.isPending) {
    return (
      <div className="center-block">
        <Spinner label="Loading your events…" />
      </div>
    );
  }
  if (!query.data) return <Alert title="Could not load your events">{eventErrorMessage(query.error)}</Alert>;

  const items = query.data.value.items;
  if (items.length === 0) {
    return (
      <EmptyState
        title="You have not organized any events yet."
        action={
          <ButtonLink href="/events/new" variant="primary">
            Create your first event
          </ButtonLink>
        }
      />
    );
  }

  return (
    <div className="stack">
      <div className="status-line">
        <UpdatingBadge updating={updating} />
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Events you organize</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Starts</th>
              <th scope="col" className="num">
                Registered
              </th>
              <th scope="col" className="num">
                Seats left
              </th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((event) => {
              const href = `/events/${encodeURIComponent(event.eventId)}`;
              const past = Date.parse(event.startsAt) < now;
              return (
                <tr key={event.eventId}>
                  <th scope="row">
                    <Link href={href}>{event.title}</Link>
                    {event.venue ? <span className="muted small block">{event.venue}</span> : null}
                  </th>
                  <td>
                    <time dateTime={event.startsAt}>{formatEventDate(event.startsAt)}</time>
                  </td>
                  <td className="num">
                    {event.registeredCount} / {event.capacity}
                  </td>
                  <td className="num">{event.seatsLeft}</td>
                  <td>
                    {event.status === 'deleted' ? <Badge tone="danger">Deleted</Badge> : past ? <Badge>Past</Badge> : <Badge tone="success">Scheduled</Badge>}
                  </td>
                  <td className="actions-cell">
                    {event.status !== 'deleted' ? (
                      <Link href={`${href}/edit`} aria-label={`Edit ${event.title}`}>
                        Edit
                      </Link>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

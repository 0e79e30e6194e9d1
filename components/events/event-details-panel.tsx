'use client';

import { ApiError } from '@/components/api/api-error';
import { useEvent } from '@/components/api/use-event';
import { useProjectionState } from '@/components/api/use-projection-state';
import { useCurrentUser } from '@/components/shell/use-current-user';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { DeleteEventButton } from './delete-event-button';
import { eventErrorMessage } from './event-error-message';
import { formatEventRange } from './format-event-date';
import { RegistrationAction } from './registration-action';

const LIVE_SEATS_MS = 3000;

/** An event's page: details, live seats left, register/cancel, organizer actions. */
export function EventDetailsPanel({ eventId }: { eventId: string }) {
  const query = useEvent(eventId, { liveMs: LIVE_SEATS_MS });
  const { updating } = useProjectionState(query.data);
  const { user } = useCurrentUser();

  if (query.isPending) {
    return (
      <div className="center-block">
        <Spinner label="Loading event…" />
      </div>
    );
  }
  if (!query.data) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return notFound ? (
      <EmptyState title="Event not found" action={<ButtonLink href="/events">Back to upcoming events</ButtonLink>}>
        It may never have existed, or the link is wrong.
      </EmptyState>
    ) : (
      <Alert title="Could not load this event">{eventErrorMessage(query.error)}</Alert>
    );
  }

  const event = query.data.value;
  const isOrganizer = user?.id === event.organizer.userId;
  const deleted = event.status === 'deleted';

  return (
    <div className="stack">
      <PageHeader
        title={event.title}
        description={
          <>
            <time dateTime={event.startsAt}>{formatEventRange(event.startsAt, event.endsAt)}</time>
            {event.venue ? <> · {event.venue}</> : null}
          </>
        }
        actions={
          <>
            <UpdatingBadge updating={updating} />
            {deleted ? <Badge tone="danger">Deleted</Badge> : null}
            {isOrganizer && !deleted ? (
              <>
                <ButtonLink href={`/events/${encodeURIComponent(event.eventId)}/edit`}>Edit</ButtonLink>
                <DeleteEventButton eventId={event.eventId} title={event.title} />
              </>
            ) : null}
          </>
        }
      />

      {query.isError ? <Alert tone="warning">Live updates paused: {eventErrorMessage(query.error)}</Alert> : null}

      <div className="details-grid">
        <Card aria-labelledby="about-heading">
          <h2 id="about-heading" className="card-title">
            About
          </h2>
          {event.description ? <p className="prewrap">{event.description}</p> : <p className="muted">No description.</p>}
          <dl className="meta-list">
            <dt>Organizer</dt>
            <dd>{event.organizer.name}</dd>
            <dt>Venue</dt>
            <dd>{event.venue || 'To be announced'}</dd>
          </dl>
        </Card>

        <Card aria-labelledby="seats-heading" className="seats-card">
          <h2 id="seats-heading" className="card-title">
            Seats
          </h2>
          <p className={updating ? 'seats-figure is-updating' : 'seats-figure'}>
            <span className="seats-number" data-testid="seats-left" aria-describedby="seats-caption">
              {event.seatsLeft}
            </span>
            <span id="seats-caption" className="seats-caption">
              {event.seatsLeft === 1 ? 'seat left' : 'seats left'}
            </span>
          </p>
          <p className="muted small" data-testid="registered-count">
            {event.registeredCount} of {event.capacity} registered
          </p>
          <div
            className="capacity-bar"
            role="progressbar"
            aria-label="Seats taken"
            aria-valuemin={0}
            aria-valuemax={event.capacity}
            aria-valuenow={event.registeredCount}
          >
            <span className="capacity-bar-fill" style={{ width: `${Math.min(100, (event.registeredCount / Math.max(1, event.capacity)) * 100)}%` }} />
          </div>
          <RegistrationAction event={event} eventUpdating={updating} />
        </Card>
      </div>
    </div>
  );
}

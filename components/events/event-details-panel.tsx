'use client';

import { AlertTriangleIcon, CalendarIcon, MapPinIcon, RotateCwIcon, Trash2Icon, UserIcon } from 'lucide-react';
import { useState } from 'react';
import { ApiError } from '@/components/api/api-error';
import type { EventDetails } from '@/components/api/event-types';
import { useEvent } from '@/components/api/use-event';
import { useProjectionState } from '@/components/api/use-projection-state';
import { useBreadcrumbTitle } from '@/components/shell/breadcrumb-title';
import { useCurrentUser } from '@/components/shell/use-current-user';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { eventErrorMessage } from './event-error-message';
import { EventDetailsSkeleton } from './event-skeletons';
import { formatEventRange } from './format-event-date';
import { RegistrationAction } from './registration-action';

const LIVE_SEATS_MS = 3000;

/**
 * The last error while nothing is on screen. TanStack Query resets `error` to null when a query
 * without data fetches again (a Retry), which would flip the page between its error and a
 * loading state; the error stays shown (its Retry button spinning) until data arrives.
 */
function useShownError(error: unknown, hasData: boolean) {
  const [shown, setShown] = useState<unknown>(null);
  if (error && error !== shown) setShown(error);
  if (hasData && shown) setShown(null);
  return hasData ? null : (error ?? shown);
}

/** An event's page: details, live seats left, register/cancel, organizer actions. */
export function EventDetailsPanel({ eventId }: { eventId: string }) {
  const query = useEvent(eventId, { liveMs: LIVE_SEATS_MS });
  const { updating } = useProjectionState(query.data);
  const { user } = useCurrentUser();
  const error = useShownError(query.error, query.data !== undefined);
  useBreadcrumbTitle(query.data?.value.title);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return notFound ? (
      <EmptyState title="Event not found" action={<ButtonLink href="/events">Back to upcoming events</ButtonLink>}>
        It may never have existed, or the link is wrong.
      </EmptyState>
    ) : (
      <Card className="mx-auto w-full max-w-lg items-start" data-testid="event-load-error">
        <div className="flex size-10 items-center justify-center rounded-full bg-destructive/10 text-destructive">
          <AlertTriangleIcon aria-hidden className="size-5" />
        </div>
        <div role="alert" className="flex flex-col gap-1">
          <h1 className="font-semibold text-lg">Could not load this event</h1>
          <p className="text-muted-foreground text-sm">{eventErrorMessage(error)}</p>
        </div>
        <Button variant="outline" loading={query.isFetching} onClick={() => void query.refetch()}>
          {query.isFetching ? null : <RotateCwIcon aria-hidden />}
          Retry
        </Button>
      </Card>
    );
  }
  if (!query.data) return <EventDetailsSkeleton />;

  const event = query.data.value;
  const isOrganizer = user?.id === event.organizer.userId;
  const deleted = event.status === 'deleted';

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            {deleted ? (
              <Badge tone="danger" data-testid="event-status">
                <Trash2Icon aria-hidden />
                Deleted
              </Badge>
            ) : event.seatsLeft <= 0 ? (
              <Badge tone="danger">Full</Badge>
            ) : null}
            {isOrganizer ? <Badge tone="info">Your event</Badge> : null}
            <UpdatingBadge updating={updating} />
          </div>
          <h1 className="font-semibold text-2xl tracking-tight [overflow-wrap:anywhere] sm:text-3xl">{event.title}</h1>
          <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-muted-foreground text-sm">
            <li className="inline-flex items-center gap-1.5">
              <CalendarIcon aria-hidden className="size-4 shrink-0" />
              <time dateTime={event.startsAt} data-testid="event-when">
                {formatEventRange(event.startsAt, event.endsAt)}
              </time>
            </li>
            <li className="inline-flex min-w-0 items-center gap-1.5">
              <MapPinIcon aria-hidden className="size-4 shrink-0" />
              <span className="[overflow-wrap:anywhere]">{event.venue || 'Venue to be announced'}</span>
            </li>
            <li className="inline-flex items-center gap-1.5">
              <UserIcon aria-hidden className="size-4 shrink-0" />
              <span>Organized by {event.organizer.name}</span>
            </li>
          </ul>
        </div>
      </header>

      {query.isError ? (
        <Alert tone="warning" title="Live updates paused">
          {eventErrorMessage(query.error)} Showing what was last loaded; trying again with growing pauses.
        </Alert>
      ) : null}

      {deleted ? (
        <Alert tone="warning" title="This event was deleted" testId="event-deleted-notice">
          It no longer appears in upcoming events, and every registration for it was cancelled.
        </Alert>
      ) : null}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card aria-labelledby="about-heading">
          <CardHeader>
            <CardTitle id="about-heading">About</CardTitle>
          </CardHeader>
          {event.description ? (
            <p className="whitespace-pre-wrap text-sm leading-relaxed [overflow-wrap:anywhere]">{event.description}</p>
          ) : (
            <p className="text-muted-foreground text-sm">No description.</p>
          )}
        </Card>

        <Card aria-labelledby="seats-heading">
          <CardHeader>
            <CardTitle id="seats-heading">{deleted ? 'Registration' : 'Seats'}</CardTitle>
            {deleted ? <CardDescription>Closed: the event was deleted.</CardDescription> : null}
          </CardHeader>
          {deleted ? null : <SeatsFigure event={event} updating={updating} />}
          <RegistrationAction event={event} eventUpdating={updating} isOrganizer={isOrganizer} />
        </Card>
      </div>
    </div>
  );
}

function SeatsFigure({ event, updating }: { event: EventDetails; updating: boolean }) {
  const taken = Math.min(100, (event.registeredCount / Math.max(1, event.capacity)) * 100);
  return (
    <div className={cn('flex flex-col gap-3 transition-opacity', updating && 'opacity-60')}>
      <p className="flex items-baseline gap-2">
        <span className="font-semibold text-4xl tabular-nums tracking-tight" data-testid="seats-left" aria-describedby="seats-caption">
          {event.seatsLeft}
        </span>
        <span id="seats-caption" className="text-muted-foreground text-sm">
          {event.seatsLeft === 1 ? 'seat left' : 'seats left'}
        </span>
      </p>
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
        role="progressbar"
        aria-label="Seats taken"
        aria-valuemin={0}
        aria-valuemax={event.capacity}
        aria-valuenow={event.registeredCount}
      >
        <div className={cn('h-full rounded-full transition-[width]', event.seatsLeft <= 0 ? 'bg-destructive' : 'bg-primary')} style={{ width: `${taken}%` }} />
      </div>
      <p className="text-muted-foreground text-sm tabular-nums" data-testid="registered-count">
        {event.registeredCount} of {event.capacity} registered
      </p>
    </div>
  );
}

'use client';

import { CalendarIcon, MapPinIcon, RotateCwIcon, TicketIcon } from 'lucide-react';
import Link from 'next/link';
import type { MyRegistration, RegistrationStatus } from '@/components/api/event-types';
import { useMyRegistrations } from '@/components/api/use-my-registrations';
import { useProjectionState } from '@/components/api/use-projection-state';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { eventErrorMessage } from './event-error-message';
import { EventListSkeleton } from './event-skeletons';
import { formatEventDate } from './format-event-date';

/**
 * A deleted event's registrations were cancelled with it (what the delete dialog promises the
 * organizer), so the attendee reads exactly that: "Cancelled — event deleted".
 */
export const REGISTRATION_STATUS: Record<RegistrationStatus, { text: string; tone: BadgeTone }> = {
  registered: { text: 'Registered', tone: 'success' },
  cancelled: { text: 'Cancelled', tone: 'neutral' },
  'event-deleted': { text: 'Cancelled — event deleted', tone: 'warning' },
};

function Row({ registration: r, now }: { registration: MyRegistration; now: number }) {
  const label = REGISTRATION_STATUS[r.status] ?? { text: r.status, tone: 'neutral' as const };
  const past = Date.parse(r.startsAt) < now;
  return (
    <li className="flex min-w-0 flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between sm:gap-4" data-testid="registration-item">
      <div className="flex min-w-0 flex-col gap-1">
        {r.status === 'event-deleted' ? (
          <span className="font-medium text-muted-foreground line-through decoration-muted-foreground/50 [overflow-wrap:anywhere]">{r.title}</span>
        ) : (
          <Link
            className="font-medium text-foreground underline-offset-4 [overflow-wrap:anywhere] hover:underline"
            href={`/events/${encodeURIComponent(r.eventId)}`}
          >
            {r.title}
          </Link>
        )}
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-muted-foreground text-sm">
          <span className="inline-flex items-center gap-1.5">
            <CalendarIcon aria-hidden className="size-3.5 shrink-0" />
            <time dateTime={r.startsAt}>{formatEventDate(r.startsAt)}</time>
            {past ? <span>(past)</span> : null}
          </span>
          {r.venue ? (
            <span className="inline-flex min-w-0 items-center gap-1.5">
              <MapPinIcon aria-hidden className="size-3.5 shrink-0" />
              <span className="[overflow-wrap:anywhere]">{r.venue}</span>
            </span>
          ) : null}
        </p>
      </div>
      <Badge tone={label.tone} data-testid="registration-status-badge">
        {label.text}
      </Badge>
    </li>
  );
}

/** The signed-in user's registrations: active ones first (soonest first), then the rest. */
export function MyRegistrationsList() {
  const query = useMyRegistrations();
  const { updating } = useProjectionState(query.data);

  if (!query.data) {
    if (query.isError) {
      return (
        <Alert title="Could not load your registrations">
          <p>{eventErrorMessage(query.error)}</p>
          <Button variant="outline" size="sm" loading={query.isFetching} onClick={() => void query.refetch()}>
            {query.isFetching ? null : <RotateCwIcon aria-hidden />}
            Retry
          </Button>
        </Alert>
      );
    }
    return <EventListSkeleton label="Loading your registrations…" />;
  }

  const now = query.dataUpdatedAt;
  const items = [...query.data.value.items].sort((a, b) => {
    const active = Number(b.status === 'registered' && Date.parse(b.startsAt) >= now) - Number(a.status === 'registered' && Date.parse(a.startsAt) >= now);
    return active || Date.parse(a.startsAt) - Date.parse(b.startsAt);
  });
  const active = items.filter((r) => r.status === 'registered' && Date.parse(r.startsAt) >= now).length;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex min-h-6 flex-wrap items-center justify-between gap-2">
        <p className="text-muted-foreground text-sm">
          {items.length === 0 ? null : `${active} upcoming ${active === 1 ? 'registration' : 'registrations'}, ${items.length} in all`}
        </p>
        <UpdatingBadge updating={updating} />
      </div>
      {items.length === 0 ? (
        <EmptyState
          icon={<TicketIcon />}
          title="You are not registered for any event yet."
          action={<ButtonLink href="/events">Browse upcoming events</ButtonLink>}
        >
          Find an event you like and save your seat; it shows up here.
        </EmptyState>
      ) : (
        <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs" aria-label="My registrations">
          {items.map((r) => (
            <Row key={r.eventId} registration={r} now={now} />
          ))}
        </ul>
      )}
    </div>
  );
}

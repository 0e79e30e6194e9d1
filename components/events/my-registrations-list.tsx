'use client';

import Link from 'next/link';
import type { RegistrationStatus } from '@/components/api/event-types';
import { useMyRegistrations } from '@/components/api/use-my-registrations';
import { useProjectionState } from '@/components/api/use-projection-state';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { eventErrorMessage } from './event-error-message';
import { formatEventDate } from './format-event-date';

const statusLabel: Record<RegistrationStatus, { text: string; tone: BadgeTone }> = {
  registered: { text: 'Registered', tone: 'success' },
  cancelled: { text: 'Cancelled', tone: 'neutral' },
  'event-deleted': { text: 'Event deleted', tone: 'danger' },
};

/** The signed-in user's registrations, soonest first, active ones before the rest. */
export function MyRegistrationsList() {
  const query = useMyRegistrations();
  const { updating } = useProjectionState(query.data);

  if (query.isPending) {
    return (
      <div className="center-block">
        <Spinner label="Loading your registrations…" />
      </div>
    );
  }
  if (!query.data) return <Alert title="Could not load your registrations">{eventErrorMessage(query.error)}</Alert>;

  const items = [...query.data.value.items].sort((a, b) => {
    const active = Number(b.status === 'registered') - Number(a.status === 'registered');
    return active || Date.parse(a.startsAt) - Date.parse(b.startsAt);
  });

  return (
    <div className="stack">
      <div className="status-line">
        <UpdatingBadge updating={updating} />
      </div>
      {items.length === 0 ? (
        <EmptyState title="You are not registered for any event yet." action={<ButtonLink href="/events">Browse upcoming events</ButtonLink>} />
      ) : (
        <ul className="registration-list" aria-label="My registrations">
          {items.map((r) => {
            const label = statusLabel[r.status] ?? { text: r.status, tone: 'neutral' as const };
            return (
              <li key={r.eventId} className="registration-item" data-testid="registration-item">
                <div>
                  {r.status === 'event-deleted' ? (
                    <span className="registration-title">{r.title}</span>
                  ) : (
                    <Link className="registration-title" href={`/events/${encodeURIComponent(r.eventId)}`}>
                      {r.title}
                    </Link>
                  )}
                  <p className="muted small">
                    <time dateTime={r.startsAt}>{formatEventDate(r.startsAt)}</time>
                    {r.venue ? ` · ${r.venue}` : ''}
                  </p>
                </div>
                <Badge tone={label.tone}>{label.text}</Badge>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

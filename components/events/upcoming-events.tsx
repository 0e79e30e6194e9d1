'use client';

import { parseAsString, useQueryState } from 'nuqs';
import { useProjectionState } from '@/components/api/use-projection-state';
import { useUpcomingEvents } from '@/components/api/use-upcoming-events';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { EventCard } from './event-card';
import { EventSearchForm } from './event-search-form';
import { eventErrorMessage } from './event-error-message';

const qParser = parseAsString.withDefault('').withOptions({ history: 'push' });

/**
 * Upcoming events: search box, list, keyset "Load more". The search lives in the URL (`?q=`, one
 * history entry per search), so Back shows the previous search's words and results.
 * (`initialQuery`, from the page's searchParams, is what nuqs reads anyway.)
 */
export function UpcomingEvents(_props: { initialQuery?: string }) {
  const [rawQ, setQ] = useQueryState('q', qParser);
  const q = rawQ.trim();
  const query = useUpcomingEvents(q);
  const firstPage = query.data?.pages[0];
  const lastPage = query.data?.pages.at(-1);
  const { updating: firstUpdating } = useProjectionState(firstPage);
  const updating = firstUpdating || (query.data?.pages.some((p) => p.stale) ?? false);
  const items = query.data?.pages.flatMap((page) => page.value.items) ?? [];

  const search = (next: string) => {
    if (next !== q) void setQ(next || null);
  };

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <EventSearchForm value={q} onSearch={search} />
        <UpdatingBadge updating={updating} />
      </div>

      {query.isPending ? (
        <div className="flex justify-center py-6">
          <Spinner label="Loading events…" />
        </div>
      ) : !query.data ? (
        <Alert title="Could not load events">{eventErrorMessage(query.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title={q ? `No upcoming events match “${q}”.` : 'No upcoming events yet.'}>
          {q ? 'Try another word, or clear the search.' : 'Check back soon.'}
        </EmptyState>
      ) : (
        <>
          <p className="sr-only" aria-live="polite">
            {items.length} {items.length === 1 ? 'event' : 'events'} shown
          </p>
          <ul className="grid list-none gap-3 p-0" aria-label="Upcoming events" aria-busy={query.isFetching}>
            {items.map((event) => (
              <EventCard key={event.eventId} event={event} />
            ))}
          </ul>
          {query.hasNextPage ? (
            <div className="flex justify-center py-6">
              <Button variant="secondary" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                Load more
              </Button>
            </div>
          ) : lastPage && items.length > 0 ? (
            <p className="text-center text-muted-foreground text-sm">That’s all upcoming events.</p>
          ) : null}
          {query.isError ? <Alert>{eventErrorMessage(query.error)}</Alert> : null}
        </>
      )}
    </div>
  );
}

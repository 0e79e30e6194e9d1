'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import type { EventDetails } from './event-types';
import { queryKeys } from './query-keys';
import { retryTransient, staleRefetchInterval } from './stale-refetch-interval';

/**
 * One event's details; `liveMs` keeps seats left live while the page is open. A 404 is final (not
 * retried, not polled); other failures are retried twice with backoff and then left to a Retry
 * button; a deleted event no longer changes, so it is not polled either.
 */
export function useEvent(eventId: string, options: { liveMs?: number | false } = {}) {
  const live = staleRefetchInterval(options.liveMs ?? false);
  return useQuery({
    queryKey: queryKeys.event(eventId),
    queryFn: ({ signal }) => fetchQuery<EventDetails>(`events/${encodeURIComponent(eventId)}`, { signal }),
    retry: retryTransient,
    refetchInterval: (query) => (query.state.data?.value.status === 'deleted' && !query.state.data.stale ? false : live(query)),
  });
}

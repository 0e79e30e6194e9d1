'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchQuery } from '@/components/api/api-client';
import type { AttendeePage } from '@/components/api/event-types';
import { retryTransient, staleRefetchInterval } from '@/components/api/stale-refetch-interval';

/** Rows per request (the query's maximum) and the most the attendee table loads into the browser. */
const PAGE = 200;
export const MAX_LOADED_ATTENDEES = 5000;

/**
 * Every attendee of an event (all statuses), page after page of GET .../attendees, for a table
 * that searches, filters, sorts and pages in the browser. Stops at MAX_LOADED_ATTENDEES.
 */
export function useAllAttendees(eventId: string) {
  const query = useInfiniteQuery({
    queryKey: ['events', 'attendees', eventId, 'all'] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ sort: 'registeredAt', limit: String(PAGE) });
      if (pageParam) params.set('cursor', pageParam);
      return fetchQuery<AttendeePage>(`events/${encodeURIComponent(eventId)}/attendees?${params}`, { signal });
    },
    getNextPageParam: (last, pages) => (pages.length * PAGE < MAX_LOADED_ATTENDEES ? last.value.nextCursor : null),
    retry: retryTransient,
    refetchInterval: (q) => staleRefetchInterval(false)({ state: { ...q.state, data: q.state.data?.pages[0] } }),
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  return query;
}

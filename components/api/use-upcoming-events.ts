'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import type { EventSummary, Page } from './event-types';
import { queryKeys } from './query-keys';

export const UPCOMING_PAGE_SIZE = 12;

/** Upcoming events by start time, keyset-paged ("load more"), filtered by `q`. */
export function useUpcomingEvents(q: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.upcoming(q),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(UPCOMING_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      if (q) params.set('q', q);
      return fetchQuery<Page<EventSummary>>(`events/upcoming?${params}`, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.value.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.stale) ? 1000 : false),
  });
}

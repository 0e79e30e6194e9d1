'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import type { OrganizedEvent } from './event-types';
import { queryKeys } from './query-keys';
import { retryTransient, staleRefetchInterval } from './stale-refetch-interval';

/** Events the signed-in organizer runs, past and deleted ones included. */
export function useOrganizedEvents() {
  return useQuery({
    queryKey: queryKeys.organized,
    queryFn: ({ signal }) => fetchQuery<{ items: OrganizedEvent[] }>('events/organized', { signal }),
    retry: retryTransient,
    refetchInterval: staleRefetchInterval(false),
  });
}

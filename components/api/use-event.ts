'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import type { EventDetails } from './event-types';
import { queryKeys } from './query-keys';
import { staleRefetchInterval } from './stale-refetch-interval';

/** One event's details; `liveMs` keeps seats left live while the page is open. */
export function useEvent(eventId: string, options: { liveMs?: number | false } = {}) {
  return useQuery({
    queryKey: queryKeys.event(eventId),
    queryFn: ({ signal }) => fetchQuery<EventDetails>(`events/${encodeURIComponent(eventId)}`, { signal }),
    refetchInterval: staleRefetchInterval(options.liveMs ?? false),
  });
}

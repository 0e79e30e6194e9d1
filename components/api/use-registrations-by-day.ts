'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import type { RegistrationsByDay } from './event-types';
import { queryKeys } from './query-keys';
import { staleRefetchInterval } from './stale-refetch-interval';

/** An event's registrations and cancellations per UTC day (quiet days as zeros), for its organizer's chart. */
export function useRegistrationsByDay(eventId: string) {
  return useQuery({
    queryKey: queryKeys.registrationsByDay(eventId),
    queryFn: ({ signal }) => fetchQuery<{ registrationsByDay: RegistrationsByDay }>(`events/${encodeURIComponent(eventId)}/registrations-by-day`, { signal }),
    refetchInterval: staleRefetchInterval(false),
  });
}

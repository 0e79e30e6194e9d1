'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import type { MyRegistration } from './event-types';
import { queryKeys } from './query-keys';
import { retryTransient, staleRefetchInterval } from './stale-refetch-interval';

/** The signed-in user's registrations, including cancelled ones and deleted events. */
export function useMyRegistrations(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.myRegistrations,
    queryFn: ({ signal }) => fetchQuery<{ items: MyRegistration[] }>('events/my-registrations', { signal }),
    retry: retryTransient,
    refetchInterval: staleRefetchInterval(false),
    enabled: options.enabled ?? true,
  });
}

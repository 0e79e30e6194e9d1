'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import { queryKeys } from './query-keys';
import type { PeoplePage } from './social-types';
import { staleRefetchInterval } from './stale-refetch-interval';

/** People whose name starts with `prefix` (the directory is bucketed by first letter). */
export function usePeople(prefix: string) {
  return useQuery({
    queryKey: queryKeys.people(prefix),
    queryFn: ({ signal }) => fetchQuery<PeoplePage>(`social/people?${new URLSearchParams({ prefix })}`, { signal }),
    // Typing one more letter should narrow the list on screen, not blank it.
    placeholderData: keepPreviousData,
    refetchInterval: staleRefetchInterval(false),
  });
}

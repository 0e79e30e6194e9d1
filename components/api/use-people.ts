'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import { queryKeys } from './query-keys';
import type { PeoplePage } from './social-types';
import { staleRefetchInterval } from './stale-refetch-interval';

export interface PeopleOptions {
  /** People per page (1-100, default 50). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
}

/**
 * The people directory, alphabetical: those with a name word starting with each word of `q`
 * (any case: "lee" finds "Ada Lee"), or everyone when `q` is empty. One page at a time; pass the
 * previous answer's `nextCursor` for the next.
 */
export function usePeople(q: string, { limit = 50, cursor = null }: PeopleOptions = {}) {
  return useQuery({
    queryKey: [...queryKeys.people(q), { limit, cursor }],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(limit) });
      if (q.trim()) params.set('q', q.trim());
      if (cursor) params.set('cursor', cursor);
      return fetchQuery<PeoplePage>(`social/people?${params}`, { signal });
    },
    // Typing one more letter should narrow the list on screen, not blank it.
    placeholderData: keepPreviousData,
    refetchInterval: staleRefetchInterval(false),
  });
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import { queryKeys } from './query-keys';
import type { Profile } from './social-types';
import { staleRefetchInterval } from './stale-refetch-interval';

/** A person's profile: name, counts, and whether the signed-in user follows them. */
export function useProfile(userId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.profile(userId),
    queryFn: ({ signal }) => fetchQuery<Profile>(`social/users/${encodeURIComponent(userId)}`, { signal }),
    refetchInterval: staleRefetchInterval(false),
    enabled: options.enabled ?? true,
  });
}

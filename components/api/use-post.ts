'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import { queryKeys } from './query-keys';
import type { PostDetails } from './social-types';
import { staleRefetchInterval } from './stale-refetch-interval';

/** One post with its comments, oldest comment first. */
export function usePost(postId: string) {
  return useQuery({
    queryKey: queryKeys.post(postId),
    queryFn: ({ signal }) => fetchQuery<PostDetails>(`social/posts/${encodeURIComponent(postId)}`, { signal }),
    refetchInterval: staleRefetchInterval(false),
  });
}

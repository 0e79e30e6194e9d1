'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import { queryKeys } from './query-keys';
import type { FeedPage } from './social-types';

export const USER_POSTS_PAGE_SIZE = 20;

/** One author's posts, newest first, keyset-paged by `nextCursor`. */
export function useUserPosts(userId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.userPosts(userId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(USER_POSTS_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return fetchQuery<FeedPage>(`social/users/${encodeURIComponent(userId)}/posts?${params}`, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.value.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.stale) ? 1000 : false),
  });
}

'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import { queryKeys } from './query-keys';
import type { FeedFilters, FeedPage } from './social-types';

export const FEED_PAGE_SIZE = 20;

/** "2031-01-14" -> that local midnight as an ISO instant; `nextDay` makes an inclusive end exclusive. */
function localDayToIso(day: string, nextDay = false): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (nextDay ? 1 : 0));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The query string the feed endpoint understands, without paging. */
export function feedSearchParams(filters: FeedFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.author) params.set('author', filters.author);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.q) params.set('q', filters.q);
  const since = filters.since ? localDayToIso(filters.since) : null;
  const until = filters.until ? localDayToIso(filters.until, true) : null;
  if (since) params.set('since', since);
  if (until) params.set('until', until);
  return params;
}

/**
 * The signed-in user's feed, newest first, keyset-paged by `nextCursor`. The live stream
 * (use-feed-stream) prepends to the first page, so this never needs to poll.
 */
export function useFeed(filters: FeedFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.feed(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = feedSearchParams(filters);
      params.set('limit', String(FEED_PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return fetchQuery<FeedPage>(`social/feed?${params}`, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.value.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.stale) ? 1000 : false),
  });
}

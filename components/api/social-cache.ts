import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Projected } from './api-client';
import { queryKeys } from './query-keys';
import type { FeedFilters, FeedItem, FeedPage, PeoplePage, PostDetails, Profile } from './social-types';
import { feedSearchParams } from './use-feed';

/**
 * Edits of cached social read models. A command's answer (like count, following) and a
 * live feed item are facts the server already decided, so we show them at once instead of
 * waiting for the refetch; the refetch (with the consistency token) then has the last word.
 */
type FeedPages = InfiniteData<Projected<FeedPage>, string | null>;

function patchPages(data: FeedPages | undefined, postId: string, patch: (item: FeedItem) => FeedItem) {
  if (!data) return undefined;
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.value.items.some((item) => item.postId === postId)
        ? {
            ...page,
            value: {
              ...page.value,
              items: page.value.items.map((item) => (item.postId === postId ? patch(item) : item)),
            },
          }
        : page,
    ),
  };
}

/** Applies `patch` to the post in every cached feed, author list and post page showing it. */
export function patchCachedPost(queryClient: QueryClient, postId: string, patch: (item: FeedItem) => FeedItem) {
  const update = (data: FeedPages | undefined) => patchPages(data, postId, patch);
  queryClient.setQueriesData<FeedPages>({ queryKey: queryKeys.feeds }, update);
  queryClient.setQueriesData<FeedPages>({ queryKey: queryKeys.userPostLists }, update);
  queryClient.setQueryData<Projected<PostDetails>>(queryKeys.post(postId), (data) =>
    data ? { ...data, value: { ...data.value, post: patch(data.value.post) } } : undefined,
  );
}

/** Applies `patch` to the person on their profile and in every cached directory page. */
export function patchCachedProfile(queryClient: QueryClient, userId: string, patch: (profile: Profile) => Profile) {
  queryClient.setQueryData<Projected<Profile>>(queryKeys.profile(userId), (data) => (data ? { ...data, value: patch(data.value) } : undefined));
  queryClient.setQueriesData<Projected<PeoplePage>>({ queryKey: queryKeys.peopleLists }, (data) =>
    data?.value.items.some((p) => p.userId === userId)
      ? { ...data, value: { ...data.value, items: data.value.items.map((p) => (p.userId === userId ? { ...p, ...patch(p) } : p)) } }
      : undefined,
  );
}

/** Cursors are log positions (digit strings): longer is larger, then lexicographic. */
function isNewer(a: string, b: string): boolean {
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) return true;
  return a.length !== b.length ? a.length > b.length : a > b;
}

/** The same narrowing the server applies, so a live item only lands in feeds that would list it. */
function matchesFilters(item: FeedItem, filters: FeedFilters): boolean {
  if (filters.author && item.author.userId !== filters.author) return false;
  if (filters.tag && !item.tags.includes(filters.tag)) return false;
  if (filters.q && !item.text.toLowerCase().includes(filters.q.toLowerCase())) return false;
  const range = feedSearchParams({ since: filters.since, until: filters.until });
  const at = Date.parse(item.createdAt);
  const since = range.get('since');
  const until = range.get('until');
  if (since && at < Date.parse(since)) return false;
  if (until && at >= Date.parse(until)) return false;
  return true;
}

/**
 * Puts a live item at its place on the first page of every loaded feed it matches,
 * at most once (a reconnect replays from Last-Event-ID, and our own post also comes
 * back through the refetch). Returns how many feeds gained it.
 */
export function insertFeedItem(queryClient: QueryClient, item: FeedItem): number {
  let inserted = 0;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: queryKeys.feeds })) {
    const filters = (query.queryKey[2] ?? {}) as FeedFilters;
    if (!matchesFilters(item, filters)) continue;
    queryClient.setQueryData<FeedPages>(query.queryKey, (data) => {
      const first = data?.pages[0];
      if (!data || !first) return undefined;
      if (data.pages.some((page) => page.value.items.some((i) => i.postId === item.postId))) return undefined;
      const items = [...first.value.items];
      const at = items.findIndex((i) => isNewer(item.cursor, i.cursor));
      // Older than the whole first page: later pages will bring it.
      if (at === -1 && first.value.nextCursor !== null) return undefined;
      items.splice(at === -1 ? items.length : at, 0, item);
      inserted += 1;
      return { ...data, pages: [{ ...first, value: { ...first.value, items } }, ...data.pages.slice(1)] };
    });
  }
  return inserted;
}

'use client';

import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Projected } from '@/components/api/api-client';
import { queryKeys } from '@/components/api/query-keys';
import type { FeedFilters, FeedItem, FeedPage } from '@/components/api/social-types';
import { useFeed } from '@/components/api/use-feed';
import { useFeedStream } from '@/components/api/use-feed-stream';
import { useProjectionState } from '@/components/api/use-projection-state';
import { Newspaper, SearchX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { FeedFilterBar } from './feed-filter-bar';
import { FeedLiveStatus } from './feed-live-status';
import { NewPostsNotice } from './new-posts-notice';
import { PostComposer } from './post-composer';
import { PostList, PostListSkeleton } from './post-list';
import { socialErrorMessage } from './social-error-message';
import { QueryErrorAlert } from '@/components/ui/query-error-alert';

/** The feed page: a one-line composer, filters behind a button, and the live, infinitely scrolled list. */
export function SocialFeed({ filters }: { filters: FeedFilters }) {
  const queryClient = useQueryClient();
  const query = useFeed(filters);
  const { updating: firstUpdating } = useProjectionState(query.data?.pages[0], 'social');
  const updating = firstUpdating || (query.data?.pages.some((p) => p.stale) ?? false);
  const items = query.data?.pages.flatMap((page) => page.value.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  const top = useRef<HTMLDivElement>(null);
  const scrolledPast = useRef(false);
  const [unseen, setUnseen] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const status = useFeedStream((item: FeedItem, inserted: number) => {
    if (inserted === 0) return;
    const shown = queryClient.getQueryData<InfiniteData<Projected<FeedPage>>>(queryKeys.feed(filters));
    if (!shown?.pages[0]?.value.items.some((i) => i.postId === item.postId)) return;
    setAnnouncement(`New post from ${item.author.name}`);
    if (scrolledPast.current) setUnseen((n) => n + 1);
  });

  // Only posts that land above the viewport are counted; once the top of the list is in view
  // (or still below it) they are where the reader will see them.
  useEffect(() => {
    const element = top.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        scrolledPast.current = !entry.isIntersecting && entry.boundingClientRect.top < 0;
        if (!scrolledPast.current) setUnseen(0);
      },
      { rootMargin: '-64px 0px 0px 0px' },
    ); // below the sticky header
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const showNew = () => {
    setUnseen(0);
    top.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <div className="flex w-full max-w-2xl flex-col gap-4">
      <PostComposer />
      <FeedFilterBar filters={filters}>
        <div className="flex items-center gap-2">
          <UpdatingBadge updating={updating} />
          <FeedLiveStatus status={status} />
        </div>
      </FeedFilterBar>
      <section className="flex flex-col gap-3" aria-label="Posts">
        <div ref={top} className="-mb-3 h-0 scroll-mt-20" />
        <NewPostsNotice count={unseen} onShow={showNew} />
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>

        {query.isPending ? (
          <PostListSkeleton label="Loading your feed…" />
        ) : !query.data ? (
          <QueryErrorAlert title="Could not load your feed" message={socialErrorMessage(query.error)} query={query} />
        ) : items.length === 0 ? (
          filtered ? (
            <EmptyState icon={<SearchX />} title="No posts match these filters." action={<ButtonLink href="/social">Clear filters</ButtonLink>}>
              Try another tag, word or period.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<Newspaper />}
              title="Your feed is empty."
              action={
                <ButtonLink href="/social/people" variant="primary">
                  Find people to follow
                </ButtonLink>
              }
            >
              Posts from people you follow appear here as soon as they are published.
            </EmptyState>
          )
        ) : (
          <PostList
            label="Feed"
            posts={items}
            busy={query.isFetching}
            hasNextPage={query.hasNextPage}
            loadingMore={query.isFetchingNextPage}
            loadMoreFailed={query.isFetchNextPageError}
            onLoadMore={() => void query.fetchNextPage()}
            endText="You’re all caught up."
          />
        )}
        {query.data && query.isError && !query.isFetchNextPageError ? <Alert>{socialErrorMessage(query.error)}</Alert> : null}
      </section>
    </div>
  );
}

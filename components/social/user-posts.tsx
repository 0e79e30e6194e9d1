'use client';

import { PenLine } from 'lucide-react';
import type { ReactNode } from 'react';
import { useProjectionState } from '@/components/api/use-projection-state';
import { useUserPosts } from '@/components/api/use-user-posts';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { PostList, PostListSkeleton } from './post-list';
import { socialErrorMessage } from './social-error-message';
import { QueryErrorAlert } from '@/components/ui/query-error-alert';

/** A person's posts, newest first, with infinite scroll. */
export function UserPosts({ userId, name, isMe = false, heading }: { userId: string; name: string; isMe?: boolean; heading?: ReactNode }) {
  const query = useUserPosts(userId);
  const { updating: firstUpdating } = useProjectionState(query.data?.pages[0], 'social');
  const updating = firstUpdating || (query.data?.pages.some((p) => p.stale) ?? false);
  const items = query.data?.pages.flatMap((page) => page.value.items) ?? [];

  const header = (
    <div className="flex items-center justify-between gap-2">
      {heading}
      <UpdatingBadge updating={updating} />
    </div>
  );
  if (query.isPending) {
    return (
      <div className="flex flex-col gap-3">
        {header}
        <PostListSkeleton label="Loading posts…" />
      </div>
    );
  }
  if (!query.data) {
    return (
      <div className="flex flex-col gap-3">
        {header}
        <QueryErrorAlert title="Could not load the posts" message={socialErrorMessage(query.error)} query={query} />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {header}
      {items.length === 0 ? (
        <EmptyState
          icon={<PenLine />}
          title={isMe ? 'You have not posted yet.' : `${name} has not posted yet.`}
          action={isMe ? <ButtonLink href="/social">Write your first post</ButtonLink> : undefined}
        />
      ) : (
        <PostList
          label={`Posts by ${name}`}
          posts={items}
          busy={query.isFetching}
          hasNextPage={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          loadMoreFailed={query.isFetchNextPageError}
          onLoadMore={() => void query.fetchNextPage()}
          endText={`That’s all of ${name}’s posts.`}
          authorFilterLinks={false}
        />
      )}
      {query.isError && !query.isFetchNextPageError ? <Alert>{socialErrorMessage(query.error)}</Alert> : null}
    </div>
  );
}

'use client';

import { useProjectionState } from '@/components/api/use-projection-state';
import { useUserPosts } from '@/components/api/use-user-posts';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { PostList } from './post-list';
import { socialErrorMessage } from './social-error-message';

/** A person's posts, newest first, with infinite scroll. */
export function UserPosts({ userId, name }: { userId: string; name: string }) {
  const query = useUserPosts(userId);
  const { updating: firstUpdating } = useProjectionState(query.data?.pages[0], 'social');
  const updating = firstUpdating || (query.data?.pages.some((p) => p.stale) ?? false);
  const items = query.data?.pages.flatMap((page) => page.value.items) ?? [];

  if (query.isPending) {
    return (
      <div className="center-block">
        <Spinner label="Loading posts…" />
      </div>
    );
  }
  if (!query.data) return <Alert title="Could not load the posts">{socialErrorMessage(query.error)}</Alert>;

  return (
    <div className="stack">
      <div className="status-line">
        <UpdatingBadge updating={updating} />
      </div>
      {items.length === 0 ? (
        <EmptyState title={`${name} has not posted yet.`} />
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
      {query.isError ? <Alert>{socialErrorMessage(query.error)}</Alert> : null}
    </div>
  );
}

import type { FeedItem } from '@/components/api/social-types';
import { LoadMore } from './load-more';
import { PostCard, PostCardSkeleton } from './post-card';

type PostListProps = {
  label: string;
  posts: FeedItem[];
  busy: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  loadMoreFailed: boolean;
  onLoadMore: () => void;
  endText: string;
  /** Passed to each card: off on a profile, where every post has the same author. */
  authorFilterLinks?: boolean;
};

/** Posts newest first, with infinite scroll; shared by the feed and profiles. */
export function PostList({ label, posts, busy, hasNextPage, loadingMore, loadMoreFailed, onLoadMore, endText, authorFilterLinks = true }: PostListProps) {
  return (
    <>
      <ul className="flex flex-col gap-3" aria-label={label} aria-busy={busy}>
        {posts.map((post) => (
          <li key={post.postId}>
            <PostCard post={post} authorFilterLink={authorFilterLinks} />
          </li>
        ))}
      </ul>
      <LoadMore hasNextPage={hasNextPage} loading={loadingMore} failed={loadMoreFailed} onLoadMore={onLoadMore} endText={endText} />
    </>
  );
}

/** Three post-shaped placeholders, announced once as loading. */
export function PostListSkeleton({ label }: { label: string }) {
  return (
    <div className="flex flex-col gap-3" role="status" aria-label={label}>
      <PostCardSkeleton />
      <PostCardSkeleton />
      <PostCardSkeleton />
    </div>
  );
}

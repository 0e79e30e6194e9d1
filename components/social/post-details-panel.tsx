'use client';

import { usePost } from '@/components/api/use-post';
import { useProjectionState } from '@/components/api/use-projection-state';
import { useBreadcrumbTitle } from '@/components/shell/breadcrumb-title';
import { Alert } from '@/components/ui/alert';
import { Card, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';
import { PostCard, PostCardSkeleton } from './post-card';
import { socialErrorMessage } from './social-error-message';
import { QueryErrorAlert } from '@/components/ui/query-error-alert';

/** "Shipping the new feed today, with live…": a post's first words for the breadcrumbs. */
export function firstWords(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/**
 * A post's page: the post, its comments and the comment form. The page checked on the server that
 * the post exists (404 otherwise), so a failure here is a read that failed, offered again.
 */
export function PostDetailsPanel({ postId }: { postId: string }) {
  const query = usePost(postId);
  const { updating } = useProjectionState(query.data, 'social');
  useBreadcrumbTitle(query.data ? firstWords(query.data.value.post.text) : null);

  if (query.isPending) {
    return (
      <div className="flex w-full max-w-2xl flex-col gap-4" role="status" aria-label="Loading post…">
        <Skeleton className="h-8 w-64" />
        <PostCardSkeleton />
      </div>
    );
  }
  if (!query.data) {
    return (
      <div className="w-full max-w-2xl">
        <QueryErrorAlert title="Could not load this post" message={socialErrorMessage(query.error)} query={query} />
      </div>
    );
  }

  const { post, comments } = query.data.value;
  return (
    <div className="flex w-full max-w-2xl flex-col gap-4">
      <PageHeader title={`Post by ${post.author.name}`} actions={<UpdatingBadge updating={updating} />} />
      {query.isError ? <Alert tone="warning">Could not refresh: {socialErrorMessage(query.error)}</Alert> : null}
      <PostCard post={post} linkToPost={false} />
      <Card aria-labelledby="comments-heading" className="gap-5">
        <CardTitle id="comments-heading">Comments ({comments.length})</CardTitle>
        <CommentList comments={comments} />
        <CommentForm postId={post.postId} />
      </Card>
    </div>
  );
}

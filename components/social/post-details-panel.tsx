'use client';

import { ApiError } from '@/components/api/api-error';
import { usePost } from '@/components/api/use-post';
import { useProjectionState } from '@/components/api/use-projection-state';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';
import { PostCard } from './post-card';
import { socialErrorMessage } from './social-error-message';

/** A post's page: the post, its comments and the comment form. */
export function PostDetailsPanel({ postId }: { postId: string }) {
  const query = usePost(postId);
  const { updating } = useProjectionState(query.data, 'social');

  if (query.isPending) {
    return (
      <div className="center-block">
        <Spinner label="Loading post…" />
      </div>
    );
  }
  if (!query.data) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return notFound ? (
      <EmptyState title="Post not found" action={<ButtonLink href="/social">Back to the feed</ButtonLink>}>
        It may never have existed, or the link is wrong.
      </EmptyState>
    ) : (
      <Alert title="Could not load this post">{socialErrorMessage(query.error)}</Alert>
    );
  }

  const { post, comments } = query.data.value;
  return (
    <div className="stack post-details">
      <PageHeader title={`Post by ${post.author.name}`} actions={<UpdatingBadge updating={updating} />} />
      {query.isError ? <Alert tone="warning">Could not refresh: {socialErrorMessage(query.error)}</Alert> : null}
      <PostCard post={post} linkToPost={false} />
      <Card aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="card-title">
          Comments ({comments.length})
        </h2>
        <CommentList comments={comments} />
        <CommentForm postId={post.postId} />
      </Card>
    </div>
  );
}

'use client';

import { useState } from 'react';
import type { FeedItem } from '@/components/api/social-types';
import { useLikePost } from '@/components/api/use-like-post';
import { useUnlikePost } from '@/components/api/use-unlike-post';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { socialErrorMessage } from './social-error-message';

/**
 * A toggle (aria-pressed) whose name stays "Like" in both states, as toggle buttons should;
 * the count sits next to it. The new count comes from the command's answer.
 */
export function LikeButton({ post }: { post: FeedItem }) {
  const like = useLikePost();
  const unlike = useUnlikePost();
  const [error, setError] = useState<string | null>(null);
  const pending = like.isPending || unlike.isPending;

  const toggle = async () => {
    setError(null);
    try {
      await (post.likedByMe ? unlike : like).submit({ postId: post.postId });
    } catch (e) {
      setError(socialErrorMessage(e));
    }
  };

  return (
    <div className="like-action">
      <Button variant="ghost" className="like-button" aria-pressed={post.likedByMe} loading={pending} onClick={() => void toggle()}>
        {pending ? null : (
          <span className="like-icon" aria-hidden="true">
            {post.likedByMe ? '♥' : '♡'}
          </span>
        )}
        Like
      </Button>
      <span className="post-stat">
        {post.likeCount} {post.likeCount === 1 ? 'like' : 'likes'}
      </span>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

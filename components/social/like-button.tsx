'use client';

import { Heart } from 'lucide-react';
import { useId } from 'react';
import { toast } from 'sonner';
import type { FeedItem } from '@/components/api/social-types';
import { useLikePost } from '@/components/api/use-like-post';
import { useUnlikePost } from '@/components/api/use-unlike-post';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { socialErrorMessage } from './social-error-message';

/**
 * A toggle (aria-pressed) whose name stays "Like" in both states, as toggle buttons should; the
 * count inside it is its description ("1 like"). The new count comes from the command's answer.
 * A failure says so in a toast with Retry.
 */
export function LikeButton({ post }: { post: FeedItem }) {
  const like = useLikePost();
  const unlike = useUnlikePost();
  const countId = useId();
  const pending = like.isPending || unlike.isPending;

  const toggle = async (liked: boolean) => {
    try {
      await (liked ? unlike : like).submit({ postId: post.postId });
    } catch (e) {
      toast.error(liked ? 'Could not remove your like' : 'Could not like this post', {
        description: socialErrorMessage(e),
        action: { label: 'Retry', onClick: () => void toggle(liked) },
      });
    }
  };

  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label="Like"
      aria-pressed={post.likedByMe}
      aria-describedby={countId}
      disabled={pending}
      onClick={() => void toggle(post.likedByMe)}
      className={cn('gap-1.5 text-muted-foreground hover:text-rose-600 dark:hover:text-rose-400', post.likedByMe && 'text-rose-600 dark:text-rose-400')}
    >
      <Heart aria-hidden="true" className={cn(post.likedByMe && 'fill-current', pending && 'animate-pulse')} />
      <span id={countId} className="tabular-nums">
        {post.likeCount}
        <span className="sr-only"> {post.likeCount === 1 ? 'like' : 'likes'}</span>
      </span>
    </Button>
  );
}

'use client';

import { queryKeys } from './query-keys';
import type { CommentCreated } from './social-types';
import { useCommand } from './use-command';

/** Adds a comment to a post. 404 code: not-found (the post does not exist). */
export function useCommentOnPost() {
  return useCommand<{ postId: string; text: string }, CommentCreated>('social/comment-on-post', {
    invalidate: [queryKeys.social],
  });
}

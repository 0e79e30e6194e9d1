'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from './query-keys';
import { patchCachedPost } from './social-cache';
import type { LikeChanged } from './social-types';
import { useCommand } from './use-command';

/**
 * Takes the signed-in user's like back. 404 code: not-found.
 * The answer carries the new count, shown at once on every cached copy of the post.
 */
export function useUnlikePost() {
  const queryClient = useQueryClient();
  const command = useCommand<{ postId: string }, LikeChanged>('social/unlike-post', {
    invalidate: [queryKeys.social],
  });
  const { submit: send } = command;
  const submit = useCallback(
    async (body: { postId: string }) => {
      const result = await send(body);
      patchCachedPost(queryClient, result.postId, (item) => ({ ...item, likedByMe: result.liked, likeCount: result.likeCount }));
      return result;
    },
    [send, queryClient],
  );
  return { ...command, submit };
}

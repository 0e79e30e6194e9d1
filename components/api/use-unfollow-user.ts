'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from './query-keys';
import { patchCachedProfile } from './social-cache';
import type { FollowChanged } from './social-types';
import { useCommand } from './use-command';

/**
 * Stops following a person. 404 code: not-found.
 * The answer says whether we follow now; the follower count moves only if that changed
 * (a repeated command is a no-op on the server too).
 */
export function useUnfollowUser() {
  const queryClient = useQueryClient();
  const command = useCommand<{ userId: string }, FollowChanged>('social/unfollow-user', {
    invalidate: [queryKeys.social],
  });
  const { submit: send } = command;
  const submit = useCallback(
    async (body: { userId: string }) => {
      const result = await send(body);
      patchCachedProfile(queryClient, result.userId, (profile) =>
        profile.followedByMe === result.following
          ? profile
          : {
              ...profile,
              followedByMe: result.following,
              followerCount: Math.max(0, profile.followerCount + (result.following ? 1 : -1)),
            },
      );
      return result;
    },
    [send, queryClient],
  );
  return { ...command, submit };
}

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from './query-keys';
import { patchCachedProfile } from './social-cache';
import type { FollowChanged } from './social-types';
import { useCommand } from './use-command';

/**
 * Follows a person: their posts join the signed-in user's feed. 409 code: cannot-follow-self; 404: not-found.
 * The answer says whether we follow now; the follower count moves only if that changed
 * (a repeated command is a no-op on the server too).
 */
export function useFollowUser() {
  const queryClient = useQueryClient();
  const command = useCommand<{ userId: string }, FollowChanged>('social/follow-user', {
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

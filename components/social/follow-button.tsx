'use client';

import { useState } from 'react';
import type { Profile } from '@/components/api/social-types';
import { useFollowUser } from '@/components/api/use-follow-user';
import { useUnfollowUser } from '@/components/api/use-unfollow-user';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { socialErrorMessage } from './social-error-message';

/**
 * Follow / Unfollow a person; nothing on your own profile. The visible word is the action,
 * the accessible name adds whom (a directory page has many of these buttons).
 */
export function FollowButton({ profile }: { profile: Profile }) {
  const follow = useFollowUser();
  const unfollow = useUnfollowUser();
  const [error, setError] = useState<string | null>(null);
  if (profile.isMe) return null;

  const following = profile.followedByMe;
  const action = following ? 'Unfollow' : 'Follow';
  const run = async () => {
    setError(null);
    try {
      await (following ? unfollow : follow).submit({ userId: profile.userId });
    } catch (e) {
      setError(socialErrorMessage(e));
    }
  };

  return (
    <div className="follow-action">
      <Button
        variant={following ? 'secondary' : 'primary'}
        aria-label={`${action} ${profile.name}`}
        loading={follow.isPending || unfollow.isPending}
        onClick={() => void run()}
      >
        {action}
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

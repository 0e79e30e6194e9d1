'use client';

import { UserMinus, UserPlus } from 'lucide-react';
import { toast } from 'sonner';
import type { Profile } from '@/components/api/social-types';
import { useFollowUser } from '@/components/api/use-follow-user';
import { useUnfollowUser } from '@/components/api/use-unfollow-user';
import { Button } from '@/components/ui/button';
import { socialErrorMessage } from './social-error-message';

/**
 * Follow / Unfollow a person; nothing on your own profile. The visible word is the action,
 * the accessible name adds whom (a directory page has many of these buttons). A failure says
 * so in a toast with Retry.
 */
export function FollowButton({ profile, size }: { profile: Profile; size?: 'sm' | 'default' }) {
  const follow = useFollowUser();
  const unfollow = useUnfollowUser();
  if (profile.isMe) return null;

  const following = profile.followedByMe;
  const action = following ? 'Unfollow' : 'Follow';
  const run = async (unfollowing: boolean) => {
    try {
      await (unfollowing ? unfollow : follow).submit({ userId: profile.userId });
    } catch (e) {
      toast.error(unfollowing ? `Could not unfollow ${profile.name}` : `Could not follow ${profile.name}`, {
        description: socialErrorMessage(e),
        action: { label: 'Retry', onClick: () => void run(unfollowing) },
      });
    }
  };

  return (
    <Button
      variant={following ? 'outline' : 'default'}
      size={size}
      aria-label={`${action} ${profile.name}`}
      loading={follow.isPending || unfollow.isPending}
      onClick={() => void run(following)}
      className={size === 'sm' ? 'sm:min-w-24' : 'min-w-24'}
    >
      {follow.isPending || unfollow.isPending ? null : following ? <UserMinus aria-hidden="true" /> : <UserPlus aria-hidden="true" />}
      {size === 'sm' ? <span className="sr-only sm:not-sr-only">{action}</span> : action}
    </Button>
  );
}

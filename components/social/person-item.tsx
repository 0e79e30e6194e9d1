import Link from 'next/link';
import type { Profile } from '@/components/api/social-types';
import { Badge } from '@/components/ui/badge';
import { FollowButton } from './follow-button';
import { ProfileCounts } from './profile-counts';

/** One person in the directory: link to the profile, counts, follow. */
export function PersonItem({ profile }: { profile: Profile }) {
  return (
    <li className="person-item">
      <div className="person-main">
        <Link href={`/social/users/${encodeURIComponent(profile.userId)}`} className="person-name">
          {profile.name}
        </Link>
        <ProfileCounts profile={profile} compact />
      </div>
      {profile.isMe ? <Badge tone="info">You</Badge> : <FollowButton profile={profile} />}
    </li>
  );
}

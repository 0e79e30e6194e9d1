import type { Profile } from '@/components/api/social-types';

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "12 posts · 3 followers · 5 following". */
export function ProfileCounts({ profile, compact = false }: { profile: Profile; compact?: boolean }) {
  return (
    <ul className={compact ? 'profile-counts profile-counts-compact' : 'profile-counts'}>
      <li>
        <strong>{profile.postCount}</strong> {plural(profile.postCount, 'post', 'posts')}
      </li>
      <li>
        <strong>{profile.followerCount}</strong> {plural(profile.followerCount, 'follower', 'followers')}
      </li>
      <li>
        <strong>{profile.followingCount}</strong> following
      </li>
    </ul>
  );
}

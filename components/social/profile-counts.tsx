import type { Profile } from '@/components/api/social-types';
import { cn } from '@/components/ui/cn';

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

const format = new Intl.NumberFormat();

/**
 * Posts, followers, following. As key figures (big numbers in tiles) on a profile, or one
 * muted line ("12 posts · 3 followers · 5 following") in the directory. Each item reads as
 * "3 followers" either way.
 */
export function ProfileCounts({ profile, compact = false }: { profile: Profile; compact?: boolean }) {
  const items = [
    { n: profile.postCount, label: plural(profile.postCount, 'post', 'posts') },
    { n: profile.followerCount, label: plural(profile.followerCount, 'follower', 'followers') },
    { n: profile.followingCount, label: 'following' },
  ];
  if (compact) {
    return (
      <ul className="flex flex-wrap gap-x-3 gap-y-0.5 text-muted-foreground text-xs">
        {items.map(({ n, label }) => (
          <li key={label}>
            <span className="font-medium text-foreground tabular-nums">{format.format(n)}</span> {label}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="grid grid-cols-3 gap-2 sm:gap-3" aria-label="Key figures">
      {items.map(({ n, label }) => (
        <li key={label} className={cn('flex flex-col gap-0.5 rounded-lg border bg-background/60 px-3 py-2.5 sm:px-4 sm:py-3')}>
          <span className="font-semibold text-xl tabular-nums tracking-tight sm:text-2xl">{format.format(n)}</span>{' '}
          <span className="text-muted-foreground text-xs first-letter:uppercase sm:text-sm">{label}</span>
        </li>
      ))}
    </ul>
  );
}

import Link from 'next/link';
import type { Person } from '@/components/api/social-types';
import { InitialsAvatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { FollowButton } from './follow-button';
import { ProfileCounts } from './profile-counts';
import { profileHref } from './profile-href';

/** One person in the directory: avatar, name (to the profile), email (tells namesakes apart), counts, follow. */
export function PersonItem({ person }: { person: Person }) {
  return (
    <li className="flex min-w-0 items-center gap-3 px-4 py-3 transition-colors hover:bg-muted/40">
      <InitialsAvatar name={person.name} className="size-10" />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <p className="flex min-w-0 items-center gap-1.5">
          <Link href={profileHref(person.userId)} className="min-w-0 truncate font-semibold text-foreground no-underline hover:text-foreground hover:underline">
            {person.name}
          </Link>
          {person.isMe ? <Badge tone="info">You</Badge> : null}
        </p>
        {person.email ? <p className="truncate text-muted-foreground text-sm">{person.email}</p> : null}
        <ProfileCounts profile={person} compact />
      </div>
      {person.isMe ? null : <FollowButton profile={person} size="sm" />}
    </li>
  );
}

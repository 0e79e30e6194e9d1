'use client';

import Link from 'next/link';
import { useCurrentUser } from '@/components/shell/use-current-user';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { profileHref } from './profile-href';

type AuthorLinkProps = { userId: string; name: string; className?: string; id?: string };

/**
 * A person's name as a link to their profile, everywhere a name is shown (posts, comments, the
 * directory). Your own name is no exception: it links to your profile, like the user menu, with a
 * "You" badge beside it.
 */
export function AuthorLink({ userId, name, className, id }: AuthorLinkProps) {
  const { user } = useCurrentUser();
  const isMe = user?.id === userId;
  return (
    <span id={id} className="inline-flex min-w-0 items-center gap-1.5">
      <Link
        href={profileHref(userId)}
        className={cn('min-w-0 truncate font-semibold text-foreground no-underline hover:text-foreground hover:underline', className)}
      >
        {name}
      </Link>
      {isMe ? (
        <Badge tone="info" className="px-1.5 py-0 text-[0.6875rem]">
          You
        </Badge>
      ) : null}
    </span>
  );
}

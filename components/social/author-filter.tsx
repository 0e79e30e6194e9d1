'use client';

import Link from 'next/link';
import type { FeedFilters } from '@/components/api/social-types';
import { useProfile } from '@/components/api/use-profile';
import { feedHref } from './feed-href';

/** "Only posts by Ada · Show everyone": the author filter is set by links, so it is removed by one. */
export function AuthorFilter({ filters }: { filters: FeedFilters & { author: string } }) {
  const profile = useProfile(filters.author);
  const name = profile.data?.value.name;

  return (
    <p className="author-filter">
      <span>Only posts by {name ? <Link href={`/social/users/${encodeURIComponent(filters.author)}`}>{name}</Link> : 'one person'}</span>
      <Link href={feedHref({ ...filters, author: undefined })} className="small">
        Show everyone
      </Link>
    </p>
  );
}

import type { Metadata } from 'next';
import { parseFeedFilters } from '@/components/social/parse-feed-filters';
import { SocialFeed } from '@/components/social/social-feed';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Feed' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FeedPage({ searchParams }: Props) {
  const filters = parseFeedFilters(await searchParams);
  return (
    <>
      <PageHeader title="Feed" description="Posts from people you follow, as they are published." />
      <SocialFeed filters={filters} />
    </>
  );
}

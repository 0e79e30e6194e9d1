import type { Metadata } from 'next';
import { PeopleDirectory } from '@/components/social/people-directory';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'People' };

type Props = { searchParams: Promise<{ prefix?: string | string[] }> };

export default async function PeoplePage({ searchParams }: Props) {
  const { prefix } = await searchParams;
  return (
    <>
      <PageHeader title="People" description="Find people to follow; their posts then appear in your feed." />
      <PeopleDirectory initialPrefix={(Array.isArray(prefix) ? prefix[0] : prefix)?.trim() ?? ''} />
    </>
  );
}

import type { Metadata } from 'next';
import { PeopleDirectory } from '@/components/social/people-directory';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'People' };

type Props = { searchParams: Promise<{ q?: string | string[]; prefix?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

export default async function PeoplePage({ searchParams }: Props) {
  const { q, prefix } = await searchParams;
  return (
    <>
      <PageHeader title="People" description="Find people to follow; their posts then appear in your feed." />
      {/* ?prefix= is what older links carry. */}
      <PeopleDirectory initialSearch={(first(q) || first(prefix)).slice(0, 50)} />
    </>
  );
}

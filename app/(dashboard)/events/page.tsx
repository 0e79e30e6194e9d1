import type { Metadata } from 'next';
import { NewEventButton } from '@/components/events/new-event-button';
import { UpcomingEvents } from '@/components/events/upcoming-events';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Upcoming events' };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function EventsPage({ searchParams }: Props) {
  const { q } = await searchParams;
  return (
    <>
      <PageHeader title="Upcoming events" description="Find something to go to, and save your seat." actions={<NewEventButton />} />
      <UpcomingEvents initialQuery={(Array.isArray(q) ? q[0] : q)?.trim() ?? ''} />
    </>
  );
}

import { PlusIcon } from 'lucide-react';
import type { Metadata } from 'next';
import { OrganizerOnly } from '@/components/events/organizer-only';
import { UpcomingEvents } from '@/components/events/upcoming-events';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Upcoming events' };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function EventsPage({ searchParams }: Props) {
  const { q } = await searchParams;
  return (
    <>
      <PageHeader
        title="Upcoming events"
        description="Find something to go to, and save your seat."
        actions={
          <OrganizerOnly>
            <ButtonLink href="/events/new" variant="primary">
              <PlusIcon aria-hidden />
              New event
            </ButtonLink>
          </OrganizerOnly>
        }
      />
      <UpcomingEvents initialQuery={(Array.isArray(q) ? q[0] : q)?.trim() ?? ''} />
    </>
  );
}

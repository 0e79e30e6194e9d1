import type { Metadata } from 'next';
import { EditEventForm } from '@/components/events/edit-event-form';
import { PageHeader } from '@/components/ui/page-header';
import { loadEvent } from '../load-event';

type Props = { params: Promise<{ eventId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadEvent((await params).eventId);
  return { title: event ? `Edit ${event.title}` : 'Edit event' };
}

// A malformed or unknown id is the shell's 404 (HTTP 404), checked on the server before rendering.
export default async function EditEventPage({ params }: Props) {
  const { eventId } = await params;
  await loadEvent(eventId);
  return (
    <>
      <PageHeader title="Edit event" description="Attendees see the changes as soon as you save." />
      <EditEventForm eventId={eventId} />
    </>
  );
}

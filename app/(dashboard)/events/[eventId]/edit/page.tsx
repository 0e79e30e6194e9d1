import type { Metadata } from 'next';
import { EditEventForm } from '@/components/events/edit-event-form';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Edit event' };

type Props = { params: Promise<{ eventId: string }> };

export default async function EditEventPage({ params }: Props) {
  const { eventId } = await params;
  return (
    <>
      <PageHeader title="Edit event" />
      <EditEventForm eventId={eventId} />
    </>
  );
}

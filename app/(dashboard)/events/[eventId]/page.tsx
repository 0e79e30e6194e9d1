import type { Metadata } from 'next';
import { EventDetailsPanel } from '@/components/events/event-details-panel';

export const metadata: Metadata = { title: 'Event' };

type Props = { params: Promise<{ eventId: string }> };

export default async function EventPage({ params }: Props) {
  const { eventId } = await params;
  return <EventDetailsPanel eventId={eventId} />;
}

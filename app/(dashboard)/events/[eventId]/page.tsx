import type { Metadata } from 'next';
import { EventDetailsPanel } from '@/components/events/event-details-panel';
import { loadEvent } from './load-event';

type Props = { params: Promise<{ eventId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadEvent((await params).eventId);
  return { title: event?.title ?? 'Event' };
}

// A malformed or unknown id is the shell's 404 (HTTP 404), checked on the server before rendering.
export default async function EventPage({ params }: Props) {
  const { eventId } = await params;
  await loadEvent(eventId);
  return <EventDetailsPanel eventId={eventId} />;
}

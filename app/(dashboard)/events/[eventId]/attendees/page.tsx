import type { Metadata } from 'next';
import { EventAttendees } from '@/components/events/event-attendees';
import { loadEvent } from '../load-event';

type Props = { params: Promise<{ eventId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadEvent((await params).eventId);
  return { title: event ? `Attendees of ${event.title}` : 'Attendees' };
}

// The organizer's list of who registered; the API refuses anyone else (403), and the page says so.
export default async function EventAttendeesPage({ params }: Props) {
  const { eventId } = await params;
  await loadEvent(eventId);
  return <EventAttendees eventId={eventId} />;
}

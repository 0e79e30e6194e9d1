import type { Metadata } from 'next';
import { NewEventForm } from '@/components/events/new-event-form';
import { RoleGate } from '@/components/shell/role-gate';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'New event' };

export default function NewEventPage() {
  return (
    <>
      <PageHeader title="New event" description="Attendees can register as soon as it is published." />
      <RoleGate role="organizer" what="create events">
        <NewEventForm />
      </RoleGate>
    </>
  );
}

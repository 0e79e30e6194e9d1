import type { Metadata } from 'next';
import { OrganizedEvents } from '@/components/events/organized-events';
import { NewEventButton } from '@/components/events/new-event-button';
import { RoleGate } from '@/components/shell/role-gate';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'My events' };

export default function OrganizerPage() {
  return (
    <>
      <PageHeader title="My events" description="Events you organize, including past and deleted ones." actions={<NewEventButton />} />
      <RoleGate role="organizer" what="organize events">
        <OrganizedEvents />
      </RoleGate>
    </>
  );
}

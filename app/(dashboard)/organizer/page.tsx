import { PlusIcon } from 'lucide-react';
import type { Metadata } from 'next';
import { OrganizedEvents } from '@/components/events/organized-events';
import { OrganizerOnly } from '@/components/events/organizer-only';
import { RoleGate } from '@/components/shell/role-gate';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'My events' };

export default function OrganizerPage() {
  return (
    <>
      <PageHeader
        title="My events"
        description="Events you organize, including past and deleted ones."
        actions={
          <OrganizerOnly>
            <ButtonLink href="/events/new" variant="primary">
              <PlusIcon aria-hidden />
              New event
            </ButtonLink>
          </OrganizerOnly>
        }
      />
      <RoleGate role="organizer" what="organize events">
        <OrganizedEvents />
      </RoleGate>
    </>
  );
}

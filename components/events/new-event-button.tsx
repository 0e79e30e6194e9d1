import { PlusIcon } from 'lucide-react';
import { ButtonLink } from '@/components/ui/button-link';
import { OrganizerOnly } from './organizer-only';

/** The page header's "New event" action, shown to organizers only (nobody else may create one). */
export function NewEventButton() {
  return (
    <OrganizerOnly>
      <ButtonLink href="/events/new" variant="primary">
        <PlusIcon aria-hidden />
        New event
      </ButtonLink>
    </OrganizerOnly>
  );
}

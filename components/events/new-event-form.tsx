'use client';

import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { useCreateEvent } from '@/components/api/use-create-event';
import { ButtonLink } from '@/components/ui/button-link';
import { EventForm, emptyEventFormValues } from './event-form';

/** Create an event, then open its page (which reads it with the returned consistency token). */
export function NewEventForm() {
  const router = useRouter();
  const create = useCreateEvent();

  return (
    <EventForm
      initialValues={emptyEventFormValues}
      submitLabel="Create event"
      pending={create.isPending || create.isSuccess}
      error={create.error}
      onSubmit={async (input) => {
        try {
          const { eventId } = await create.submit(input);
          toast.success('Event created', { description: `“${input.title}” is open for registration.` });
          router.push(`/events/${encodeURIComponent(eventId)}`);
        } catch {
          // Shown by the form through create.error.
        }
      }}
      secondaryAction={
        <ButtonLink href="/organizer" variant="ghost">
          Cancel
        </ButtonLink>
      }
    />
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { ApiError, isApiError } from '@/components/api/api-error';
import type { EventDetails, EventInput, UpdateEventInput } from '@/components/api/event-types';
import { useEvent } from '@/components/api/use-event';
import { useProjectionState } from '@/components/api/use-projection-state';
import { useUpdateEvent } from '@/components/api/use-update-event';
import { useBreadcrumbTitle } from '@/components/shell/breadcrumb-title';
import { useCurrentUser } from '@/components/shell/use-current-user';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { eventErrorMessage } from './event-error-message';
import { EventForm, eventToFormValues } from './event-form';
import { EventFormSkeleton } from './event-skeletons';

/** Only the fields the organizer changed, plus the version they were editing. */
function changes(base: EventDetails, input: EventInput): UpdateEventInput {
  const patch: UpdateEventInput = { eventId: base.eventId, expectedVersion: base.version };
  if (input.title !== base.title) patch.title = input.title;
  if ((input.description ?? '') !== (base.description ?? '')) patch.description = input.description ?? '';
  if ((input.venue ?? '') !== (base.venue ?? '')) patch.venue = input.venue ?? '';
  if (Date.parse(input.startsAt) !== Date.parse(base.startsAt)) patch.startsAt = input.startsAt;
  const newEnd = input.endsAt ? Date.parse(input.endsAt) : null;
  const oldEnd = base.endsAt ? Date.parse(base.endsAt) : null;
  if (newEnd !== oldEnd) patch.endsAt = input.endsAt ?? null;
  if (input.capacity !== base.capacity) patch.capacity = input.capacity;
  return patch;
}

/**
 * Edit an event against the version it was loaded at (expectedVersion): if someone else
 * saved in between, the server answers version-conflict and we offer to load the latest.
 */
export function EditEventForm({ eventId }: { eventId: string }) {
  const router = useRouter();
  const query = useEvent(eventId);
  const { updating } = useProjectionState(query.data);
  const update = useUpdateEvent();
  const { user } = useCurrentUser();
  const [base, setBase] = useState<EventDetails | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [reloading, setReloading] = useState(false);

  useBreadcrumbTitle(base?.title ?? query.data?.value.title);

  // Pin the version being edited the first time a caught-up read arrives.
  const latest = query.data && !updating ? query.data.value : null;
  if (!base && latest) setBase(latest);

  const loadLatest = async () => {
    setReloading(true);
    const result = await query.refetch();
    setReloading(false);
    if (result.data) {
      setBase(result.data.value);
      update.reset();
      setFormKey((k) => k + 1);
    }
  };

  if (!base) {
    if (query.isPending || (query.data && updating)) {
      return <EventFormSkeleton label={updating ? 'Waiting for the latest version…' : 'Loading event…'} />;
    }
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return notFound ? (
      <EmptyState title="Event not found" action={<ButtonLink href="/organizer">Back to my events</ButtonLink>} />
    ) : (
      <Alert title="Could not load this event">
        <p>{eventErrorMessage(query.error)}</p>
        <Button variant="outline" size="sm" loading={query.isFetching} onClick={() => void query.refetch()}>
          Retry
        </Button>
      </Alert>
    );
  }

  if (user && user.id !== base.organizer.userId) {
    return <Alert title="Not your event">Only the organizer of this event can edit it.</Alert>;
  }
  if (base.status === 'deleted') {
    return <Alert title="Event deleted">This event has been deleted and can no longer be edited.</Alert>;
  }

  const changedMeanwhile = latest !== null && latest.version > base.version && !update.isPending && !update.isSuccess;
  const detailsHref = `/events/${encodeURIComponent(eventId)}`;

  return (
    <div className="flex flex-col gap-4">
      {changedMeanwhile && !isApiError(update.error, 'version-conflict') ? (
        <Alert tone="warning" title="This event changed while you were editing">
          <p>Someone saved a newer version. Saving now will be refused; load the latest version first.</p>
          <Button variant="secondary" onClick={() => void loadLatest()} loading={reloading}>
            Load latest version
          </Button>
        </Alert>
      ) : null}
      <EventForm
        key={formKey}
        initialValues={eventToFormValues(base)}
        submitLabel="Save changes"
        pending={update.isPending || update.isSuccess}
        error={update.error}
        renderError={(error) =>
          isApiError(error, 'version-conflict') ? (
            <Alert title="Someone else changed this event" testId="version-conflict">
              <p>
                It was saved by someone else after you opened it (you were editing version {base.version}). Load the latest version and apply your changes
                again; your current edits will be replaced.
              </p>
              <Button variant="secondary" onClick={() => void loadLatest()} loading={reloading}>
                Load latest version
              </Button>
            </Alert>
          ) : undefined
        }
        onSubmit={async (input) => {
          const patch = changes(base, input);
          if (Object.keys(patch).length <= 2) {
            router.push(detailsHref);
            return;
          }
          try {
            await update.submit(patch);
            toast.success('Changes saved', { description: `“${input.title}” is up to date.` });
            router.push(detailsHref);
          } catch {
            // Shown by the form through update.error.
          }
        }}
        secondaryAction={
          <ButtonLink href={detailsHref} variant="ghost">
            Cancel
          </ButtonLink>
        }
      />
    </div>
  );
}

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { CheckCircle2Icon, PencilIcon, UsersIcon } from 'lucide-react';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { EventDetails } from '@/components/api/event-types';
import { queryKeys } from '@/components/api/query-keys';
import { useCancelRegistration } from '@/components/api/use-cancel-registration';
import { useMyRegistrations } from '@/components/api/use-my-registrations';
import { useProjectionState } from '@/components/api/use-projection-state';
import { useRegisterParticipant } from '@/components/api/use-register-participant';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { DeleteEventButton } from './delete-event-button';
import { eventErrorMessage } from './event-error-message';
import { formatEventDate } from './format-event-date';

/**
 * Register / cancel for the signed-in user. Whether I am registered comes from the
 * my-registrations read model; while it (or the event) has not caught up with my last
 * command the button waits ("Updating…") instead of offering a stale choice. Cancelling asks
 * first, as deleting an event does; both outcomes are confirmed by a toast. After either, the
 * keyboard lands on the button that replaced the one pressed (not on the page body).
 * The event's organizer gets their own tools instead of a Register button.
 */
export function RegistrationAction({ event, eventUpdating, isOrganizer }: { event: EventDetails; eventUpdating: boolean; isOrganizer: boolean }) {
  const queryClient = useQueryClient();
  const registrations = useMyRegistrations({ enabled: !isOrganizer });
  const { updating: registrationsUpdating } = useProjectionState(registrations.data);
  const register = useRegisterParticipant();
  const cancel = useCancelRegistration();
  const [error, setError] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);

  // Focus the next enabled action button once it appears, after a register or cancel. A dialog
  // still closing keeps (and then restores) focus itself, so wait until it has gone.
  const focusNext = useRef(false);
  const actionRef = useCallback((el: HTMLButtonElement | null) => {
    if (el && focusNext.current) {
      focusNext.current = false;
      focusWhenNoDialog(el);
    }
  }, []);
  const cancelButton = useRef<HTMLButtonElement | null>(null);
  // Stable (a new function each render would be called again on every render).
  const cancelRef = useCallback(
    (el: HTMLButtonElement | null) => {
      cancelButton.current = el;
      actionRef(el);
    },
    [actionRef],
  );

  const eventHref = `/events/${encodeURIComponent(event.eventId)}`;
  if (isOrganizer) {
    return (
      <div className="flex flex-col gap-3" data-testid="organizer-tools">
        <p className="flex items-center gap-2 font-medium text-sm">
          <CheckCircle2Icon aria-hidden className="size-4 text-success" />
          You organize this event
        </p>
        <div className="flex flex-wrap gap-2">
          {event.status !== 'deleted' ? (
            <ButtonLink href={`${eventHref}/edit`} variant="outline" size="sm">
              <PencilIcon aria-hidden />
              Edit
            </ButtonLink>
          ) : null}
          <ButtonLink href={`${eventHref}/attendees`} variant="outline" size="sm">
            <UsersIcon aria-hidden />
            Attendees
          </ButtonLink>
          {event.status !== 'deleted' ? <DeleteEventButton eventId={event.eventId} title={event.title} size="sm" /> : null}
        </div>
      </div>
    );
  }

  const mine = registrations.data?.value.items.find((r) => r.eventId === event.eventId);
  const isRegistered = mine?.status === 'registered';
  const started = new Date(event.startsAt).getTime() <= Date.now();
  const busy = register.isPending || cancel.isPending;
  const catchingUp = registrationsUpdating || eventUpdating;

  const run = async (action: 'register' | 'cancel') => {
    setError(null);
    // Set before the command: its answer may re-render the next button before this continues.
    focusNext.current = true;
    try {
      if (action === 'register') {
        await register.submit({ eventId: event.eventId });
        toast.success('You’re registered. See you there!', { description: `${event.title}, ${formatEventDate(event.startsAt)}` });
      } else {
        await cancel.submit({ eventId: event.eventId });
        toast.success('Registration cancelled', { description: 'Your seat was released for someone else.' });
      }
    } catch (e) {
      focusNext.current = false;
      setError(eventErrorMessage(e));
      // The refusal means our view was behind (full, already registered...): read again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.events });
    }
  };

  let content: ReactNode;
  if (event.status === 'deleted') {
    content = <p className="text-muted-foreground text-sm">This event was deleted; registrations were cancelled.</p>;
  } else if (registrations.isPending) {
    content = (
      <>
        <span className="sr-only" role="status">
          Checking your registration…
        </span>
        <Skeleton className="h-9 w-32" />
      </>
    );
  } else if (catchingUp && !busy) {
    content = (
      <Button variant="secondary" disabled>
        Updating…
      </Button>
    );
  } else if (isRegistered) {
    content = (
      <>
        <Badge tone="success" data-testid="registration-status">
          You’re registered
        </Badge>
        {!started ? (
          <Button ref={cancelRef} variant="outline" loading={cancel.isPending} disabled={busy} onClick={() => setConfirmCancel(true)}>
            Cancel registration
          </Button>
        ) : null}
      </>
    );
  } else if (started) {
    content = <p className="text-muted-foreground text-sm">Registration is closed: this event has already started.</p>;
  } else if (event.seatsLeft <= 0) {
    content = (
      <>
        <Badge tone="danger">This event is full</Badge>
        <Button disabled>Register</Button>
      </>
    );
  } else {
    content = (
      <Button ref={actionRef} loading={register.isPending} disabled={busy} onClick={() => void run('register')}>
        Register
      </Button>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">{content}</div>
      {error ? <Alert testId="registration-error">{error}</Alert> : null}
      <ConfirmDialog
        open={confirmCancel}
        title="Cancel your registration?"
        confirmLabel="Cancel registration"
        cancelLabel="Keep my seat"
        busy={cancel.isPending}
        onCancel={() => {
          setConfirmCancel(false);
          if (cancelButton.current) focusWhenNoDialog(cancelButton.current);
        }}
        onConfirm={async () => {
          await run('cancel');
          setConfirmCancel(false);
        }}
      >
        <p className="[overflow-wrap:anywhere]">
          Your seat at “{event.title}” will be released for someone else. You can register again later if seats are left.
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** Focuses `el` once no alert dialog is open (for at most a second), unless it has left the page. */
function focusWhenNoDialog(el: HTMLElement) {
  const deadline = Date.now() + 1000;
  const tick = () => {
    if (document.querySelector('[role="alertdialog"]') && Date.now() < deadline) {
      requestAnimationFrame(tick);
      return;
    }
    // After the dialog's own focus restore, which runs on a timer once it unmounts.
    setTimeout(() => {
      if (el.isConnected && document.activeElement !== el) el.focus();
    }, 30);
  };
  requestAnimationFrame(tick);
}

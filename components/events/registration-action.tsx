'use client';

import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { EventDetails } from '@/components/api/event-types';
import { useCancelRegistration } from '@/components/api/use-cancel-registration';
import { useMyRegistrations } from '@/components/api/use-my-registrations';
import { useProjectionState } from '@/components/api/use-projection-state';
import { queryKeys } from '@/components/api/query-keys';
import { useRegisterParticipant } from '@/components/api/use-register-participant';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { eventErrorMessage } from './event-error-message';

type Notice = { tone: 'success' | 'error' | 'info'; text: string };

/**
 * Register / cancel for the signed-in user. Whether I am registered comes from the
 * my-registrations read model; while it (or the event) has not caught up with my last
 * command the button waits ("Updating…") instead of offering a stale choice.
 */
export function RegistrationAction({ event, eventUpdating }: { event: EventDetails; eventUpdating: boolean }) {
  const queryClient = useQueryClient();
  const registrations = useMyRegistrations();
  const { updating: registrationsUpdating } = useProjectionState(registrations.data);
  const register = useRegisterParticipant();
  const cancel = useCancelRegistration();
  const [notice, setNotice] = useState<Notice | null>(null);

  const mine = registrations.data?.value.items.find((r) => r.eventId === event.eventId);
  const isRegistered = mine?.status === 'registered';
  const started = new Date(event.startsAt).getTime() <= Date.now();
  const busy = register.isPending || cancel.isPending;
  const catchingUp = registrationsUpdating || eventUpdating;

  const run = async (action: 'register' | 'cancel') => {
    setNotice(null);
    try {
      if (action === 'register') {
        await register.submit({ eventId: event.eventId });
        setNotice({ tone: 'success', text: 'You’re registered. See you there!' });
      } else {
        await cancel.submit({ eventId: event.eventId });
        setNotice({ tone: 'info', text: 'Your registration was cancelled and your seat released.' });
      }
    } catch (error) {
      setNotice({ tone: 'error', text: eventErrorMessage(error) });
      // The refusal means our view was behind (full, already registered...): read again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.events });
    }
  };

  let content: ReactNode;
  if (event.status === 'deleted') {
    content = <p className="muted">This event has been deleted.</p>;
  } else if (registrations.isPending) {
    content = <Spinner size="sm" label="Checking your registration…" />;
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
          <Button variant="secondary" loading={cancel.isPending} disabled={busy} onClick={() => void run('cancel')}>
            Cancel registration
          </Button>
        ) : null}
      </>
    );
  } else if (started) {
    content = <p className="muted">Registration is closed: this event has already started.</p>;
  } else if (event.seatsLeft <= 0) {
    content = (
      <>
        <Badge tone="danger">This event is full</Badge>
        <Button disabled>Register</Button>
      </>
    );
  } else {
    content = (
      <Button loading={register.isPending} disabled={busy} onClick={() => void run('register')}>
        Register
      </Button>
    );
  }

  return (
    <div className="registration-action">
      <div className="registration-controls">{content}</div>
      <div aria-live="polite" className="registration-notice">
        {notice && notice.tone !== 'error' ? <p className={`notice notice-${notice.tone}`}>{notice.text}</p> : null}
      </div>
      {notice?.tone === 'error' ? <Alert testId="registration-error">{notice.text}</Alert> : null}
    </div>
  );
}

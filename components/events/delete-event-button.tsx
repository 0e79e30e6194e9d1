'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useDeleteEvent } from '@/components/api/use-delete-event';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { eventErrorMessage } from './event-error-message';

/** Delete with a confirmation; afterwards go to the organizer's list. */
export function DeleteEventButton({ eventId, title }: { eventId: string; title: string }) {
  const router = useRouter();
  const deleteEvent = useDeleteEvent();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <>
      <Button
        variant="danger"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title="Delete this event?"
        confirmLabel="Delete event"
        busy={deleteEvent.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={async () => {
          try {
            await deleteEvent.submit({ eventId });
            setOpen(false);
            router.push('/organizer');
          } catch (e) {
            setOpen(false);
            setError(eventErrorMessage(e));
          }
        }}
      >
        <p>“{title}” will disappear from upcoming events, and everyone registered will see their registration as cancelled. This cannot be undone.</p>
      </ConfirmDialog>
      {error ? <Alert>{error}</Alert> : null}
    </>
  );
}

'use client';

import { Trash2Icon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { useDeleteEvent } from '@/components/api/use-delete-event';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { eventErrorMessage } from './event-error-message';

/**
 * Delete with a confirmation; afterwards a toast and the organizer's list. The dialog's promise
 * ("their registration as cancelled") is what My registrations shows: "Cancelled — event deleted".
 */
export function DeleteEventButton({ eventId, title, size }: { eventId: string; title: string; size?: 'sm' | 'default' }) {
  const router = useRouter();
  const deleteEvent = useDeleteEvent();
  const [open, setOpen] = useState(false);

  return (
    <>
      <Button variant="outline" size={size} className="text-destructive hover:text-destructive" onClick={() => setOpen(true)}>
        <Trash2Icon aria-hidden />
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
            toast.success('Event deleted', { description: `“${title}” is gone; its registrations were cancelled.` });
            router.push('/organizer');
          } catch (e) {
            setOpen(false);
            toast.error('The event was not deleted', { description: eventErrorMessage(e) });
          }
        }}
      >
        <p className="[overflow-wrap:anywhere]">
          “{title}” will disappear from upcoming events, and everyone registered will see their registration as cancelled. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

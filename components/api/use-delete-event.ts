'use client';

import { queryKeys } from './query-keys';
import { useCommand } from './use-command';

/** Deletes an event; its registrations show as cancelled to their participants. */
export function useDeleteEvent() {
  return useCommand<{ eventId: string }, Record<string, unknown>>('events/delete-event', {
    invalidate: [queryKeys.events],
  });
}

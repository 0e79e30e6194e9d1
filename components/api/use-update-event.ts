'use client';

import type { UpdateEventInput } from './event-types';
import { queryKeys } from './query-keys';
import { useCommand } from './use-command';

/** Send `expectedVersion` to get a 409 version-conflict instead of overwriting a newer edit. */
export function useUpdateEvent() {
  return useCommand<UpdateEventInput, { eventId: string; version: number }>('events/update-event', {
    invalidate: [queryKeys.events],
  });
}

'use client';

import type { EventInput } from './event-types';
import { queryKeys } from './query-keys';
import { useCommand } from './use-command';

/** Organizers only. Resolves with the new id; the page then reads it with the returned token. */
export function useCreateEvent() {
  return useCommand<EventInput, { eventId: string; version: number }>('events/create-event', {
    invalidate: [queryKeys.events],
  });
}

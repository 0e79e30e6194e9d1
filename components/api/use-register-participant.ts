'use client';

import { queryKeys } from './query-keys';
import { useCommand } from './use-command';

/** Registers the signed-in user. 409 codes: event-full, already-registered, event-deleted, event-past. */
export function useRegisterParticipant() {
  return useCommand<{ eventId: string }, { registrationId: string }>('events/register-participant', {
    invalidate: [queryKeys.events],
  });
}

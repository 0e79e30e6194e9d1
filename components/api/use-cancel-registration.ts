'use client';

import { queryKeys } from './query-keys';
import { useCommand } from './use-command';

/** Frees the signed-in user's seat. 409 code: not-registered. */
export function useCancelRegistration() {
  return useCommand<{ eventId: string }, Record<string, unknown>>('events/cancel-registration', {
    invalidate: [queryKeys.events],
  });
}

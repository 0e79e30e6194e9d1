'use client';

import { useSyncExternalStore } from 'react';
import type { Projected } from './api-client';
import { getConsistencyToken, subscribeConsistencyTokens } from './consistency-store';

/**
 * Whether the data on screen may not yet include the user's own latest change:
 * either the server said the projection is stale, or the data was read before
 * the latest command of this context (its refetch is in flight).
 */
export function useProjectionState(data: Projected<unknown> | undefined, context = 'events'): { updating: boolean } {
  const latestToken = useSyncExternalStore(
    subscribeConsistencyTokens,
    () => getConsistencyToken(context),
    () => null,
  );
  if (!data) return { updating: false };
  const readBeforeLatestCommand = latestToken !== null && data.token !== latestToken;
  return { updating: data.stale || readBeforeLatestCommand };
}

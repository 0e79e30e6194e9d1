'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import type { AttendeePage, AttendeeSort, AttendeeStatus } from './event-types';
import { queryKeys } from './query-keys';
import { staleRefetchInterval } from './stale-refetch-interval';

export interface AttendeeOptions {
  status?: AttendeeStatus;
  sort?: AttendeeSort;
  /** Rows per page (1-200, default 50). */
  limit?: number;
  /** `nextCursor` of the previous page; a cursor belongs to its sort (another sort's is a 400). */
  cursor?: string | null;
}

/**
 * Who registered for an event, for its organizer (others get 403 `not-organizer`): one page,
 * filtered by status and sorted by registration time or name. The previous page stays on screen
 * while the next loads, so a table does not blank when sorted or paged.
 */
export function useEventAttendees(eventId: string, { status, sort = 'registeredAt', limit = 50, cursor = null }: AttendeeOptions = {}) {
  return useQuery({
    queryKey: queryKeys.attendees(eventId, { status, sort, limit, cursor }),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ sort, limit: String(limit) });
      if (status) params.set('status', status);
      if (cursor) params.set('cursor', cursor);
      return fetchQuery<AttendeePage>(`events/${encodeURIComponent(eventId)}/attendees?${params}`, { signal });
    },
    placeholderData: keepPreviousData,
    refetchInterval: staleRefetchInterval(false),
  });
}

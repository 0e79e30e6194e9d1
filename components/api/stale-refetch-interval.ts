import type { Projected } from './api-client';
import { ApiError } from './api-error';

/** The parts of a TanStack query's state the refetch policy reads. */
type PolledQuery = { state: { data: Projected<unknown> | undefined; error?: unknown; status?: string; errorUpdateCount?: number } };

/** Longest pause between reads while the API keeps failing. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * An answer that reading again will not change: the request itself is wrong or refused (4xx),
 * except "too many requests" and "timeout", which are worth another try later.
 */
export function isFinalError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/** TanStack Query `retry`: a transient failure is retried (with its exponential delay) twice; a 404 or 403 never. */
export function retryTransient(failureCount: number, error: unknown): boolean {
  return !isFinalError(error) && failureCount < 2;
}

/**
 * While the server answers "stale", poll quickly; otherwise use the normal cadence. When reads fail:
 * nothing is polled while there is nothing on screen (the page shows the error and a Retry button:
 * polling would flip it back to a loading state every few seconds), a final error (404) is never
 * asked again, and a page that still shows older data backs off, doubling the pause per failure.
 */
export function staleRefetchInterval(normalMs: number | false, staleMs = 1000) {
  return (query: PolledQuery): number | false => {
    const { data, error, status, errorUpdateCount = 0 } = query.state;
    if (status === 'error' || (error && !data)) {
      if (!data || isFinalError(error) || normalMs === false) return false;
      return Math.min(MAX_BACKOFF_MS, normalMs * 2 ** Math.min(errorUpdateCount, 6));
    }
    return data?.stale ? staleMs : normalMs;
  };
}

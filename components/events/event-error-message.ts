import { ApiError, NetworkError } from '@/components/api/api-error';

const byCode: Record<string, string> = {
  'event-full': 'This event is full.',
  'already-registered': 'You are already registered for this event.',
  'event-deleted': 'This event has been deleted.',
  'event-past': 'This event has already started; registration is closed.',
  'not-registered': 'You are not registered for this event.',
  'version-conflict': 'Someone changed this event after you opened it. Load the latest version and apply your changes again.',
  'not-found': 'This event does not exist.',
};

/** A sentence for people; the server's `detail` when we have no better wording. */
export function eventErrorMessage(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (error instanceof ApiError) {
    if (byCode[error.code]) return byCode[error.code];
    if (error.status === 401) return 'Your session has expired. Please sign in again.';
    if (error.status === 403) return error.detail || 'You are not allowed to do this.';
    if (error.status === 429) return 'Too many requests. Please wait a moment and try again.';
    if (error.status >= 500) return 'Something went wrong on our side. Please try again.';
    return error.detail;
  }
  return 'Something went wrong. Please try again.';
}

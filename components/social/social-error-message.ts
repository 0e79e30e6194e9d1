import { ApiError, NetworkError } from '@/components/api/api-error';

const byCode: Record<string, string> = {
  'cannot-follow-self': 'You cannot follow yourself.',
  'not-found': 'This post or person does not exist (any more).',
};

/** A sentence for people; the server's `detail` (and its field messages) when we have no better wording. */
export function socialErrorMessage(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (error instanceof ApiError) {
    if (byCode[error.code]) return byCode[error.code];
    if (error.status === 401) return 'Your session has expired. Please sign in again.';
    if (error.status === 403) return error.detail || 'You are not allowed to do this.';
    if (error.status === 429) return 'Too many requests. Please wait a moment and try again.';
    if (error.status >= 500) return 'Something went wrong on our side. Please try again.';
    if (error.status === 400 && error.fieldProblems.length > 0) {
      return error.fieldProblems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
    }
    return error.detail;
  }
  return 'Something went wrong. Please try again.';
}

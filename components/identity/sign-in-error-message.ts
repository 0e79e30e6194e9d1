/**
 * One message for every failed credential check, whether or not the email exists,
 * so the form never tells an attacker which accounts are real.
 */
export const GENERIC_SIGN_IN_ERROR = 'That email and password combination is not valid.';

export const RATE_LIMITED_SIGN_IN_ERROR = 'Too many attempts. For your security, sign-in is paused for a while; please try again later.';

export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error === 'rate-limited') return RATE_LIMITED_SIGN_IN_ERROR;
  return GENERIC_SIGN_IN_ERROR;
}

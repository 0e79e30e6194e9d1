/** Only same-origin paths are allowed as post-sign-in targets (no open redirect). */
export function safeCallbackUrl(value: string | null | undefined, fallback = '/events'): string {
  if (!value) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/sign-in') || value.startsWith('/sign-up')) return fallback;
  return value;
}

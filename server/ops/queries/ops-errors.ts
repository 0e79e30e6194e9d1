/** Ops pages show the platform's internals: administrators only. */
export const opsErrors = [
  { status: 401 as const, code: 'unauthenticated', when: 'not signed in' },
  { status: 403 as const, code: 'forbidden', when: 'the caller is not an administrator' },
];

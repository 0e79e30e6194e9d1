/**
 * The one error vocabulary of the platform. Domain code throws `DomainError` (a rule said no);
 * the HTTP layer maps every `AppError` kind to a status and an RFC 9457 problem document.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'rate-limited';

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable, kebab-case, part of the API contract (clients switch on it). */
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A rule refused the command, with a code from its context's closed catalog (see `defineErrors`). */
export class DomainError<Code extends string = string> extends AppError {
  constructor(
    readonly code: Code,
    message: string,
    kind: 'not-found' | 'forbidden' | 'conflict' = 'conflict',
  ) {
    super(kind, code, message);
    this.name = 'DomainError';
  }
}

/** How a refusal is answered: 404 (no such thing), 403 (not yours), 409 (a rule said no). */
export interface RefusalSpec {
  status: 403 | 404 | 409;
  /** When the code is raised, for the API document. */
  when: string;
}

const KIND = { 403: 'forbidden', 404: 'not-found', 409: 'conflict' } as const;

/**
 * A context's closed list of refusal codes (`<ctx>/domain/errors.ts`). Domain code can only raise
 * a code listed here, and the API document is built from the same list, so the two cannot drift.
 */
export function defineErrors<const Catalog extends Record<string, RefusalSpec>>(catalog: Catalog) {
  type Code = keyof Catalog & string;
  return {
    catalog,
    /** The error a rule throws. */
    refuse: (code: Code, message: string) => new DomainError<Code>(code, message, KIND[catalog[code].status]),
    /** The documented answers for these codes (a command's `errors`). */
    docs: (codes: readonly Code[]) => [...new Set(codes)].map((code) => ({ code, ...catalog[code] })),
  };
}

/** The codes of a catalog made by `defineErrors`. */
export type ErrorCodeOf<E extends { catalog: object }> = keyof E['catalog'] & string;

export const notFound = (what: string) => new AppError('not-found', 'not-found', `${what} was not found`);
export const forbidden = (why: string) => new AppError('forbidden', 'forbidden', why);
export const unauthenticated = () => new AppError('unauthenticated', 'unauthenticated', 'Sign in or send a bearer token');
export const invalid = (errors: FieldError[], message = 'The request is invalid') => new AppError('invalid', 'invalid-request', message, { errors });

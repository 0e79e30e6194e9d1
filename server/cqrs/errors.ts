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

/** A business rule refused the command: always a 409 with the rule's code. */
export class DomainError extends AppError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new AppError('not-found', 'not-found', `${what} was not found`);
export const forbidden = (why: string) => new AppError('forbidden', 'forbidden', why);
export const unauthenticated = () => new AppError('unauthenticated', 'unauthenticated', 'Sign in or send a bearer token');
export const invalid = (errors: FieldError[], message = 'The request is invalid') => new AppError('invalid', 'invalid-request', message, { errors });

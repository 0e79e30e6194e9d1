import { z } from 'zod';
import { AppError, type ErrorKind, type FieldError } from '@/server/cqrs/errors';
import { logFault } from './redact';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
};

const TITLE: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** The RFC 9457 body of every refusal; the API document's `Problem` is generated from it. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  code: z
    .string()
    .regex(/^[a-z]+(-[a-z]+)*$/)
    .describe('Stable machine-readable code'),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Each bad field or header, by name'),
});

/**
 * A refusal about the HTTP exchange itself rather than the request's meaning: a method the route
 * does not serve (405, with `Allow`), a body too large (413) or of a media type it does not read
 * (415). The core's error kinds stay about the domain; only the HTTP layer raises these.
 */
export class HttpRefusal extends AppError {
  constructor(
    readonly status: 405 | 413 | 415,
    code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    errors?: FieldError[],
  ) {
    super('invalid', code, message, errors ? { errors } : {});
    this.name = 'HttpRefusal';
  }
}

export const methodNotAllowed = (method: string, allow: readonly string[]) =>
  new HttpRefusal(405, 'method-not-allowed', `${method} is not served here; use ${allow.join(', ')}`, { Allow: allow.join(', ') });

export const bodyTooLarge = (maxBytes: number) =>
  new HttpRefusal(413, 'body-too-large', `The body is larger than ${maxBytes} bytes`, {}, [{ path: '(body)', message: `must be at most ${maxBytes} bytes` }]);

export const unsupportedMediaType = (accepted: string) =>
  new HttpRefusal(415, 'unsupported-media-type', `Send the body as ${accepted}`, { 'Accept-Post': accepted }, [
    { path: 'Content-Type', message: `must be ${accepted}` },
  ]);

/** Maps any thrown value to an RFC 9457 problem+json response; only real faults become 500s. */
export function problemResponse(err: unknown, instance?: string): Response {
  if (!(err instanceof AppError)) {
    logFault(err, instance);
    return problem(500, 'internal', 'Something went wrong on our side; it was logged', instance);
  }
  const status = err instanceof HttpRefusal ? err.status : STATUS[err.kind];
  const headers: Record<string, string> = err instanceof HttpRefusal ? { ...err.headers } : {};
  if (err.extra.retryAfterSeconds) headers['Retry-After'] = String(err.extra.retryAfterSeconds);
  return problem(status, err.code, err.message, instance, err.extra.errors ? { errors: err.extra.errors } : {}, headers);
}

/** The problem+json body of a refusal (also used by the front door, which answers before Next.js). */
export function problemBody(status: number, code: string, detail: string, instance?: string, extra: Record<string, unknown> = {}) {
  return { type: `https://quadrant.dev/problems/${code}`, title: TITLE[status] ?? 'Error', status, code, detail, ...(instance ? { instance } : {}), ...extra };
}

function problem(
  status: number,
  code: string,
  detail: string,
  instance: string | undefined,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(problemBody(status, code, detail, instance, extra)), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

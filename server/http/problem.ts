import { AppError, type ErrorKind } from '@/server/cqrs/errors';

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
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Maps any thrown value to an RFC 9457 problem+json response; only real faults become 500s. */
export function problemResponse(err: unknown, instance?: string): Response {
  if (!(err instanceof AppError)) {
    console.error('[unhandled]', err);
    return problem(500, 'internal', 'Something went wrong on our side; it was logged', instance);
  }
  const status = STATUS[err.kind];
  const headers: Record<string, string> = {};
  if (err.extra.retryAfterSeconds) headers['Retry-After'] = String(err.extra.retryAfterSeconds);
  return problem(status, err.code, err.message, instance, err.extra.errors ? { errors: err.extra.errors } : {}, headers);
}

function problem(
  status: number,
  code: string,
  detail: string,
  instance: string | undefined,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = { type: `https://quadrant.dev/problems/${code}`, title: TITLE[status], status, code, detail, ...(instance ? { instance } : {}), ...extra };
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

import type { z } from 'zod';
import { invalid, type AppError } from '@/server/cqrs/errors';

/**
 * Turns zod issues into our 400 naming each bad field by its path (an unknown field by its own),
 * once: the first rule a field breaks is the one said ("must be an email address", not also "must
 * have at most 64 characters before the @").
 */
export function fromZodError(error: z.ZodError, message = 'The request is invalid'): AppError {
  const all = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'is not a known field' }))
      : [{ path: issue.path.join('.') || '(body)', message: issue.message }],
  );
  return invalid(
    all.filter((e, i) => all.findIndex((f) => f.path === e.path) === i),
    message,
  );
}

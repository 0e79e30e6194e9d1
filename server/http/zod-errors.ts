import type { z } from 'zod';
import { invalid, type AppError } from '@/server/cqrs/errors';

/** Turns zod issues into our 400 naming each bad field by its path (an unknown field by its own). */
export function fromZodError(error: z.ZodError, message = 'The request is invalid'): AppError {
  return invalid(
    error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'is not a known field' }))
        : [{ path: issue.path.join('.') || '(body)', message: issue.message }],
    ),
    message,
  );
}

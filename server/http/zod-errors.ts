import type { z } from 'zod';
import { invalid, type AppError } from '@/server/cqrs/errors';

/** Turns zod issues into our 400 naming each bad field by its path. */
export function fromZodError(error: z.ZodError, message = 'The request is invalid'): AppError {
  return invalid(
    error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message })),
    message,
  );
}

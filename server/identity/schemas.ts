import { z } from 'zod';

export const createUserInput = z.strictObject({
  email: z.email({ message: 'must be an email address' }).max(254, 'must be at most 254 characters'),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  password: z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
});

export const userCreated = z.object({ userId: z.uuid(), consistencyToken: z.string().nullable() });

export const tokenInput = z.strictObject({
  email: z.string().min(1, 'is required').max(254),
  password: z.string().min(1, 'is required').max(200),
});

export const tokenOutput = z.object({ token: z.string(), expiresAt: z.string() });

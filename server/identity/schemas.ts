import { z } from 'zod';
import { consistencyToken } from '@/server/shared/contract';

/** RFC 5321 §4.5.3.1: a local part of at most 64 octets, a whole address of at most 254. */
export const EMAIL_LIMITS = { localPart: 64, total: 254, label: 63 } as const;

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * zod's email shape, with the RFC's limits as lookaheads: a local part of 1..64 characters and no
 * domain label over 63. One pattern, so the API document declares it (with format: email) and a
 * client can check an address before sending it.
 */
const EMAIL = new RegExp(
  `^(?=[^@]{1,${EMAIL_LIMITS.localPart}}@)(?![^@]*@[^@]*[^.@]{${EMAIL_LIMITS.label + 1}})${z.regexes.email.source.replace(/^\^/, '')}`,
  z.regexes.email.flags,
);

/** An email address as sign-up and sign-in accept it (at most 254 characters, and bytes). */
export const emailAddress = () =>
  z
    .email({ pattern: EMAIL, message: `must be an email address (at most ${EMAIL_LIMITS.localPart} characters before the @)` })
    .max(EMAIL_LIMITS.total, `must be at most ${EMAIL_LIMITS.total} characters`)
    .refine((email) => utf8Length(email) <= EMAIL_LIMITS.total, `must be at most ${EMAIL_LIMITS.total} bytes`);

export const createUserInput = z.strictObject({
  email: emailAddress(),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  password: z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
});

export const userCreated = z.object({ userId: z.uuid(), consistencyToken });

/** Sign-in takes the same addresses sign-up does: anything else names no account and is a 400. */
export const tokenInput = z.strictObject({
  email: emailAddress(),
  password: z.string().min(1, 'is required').max(200, 'must be at most 200 characters'),
});

export const tokenOutput = z.object({ token: z.string(), expiresAt: z.iso.datetime() });

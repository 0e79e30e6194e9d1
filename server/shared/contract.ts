import { z } from 'zod';

/**
 * Building blocks of every context's HTTP contract (`server/<ctx>/schemas.ts`), so an id, a time,
 * a page or an amount is validated and documented the same way everywhere. Messages finish the
 * sentence "<field> ...", as problem+json lists them per field.
 */

/** A UUID. Ids are stored lower-case: an upper-case UUID names the same thing. */
export const id = () => z.uuid({ message: 'must be a UUID' }).toLowerCase();

export const isoDateTime = () => z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2030-05-01T18:00:00Z' });

/** Trimmed text of 1..max characters. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Page size from the query string. */
export const limit = (max: number, fallback = 20) =>
  z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`).default(fallback);

/** How cursors without a shape of their own are written: base64url (server/events/queries/page-cursor.ts). */
export const BASE64URL_CURSOR = /^[A-Za-z0-9_-]{1,1024}$/;

/**
 * An opaque position an earlier page returned; `pattern` is its exact shape where it has one, else
 * base64url of at most 1,024 characters. Either way the API document declares the shape, so a
 * client (or a fuzzer) can tell an issued cursor from garbage without asking.
 */
export const cursor = (pattern: RegExp = BASE64URL_CURSOR) => z.string().regex(pattern, 'must be a cursor returned by an earlier page').optional();

/** `<transaction id>.<position>`, as server/cqrs/consistency-token.ts writes and reads it. */
export const CONSISTENCY_TOKEN_PATTERN = /^\d{1,18}\.\d{1,18}$/;

/** Every command answers with it; send it back as X-Consistency-Token to read your own write. */
export const consistencyToken = z.string().regex(CONSISTENCY_TOKEN_PATTERN).nullable().describe('Send as X-Consistency-Token to read your own write');

/** Integer minor units (cents, won) and an ISO 4217 code: never a float (server/shared/money.ts). */
export const money = z.strictObject({
  amount: z.number().int('must be a whole number of minor units').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
});

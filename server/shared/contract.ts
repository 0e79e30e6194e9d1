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

/** An opaque position an earlier page returned; `pattern` is its exact shape where it has one. */
export const cursor = (pattern?: RegExp) =>
  (pattern
    ? z.string().regex(pattern, 'must be a cursor returned by an earlier page')
    : z.string().max(200, 'must be a cursor returned by an earlier page')
  ).optional();

/** Every command answers with it; send it back as X-Consistency-Token to read your own write. */
export const consistencyToken = z.string().nullable().describe('Send as X-Consistency-Token to read your own write');

/** Integer minor units (cents, won) and an ISO 4217 code: never a float (server/shared/money.ts). */
export const money = z.strictObject({
  amount: z.number().int('must be a whole number of minor units').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
});

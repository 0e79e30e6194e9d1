import type { z } from 'zod';

/** A queue's retry policy: a job failing past `retryLimit` retries moves to the dead-letter queue. */
export interface JobOptions {
  retryLimit: number;
  /** Seconds before the first retry; doubled each time with `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

/**
 * A kind of job (after Documenso's job client): its queue, the zod schema of its payload and its
 * queue's retry policy. Senders pass the schema's input type; workers get its output, so no
 * payload is ever decoded by hand and an unreadable one fails visibly (see `workJob`).
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  options: JobOptions;
  /** Where a job goes after its last retry: `<name>-dead`. */
  deadLetter: string;
}

export function defineJob<S extends z.ZodType>(definition: { name: string; payload: S; options: JobOptions }): JobDefinition<S> {
  return { ...definition, deadLetter: `${definition.name}-dead` };
}

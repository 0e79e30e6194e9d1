import { z } from 'zod';
import { decodeToken } from '@/server/cqrs/consistency-token';
import { defineJob } from './define-job';

/**
 * "The log has reached `token`": the one payload a command's transaction sends, to the queue of
 * each context whose projectors or reactors handle an event type it appended. The worker completes
 * the job once those consumers are at or past the token; failing ones retry with exponential
 * backoff, then land in the queue's own dead-letter queue, so one context's failure never holds
 * back or dead-letters another's.
 */
export const logReached = z.object({
  token: z.string().transform((token, ctx) => {
    const position = decodeToken(token);
    if (!position) ctx.addIssue({ code: 'custom', message: 'not a log position' });
    return position ?? z.NEVER;
  }),
  /** What wrote the events (a command, or the reactor whose reaction issued commands): for people reading the queue. */
  command: z.string(),
});

const catchUpOptions = { retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 };

/** The job of one consumer queue (`projections.<context>` or `reactions.<context>`). */
export const catchUpJob = (queue: string) => defineJob({ name: queue, payload: logReached, options: catchUpOptions });

export const projectionsQueue = (context: string) => `projections.${context}`;
export const reactionsQueue = (context: string) => `reactions.${context}`;

/** Before queues per context, one `projections` queue served every projector; migrations remove it. */
export const legacyQueues = ['projections', 'projections-dead'];

/** Channel notified (transactionally, on commit) after each command so the worker wakes at once. */
export const eventsChannel = 'quadrant_events';

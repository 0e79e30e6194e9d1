/**
 * pg-boss queues. Every command sends one `projections` job in its own transaction; the worker
 * completes it once every projector has applied the command's events. Failing jobs retry with
 * exponential backoff and then land in the dead-letter queue, where ops can inspect and replay them.
 */
export const queues = {
  projections: 'projections',
  projectionsDead: 'projections-dead',
} as const;

export const projectionsQueueOptions = {
  retryLimit: 5,
  retryDelay: 1,
  retryBackoff: true,
  expireInSeconds: 60,
  deadLetter: queues.projectionsDead,
} as const;

/** Channel notified (transactionally, on commit) after each command so the worker wakes at once. */
export const eventsChannel = 'quadrant_events';

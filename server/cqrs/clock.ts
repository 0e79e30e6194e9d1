import { randomUUID } from 'node:crypto';

/**
 * Where commands and queries get the time and new ids. Only the edge (route adapters, the worker)
 * uses the system's; tests pass fixed ones, so "now" is an input like any other.
 */
export interface Clock {
  now(): Date;
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date(), newId: randomUUID };

import type { Projector } from '@/server/cqrs/projector';
import type { Reactor } from '@/server/cqrs/reactor';
import { projectionsQueue, reactionsQueue } from './queues';

/** A consumer queue and the event types whose appending must wake it. */
export interface QueueRoute {
  queue: string;
  eventTypes: readonly string[];
}

/** The log consumers of one context, which share its queues. */
export interface ContextConsumers {
  name: string;
  projectors: readonly Projector[];
  reactors: readonly Reactor[];
}

/** Each context's queues: `projections.<context>` for its projectors, `reactions.<context>` for its reactors. */
export function queueRoutes(contexts: readonly ContextConsumers[]): QueueRoute[] {
  const route = (queue: string, consumers: readonly { handles: readonly string[] }[]) => ({
    queue,
    eventTypes: [...new Set(consumers.flatMap((c) => c.handles))],
  });
  return contexts.flatMap((c) => [
    ...(c.projectors.length ? [route(projectionsQueue(c.name), c.projectors)] : []),
    ...(c.reactors.length ? [route(reactionsQueue(c.name), c.reactors)] : []),
  ]);
}

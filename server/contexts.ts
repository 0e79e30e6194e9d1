import type { Reactor } from './cqrs/reactor';
import { eventsContext } from './events';
import { identityContext } from './identity';
import { type ContextConsumers, queueRoutes } from './jobs/queue-routes';
import { opsContext } from './ops';
import { socialContext } from './social';

/** Every bounded context; the worker, the OpenAPI document and the rebuild tool read this list. */
export const contexts = [identityContext, eventsContext, socialContext, opsContext];

/** What the worker runs per context: projectors, and reactors where a context has them (procurement and cards bring the first). */
export const contextConsumers: ContextConsumers[] = contexts.map((c) => ({
  name: c.name,
  projectors: c.projectors,
  reactors: (c as { reactors?: readonly Reactor[] }).reactors ?? [],
}));

export const allProjectors = contexts.flatMap((c) => c.projectors);

/** Which queues a command's transaction wakes for which event types (made pg-boss subscriptions by migrations). */
export const contextRoutes = queueRoutes(contextConsumers);

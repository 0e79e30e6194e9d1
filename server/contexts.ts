import { eventsContext } from './events';
import { identityContext } from './identity';
import { queueRoutes } from './jobs/queue-routes';
import { opsContext } from './ops';
import { procurementContext } from './procurement';
import { socialContext } from './social';

/** Every bounded context; the routes' tests, the OpenAPI document, the worker and the rebuild tool read this list. */
export const contexts = [identityContext, eventsContext, socialContext, procurementContext, opsContext];

export const allProjectors = contexts.flatMap((c) => c.projectors);

/** Which queues a command's transaction wakes for which event types (made pg-boss subscriptions by migrations). */
export const contextRoutes = queueRoutes(contexts);
